#pragma once

// Background work as a small state machine: queued, running, cancelling, cancelled, finished,
// failed (after 3D Slicer's job states). Every long piece of work of the application (opening
// a case, predicting, evaluating, training, summarising a dataset) is a Job run by the
// JobCentre. The work runs on a thread of its own and checks the cancel flag between steps;
// progress and, through handOver(), results reach the owner's thread queued. Whoever starts a
// job for one case keeps which case it was (e.g. ui/PredictionController: its mesh file), so
// that the result reaches that case, whatever is open when it ends.

#include <QMetaObject>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <utility>

class QThread;

namespace pal {

class Job : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Running, Cancelling, Cancelled, Finished, Failed };
    Q_ENUM(State)

    explicit Job(QString title, QObject* parent = nullptr);
    ~Job() override; // subclasses call stopAndWait() in their own destructors

    const QString& title() const { return m_title; }

    void start();
    // Asks the work to stop at its next check; the job ends Cancelled.
    void cancel();
    State state() const { return m_state; }
    bool isActive() const;
    // The message of a Failed job, "FILE: problem" for bad input.
    const QString& error() const { return m_error; }
    int done() const { return m_done; }
    int total() const { return m_total; } // 0: unknown
    const QString& step() const { return m_step; }

Q_SIGNALS:
    void stateChanged(pal::Job::State state);
    void progress(int done, int total, const QString& step);
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
    // From the worker: reaches progress() on the owner's thread.
    void reportProgress(int done, int total, const QString& step);
    // Runs f on the owner's thread, queued after everything the worker queued before.
    template <typename F> void post(F&& f) {
        QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
    }

private:
    void setState(State s);
    void run();

    QString m_title;
    QString m_error;
    QString m_step;
    int m_done = 0;
    int m_total = 0;
    State m_state = State::Queued;
    std::atomic<bool> m_cancel{false};
    QThread* m_thread = nullptr;
};

// A job that runs one function and keeps what it returns. The function gets the cancel flag
// and a progress callback (both usable from the worker thread).
template <typename Result> class TaskJob : public Job {
public:
    using Progress = std::function<void(int done, int total, const QString& step)>;
    using Task = std::function<Result(const std::atomic<bool>& cancel, const Progress& progress)>;

    TaskJob(QString title, Task task, QObject* parent = nullptr)
        : Job(std::move(title), parent), m_task(std::move(task)) {}
    ~TaskJob() override { stopAndWait(); }

    // Valid on the owner's thread once the job ended Finished.
    const Result& result() const { return m_result; }
    Result takeResult() { return std::move(m_result); }

protected:
    void work(const std::atomic<bool>& cancel) override {
        m_workerResult =
            m_task(cancel, [this](int d, int t, const QString& s) { reportProgress(d, t, s); });
    }
    void handOver() override { m_result = std::move(m_workerResult); }

private:
    Task m_task;
    Result m_result{};
    Result m_workerResult{};
};

} // namespace pal
