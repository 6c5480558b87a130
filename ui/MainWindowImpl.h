#pragma once

// MainWindow's private state, shared by its source files (MainWindow.cpp: the window and its
// actions; MainWindowCase.cpp: opening, saving, exporting; MainWindowEdit.cpp: editing and
// prediction). Not included anywhere else.

#include "core/review/CaseDocument.h"
#include "ui/CaseLoader.h"
#include "ui/MainWindow.h"
#include "ui/review/DatasetModel.h"
#include "ui/review/LandmarkTableModel.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QUndoStack>

#include <memory>
#include <optional>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;

#ifdef PALSTUDIO_HAVE_ENGINE
#include "core/engine/PredictionJob.h"
#include "core/engine/Predictor.h"
#else
namespace pal::engine { // built without the engine: prediction is off
class Predictor {};
class PredictionJob {};
} // namespace pal::engine
#endif

namespace pal::ui {

struct MainWindow::Impl {
    ViewportWidget* viewport = nullptr;
    QLabel* banner = nullptr;
    QTableView* table = nullptr;
    QTableView* datasetView = nullptr;
    QLabel* summary = nullptr;
    QProgressBar* busy = nullptr;
    QPushButton* cancel = nullptr;

    CaseDocument doc;
    LandmarkTableModel* tableModel = nullptr;
    DatasetModel* datasetModel = nullptr;
    QUndoStack undo;
    QTimer journalTimer;
    QString journalDir;
    QString journalFile;

    QFutureWatcher<LoadedCase> watcher;
    std::shared_ptr<std::atomic<bool>> loadCancel; // set by Cancel: the reader stops part way
    QFutureWatcher<std::vector<CaseRow>> datasetWatcher;
    QString pendingPath;
    QString pendingCase;
    bool caseOpen = false;
    QString caseId;
    QString datasetFolder;
    QString lastError;
    QStringList lastWarnings;
    bool screenshotMode = false;
    StandardView defaultView = StandardView::Front;

    int selected = -1;
    std::optional<Landmark> dragBefore;

    QAction* showLabels = nullptr;
    QAction* showTruth = nullptr;
    QAction* showPredicted = nullptr;
    QAction* showErrors = nullptr;
    QAction* placeMode = nullptr;
    QAction* save = nullptr;
    QAction* exportAction = nullptr;
    QAction* predict = nullptr;
    QAction* predictAll = nullptr;
    QMenu* recent = nullptr;

    std::shared_ptr<const engine::Predictor> predictor;
    QString predictorPath;
    std::unique_ptr<engine::PredictionJob> job;
    QPointer<QDialog> trainingDialog; // ui/TrainingDialog, kept while the window lives
};

} // namespace pal::ui
