#include "ui/MainWindow.h"

#include "core/dataset/Case.h"
#include "core/dataset/Dataset.h"
#include "core/demo/Resources.h"
#include "core/errors/Error.h"
#include "core/mesh/MeshIO.h"
#include "ui/ViewportWidget.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <new>
#include <optional>
#include <utility>

namespace pal::ui {
namespace {

// What a worker hands back: values only, no widget.
struct LoadedCase {
    QString path;
    QString caseId;
    QString generatedNotice; // set for generated demo data
    Mesh mesh;
    std::optional<LandmarkSet> landmarks;
    QStringList warnings;
    QString error; // set when the open failed
};

// Runs in a worker thread. Never throws: errors come back as text naming file and problem.
LoadedCase loadCase(const QString& path) {
    LoadedCase out;
    out.path = path;
    try {
        // A dataset folder opens its first case until the dataset browser exists.
        QString prefix;
        QString casePath = path;
        if (Dataset::isDatasetFolder(path)) {
            const Dataset ds = Dataset::open(path);
            casePath = ds.cases().front().files().folder;
            prefix =
                QStringLiteral("%1 (%2 cases) / ").arg(QFileInfo(path).fileName()).arg(ds.size());
        }
        const Case c = Case::open(casePath);
        out.caseId = prefix + c.id();
        out.generatedNotice = demo::generatedDataNotice(c.files().folder);
        Warnings warnings;
        out.mesh = c.readMesh(&warnings);
        if (c.hasLandmarks()) {
            try {
                out.landmarks = c.readLandmarks().landmarks;
            } catch (const Error& e) {
                // The mesh is still worth showing; the landmarks' problem is reported.
                warnings.messages.append(e.message());
            }
        }
        out.warnings = warnings.messages;
    } catch (const Error& e) {
        out.error = e.message();
    } catch (const std::bad_alloc&) {
        out.error = QStringLiteral("%1: not enough memory to read it").arg(path);
    } catch (const std::exception& e) {
        out.error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
    }
    return out;
}

} // namespace

struct MainWindow::Impl {
    ViewportWidget* viewport = nullptr;
    QProgressBar* busy = nullptr;
    QLabel* summary = nullptr;
    QLabel* banner = nullptr;
    QAction* openFile = nullptr;
    QAction* openFolder = nullptr;
    QAction* showLabels = nullptr;
    StandardView defaultView = StandardView::Front;
    QFutureWatcher<LoadedCase> watcher;
    QString pendingPath; // an open asked for while another ran
    QString caseId;
    QString lastError;
    QStringList lastWarnings;
    bool screenshotMode = false;
};

QString MainWindow::earlyBuildText() {
    return tr("<b>Early build.</b> This window is a first placeholder of the review window: it "
              "shows a face mesh and its landmarks. Review tools come in a later version.");
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), d(new Impl) {
    setWindowTitle(tr("PAL Studio"));
    setAcceptDrops(true);

    auto* banner = d->banner = new QLabel(earlyBuildText());
    banner->setWordWrap(true);
    banner->setStyleSheet(QStringLiteral("QLabel { background: #4a3f1c; color: #f3e6b8; "
                                         "padding: 6px 10px; }"));
    d->viewport = new ViewportWidget;
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(banner);
    layout->addWidget(d->viewport, 1);
    setCentralWidget(central);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    d->openFile = file->addAction(tr("&Open..."), this, &MainWindow::showOpenFileDialog);
    d->openFile->setShortcut(QKeySequence::Open);
    d->openFile->setStatusTip(tr("Open a mesh file"));
    d->openFolder =
        file->addAction(tr("Open Case &Folder..."), this, &MainWindow::showOpenFolderDialog);
    d->openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    d->openFolder->setStatusTip(tr("Open an LA-FAS case folder (mesh, transform, landmarks)"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // The standard views; the viewport also takes Blender's keys (1, 3, Ctrl+3, 7, Ctrl+7).
    QMenu* view = menuBar()->addMenu(tr("&View"));
    const struct {
        StandardView view;
        QString text;
        QString tip;
    } views[] = {
        {StandardView::Front, tr("&Front"), tr("Look at the face (key 1)")},
        {StandardView::Left, tr("&Left Side"), tr("Look at the subject's left side (Ctrl+3)")},
        {StandardView::Right, tr("&Right Side"), tr("Look at the subject's right side (key 3)")},
        {StandardView::Top, tr("&Top"), tr("Look down on the head (key 7)")},
        {StandardView::Bottom, tr("&Bottom"), tr("Look up from under the chin (Ctrl+7)")},
    };
    for (const auto& entry : views) {
        QAction* action = view->addAction(
            entry.text, this, [this, v = entry.view] { d->viewport->setStandardView(v); });
        action->setStatusTip(entry.tip);
    }
    view->addSeparator();
    d->showLabels = view->addAction(tr("Landmark &Labels"));
    d->showLabels->setCheckable(true);
    d->showLabels->setChecked(d->viewport->labelsVisible());
    d->showLabels->setStatusTip(tr("Show each landmark's abbreviation next to it"));
    connect(d->showLabels, &QAction::toggled, d->viewport, &ViewportWidget::setLabelsVisible);

    d->busy = new QProgressBar;
    d->busy->setRange(0, 0); // indeterminate
    d->busy->setMaximumWidth(140);
    d->busy->setTextVisible(false);
    d->busy->hide();
    d->summary = new QLabel;
    statusBar()->addPermanentWidget(d->summary);
    statusBar()->addPermanentWidget(d->busy);
    statusBar()->showMessage(tr("Open a mesh file or a case folder (File > Open...)"));

    connect(&d->watcher, &QFutureWatcher<LoadedCase>::finished, this, &MainWindow::finishLoad);
}

MainWindow::~MainWindow() {
    // The worker holds no reference to the window; its result is dropped with the future.
    d->watcher.disconnect(this);
}

ViewportWidget* MainWindow::viewport() const {
    return d->viewport;
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
void MainWindow::setScreenshotMode(bool on) {
    d->screenshotMode = on;
}
bool MainWindow::isLoading() const {
    return d->watcher.isRunning();
}
QString MainWindow::caseId() const {
    return d->caseId;
}
QString MainWindow::lastError() const {
    return d->lastError;
}
QStringList MainWindow::lastWarnings() const {
    return d->lastWarnings;
}

void MainWindow::openPath(const QString& path) {
    if (d->watcher.isRunning()) {
        d->pendingPath = path;
        return;
    }
    d->busy->show();
    d->openFile->setEnabled(false);
    d->openFolder->setEnabled(false);
    statusBar()->showMessage(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    d->watcher.setFuture(QtConcurrent::run(loadCase, path));
}

void MainWindow::finishLoad() {
    LoadedCase loaded = d->watcher.future().takeResult();
    if (!d->pendingPath.isEmpty()) {
        const QString next = std::exchange(d->pendingPath, QString());
        d->watcher.setFuture(QtConcurrent::run(loadCase, next));
        return;
    }
    d->busy->hide();
    d->openFile->setEnabled(true);
    d->openFolder->setEnabled(true);
    if (!loaded.error.isEmpty()) {
        d->lastError = loaded.error;
        showError(loaded.error);
        Q_EMIT loadFinished(false);
        return;
    }

    d->lastError.clear();
    d->lastWarnings = loaded.warnings;
    d->caseId = loaded.caseId;
    d->viewport->setMesh(loaded.mesh);
    int landmarkCount = 0;
    if (loaded.landmarks) {
        d->viewport->setLandmarks(*loaded.landmarks);
        landmarkCount = loaded.landmarks->presentCount();
    } else {
        d->viewport->clearLandmarks();
    }
    d->viewport->setStandardView(d->defaultView);
    setWindowTitle(tr("%1 - PAL Studio").arg(loaded.caseId));
    d->banner->setText(
        loaded.generatedNotice.isEmpty()
            ? earlyBuildText()
            : tr("<b>Generated demo data</b>: a synthetic face, not a scan of a real "
                 "person; not for clinical use. %1")
                  .arg(earlyBuildText()));

    d->summary->setText(tr("%1 vertices, %2 triangles, %3 landmarks%4")
                            .arg(loaded.mesh.vertexCount())
                            .arg(loaded.mesh.triangleCount())
                            .arg(landmarkCount)
                            .arg(loaded.mesh.texturePath.isEmpty() ? QString() : tr(", textured")));
    if (loaded.warnings.isEmpty()) {
        statusBar()->showMessage(tr("Opened %1").arg(loaded.path), 8000);
        d->summary->setToolTip(QString());
    } else {
        statusBar()->showMessage(
            tr("Opened %1 with %n warning(s): %2", nullptr, int(loaded.warnings.size()))
                .arg(loaded.path, loaded.warnings.first()));
        d->summary->setToolTip(loaded.warnings.join(QLatin1Char('\n')));
    }
    Q_EMIT loadFinished(true);
}

void MainWindow::showError(const QString& message) {
    statusBar()->showMessage(tr("Cannot open: %1").arg(message));
    if (!d->screenshotMode) {
        QMessageBox::critical(this, tr("Cannot open"), message);
    }
}

void MainWindow::showOpenFileDialog() {
    QStringList patterns;
    for (const QString& ext : readableMeshExtensions()) {
        patterns << QStringLiteral("*.%1").arg(ext);
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Mesh"), QString(),
        tr("Meshes (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty()) {
        openPath(path);
    }
}

void MainWindow::showOpenFolderDialog() {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Case Folder"));
    if (!path.isEmpty()) {
        openPath(path);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() && mime->urls().size() == 1 && mime->urls().first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        openPath(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace pal::ui
