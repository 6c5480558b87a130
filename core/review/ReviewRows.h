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

class SurfaceLocator;

struct LandmarkFindings {
    QStringList titles; // "swapped", "off surface (ground truth)": each once
    QStringList lines;  // describeFinding's, "Ground truth: " first for the ground truth's
    bool operator==(const LandmarkFindings&) const = default;
};

// The findings on the working set and on the ground truth (when it has the working set's
// size), listed under every landmark they name (the one at fault and the other involved).
// surface: the case's mesh for the off-surface check, or nullptr to skip it. One entry per
// landmark of the working set.
std::vector<LandmarkFindings> findingsByLandmark(const LandmarkSet& working,
                                                 const std::optional<LandmarkSet>& truth,
                                                 const SurfaceLocator* surface = nullptr);
// Its two halves: the findings of one set (groundTruth: marked as the ground truth's) under the
// landmarks they name, for `rows` landmarks; and two such lists merged, the first's lines and
// titles first. (The table keeps the ground truth's, which no edit changes.)
std::vector<LandmarkFindings> findingsOfSet(const LandmarkSet& set, bool groundTruth, int rows,
                                            const SurfaceLocator* surface = nullptr);
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
