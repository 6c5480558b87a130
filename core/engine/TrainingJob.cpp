#include "core/engine/TrainingJob.h"

#include "core/errors/Error.h"

namespace pal::engine {

TrainingJob::TrainingJob(TrainOptions options, QObject* parent)
    : WorkerJob(parent), m_options(std::move(options)) {
    qRegisterMetaType<pal::engine::EpochReport>();
}

TrainingJob::~TrainingJob() {
    stopAndWait();
}

void TrainingJob::work(const std::atomic<bool>& cancel) {
    Trainer trainer(m_options);
    m_workerResult = trainer.run(
        [this](const EpochReport& report) { post([this, report] { Q_EMIT epochEnded(report); }); },
        &cancel);
    if (m_workerResult.cancelled) {
        throw Cancelled();
    }
}

} // namespace pal::engine
