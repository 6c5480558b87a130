// MainWindow: selecting and editing landmarks, and prediction with the engine.

#include "ui/MainWindowImpl.h"
#include "ui/review/LandmarkDisplayState.h"
#include "ui/review/ReviewCommands.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"

namespace pal::ui {

void MainWindow::selectLandmark(int index) {
    if (index < -1 || index >= d->doc().size()) {
        return;
    }
    d->selected = index;
    d->viewport->setSelectedLandmark(index);
    if (index >= 0) {
        showLandmarkRow(index);
    }
}

void MainWindow::selectNextNeedingReview() {
    const int next = d->doc().nextToReview(d->selected); // worst error first
    if (next < 0) {
        statusBar()->showMessage(tr("Every landmark is reviewed: mark the case done with Ctrl+D"),
                                 8000);
        return;
    }
    selectLandmark(next);
    bringIntoView(next);
}

// A landmark chosen from the table or by N is brought to the middle of the view, half way
// between its ground truth and its working position, so both are in sight. (A click in the
// view does not move the camera: the landmark is already under the mouse, and a drag may follow.)
void MainWindow::bringIntoView(int index) {
    if (!d->session.isOpen() || index < 0 || index >= d->doc().size()) {
        return;
    }
    std::vector<Eigen::Vector3d> points;
    if (d->doc().working().at(index).isPresent()) {
        points.push_back(d->doc().working().at(index).position);
    }
    if (d->doc().groundTruth() && d->doc().groundTruth()->at(index).isPresent()) {
        points.push_back(d->doc().groundTruth()->at(index).position);
    }
    if (points.empty()) {
        return;
    }
    Eigen::Vector3d mid = Eigen::Vector3d::Zero();
    for (const Eigen::Vector3d& p : points) {
        mid += p / static_cast<double>(points.size());
    }
    d->viewport->centerOn(mid);
}

void MainWindow::onDragFinished(int index, const Eigen::Vector3d& point) {
    if (!d->dragBefore) {
        return;
    }
    const Landmark before = *std::exchange(d->dragBefore, std::nullopt);
    if ((before.position - point).norm() < 1e-9 && before.isPresent()) {
        d->doc().setLandmark(index, before); // a click, not a move
        return;
    }
    d->undo().push(new MoveLandmarkCommand(&d->doc(), index, before, point)); // one step per drag
}

// Place mode places the one landmark it names, once, then ends: the next placement is the
// user's explicit choice (P again), never a landmark the window picked.
void MainWindow::onSurfaceClicked(const Eigen::Vector3d& point) {
    if (d->selected < 0) {
        statusBar()->showMessage(
            tr("Select a landmark in the table first, then click where it belongs"), 8000);
        return;
    }
    if (d->display->isLocked(d->selected)) {
        d->placeMode->setChecked(false);
        statusBar()->showMessage(tr("%1 is locked: unlock it in the landmark table to place it")
                                     .arg(d->doc().working().schema().key(d->selected)),
                                 8000);
        return;
    }
    d->undo().push(
        new MoveLandmarkCommand(&d->doc(), d->selected, d->doc().working().at(d->selected), point));
    d->placeMode->setChecked(false);
    statusBar()->showMessage(tr("Placed %1 (P places again, Ctrl+Z undoes)")
                                 .arg(d->doc().working().schema().key(d->selected)),
                             8000);
}

void MainWindow::startPrediction(std::vector<Case> cases, const QString& title) {
    QString why;
    if (!d->prediction->predict(std::move(cases), title, &why)) {
        showError(why);
        Q_EMIT predictionFinished(false);
        return;
    }
    statusBar()->showMessage(title + QStringLiteral("..."));
}

void MainWindow::predictCurrent() {
    if (!d->session.isOpen()) {
        return;
    }
    startPrediction({d->doc().caseInfo()}, tr("Predicting %1").arg(d->caseId()));
}

void MainWindow::predictDataset() {
    if (d->datasetFolder.isEmpty()) {
        predictCurrent();
        return;
    }
    std::vector<Case> cases;
    try {
        cases = Dataset::open(d->datasetFolder).cases();
    } catch (const Error& e) {
        showError(e.message());
        return;
    }
    const QString title = tr("Predicting %1 cases").arg(cases.size());
    startPrediction(std::move(cases), title);
}

// A prediction reaches the open case only when it was made for that case (its mesh file);
// the files of any other case were written already and the browser shows them. On screen it
// is one undo step: the new prediction, and the landmarks nobody touched yet follow it.
void MainWindow::onCasePredicted(const QString& meshFile, const LandmarkSet& landmarks,
                                 const QString& modelId) {
    if (d->session.isOpen() && meshFile == d->doc().caseInfo().files().mesh) {
        if (!landmarks.schema().sameLandmarks(d->doc().working().schema()) && d->doc().hasEdits()) {
            // The prediction would replace landmarks of another schema that a person edited.
            showError(
                tr("%1 predicted the %2, but this case's review holds %3 landmarks you "
                   "edited: the prediction was saved beside the case, not applied.")
                    .arg(modelId, landmarks.schema().describe(), d->doc().working().schema().id()));
            return;
        }
        d->undo().push(new ReplacePredictionCommand(&d->doc(), landmarks, modelId));
        statusBar()->showMessage(tr("Predicted %1 with %2").arg(d->caseId(), modelId), 8000);
    }
}

void MainWindow::onPredictionFinished(const PredictionRun& run, Job::State state,
                                      const QString& error) {
    if (state == Job::State::Failed) {
        showError(error);
    } else if (!run.failures.empty()) {
        showError(describeFailures(run.failures, run.total));
    } else if (state == Job::State::Cancelled || run.cancelled) {
        statusBar()->showMessage(
            tr("Prediction cancelled after %1 case(s)").arg(run.predictions.size()), 8000);
    } else if (run.total > 1) {
        statusBar()->showMessage(tr("Predicted %1 case(s)").arg(run.predictions.size()), 8000);
    }
    if (!d->datasetFolder.isEmpty() && !run.predictions.empty()) {
        refreshDatasetSummary();
    }
    Q_EMIT predictionFinished(state == Job::State::Finished && !run.cancelled &&
                              run.failures.empty() && !run.predictions.empty());
}

void MainWindow::chooseModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a PAL-Net model"), QString(),
                                                      tr("Model bundles (*.palnet)"));
    if (!path.isEmpty()) {
        d->prediction->setModelPath(path);
        statusBar()->showMessage(tr("Predictions now use %1").arg(path), 8000);
    }
}

} // namespace pal::ui
