#pragma once

// Where a review is kept, never inside the user's own files:
// - the sidecar `palstudio-review.json` beside the case (versioned JSON: review state,
//   who/when, the working landmarks with status and provenance, the prediction, the audit
//   trail), written on Save, atomically;
// - the crash journal: the same JSON, written within a second of every edit to the
//   application's data folder (one file per case), removed on Save or on a clean close, and
//   offered back when a case is opened with a journal newer than its sidecar.

#include "core/review/CaseDocument.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace pal {

// 2: the audit trail ("audit"). Format 1 files read as reviews with an empty trail.
inline constexpr int kReviewFormatVersion = 2;
inline constexpr const char* kSidecarName = "palstudio-review.json";

struct ReviewSnapshot {
    ReviewState state = ReviewState::Unreviewed;
    ReviewStamp stamp;
    LandmarkSet working;
    std::optional<LandmarkSet> predicted;
    std::vector<AuditEntry> audit;
    QDateTime saved; // when this snapshot was written
};

ReviewSnapshot snapshotOf(const CaseDocument& doc);
// Applies a snapshot to a loaded document as one batch (recovered edits, a reopened review).
void applySnapshot(CaseDocument& doc, const ReviewSnapshot& snapshot);

QByteArray formatReview(const ReviewSnapshot& snapshot, const QString& caseId);
// Throws FormatError naming path when the JSON is malformed or of a newer version.
// schema: the case's landmarks. A review of another schema is refused, unless schemaKnown is
// false (a bare mesh that follows LA-FAS-50 only by default), where the built-in schema the
// review names is taken.
ReviewSnapshot parseReview(const QByteArray& json, const QString& path,
                           const SchemaPtr& schema = LandmarkSchema::lafas50(),
                           bool schemaKnown = true);

QString sidecarPath(const Case& c);
// The journal of a case: <journalDir>/<case id>-<first 16 hex digits of the SHA-1 of its mesh
// file's absolute path>.json (docs/formats.md, Crash journal).
QString journalPath(const Case& c, const QString& journalDir);

// Writes atomically (AtomicFile). Throws IoError naming path; the old file stays.
void writeReview(const QString& path, const ReviewSnapshot& snapshot, const QString& caseId);
// Reads path if it exists; std::nullopt when it does not. Throws for a damaged file.
std::optional<ReviewSnapshot> readReview(const QString& path,
                                         const SchemaPtr& schema = LandmarkSchema::lafas50(),
                                         bool schemaKnown = true);
// The same, in the case's schema (Case::schema, Case::schemaIsKnown).
std::optional<ReviewSnapshot> readReview(const QString& path, const Case& c);

} // namespace pal
