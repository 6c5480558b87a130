#pragma once

// A prediction run in a worker thread, as a small state machine (queued, running, cancelling,
// cancelled, finished, failed). Progress and the outcome reach the owner's thread through
// queued signals; the worker never touches anything but the predictor and its own results.

#include "core/dataset/Case.h"
#include "core/engine/Predictor.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace pal::engine {

class PredictionJob : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Running, Cancelling, Cancelled, Finished, Failed };
    Q_ENUM(State)

    // The predictor is shared: one loaded model can serve several jobs, one at a time.
    PredictionJob(std::shared_ptr<const Predictor> predictor, std::vector<Case> cases,
                  QObject* parent = nullptr);
    ~PredictionJob() override; // cancels and waits for the worker

    void start();
    // Asks the worker to stop before the next case; the job ends Cancelled.
    void cancel();
    State state() const { return m_state; }
    // The predictions made so far (all of them once Finished); read them on the owner's thread
    // after finished() or failed().
    const std::vector<Prediction>& results() const { return m_results; }
    const QString& error() const { return m_error; }

Q_SIGNALS:
    void progress(int done, int total, const QString& caseId);
    void stateChanged(pal::engine::PredictionJob::State state);
    // Emitted once, when the job ends in any of Cancelled, Finished or Failed.
    void ended();

private:
    void setState(State s);
    void run(); // on the worker thread

    std::shared_ptr<const Predictor> m_predictor;
    std::vector<Case> m_cases;
    std::vector<Prediction> m_results;
    std::vector<Prediction> m_workerResults;
    QString m_error;
    State m_state = State::Queued;
    std::atomic<bool> m_cancel{false};
    QThread* m_thread = nullptr;
};

} // namespace pal::engine
