#pragma once

// Train or fine-tune PAL-Net from the review window: choose the data (the dataset, and whether
// its ground truth, the clinician's reviewed landmarks or both are learned; the dialog counts
// the cases that qualify), the model to start from (none, or a .palnet to fine-tune), learning
// rate, frozen blocks, patch size, epochs, seed and the bundle to write; follow the loss curve
// live; cancel and resume; then read the new model against the one it would replace (its parent,
// or the model in use) on the validation cases, side by side and per landmark, and use it:
// "Use This Model" warns, with the numbers, when the new model is not clearly better. Training
// and comparison run in workers: the window stays usable.

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
    void setTrainingSource(TrainingSource source);
    TrainingSource trainingSource() const;
    void setLearningRate(double rate); // 0: the recipe's
    void setFrozenBlocks(int blocks);
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
    QString summaryText() const;  // the comparison after a finished run
    QString landmarkText() const; // its per-landmark table
    QString dataText() const;     // how many cases qualify
    // After a comparison: whether the new model was clearly better than the one it replaces.
    bool newModelIsBetter() const { return m_better; }
    QString trainedModel() const; // the bundle of the last run that wrote one

public Q_SLOTS:
    void startTraining();
    void resumeTraining(); // continues <output>.ckpt.json
    void cancelTraining(); // also cancels the evaluation that follows a run
    // Sets QSettings "model/path" and emits modelChosen; asks first (with the numbers) when the
    // new model is not clearly better than the one it replaces.
    void useModel();
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
    void updateData(); // the count of qualifying cases
    // The model predictions use now: the chosen one, else the installed default.
    static QString modelInUse();
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
    QString m_reference; // the model the new one was compared with
    bool m_better = false;

    QLabel* m_dataset = nullptr;
    QRadioButton* m_groundTruth = nullptr;
    QRadioButton* m_reviewed = nullptr;
    QRadioButton* m_both = nullptr;
    QLabel* m_qualifying = nullptr;
    int m_qualifyingCount = 0;
    QComboBox* m_learningRate = nullptr;
    QSpinBox* m_freeze = nullptr;
    QComboBox* m_init = nullptr;
    QSpinBox* m_patch = nullptr;
    QComboBox* m_weights = nullptr;
    QComboBox* m_variant = nullptr;
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
    QPlainTextEdit* m_landmarks = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_use = nullptr;
    QList<QWidget*> m_inputs; // disabled while a run goes
};

} // namespace pal::ui
