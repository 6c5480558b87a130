#pragma once

// The dataset browser's model: one row per case with its review state and, where both sets
// exist, the mean error between prediction (or the saved review) and ground truth. The rows
// come from core/workflow/DatasetReview.h, read in a job; this model only shows them.

#include "core/review/CaseDocument.h"
#include "core/workflow/DatasetReview.h"

#include <QAbstractTableModel>

#include <vector>

namespace pal::ui {

class DatasetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Review, MeanError, Checks, Sets, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QString folder, std::vector<CaseReviewRow> rows);
    const QString& folder() const { return m_folder; }
    const std::vector<CaseReviewRow>& rows() const { return m_rows; }
    int rowOf(const QString& caseId) const;
    void updateRow(const QString& caseId, ReviewState state, const QString& reviewer,
                   double meanError, int findings);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_folder;
    std::vector<CaseReviewRow> m_rows;
};

} // namespace pal::ui
