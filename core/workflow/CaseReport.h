#pragma once

// What the printed review report says about one case (the pages are drawn by core/report/):
// the case's landmarks as reviewed (the review sidecar's working set, or the saved prediction
// when nobody reviewed it yet), its ground truth and prediction, one row per landmark (status,
// error against the ground truth, tolerance, the anatomical checks' findings), the audit
// trail's summary and the sign-off. Read from the saved files only: a report shows what is on
// disk, never unsaved edits. Qt Core only.

#include "core/checks/LandmarkChecks.h"
#include "core/dataset/Case.h"
#include "core/mesh/Mesh.h"
#include "core/review/AuditTrail.h"
#include "core/review/CaseDocument.h"
#include "core/review/ReviewRows.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace pal {

struct CaseForReview;

struct ReportRow {
    LandmarkStatus status = LandmarkStatus::Missing;           // of the reviewed set
    double errorMm = std::numeric_limits<double>::quiet_NaN(); // reviewed set to ground truth
    std::optional<ToleranceVerdict> tolerance;
    LandmarkFindings findings;
};

// Which landmarks the report shows as the case's result.
enum class ReportedSet { Review, Prediction, None };

struct CaseReport {
    QString caseId;
    QString meshFile;
    QString generatedNotice;          // set for generated demo data: printed on the page
    QStringList warnings;             // non-fatal problems met while reading (a missing texture)
    std::shared_ptr<const Mesh> mesh; // as stored: the landmarks' frame; never null
    std::optional<LandmarkSet> truth;
    std::optional<LandmarkSet> predicted;
    LandmarkSet reviewed; // the review's working set, else the prediction, else all missing
    ReportedSet reportedSet = ReportedSet::None;
    QString model; // what predicted the landmarks (a model id or file), when known
    ReviewState state = ReviewState::Unreviewed;
    ReviewStamp stamp; // who set the state and when (the sign-off when Done)
    QDateTime saved;   // when the review was saved
    std::vector<AuditEntry> audit;
    std::vector<ReportRow> rows; // one per landmark of the reviewed set
    int findings = 0;            // findings on the reviewed set and the ground truth
};

// The report of an opened case (openCaseForReview, without a journal). Throws FormatError
// naming the file when the case could not be opened, or its review sidecar cannot be read
// (a report must not present a reviewed case as unreviewed).
CaseReport caseReportOf(CaseForReview opened);

// The audit trail in a few lines for the page: one line of counts ("Changes: 14, by anna, from
// 2026-12-03 09:12 to 2026-12-03 09:40 UTC (moved: 9, status changes: 4, undone: 1)"), then
// the last `recent` entries ("2026-12-03 09:40 anna: moved Prn by 3.0 mm", describeAuditEntry),
// newest last, after a line that counts those left out. Empty trail: one line that says so.
QStringList auditSummary(const std::vector<AuditEntry>& audit, const LandmarkSchema& schema,
                         int recent = 6);

// The frame the renders look at the face in: that of the reviewed set, else the ground
// truth's; nullopt when neither has one (the renders then use the common frame's axes,
// docs/landmarks.md "Coordinate frame").
std::optional<FaceFrame> reportFrame(const CaseReport& report);

} // namespace pal
