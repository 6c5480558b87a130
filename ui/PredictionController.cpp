#include "ui/PredictionController.h"

#include "core/io/InstallPaths.h"
#include "core/io/NativePath.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/JobCentre.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSettings>

#include <mutex>

namespace pal::ui {

// The last model read, shared with the workers that use it (one job at a time). Read again
// when the file changed (a retrained model written to the same path).
struct PredictionController::ModelCache {
    std::mutex mutex;
    QString stamp; // path, size and modification time of the file read
    std::shared_ptr<const ModelPredictor> model;

    static QString stampOf(const QString& bundle) {
        const QFileInfo info(bundle);
        return QStringLiteral("%1|%2|%3")
            .arg(info.absoluteFilePath())
            .arg(info.size())
            .arg(info.lastModified().toMSecsSinceEpoch());
    }

    std::shared_ptr<const ModelPredictor> get(const QString& bundle, Device device) {
        std::lock_guard<std::mutex> lock(mutex);
        const QString now = stampOf(bundle) + QLatin1Char('|') + QString::number(int(device));
        if (!model || stamp != now) {
            PredictorOptions options;
            options.device = device;
            model = loadEngine().loadModel(bundle, options);
            stamp = now;
        }
        return model;
    }

    void forget() {
        std::lock_guard<std::mutex> lock(mutex);
        model.reset();
        stamp.clear();
    }
};

PredictionController::PredictionController(JobCentre& jobs, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_cache(std::make_shared<ModelCache>()) {}

PredictionController::~PredictionController() = default;

QString PredictionController::activeModelPath() {
    const QString chosen = QSettings().value(QStringLiteral("model/path")).toString();
    return chosen.isEmpty() ? defaultModelPath() : chosen;
}

QString PredictionController::modelPath() const {
    return activeModelPath();
}

Device PredictionController::devicePreference() {
    const QString v = QSettings().value(QStringLiteral("engine/device")).toString();
    return v == QLatin1String("cpu")    ? Device::Cpu
           : v == QLatin1String("cuda") ? Device::Cuda
                                        : Device::Auto;
}

void PredictionController::setDevicePreference(Device device) {
    QSettings().setValue(QStringLiteral("engine/device"),
                         device == Device::Cpu    ? QStringLiteral("cpu")
                         : device == Device::Cuda ? QStringLiteral("cuda")
                                                  : QStringLiteral("auto"));
    m_cache->forget(); // the next prediction loads the model on that device
}

void PredictionController::setModelPath(const QString& path) {
    const QString before = modelPath();
    QSettings settings;
    settings.setValue(QStringLiteral("model/path"), path);
    rememberModel(before);
    rememberModel(path);
    m_cache->forget();
    if (before != path) {
        settings.setValue(QStringLiteral("model/previous"), before);
        Q_EMIT modelChanged(path);
    }
}

void PredictionController::rememberModel(const QString& path) {
    QStringList known = knownModels();
    known.removeAll(path);
    known.prepend(path);
    constexpr int kKeep = 50;
    QSettings().setValue(QStringLiteral("model/known"), known.mid(0, kKeep));
}

QString PredictionController::previousModelPath() const {
    return QSettings().value(QStringLiteral("model/previous")).toString();
}

QString PredictionController::revertTarget() const {
    const QString previous = previousModelPath();
    const bool possible = !previous.isEmpty() && pathKind(previous) == PathKind::File &&
                          canonicalPath(previous) != canonicalPath(modelPath());
    return possible ? previous : QString();
}

bool PredictionController::revert() {
    const QString target = revertTarget();
    if (target.isEmpty()) {
        return false;
    }
    setModelPath(target);
    return true;
}

QStringList PredictionController::knownModels() const {
    return QSettings().value(QStringLiteral("model/known")).toStringList();
}

Job* PredictionController::predict(std::vector<Case> cases, const QString& title, QString* why) {
    if (m_job) {
        *why = tr("A prediction is running: wait for it or cancel it first");
        return nullptr;
    }
    const QString path = modelPath();
    if (!QFileInfo::exists(path)) {
        *why = tr("No model to predict with: choose one with Model > Choose Model... (%1 does "
                  "not exist)")
                   .arg(path);
        return nullptr;
    }
    auto task = [this, cache = m_cache, path, device = devicePreference(),
                 cases = std::move(cases)](const std::atomic<bool>& cancel,
                                           const TaskJob<PredictionRun>::Progress& progress) {
        const std::shared_ptr<const ModelPredictor> model = cache->get(path, device);
        const QString modelId = model->modelId();
        QMetaObject::invokeMethod(
            this, [this, name = model->deviceName()] { Q_EMIT deviceUsed(name); },
            Qt::QueuedConnection);
        const PredictionRun run = predictAndWrite(
            *model, cases, QString(),
            [&](int done, int total, const QString& id, bool) { progress(done, total, id); },
            &cancel);
        // Queued to the GUI thread, before the job's end: each case's files are written.
        // (The JobCentre, which waits for this worker, goes before this controller.)
        for (std::size_t i = 0; i < run.predictions.size(); ++i) {
            QMetaObject::invokeMethod(
                this,
                [this, mesh = run.meshFiles[i], lm = run.predictions[i].landmarks, modelId] {
                    Q_EMIT casePredicted(mesh, lm, modelId);
                },
                Qt::QueuedConnection);
        }
        return run;
    };
    auto job = std::make_unique<TaskJob<PredictionRun>>(title, std::move(task));
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw] {
        m_job = nullptr; // a prediction may start again from a finished() handler
        Q_EMIT finished(raw->result(), raw->state(), raw->error());
    });
    m_job = m_jobs.start(std::move(job));
    return raw;
}

} // namespace pal::ui
