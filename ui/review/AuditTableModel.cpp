#include "ui/review/AuditTableModel.h"

namespace pal::ui {

AuditTableModel::AuditTableModel(CaseDocument* doc, QObject* parent)
    : QAbstractTableModel(parent), m_doc(doc) {
    // Entries are only ever appended, or the whole trail replaced (another case, a reopened
    // review): a reset either way keeps the model simple and exact.
    connect(doc, &CaseDocument::auditChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int AuditTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_doc->audit().size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    const AuditEntry& e = m_doc->audit().at(static_cast<std::size_t>(index.row()));
    switch (index.column()) {
    case When:
        return e.when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case User:
        return e.user;
    case What:
        return describeAuditEntry(e, m_doc->working().schema());
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case When:
        return tr("When");
    case User:
        return tr("Who");
    case What:
        return tr("What");
    default:
        return {};
    }
}

} // namespace pal::ui
