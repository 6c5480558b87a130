#pragma once

// A training (or fine-tuning) run of engine::Trainer in a worker thread (WorkerJob's state
// machine). Each epoch's report reaches the owner's thread through a queued signal, the result
// once the job has ended; a cancel stops at the next batch and leaves the last checkpoint.

#include "core/engine/Trainer.h"
#include "core/engine/WorkerJob.h"

#include <QMetaType>

namespace pal::engine {

class TrainingJob : public WorkerJob {
    Q_OBJECT
public:
    explicit TrainingJob(TrainOptions options, QObject* parent = nullptr);
    ~TrainingJob() override;

    const TrainOptions& options() const { return m_options; }
    // Valid on the owner's thread after ended(): what the trainer returned (Finished or
    // Cancelled: resume with TrainOptions::resume = result().checkpointPath).
    const TrainResult& result() const { return m_result; }

Q_SIGNALS:
    // After every epoch, on the owner's thread.
    void epochEnded(const pal::engine::EpochReport& report);

protected:
    void work(const std::atomic<bool>& cancel) override;
    void handOver() override { m_result = m_workerResult; }

private:
    TrainOptions m_options;
    TrainResult m_result;
    TrainResult m_workerResult;
};

} // namespace pal::engine

Q_DECLARE_METATYPE(pal::engine::EpochReport)
