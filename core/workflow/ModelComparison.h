#pragma once

// Comparing a new model with the one it would replace (its parent, or the model in use) on the
// same cases, the same post-processing and the same targets, before anyone adopts it: the
// use case behind the training dialog's "parent vs new" and `palstudio-cli train`'s
// comparison. A fine-tune is compared on its validation cases, which it did not train on.

#include "core/eval/Metrics.h"
#include "core/workflow/Engine.h"
#include "core/workflow/ModelEvaluation.h"
#include "core/workflow/PredictCases.h"
#include "core/workflow/TrainingData.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <vector>

namespace pal {

// Better or worse only when the paired per-case difference is at least twice its standard
// error; otherwise the cases do not tell the two apart.
enum class ComparisonVerdict { Better, Worse, NoClearDifference };

struct ModelComparison {
    QString referenceName;                 // the model compared with ("default.palnet")
    QString candidateName;                 // the new model
    EvaluationResult reference, candidate; // over the same cases, in the same order
    std::vector<CaseFailure> failures;     // cases either model could not predict (left out)
    // Per case: candidate's mean landmark error minus the reference's (mm); mean and standard
    // error of the mean (sample standard deviation / sqrt(n); infinite for one case).
    double meanDifference = 0;
    double standardError = 0;
    ComparisonVerdict verdict = ComparisonVerdict::NoClearDifference;
    int caseCount() const { return candidate.caseCount(); }
};

// The verdict of paired differences (candidate - reference, mm per case); pure.
ComparisonVerdict compareDifferences(const std::vector<double>& differences, double& mean,
                                     double& standardError);

// The targets of a comparison: the listed cases, with the landmarks a run on `source` trains on
// (core/workflow/TrainingData.h), in the cases' own frames.
std::vector<EvaluationTarget> comparisonTargets(const Dataset& dataset, const QStringList& caseIds,
                                                TrainingSource source);

// Predicts every target with both models (the same snap mode) and compares. Throws
// ValidationError when no case is left, pal::Cancelled on a cancel.
ModelComparison compareModels(const EngineApi& engine, const QString& referenceBundle,
                              const QString& candidateBundle,
                              const std::vector<EvaluationTarget>& targets, SnapMode mode,
                              PredictorOptions options = {},
                              const EvaluationProgress& progress = {},
                              const std::atomic<bool>* cancel = nullptr);

// k-fold training (`train --folds F`): each fold's model compared with the same reference on
// its own validation cases. Together every case was predicted by a model that did not train on
// it, so the paired verdict over all of them says more than any one fold's few cases.
struct PooledComparison {
    QString referenceName;
    int folds = 0; // folds compared
    int cases = 0; // their cases, all folds together
    // Means over the cases of each case's mean landmark error (mm).
    double referenceMean = 0, candidateMean = 0;
    double meanDifference = 0, standardError = 0; // as ModelComparison's, over every case
    ComparisonVerdict verdict = ComparisonVerdict::NoClearDifference;
};
PooledComparison poolComparisons(const std::vector<ModelComparison>& folds);
// "Across 3 folds (18 cases, each predicted by a fold model that did not train on it): ..."
QString describePooled(const PooledComparison& pooled);

// "better", "worse", "no clear difference".
QString verdictName(ComparisonVerdict verdict);

// The headline, as the CLI prints it and the dialog shows it:
//   On 4 validation case(s) (closest post-processing):
//                    default.palnet   new.palnet
//     point-wise        1.80 mm        1.62 mm
//     distance-wise     1.29 mm        1.20 mm
//   new.palnet is better: 0.18 mm lower per case (standard error 0.05 mm).
QString describeComparison(const ModelComparison& comparison, const QString& casesLabel);

// A header naming both models, then one line per landmark: key, the reference's mean error,
// the candidate's, and the change (candidate - reference), in mm.
QString describeLandmarks(const ModelComparison& comparison);

} // namespace pal
