#include "core/workflow/Job.h"

#include "core/errors/Error.h"

#include <QThread>

namespace pal {

Job::Job(QString title, QObject* parent) : QObject(parent), m_title(std::move(title)) {
    qRegisterMetaType<pal::Job::State>();
}

Job::~Job() {
    stopAndWait();
}

void Job::stopAndWait() {
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
    }
}

bool Job::isActive() const {
    return m_state == State::Queued || m_state == State::Running || m_state == State::Cancelling;
}

void Job::setState(State s) {
    if (m_state == s) {
        return;
    }
    m_state = s;
    Q_EMIT stateChanged(s);
    if (!isActive()) {
        Q_EMIT ended();
    }
}

void Job::start() {
    if (m_state != State::Queued) {
        return;
    }
    setState(State::Running);
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    m_thread->start();
}

void Job::cancel() {
    if (m_state == State::Running) {
        m_cancel = true;
        setState(State::Cancelling);
    } else if (m_state == State::Queued) {
        setState(State::Cancelled);
    }
}

void Job::reportProgress(int done, int total, const QString& step) {
    post([this, done, total, step] {
        m_done = done;
        m_total = total;
        m_step = step;
        Q_EMIT progress(done, total, step);
    });
}

void Job::run() {
    State outcome = State::Finished;
    QString error;
    try {
        work(m_cancel);
    } catch (const Cancelled&) {
        outcome = State::Cancelled;
    } catch (const Error& e) {
        outcome = State::Failed;
        error = e.message();
    } catch (const std::bad_alloc&) {
        outcome = State::Failed;
        error = QStringLiteral("%1: not enough memory").arg(m_title);
    } catch (const std::exception& e) {
        outcome = State::Failed;
        error = QString::fromLocal8Bit(e.what());
    }
    // After everything the work queued (progress), hand the results over, then end. Work
    // that completed before it saw a cancel ends Finished: its results are whole.
    post([this, outcome, error] {
        handOver();
        m_error = error;
        setState(outcome);
    });
}

} // namespace pal
