#include "core/engine/PredictionJob.h"

namespace pal::engine {

PredictionJob::PredictionJob(std::shared_ptr<const Predictor> predictor, std::vector<Case> cases,
                             QObject* parent)
    : WorkerJob(parent), m_predictor(std::move(predictor)), m_cases(std::move(cases)) {}

PredictionJob::~PredictionJob() {
    stopAndWait();
}

void PredictionJob::work(const std::atomic<bool>& cancel) {
    m_predictor->predictAll(
        m_cases,
        [this, &cancel](int done, int total, const Prediction& p) {
            m_workerResults.push_back(p);
            post([this, done, total, id = p.caseId] { Q_EMIT progress(done, total, id); });
            return !cancel.load();
        },
        &cancel);
}

} // namespace pal::engine
