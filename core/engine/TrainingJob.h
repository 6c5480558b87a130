#pragma once

// A training (or fine-tuning) run of engine::Trainer in a worker thread, as the same small
// state machine as PredictionJob (queued, running, cancelling, cancelled, finished, failed).
// Each epoch's report and the outcome reach the owner's thread through queued signals; the
// worker touches nothing but the trainer and its own result.

#include "core/engine/Trainer.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace pal::engine {

class TrainingJob : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Running, Cancelling, Cancelled, Finished, Failed };
    Q_ENUM(State)

    explicit TrainingJob(TrainOptions options, QObject* parent = nullptr);
    ~TrainingJob() override; // cancels and waits for the worker

    void start();
    // Asks the trainer to stop before its next batch; the last checkpoint stays usable (resume
    // with TrainOptions::resume = result().checkpointPath). The job ends Cancelled.
    void cancel();
    State state() const { return m_state; }
    const TrainOptions& options() const { return m_options; }
    // Valid on the owner's thread after ended(): what the trainer returned (Finished or
    // Cancelled) and the message of a Failed run.
    const TrainResult& result() const { return m_result; }
    const QString& error() const { return m_error; }

Q_SIGNALS:
    // After every epoch, on the owner's thread.
    void epochEnded(const pal::engine::EpochReport& report);
    void stateChanged(pal::engine::TrainingJob::State state);
    // Emitted once, when the job ends in any of Cancelled, Finished or Failed.
    void ended();

private:
    void setState(State s);
    void run(); // on the worker thread

    TrainOptions m_options;
    TrainResult m_result;
    QString m_error;
    State m_state = State::Queued;
    std::atomic<bool> m_cancel{false};
    QThread* m_thread = nullptr;
};

} // namespace pal::engine

Q_DECLARE_METATYPE(pal::engine::EpochReport)
