#pragma once

// The review window: the VTK viewport in the centre, the landmark table and the dataset
// browser in docks, menus and toolbar. Landmark data lives in a CaseDocument; every edit is a
// QUndoCommand; cases are read in a worker thread; unsaved edits are journaled within a
// second and offered back after a crash.

#include "core/dataset/Case.h"
#include "core/workflow/Job.h"
#include "ui/ViewportWidget.h"

#include <QMainWindow>
#include <QString>

#include <memory>

class QAction;
class QMenu;
class QUndoStack;

namespace pal {
class CaseDocument;
class JobCentre;
struct CaseForReview;
struct Mesh;
struct PredictionRun;
class LandmarkSet;
} // namespace pal

namespace pal::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ViewportWidget* viewport() const;
    CaseDocument* document() const;
    QUndoStack* undoStack() const;
    // Every background job of the window (opening, prediction, dataset summary).
    JobCentre* jobCentre() const;

    // The view each opened case is framed from (View > Front by default).
    void setDefaultView(StandardView view);
    StandardView defaultView() const;
    // Landmark labels on or off (View > Landmark Labels).
    void setLabelsVisible(bool visible);
    // Where unsaved edits are journaled (default: the application's data folder).
    void setJournalFolder(const QString& folder);

    // In screenshot mode errors go to the status bar (and lastError()) instead of a dialog,
    // and no question is asked (recovered edits are applied).
    void setScreenshotMode(bool on);
    bool isLoading() const; // a case is being opened
    // The id of the case on screen; empty when none.
    QString caseId() const;
    // "FILE:LINE: problem" of the last failed open; empty after a successful one.
    QString lastError() const;
    // Non-fatal problems of the last open (a missing texture, unreadable landmarks).
    QStringList lastWarnings() const;
    int selectedLandmark() const;

public Q_SLOTS:
    // Reads a mesh file, a case folder or a dataset folder (its first case) in a job, then
    // shows it. An open asked for while another runs replaces it (the first is cancelled).
    // A mesh, case folder, dataset or .npz opens; a landmarks file opens its case; a model
    // bundle (.palnet) is offered for predictions (offerModel).
    void openPath(const QString& path);
    // Asks whether to predict with the bundle at path from now on (names what it predicts).
    void offerModel(const QString& path);
    void openCaseOfDataset(const QString& caseId);
    void showOpenFileDialog();
    void showOpenFolderDialog();
    void selectLandmark(int index);
    void selectNextNeedingReview();
    // Writes the review sidecar beside the case (atomic) and clears the journal.
    bool saveReview();
    // Writes the working landmarks as LA-FAS .txt or .csv, atomically. Asks before replacing
    // the case's own landmarks.txt (refuses in screenshot mode). Refuses an LA-FAS file when a
    // landmark is marked missing (CSV leaves it empty); lastError() says why.
    bool exportLandmarks(const QString& path);
    // Places the landmarks of another tool's file (any format of docs/formats.md) on the open
    // case, as one undo step; reports what it placed and the labels it could not map. False,
    // with the message shown, when the file cannot be read or places nothing.
    bool importLandmarks(const QString& path);
    void setReviewState(int state); // pal::ReviewState
    // Model > Train or Fine-tune...: the training dialog (non-modal) on the open dataset; asks
    // for a folder when none is open. Its "Use This Model" reloads the predictor.
    void showTrainingDialog();
    // Model > Models...: the models list (ui/ModelsDialog).
    void showModelsDialog();
    // Case > History...: the open case's audit trail (non-modal; it follows new entries).
    void showHistory();
    // Writes the open case's review report (core/report/ReviewReport.h: its saved review, one
    // A4 page) to pdfPath in a job; reportFinished(ok) when it ends. Refuses (false, lastError)
    // while the case has unsaved changes: the report shows what is saved.
    bool writeReport(const QString& pdfPath);
    // Case > Reviewer Name...: asks for the name edits and sign-offs are recorded under
    // (ui/review/Reviewer.h); empty goes back to the login name.
    void showReviewerNameDialog();

Q_SIGNALS:
    // After an open ends: ok is false when it failed (see lastError()).
    void loadFinished(bool ok);
    void predictionFinished(bool ok);
    void reportFinished(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    static QString earlyBuildText();
    // The actions the toolbar shows beside the menus'.
    struct ToolActions {
        QAction* open = nullptr;
        QAction* undo = nullptr;
        QAction* redo = nullptr;
        QAction* next = nullptr;
        QAction* confirm = nullptr;
        QAction* done = nullptr;
    };
    void createActions();
    void createFileMenu(ToolActions& t);
    void createEditMenu(ToolActions& t);
    void createCaseMenu(ToolActions& t);
    void createViewMenu();
    void createLegendCornerMenu(QMenu* view);
    void createModelMenu();
    void createHelpMenu();
    void createToolBar(const ToolActions& t);
    void createDocks();
    void connectDisplayState();
    void showLandmarkRow(int index);
    void showCaseRow(const QString& caseId);
    void stepCase(int delta);
    void connectDocument();
    void connectViewport();
    void startLoad(const QString& path, const QString& caseId);
    void dropLoad();
    void finishLoad(CaseForReview loaded);
    // Indexes the open case's surface in a job; the table gets it when it is done.
    void startSurfaceIndex(const Mesh& mesh);
    void showCase(const CaseForReview& loaded);
    // Reads the dataset's per-case summaries (review state, mean error) in a job.
    void refreshDatasetSummary();
    void showError(const QString& message);
    bool maybeKeepEdits(); // false: the user cancelled
    void refreshViewport();
    void updateSummary();
    void updateRecentMenu();
    void addRecent(const QString& path);
    void showExportDialog();
    void showImportDialog();
    // File > Print Review Report...: asks to save unsaved changes, then for the PDF's name.
    void showReportDialog();
    void onDragFinished(int index, const Eigen::Vector3d& point);
    void bringIntoView(int index);
    void onSurfaceClicked(const Eigen::Vector3d& point);
    void predictCurrent();
    void predictDataset();
    void startPrediction(std::vector<Case> cases, const QString& title);
    void onCasePredicted(const QString& meshFile, const pal::LandmarkSet& landmarks,
                         const QString& modelId);
    void onPredictionFinished(const pal::PredictionRun& run, pal::Job::State state,
                              const QString& error);
    void chooseModel();
    void revertModel();
    void showModelInUse(); // the status bar's model and the revert action's text

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::ui
