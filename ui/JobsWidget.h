#pragma once

// The status bar's view of the JobCentre: one line per running job (its title, its progress,
// a Cancel button of its own), so that every job can be cancelled while others run.

#include <QHash>
#include <QWidget>

class QHBoxLayout;

namespace pal {
class Job;
class JobCentre;
} // namespace pal

namespace pal::ui {

class JobsWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobsWidget(JobCentre& jobs, QWidget* parent = nullptr);
    // The Cancel button of a job (null when it has none or has ended); for tests.
    QWidget* cancelButtonOf(const Job* job) const;

private:
    void add(Job* job);
    void remove(Job* job);

    QHBoxLayout* m_layout;
    QHash<const Job*, QWidget*> m_rows;
};

} // namespace pal::ui
