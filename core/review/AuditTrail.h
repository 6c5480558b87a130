#pragma once

// The audit trail of a review: every change a person made to a case's landmarks, in the order
// it happened. One entry per user action (a drag is one entry, as it is one undo step); an undo
// or a redo is an entry of its own that names the action it takes back or repeats, with the
// change it made. Saved entries are never rewritten. It is part of the review document: kept
// in the review sidecar (format 2) and the crash journal, shown per case (Case > History).
// Like the landmarks, unsaved entries go when the edits are discarded. Undo back to the saved
// state leaves the case unmodified, as in any editor (nothing asks before closing): entries of
// changes all undone since the last save are then kept only if something else is saved after
// them.

#include "core/landmarks/LandmarkSet.h"

#include <Eigen/Core>
#include <QDateTime>
#include <QJsonArray>
#include <QString>

#include <optional>
#include <vector>

namespace pal {

// The kinds of action, with their names in files: "move", "place", "status", "review",
// "sign-off", "predict", "import".
enum class AuditAction { Move, Place, Status, Review, SignOff, Predict, Import };
// Whether the entry is the action itself, or an undo or redo of it: "", "undo", "redo".
enum class AuditStep { Do, Undo, Redo };

QString auditActionName(AuditAction action);
bool auditActionFromName(const QString& name, AuditAction& action);

struct AuditEntry {
    QDateTime when; // UTC
    QString user;
    AuditAction action = AuditAction::Move;
    AuditStep step = AuditStep::Do;
    int landmark = -1; // schema index; -1 for the whole case
    // The landmark before and after this entry's change (position absent: missing).
    std::optional<Eigen::Vector3d> from, to;
    std::optional<LandmarkStatus> fromStatus, toStatus;
    // Who or what had placed the landmark before the change: a model id (the model that
    // predicted it), "manual", a file.
    QString fromSource;
    // The model (predict), the file (import), the review states "unreviewed -> done" (review,
    // sign-off).
    QString detail;

    bool operator==(const AuditEntry&) const = default;
};

// JSON as the sidecar keeps it (docs/formats.md, "Review sidecar"). fromJson throws FormatError
// naming path for an entry it cannot read.
QJsonArray auditToJson(const std::vector<AuditEntry>& audit, const LandmarkSchema& schema);
std::vector<AuditEntry> auditFromJson(const QJsonArray& array, const LandmarkSchema& schema,
                                      const QString& path);

// One line for people: "2026-12-03 19:40 UTC, anna: moved Prn 3.2 mm (was predicted by
// default.palnet)", "undo: moved Prn back 3.2 mm", "confirmed Ex_L", "signed off the case".
QString describeAuditEntry(const AuditEntry& entry, const LandmarkSchema& schema);

} // namespace pal
