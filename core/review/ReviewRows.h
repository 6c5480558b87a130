#pragma once

// What the review says about each landmark, beyond its position and status: the anatomical
// checks' findings that involve it (core/checks/LandmarkChecks.h) and where the ground truth
// and a person's correction lie against its tolerance sphere (the landmark's repeatability
// around the model's prediction). The landmark table and the printed review report both show
// these, from these functions, in the user's language (context "Review").

#include "core/checks/LandmarkChecks.h"
#include "core/landmarks/LandmarkSet.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace pal {

struct LandmarkFindings {
    QStringList titles; // "swapped", "off surface (ground truth)": each once
    QStringList lines;  // describeFinding's, "Ground truth: " first for the ground truth's
    bool operator==(const LandmarkFindings&) const = default;
};

// The findings of one set (checkLandmarks'), listed under every landmark they name (the one at
// fault and the other involved), for `rows` landmarks; groundTruth marks them as the ground
// truth's. A table shows the working set's merged with the ground truth's (when the two sets
// have the same size), the working set's first; the ground truth's change with no edit.
std::vector<LandmarkFindings> findingsOfSet(const std::vector<CheckFinding>& findings,
                                            const LandmarkSchema& schema, bool groundTruth,
                                            int rows);
std::vector<LandmarkFindings> mergedFindings(std::vector<LandmarkFindings> first,
                                             const std::vector<LandmarkFindings>& second);

struct ToleranceVerdict {
    double toleranceMm = 0;             // repeatabilityOf the landmark
    std::optional<double> truthMm;      // ground truth to the prediction, when there is one
    std::optional<double> correctionMm; // a person's correction or placement to the prediction
    bool truthInside() const { return truthMm && *truthMm <= toleranceMm; }
    bool correctionInside() const { return correctionMm && *correctionMm <= toleranceMm; }
};

// nullopt without a prediction of the landmark or a known repeatability.
std::optional<ToleranceVerdict> toleranceVerdict(const LandmarkSet& working,
                                                 const std::optional<LandmarkSet>& predicted,
                                                 const std::optional<LandmarkSet>& truth, int row);
// "truth inside, correction outside"; empty when neither is known.
QString toleranceSummary(const ToleranceVerdict& verdict);
// The same in sentences, with the distances (the table's tooltip).
QString toleranceDetails(const ToleranceVerdict& verdict, const LandmarkSchema& schema, int row);

// The hue an error is drawn in, in degrees (the table, the error lines and the report agree):
// 120 (green) up to 1 mm, 60 (yellow) at 3 mm, 0 (red) from 5 mm.
double errorHueDegrees(double mm);

} // namespace pal
