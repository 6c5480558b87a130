#pragma once

// Every edit of a review is one of these QUndoCommands (QUndoStack lives in Qt Gui, so the
// commands live in ui/ and call CaseDocument's setters). A drag is one command: the view moves
// the landmark live while the mouse moves, and the command pushed on release holds the
// position from before the drag and the one after. Each command writes the document's audit
// trail: its action when first done, then an entry for every undo and redo.

#include "core/review/CaseDocument.h"

#include <QUndoCommand>

#include <utility>

namespace pal::ui {

// Who is editing, and when: the provenance of a manual edit.
Provenance manualProvenance();
ReviewStamp currentStamp();

// Counts a command's executions: the first redo() is the action itself, later ones redos.
class AuditSteps {
public:
    AuditStep redo() { return std::exchange(m_done, true) ? AuditStep::Redo : AuditStep::Do; }

private:
    bool m_done = false;
};

// Moves (or places) one landmark of the working set. The status becomes Corrected, or Placed
// for a landmark that was missing.
class MoveLandmarkCommand : public QUndoCommand {
public:
    MoveLandmarkCommand(CaseDocument* doc, int index, const Landmark& before,
                        const Eigen::Vector3d& after, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CaseDocument* m_doc;
    int m_index;
    Landmark m_before;
    Landmark m_after;
    AuditSteps m_steps;
};

class SetStatusCommand : public QUndoCommand {
public:
    SetStatusCommand(CaseDocument* doc, int index, LandmarkStatus status,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CaseDocument* m_doc;
    int m_index;
    Landmark m_before;
    LandmarkStatus m_status;
    Provenance m_provenance;
    AuditSteps m_steps;
};

// A new prediction of the open case (Predict This Case): the prediction, and the working
// position of every landmark nobody has touched yet. One undo step brings both back.
class ReplacePredictionCommand : public QUndoCommand {
public:
    ReplacePredictionCommand(CaseDocument* doc, const LandmarkSet& predicted,
                             const QString& modelId, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CaseDocument* m_doc;
    std::optional<LandmarkSet> m_beforePredicted;
    LandmarkSet m_beforeWorking;
    LandmarkSet m_predicted;
    QString m_modelId;
    AuditSteps m_steps;
};

// Landmarks placed from another tool's file (File > Import Landmarks, or a dropped file): the
// whole working set before and after, one undo step.
class ImportLandmarksCommand : public QUndoCommand {
public:
    ImportLandmarksCommand(CaseDocument* doc, const LandmarkSet& after, const QString& fileName,
                           QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CaseDocument* m_doc;
    LandmarkSet m_before;
    LandmarkSet m_after;
    QString m_fileName;
    AuditSteps m_steps;
};

class SetReviewStateCommand : public QUndoCommand {
public:
    SetReviewStateCommand(CaseDocument* doc, ReviewState state, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    CaseDocument* m_doc;
    ReviewState m_beforeState;
    ReviewStamp m_beforeStamp;
    ReviewState m_state;
    ReviewStamp m_stamp;
    AuditSteps m_steps;
};

} // namespace pal::ui
