#include "core/workflow/ModelEvaluation.h"

#include "core/errors/Error.h"
#include "core/geometry/Transform.h"
#include "core/review/ReviewStore.h"

#include <Eigen/LU>

#include <set>

namespace pal {

std::vector<EvaluationTarget> evaluationTargets(const Dataset& ds, const QStringList& only,
                                                bool preferReview) {
    std::vector<EvaluationTarget> out;
    for (const Case& c : ds.cases()) {
        if (!only.isEmpty() && !only.contains(c.id())) {
            continue;
        }
        std::optional<ReviewSnapshot> review;
        if (preferReview) {
            review = readReview(sidecarPath(c), c);
        }
        if (review) {
            out.push_back({c, review->working.positions()});
        } else if (c.hasLandmarks()) {
            out.push_back({c, c.readLandmarks().landmarks.positions()});
        }
    }
    return out;
}

EvaluationCase templateBaseline(const EvaluationTarget& target,
                                const Eigen::MatrixX3d& templateLandmarks) {
    const Eigen::Matrix4d back = target.source.readTransform().inverse();
    Eigen::MatrixX3d t = templateLandmarks;
    for (Eigen::Index i = 0; i < t.rows(); ++i) {
        t.row(i) = transformPoint(back, t.row(i).transpose()).transpose();
    }
    return {target.source.id(), t, target.truth};
}

std::vector<Prediction> predictTargets(const ModelPredictor& model,
                                       const std::vector<EvaluationTarget>& targets,
                                       const QString& stage, const EvaluationProgress& progress,
                                       const std::atomic<bool>* cancel) {
    std::vector<Case> cases;
    for (const EvaluationTarget& t : targets) {
        cases.push_back(t.source);
    }
    return model.predictAll(
        cases,
        [&](int done, int total, const Prediction&) {
            if (progress) {
                progress(stage, done, total);
            }
            return true;
        },
        cancel);
}

ModelEvaluation evaluateModel(const EngineApi& engine, const QString& bundlePath,
                              const std::vector<EvaluationTarget>& targets,
                              const std::vector<SnapMode>& modes, PredictorOptions options,
                              const EvaluationProgress& progress, const std::atomic<bool>* cancel) {
    ModelEvaluation out;
    std::vector<std::vector<Prediction>> perMode;
    std::set<QString> failed; // caseKey: cases of one folder (.npz files) fail alone
    for (const SnapMode mode : modes) {
        options.snap = mode;
        const std::unique_ptr<ModelPredictor> model = engine.loadModel(bundlePath, options);
        out.manifest = model->manifest();
        out.modelId = model->modelId();
        perMode.push_back(predictTargets(*model, targets, snapModeName(mode), progress, cancel));
        for (const Prediction& p : perMode.back()) {
            if (!p.ok() && failed.insert(caseKey(p.caseFolder, p.caseId)).second) {
                out.failures.push_back({p.caseId, p.error});
            }
        }
    }
    auto kept = [&](const Case& c) { return !failed.count(caseKey(c.files().folder, c.id())); };
    for (std::size_t m = 0; m < modes.size(); ++m) {
        std::vector<EvaluationCase> cases;
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (kept(targets[i].source)) {
                cases.push_back({targets[i].source.id(), perMode[m][i].landmarks.positions(),
                                 targets[i].truth});
            }
        }
        if (cases.empty()) {
            throw ValidationError(bundlePath, QStringLiteral("no case could be evaluated"));
        }
        out.evaluatedCases = static_cast<int>(cases.size());
        out.variants.push_back(evaluate(cases, snapModeName(modes[m]), out.manifest.schema));
    }
    std::vector<EvaluationCase> baseline;
    for (const EvaluationTarget& t : targets) {
        if (kept(t.source)) {
            baseline.push_back(templateBaseline(t, out.manifest.templateLandmarks));
        }
    }
    if (!baseline.empty()) {
        out.baseline =
            evaluate(baseline, QStringLiteral("template (baseline)"), out.manifest.schema);
    }
    return out;
}

} // namespace pal
