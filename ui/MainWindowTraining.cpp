// MainWindow: the model menu's dialogs: Train or Fine-tune... (ui/TrainingDialog) and
// Models... (ui/ModelsDialog), the model in use in the status bar, and switching back.

#include "ui/MainWindowImpl.h"

#include <QFileDialog>
#include <QStatusBar>

#include "core/io/NativePath.h"
#include "ui/ModelsDialog.h"
#include "ui/TrainingDialog.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>

namespace pal::ui {

void MainWindow::showTrainingDialog() {
    auto* dialog = qobject_cast<TrainingDialog*>(d->trainingDialog.data());
    QString folder = d->datasetFolder;
    if (folder.isEmpty() && dialog) {
        folder = dialog->datasetFolder();
    }
    if (folder.isEmpty() && !d->screenshotMode) {
        folder = QFileDialog::getExistingDirectory(this, tr("Dataset to Train On"));
        if (folder.isEmpty()) {
            return;
        }
    }
    if (!dialog) {
        dialog = new TrainingDialog(folder, this, &d->jobs);
        connect(dialog, &TrainingDialog::trainingEnded, this, [this, dialog] {
            const QString out = dialog->options().out;
            if (pathKind(out) == PathKind::File) {
                d->prediction->rememberModel(out); // listed in Model > Models... from now on
            }
            if (auto* models = qobject_cast<ModelsDialog*>(d->modelsDialog.data())) {
                models->refresh();
            }
        });
        connect(dialog, &TrainingDialog::modelChosen, this, [this](const QString& path) {
            d->prediction->setModelPath(path);
            statusBar()->showMessage(tr("Predictions now use %1").arg(path), 8000);
        });
        d->trainingDialog = dialog;
    } else if (!dialog->isRunning() && dialog->datasetFolder() != folder) {
        dialog->setDatasetFolder(folder); // the dataset open now
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showModelsDialog() {
    auto* dialog = qobject_cast<ModelsDialog*>(d->modelsDialog.data());
    if (!dialog) {
        dialog = new ModelsDialog(*d->prediction, d->datasetFolder, this);
        dialog->setRunningOutputs([this]() -> QStringList {
            auto* training = qobject_cast<TrainingDialog*>(d->trainingDialog.data());
            return training && training->isRunning() ? QStringList{training->options().out}
                                                     : QStringList{};
        });
        d->modelsDialog = dialog;
    } else {
        dialog->setDatasetFolder(d->datasetFolder);
        dialog->refresh();
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::revertModel() {
    const QString previous = d->prediction->revertTarget();
    if (d->prediction->revert()) {
        statusBar()->showMessage(
            tr("Predictions now use %1 again (Ctrl+R predicts this case with it)")
                .arg(QFileInfo(previous).fileName()),
            8000);
    }
}

void MainWindow::showModelInUse() {
    const QString path = d->prediction->modelPath();
    const Device preferred = PredictionController::devicePreference();
    //: the device predictions run on: "cpu" or "cuda" once known, else the preference
    const QString device = !d->deviceInUse.isEmpty()   ? d->deviceInUse
                           : preferred == Device::Cpu  ? tr("CPU")
                           : preferred == Device::Cuda ? tr("CUDA GPU")
                                                       : tr("automatic device");
    d->modelLabel->setText(tr("Model: <a href=\"models\">%1</a> on %2")
                               .arg(QFileInfo(path).fileName().toHtmlEscaped(), device));
    d->modelLabel->setToolTip(
        tr("Predictions use %1 (click: the models list)").arg(QDir::toNativeSeparators(path)));
    const QString previous = d->prediction->revertTarget();
    d->revertModel->setText(previous.isEmpty()
                                ? tr("&Back to Previous Model")
                                : tr("&Back to %1").arg(QFileInfo(previous).fileName()));
    d->revertModel->setEnabled(!previous.isEmpty());
}

} // namespace pal::ui
