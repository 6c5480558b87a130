#include "core/workflow/JobCentre.h"

namespace pal {

JobCentre::JobCentre(QObject* parent) : QObject(parent) {}

JobCentre::~JobCentre() {
    const QList<Job*> jobs = m_jobs;
    for (Job* j : jobs) {
        j->disconnect();
        delete j; // cancels and waits (Job::stopAndWait)
    }
}

void JobCentre::adopt(std::unique_ptr<Job> owned) {
    Job* job = owned.release();
    job->setParent(this);
    m_jobs.append(job);
    connect(job, &Job::ended, this, [this, job] {
        m_jobs.removeOne(job);
        Q_EMIT jobEnded(job);
        job->deleteLater();
    });
    Q_EMIT jobStarted(job);
    job->start();
}

void JobCentre::cancelAll() {
    for (Job* j : m_jobs) {
        j->cancel();
    }
}

} // namespace pal
