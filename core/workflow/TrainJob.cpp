#include "core/workflow/TrainJob.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/ModelCard.h"

#include <QFileInfo>

namespace pal {

TrainJob::TrainJob(TrainOptions options, const EngineApi* engine, QObject* parent)
    : Job(QStringLiteral("Training %1").arg(QFileInfo(options.out).fileName()), parent),
      m_options(std::move(options)), m_engine(engine) {
    qRegisterMetaType<pal::EpochReport>();
}

TrainJob::~TrainJob() {
    stopAndWait();
}

void TrainJob::work(const std::atomic<bool>& cancel) {
    const EngineApi& engine = m_engine ? *m_engine : loadEngine();
    m_workerResult = engine.train(
        m_options,
        [this](const EpochReport& report) {
            reportProgress(report.epoch, report.epochs, QStringLiteral("epoch"));
            post([this, report] { Q_EMIT epochEnded(report); });
        },
        &cancel);
    // A bundle written (a cancel after a finished epoch writes one too) gets its card at once;
    // a comparison made afterwards rewrites it (core/workflow/ModelCard.h).
    if (m_workerResult.bestEpoch > 0 && pathKind(m_workerResult.bundlePath) == PathKind::File) {
        writeModelCard(m_workerResult.bundlePath, nullptr);
    }
    if (m_workerResult.cancelled) {
        throw Cancelled();
    }
}

} // namespace pal
