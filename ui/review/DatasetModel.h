#pragma once

// The dataset browser's model: one row per case with its review state and, where both sets
// exist, the mean error between prediction (or the saved review) and ground truth. Rows are
// summarised in a worker (summarize) from small files only: no mesh is read.

#include "core/dataset/Dataset.h"
#include "core/review/CaseDocument.h"

#include <QAbstractTableModel>

#include <atomic>
#include <functional>
#include <vector>

namespace pal::ui {

struct CaseRow {
    QString id;
    QString folder;
    ReviewState state = ReviewState::Unreviewed;
    QString reviewer;
    double meanError = std::numeric_limits<double>::quiet_NaN();
    bool hasTruth = false;
    bool hasPrediction = false;
};

class DatasetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Review, MeanError, Sets, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    // Runs in a worker: reads each case's landmarks, prediction and review sidecar.
    // progress(done, total) may return false to stop early.
    static std::vector<CaseRow> summarize(const Dataset& ds,
                                          const std::function<bool(int, int)>& progress = {});

    void setRows(QString folder, std::vector<CaseRow> rows);
    const QString& folder() const { return m_folder; }
    const std::vector<CaseRow>& rows() const { return m_rows; }
    int rowOf(const QString& caseId) const;
    void updateRow(const QString& caseId, ReviewState state, const QString& reviewer,
                   double meanError);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_folder;
    std::vector<CaseRow> m_rows;
};

} // namespace pal::ui
