#pragma once

// A training (or fine-tuning) run in a worker thread: each epoch's report reaches the owner's
// thread through a queued signal, the result once the job has ended; a cancel stops at the
// next batch and leaves the last checkpoint (resume with TrainOptions::resume =
// result().checkpointPath). The engine is loaded by the worker when it is first needed.

#include "core/workflow/Engine.h"
#include "core/workflow/Job.h"

#include <QMetaType>

namespace pal {

class TrainJob : public Job {
    Q_OBJECT
public:
    // engine: null to use the one EngineLoader loads (core/workflow/EngineLoader.h).
    explicit TrainJob(TrainOptions options, const EngineApi* engine = nullptr,
                      QObject* parent = nullptr);
    ~TrainJob() override;

    const TrainOptions& options() const { return m_options; }
    // Valid on the owner's thread after ended() (Finished or Cancelled).
    const TrainResult& result() const { return m_result; }

Q_SIGNALS:
    // After every epoch, on the owner's thread.
    void epochEnded(const pal::EpochReport& report);

protected:
    void work(const std::atomic<bool>& cancel) override;
    void handOver() override { m_result = m_workerResult; }

private:
    TrainOptions m_options;
    const EngineApi* m_engine;
    TrainResult m_result;
    TrainResult m_workerResult;
};

} // namespace pal

Q_DECLARE_METATYPE(pal::EpochReport)
