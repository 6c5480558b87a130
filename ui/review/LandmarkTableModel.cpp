#include "ui/review/LandmarkTableModel.h"

#include "core/review/ReviewRows.h"
#include "ui/review/LandmarkDisplayState.h"
#include "ui/review/ReviewFilterProxy.h"

#include <QColor>

#include <cmath>

namespace pal::ui {

namespace {
QString formatPoint(const Landmark& l) {
    if (!l.isPresent()) {
        return QStringLiteral("-");
    }
    return QStringLiteral("%1, %2, %3")
        .arg(l.position.x(), 0, 'f', 1)
        .arg(l.position.y(), 0, 'f', 1)
        .arg(l.position.z(), 0, 'f', 1);
}
} // namespace

LandmarkTableModel::LandmarkTableModel(CaseDocument* doc, LandmarkDisplayState* display,
                                       QObject* parent)
    : QAbstractTableModel(parent), m_doc(doc), m_display(display) {
    if (display != nullptr) {
        connect(display, &LandmarkDisplayState::shownChanged, this,
                [this](int row) { rowChanged(row); });
        connect(display, &LandmarkDisplayState::lockedChanged, this,
                [this](int row) { rowChanged(row); });
    }
    connect(doc, &CaseDocument::landmarkMoved, this, &LandmarkTableModel::rowChanged);
    connect(doc, &CaseDocument::landmarkStatusChanged, this, &LandmarkTableModel::rowChanged);
    // After every change, once its own signals are out: a move or a status can change the
    // findings of other rows too.
    connect(doc, &CaseDocument::changed, this, &LandmarkTableModel::recheck);
    // A new case (or working set): the ground truth's findings once, then the working set's
    // after every change.
    connect(doc, &CaseDocument::workingReplaced, this, [this] {
        beginResetModel();
        computeTruthFindings();
        m_findings = computeFindings();
        endResetModel();
    });
    computeTruthFindings();
    m_findings = computeFindings();
    connect(doc, &CaseDocument::predictedReplaced, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

std::vector<LandmarkFindings> LandmarkTableModel::computeFindings() const {
    return mergedFindings(findingsOfSet(checkLandmarks(m_doc->working(), m_surface.get()),
                                        m_doc->working().schema(), false, m_doc->size()),
                          m_truthFindings);
}

void LandmarkTableModel::computeTruthFindings() {
    const auto& truth = m_doc->groundTruth();
    m_truthFindings = truth && truth->size() == m_doc->size()
                          ? findingsOfSet(checkLandmarks(*truth, m_surface.get()), truth->schema(),
                                          true, m_doc->size())
                          : std::vector<LandmarkFindings>();
}

void LandmarkTableModel::setSurface(std::shared_ptr<const SurfaceLocator> surface) {
    m_surface = std::move(surface);
    computeTruthFindings();
    recheck();
}

void LandmarkTableModel::recheck() {
    std::vector<LandmarkFindings> found = computeFindings();
    found.resize(m_findings.size()); // the rows are the same (a new schema resets the model)
    for (std::size_t r = 0; r < found.size(); ++r) {
        if (m_findings[r] != found[r]) {
            m_findings[r] = std::move(found[r]);
            const int row = static_cast<int>(r);
            Q_EMIT dataChanged(index(row, Checks), index(row, Checks));
        }
    }
}

QString LandmarkTableModel::toleranceText(int row, bool detailed) const {
    const auto verdict =
        toleranceVerdict(m_doc->working(), m_doc->predicted(), m_doc->groundTruth(), row);
    if (!verdict) {
        return {};
    }
    return detailed ? toleranceDetails(*verdict, m_doc->working().schema(), row)
                    : toleranceSummary(*verdict);
}

QStringList LandmarkTableModel::findings(int row) const {
    return row >= 0 && row < static_cast<int>(m_findings.size())
               ? m_findings[static_cast<std::size_t>(row)].lines
               : QStringList();
}

void LandmarkTableModel::rowChanged(int row) {
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int LandmarkTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_doc->size();
}

int LandmarkTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QColor LandmarkTableModel::errorColor(double mm) {
    return QColor::fromHsvF(static_cast<float>(errorHueDegrees(mm) / 360.0), 0.85f, 0.9f);
}

Qt::ItemFlags LandmarkTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_display != nullptr && (index.column() == Shown || index.column() == Locked)) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

bool LandmarkTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (m_display == nullptr || role != Qt::CheckStateRole || !index.isValid()) {
        return false;
    }
    const bool on = value.value<Qt::CheckState>() == Qt::Checked;
    if (index.column() == Shown) {
        m_display->setShown(index.row(), on);
        return true;
    }
    if (index.column() == Locked) {
        m_display->setLocked(index.row(), on);
        return true;
    }
    return false;
}

QVariant LandmarkTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const int row = index.row();
    if (m_display != nullptr && (index.column() == Shown || index.column() == Locked)) {
        const bool on =
            index.column() == Shown ? m_display->isShown(row) : m_display->isLocked(row);
        if (role == Qt::CheckStateRole) {
            return on ? Qt::Checked : Qt::Unchecked;
        }
        if (role == SortRole) {
            return on ? 1.0 : 0.0;
        }
        if (role == Qt::ToolTipRole) {
            return index.column() == Shown ? tr("Show this landmark in the view")
                                           : tr("Lock: the landmark cannot be dragged or placed");
        }
    }
    const LandmarkSchema& schema = m_doc->working().schema();
    const Landmark& w = m_doc->working().at(row);
    const double err = m_doc->error(row);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Number:
            return schema.at(row).number;
        case Key:
            return schema.key(row);
        case Name:
            return schema.at(row).name;
        case Status:
            return statusTitle(w.status);
        case GroundTruth:
            return m_doc->groundTruth() ? formatPoint(m_doc->groundTruth()->at(row))
                                        : QStringLiteral("-");
        case Prediction:
            return formatPoint(w);
        case Error:
            return std::isnan(err) ? QStringLiteral("-") : QString::number(err, 'f', 2);
        case Tolerance:
            return toleranceText(row);
        case Checks:
            return row < static_cast<int>(m_findings.size())
                       ? m_findings[static_cast<std::size_t>(row)].titles.join(QStringLiteral(", "))
                       : QString();
        default:
            return {};
        }
    }
    if (index.column() == Tolerance && role == Qt::ToolTipRole && !toleranceText(row).isEmpty()) {
        return toleranceText(row, true);
    }
    if (index.column() == Checks && role == Qt::ToolTipRole && !findings(row).isEmpty()) {
        return findings(row).join(QLatin1Char('\n'));
    }
    if (index.column() == Checks && role == Qt::ForegroundRole && !findings(row).isEmpty()) {
        return QColor(190, 40, 30);
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Number:
            return double(schema.at(row).number);
        case Status:
            return double(int(w.status));
        case Error:
            return err; // NaN (no error) sorts last
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == ReviewedRole) {
        return isReviewed(w);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Number || index.column() == Error)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::DecorationRole && index.column() == Error && !std::isnan(err)) {
        return errorColor(err);
    }
    if (role == Qt::ToolTipRole) {
        QString tip =
            QStringLiteral("%1 (%2, %3)")
                .arg(schema.at(row).name, schema.key(row), sideTitle(schema.at(row).side));
        if (!schema.at(row).definition.isEmpty()) {
            tip += QLatin1Char('\n') + schema.at(row).definition;
        }
        if (!w.provenance.source.isEmpty()) {
            tip += QStringLiteral("\n%1: %2").arg(statusTitle(w.status), w.provenance.source);
        }
        if (!w.provenance.user.isEmpty()) {
            tip +=
                QStringLiteral(" by %1 at %2")
                    .arg(w.provenance.user, w.provenance.when.toLocalTime().toString(Qt::ISODate));
        }
        return tip;
    }
    return {};
}

QVariant LandmarkTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Number:
        return tr("#");
    case Key:
        return tr("Key");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case GroundTruth:
        return tr("Ground truth (mm)");
    case Prediction:
        return tr("Prediction (mm)");
    case Error:
        return tr("Error (mm)");
    case Shown:
        return tr("Show");
    case Locked:
        return tr("Lock");
    case Checks:
        return tr("Checks");
    case Tolerance:
        return tr("Tolerance");
    default:
        return {};
    }
}

} // namespace pal::ui
