#include "core/engine/WorkerJob.h"

#include "core/errors/Error.h"

#include <QThread>

namespace pal::engine {

WorkerJob::WorkerJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<pal::engine::WorkerJob::State>();
}

WorkerJob::~WorkerJob() {
    stopAndWait();
}

void WorkerJob::stopAndWait() {
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
    }
}

void WorkerJob::setState(State s) {
    if (m_state == s) {
        return;
    }
    m_state = s;
    Q_EMIT stateChanged(s);
    if (s == State::Cancelled || s == State::Finished || s == State::Failed) {
        Q_EMIT ended();
    }
}

void WorkerJob::start() {
    if (m_state != State::Queued) {
        return;
    }
    setState(State::Running);
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    m_thread->start();
}

void WorkerJob::cancel() {
    if (m_state == State::Running) {
        m_cancel = true;
        setState(State::Cancelling);
    } else if (m_state == State::Queued) {
        setState(State::Cancelled);
    }
}

void WorkerJob::run() {
    State outcome = State::Finished;
    QString error;
    try {
        work(m_cancel);
    } catch (const Cancelled&) {
        outcome = State::Cancelled;
    } catch (const Error& e) {
        outcome = State::Failed;
        error = e.message();
    } catch (const std::exception& e) {
        outcome = State::Failed;
        error = QString::fromLocal8Bit(e.what());
    }
    // After everything the work queued (progress), hand the results over, then end.
    post([this, outcome, error] {
        handOver();
        m_error = error;
        setState(outcome);
    });
}

} // namespace pal::engine
