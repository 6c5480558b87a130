#pragma once

// The review of one case: its ground truth (read-only, from the case's landmarks.txt), the
// model's predicted set, and the working set the clinician corrects, with a status per
// landmark and a review state for the case. Data only: display lives in ui/, storage in
// ReviewStore (the sidecar file and the crash journal). Changes are reported by fine-grained
// signals (a landmark moved, a status changed, a whole set replaced), and a batch of edits
// (beginBatch/endBatch) ends with one batchEnded() so a view refreshes once. Every edit from
// the UI goes through a QUndoCommand that calls these setters.

#include "core/dataset/Case.h"
#include "core/landmarks/LafasFile.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/review/AuditTrail.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <optional>

namespace pal {

enum class ReviewState { Unreviewed, InReview, Done };
QString reviewStateName(ReviewState state);
// The state as the window shows it: reviewStateName in the user's language (core/i18n).
QString reviewStateTitle(ReviewState state);
bool reviewStateFromName(const QString& name, ReviewState& state);

// The one rule for "reviewed", used by the window's summary, N (next to review), Mark Done and
// fine-tuning on reviewed cases: a person confirmed or corrected the landmark, or placed it or
// marked it missing (their name is in its provenance). A landmark that was predicted, or read
// from a file, is not reviewed yet.
bool isReviewed(const Landmark& landmark);
int reviewedCount(const LandmarkSet& set);

struct ReviewStamp {
    QString user;
    QDateTime when; // UTC
};

class CaseDocument : public QObject {
    Q_OBJECT
public:
    explicit CaseDocument(QObject* parent = nullptr);

    // Takes a case's files: ground truth from its landmarks.txt (when there is one) and the
    // working set starts from the prediction if given, else empty (all missing, unreviewed).
    void load(const Case& c, std::optional<LandmarkSet> groundTruth,
              std::optional<LafasLayout> layout, std::optional<LandmarkSet> predicted);

    const Case& caseInfo() const { return m_case; }
    const std::optional<LandmarkSet>& groundTruth() const { return m_groundTruth; }
    const std::optional<LafasLayout>& groundTruthLayout() const { return m_layout; }
    const std::optional<LandmarkSet>& predicted() const { return m_predicted; }
    const LandmarkSet& working() const { return m_working; }
    int size() const { return m_working.size(); }

    // Distance in mm between the working landmark and the ground truth; NaN when either is missing.
    double error(int index) const;
    // Mean of the errors that exist; NaN when none does.
    double meanError() const;

    // The next landmark after `from` (wrapping) that is not reviewed (isReviewed). -1 when
    // every landmark is.
    int nextNeedingReview(int from) const;
    // What N goes to: the unreviewed landmark with the largest error against the ground truth
    // (ties: the first after `from`, wrapping). Without ground truth, by risk: first the
    // landmarks an anatomical check flags (core/checks/LandmarkChecks.h), then the hardest to
    // place (the largest repeatabilityOf; on held-out generated cases this ranks errors only a
    // little better than chance, bench/README.md "Uncertainty"), ties the first after `from`.
    int nextToReview(int from) const;

    ReviewState reviewState() const { return m_review; }
    const ReviewStamp& reviewStamp() const { return m_stamp; }
    bool isModified() const { return m_modified; }

    // Setters used by undo commands. Each emits its signal and marks the document modified.
    void setPosition(int index, const Eigen::Vector3d& p, LandmarkStatus status,
                     const Provenance& provenance);
    void setStatus(int index, LandmarkStatus status, const Provenance& provenance);
    void setLandmark(int index, const Landmark& landmark); // position, status and provenance
    void setReviewState(ReviewState state, const ReviewStamp& stamp);
    // Replaces the prediction (a new model run) and, for landmarks nobody touched yet (status
    // Predicted, or Missing without a person's name: never placed), the working position too.
    // A landmark a person marked missing stays missing. A prediction of another schema (a bare
    // mesh predicted by, say, a FaceScape model) replaces the whole working set: check
    // hasEdits() first.
    void setPredicted(const LandmarkSet& predicted);
    // True when a working landmark was reviewed, placed or imported: work a replacement loses.
    bool hasEdits() const;
    // Replaces the working set wholesale (recovered edits, a reloaded sidecar).
    void setWorking(const LandmarkSet& working);
    // Puts back a prediction and working set as they were (undoing a new prediction).
    void restorePrediction(const std::optional<LandmarkSet>& predicted, const LandmarkSet& working);

    // The audit trail (core/review/AuditTrail.h): the undo commands record one entry per user
    // action, undo and redo; load() starts it empty, a reopened review brings its own.
    const std::vector<AuditEntry>& audit() const { return m_audit; }
    void record(const AuditEntry& entry);
    void setAudit(std::vector<AuditEntry> audit);

    void beginBatch();
    void endBatch();

    // After a save: the current state is the saved one.
    void markSaved();

Q_SIGNALS:
    void landmarkMoved(int index);
    void landmarkStatusChanged(int index);
    void workingReplaced();
    void predictedReplaced();
    void reviewStateChanged();
    void auditChanged();
    void modifiedChanged(bool modified);
    void batchEnded();
    // Any change at all (for the crash journal); emitted after the specific signal.
    void changed();

private:
    void touched();

    Case m_case;
    std::optional<LandmarkSet> m_groundTruth;
    std::optional<LafasLayout> m_layout;
    std::optional<LandmarkSet> m_predicted;
    LandmarkSet m_working;
    ReviewState m_review = ReviewState::Unreviewed;
    ReviewStamp m_stamp;
    std::vector<AuditEntry> m_audit;
    bool m_modified = false;
    int m_batchDepth = 0;
};

} // namespace pal
