#pragma once

// Long engine work in a worker thread, as a small state machine: queued, running, cancelling,
// cancelled, finished, failed (after 3D Slicer's job states). Subclasses do the work in
// work(), on the worker thread, checking the cancel flag between steps; their progress signals
// and, through handOver(), their results reach the owner's thread queued. The worker never
// touches anything but the subclass's own work and results.

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace pal::engine {

class WorkerJob : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Running, Cancelling, Cancelled, Finished, Failed };
    Q_ENUM(State)

    explicit WorkerJob(QObject* parent = nullptr);
    ~WorkerJob() override; // subclasses call stopAndWait() in their own destructors

    void start();
    // Asks the work to stop at its next check; the job ends Cancelled.
    void cancel();
    State state() const { return m_state; }
    // The message of a Failed job, "FILE: problem" for bad input.
    const QString& error() const { return m_error; }

Q_SIGNALS:
    void stateChanged(pal::engine::WorkerJob::State state);
    // Emitted once, when the job ends in any of Cancelled, Finished or Failed.
    void ended();

protected:
    // On the worker thread. Throws pal::Cancelled to end Cancelled, pal::Error (or any
    // std::exception) to end Failed.
    virtual void work(const std::atomic<bool>& cancel) = 0;
    // On the owner's thread, after the work and before the job ends: move results into place.
    virtual void handOver() {}
    // Cancels and waits for the worker; the first line of a subclass's destructor.
    void stopAndWait();
    // Runs f on the owner's thread, queued after everything the worker queued before.
    template <typename F> void post(F&& f);

private:
    void setState(State s);
    void run();

    QString m_error;
    State m_state = State::Queued;
    std::atomic<bool> m_cancel{false};
    QThread* m_thread = nullptr;
};

} // namespace pal::engine

#include <QMetaObject>

template <typename F> void pal::engine::WorkerJob::post(F&& f) {
    QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
}
