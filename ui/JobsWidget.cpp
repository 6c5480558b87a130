#include "ui/JobsWidget.h"

#include "core/workflow/JobCentre.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace pal::ui {

JobsWidget::JobsWidget(JobCentre& jobs, QWidget* parent)
    : QWidget(parent), m_layout(new QHBoxLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    connect(&jobs, &JobCentre::jobStarted, this, &JobsWidget::add);
    connect(&jobs, &JobCentre::jobEnded, this, &JobsWidget::remove);
    for (Job* j : jobs.jobs()) {
        add(j);
    }
}

QWidget* JobsWidget::cancelButtonOf(const Job* job) const {
    QWidget* row = m_rows.value(job);
    return row ? row->findChild<QPushButton*>() : nullptr;
}

void JobsWidget::add(Job* job) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(job->title());
    auto* bar = new QProgressBar;
    bar->setMaximumWidth(120);
    bar->setRange(0, 0); // busy until the first progress
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    cancel->setToolTip(tr("Cancel: %1").arg(job->title()));
    layout->addWidget(label);
    layout->addWidget(bar);
    layout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, job, &Job::cancel);
    connect(job, &Job::progress, bar, [bar](int done, int total, const QString&) {
        if (total > 0) {
            bar->setRange(0, total);
            bar->setValue(done);
        }
    });
    connect(job, &Job::stateChanged, row, [label, cancel, job](Job::State s) {
        if (s == Job::State::Cancelling) {
            label->setText(tr("%1 (cancelling...)").arg(job->title()));
            cancel->setEnabled(false);
        }
    });
    m_layout->addWidget(row);
    m_rows.insert(job, row);
}

void JobsWidget::remove(Job* job) {
    if (QWidget* row = m_rows.take(job)) {
        row->deleteLater();
    }
}

} // namespace pal::ui
