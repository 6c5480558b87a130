#pragma once

// Train or fine-tune PAL-Net from the review window: choose the data (the dataset, or only its
// reviewed cases), the model to start from (none, or a .palnet to fine-tune), patch size,
// epochs, seed and the bundle to write; follow the loss curve live; cancel and resume; then
// read the new model's evaluation on its validation cases and use it. Training and evaluation
// run in workers: the window stays usable.

#include "core/workflow/EngineTypes.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QValueAxis;

namespace pal {
class Job;
class JobCentre;
class TrainJob;
} // namespace pal

namespace pal::ui {

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    // An empty datasetFolder leaves the choice to the user (Change...). jobs: where training
    // and evaluation run (the window's, so that its status bar shows them); null: the
    // dialog's own.
    explicit TrainingDialog(const QString& datasetFolder, QWidget* parent = nullptr,
                            JobCentre* jobs = nullptr);
    ~TrainingDialog() override; // cancels a run and waits for it

    // The choices, also for tests and callers that preset them.
    void setDatasetFolder(const QString& folder); // resets the output to its default
    QString datasetFolder() const;
    void setReviewedOnly(bool on);
    void setInitModel(const QString& bundle); // empty: train from scratch
    void setPatchSize(int k);                 // used when training from scratch
    void setEpochs(int epochs);
    void setSeed(int seed);
    void setOutputPath(const QString& path);
    QString outputPath() const;
    // Options the dialog does not show (batch size, device, ...): its fields go on top.
    void setBaseOptions(const TrainOptions& base);
    // What Start would run.
    TrainOptions options() const;

    bool isRunning() const;       // training or evaluating
    int chartPointCount() const;  // points of the training-loss curve
    QString statusText() const;   // the per-epoch log
    QString summaryText() const;  // the evaluation summary after a finished run
    QString trainedModel() const; // the bundle of the last run that wrote one

public Q_SLOTS:
    void startTraining();
    void resumeTraining();  // continues <output>.ckpt.json
    void cancelTraining();  // also cancels the evaluation that follows a run
    void useModel();        // sets QSettings "model/path" and emits modelChosen
    void reject() override; // asks before cancelling a run

Q_SIGNALS:
    void modelChosen(const QString& bundlePath);
    // A run ended: finished (true) or cancelled / failed (false); the evaluation may follow.
    void trainingEnded(bool finished);
    void evaluationFinished();

private:
    void run(TrainOptions options);
    void onEnded();
    void startEvaluation(const TrainOptions& options, const TrainResult& result);
    void updateControls();
    void updateInitModel();
    void chooseInitModel();
    void chooseDataset();
    void chooseOutput();

    TrainOptions m_base;
    std::unique_ptr<JobCentre> m_ownJobs;
    JobCentre* m_jobs = nullptr;
    QPointer<TrainJob> m_job;
    QPointer<Job> m_evaluation;
    QString m_trained;
    QString m_summary;

    QLabel* m_dataset = nullptr;
    QRadioButton* m_allCases = nullptr;
    QRadioButton* m_reviewed = nullptr;
    QComboBox* m_init = nullptr;
    QSpinBox* m_patch = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_output = nullptr;
    QLineSeries* m_trainSeries = nullptr;
    QLineSeries* m_validationSeries = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QLabel* m_state = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_use = nullptr;
    QList<QWidget*> m_inputs; // disabled while a run goes
};

} // namespace pal::ui
