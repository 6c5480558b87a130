// MainWindow: opening cases and datasets, saving the review, exporting, the crash journal.

#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/review/ReviewStore.h"
#include "ui/MainWindowImpl.h"
#include "ui/review/ReviewCommands.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace pal::ui {

void MainWindow::openPath(const QString& path) {
    d->pendingCase.clear();
    if (d->watcher.isRunning()) {
        d->pendingPath = path; // started when the current read ends
        return;
    }
    if (!maybeKeepEdits()) {
        return;
    }
    d->lastError.clear();
    setBusy(tr("Opening %1...").arg(path), true);
    d->loadCancel = std::make_shared<std::atomic<bool>>(false);
    connect(d->cancel, &QPushButton::clicked, this, [flag = d->loadCancel] { flag->store(true); });
    d->watcher.setFuture(
        QtConcurrent::run(loadCaseFiles, path, d->journalDir, QString(),
                          std::shared_ptr<const std::atomic<bool>>(d->loadCancel)));
}

void MainWindow::openCaseOfDataset(const QString& caseId) {
    if (d->datasetFolder.isEmpty() || d->watcher.isRunning() || caseId == d->caseId ||
        !maybeKeepEdits()) {
        return;
    }
    setBusy(tr("Opening %1...").arg(caseId), false);
    d->loadCancel = std::make_shared<std::atomic<bool>>(false);
    d->watcher.setFuture(
        QtConcurrent::run(loadCaseFiles, d->datasetFolder, d->journalDir, caseId,
                          std::shared_ptr<const std::atomic<bool>>(d->loadCancel)));
}

void MainWindow::showOpenFileDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a mesh"), QString(),
        tr("Meshes (*.obj *.ply *.stl *.off *.gltf *.glb *.dae *.zae *.fbx);;All files (*)"));
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

void MainWindow::finishLoad() {
    clearBusy();
    if (!d->pendingPath.isEmpty()) {
        const QString next = std::exchange(d->pendingPath, QString());
        openPath(next);
        return;
    }
    LoadedCase loaded = d->watcher.result();
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
    d->lastError.clear();
    d->lastWarnings = loaded.warnings;
    d->caseId = loaded.caseId;
    d->caseOpen = true;
    d->journalFile = loaded.journalFile;
    d->undo.clear();
    d->selected = -1;
    d->doc.load(*loaded.source, loaded.groundTruth, loaded.layout, loaded.predicted);
    if (loaded.sidecar) {
        applySnapshot(d->doc, *loaded.sidecar);
    }
    if (loaded.journal) {
        const bool recover =
            d->screenshotMode ||
            QMessageBox::question(
                this, tr("Recover unsaved edits?"),
                tr("%1 has edits from %2 that were not saved (the program ended before "
                   "they were). Recover them?")
                    .arg(d->caseId, loaded.journal->saved.toLocalTime().toString(Qt::TextDate)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
        if (recover) {
            applySnapshot(d->doc, *loaded.journal);
            statusBar()->showMessage(tr("Recovered unsaved edits of %1").arg(d->caseId), 8000);
        } else {
            QFile::remove(loaded.journalFile);
        }
    }
    if (!loaded.journal) {
        d->doc.markSaved();
    }
    d->viewport->setMesh(loaded.mesh);
    refreshViewport();
    d->viewport->setStandardView(d->defaultView);
    setWindowTitle(tr("%1[*] - PAL Studio").arg(d->caseId));
    setWindowModified(d->doc.isModified());
    d->banner->setText(
        loaded.generatedNotice.isEmpty()
            ? earlyBuildText()
            : tr("<b>Generated demo data</b>: a synthetic face, not a scan of a real person; "
                 "not for clinical use. ") +
                  earlyBuildText());
    if (!loaded.datasetFolder.isEmpty() && loaded.datasetFolder != d->datasetModel->folder()) {
        d->datasetFolder = loaded.datasetFolder;
        refreshDatasetSummary();
    } else if (loaded.datasetFolder.isEmpty()) {
        d->datasetFolder.clear();
        d->datasetModel->setRows({}, {});
    }
    const int row = d->datasetModel->rowOf(d->caseId);
    if (row >= 0) {
        d->datasetView->selectRow(row);
    }
    if (!loaded.warnings.isEmpty()) {
        statusBar()->showMessage(
            tr("Opened %1 with %n warning(s): %2", nullptr, int(loaded.warnings.size()))
                .arg(d->caseId, loaded.warnings.first()));
    } else if (!loaded.journal) {
        statusBar()->showMessage(tr("Opened %1").arg(loaded.path), 8000);
    }
    addRecent(loaded.path);
    updateSummary();
    Q_EMIT loadFinished(true);
}

void MainWindow::refreshDatasetSummary() {
    if (d->screenshotMode) { // one picture: the browser must be filled when it is taken
        d->datasetModel->setRows(d->datasetFolder,
                                 DatasetModel::summarize(Dataset::open(d->datasetFolder)));
        return;
    }
    d->datasetWatcher.setFuture(QtConcurrent::run(
        [folder = d->datasetFolder] { return DatasetModel::summarize(Dataset::open(folder)); }));
}

void MainWindow::finishDatasetSummary() {
    if (d->datasetWatcher.future().isValid() && d->datasetWatcher.future().resultCount() > 0) {
        d->datasetModel->setRows(d->datasetFolder, d->datasetWatcher.result());
        const int row = d->datasetModel->rowOf(d->caseId);
        if (row >= 0) {
            d->datasetView->selectRow(row);
        }
    }
}

void MainWindow::refreshViewport() {
    if (!d->caseOpen) {
        return;
    }
    if (d->showTruth->isChecked() && d->doc.groundTruth()) {
        d->viewport->setGroundTruth(*d->doc.groundTruth());
    } else {
        d->viewport->clearGroundTruth();
    }
    if (d->showPredicted->isChecked()) {
        d->viewport->setPredicted(d->doc.working());
    } else {
        d->viewport->clearPredicted();
    }
    d->viewport->setErrorLinesVisible(d->showErrors->isChecked());
    d->viewport->setSelectedLandmark(d->selected);
}

void MainWindow::updateSummary() {
    if (!d->caseOpen) {
        d->summary->setText(QString());
        return;
    }
    int reviewed = 0;
    for (int i = 0; i < d->doc.size(); ++i) {
        const LandmarkStatus s = d->doc.working().at(i).status;
        reviewed += (s == LandmarkStatus::Confirmed || s == LandmarkStatus::Corrected ||
                     s == LandmarkStatus::Placed)
                        ? 1
                        : 0;
    }
    const double mean = d->doc.meanError();
    QString text = tr("%1: %2, %3/%4 reviewed")
                       .arg(d->caseId, reviewStateName(d->doc.reviewState()))
                       .arg(reviewed)
                       .arg(d->doc.size());
    if (!std::isnan(mean)) {
        text += tr(", mean error %1 mm").arg(mean, 0, 'f', 2);
    }
    if (d->doc.reviewState() != ReviewState::Unreviewed && !d->doc.reviewStamp().user.isEmpty()) {
        text +=
            tr(" (%1, %2)")
                .arg(d->doc.reviewStamp().user, d->doc.reviewStamp().when.toLocalTime().toString(
                                                    QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    d->summary->setText(text);
    d->datasetModel->updateRow(d->caseId, d->doc.reviewState(), d->doc.reviewStamp().user, mean);
}

bool MainWindow::maybeKeepEdits() {
    if (!d->caseOpen || !d->doc.isModified() || d->screenshotMode) {
        return true;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved review"),
        tr("%1 has unsaved edits. Save the review before going on?").arg(d->caseId),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) {
        return false;
    }
    if (answer == QMessageBox::Save) {
        return saveReview();
    }
    clearJournal();
    return true;
}

bool MainWindow::saveReview() {
    if (!d->caseOpen) {
        return false;
    }
    try {
        writeReview(sidecarPath(d->doc.caseInfo()), snapshotOf(d->doc), d->caseId);
    } catch (const Error& e) {
        showError(e.message());
        return false;
    }
    d->doc.markSaved();
    d->undo.setClean();
    clearJournal();
    statusBar()->showMessage(
        tr("Saved the review of %1 to %2").arg(d->caseId, sidecarPath(d->doc.caseInfo())), 8000);
    return true;
}

void MainWindow::writeJournal() {
    if (!d->caseOpen || !d->doc.isModified() || d->journalFile.isEmpty()) {
        return;
    }
    try {
        writeReview(d->journalFile, snapshotOf(d->doc), d->caseId);
    } catch (const Error& e) {
        statusBar()->showMessage(tr("Cannot journal unsaved edits: %1").arg(e.message()));
    }
}

void MainWindow::clearJournal() {
    d->journalTimer.stop();
    if (!d->journalFile.isEmpty()) {
        QFile::remove(d->journalFile);
    }
}

void MainWindow::showExportDialog() {
    if (!d->caseOpen) {
        return;
    }
    const QString suggested =
        QDir(d->doc.caseInfo().files().folder).filePath(QStringLiteral("landmarks.corrected.txt"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export landmarks"), suggested,
                                                      tr("LA-FAS landmarks (*.txt);;CSV (*.csv)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        exportLandmarks(path);
    }
}

bool MainWindow::exportLandmarks(const QString& path) {
    if (!d->caseOpen) {
        return false;
    }
    const QString original = d->doc.caseInfo().files().landmarks;
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
            layout = d->doc.groundTruthLayout();
        }
        writeLandmarks(path, d->doc.working(), layout);
    } catch (const Error& e) {
        showError(e.message());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 8000);
    return true;
}

void MainWindow::setReviewState(int state) {
    if (d->caseOpen && static_cast<ReviewState>(state) != d->doc.reviewState()) {
        d->undo.push(new SetReviewStateCommand(&d->doc, static_cast<ReviewState>(state)));
    }
}

} // namespace pal::ui
