#include "ui/review/ReviewCommands.h"

#include "ui/review/Reviewer.h"

#include <QCoreApplication>

namespace pal::ui {

namespace {
QString key(const CaseDocument* doc, int index) {
    return doc->working().schema().key(index);
}
AuditEntry entry(AuditAction action, AuditStep step) {
    AuditEntry e;
    e.when = QDateTime::currentDateTimeUtc();
    e.user = reviewerName();
    e.action = action;
    e.step = step;
    return e;
}

// A change of one landmark from `from` to `to`.
AuditEntry landmarkEntry(AuditAction action, AuditStep step, int index, const Landmark& from,
                         const Landmark& to) {
    AuditEntry e = entry(action, step);
    e.landmark = index;
    if (from.isPresent()) {
        e.from = from.position;
    }
    if (to.isPresent()) {
        e.to = to.position;
    }
    e.fromStatus = from.status;
    e.toStatus = to.status;
    e.fromSource = from.provenance.source;
    return e;
}

// A change of the whole case that `detail` names (the model, the file).
AuditEntry caseEntry(AuditAction action, AuditStep step, const QString& detail) {
    AuditEntry e = entry(action, step);
    e.detail = detail;
    return e;
}

AuditAction moveAction(const Landmark& before) {
    return before.isPresent() ? AuditAction::Move : AuditAction::Place;
}

// The review state going from `from` to `to`. Marking a case done is its sign-off (an undo of
// it names the sign-off it takes back).
AuditEntry reviewEntry(ReviewState from, ReviewState to, AuditStep step) {
    const bool signOff =
        step == AuditStep::Undo ? from == ReviewState::Done : to == ReviewState::Done;
    AuditEntry e = entry(signOff ? AuditAction::SignOff : AuditAction::Review, step);
    e.detail = reviewStateName(from) + QStringLiteral(" -> ") + reviewStateName(to);
    return e;
}
} // namespace

Provenance manualProvenance() {
    return {QStringLiteral("manual"), reviewerName(), QDateTime::currentDateTimeUtc()};
}

ReviewStamp currentStamp() {
    return {reviewerName(), QDateTime::currentDateTimeUtc()};
}

MoveLandmarkCommand::MoveLandmarkCommand(CaseDocument* doc, int index, const Landmark& before,
                                         const Eigen::Vector3d& after, QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_index(index), m_before(before) {
    m_after.position = after;
    m_after.status = before.status == LandmarkStatus::Missing ? LandmarkStatus::Placed
                                                              : LandmarkStatus::Corrected;
    m_after.provenance = manualProvenance();
    //: %1 is a landmark's key; the text follows Undo/Redo in the Edit menu
    setText((before.isPresent() ? QCoreApplication::translate("ReviewCommands", "Move %1")
                                //: %1 is a landmark's key; the text follows Undo/Redo
                                : QCoreApplication::translate("ReviewCommands", "Place %1"))
                .arg(key(doc, index)));
}

void MoveLandmarkCommand::undo() {
    const Landmark now = m_doc->working().at(m_index);
    m_doc->setLandmark(m_index, m_before);
    m_doc->record(landmarkEntry(moveAction(m_before), AuditStep::Undo, m_index, now, m_before));
}
void MoveLandmarkCommand::redo() {
    // During a drag the landmark followed the mouse already: the change recorded is the whole
    // drag, from where it was before to where it ends.
    m_doc->setLandmark(m_index, m_after);
    m_doc->record(landmarkEntry(moveAction(m_before), m_steps.redo(), m_index, m_before, m_after));
}

SetStatusCommand::SetStatusCommand(CaseDocument* doc, int index, LandmarkStatus status,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_index(index), m_before(doc->working().at(index)),
      m_status(status), m_provenance(manualProvenance()) {
    setText(QCoreApplication::translate("ReviewCommands", "Mark %1 %2")
                .arg(key(doc, index), statusTitle(status)));
}

void SetStatusCommand::undo() {
    const Landmark now = m_doc->working().at(m_index);
    m_doc->setLandmark(m_index, m_before);
    m_doc->record(landmarkEntry(AuditAction::Status, AuditStep::Undo, m_index, now, m_before));
}
void SetStatusCommand::redo() {
    m_doc->setStatus(m_index, m_status, m_provenance);
    m_doc->record(landmarkEntry(AuditAction::Status, m_steps.redo(), m_index, m_before,
                                m_doc->working().at(m_index)));
}

SetReviewStateCommand::SetReviewStateCommand(CaseDocument* doc, ReviewState state,
                                             QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_beforeState(doc->reviewState()),
      m_beforeStamp(doc->reviewStamp()), m_state(state), m_stamp(currentStamp()) {
    setText(
        QCoreApplication::translate("ReviewCommands", "Mark case %1").arg(reviewStateTitle(state)));
}

void SetReviewStateCommand::undo() {
    m_doc->setReviewState(m_beforeState, m_beforeStamp);
    m_doc->record(reviewEntry(m_state, m_beforeState, AuditStep::Undo));
}
void SetReviewStateCommand::redo() {
    m_doc->setReviewState(m_state, m_stamp);
    m_doc->record(reviewEntry(m_beforeState, m_state, m_steps.redo()));
}

ReplacePredictionCommand::ReplacePredictionCommand(CaseDocument* doc, const LandmarkSet& predicted,
                                                   const QString& modelId, QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_beforePredicted(doc->predicted()),
      m_beforeWorking(doc->working()), m_predicted(predicted), m_modelId(modelId) {
    setText(QCoreApplication::translate("ReviewCommands", "Prediction by %1").arg(modelId));
}

void ReplacePredictionCommand::undo() {
    m_doc->restorePrediction(m_beforePredicted, m_beforeWorking);
    m_doc->record(caseEntry(AuditAction::Predict, AuditStep::Undo, m_modelId));
}
void ReplacePredictionCommand::redo() {
    m_doc->setPredicted(m_predicted);
    m_doc->record(caseEntry(AuditAction::Predict, m_steps.redo(), m_modelId));
}

ImportLandmarksCommand::ImportLandmarksCommand(CaseDocument* doc, const LandmarkSet& after,
                                               const QString& fileName, QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_before(doc->working()), m_after(after),
      m_fileName(fileName) {
    setText(QCoreApplication::translate("ReviewCommands", "Import %1").arg(fileName));
}

void ImportLandmarksCommand::undo() {
    m_doc->setWorking(m_before);
    m_doc->record(caseEntry(AuditAction::Import, AuditStep::Undo, m_fileName));
}
void ImportLandmarksCommand::redo() {
    m_doc->setWorking(m_after);
    m_doc->record(caseEntry(AuditAction::Import, m_steps.redo(), m_fileName));
}

} // namespace pal::ui
