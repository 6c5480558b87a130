#pragma once

// Train or fine-tune PAL-Net from the review window: choose the data (the dataset, or only its
// reviewed cases), the model to start from (none, or a .palnet to fine-tune), patch size,
// epochs, seed and the bundle to write; follow the loss curve live; cancel and resume; then
// read the new model's evaluation on its validation cases and use it. Training and evaluation
// run in workers: the window stays usable.

#include "core/engine/Trainer.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
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

namespace pal::engine {
class TrainingJob;
}

namespace pal::ui {

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    // An empty datasetFolder leaves the choice to the user (Change...).
    explicit TrainingDialog(const QString& datasetFolder, QWidget* parent = nullptr);
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
    void setBaseOptions(const engine::TrainOptions& base);
    // What Start would run.
    engine::TrainOptions options() const;

    bool isRunning() const;       // training or evaluating
    int chartPointCount() const;  // points of the training-loss curve
    QString statusText() const;   // the per-epoch log
    QString summaryText() const;  // the evaluation summary after a finished run
    QString trainedModel() const; // the bundle of the last run that wrote one

public Q_SLOTS:
    void startTraining();
    void resumeTraining(); // continues <output>.ckpt.json
    void cancelTraining();
    void useModel();        // sets QSettings "model/path" and emits modelChosen
    void reject() override; // asks before cancelling a run

Q_SIGNALS:
    void modelChosen(const QString& bundlePath);
    // A run ended: finished (true) or cancelled / failed (false); the evaluation may follow.
    void trainingEnded(bool finished);
    void evaluationFinished();

private:
    struct Evaluation {
        QString text;
        QString error;
    };
    static Evaluation evaluateModel(const engine::TrainOptions& options,
                                    const engine::TrainResult& result);
    void run(engine::TrainOptions options);
    void onEnded();
    void updateControls();
    void updateInitModel();
    void chooseInitModel();
    void chooseDataset();
    void chooseOutput();

    engine::TrainOptions m_base;
    std::unique_ptr<engine::TrainingJob> m_job;
    QFutureWatcher<Evaluation> m_evaluation;
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
