// MainWindow: selecting and editing landmarks, and prediction with the engine.

#include "ui/MainWindowImpl.h"
#include "ui/review/ReviewCommands.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

#ifdef PALSTUDIO_HAVE_ENGINE
#include "core/engine/PredictionJob.h"
#include "core/engine/Predictor.h"
#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"
#endif

namespace pal::ui {

void MainWindow::selectLandmark(int index) {
    if (index < -1 || index >= d->doc.size()) {
        return;
    }
    d->selected = index;
    d->viewport->setSelectedLandmark(index);
    if (index >= 0 && d->table->currentIndex().row() != index) {
        d->table->selectRow(index);
    }
}

void MainWindow::selectNextNeedingReview() {
    const int next = d->doc.nextNeedingReview(d->selected);
    if (next < 0) {
        statusBar()->showMessage(tr("Every landmark is reviewed: mark the case done with Ctrl+D"),
                                 8000);
        return;
    }
    selectLandmark(next);
}

void MainWindow::onDragFinished(int index, const Eigen::Vector3d& point) {
    if (!d->dragBefore) {
        return;
    }
    const Landmark before = *std::exchange(d->dragBefore, std::nullopt);
    if ((before.position - point).norm() < 1e-9 && before.isPresent()) {
        d->doc.setLandmark(index, before); // a click, not a move
        return;
    }
    d->undo.push(new MoveLandmarkCommand(&d->doc, index, before, point)); // one step per drag
}

void MainWindow::onSurfaceClicked(const Eigen::Vector3d& point) {
    if (d->selected < 0) {
        statusBar()->showMessage(
            tr("Select a landmark in the table first, then click where it belongs"), 8000);
        return;
    }
    d->undo.push(
        new MoveLandmarkCommand(&d->doc, d->selected, d->doc.working().at(d->selected), point));
    selectNextNeedingReview();
}

#ifdef PALSTUDIO_HAVE_ENGINE

bool MainWindow::ensurePredictor() {
    QString path = QSettings().value(QStringLiteral("model/path")).toString();
    if (path.isEmpty()) {
        path = QStringLiteral(PALSTUDIO_SOURCE_DIR "/models/default.palnet");
    }
    if (!QFileInfo::exists(path)) {
        showError(tr("No model to predict with: choose one with Model > Choose Model... (%1 does "
                     "not exist)")
                      .arg(path));
        return false;
    }
    if (d->predictor && d->predictorPath == path) {
        return true;
    }
    try {
        d->predictor =
            std::make_shared<const engine::Predictor>(engine::Predictor::fromBundle(path));
        d->predictorPath = path;
    } catch (const Error& e) {
        showError(e.message());
        return false;
    }
    return true;
}

namespace {
void startJob(MainWindow* w, std::unique_ptr<engine::PredictionJob>& slot, QProgressBar* bar,
              QPushButton* cancel, const std::function<void(engine::PredictionJob&)>& done) {
    engine::PredictionJob* job = slot.get();
    QObject::connect(job, &engine::PredictionJob::progress, w,
                     [bar](int n, int total, const QString&) {
                         bar->setRange(0, total);
                         bar->setValue(n);
                     });
    QObject::connect(cancel, &QPushButton::clicked, job, &engine::PredictionJob::cancel);
    QObject::connect(job, &engine::PredictionJob::ended, w, [job, done] { done(*job); });
    job->start();
}
} // namespace

void MainWindow::predictCurrent() {
    if (!d->caseOpen || d->job || !ensurePredictor()) {
        return;
    }
    setBusy(tr("Predicting %1...").arg(d->caseId), true);
    d->job =
        std::make_unique<engine::PredictionJob>(d->predictor, std::vector<Case>{d->doc.caseInfo()});
    startJob(this, d->job, d->busy, d->cancel, [this](engine::PredictionJob& job) {
        clearBusy();
        const bool ok =
            job.state() == engine::PredictionJob::State::Finished && !job.results().empty();
        if (ok) {
            d->doc.setPredicted(job.results().front().landmarks); // untouched landmarks follow
            statusBar()->showMessage(
                tr("Predicted %1 with %2").arg(d->caseId, d->predictor->modelId()), 8000);
        } else if (job.state() == engine::PredictionJob::State::Failed) {
            showError(job.error());
        } else {
            statusBar()->showMessage(tr("Prediction cancelled"), 5000);
        }
        d->job.release()->deleteLater();
        Q_EMIT predictionFinished(ok);
    });
}

void MainWindow::predictDataset() {
    if (d->datasetFolder.isEmpty()) {
        predictCurrent();
        return;
    }
    if (d->job || !ensurePredictor()) {
        return;
    }
    std::vector<Case> cases = Dataset::open(d->datasetFolder).cases();
    setBusy(tr("Predicting %1 cases...").arg(cases.size()), true);
    d->job = std::make_unique<engine::PredictionJob>(d->predictor, std::move(cases));
    startJob(this, d->job, d->busy, d->cancel, [this](engine::PredictionJob& job) {
        clearBusy();
        int written = 0;
        for (const engine::Prediction& p : job.results()) {
            try {
                const Case c = Case::open(p.caseFolder);
                writeLandmarks(predictedPath(c),
                               p.landmarks); // beside the case, never over landmarks.txt
                ++written;
                if (p.caseId == d->caseId) {
                    d->doc.setPredicted(p.landmarks);
                }
            } catch (const Error& e) {
                showError(e.message());
            }
        }
        statusBar()->showMessage(tr("Predicted %1 case(s)%2")
                                     .arg(written)
                                     .arg(job.state() == engine::PredictionJob::State::Cancelled
                                              ? tr(" before cancel")
                                              : QString()),
                                 8000);
        refreshDatasetSummary();
        const bool ok = job.state() == engine::PredictionJob::State::Finished;
        d->job.release()->deleteLater();
        Q_EMIT predictionFinished(ok);
    });
}

void MainWindow::chooseModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a PAL-Net model"), QString(),
                                                      tr("Model bundles (*.palnet)"));
    if (!path.isEmpty()) {
        QSettings().setValue(QStringLiteral("model/path"), path);
        d->predictor.reset();
        ensurePredictor();
    }
}

#else

bool MainWindow::ensurePredictor() {
    return false;
}
void MainWindow::predictCurrent() {}
void MainWindow::predictDataset() {}
void MainWindow::chooseModel() {}

#endif

} // namespace pal::ui
