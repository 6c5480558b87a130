#include "core/workflow/ModelEvaluation.h"

#include "core/errors/Error.h"
#include "core/geometry/Transform.h"
#include "core/review/ReviewStore.h"
#include "core/workflow/Distributed.h"

#include <Eigen/LU>

#include <algorithm>
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
                              const EvaluationProgress& progress, const std::atomic<bool>* cancel,
                              Collective* group) {
    ModelEvaluation out;
    // With several processes, this one predicts whole batches in turn (Distributed.h).
    const std::vector<std::size_t> mine = shareOfBatches(
        targets.size(), group ? group->rank() : 0, group ? group->size() : 1, options.batchSize);
    std::vector<EvaluationTarget> myTargets;
    for (const std::size_t i : mine) {
        myTargets.push_back(targets[i]);
    }
    // positions[m][i]: target i's prediction with mode m (all targets once gathered).
    std::vector<std::vector<Eigen::MatrixX3d>> positions(modes.size());
    std::vector<double> failedFlags(targets.size(), 0.0);
    std::set<QString> failed; // caseKey: cases of one folder (.npz files) fail alone
    std::vector<std::pair<std::size_t, CaseFailure>> failures; // by target, sorted below
    bool cancelledHere = false;
    for (std::size_t m = 0; m < modes.size(); ++m) {
        positions[m].assign(targets.size(), Eigen::MatrixX3d());
    }
    for (std::size_t m = 0; m < modes.size() && !cancelledHere; ++m) {
        options.snap = modes[m];
        const std::unique_ptr<ModelPredictor> model = engine.loadModel(bundlePath, options);
        out.manifest = model->manifest();
        out.modelId = model->modelId();
        std::vector<Prediction> predicted;
        try {
            predicted = predictTargets(*model, myTargets, snapModeName(modes[m]), progress, cancel);
        } catch (const Cancelled&) {
            if (!group) {
                throw;
            }
            cancelledHere = true; // the others hear of it at the gather, and stop too
            break;
        }
        for (std::size_t k = 0; k < mine.size(); ++k) {
            const Prediction& p = predicted[k];
            positions[m][mine[k]] = p.landmarks.positions();
            if (!p.ok()) {
                failedFlags[mine[k]] = 1.0;
                if (failed.insert(caseKey(p.caseFolder, p.caseId)).second) {
                    failures.push_back({mine[k], {p.caseId, p.error}});
                }
            }
        }
    }
    if (group) {
        // Every prediction and failure to every process: zeros where another one predicted,
        // summed. A failure another process met is named here with where its reason is.
        const std::size_t landmarks = static_cast<std::size_t>(out.manifest.schema->size());
        const std::size_t each = landmarks * 3;
        std::vector<double> all(modes.size() * targets.size() * each + targets.size() + 1, 0.0);
        for (std::size_t m = 0; m < modes.size(); ++m) {
            for (const std::size_t i : mine) {
                const Eigen::MatrixX3d& p = positions[m][i];
                for (Eigen::Index r = 0; r < p.rows(); ++r) {
                    for (int c = 0; c < 3; ++c) {
                        all[(m * targets.size() + i) * each + static_cast<std::size_t>(r) * 3 +
                            static_cast<std::size_t>(c)] = p(r, c);
                    }
                }
            }
        }
        std::copy(failedFlags.begin(), failedFlags.end(), all.end() - 1 - targets.size());
        all.back() = cancelledHere ? 1.0 : 0.0;
        group->finalSum(all);
        if (all.back() > 0) {
            throw Cancelled(); // on every process, whichever was asked to stop
        }
        for (std::size_t m = 0; m < modes.size(); ++m) {
            for (std::size_t i = 0; i < targets.size(); ++i) {
                Eigen::MatrixX3d p(static_cast<Eigen::Index>(landmarks), 3);
                for (std::size_t r = 0; r < landmarks; ++r) {
                    for (int c = 0; c < 3; ++c) {
                        p(static_cast<Eigen::Index>(r), c) =
                            all[(m * targets.size() + i) * each + r * 3 +
                                static_cast<std::size_t>(c)];
                    }
                }
                positions[m][i] = p;
            }
        }
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const Case& c = targets[i].source;
            if (all[all.size() - 1 - targets.size() + i] > 0 &&
                failed.insert(caseKey(c.files().folder, c.id())).second) {
                failures.push_back(
                    {i,
                     {c.id(), QStringLiteral("could not be predicted by process %1 (its "
                                             "output says why)")
                                  .arg(processOfItem(i, group->size(), options.batchSize))}});
            }
        }
    }
    std::sort(failures.begin(), failures.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& f : failures) {
        out.failures.push_back(std::move(f.second));
    }
    auto kept = [&](const Case& c) { return !failed.count(caseKey(c.files().folder, c.id())); };
    for (std::size_t m = 0; m < modes.size(); ++m) {
        std::vector<EvaluationCase> cases;
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (kept(targets[i].source)) {
                cases.push_back({targets[i].source.id(), positions[m][i], targets[i].truth});
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
