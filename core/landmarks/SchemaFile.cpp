#include "core/landmarks/SchemaFile.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace pal {
namespace {

constexpr int kSchemaFormatVersion = 1;
constexpr qint64 kMaxSchemaBytes = 1 << 20;
const QLatin1String kFormat("palstudio-landmark-schema");

QString sideText(Side s) {
    return sideName(s);
}

class SchemaReader {
public:
    SchemaReader(QString path, QString field)
        : m_path(std::move(path)), m_field(std::move(field)) {}

    [[noreturn]] void invalid(const QString& problem) const {
        throw ValidationError(m_path, problem);
    }
    QString at(const QString& sub) const {
        return m_field.isEmpty() ? sub : m_field + QLatin1Char('.') + sub;
    }
    QString string(const QJsonObject& o, const QString& name, const QString& where,
                   bool required) const {
        const QJsonValue v = o.value(name);
        if (v.isUndefined() && !required) {
            return {};
        }
        if (!v.isString()) {
            invalid(QStringLiteral("\"%1\" must be a string").arg(where));
        }
        return v.toString();
    }

    std::shared_ptr<const LandmarkSchema> read(const QJsonObject& o) const {
        const QString id =
            string(o, QStringLiteral("id"), at(QStringLiteral("id")), true).trimmed();
        if (id.isEmpty()) {
            invalid(QStringLiteral("\"%1\" is empty").arg(at(QStringLiteral("id"))));
        }
        const QJsonValue list = o.value(QStringLiteral("landmarks"));
        if (!list.isArray()) {
            invalid(QStringLiteral("\"%1\" must be an array of landmarks")
                        .arg(at(QStringLiteral("landmarks"))));
        }
        const QJsonArray items = list.toArray();
        if (items.isEmpty() || items.size() > kMaxSchemaLandmarks) {
            invalid(QStringLiteral("\"%1\" has %2 landmarks; a schema has 1 to %3")
                        .arg(at(QStringLiteral("landmarks")))
                        .arg(items.size())
                        .arg(kMaxSchemaLandmarks));
        }
        std::vector<LandmarkDefinition> defs;
        QStringList partnerKeys;
        QHash<QString, int> numberOfKey; // lower-case key -> number
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString where = at(QStringLiteral("landmarks[%1]").arg(i));
            if (!items[i].isObject()) {
                invalid(QStringLiteral("\"%1\" must be an object").arg(where));
            }
            const QJsonObject l = items[i].toObject();
            LandmarkDefinition d;
            d.number = static_cast<int>(i) + 1;
            d.key = string(l, QStringLiteral("key"), where + QStringLiteral(".key"), true);
            // Keys label points in other tools' files: no spaces, and none of the characters
            // that delimit a field there (a .fcsv row is split at commas).
            if (d.key.isEmpty() || d.key.contains(QRegularExpression(QStringLiteral("[\\s,\"]")))) {
                invalid(QStringLiteral("\"%1.key\" is \"%2\"; a key is one word without spaces, "
                                       "commas or quotes")
                            .arg(where, d.key));
            }
            if (numberOfKey.contains(d.key.toLower())) {
                invalid(QStringLiteral("\"%1.key\" is \"%2\", already the key of landmark %3 "
                                       "(keys are unique, ignoring case)")
                            .arg(where, d.key)
                            .arg(numberOfKey.value(d.key.toLower())));
            }
            numberOfKey.insert(d.key.toLower(), d.number);
            d.abbreviation = d.key;
            d.name = string(l, QStringLiteral("name"), where + QStringLiteral(".name"), false);
            if (d.name.isEmpty()) {
                d.name = d.key;
            }
            d.definition = string(l, QStringLiteral("definition"),
                                  where + QStringLiteral(".definition"), false);
            if (l.contains(QStringLiteral("repeatabilityMm"))) {
                const QJsonValue r = l.value(QStringLiteral("repeatabilityMm"));
                if (!r.isDouble() || !(r.toDouble() > 0) || !std::isfinite(r.toDouble())) {
                    invalid(QStringLiteral("\"%1.repeatabilityMm\" is not a positive number of "
                                           "millimetres")
                                .arg(where));
                }
                d.repeatabilityMm = r.toDouble();
            }
            const QString side =
                string(l, QStringLiteral("side"), where + QStringLiteral(".side"), false);
            if (side.isEmpty() || side == QLatin1String("midline")) {
                d.side = Side::Midline;
            } else if (side == QLatin1String("right")) {
                d.side = Side::Right;
            } else if (side == QLatin1String("left")) {
                d.side = Side::Left;
            } else {
                invalid(QStringLiteral("\"%1.side\" is \"%2\"; expected midline, right or left")
                            .arg(where, side));
            }
            partnerKeys << string(l, QStringLiteral("partner"), where + QStringLiteral(".partner"),
                                  false);
            defs.push_back(d);
        }
        for (std::size_t i = 0; i < defs.size(); ++i) {
            LandmarkDefinition& d = defs[i];
            const QString& p = partnerKeys[static_cast<qsizetype>(i)];
            const QString where = at(QStringLiteral("landmarks[%1]").arg(i));
            if (p.isEmpty()) {
                continue;
            }
            if (d.side == Side::Midline) {
                invalid(QStringLiteral("\"%1\" (%2) is on the midline and cannot have a partner")
                            .arg(where, d.key));
            }
            const int partner = numberOfKey.value(p.toLower(), 0);
            if (partner == 0) {
                invalid(QStringLiteral("\"%1.partner\" is \"%2\", which is no landmark's key")
                            .arg(where, p));
            }
            const LandmarkDefinition& q = defs[static_cast<std::size_t>(partner - 1)];
            const QString& back = partnerKeys[partner - 1];
            if (q.side == d.side || q.side == Side::Midline ||
                back.compare(d.key, Qt::CaseInsensitive) != 0) {
                invalid(QStringLiteral("\"%1\" (%2, %3) names %4 as its partner, which must be on "
                                       "the other side and name %2 back")
                            .arg(where, d.key, sideText(d.side), q.key));
            }
            d.partner = partner;
        }
        return std::make_shared<const LandmarkSchema>(id, std::move(defs));
    }

private:
    QString m_path;
    QString m_field;
};

} // namespace

std::shared_ptr<const LandmarkSchema>
landmarkSchemaFromJson(const QJsonObject& object, const QString& path, const QString& field) {
    return SchemaReader(path, field).read(object);
}

std::shared_ptr<const LandmarkSchema> parseLandmarkSchema(const QByteArray& json,
                                                          const QString& path) {
    if (json.trimmed().isEmpty()) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        throw FormatError(path, QStringLiteral("not valid JSON (%1 at byte %2)")
                                    .arg(error.errorString())
                                    .arg(error.offset));
    }
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QStringLiteral("format")).toString() != kFormat) {
        throw FormatError(
            path, QStringLiteral("not a landmark schema (\"format\" is not \"%1\")").arg(kFormat));
    }
    const QJsonValue version = o.value(QStringLiteral("formatVersion"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) ||
        version.toDouble() < 1) {
        throw FormatError(path, QStringLiteral("\"formatVersion\" must be a positive integer"));
    }
    if (version.toDouble() > kSchemaFormatVersion) {
        throw FormatError(path, QStringLiteral("landmark schema format version %1 is newer than "
                                               "this PAL Studio reads (%2)")
                                    .arg(version.toDouble())
                                    .arg(kSchemaFormatVersion));
    }
    auto schema = landmarkSchemaFromJson(o, path, QString());
    if (LandmarkSchema::builtIn(schema->id())) {
        throw ValidationError(path, QStringLiteral("\"id\" is \"%1\", a built-in schema; give "
                                                   "your schema its own id")
                                        .arg(schema->id()));
    }
    return schema;
}

std::shared_ptr<const LandmarkSchema> readLandmarkSchema(const QString& path) {
    const FileBytes bytes(path);
    if (bytes.bytes().size() > kMaxSchemaBytes) {
        throw FormatError(path, QStringLiteral("%1 bytes; a landmark schema file is at most %2")
                                    .arg(bytes.bytes().size())
                                    .arg(kMaxSchemaBytes));
    }
    return parseLandmarkSchema(bytes.bytes(), path);
}

QJsonObject landmarkSchemaToJson(const LandmarkSchema& schema) {
    QJsonArray items;
    for (int i = 0; i < schema.size(); ++i) {
        const LandmarkDefinition& d = schema.at(i);
        QJsonObject l{{QStringLiteral("key"), schema.key(i)},
                      {QStringLiteral("name"), d.name},
                      {QStringLiteral("side"), sideText(d.side)}};
        if (d.partner > 0) {
            l.insert(QStringLiteral("partner"), schema.key(schema.indexOfNumber(d.partner)));
        }
        if (!d.definition.isEmpty()) {
            l.insert(QStringLiteral("definition"), d.definition);
        }
        if (d.repeatabilityMm > 0) {
            l.insert(QStringLiteral("repeatabilityMm"), d.repeatabilityMm);
        }
        items.append(l);
    }
    return {{QStringLiteral("format"), kFormat},
            {QStringLiteral("formatVersion"), kSchemaFormatVersion},
            {QStringLiteral("id"), schema.id()},
            {QStringLiteral("landmarks"), items}};
}

void writeLandmarkSchema(const QString& path, const LandmarkSchema& schema) {
    writeFileAtomically(path, QJsonDocument(landmarkSchemaToJson(schema)).toJson());
}

std::shared_ptr<const LandmarkSchema> schemaInFolder(const QString& folder) {
    const QString path = QDir(folder).filePath(QLatin1String(kLandmarkSchemaFile));
    if (pathKind(path) != PathKind::File) {
        return nullptr;
    }
    return readLandmarkSchema(path);
}

} // namespace pal
