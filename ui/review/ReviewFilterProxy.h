#pragma once

// Sorting and filtering for the review tables (the landmark table and the dataset browser):
// a click on a header sorts by that column, by value (errors as numbers, a row without an
// error last in either order); "unreviewed only" keeps the rows whose ReviewedRole is false.
// The source models give both roles; the proxy holds no review data of its own.

#include <QSortFilterProxyModel>

namespace pal::ui {

// Roles the review models provide besides Qt's.
enum ReviewRole {
    SortRole = Qt::UserRole + 1, // the value a column sorts by (a number or a string)
    ReviewedRole,                // bool: the landmark or case needs no more review
};

class ReviewFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ReviewFilterProxy(QObject* parent = nullptr);

    void setUnreviewedOnly(bool on);
    bool unreviewedOnly() const { return m_unreviewedOnly; }

    // The proxy row showing source row `sourceRow` (-1 when filtered out), and back.
    int proxyRow(int sourceRow) const;
    int sourceRow(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool m_unreviewedOnly = false;
};

} // namespace pal::ui
