#include "ui/review/DatasetModel.h"

#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/review/ReviewStore.h"
#include "ui/CaseLoader.h"
#include "ui/review/LandmarkTableModel.h"

#include <QColor>
#include <QFileInfo>

#include <cmath>

namespace pal::ui {

namespace {
double meanDistance(const LandmarkSet& a, const LandmarkSet& b) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).isPresent() && b.at(i).isPresent()) {
            sum += (a.at(i).position - b.at(i).position).norm();
            ++n;
        }
    }
    return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

std::vector<CaseRow> DatasetModel::summarize(const Dataset& ds,
                                             const std::function<bool(int, int)>& progress) {
    std::vector<CaseRow> rows;
    const int total = ds.size();
    for (const Case& c : ds.cases()) {
        CaseRow r;
        r.id = c.id();
        r.folder = c.files().folder;
        std::optional<LandmarkSet> truth;
        std::optional<LandmarkSet> compared;
        try {
            if (c.hasLandmarks()) {
                truth = c.readLandmarks().landmarks;
            }
            if (const auto review = readReview(sidecarPath(c))) {
                r.state = review->state;
                r.reviewer = review->stamp.user;
                compared = review->working;
            } else if (QFileInfo::exists(predictedPath(c))) {
                compared = readLandmarks(predictedPath(c)).landmarks;
            }
        } catch (const Error&) {
            // An unreadable file shows as a case without that set; opening it reports why.
        }
        r.hasTruth = truth.has_value();
        r.hasPrediction = compared.has_value();
        if (truth && compared) {
            r.meanError = meanDistance(*truth, *compared);
        }
        rows.push_back(r);
        if (progress && !progress(static_cast<int>(rows.size()), total)) {
            break;
        }
    }
    return rows;
}

void DatasetModel::setRows(QString folder, std::vector<CaseRow> rows) {
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
                             double meanError) {
    const int row = rowOf(caseId);
    if (row < 0) {
        return;
    }
    CaseRow& r = m_rows[static_cast<std::size_t>(row)];
    r.state = state;
    r.reviewer = reviewer;
    r.meanError = meanError;
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
    const CaseRow& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return r.id;
        case Review:
            return reviewStateName(r.state);
        case MeanError:
            return std::isnan(r.meanError) ? QStringLiteral("-")
                                           : QString::number(r.meanError, 'f', 2);
        case Sets:
            return QStringLiteral("%1%2").arg(
                r.hasTruth ? tr("truth") : QString(),
                r.hasPrediction ? (r.hasTruth ? tr(" + prediction") : tr("prediction"))
                                : QString());
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == MeanError && !std::isnan(r.meanError)) {
        return LandmarkTableModel::errorColor(r.meanError);
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
        return tr("Mean error (mm)");
    case Sets:
        return tr("Landmarks");
    default:
        return {};
    }
}

} // namespace pal::ui
