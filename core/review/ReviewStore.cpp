#include "core/review/ReviewStore.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <vector>

namespace pal {
namespace {

QJsonArray setToJson(const LandmarkSet& set) {
    QJsonArray rows;
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        QJsonObject o{{QStringLiteral("number"), set.schema().at(i).number},
                      {QStringLiteral("key"), set.schema().key(i)},
                      {QStringLiteral("status"), statusName(l.status)}};
        if (l.isPresent()) {
            o.insert(QStringLiteral("position"),
                     QJsonArray{l.position.x(), l.position.y(), l.position.z()});
        }
        if (!l.provenance.source.isEmpty()) {
            o.insert(QStringLiteral("source"), l.provenance.source);
        }
        if (!l.provenance.user.isEmpty()) {
            o.insert(QStringLiteral("user"), l.provenance.user);
        }
        if (l.provenance.when.isValid()) {
            o.insert(QStringLiteral("when"), l.provenance.when.toString(Qt::ISODateWithMs));
        }
        rows.append(o);
    }
    return rows;
}

LandmarkSet setFromJson(const QJsonValue& value, const QString& path, const QString& field,
                        const SchemaPtr& schema) {
    if (!value.isArray()) {
        throw FormatError(path, QStringLiteral("\"%1\" is not a list of landmarks").arg(field));
    }
    LandmarkSet set(schema);
    std::vector<bool> listed(static_cast<std::size_t>(set.size()), false);
    for (const QJsonValue& v : value.toArray()) {
        const QJsonObject o = v.toObject();
        const int number = o.value(QStringLiteral("number")).toInt();
        const int index = set.schema().indexOfNumber(number);
        if (index < 0) {
            throw FormatError(path, QStringLiteral("\"%1\" names an unknown landmark number %2")
                                        .arg(field)
                                        .arg(number));
        }
        if (listed[static_cast<std::size_t>(index)]) {
            throw FormatError(
                path, QStringLiteral("\"%1\" lists landmark %2 twice").arg(field).arg(number));
        }
        listed[static_cast<std::size_t>(index)] = true;
        Landmark& l = set.at(index);
        if (!statusFromName(o.value(QStringLiteral("status")).toString(), l.status)) {
            throw FormatError(path, QStringLiteral("\"%1\": unknown status '%2'")
                                        .arg(field, o.value(QStringLiteral("status")).toString()));
        }
        if (l.status != LandmarkStatus::Missing) {
            const QJsonArray p = o.value(QStringLiteral("position")).toArray();
            if (p.size() != 3) {
                throw FormatError(
                    path,
                    QStringLiteral("\"%1\": landmark %2 has no position").arg(field).arg(number));
            }
            for (int k = 0; k < 3; ++k) {
                // A string or null would read as 0: a landmark silently moved to the origin.
                if (!p[k].isDouble() || !std::isfinite(p[k].toDouble())) {
                    throw FormatError(path, QStringLiteral("\"%1\": landmark %2's position is not "
                                                           "three finite numbers")
                                                .arg(field)
                                                .arg(number));
                }
                l.position[k] = p[k].toDouble();
            }
        }
        l.provenance.source = o.value(QStringLiteral("source")).toString();
        l.provenance.user = o.value(QStringLiteral("user")).toString();
        l.provenance.when =
            QDateTime::fromString(o.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs);
    }
    return set;
}

} // namespace

ReviewSnapshot snapshotOf(const CaseDocument& doc) {
    return {doc.reviewState(), doc.reviewStamp(), doc.working(),
            doc.predicted(),   doc.audit(),       QDateTime::currentDateTimeUtc()};
}

void applySnapshot(CaseDocument& doc, const ReviewSnapshot& s) {
    doc.beginBatch();
    if (s.predicted) {
        doc.setPredicted(*s.predicted);
    }
    doc.setWorking(s.working);
    doc.setReviewState(s.state, s.stamp);
    doc.setAudit(s.audit);
    doc.endBatch();
}

QByteArray formatReview(const ReviewSnapshot& s, const QString& caseId) {
    QJsonObject o{{QStringLiteral("format"), QStringLiteral("palstudio-review")},
                  {QStringLiteral("formatVersion"), kReviewFormatVersion},
                  {QStringLiteral("case"), caseId},
                  {QStringLiteral("saved"), s.saved.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("review"),
                   QJsonObject{{QStringLiteral("state"), reviewStateName(s.state)},
                               {QStringLiteral("user"), s.stamp.user},
                               {QStringLiteral("when"), s.stamp.when.toString(Qt::ISODateWithMs)}}},
                  {QStringLiteral("schema"), s.working.schema().id()},
                  {QStringLiteral("working"), setToJson(s.working)}};
    if (s.predicted) {
        o.insert(QStringLiteral("predicted"), setToJson(*s.predicted));
    }
    o.insert(QStringLiteral("audit"), auditToJson(s.audit, s.working.schema()));
    // A user schema can be edited under the same id: its keys are kept, so that a review of
    // other landmarks is refused rather than remapped. The built-in schemas never change.
    if (!LandmarkSchema::builtIn(s.working.schema().id())) {
        o.insert(QStringLiteral("schemaKeys"),
                 QJsonArray::fromStringList(s.working.schema().keys()));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

ReviewSnapshot parseReview(const QByteArray& json, const QString& path, const SchemaPtr& caseSchema,
                           bool schemaKnown) {
    QJsonParseError err{};
    const QJsonDocument d = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !d.isObject()) {
        throw FormatError(
            path, QStringLiteral("not a PAL Studio review file (%1)").arg(err.errorString()));
    }
    const QJsonObject o = d.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("palstudio-review")) {
        throw FormatError(
            path,
            QStringLiteral("not a PAL Studio review file (\"format\" is not palstudio-review)"));
    }
    const int version = o.value(QStringLiteral("formatVersion")).toInt();
    if (version > kReviewFormatVersion) {
        throw FormatError(
            path, QStringLiteral(
                      "made by a newer PAL Studio (review format %1; this version reads format %2)")
                      .arg(version)
                      .arg(kReviewFormatVersion));
    }
    // Reviews before schemas were data name none: LA-FAS-50.
    const QString schemaId =
        o.value(QStringLiteral("schema")).toString(LandmarkSchema::lafas50()->id());
    SchemaPtr schema = caseSchema;
    if (schemaId != caseSchema->id()) {
        schema = schemaKnown ? nullptr : LandmarkSchema::builtIn(schemaId);
        if (!schema) {
            throw ValidationError(path, QStringLiteral("the review holds %1 landmarks; this case "
                                                       "follows %2")
                                            .arg(schemaId, caseSchema->describe()));
        }
    }
    if (o.contains(QStringLiteral("schemaKeys"))) {
        QStringList keys;
        for (const QJsonValue& k : o.value(QStringLiteral("schemaKeys")).toArray()) {
            keys << k.toString();
        }
        if (keys != schema->keys()) {
            throw ValidationError(path, QStringLiteral("the review was saved with other landmarks "
                                                       "under the schema id %1 (was its "
                                                       "landmark-schema.json edited?)")
                                            .arg(schemaId));
        }
    }
    ReviewSnapshot s;
    const QJsonObject review = o.value(QStringLiteral("review")).toObject();
    if (!reviewStateFromName(review.value(QStringLiteral("state")).toString(), s.state)) {
        throw FormatError(path, QStringLiteral("unknown review state '%1'")
                                    .arg(review.value(QStringLiteral("state")).toString()));
    }
    s.stamp.user = review.value(QStringLiteral("user")).toString();
    s.stamp.when =
        QDateTime::fromString(review.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs);
    s.saved = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
    s.working =
        setFromJson(o.value(QStringLiteral("working")), path, QStringLiteral("working"), schema);
    if (o.contains(QStringLiteral("predicted"))) {
        s.predicted = setFromJson(o.value(QStringLiteral("predicted")), path,
                                  QStringLiteral("predicted"), schema);
    }
    if (o.contains(QStringLiteral("audit"))) {
        if (!o.value(QStringLiteral("audit")).isArray()) {
            throw FormatError(path, QStringLiteral("\"audit\" is not a list"));
        }
        s.audit = auditFromJson(o.value(QStringLiteral("audit")).toArray(), *schema, path);
    }
    return s;
}

QString sidecarPath(const Case& c) {
    const QString base = c.isFolder()
                             ? QString::fromLatin1(kSidecarName)
                             : c.id() + QLatin1Char('.') + QString::fromLatin1(kSidecarName);
    return QDir(c.files().folder).filePath(base);
}

QString journalPath(const Case& c, const QString& journalDir) {
    // nativePath: the same bytes as toUtf8() for ordinary names, and every byte of the others.
    const QByteArray key = nativePath(absolutePath(c.files().mesh));
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
    return QDir(journalDir).filePath(c.id() + QLatin1Char('-') + hash + QStringLiteral(".json"));
}

void writeReview(const QString& path, const ReviewSnapshot& snapshot, const QString& caseId) {
    makeFolders(folderOf(path));
    writeFileAtomically(path, formatReview(snapshot, caseId));
}

std::optional<ReviewSnapshot> readReview(const QString& path, const SchemaPtr& schema,
                                         bool schemaKnown) {
    if (!pathExists(path)) {
        return std::nullopt;
    }
    const FileBytes bytes(path);
    return parseReview(bytes.bytes(), path, schema, schemaKnown);
}

std::optional<ReviewSnapshot> readReview(const QString& path, const Case& c) {
    return readReview(path, c.schema(), c.schemaIsKnown());
}

} // namespace pal
