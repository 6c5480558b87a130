#include "core/engine/PredictionJob.h"

#include "core/errors/Error.h"

#include <QMetaObject>
#include <QThread>

namespace pal::engine {

PredictionJob::PredictionJob(std::shared_ptr<const Predictor> predictor, std::vector<Case> cases,
                             QObject* parent)
    : QObject(parent), m_predictor(std::move(predictor)), m_cases(std::move(cases)) {}

PredictionJob::~PredictionJob() {
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
    }
}

void PredictionJob::setState(State s) {
    if (m_state == s) {
        return;
    }
    m_state = s;
    Q_EMIT stateChanged(s);
    if (s == State::Cancelled || s == State::Finished || s == State::Failed) {
        Q_EMIT ended();
    }
}

void PredictionJob::start() {
    if (m_state != State::Queued) {
        return;
    }
    setState(State::Running);
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    m_thread->start();
}

void PredictionJob::cancel() {
    if (m_state == State::Running) {
        m_cancel = true;
        setState(State::Cancelling);
    } else if (m_state == State::Queued) {
        setState(State::Cancelled);
    }
}

void PredictionJob::run() {
    State outcome = State::Finished;
    QString error;
    try {
        m_predictor->predictAll(
            m_cases,
            [this](int done, int total, const Prediction& p) {
                m_workerResults.push_back(p);
                QMetaObject::invokeMethod(
                    this, [this, done, total, id = p.caseId] { Q_EMIT progress(done, total, id); },
                    Qt::QueuedConnection);
                return !m_cancel.load();
            },
            &m_cancel);
    } catch (const Cancelled&) {
        outcome = State::Cancelled;
    } catch (const Error& e) {
        outcome = State::Failed;
        error = e.message();
    } catch (const std::exception& e) {
        outcome = State::Failed;
        error = QString::fromLocal8Bit(e.what());
    }
    // Hand the results over on the owner's thread, then end.
    QMetaObject::invokeMethod(
        this,
        [this, outcome, error] {
            m_results = std::move(m_workerResults);
            m_error = error;
            setState(outcome);
        },
        Qt::QueuedConnection);
}

} // namespace pal::engine
