#pragma once

// Evaluation metrics of docs/method.md ("Evaluation") and
// the training loss terms ("Training"), as plain functions on landmark matrices in mm.
//
// Shapes: a landmark matrix is #L x 3 (one row per schema entry, in schema order; #L = 50 for
// the LA-FAS 50, any #L is accepted). A row holding a NaN (or any non-finite value) is a
// missing landmark.

#include "core/landmarks/LandmarkSchema.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <cmath>
#include <memory>
#include <vector>

namespace pal {

// ---- Per case building blocks -------------------------------------------------------------

// #L: the Euclidean distance between predicted and true row i; NaN where either row is
// missing. Throws ValidationError when the shapes differ.
Eigen::VectorXd landmarkErrors(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth);

// #L x #L: the Euclidean distance between rows a and b (zero diagonal); NaN in the rows and
// columns of missing landmarks.
Eigen::MatrixXd pairwiseDistances(const Eigen::MatrixX3d& points);

// ---- Training loss terms (one case; for cross-checking the engine) ------------------------
// These follow the reference exactly and skip nothing: a missing landmark makes them NaN.
// All throw ValidationError when the shapes differ.

// Mean over the #L landmarks of the Euclidean distance between prediction and truth.
double localisationLoss(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth);
// Mean over all #L x #L entries (the zero diagonal included) of
// |pairwiseDistances(predicted) - pairwiseDistances(truth)|.
double distanceLoss(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth);
// locWeight * localisationLoss + distWeight * distanceLoss; the reference uses 0.6 and 0.4.
double combinedLoss(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth,
                    double locWeight = 0.6, double distWeight = 0.4);

// ---- Evaluation over a set of cases -------------------------------------------------------

struct EvaluationCase {
    QString id;                 // case name, as reports list it
    Eigen::MatrixX3d predicted; // #L x 3, mm
    Eigen::MatrixX3d truth;     // #L x 3, mm
};

// The errors of one post-processing variant over #N cases and #L landmarks, in mm.
//
// Missing landmarks: a landmark of a case counts only where both its predicted and its true
// row are present; a pair (a, b) of a case counts only where a and b both do. Every mean below
// is over the entries that count, and is NaN where none does; the headlines skip NaN entries.
struct EvaluationResult {
    QString variant;                              // post-processing, e.g. "closest", "average"
    std::shared_ptr<const LandmarkSchema> schema; // names the #L rows (never null)
    QStringList caseIds;                          // #N, in input order

    Eigen::VectorXd landmarkMean;  // #L: mean over cases of the Euclidean error (point-wise)
    Eigen::VectorXd landmarkStd;   // #L: population standard deviation (divides by n) of the same
    Eigen::VectorXi landmarkCount; // #L: number of cases that count for the landmark
    Eigen::VectorXd caseMean;      // #N: mean over the case's landmarks of the Euclidean error
    Eigen::MatrixXd pairwise;      // #L x #L: mean over cases of |d_pred(a,b) - d_true(a,b)|

    double pointwise = 0;    // headline: mean over landmarks of landmarkMean
    double distancewise = 0; // headline: mean over all #L x #L entries of pairwise, diagonal
                             // included (as the paper and the training loss do)

    int landmarkCountTotal() const { return static_cast<int>(landmarkMean.size()); }
    int caseCount() const { return static_cast<int>(caseIds.size()); }
};

// Evaluates the cases against one schema (#L = schema->size()). Throws ValidationError when
// there is no case, the schema is null, or a matrix has not #L rows.
EvaluationResult evaluate(const std::vector<EvaluationCase>& cases, const QString& variant,
                          std::shared_ptr<const LandmarkSchema> schema = LandmarkSchema::lafas50());

// Indices (into caseIds) of the n cases with the largest caseMean, largest first; ties keep
// input order; cases whose mean is NaN are left out.
std::vector<int> worstCases(const EvaluationResult& result, int n);

// ---- Intra-observer variability, as the paper reports it (docs/method.md, Evaluation) --
// Only what the paper gives (docs/method.md, "Reference figures"): the mean, two named extremes and
// one range. The spec gives no other per-landmark value, and none is made up here.

struct IntraObserverValue {
    QString key;         // schema key, e.g. "Sto"
    QString description; // "lowest", "highest"
    double mm = 0;       // "about" this value
};

struct IntraObserverReference {
    QString source;                        // where the numbers come from
    double meanMm = 0;                     // mean over landmarks
    std::vector<IntraObserverValue> named; // Sto (lowest), Pra_L (highest)
    QString rangeDescription;              // "ear landmarks and malar cheek"
    QStringList rangeKeys;                 // Pra, Sa, Pa, Sba and Chk, both sides
    double rangeLowMm = 0;                 // the range those landmarks fall in
    double rangeHighMm = 0;
};

IntraObserverReference intraObserverReference();

// How well a score (an uncertainty) ranks errors (docs/method.md, "Uncertainty"). Pairs whose
// score or error is not finite are left out.
struct RankingQuality {
    int count = 0;          // pairs used
    double spearman = NAN;  // rank correlation of score and error (ties: average ranks)
    double reviewShare = 0; // the share of pairs reviewed: the highest-scoring ones
    double threshold = 0;   // mm: an error above it is "large"
    int large = 0;          // pairs with an error above threshold
    // Of the large errors, the share among the reviewed pairs (recall); a score that says
    // nothing finds about reviewShare of them.
    double largeFound = NAN;
};
RankingQuality rankingQuality(const std::vector<double>& scores, const std::vector<double>& errors,
                              double reviewShare = 0.2, double thresholdMm = 2.0);

// Spearman's rank correlation (ties: average ranks); NaN for fewer than two values or a
// constant input.
double spearman(const std::vector<double>& a, const std::vector<double>& b);

} // namespace pal
