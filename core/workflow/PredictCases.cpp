#include "core/workflow/PredictCases.h"

#include "core/errors/Error.h"
#include "core/workflow/CaseFiles.h"

namespace pal {

PredictionRun predictAndWrite(const ModelPredictor& model, const std::vector<Case>& cases,
                              const QString& outDir, const CaseProgress& progress,
                              const std::atomic<bool>* cancel) {
    PredictionRun run;
    run.total = static_cast<int>(cases.size());
    auto onCase = [&](int done, int total, const Prediction& p) {
        bool written = false;
        if (!p.ok()) {
            run.failures.push_back({p.caseId, p.error});
        } else {
            // One prediction per case, in order: the done-th is cases[done - 1].
            const Case& c = cases[static_cast<std::size_t>(done - 1)];
            const QString path = predictionPath(c, outDir, p.landmarks.schemaPtr());
            try {
                writePrediction(path, p.landmarks);
                run.predictions.push_back(p);
                run.written << path;
                run.meshFiles << c.files().mesh;
                written = true;
            } catch (const Error& e) {
                run.failures.push_back({p.caseId, e.message()});
            }
        }
        if (progress) {
            progress(done, total, p.caseId, written);
        }
        return true;
    };
    try {
        model.predictAll(cases, onCase, cancel);
    } catch (const Cancelled&) {
        run.cancelled = true;
    }
    return run;
}

QString describeFailures(const std::vector<CaseFailure>& failures, int total) {
    if (failures.empty()) {
        return {};
    }
    QString text =
        QStringLiteral("%1 of %2 case(s) could not be predicted:").arg(failures.size()).arg(total);
    for (const CaseFailure& f : failures) {
        text += QStringLiteral("\n  %1: %2").arg(f.caseId, f.message);
    }
    return text;
}

} // namespace pal
