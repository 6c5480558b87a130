#pragma once

// Evaluating a model against the ground truth and against the baseline every model must beat:
// the model's own mean template placed in each case's frame. One use case behind
// `palstudio-cli evaluate` and the training dialog's evaluation.

#include "core/dataset/Dataset.h"
#include "core/eval/Metrics.h"
#include "core/workflow/Engine.h"
#include "core/workflow/PredictCases.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace pal {

// A case and the landmarks it is evaluated against (its own frame).
struct EvaluationTarget {
    Case source;
    Eigen::MatrixX3d truth; // #L x 3
};

// The cases of a dataset that have something to compare with: their ground truth or, with
// preferReview, the reviewed landmarks where a review sidecar exists (what fine-tuning on
// reviewed cases trains on). only: when not empty, just these case ids.
std::vector<EvaluationTarget> evaluationTargets(const Dataset& ds, const QStringList& only = {},
                                                bool preferReview = false);

// The mean template (in the common frame) moved to the case's own frame, as a prediction.
EvaluationCase templateBaseline(const EvaluationTarget& target,
                                const Eigen::MatrixX3d& templateLandmarks);

struct ModelEvaluation {
    std::vector<EvaluationResult> variants; // one per snap mode asked for
    EvaluationResult baseline;              // the template, over the same cases
    std::vector<CaseFailure> failures;      // cases the model could not predict (skipped)
    int evaluatedCases = 0;
    ModelManifest manifest;
    QString modelId;
};

// progress(stage, done, total): stage is the snap mode's name.
using EvaluationProgress = std::function<void(const QString& stage, int done, int total)>;

// Predicts the targets' cases with the model, in order; failed cases come back with their error.
// progress gets `stage` as its stage name.
std::vector<Prediction> predictTargets(const ModelPredictor& model,
                                       const std::vector<EvaluationTarget>& targets,
                                       const QString& stage, const EvaluationProgress& progress,
                                       const std::atomic<bool>* cancel);

// Predicts every target with each snap mode, then compares. Cases that fail are listed in
// failures and left out of every variant and of the baseline, so all are compared on the same
// cases. Throws ValidationError when no case is left, pal::Cancelled on a cancel.
// group: several processes (Collective): each predicts its share of the targets and every
// process gets the whole evaluation; the failures another process met are named without their
// reason, which that process reports.
ModelEvaluation evaluateModel(const EngineApi& engine, const QString& bundlePath,
                              const std::vector<EvaluationTarget>& targets,
                              const std::vector<SnapMode>& modes, PredictorOptions options = {},
                              const EvaluationProgress& progress = {},
                              const std::atomic<bool>* cancel = nullptr,
                              Collective* group = nullptr);

// A case's key among a run's predictions: its folder and id (the .npz cases of one folder, or
// FaceScape's, share the folder).
inline QString caseKey(const QString& folder, const QString& id) {
    return folder + QLatin1Char('\n') + id;
}

} // namespace pal
