// MainWindow's docks: the landmark table and the dataset browser, each sortable (a click on a
// header) and filterable ("Unreviewed only"), with their proxies mapping rows back to landmark
// indices and cases.

#include "ui/MainWindowImpl.h"
#include "ui/review/LandmarkDisplayState.h"
#include "ui/review/ReviewFilterProxy.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace pal::ui {
namespace {

QTableView* makeReviewTable(QAbstractItemModel* model) {
    auto* view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(20);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setSortIndicatorShown(true);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder); // schema / dataset order
    view->setAlternatingRowColors(true);
    return view;
}

// A dock holding a filter check box above a table.
QDockWidget* makeDock(const QString& title, const QString& name, QCheckBox* filter,
                      QTableView* table, QWidget* parent) {
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(filter);
    layout->addWidget(table, 1);
    auto* dock = new QDockWidget(title, parent);
    dock->setObjectName(name);
    dock->setWidget(content);
    return dock;
}

} // namespace

void MainWindow::createDocks() {
    d->tableProxy = new ReviewFilterProxy(this);
    d->tableProxy->setSourceModel(d->tableModel);
    d->table = makeReviewTable(d->tableProxy);
    d->table->setObjectName(QStringLiteral("LandmarkTable"));
    d->table->setEditTriggers(QAbstractItemView::NoEditTriggers); // the check boxes still work
    for (const auto& [column, width] : {std::pair{LandmarkTableModel::Number, 34},
                                        {LandmarkTableModel::Key, 58},
                                        {LandmarkTableModel::Name, 118},
                                        {LandmarkTableModel::Status, 78},
                                        {LandmarkTableModel::Error, 72},
                                        {LandmarkTableModel::Checks, 96},
                                        {LandmarkTableModel::Tolerance, 110},
                                        {LandmarkTableModel::Shown, 40},
                                        {LandmarkTableModel::Locked, 40},
                                        {LandmarkTableModel::GroundTruth, 150},
                                        {LandmarkTableModel::Prediction, 150}}) {
        d->table->setColumnWidth(column, width);
    }
    connect(d->table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const int index = d->tableProxy->sourceRow(current.row());
                if (index >= 0 && index != d->selected) {
                    selectLandmark(index);
                    bringIntoView(index);
                }
            });
    d->unreviewedLandmarks = new QCheckBox(tr("Unreviewed only"));
    d->unreviewedLandmarks->setObjectName(QStringLiteral("UnreviewedLandmarks"));
    d->unreviewedLandmarks->setToolTip(
        tr("Show only the landmarks nobody has confirmed, corrected, placed or marked missing; "
           "click a column header to sort (Error: worst first)"));
    connect(d->unreviewedLandmarks, &QCheckBox::toggled, d->tableProxy,
            &ReviewFilterProxy::setUnreviewedOnly);
    QDockWidget* landmarks = makeDock(tr("Landmarks"), QStringLiteral("LandmarksDock"),
                                      d->unreviewedLandmarks, d->table, this);
    addDockWidget(Qt::RightDockWidgetArea, landmarks);

    d->datasetProxy = new ReviewFilterProxy(this);
    d->datasetProxy->setSourceModel(d->datasetModel);
    d->datasetView = makeReviewTable(d->datasetProxy);
    d->datasetView->setObjectName(QStringLiteral("DatasetTable"));
    d->datasetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One click opens the case (the list and the view never disagree); Enter does too.
    const auto openRow = [this](const QModelIndex& index) {
        const int row = d->datasetProxy->sourceRow(index.row());
        if (index.isValid() && row >= 0) {
            openCaseOfDataset(d->datasetModel->rows()[static_cast<std::size_t>(row)].id);
        }
    };
    connect(d->datasetView, &QTableView::clicked, this, openRow);
    connect(d->datasetView, &QTableView::activated, this, openRow);
    d->unreviewedCases = new QCheckBox(tr("Not done only"));
    d->unreviewedCases->setObjectName(QStringLiteral("UnreviewedCases"));
    d->unreviewedCases->setToolTip(tr("Hide the cases marked done; click a column header to sort "
                                      "(Mean error: worst first)"));
    d->datasetView->setColumnWidth(DatasetModel::Id, 58);
    d->datasetView->setColumnWidth(DatasetModel::Review, 82);
    d->datasetView->setColumnWidth(DatasetModel::MeanError, 62);
    d->datasetView->setColumnWidth(DatasetModel::Checks, 50);
    connect(d->unreviewedCases, &QCheckBox::toggled, d->datasetProxy,
            &ReviewFilterProxy::setUnreviewedOnly);
    QDockWidget* dataset = makeDock(tr("Dataset"), QStringLiteral("DatasetDock"),
                                    d->unreviewedCases, d->datasetView, this);
    addDockWidget(Qt::LeftDockWidgetArea, dataset);
    resizeDocks({landmarks, dataset}, {440, 256}, Qt::Horizontal); // the view gets the most
}

// The display state drives the viewport; it is kept in the settings between sessions.
void MainWindow::connectDisplayState() {
    connect(d->display, &LandmarkDisplayState::shownChanged, d->viewport,
            &ViewportWidget::setLandmarkShown);
    connect(d->display, &LandmarkDisplayState::lockedChanged, d->viewport,
            &ViewportWidget::setLandmarkLocked);
    QSettings settings;
    d->display->setHiddenList(settings.value(QStringLiteral("view/hiddenLandmarks")).toString());
    d->display->setLockedList(settings.value(QStringLiteral("view/lockedLandmarks")).toString());
}

// The landmark table's row showing landmark `index` is made current (-1: filtered out).
void MainWindow::showLandmarkRow(int index) {
    const int row = d->tableProxy->proxyRow(index);
    if (row >= 0 && d->table->currentIndex().row() != row) {
        d->table->selectRow(row);
    } else if (row < 0) {
        d->table->clearSelection();
    }
}

void MainWindow::showCaseRow(const QString& caseId) {
    const int row = d->datasetProxy->proxyRow(d->datasetModel->rowOf(caseId));
    if (row >= 0) {
        d->datasetView->selectRow(row);
    }
}

// Page Down / Page Up: the next case in the browser's order as shown (sorted, filtered). From a
// case the filter hides, the first / last row shown.
void MainWindow::stepCase(int delta) {
    const int rows = d->datasetProxy->rowCount();
    if (rows == 0) {
        return;
    }
    const int row = d->datasetProxy->proxyRow(d->datasetModel->rowOf(d->caseId()));
    const int next = row >= 0 ? row + delta : (delta > 0 ? 0 : rows - 1);
    if (next >= 0 && next < rows) {
        const int source = d->datasetProxy->sourceRow(next);
        openCaseOfDataset(d->datasetModel->rows()[static_cast<std::size_t>(source)].id);
    }
}

} // namespace pal::ui
