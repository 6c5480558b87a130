#include "ui/review/ReviewCommands.h"

#include <QCoreApplication>

namespace pal::ui {

namespace {
QString userName() {
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("unknown user") : user;
}
QString key(const CaseDocument* doc, int index) {
    return doc->working().schema().key(index);
}
} // namespace

Provenance manualProvenance() {
    return {QStringLiteral("manual"), userName(), QDateTime::currentDateTimeUtc()};
}

ReviewStamp currentStamp() {
    return {userName(), QDateTime::currentDateTimeUtc()};
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
    m_doc->setLandmark(m_index, m_before);
}
void MoveLandmarkCommand::redo() {
    m_doc->setLandmark(m_index, m_after);
}

SetStatusCommand::SetStatusCommand(CaseDocument* doc, int index, LandmarkStatus status,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_index(index), m_before(doc->working().at(index)),
      m_status(status), m_provenance(manualProvenance()) {
    setText(QCoreApplication::translate("ReviewCommands", "Mark %1 %2")
                .arg(key(doc, index), statusTitle(status)));
}

void SetStatusCommand::undo() {
    m_doc->setLandmark(m_index, m_before);
}
void SetStatusCommand::redo() {
    m_doc->setStatus(m_index, m_status, m_provenance);
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
}
void SetReviewStateCommand::redo() {
    m_doc->setReviewState(m_state, m_stamp);
}

ReplacePredictionCommand::ReplacePredictionCommand(CaseDocument* doc, const LandmarkSet& predicted,
                                                   const QString& modelId, QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_beforePredicted(doc->predicted()),
      m_beforeWorking(doc->working()), m_predicted(predicted) {
    setText(QCoreApplication::translate("ReviewCommands", "Prediction by %1").arg(modelId));
}

void ReplacePredictionCommand::undo() {
    m_doc->restorePrediction(m_beforePredicted, m_beforeWorking);
}
void ReplacePredictionCommand::redo() {
    m_doc->setPredicted(m_predicted);
}

ImportLandmarksCommand::ImportLandmarksCommand(CaseDocument* doc, const LandmarkSet& after,
                                               const QString& fileName, QUndoCommand* parent)
    : QUndoCommand(parent), m_doc(doc), m_before(doc->working()), m_after(after) {
    setText(QCoreApplication::translate("ReviewCommands", "Import %1").arg(fileName));
}

void ImportLandmarksCommand::undo() {
    m_doc->setWorking(m_before);
}
void ImportLandmarksCommand::redo() {
    m_doc->setWorking(m_after);
}

} // namespace pal::ui
