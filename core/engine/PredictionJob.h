#pragma once

// A prediction run in a worker thread (WorkerJob's state machine). Progress per case reaches
// the owner's thread through a queued signal; the predictions once the job has ended.

#include "core/dataset/Case.h"
#include "core/engine/Predictor.h"
#include "core/engine/WorkerJob.h"

#include <memory>
#include <vector>

namespace pal::engine {

class PredictionJob : public WorkerJob {
    Q_OBJECT
public:
    // The predictor is shared: one loaded model can serve several jobs, one at a time.
    PredictionJob(std::shared_ptr<const Predictor> predictor, std::vector<Case> cases,
                  QObject* parent = nullptr);
    ~PredictionJob() override;

    // The predictions made so far (all of them once Finished); read them on the owner's thread
    // after ended().
    const std::vector<Prediction>& results() const { return m_results; }

Q_SIGNALS:
    void progress(int done, int total, const QString& caseId);

protected:
    void work(const std::atomic<bool>& cancel) override;
    void handOver() override { m_results = std::move(m_workerResults); }

private:
    std::shared_ptr<const Predictor> m_predictor;
    std::vector<Case> m_cases;
    std::vector<Prediction> m_results;
    std::vector<Prediction> m_workerResults;
};

} // namespace pal::engine
