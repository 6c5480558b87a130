#pragma once

// MainWindow's private state, shared by its source files (MainWindow.cpp: the window and its
// actions; MainWindowCase.cpp: opening, saving, exporting; MainWindowEdit.cpp: editing and
// prediction). The state of the open case is the CaseSession's, background work the
// JobCentre's, prediction the PredictionController's; what is left here is the widgets and
// the view settings. Not included anywhere else.

#include "core/workflow/CaseReview.h"
#include "core/workflow/DatasetReview.h"
#include "core/workflow/Job.h"
#include "core/workflow/JobCentre.h"
#include "ui/CaseSession.h"
#include "ui/MainWindow.h"
#include "ui/PredictionController.h"
#include "ui/review/DatasetModel.h"
#include "ui/review/LandmarkTableModel.h"

#include <QPointer>

#include <optional>

class QAction;
class QCheckBox;
class QDialog;
class QLabel;
class QMenu;
class QTableView;

namespace pal::ui {

class JobsWidget;
class LandmarkDisplayState;
class ReviewFilterProxy;

struct MainWindow::Impl {
    // Declared first, destroyed last (after the session; no worker touches it): the jobs are
    // cancelled and waited for before the window's children they report to go away.
    JobCentre jobs;
    CaseSession session;

    ViewportWidget* viewport = nullptr;
    QLabel* banner = nullptr;     // the tips bar's text
    QWidget* bannerBar = nullptr; // the tips bar (View > Tips Bar)
    QTableView* table = nullptr;
    QTableView* datasetView = nullptr;
    QLabel* summary = nullptr;
    JobsWidget* jobsView = nullptr;

    LandmarkTableModel* tableModel = nullptr;
    DatasetModel* datasetModel = nullptr;
    ReviewFilterProxy* tableProxy = nullptr;   // sorts and filters the landmark table
    ReviewFilterProxy* datasetProxy = nullptr; // and the dataset browser
    QCheckBox* unreviewedLandmarks = nullptr;
    QCheckBox* unreviewedCases = nullptr;
    LandmarkDisplayState* display = nullptr; // hidden and locked landmarks
    PredictionController* prediction = nullptr;

    QPointer<TaskJob<CaseForReview>> load; // the open being read
    // The open case's surface being indexed for the table's off-surface check.
    QPointer<TaskJob<std::shared_ptr<const SurfaceLocator>>> surfaceJob;
    QPointer<TaskJob<std::vector<CaseReviewRow>>> summaryJob; // the browser's rows
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
    QAction* showLegend = nullptr;
    QAction* showTolerance = nullptr;
    QAction* showBanner = nullptr;
    QAction* placeMode = nullptr;
    QAction* save = nullptr;
    QAction* exportAction = nullptr;
    QAction* importAction = nullptr;
    QAction* predict = nullptr;
    QAction* predictAll = nullptr;
    QMenu* recent = nullptr;

    QPointer<QDialog> trainingDialog;  // ui/TrainingDialog, kept while the window lives
    QPointer<QDialog> modelsDialog;    // ui/ModelsDialog
    QPointer<QDialog> historyDialog;   // Case > History: the audit trail
    QLabel* modelLabel = nullptr;      // the model in use, in the status bar
    QString deviceInUse;               // "cpu" or "cuda" once a prediction started; else empty
    QAction* revertModel = nullptr;    // Model > Back to <previous model>
    QPointer<QDialog> displaySettings; // ui/DisplaySettings, likewise

    CaseDocument& doc() { return session.document(); }
    QUndoStack& undo() { return session.undoStack(); }
    const QString& caseId() const { return session.caseId(); }
};

} // namespace pal::ui
