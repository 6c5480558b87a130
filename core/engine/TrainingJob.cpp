#include "core/engine/TrainingJob.h"

#include "core/errors/Error.h"

#include <QMetaObject>
#include <QThread>

namespace pal::engine {

TrainingJob::TrainingJob(TrainOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)) {
    qRegisterMetaType<pal::engine::EpochReport>();
    qRegisterMetaType<pal::engine::TrainingJob::State>();
}

TrainingJob::~TrainingJob() {
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
    }
}

void TrainingJob::setState(State s) {
    if (m_state == s) {
        return;
    }
    m_state = s;
    Q_EMIT stateChanged(s);
    if (s == State::Cancelled || s == State::Finished || s == State::Failed) {
        Q_EMIT ended();
    }
}

void TrainingJob::start() {
    if (m_state != State::Queued) {
        return;
    }
    setState(State::Running);
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    m_thread->start();
}

void TrainingJob::cancel() {
    if (m_state == State::Running) {
        m_cancel = true;
        setState(State::Cancelling);
    } else if (m_state == State::Queued) {
        setState(State::Cancelled);
    }
}

void TrainingJob::run() {
    State outcome = State::Finished;
    QString error;
    TrainResult result;
    try {
        Trainer trainer(m_options);
        result = trainer.run(
            [this](const EpochReport& report) {
                QMetaObject::invokeMethod(
                    this, [this, report] { Q_EMIT epochEnded(report); }, Qt::QueuedConnection);
            },
            &m_cancel);
        if (result.cancelled) {
            outcome = State::Cancelled;
        }
    } catch (const Cancelled&) {
        outcome = State::Cancelled;
    } catch (const Error& e) {
        outcome = State::Failed;
        error = e.message();
    } catch (const std::exception& e) {
        outcome = State::Failed;
        error = QString::fromLocal8Bit(e.what());
    }
    // Hand the result over on the owner's thread (after every queued epochEnded), then end.
    QMetaObject::invokeMethod(
        this,
        [this, outcome, error, result] {
            m_result = result;
            m_error = error;
            setState(outcome);
        },
        Qt::QueuedConnection);
}

} // namespace pal::engine
