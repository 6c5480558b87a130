#include "ui/review/DatasetModel.h"

#include "ui/review/LandmarkTableModel.h"
#include "ui/review/ReviewFilterProxy.h"

#include <QColor>

#include <cmath>
#include <limits>

namespace pal::ui {

void DatasetModel::setRows(QString folder, std::vector<CaseReviewRow> rows) {
    beginResetModel();
    m_folder = std::move(folder);
    m_rows = std::move(rows);
    endResetModel();
}

int DatasetModel::rowOf(const QString& caseId) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == caseId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void DatasetModel::updateRow(const QString& caseId, ReviewState state, const QString& reviewer,
                             double meanError, int findings) {
    const int row = rowOf(caseId);
    if (row < 0) {
        return;
    }
    CaseReviewRow& r = m_rows[static_cast<std::size_t>(row)];
    r.state = state;
    r.reviewer = reviewer;
    r.meanError = meanError;
    r.findings = findings;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int DatasetModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DatasetModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const CaseReviewRow& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return r.id;
        case Review:
            return reviewStateTitle(r.state);
        case MeanError:
            return std::isnan(r.meanError) ? QStringLiteral("-")
                                           : QString::number(r.meanError, 'f', 2);
        case Checks:
            return r.findings < 0 ? QStringLiteral("-") : QString::number(r.findings);
        case Sets:
            return QStringLiteral("%1%2").arg(
                r.hasTruth ? tr("truth") : QString(),
                r.hasPrediction ? (r.hasTruth ? tr(" + prediction") : tr("prediction"))
                                : QString());
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Id:
            // The dataset's own order, natural (2 before 10, as Dataset::open lists the cases).
            return double(index.row());
        case Review:
            return double(int(r.state));
        case MeanError:
            return r.meanError; // NaN (no error) sorts last
        case Checks:
            return r.findings < 0 ? std::numeric_limits<double>::quiet_NaN() : double(r.findings);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == ReviewedRole) {
        return r.state == ReviewState::Done;
    }
    if (role == Qt::DecorationRole && index.column() == MeanError && !std::isnan(r.meanError)) {
        return LandmarkTableModel::errorColor(r.meanError);
    }
    if (role == Qt::ToolTipRole && index.column() == Checks) {
        return tr("Anatomical check findings on the reviewed or predicted landmarks (swapped "
                  "sides, midline order, ...); sort by this column for the cases most likely "
                  "wrong");
    }
    if (role == Qt::ForegroundRole && index.column() == Checks && r.findings > 0) {
        return QColor(190, 40, 30);
    }
    if (role == Qt::ToolTipRole && index.column() == MeanError) {
        return tr("Mean error (mm) between the working landmarks and the ground truth");
    }
    if (role == Qt::ToolTipRole) {
        return r.reviewer.isEmpty() ? r.folder : tr("%1\nreviewed by %2").arg(r.folder, r.reviewer);
    }
    return {};
}

QVariant DatasetModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Id:
        return tr("Case");
    case Review:
        return tr("Review");
    case MeanError:
        return tr("Error");
    case Checks:
        return tr("Checks");
    case Sets:
        return tr("Landmarks");
    default:
        return {};
    }
}

} // namespace pal::ui
