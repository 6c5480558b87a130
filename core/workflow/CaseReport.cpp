#include "core/workflow/CaseReport.h"

#include "core/errors/Error.h"
#include "core/geometry/SurfaceLocator.h"
#include "core/workflow/CaseReview.h"

#include <QCoreApplication>

#include <map>

namespace pal {

namespace {

// The texts' Qt Linguist context, "Report".
struct Report {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

QString minuteOf(const QDateTime& t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

CaseReport caseReportOf(CaseForReview opened) {
    if (opened.cancelled) {
        throw Cancelled();
    }
    if (!opened.error.isEmpty()) {
        throw FormatError(QString(), opened.error);
    }
    if (!opened.source) {
        throw FormatError(opened.path, QStringLiteral("not a case"));
    }
    const Case& c = *opened.source;
    if (opened.sidecarUnreadable) {
        //: %1 the problems met while reading the case's files
        throw FormatError(sidecarPath(c),
                          Report::tr("the review cannot be read, and a report without it would "
                                     "show the case as not reviewed (%1)")
                              .arg(opened.warnings.join(QStringLiteral("; "))));
    }
    CaseReport r;
    r.caseId = opened.caseId;
    r.meshFile = c.files().mesh;
    r.generatedNotice = opened.generatedNotice;
    r.warnings = opened.warnings;
    r.mesh = std::make_shared<const Mesh>(std::move(opened.mesh));

    CaseDocument doc;
    doc.load(c, opened.groundTruth, opened.layout, opened.predicted);
    if (opened.sidecar) {
        applySnapshot(doc, *opened.sidecar);
        r.reportedSet = ReportedSet::Review;
        r.saved = opened.sidecar->saved;
    } else if (doc.predicted()) {
        r.reportedSet = ReportedSet::Prediction;
    }
    r.truth = doc.groundTruth();
    r.predicted = doc.predicted();
    r.reviewed = doc.working();
    r.state = doc.reviewState();
    r.stamp = doc.reviewStamp();
    r.audit = doc.audit();
    if (r.predicted) {
        for (int i = 0; i < r.predicted->size(); ++i) {
            if (r.predicted->at(i).isPresent() && !r.predicted->at(i).provenance.source.isEmpty()) {
                r.model = r.predicted->at(i).provenance.source;
                break;
            }
        }
    }

    const SurfaceLocator surface(r.mesh);
    // The checks once per set: the count, and the lines under the landmarks they name.
    const int rows = r.reviewed.size();
    const std::vector<CheckFinding> own = checkLandmarks(r.reviewed, &surface);
    std::vector<LandmarkFindings> found = findingsOfSet(own, r.reviewed.schema(), false, rows);
    r.findings = static_cast<int>(own.size());
    if (r.truth && r.truth->size() == rows) {
        const std::vector<CheckFinding> truths = checkLandmarks(*r.truth, &surface);
        found =
            mergedFindings(std::move(found), findingsOfSet(truths, r.truth->schema(), true, rows));
        r.findings += static_cast<int>(truths.size());
    }
    r.rows.resize(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        ReportRow& row = r.rows[static_cast<std::size_t>(i)];
        row.status = r.reviewed.at(i).status;
        row.errorMm = doc.error(i);
        row.tolerance = toleranceVerdict(r.reviewed, r.predicted, r.truth, i);
        row.findings = std::move(found[static_cast<std::size_t>(i)]);
    }
    return r;
}

QStringList auditSummary(const std::vector<AuditEntry>& audit, const LandmarkSchema& schema,
                         int recent) {
    if (audit.empty()) {
        return {Report::tr("No change was recorded.")};
    }
    QStringList users;
    int undone = 0;
    int redone = 0;
    std::map<AuditAction, int> done;
    for (const AuditEntry& e : audit) {
        if (!e.user.isEmpty() && !users.contains(e.user)) {
            users << e.user;
        }
        if (e.step == AuditStep::Undo) {
            ++undone;
        } else if (e.step == AuditStep::Redo) {
            ++redone;
        } else {
            ++done[e.action];
        }
    }
    QStringList counts;
    const auto count = [&](AuditAction a, const char* text) {
        if (done[a] > 0) {
            counts << QCoreApplication::translate("Report", text).arg(done[a]);
        }
    };
    //: each of these counts entries of the audit trail: "moved: 7"
    count(AuditAction::Move, QT_TRANSLATE_NOOP("Report", "moved: %1"));
    count(AuditAction::Place, QT_TRANSLATE_NOOP("Report", "placed: %1"));
    count(AuditAction::Status, QT_TRANSLATE_NOOP("Report", "status changes: %1"));
    count(AuditAction::Review, QT_TRANSLATE_NOOP("Report", "review state changes: %1"));
    count(AuditAction::SignOff, QT_TRANSLATE_NOOP("Report", "sign-offs: %1"));
    count(AuditAction::Predict, QT_TRANSLATE_NOOP("Report", "predictions: %1"));
    count(AuditAction::Import, QT_TRANSLATE_NOOP("Report", "imports: %1"));
    if (undone > 0) {
        counts << Report::tr("undone: %1").arg(undone);
    }
    if (redone > 0) {
        counts << Report::tr("redone: %1").arg(redone);
    }
    QStringList lines;
    //: %1 the number of entries, %2 who made them, %3 and %4 date and time, %5 the counts,
    //: e.g. "Changes: 14, by anna, from 2026-12-03 09:12 to 2026-12-03 09:40 UTC (moved: 9)"
    lines << Report::tr("Changes: %1, by %2, from %3 to %4 UTC (%5)")
                 .arg(QString::number(audit.size()),
                      users.isEmpty() ? QStringLiteral("?") : users.join(QStringLiteral(", ")),
                      minuteOf(audit.front().when), minuteOf(audit.back().when),
                      counts.join(QStringLiteral(", ")));
    const auto shown = static_cast<std::size_t>(std::max(recent, 0));
    const std::size_t first = audit.size() > shown ? audit.size() - shown : 0;
    if (first > 0) {
        //: %1 how many earlier entries are left out (Case > History shows them all)
        lines << Report::tr("Earlier entries not listed: %1").arg(first);
    }
    for (std::size_t i = first; i < audit.size(); ++i) {
        const AuditEntry& e = audit[i];
        lines << QStringLiteral("%1 %2: %3")
                     .arg(minuteOf(e.when), e.user, describeAuditEntry(e, schema));
    }
    return lines;
}

std::optional<FaceFrame> reportFrame(const CaseReport& report) {
    if (auto f = faceFrame(report.reviewed)) {
        return f;
    }
    if (report.truth) {
        return faceFrame(*report.truth);
    }
    return std::nullopt;
}

} // namespace pal
