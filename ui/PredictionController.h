#pragma once

// Prediction from the window: which model, and prediction jobs in the JobCentre. The model
// bundle is read, and the engine module loaded, by the job's worker, never on the GUI thread;
// the loaded model is kept for the next job. Each prediction is written beside its case as it
// is made (core/workflow/PredictCases.h); casePredicted() then tells the window, which applies
// it only when that case is still the one open.

#include "core/workflow/Job.h"
#include "core/workflow/PredictCases.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace pal {
class JobCentre;
}

namespace pal::ui {

class PredictionController : public QObject {
    Q_OBJECT
public:
    explicit PredictionController(JobCentre& jobs, QObject* parent = nullptr);
    ~PredictionController() override;

    // The chosen model (settings "model/path"), else the installed default model.
    QString modelPath() const;
    // The model the window predicts with (the one chosen in Model > Models..., else the
    // installed default), without a controller: for --version.
    static QString activeModelPath();
    // Model > Device (settings "engine/device"): where predictions and training run; an
    // explicit CUDA that cannot be had fails with the reason (never a silent CPU run).
    static Device devicePreference();
    void setDevicePreference(Device device);
    // Remembers the model for the next predictions (settings "model/path"); the one it
    // replaces becomes previousModelPath(), and both join knownModels(). Emits modelChanged
    // when the path changes.
    void setModelPath(const QString& path);
    // The model used before the last change (empty when there was none): switching back is
    // one step (setModelPath(previousModelPath())).
    QString previousModelPath() const;
    // previousModelPath() when switching back to it is possible (it exists and is not the
    // model in use), else empty.
    QString revertTarget() const;
    // Switches back to revertTarget(); false when there is none.
    bool revert();
    // Every bundle chosen, trained or used here before (settings "model/known"), newest
    // first; the models list adds the default model and the dataset's models/ folder.
    QStringList knownModels() const;
    // Adds a bundle to knownModels() without using it (a model a training run just wrote).
    void rememberModel(const QString& path);

    // Starts predicting the cases (each result names its case by mesh file: casePredicted).
    // Returns null, with a reason in *why, when no prediction can start.
    Job* predict(std::vector<Case> cases, const QString& title, QString* why);
    bool isPredicting() const { return !m_job.isNull(); }

Q_SIGNALS:
    // The device ("cpu" or "cuda") the model of a prediction that starts runs on.
    void deviceUsed(const QString& device);
    void modelChanged(const QString& path);
    // For every case predicted and written (meshFile: the case's mesh, which identifies it),
    // on the GUI thread, whichever case is open.
    void casePredicted(const QString& meshFile, const pal::LandmarkSet& landmarks,
                       const QString& modelId);
    // The job ended: its outcome (failures included) and state.
    void finished(const pal::PredictionRun& run, pal::Job::State state, const QString& error);

private:
    struct ModelCache;
    JobCentre& m_jobs;
    std::shared_ptr<ModelCache> m_cache;
    QPointer<Job> m_job;
};

} // namespace pal::ui
