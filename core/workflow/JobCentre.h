#pragma once

// The one owner of every running job (core/workflow/Job.h): the window shows them all with
// their progress and a Cancel each, and a closing window cancels and waits for them. A job is
// deleted after it ended, once every handler of its ended() signal has run.

#include "core/workflow/Job.h"

#include <QList>
#include <QObject>

#include <memory>

namespace pal {

class JobCentre : public QObject {
    Q_OBJECT
public:
    explicit JobCentre(QObject* parent = nullptr);
    ~JobCentre() override; // cancels every job and waits for it

    // Takes the job and starts it. Connect to its signals before (or right after) this call.
    template <typename J> J* start(std::unique_ptr<J> job) {
        J* raw = job.get();
        adopt(std::move(job));
        return raw;
    }
    // The jobs that have not ended, oldest first.
    const QList<Job*>& jobs() const { return m_jobs; }
    bool isIdle() const { return m_jobs.isEmpty(); }
    void cancelAll();

Q_SIGNALS:
    void jobStarted(pal::Job* job);
    // After the job's own ended() handlers; the job is deleted when control returns to the
    // event loop.
    void jobEnded(pal::Job* job);

private:
    void adopt(std::unique_ptr<Job> job);

    QList<Job*> m_jobs;
};

} // namespace pal
