#include "core/review/ReviewRows.h"

#include "core/review/CaseDocument.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace pal {

namespace {
// The texts' Qt Linguist context, "Review".
struct Review {
    Q_DECLARE_TR_FUNCTIONS(Review)
};
} // namespace

std::vector<LandmarkFindings> findingsOfSet(const std::vector<CheckFinding>& findings,
                                            const LandmarkSchema& schema, bool groundTruth,
                                            int rows) {
    std::vector<LandmarkFindings> found(static_cast<std::size_t>(std::max(rows, 0)));
    for (const CheckFinding& f : findings) {
        const QString line =
            (groundTruth ? Review::tr("Ground truth: ") : QString()) + describeFinding(f, schema);
        //: %1 is a check's short title, such as "swapped"
        const QString title = groundTruth
                                  ? Review::tr("%1 (ground truth)").arg(checkKindTitle(f.kind))
                                  : checkKindTitle(f.kind);
        for (const int row : {f.landmark, f.other}) {
            if (row >= 0 && row < rows) {
                LandmarkFindings& r = found[static_cast<std::size_t>(row)];
                r.lines << line;
                if (!r.titles.contains(title)) {
                    r.titles << title;
                }
            }
        }
    }
    return found;
}

std::vector<LandmarkFindings> mergedFindings(std::vector<LandmarkFindings> first,
                                             const std::vector<LandmarkFindings>& second) {
    for (std::size_t i = 0; i < first.size() && i < second.size(); ++i) {
        first[i].lines << second[i].lines;
        for (const QString& t : second[i].titles) {
            if (!first[i].titles.contains(t)) {
                first[i].titles << t;
            }
        }
    }
    return first;
}

std::optional<ToleranceVerdict> toleranceVerdict(const LandmarkSet& working,
                                                 const std::optional<LandmarkSet>& predicted,
                                                 const std::optional<LandmarkSet>& truth, int row) {
    const double tolerance = repeatabilityOf(working.schema(), row);
    if (!predicted || row < 0 || row >= predicted->size() || !predicted->at(row).isPresent() ||
        !std::isfinite(tolerance)) {
        return std::nullopt;
    }
    const Eigen::Vector3d centre = predicted->at(row).position;
    ToleranceVerdict v;
    v.toleranceMm = tolerance;
    if (truth && row < truth->size() && truth->at(row).isPresent()) {
        v.truthMm = (truth->at(row).position - centre).norm();
    }
    if (row < working.size()) {
        const Landmark& w = working.at(row);
        if (w.isPresent() && (w.status == LandmarkStatus::Corrected ||
                              (w.status == LandmarkStatus::Placed && isReviewed(w)))) {
            v.correctionMm = (w.position - centre).norm();
        }
    }
    return v;
}

QString toleranceSummary(const ToleranceVerdict& v) {
    QStringList parts;
    if (v.truthMm) {
        parts << (v.truthInside() ? Review::tr("truth inside") : Review::tr("truth outside"));
    }
    if (v.correctionMm) {
        parts << (v.correctionInside() ? Review::tr("correction inside")
                                       : Review::tr("correction outside"));
    }
    return parts.join(QStringLiteral(", "));
}

QString toleranceDetails(const ToleranceVerdict& v, const LandmarkSchema& schema, int row) {
    QStringList lines;
    //: %1 a distance in mm, %2 a landmark's key
    lines << Review::tr(
                 "Tolerance %1 mm around the model's prediction: how far apart one person's two "
                 "placements of %2 typically are.")
                 .arg(v.toleranceMm, 0, 'f', 2)
                 .arg(schema.key(row));
    if (v.truthMm) {
        lines << (v.truthInside() ? Review::tr("Ground truth %1 mm from the prediction: inside.")
                                  : Review::tr("Ground truth %1 mm from the prediction: outside."))
                     .arg(*v.truthMm, 0, 'f', 2);
    }
    if (v.correctionMm) {
        lines << (v.correctionInside()
                      ? Review::tr("Correction %1 mm from the prediction: inside.")
                      : Review::tr("Correction %1 mm from the prediction: outside."))
                     .arg(*v.correctionMm, 0, 'f', 2);
    }
    return lines.join(QLatin1Char('\n'));
}

double errorHueDegrees(double mm) {
    const double t = std::clamp((mm - 1.0) / 4.0, 0.0, 1.0);
    return (1.0 - t) * 120.0;
}

} // namespace pal
