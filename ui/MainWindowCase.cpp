// MainWindow: opening cases and datasets, saving the review, exporting, the crash journal.

#include "core/checks/LandmarkChecks.h"
#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/model/ModelBundle.h"
#include "core/review/ReviewStore.h"
#include "core/workflow/ImportLandmarks.h"
#include "ui/MainWindowImpl.h"
#include "ui/review/AuditTableModel.h"
#include "ui/review/ReviewCommands.h"
#include "ui/review/Reviewer.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace pal::ui {

void MainWindow::openPath(const QString& path) {
    // What a file manager hands over on a double click (packaging/linux/palstudio.desktop): a
    // model bundle is offered for predictions; a landmarks file opens the case it belongs to.
    if (pathKind(path) == PathKind::File &&
        path.endsWith(QLatin1String(".palnet"), Qt::CaseInsensitive)) {
        offerModel(path);
        return;
    }
    QString target = path;
    if (pathKind(path) == PathKind::File && isLandmarkFileName(path) &&
        Case::isCaseFolder(folderOf(path))) {
        target = folderOf(path);
    }
    dropLoad(); // the newer open replaces it, asked or not: no result lands while asking
    if (!maybeKeepEdits()) {
        return;
    }
    startLoad(target, QString());
}

void MainWindow::offerModel(const QString& path) {
    ModelManifest m;
    try {
        m = readModelManifest(path);
    } catch (const Error& e) {
        d->lastError = e.message();
        showError(d->lastError);
        return;
    }
    const bool yes =
        d->screenshotMode ||
        QMessageBox::question(this, tr("Use this model?"),
                              tr("Predict with %1 from now on? It predicts the %2 (patch size "
                                 "%3). The model in use now is %4.")
                                  .arg(path, m.schema->describe())
                                  .arg(m.patchSize)
                                  .arg(d->prediction->modelPath()),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) == QMessageBox::Yes;
    if (yes) {
        d->prediction->setModelPath(path);
        statusBar()->showMessage(tr("Predictions now use %1").arg(path), 8000);
    }
}

void MainWindow::openCaseOfDataset(const QString& caseId) {
    if (d->datasetFolder.isEmpty() || caseId == d->caseId()) {
        return;
    }
    dropLoad();
    if (!maybeKeepEdits()) {
        return;
    }
    startLoad(d->datasetFolder, caseId);
}

void MainWindow::dropLoad() {
    if (d->load) { // its result is dropped
        d->load->disconnect(this);
        d->load->cancel();
        d->load = nullptr;
    }
}

void MainWindow::startLoad(const QString& path, const QString& caseId) {
    dropLoad();
    d->lastError.clear();
    statusBar()->showMessage(tr("Opening %1...").arg(caseId.isEmpty() ? path : caseId));
    auto job = std::make_unique<TaskJob<CaseForReview>>(
        tr("Opening %1").arg(caseId.isEmpty() ? QFileInfo(path).fileName() : caseId),
        [path, caseId, journal = d->session.journalFolder()](const std::atomic<bool>& cancel,
                                                             const auto&) {
            return openCaseForReview(path, journal, caseId, &cancel);
        });
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw] {
        d->load = nullptr;
        if (raw->state() == Job::State::Cancelled) {
            statusBar()->showMessage(tr("Opening cancelled: the case on screen stays"), 8000);
            d->lastError = tr("%1: opening cancelled").arg(raw->title());
            Q_EMIT loadFinished(false);
            return;
        }
        if (raw->state() == Job::State::Failed) { // openCaseForReview itself never throws
            d->lastError = raw->error();
            showError(d->lastError);
            Q_EMIT loadFinished(false);
            return;
        }
        finishLoad(raw->takeResult());
    });
    d->load = d->jobs.start(std::move(job));
}

void MainWindow::showOpenFileDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a mesh"), QString(),
        tr("Meshes (*.obj *.ply *.stl *.off *.gltf *.glb *.dae *.zae *.fbx);;NumPy cases "
           "(*.npz);;All files (*)"));
    if (!path.isEmpty()) {
        openPath(path);
    }
}

void MainWindow::showOpenFolderDialog() {
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Open a case or dataset folder"));
    if (!path.isEmpty()) {
        openPath(path);
    }
}

void MainWindow::finishLoad(CaseForReview loaded) {
    if (loaded.cancelled) {
        d->lastError = loaded.error;
        statusBar()->showMessage(tr("Opening cancelled: the case on screen stays"), 8000);
        Q_EMIT loadFinished(false);
        return;
    }
    if (!loaded.error.isEmpty()) {
        d->lastError = loaded.error;
        showError(loaded.error);
        Q_EMIT loadFinished(false);
        return;
    }
    // Edits made while the case was being read: asked about now, never dropped silently.
    if (d->session.isModified() && !maybeKeepEdits()) {
        d->lastError = tr("%1: not opened, the edits of %2 are kept").arg(loaded.path, d->caseId());
        statusBar()->showMessage(d->lastError, 8000);
        Q_EMIT loadFinished(false);
        return;
    }
    d->lastError.clear();
    d->lastWarnings = loaded.warnings;
    d->selected = -1;
    const bool recover =
        loaded.journal &&
        (d->screenshotMode ||
         QMessageBox::question(
             this, tr("Recover unsaved edits?"),
             tr("%1 has edits from %2 that were not saved (the program ended before they "
                "were). Recover them?")
                 .arg(loaded.caseId, loaded.journal->saved.toLocalTime().toString(Qt::TextDate)),
             QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes);
    d->tableModel->setSurface(nullptr); // the new case's when it is indexed
    d->session.open(loaded, recover);
    startSurfaceIndex(loaded.mesh);
    showCase(loaded);
    if (recover) {
        statusBar()->showMessage(tr("Recovered unsaved edits of %1").arg(d->caseId()), 8000);
    } else if (!loaded.warnings.isEmpty()) {
        statusBar()->showMessage(
            tr("Opened %1 with %n warning(s): %2", nullptr, int(loaded.warnings.size()))
                .arg(d->caseId(), loaded.warnings.first()));
    } else {
        statusBar()->showMessage(tr("Opened %1").arg(loaded.path), 8000);
    }
    // A file that could not be read whole (a landmarks file dropped, a mesh cut short) is said
    // where it cannot be missed; the rest of the case is open.
    if (!loaded.warnings.isEmpty() && !d->screenshotMode) {
        QMessageBox::warning(this, tr("Opened with problems"),
                             tr("%1 is open, but:\n\n%2")
                                 .arg(d->caseId(), loaded.warnings.join(QStringLiteral("\n\n"))));
    }
    addRecent(loaded.path);
    updateSummary();
    Q_EMIT loadFinished(true);
}

void MainWindow::startSurfaceIndex(const Mesh& mesh) {
    if (d->surfaceJob) { // the previous case's: its result is dropped
        d->surfaceJob->disconnect(this);
        d->surfaceJob->cancel();
    }
    auto surface = std::make_shared<Mesh>(); // what the locator reads: a few ms to copy
    surface->vertices = mesh.vertices;
    surface->triangles = mesh.triangles;
    auto job = std::make_unique<TaskJob<std::shared_ptr<const SurfaceLocator>>>(
        tr("Indexing the surface of %1").arg(d->caseId()),
        [surface = std::shared_ptr<const Mesh>(std::move(surface))](
            const std::atomic<bool>&, const auto&) { return indexSurface(surface); });
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw] {
        if (raw->state() == Job::State::Finished) {
            d->tableModel->setSurface(raw->takeResult());
        }
    });
    d->surfaceJob = d->jobs.start(std::move(job));
}

void MainWindow::showCase(const CaseForReview& loaded) {
    d->viewport->setMesh(loaded.mesh);
    refreshViewport();
    d->viewport->setStandardView(d->defaultView);
    setWindowTitle(loaded.generatedNotice.isEmpty()
                       ? tr("%1[*] - PAL Studio").arg(d->caseId())
                       : tr("%1 (generated demo data, not for clinical use)[*] - PAL Studio")
                             .arg(d->caseId()));
    setWindowModified(d->session.isModified());
    d->save->setEnabled(d->session.isModified());
    d->banner->setText(
        loaded.generatedNotice.isEmpty()
            ? earlyBuildText()
            : tr("<b>Generated demo data</b> (a synthetic face), not for clinical use. ") +
                  earlyBuildText());
    if (!loaded.datasetFolder.isEmpty() && loaded.datasetFolder != d->datasetModel->folder()) {
        d->datasetFolder = loaded.datasetFolder;
        refreshDatasetSummary();
    } else if (loaded.datasetFolder.isEmpty()) {
        d->datasetFolder.clear();
        d->datasetModel->setRows({}, {});
    }
    showCaseRow(d->caseId());
}

void MainWindow::refreshDatasetSummary() {
    const QString folder = d->datasetFolder;
    if (d->screenshotMode) { // one picture: the browser must be filled when it is taken
        d->datasetModel->setRows(folder, summariseReview(Dataset::open(folder)));
        return;
    }
    if (d->summaryJob) {
        d->summaryJob->disconnect(this);
        d->summaryJob->cancel();
    }
    auto job = std::make_unique<TaskJob<std::vector<CaseReviewRow>>>(
        tr("Reading %1").arg(QFileInfo(folder).fileName()),
        [folder](const std::atomic<bool>& cancel, const auto& progress) {
            return summariseReview(
                Dataset::open(folder),
                [&](int done, int total) {
                    progress(done, total, QString());
                    return true;
                },
                &cancel);
        });
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw, folder] {
        if (raw->state() == Job::State::Finished && folder == d->datasetFolder) {
            d->datasetModel->setRows(folder, raw->takeResult());
            showCaseRow(d->caseId());
        } else if (raw->state() == Job::State::Failed) {
            statusBar()->showMessage(raw->error(), 8000);
        }
    });
    d->summaryJob = d->jobs.start(std::move(job));
}

void MainWindow::refreshViewport() {
    if (!d->session.isOpen()) {
        return;
    }
    if (d->showTruth->isChecked() && d->doc().groundTruth()) {
        d->viewport->setGroundTruth(*d->doc().groundTruth());
    } else {
        d->viewport->clearGroundTruth();
    }
    if (d->showPredicted->isChecked()) {
        d->viewport->setPredicted(d->doc().working());
    } else {
        d->viewport->clearPredicted();
    }
    d->viewport->setErrorLinesVisible(d->showErrors->isChecked());
    d->viewport->setSelectedLandmark(d->selected);
    // Tolerance spheres around the model's own prediction (not the corrections).
    std::vector<Eigen::Vector3d> centres;
    std::vector<double> radii;
    if (const auto& predicted = d->doc().predicted()) {
        for (int i = 0; i < predicted->size(); ++i) {
            const Landmark& l = predicted->at(i);
            centres.push_back(l.isPresent() ? l.position
                                            : Eigen::Vector3d::Constant(
                                                  std::numeric_limits<double>::quiet_NaN()));
            radii.push_back(repeatabilityOf(predicted->schema(), i));
        }
    }
    d->viewport->setToleranceSpheres(centres, radii);
}

void MainWindow::updateSummary() {
    if (!d->session.isOpen()) {
        d->summary->setText(QString());
        return;
    }
    const int reviewed = reviewedCount(d->doc().working());
    const double mean = d->doc().meanError();
    QString text = tr("%1: %2, %3/%4 reviewed")
                       .arg(d->caseId(), reviewStateTitle(d->doc().reviewState()))
                       .arg(reviewed)
                       .arg(d->doc().size());
    if (!std::isnan(mean)) {
        text += tr(", mean error %1 mm").arg(mean, 0, 'f', 2);
    }
    if (d->doc().reviewState() != ReviewState::Unreviewed &&
        !d->doc().reviewStamp().user.isEmpty()) {
        text += tr(" (%1, %2)")
                    .arg(d->doc().reviewStamp().user,
                         d->doc().reviewStamp().when.toLocalTime().toString(
                             QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    //: %1 the name edits and sign-offs are recorded under (Case > Reviewer Name)
    text += tr("; reviewer: %1").arg(reviewerName());
    d->summary->setText(text);
    d->datasetModel->updateRow(d->caseId(), d->doc().reviewState(), d->doc().reviewStamp().user,
                               mean,
                               d->doc().working().presentCount() > 0
                                   ? static_cast<int>(checkLandmarks(d->doc().working()).size())
                                   : -1); // nothing to check, as the browser's own reading says
}

bool MainWindow::maybeKeepEdits() {
    if (!d->session.isModified() || d->screenshotMode) {
        return true;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved review"),
        tr("%1 has unsaved edits. Save the review before going on?").arg(d->caseId()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) {
        return false;
    }
    if (answer == QMessageBox::Save) {
        return saveReview();
    }
    d->session.clearJournal();
    return true;
}

bool MainWindow::saveReview() {
    if (!d->session.isOpen()) {
        return false;
    }
    try {
        d->session.save();
    } catch (const Error& e) {
        showError(e.message());
        return false;
    }
    statusBar()->showMessage(
        tr("Saved the review of %1 to %2").arg(d->caseId(), sidecarPath(d->doc().caseInfo())),
        8000);
    return true;
}

namespace {

// The keys of the working landmarks marked missing.
QStringList missingKeys(const LandmarkSet& set) {
    QStringList keys;
    for (int i = 0; i < set.size(); ++i) {
        if (!set.at(i).isPresent()) {
            keys << set.schema().key(i);
        }
    }
    return keys;
}

// writeLandmarks writes LA-FAS for .txt (the other extensions are formats that can hold a
// missing landmark, or refused by it).
bool isLafasPath(const QString& path) {
    return path.endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive);
}

} // namespace

// Checked before a file name is asked for: an LA-FAS file holds all 50 positions, so with a
// landmark marked missing the choice is a format that can mark it missing (CSV, 3D Slicer,
// MeshLab, TPS) or nothing.
void MainWindow::showExportDialog() {
    if (!d->session.isOpen()) {
        return;
    }
    const QStringList missing = missingKeys(d->doc().working());
    // An LA-FAS file holds the LA-FAS 50 only: for another schema it is not offered at all.
    const bool lafas = d->doc().working().schema().sameLandmarks(*LandmarkSchema::lafas50());
    if (lafas && !missing.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Landmarks marked missing"),
            tr("%n landmark(s) are marked missing (%1). An LA-FAS landmarks file holds all 50 "
               "positions, so it cannot be written; CSV, 3D Slicer, MeshLab and TPS files can, "
               "with the missing ones marked missing. Export in one of those?",
               nullptr, int(missing.size()))
                .arg(missing.join(QStringLiteral(", "))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            statusBar()->showMessage(tr("Not exported"), 8000);
            return;
        }
    }
    const QString suggested =
        QDir(d->doc().caseInfo().files().folder)
            .filePath(lafas && missing.isEmpty() ? QStringLiteral("landmarks.corrected.txt")
                                                 : QStringLiteral("landmarks.corrected.csv"));
    // Every format writeLandmarks knows (docs/formats.md); LA-FAS only with all 50 present.
    const QString others = tr("CSV (*.csv);;3D Slicer markups (*.mrk.json);;3D Slicer fiducials "
                              "(*.fcsv);;MeshLab picked points (*.pp);;TPS (*.tps)");
    const QString filter =
        lafas && missing.isEmpty() ? tr("LA-FAS landmarks (*.txt);;") + others : others;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export landmarks"), suggested, filter, nullptr,
                                     QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        exportLandmarks(path);
    }
}

bool MainWindow::exportLandmarks(const QString& path) {
    if (!d->session.isOpen()) {
        return false;
    }
    const QStringList missing = missingKeys(d->doc().working());
    const bool lafas = d->doc().working().schema().sameLandmarks(*LandmarkSchema::lafas50());
    if (isLafasPath(path) && lafas && !missing.isEmpty()) { // before any question about replacing
        d->lastError = tr("%1: not exported: %2 marked missing, and an LA-FAS file holds all 50 "
                          "positions; export as .csv, .mrk.json, .fcsv, .pp or .tps to keep the "
                          "missing ones missing")
                           .arg(path, missing.join(QStringLiteral(", ")));
        showError(d->lastError);
        return false;
    }
    const QString original = d->doc().caseInfo().files().landmarks;
    const bool isOriginal = !original.isEmpty() && QFileInfo(path).absoluteFilePath() ==
                                                       QFileInfo(original).absoluteFilePath();
    if (QFileInfo::exists(path)) {
        const QString question =
            isOriginal ? tr("%1 is the case's own annotation. Replace it with the reviewed "
                            "landmarks? The original cannot be brought back.")
                       : tr("%1 exists. Replace it?");
        if (d->screenshotMode || QMessageBox::warning(this, tr("Replace file?"), question.arg(path),
                                                      QMessageBox::Yes | QMessageBox::Cancel,
                                                      QMessageBox::Cancel) != QMessageBox::Yes) {
            statusBar()->showMessage(tr("Not exported: %1 was kept as it is").arg(path), 8000);
            return false;
        }
    }
    try {
        // Re-exporting into the original keeps its layout (row order, header, number format).
        std::optional<LafasLayout> layout;
        if (isOriginal) {
            layout = d->doc().groundTruthLayout();
        }
        writeLandmarks(path, d->doc().working(), layout);
    } catch (const Error& e) {
        showError(e.message());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 8000);
    return true;
}

void MainWindow::showImportDialog() {
    if (!d->session.isOpen()) {
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import landmarks onto %1").arg(d->caseId()), d->doc().caseInfo().files().folder,
        tr("Landmark files (*.txt *.csv *.mrk.json *.json *.fcsv *.pp *.tps);;All files (*)"));
    if (!path.isEmpty()) {
        importLandmarks(path);
    }
}

bool MainWindow::importLandmarks(const QString& path) {
    if (!d->session.isOpen()) {
        return false;
    }
    LandmarkImport import;
    try {
        import = pal::importLandmarks(path, d->doc().working());
    } catch (const Error& e) {
        d->lastError = e.message();
        showError(d->lastError);
        return false;
    }
    d->undo().push(
        new ImportLandmarksCommand(&d->doc(), import.result, QFileInfo(path).fileName()));
    const int kept = import.result.size() - import.placed;
    QString text = tr("Imported %n landmark(s) from %1", nullptr, import.placed).arg(path);
    if (kept > 0) {
        text += tr("; %n not in the file kept as they were", nullptr, kept);
    }
    if (import.unmatchedLabels.isEmpty()) {
        statusBar()->showMessage(text, 10000);
    } else {
        // Labels that name no landmark are data the user may expect to see: said, not hidden
        // in the status bar.
        d->lastError = tr("%1. Labels that name no landmark of %2: %3.")
                           .arg(text, import.result.schema().id(),
                                import.unmatchedLabels.join(QStringLiteral(", ")));
        showError(d->lastError);
    }
    return true;
}

void MainWindow::setReviewState(int state) {
    const auto s = static_cast<ReviewState>(state);
    if (!d->session.isOpen() || s == d->doc().reviewState()) {
        return;
    }
    // Done means every landmark was looked at: with some still unreviewed, ask first.
    const int open = d->doc().size() - reviewedCount(d->doc().working());
    if (s == ReviewState::Done && open > 0) {
        const int first = d->doc().nextNeedingReview(-1);
        const bool yes =
            !d->screenshotMode &&
            QMessageBox::question(
                this, tr("Mark the case done?"),
                tr("%n landmark(s) of %1 are not reviewed yet (the first is %2). Mark the case "
                   "done anyway?",
                   nullptr, open)
                    .arg(d->caseId(), d->doc().working().schema().key(first)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
        if (!yes) {
            selectLandmark(first);
            statusBar()->showMessage(
                tr("Not marked done: %n landmark(s) still to review", nullptr, open), 8000);
            return;
        }
    }
    d->undo().push(new SetReviewStateCommand(&d->doc(), s));
    if (s == ReviewState::Done) {
        //: %1 a case's id, %2 the reviewer's name
        statusBar()->showMessage(tr("%1 marked done, signed off as %2 (Case > Reviewer Name to "
                                    "change the name)")
                                     .arg(d->caseId(), d->doc().reviewStamp().user),
                                 8000);
    }
}

void MainWindow::showHistory() {
    if (!d->historyDialog) {
        auto* dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("HistoryDialog"));
        dialog->setWindowTitle(tr("Case History"));
        auto* table = new QTableView(dialog);
        table->setObjectName(QStringLiteral("HistoryTable"));
        table->setModel(new AuditTableModel(&d->doc(), table));
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setColumnWidth(AuditTableModel::When, 150);
        table->setColumnWidth(AuditTableModel::User, 90);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(table);
        layout->addWidget(buttons);
        dialog->resize(640, 360);
        d->historyDialog = dialog;
    }
    d->historyDialog->show();
    d->historyDialog->raise();
}

} // namespace pal::ui
