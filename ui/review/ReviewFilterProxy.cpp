#include "ui/review/ReviewFilterProxy.h"

#include <cmath>

namespace pal::ui {

ReviewFilterProxy::ReviewFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(SortRole);
    setDynamicSortFilter(true); // a confirmed landmark leaves "unreviewed only" at once
}

void ReviewFilterProxy::setUnreviewedOnly(bool on) {
    if (on == m_unreviewedOnly) {
        return;
    }
    m_unreviewedOnly = on;
    invalidateRowsFilter();
}

int ReviewFilterProxy::proxyRow(int sourceRow) const {
    if (sourceModel() == nullptr || sourceRow < 0 || sourceRow >= sourceModel()->rowCount()) {
        return -1;
    }
    const QModelIndex index = mapFromSource(sourceModel()->index(sourceRow, 0));
    return index.isValid() ? index.row() : -1;
}

int ReviewFilterProxy::sourceRow(int proxyRow) const {
    if (proxyRow < 0 || proxyRow >= rowCount()) {
        return -1;
    }
    return mapToSource(index(proxyRow, 0)).row();
}

bool ReviewFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!m_unreviewedOnly) {
        return true;
    }
    return !sourceModel()->index(sourceRow, 0, sourceParent).data(ReviewedRole).toBool();
}

// Numbers compare as numbers; NaN (no error to show) sorts after every number whichever way
// the column is sorted, so "worst first" starts with the worst real error.
bool ReviewFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(SortRole);
    const QVariant b = right.data(SortRole);
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        const bool descending = sortOrder() == Qt::DescendingOrder;
        if (std::isnan(x) || std::isnan(y)) {
            if (std::isnan(x) && std::isnan(y)) {
                return left.row() < right.row();
            }
            // Ascending puts the "less" row first, descending puts it last: NaN is "more"
            // ascending and "less" descending, so it ends up last both ways.
            return descending ? std::isnan(x) : std::isnan(y);
        }
        if (x != y) {
            return x < y;
        }
        return descending ? left.row() > right.row() : left.row() < right.row();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace pal::ui
