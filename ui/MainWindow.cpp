#include "ui/MainWindow.h"

#include "core/workflow/ImportLandmarks.h"

#include "ui/DisplaySettings.h"
#include "ui/HelpDialogs.h"
#include "ui/JobsWidget.h"
#include "ui/LanguageMenu.h"
#include "ui/MainWindowImpl.h"
#include "ui/review/LandmarkDisplayState.h"
#include "ui/review/ReviewCommands.h"
#include "ui/review/ReviewFilterProxy.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pal::ui {

QString MainWindow::earlyBuildText() {
    return tr("N: next landmark to review. C: confirm. Drag: move on the surface. Ctrl+D: case "
              "done. F1: all keys.");
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), d(new Impl) {
    setWindowTitle(tr("PAL Studio[*]")); // [*]: where "modified" shows
    // The icon of resources/icons (PNG sizes: no SVG plugin needed), compiled in (help.qrc).
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        icon.addFile(QStringLiteral(":/icons/palstudio-%1.png").arg(size), QSize(size, size));
    }
    setWindowIcon(icon);
    setAcceptDrops(true);
    setObjectName(QStringLiteral("MainWindow"));

    // The tips bar: the review keys, and whether the case is generated demo data (which the
    // window title says too, so closing the bar hides nothing that matters).
    d->banner = new QLabel(earlyBuildText());
    d->banner->setWordWrap(true);
    auto* bannerBar = new QWidget;
    bannerBar->setObjectName(QStringLiteral("TipsBar"));
    bannerBar->setStyleSheet(QStringLiteral(
        "#TipsBar { background: #2f3a4a; } #TipsBar QLabel { color: #e8eef6; padding: 5px 10px; }"
        " #TipsBar QToolButton { color: #e8eef6; border: none; padding: 2px 8px; }"));
    auto* bannerLayout = new QHBoxLayout(bannerBar);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->addWidget(d->banner, 1);
    auto* closeBanner = new QToolButton;
    closeBanner->setObjectName(QStringLiteral("CloseTips"));
    closeBanner->setText(QStringLiteral("\u2715"));
    closeBanner->setToolTip(tr("Close the tips bar (View > Tips Bar brings it back)"));
    bannerLayout->addWidget(closeBanner, 0, Qt::AlignTop);
    d->viewport = new ViewportWidget;
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bannerBar);
    layout->addWidget(d->viewport, 1);
    d->bannerBar = bannerBar;
    setCentralWidget(central);

    d->display = new LandmarkDisplayState(LandmarkSchema::lafas50()->id(),
                                          LandmarkSchema::lafas50()->size(), this);
    d->tableModel = new LandmarkTableModel(&d->doc(), d->display, this);
    d->datasetModel = new DatasetModel(this);
    createDocks();
    createActions();

    d->prediction = new PredictionController(d->jobs, this);
    d->jobsView = new JobsWidget(d->jobs);
    d->summary = new QLabel;
    d->modelLabel = new QLabel;
    d->modelLabel->setContentsMargins(12, 0, 12, 0); // apart from the message and the summary
    connect(d->modelLabel, &QLabel::linkActivated, this, &MainWindow::showModelsDialog);
    connect(d->prediction, &PredictionController::modelChanged, this, &MainWindow::showModelInUse);
    connect(d->prediction, &PredictionController::deviceUsed, this, [this](const QString& device) {
        d->deviceInUse = device;
        showModelInUse();
    });
    showModelInUse();
    statusBar()->addPermanentWidget(d->modelLabel);
    statusBar()->addPermanentWidget(d->summary);
    statusBar()->addPermanentWidget(d->jobsView);
    statusBar()->showMessage(
        tr("Open a mesh, a case folder or a dataset (File menu, or drop it here)"));

    connectDocument();
    connectViewport();
    connectDisplayState();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1280, 800); // the first start; later ones come back as they were left
    }
    // A window left on a bigger screen (or the first start's size on a small one) fits the
    // screen it opens on.
    if (const QScreen* on = screen()) {
        const QRect room = on->availableGeometry();
        if (width() > room.width() || height() > room.height()) {
            resize(std::min(width(), room.width()), std::min(height(), room.height()));
            move(room.topLeft());
        }
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    d->showLabels->setChecked(settings.value(QStringLiteral("view/labels"), true).toBool());
    d->showErrors->setChecked(settings.value(QStringLiteral("view/errorLines"), true).toBool());
    d->showLegend->setChecked(settings.value(QStringLiteral("view/errorLegend"), true).toBool());
    d->showBanner->setChecked(settings.value(QStringLiteral("view/tipsBar"), true).toBool());
    connect(closeBanner, &QToolButton::clicked, d->showBanner,
            [this] { d->showBanner->setChecked(false); });
    applySavedDisplaySettings(d->viewport);
    updateRecentMenu();
    updateSummary();
}

// The document and the session drive the views and the window's state.
void MainWindow::connectDocument() {
    connect(&d->doc(), &CaseDocument::landmarkMoved, this, [this](int i) {
        d->viewport->updatePredictedLandmark(i, d->doc().working().at(i));
        updateSummary();
    });
    connect(&d->doc(), &CaseDocument::landmarkStatusChanged, this, [this](int i) {
        d->viewport->updatePredictedLandmark(i, d->doc().working().at(i));
        updateSummary(); // "N/50 reviewed" follows C and M at once
    });
    connect(&d->doc(), &CaseDocument::workingReplaced, this, [this] {
        const LandmarkSchema& schema = d->doc().working().schema();
        d->display->useSchema(schema.id(), schema.size());
        refreshViewport();
        updateSummary();
    });
    connect(&d->doc(), &CaseDocument::reviewStateChanged, this, &MainWindow::updateSummary);
    connect(&d->session, &CaseSession::modifiedChanged, this, [this](bool m) {
        setWindowModified(m);
        d->save->setEnabled(m);
    });
    connect(&d->session, &CaseSession::journalFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Cannot journal unsaved edits: %1").arg(message));
    });
    connect(d->prediction, &PredictionController::casePredicted, this,
            &MainWindow::onCasePredicted);
    connect(d->prediction, &PredictionController::finished, this,
            &MainWindow::onPredictionFinished);
}

// The views report edits back as commands; hovering says what is under the mouse.
void MainWindow::connectViewport() {
    connect(d->viewport, &ViewportWidget::landmarkClicked, this,
            [this](int i, bool) { selectLandmark(i); });
    connect(d->viewport, &ViewportWidget::surfaceClicked, this, &MainWindow::onSurfaceClicked);
    connect(d->viewport, &ViewportWidget::dragStarted, this, [this](int i) {
        selectLandmark(i);
        d->dragBefore = d->doc().working().at(i);
    });
    connect(d->viewport, &ViewportWidget::dragMoved, this, [this](int i, const Eigen::Vector3d& p) {
        if (d->dragBefore) { // live, not an undo step: the command comes on release
            d->doc().setPosition(i, p, d->doc().working().at(i).status,
                                 d->doc().working().at(i).provenance);
        }
    });
    connect(d->viewport, &ViewportWidget::dragFinished, this, &MainWindow::onDragFinished);
    connect(d->viewport, &ViewportWidget::hoveredLandmark, this, [this](int i, bool truth) {
        const LandmarkSchema& s = d->doc().working().schema();
        const double e = d->doc().error(i);
        const QString status = statusTitle(d->doc().working().at(i).status);
        QString text;
        if (truth) {
            //: %1 is a landmark's key, %2 its name; %3 a distance in millimetres
            text = std::isnan(e) ? tr("%1 (%2), ground truth").arg(s.key(i), s.at(i).name)
                                 : tr("%1 (%2), ground truth, %3 mm from the working landmark")
                                       .arg(s.key(i), s.at(i).name)
                                       .arg(e, 0, 'f', 2);
        } else {
            //: %1 is a landmark's key, %2 its name, %3 its status; %4 a distance in millimetres
            text = std::isnan(e) ? tr("%1 (%2), %3").arg(s.key(i), s.at(i).name, status)
                                 : tr("%1 (%2), %3, %4 mm from ground truth")
                                       .arg(s.key(i), s.at(i).name, status)
                                       .arg(e, 0, 'f', 2);
        }
        statusBar()->showMessage(text);
    });
    connect(d->viewport, &ViewportWidget::hoveredSurface, this, [this](const Eigen::Vector3d& p) {
        statusBar()->showMessage(tr("surface at (%1, %2, %3) mm")
                                     .arg(p.x(), 0, 'f', 1)
                                     .arg(p.y(), 0, 'f', 1)
                                     .arg(p.z(), 0, 'f', 1));
    });
}

MainWindow::~MainWindow() {
    // The jobs are cancelled and waited for when d goes (JobCentre's destructor), before the
    // window's children (the PredictionController their workers report to) are deleted.
    d->jobs.disconnect(this);
    d->jobs.cancelAll();
    // QWidget's destructor, which runs after d is gone, hides the window, and the hidden
    // tables ask their models for rows: the landmark model reads the document d owns (a
    // use after free found by AddressSanitizer). Hidden now, and the tables detached, while d
    // is alive.
    hide();
    d->tableProxy->setSourceModel(nullptr);
    d->datasetProxy->setSourceModel(nullptr);
}

void MainWindow::createActions() {
    ToolActions t;
    createFileMenu(t);
    createEditMenu(t);
    createCaseMenu(t);
    createViewMenu();
    createModelMenu();
    createHelpMenu();
    createToolBar(t);
}

void MainWindow::createFileMenu(ToolActions& t) {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    t.open =
        file->addAction(tr("&Open Mesh or Landmarks..."), this, &MainWindow::showOpenFileDialog);
    t.open->setShortcut(QKeySequence::Open);
    QAction* openFolder = file->addAction(tr("Open &Folder (Case or Dataset)..."), this,
                                          &MainWindow::showOpenFolderDialog);
    openFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    d->recent = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    d->save = file->addAction(tr("&Save Review"), this, &MainWindow::saveReview);
    d->save->setShortcut(QKeySequence::Save);
    d->save->setStatusTip(tr("Write the review beside the case (palstudio-review.json); your "
                             "landmark files are not touched"));
    d->save->setEnabled(false);
    d->exportAction =
        file->addAction(tr("&Export Landmarks..."), this, &MainWindow::showExportDialog);
    d->exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    d->importAction =
        file->addAction(tr("&Import Landmarks..."), this, &MainWindow::showImportDialog);
    d->importAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    d->importAction->setStatusTip(tr("Place the landmarks of a 3D Slicer, MeshLab, TPS, CSV or "
                                     "LA-FAS file on the open case (one undo step)"));
    QAction* report =
        file->addAction(tr("Print Review &Report (PDF)..."), this, &MainWindow::showReportDialog);
    report->setShortcut(QKeySequence::Print);
    report->setStatusTip(tr("A page to print and sign: the saved review with front and side "
                            "views, the landmark table, the checks, the history and the "
                            "sign-off"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createEditMenu(ToolActions& t) {
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    t.undo = d->undo().createUndoAction(this, tr("&Undo"));
    t.undo->setShortcut(QKeySequence::Undo);
    t.redo = d->undo().createRedoAction(this, tr("&Redo"));
    t.redo->setShortcut(QKeySequence::Redo);
    edit->addAction(t.undo);
    edit->addAction(t.redo);
    edit->addSeparator();
    t.next =
        edit->addAction(tr("&Next Landmark to Review"), this, &MainWindow::selectNextNeedingReview);
    t.next->setShortcut(QKeySequence(Qt::Key_N));
    d->placeMode = edit->addAction(tr("&Place Selected Landmark by Clicking"));
    d->placeMode->setCheckable(true);
    d->placeMode->setShortcut(QKeySequence(Qt::Key_P));
    d->placeMode->setStatusTip(tr("Click the surface once to place the selected landmark there; "
                                  "Escape leaves without placing"));
    connect(d->placeMode, &QAction::toggled, d->viewport, &ViewportWidget::setPlacementEnabled);
    connect(d->placeMode, &QAction::toggled, this, [this](bool on) {
        if (on && d->selected >= 0) {
            statusBar()->showMessage(tr("Click where %1 belongs (Escape: leave without placing)")
                                         .arg(d->doc().working().schema().key(d->selected)));
        } else if (on) {
            statusBar()->showMessage(tr("Select a landmark first, then click where it belongs"));
        }
    });
    QAction* leave =
        edit->addAction(tr("Leave Place Mode"), this, [this] { d->placeMode->setChecked(false); });
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    t.confirm = edit->addAction(tr("&Confirm Selected Landmark"), this, [this] {
        if (d->selected >= 0 && d->doc().working().at(d->selected).isPresent()) {
            d->undo().push(new SetStatusCommand(&d->doc(), d->selected, LandmarkStatus::Confirmed));
            selectNextNeedingReview();
        }
    });
    t.confirm->setShortcut(QKeySequence(Qt::Key_C));
    QAction* missing = edit->addAction(tr("Mark Selected Landmark &Missing"), this, [this] {
        if (d->selected >= 0) {
            d->undo().push(new SetStatusCommand(&d->doc(), d->selected, LandmarkStatus::Missing));
        }
    });
    missing->setShortcut(QKeySequence(Qt::Key_M));
}

void MainWindow::createCaseMenu(ToolActions& t) {
    QMenu* review = menuBar()->addMenu(tr("&Case"));
    review->addAction(tr("Mark &Unreviewed"), this,
                      [this] { setReviewState(int(ReviewState::Unreviewed)); });
    review->addAction(tr("Mark &In Review"), this,
                      [this] { setReviewState(int(ReviewState::InReview)); });
    t.done = review->addAction(tr("Mark &Done"), this,
                               [this] { setReviewState(int(ReviewState::Done)); });
    t.done->setShortcut(QKeySequence(tr("Ctrl+D")));
    review->addAction(tr("&History..."), this, &MainWindow::showHistory)
        ->setShortcut(QKeySequence(tr("Ctrl+H")));
    QAction* reviewer =
        review->addAction(tr("&Reviewer Name..."), this, &MainWindow::showReviewerNameDialog);
    reviewer->setObjectName(QStringLiteral("reviewerNameAction"));
    reviewer->setStatusTip(tr("The name your changes and sign-offs are recorded under (the "
                              "login name unless you set one)"));
    review->addSeparator();
    review->addAction(tr("N&ext Case"), this, [this] { stepCase(1); })
        ->setShortcut(QKeySequence(Qt::Key_PageDown));
    review->addAction(tr("&Previous Case"), this, [this] { stepCase(-1); })
        ->setShortcut(QKeySequence(Qt::Key_PageUp));
}

void MainWindow::createModelMenu() {
    QMenu* model = menuBar()->addMenu(tr("&Model"));
    d->predict = model->addAction(tr("&Predict This Case"), this, &MainWindow::predictCurrent);
    d->predict->setShortcut(QKeySequence(tr("Ctrl+R")));
    d->predictAll =
        model->addAction(tr("Predict the Whole &Dataset"), this, &MainWindow::predictDataset);
    model->addAction(tr("&Models..."), this, &MainWindow::showModelsDialog);
    model->addAction(tr("&Choose Model..."), this, &MainWindow::chooseModel);
    d->revertModel =
        model->addAction(tr("&Back to Previous Model"), this, &MainWindow::revertModel);
    model->addAction(tr("&Train or Fine-tune..."), this, &MainWindow::showTrainingDialog);
    // Where predictions and training run. The engine is not loaded to list the choices: a
    // GPU that is not there is reported when a prediction asks for it.
    QMenu* devices = model->addMenu(tr("&Device"));
    devices->setObjectName(QStringLiteral("DeviceMenu"));
    auto* group = new QActionGroup(devices);
    const std::pair<Device, QString> choices[] = {
        {Device::Auto, tr("&Automatic (a GPU when there is one)")},
        {Device::Cpu, tr("&CPU")},
        {Device::Cuda, tr("CUDA &GPU")}};
    for (const auto& [device, text] : choices) {
        QAction* a = devices->addAction(text);
        a->setCheckable(true);
        a->setChecked(device == PredictionController::devicePreference());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, device = device] {
            d->prediction->setDevicePreference(device);
            d->deviceInUse.clear(); // known again at the next prediction
            showModelInUse();
        });
    }
}

void MainWindow::createHelpMenu() {
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showShortcutSheet(this); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Manual"), this, [this] { showManual(this); });
    help->addMenu(createLanguageMenu(this));
    help->addSeparator();
    help->addAction(tr("&About PAL Studio"), this,
                    [this] { showAbout(this, d->prediction->modelPath()); });
}

void MainWindow::createToolBar(const ToolActions& t) {
    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("MainToolBar"));
    tools->addAction(t.open);
    tools->addAction(d->save);
    tools->addAction(d->exportAction);
    tools->addSeparator();
    tools->addAction(t.undo);
    tools->addAction(t.redo);
    tools->addSeparator();
    tools->addAction(t.next);
    tools->addAction(t.confirm);
    tools->addAction(d->placeMode);
    tools->addAction(t.done);
    tools->addSeparator();
    tools->addAction(d->predict);
    // One word each on the toolbar, so that it fits in any language; the menu's full text is
    // the tooltip.
    const std::pair<QAction*, QString> shortTexts[] = {
        {t.next, tr("Next")}, {t.confirm, tr("Confirm")},  {d->placeMode, tr("Place")},
        {t.done, tr("Done")}, {d->predict, tr("Predict")}, {d->exportAction, tr("Export")},
        {t.open, tr("Open")}, {d->save, tr("Save")},       {t.undo, tr("Undo")},
        {t.redo, tr("Redo")}};
    for (const auto& [action, text] : shortTexts) {
        action->setToolTip(action->text().remove(QLatin1Char('&')));
        action->setIconText(text);
    }
}

ViewportWidget* MainWindow::viewport() const {
    return d->viewport;
}
CaseDocument* MainWindow::document() const {
    return &d->doc();
}
QUndoStack* MainWindow::undoStack() const {
    return &d->undo();
}
void MainWindow::setDefaultView(StandardView view) {
    d->defaultView = view;
}
StandardView MainWindow::defaultView() const {
    return d->defaultView;
}
void MainWindow::setLabelsVisible(bool visible) {
    d->showLabels->setChecked(visible);
    d->viewport->setLabelsVisible(visible); // also when the action's state did not change
}
void MainWindow::setJournalFolder(const QString& folder) {
    d->session.setJournalFolder(folder);
}
void MainWindow::setScreenshotMode(bool on) {
    d->screenshotMode = on;
}
bool MainWindow::isLoading() const {
    return !d->load.isNull();
}
JobCentre* MainWindow::jobCentre() const {
    return &d->jobs;
}
QString MainWindow::caseId() const {
    return d->caseId();
}
QString MainWindow::lastError() const {
    return d->lastError;
}
QStringList MainWindow::lastWarnings() const {
    return d->lastWarnings;
}
int MainWindow::selectedLandmark() const {
    return d->selected;
}

void MainWindow::showError(const QString& message) {
    if (d->screenshotMode) {
        statusBar()->showMessage(message);
    } else {
        QMessageBox::warning(this, tr("PAL Studio"), message);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

// A mesh, a case folder or a dataset opens; a landmark file is imported onto the open case.
void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) {
        return;
    }
    const QString path = urls.first().toLocalFile();
    event->acceptProposedAction();
    if (isLandmarkFileName(path) && QFileInfo(path).isFile()) {
        if (!d->session.isOpen()) {
            showError(tr("%1 is a landmark file: open a case first, then drop it on the window "
                         "to place its landmarks")
                          .arg(path));
            return;
        }
        importLandmarks(path);
    } else {
        openPath(path);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeKeepEdits()) {
        event->ignore();
        return;
    }
    d->session.clearJournal();
    if (d->screenshotMode) {
        event->accept();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("view/labels"), d->showLabels->isChecked());
    settings.setValue(QStringLiteral("view/errorLines"), d->showErrors->isChecked());
    settings.setValue(QStringLiteral("view/errorLegend"), d->showLegend->isChecked());
    settings.setValue(QStringLiteral("view/tipsBar"), d->showBanner->isChecked());
    // The LA-FAS-50 choices are kept between sessions; another schema's last for this one.
    const QString lafas = LandmarkSchema::lafas50()->id();
    settings.setValue(QStringLiteral("view/hiddenLandmarks"), d->display->hiddenList(lafas));
    settings.setValue(QStringLiteral("view/lockedLandmarks"), d->display->lockedList(lafas));
    event->accept();
}

void MainWindow::updateRecentMenu() {
    d->recent->clear();
    const QStringList files = QSettings().value(QStringLiteral("recent")).toStringList();
    for (const QString& f : files) {
        d->recent->addAction(QFileInfo(f).fileName().isEmpty() ? f : f, this,
                             [this, f] { openPath(f); });
    }
    d->recent->setEnabled(!files.isEmpty());
}

void MainWindow::addRecent(const QString& path) {
    if (d->screenshotMode) {
        return; // a one-shot render leaves the user's settings alone
    }
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("recent")).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > 10) {
        files.removeLast();
    }
    settings.setValue(QStringLiteral("recent"), files);
    updateRecentMenu();
}

} // namespace pal::ui
