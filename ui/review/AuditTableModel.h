#pragma once

// The audit trail of the open case as a table (Case > History): time, who, what. A view of the
// CaseDocument's trail (core/review/AuditTrail.h); it holds none of its own and follows every
// new entry.

#include "core/review/CaseDocument.h"

#include <QAbstractTableModel>

namespace pal::ui {

class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, User, What, ColumnCount };

    explicit AuditTableModel(CaseDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    CaseDocument* m_doc;
};

} // namespace pal::ui
