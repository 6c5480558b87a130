// MainWindow: Model > Train or Fine-tune... opens the training dialog (ui/TrainingDialog).

#include "ui/MainWindowImpl.h"

#include <QFileDialog>
#include <QStatusBar>

#include "ui/TrainingDialog.h"

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

} // namespace pal::ui
