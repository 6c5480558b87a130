#include "core/review/AuditTrail.h"

#include "core/errors/Error.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <array>

namespace pal {
namespace {

constexpr std::array<const char*, 7> kActionNames = {"move",     "place",   "status", "review",
                                                     "sign-off", "predict", "import"};

QJsonArray point(const Eigen::Vector3d& p) {
    return {p.x(), p.y(), p.z()};
}

std::optional<Eigen::Vector3d> pointFrom(const QJsonValue& v, const QString& path, int entry) {
    if (v.isUndefined() || v.isNull()) {
        return std::nullopt;
    }
    const QJsonArray a = v.toArray();
    if (a.size() != 3 || !a[0].isDouble() || !a[1].isDouble() || !a[2].isDouble()) {
        throw FormatError(
            path,
            QStringLiteral("\"audit\" entry %1: a position is not three numbers").arg(entry + 1));
    }
    return Eigen::Vector3d(a[0].toDouble(), a[1].toDouble(), a[2].toDouble());
}

} // namespace

QString auditActionName(AuditAction action) {
    return QString::fromLatin1(kActionNames.at(static_cast<std::size_t>(action)));
}

bool auditActionFromName(const QString& name, AuditAction& action) {
    for (std::size_t i = 0; i < kActionNames.size(); ++i) {
        if (name == QLatin1String(kActionNames[i])) {
            action = static_cast<AuditAction>(i);
            return true;
        }
    }
    return false;
}

QJsonArray auditToJson(const std::vector<AuditEntry>& audit, const LandmarkSchema& schema) {
    QJsonArray out;
    for (const AuditEntry& e : audit) {
        QJsonObject o{{QStringLiteral("when"), e.when.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("user"), e.user},
                      {QStringLiteral("action"), auditActionName(e.action)}};
        if (e.step != AuditStep::Do) {
            o.insert(QStringLiteral("step"),
                     e.step == AuditStep::Undo ? QStringLiteral("undo") : QStringLiteral("redo"));
        }
        if (e.landmark >= 0 && e.landmark < schema.size()) {
            o.insert(QStringLiteral("number"), schema.at(e.landmark).number);
            o.insert(QStringLiteral("key"), schema.key(e.landmark));
        }
        if (e.from) {
            o.insert(QStringLiteral("from"), point(*e.from));
        }
        if (e.to) {
            o.insert(QStringLiteral("to"), point(*e.to));
        }
        if (e.fromStatus) {
            o.insert(QStringLiteral("fromStatus"), statusName(*e.fromStatus));
        }
        if (e.toStatus) {
            o.insert(QStringLiteral("toStatus"), statusName(*e.toStatus));
        }
        if (!e.fromSource.isEmpty()) {
            o.insert(QStringLiteral("fromSource"), e.fromSource);
        }
        if (!e.detail.isEmpty()) {
            o.insert(QStringLiteral("detail"), e.detail);
        }
        out.append(o);
    }
    return out;
}

std::vector<AuditEntry> auditFromJson(const QJsonArray& array, const LandmarkSchema& schema,
                                      const QString& path) {
    std::vector<AuditEntry> out;
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject o = array[i].toObject();
        AuditEntry e;
        auto fail = [&](const QString& what) {
            return FormatError(path, QStringLiteral("\"audit\" entry %1: %2").arg(i + 1).arg(what));
        };
        const QString action = o.value(QStringLiteral("action")).toString();
        if (!auditActionFromName(action, e.action)) {
            throw fail(QStringLiteral("unknown action '%1'").arg(action));
        }
        e.when =
            QDateTime::fromString(o.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs);
        if (!e.when.isValid()) {
            throw fail(QStringLiteral("no valid time"));
        }
        e.user = o.value(QStringLiteral("user")).toString();
        const QString step = o.value(QStringLiteral("step")).toString();
        if (step == QLatin1String("undo")) {
            e.step = AuditStep::Undo;
        } else if (step == QLatin1String("redo")) {
            e.step = AuditStep::Redo;
        } else if (!step.isEmpty()) {
            throw fail(QStringLiteral("unknown step '%1'").arg(step));
        }
        if (o.contains(QStringLiteral("number"))) {
            e.landmark = schema.indexOfNumber(o.value(QStringLiteral("number")).toInt());
            if (e.landmark < 0) {
                throw fail(QStringLiteral("unknown landmark number %1")
                               .arg(o.value(QStringLiteral("number")).toInt()));
            }
        }
        e.from = pointFrom(o.value(QStringLiteral("from")), path, i);
        e.to = pointFrom(o.value(QStringLiteral("to")), path, i);
        for (const auto& [field, target] : {std::pair{QStringLiteral("fromStatus"), &e.fromStatus},
                                            std::pair{QStringLiteral("toStatus"), &e.toStatus}}) {
            if (o.contains(field)) {
                LandmarkStatus s{};
                if (!statusFromName(o.value(field).toString(), s)) {
                    throw fail(
                        QStringLiteral("unknown status '%1'").arg(o.value(field).toString()));
                }
                *target = s;
            }
        }
        e.fromSource = o.value(QStringLiteral("fromSource")).toString();
        e.detail = o.value(QStringLiteral("detail")).toString();
        out.push_back(std::move(e));
    }
    return out;
}

QString describeAuditEntry(const AuditEntry& e, const LandmarkSchema& schema) {
    const auto text = [](const char* s) { return QCoreApplication::translate("Audit", s); };
    const QString key =
        e.landmark >= 0 && e.landmark < schema.size() ? schema.key(e.landmark) : QString();
    QString what;
    switch (e.action) {
    case AuditAction::Move:
    case AuditAction::Place:
        if (e.from && e.to) {
            //: %1 a landmark's key, %2 a distance in millimetres
            what = text(QT_TRANSLATE_NOOP("Audit", "moved %1 by %2 mm"))
                       .arg(key, QString::number((*e.to - *e.from).norm(), 'f', 1));
        } else if (e.to) {
            what = text(QT_TRANSLATE_NOOP("Audit", "placed %1")).arg(key);
        } else {
            //: an undone placement: the landmark is missing again
            what = text(QT_TRANSLATE_NOOP("Audit", "removed %1")).arg(key);
        }
        break;
    case AuditAction::Status:
        //: %1 a landmark's key, %2 and %3 statuses such as "predicted", "confirmed"
        what = text(QT_TRANSLATE_NOOP("Audit", "%1: %2 -> %3"))
                   .arg(key, e.fromStatus ? statusTitle(*e.fromStatus) : QStringLiteral("?"),
                        e.toStatus ? statusTitle(*e.toStatus) : QStringLiteral("?"));
        break;
    case AuditAction::Review:
        //: %1 the review states before and after, e.g. "unreviewed -> in review"
        what = text(QT_TRANSLATE_NOOP("Audit", "case review: %1")).arg(e.detail);
        break;
    case AuditAction::SignOff:
        what = text(QT_TRANSLATE_NOOP("Audit", "signed off the case (%1)")).arg(e.detail);
        break;
    case AuditAction::Predict:
        //: %1 a model's name
        what = text(QT_TRANSLATE_NOOP("Audit", "new prediction by %1")).arg(e.detail);
        break;
    case AuditAction::Import:
        //: %1 a file name
        what = text(QT_TRANSLATE_NOOP("Audit", "imported landmarks from %1")).arg(e.detail);
        break;
    }
    if (!e.fromSource.isEmpty() &&
        (e.action == AuditAction::Move || e.action == AuditAction::Status)) {
        //: %1 what placed the landmark before: a model's name, "manual" or a file
        what +=
            QLatin1Char(' ') + text(QT_TRANSLATE_NOOP("Audit", "(was from %1)")).arg(e.fromSource);
    }
    if (e.step == AuditStep::Undo) {
        what = text(QT_TRANSLATE_NOOP("Audit", "undo: %1")).arg(what);
    } else if (e.step == AuditStep::Redo) {
        what = text(QT_TRANSLATE_NOOP("Audit", "redo: %1")).arg(what);
    }
    return what;
}

} // namespace pal
