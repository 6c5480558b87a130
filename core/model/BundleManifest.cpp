#include "core/model/BundleManifest.h"
#include "core/model/NetworkVariant.h"

#include "core/errors/Error.h"
#include "core/landmarks/LandmarkSchema.h"
#include "core/landmarks/SchemaFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

namespace pal::bundle {
namespace {

const QString kFormat = QStringLiteral("palnet-bundle");
const QString kArchitecture = QStringLiteral("PALNET");

// Integers in JSON are doubles; 2^53 is where they stop being exact.
constexpr std::int64_t kMaxInteger = std::int64_t{1} << 53;
// Larger patches than any PAL-Net is trained with (the reference uses hundreds to a few
// thousand points); a bigger value is a damaged or hostile manifest and would be allocated.
constexpr int kMaxPatchSize = 20000;
constexpr double kMaxTemplateMillimetres = 1000.0;

// A JSON value as it appears in the file, for messages: "foo", 2.5, null, {...}.
QString jsonText(const QJsonValue& v) {
    if (v.isObject()) {
        return QStringLiteral("an object");
    }
    if (v.isArray()) {
        return QStringLiteral("a list");
    }
    const QByteArray list = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(list.mid(1, list.size() - 2));
}

QString quoted(const QString& s) {
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// Field access with messages that name the field ("architecture.patchSize").
class Reader {
public:
    explicit Reader(QString path) : m_path(std::move(path)) {}

    [[noreturn]] void formatFail(const QString& problem) const {
        throw FormatError(m_path, problem);
    }
    [[noreturn]] void invalid(const QString& problem) const {
        throw ValidationError(m_path, QStringLiteral("manifest.json: ") + problem);
    }
    [[noreturn]] void badField(const QString& field, const QString& what) const {
        formatFail(QStringLiteral("manifest.json: field \"%1\" must be %2").arg(field, what));
    }

    QJsonValue require(const QJsonObject& o, const QString& key, const QString& field) const {
        const auto it = o.constFind(key);
        if (it == o.constEnd()) {
            formatFail(QStringLiteral("manifest.json: missing field \"%1\"").arg(field));
        }
        return *it;
    }
    QString string(const QJsonObject& o, const QString& key, const QString& field) const {
        const QJsonValue v = require(o, key, field);
        if (!v.isString()) {
            badField(field, QStringLiteral("a string"));
        }
        return v.toString();
    }
    static std::optional<std::int64_t> integer(const QJsonValue& v) {
        if (!v.isDouble()) {
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > double(kMaxInteger)) {
            return std::nullopt;
        }
        return v.toInteger();
    }
    std::int64_t nonNegative(const QJsonValue& v, const QString& field) const {
        const auto n = integer(v);
        if (!n || *n < 0) {
            badField(field, QStringLiteral("a non-negative integer"));
        }
        return *n;
    }
    int smallInteger(const QJsonObject& o, const QString& key, const QString& field) const {
        const auto n = integer(require(o, key, field));
        if (!n || *n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) {
            badField(field, QStringLiteral("an integer"));
        }
        return static_cast<int>(*n);
    }
    QJsonObject object(const QJsonObject& o, const QString& key, const QString& field) const {
        const QJsonValue v = require(o, key, field);
        if (!v.isObject()) {
            badField(field, QStringLiteral("an object"));
        }
        return v.toObject();
    }
    QJsonObject optionalObject(const QJsonObject& o, const QString& key) const {
        return o.contains(key) ? object(o, key, key) : QJsonObject();
    }
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& field) const {
        const QJsonValue v = require(o, key, field);
        if (!v.isArray()) {
            badField(field, QStringLiteral("a list"));
        }
        return v.toArray();
    }

private:
    QString m_path;
};

void parseArchitecture(const Reader& r, const QJsonObject& root, ModelManifest& m) {
    const QJsonObject arch =
        r.object(root, QStringLiteral("architecture"), QStringLiteral("architecture"));
    const QString name =
        r.string(arch, QStringLiteral("name"), QStringLiteral("architecture.name"));
    if (name != kArchitecture) {
        r.invalid(QStringLiteral("\"architecture.name\" is %1; this version runs \"%2\"")
                      .arg(quoted(name), kArchitecture));
    }
    m.variant = r.string(arch, QStringLiteral("variant"), QStringLiteral("architecture.variant"));
    if (!variantFromName(m.variant)) {
        r.invalid(QStringLiteral("\"architecture.variant\" is %1; expected one of %2")
                      .arg(quoted(m.variant), variantNames().join(QStringLiteral(", "))));
    }
    m.patchSize =
        r.smallInteger(arch, QStringLiteral("patchSize"), QStringLiteral("architecture.patchSize"));
    if (m.patchSize <= 0 || m.patchSize % 100 != 0) {
        r.invalid(QStringLiteral("\"architecture.patchSize\" is %1; the patch size must be a "
                                 "positive multiple of 100")
                      .arg(m.patchSize));
    }
    if (m.patchSize > kMaxPatchSize) {
        r.invalid(QStringLiteral("\"architecture.patchSize\" is %1; at most %2 points per patch "
                                 "are supported")
                      .arg(m.patchSize)
                      .arg(kMaxPatchSize));
    }
    m.landmarks =
        r.smallInteger(arch, QStringLiteral("landmarks"), QStringLiteral("architecture.landmarks"));
}

void parseSchema(const Reader& r, const QJsonObject& root, ModelManifest& m) {
    const QJsonObject schemaObject =
        r.object(root, QStringLiteral("schema"), QStringLiteral("schema"));
    m.schemaId = r.string(schemaObject, QStringLiteral("id"), QStringLiteral("schema.id"));
    SchemaPtr schema = LandmarkSchema::builtIn(m.schemaId);
    if (!schema) {
        const QJsonValue definition = schemaObject.value(QStringLiteral("definition"));
        if (!definition.isObject()) {
            r.invalid(QStringLiteral("\"schema.id\" is %1; this version knows \"%2\" and schemas "
                                     "the bundle defines (\"schema.definition\")")
                          .arg(quoted(m.schemaId),
                               LandmarkSchema::builtInIds().join(QStringLiteral("\", \""))));
        }
        try {
            schema = landmarkSchemaFromJson(definition.toObject(), QString(),
                                            QStringLiteral("schema.definition"));
        } catch (const Error& e) {
            r.invalid(e.problem());
        }
        if (schema->id() != m.schemaId) {
            r.invalid(QStringLiteral("\"schema.definition.id\" is %1, not the schema's id %2")
                          .arg(quoted(schema->id()), quoted(m.schemaId)));
        }
    }
    if (m.landmarks != schema->size()) {
        r.invalid(QStringLiteral("\"architecture.landmarks\" is %1; the %2 schema has %3 landmarks")
                      .arg(m.landmarks)
                      .arg(schema->id())
                      .arg(schema->size()));
    }
    const QJsonArray keys =
        r.array(schemaObject, QStringLiteral("keys"), QStringLiteral("schema.keys"));
    if (keys.size() != schema->size()) {
        r.invalid(QStringLiteral("\"schema.keys\" has %1 keys; %2 has %3")
                      .arg(keys.size())
                      .arg(schema->id())
                      .arg(schema->size()));
    }
    m.schemaKeys.clear();
    for (int i = 0; i < schema->size(); ++i) {
        const QString field = QStringLiteral("schema.keys[%1]").arg(i);
        if (!keys[i].isString()) {
            r.badField(field, QStringLiteral("a string"));
        }
        const QString key = keys[i].toString();
        if (key != schema->key(i)) {
            r.invalid(QStringLiteral("\"%1\" is %2; %3 has \"%4\" there")
                          .arg(field, quoted(key), schema->id(), schema->key(i)));
        }
        m.schemaKeys << key;
    }
    m.schema = schema;
}

void parseTemplate(const Reader& r, const QJsonObject& root, ModelManifest& m) {
    const QJsonArray rows = r.array(root, QStringLiteral("template"), QStringLiteral("template"));
    if (rows.size() != m.landmarks) {
        r.invalid(
            QStringLiteral("\"template\" has %1 rows; expected %2 (one [x, y, z] per landmark)")
                .arg(rows.size())
                .arg(m.landmarks));
    }
    m.templateLandmarks.resize(rows.size(), 3);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray row = rows[i].toArray();
        const bool ok =
            rows[i].isArray() && row.size() == 3 &&
            std::all_of(row.begin(), row.end(), [](const QJsonValue& v) { return v.isDouble(); });
        if (!ok) {
            r.badField(QStringLiteral("template[%1]").arg(i),
                       QStringLiteral("[x, y, z] (3 numbers)"));
        }
        for (int c = 0; c < 3; ++c) {
            const double v = row[c].toDouble();
            // Millimetres in the LA-FAS frame: a template landmark lies on a face near the
            // origin; anything else (1e308, say) would overflow the patch geometry.
            if (!std::isfinite(v) || std::abs(v) > kMaxTemplateMillimetres) {
                r.invalid(QStringLiteral("\"template[%1]\" holds %2; template coordinates are "
                                         "millimetres within %3 of the origin")
                              .arg(i)
                              .arg(v)
                              .arg(kMaxTemplateMillimetres));
            }
            m.templateLandmarks(i, c) = v;
        }
    }
}

std::vector<TensorEntry> parseTensors(const Reader& r, const QJsonObject& weights, int valueSize,
                                      std::int64_t& totalBytes) {
    const QJsonArray list =
        r.array(weights, QStringLiteral("tensors"), QStringLiteral("weights.tensors"));
    if (list.isEmpty()) {
        r.formatFail(QStringLiteral("manifest.json: \"weights.tensors\" is empty"));
    }
    std::vector<TensorEntry> out;
    std::set<std::string> names;
    totalBytes = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString field = QStringLiteral("weights.tensors[%1]").arg(i);
        if (!list[i].isObject()) {
            r.badField(field, QStringLiteral("an object"));
        }
        const QJsonObject o = list[i].toObject();
        TensorEntry t;
        const QString name = r.string(o, QStringLiteral("name"), field + QStringLiteral(".name"));
        if (name.isEmpty()) {
            r.formatFail(QStringLiteral("manifest.json: \"%1.name\" is empty").arg(field));
        }
        t.name = name.toStdString();
        const QJsonArray shape =
            r.array(o, QStringLiteral("shape"), field + QStringLiteral(".shape"));
        std::int64_t product = 1;
        for (const QJsonValue& d : shape) {
            const auto n = Reader::integer(d);
            if (!n || *n < 0) {
                r.badField(field + QStringLiteral(".shape"),
                           QStringLiteral("a list of non-negative integers"));
            }
            t.shape.push_back(*n);
            product = (*n != 0 && product > kMaxInteger / *n) ? kMaxInteger + 1 : product * *n;
        }
        t.offset =
            r.nonNegative(r.require(o, QStringLiteral("offset"), field + QStringLiteral(".offset")),
                          field + QStringLiteral(".offset"));
        t.count =
            r.nonNegative(r.require(o, QStringLiteral("count"), field + QStringLiteral(".count")),
                          field + QStringLiteral(".count"));
        if (product != t.count) {
            r.formatFail(
                QStringLiteral("tensor \"%1\": shape %2 holds %3 values but its count is %4")
                    .arg(name, shapeText(t.shape),
                         product > kMaxInteger ? QStringLiteral("too many")
                                               : QString::number(product))
                    .arg(t.count));
        }
        if (!names.insert(t.name).second) {
            r.formatFail(
                QStringLiteral("tensor \"%1\" is listed twice in manifest.json").arg(name));
        }
        if (t.offset != totalBytes) {
            r.formatFail(QStringLiteral("tensor \"%1\": offset %2, expected %3 (tensors are stored "
                                        "back to back in manifest order)")
                             .arg(name)
                             .arg(t.offset)
                             .arg(totalBytes));
        }
        totalBytes += t.count * valueSize; // both under 2^53 / 4: no overflow
        if (totalBytes > kMaxInteger) {
            r.formatFail(
                QStringLiteral("manifest.json: the tensors are too large (over 2^53 bytes)"));
        }
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

int dtypeSize(const QString& dtype) {
    if (dtype == QLatin1String("float32")) {
        return 4;
    }
    if (dtype == QLatin1String("float16")) {
        return 2;
    }
    return 0;
}

QString shapeText(const std::vector<std::int64_t>& shape) {
    QStringList dims;
    for (std::int64_t d : shape) {
        dims << QString::number(d);
    }
    return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QByteArray formatManifest(const ModelManifest& m, const std::vector<NamedTensor>& tensors,
                          const QString& sha256) {
    QJsonObject schemaObject{{QStringLiteral("id"), m.schemaId},
                             {QStringLiteral("keys"), QJsonArray::fromStringList(m.schemaKeys)}};
    if (m.schema && !LandmarkSchema::builtIn(m.schemaId)) {
        QJsonObject definition = landmarkSchemaToJson(*m.schema);
        definition.remove(QStringLiteral("format"));
        definition.remove(QStringLiteral("formatVersion"));
        schemaObject.insert(QStringLiteral("definition"), definition);
    }
    QJsonArray templateRows;
    for (Eigen::Index i = 0; i < m.templateLandmarks.rows(); ++i) {
        templateRows.append(QJsonArray{m.templateLandmarks(i, 0), m.templateLandmarks(i, 1),
                                       m.templateLandmarks(i, 2)});
    }
    QJsonArray tensorList;
    const qint64 valueSize = dtypeSize(m.weightsDtype);
    qint64 offset = 0;
    for (const NamedTensor& t : tensors) {
        QJsonArray shape;
        for (std::int64_t d : t.shape) {
            shape.append(qint64{d});
        }
        const auto count = static_cast<qint64>(t.data.size());
        tensorList.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(t.name)},
                                      {QStringLiteral("shape"), shape},
                                      {QStringLiteral("offset"), offset},
                                      {QStringLiteral("count"), count}});
        offset += count * valueSize;
    }
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("formatVersion"), kBundleFormatVersion},
        {QStringLiteral("architecture"), QJsonObject{{QStringLiteral("name"), kArchitecture},
                                                     {QStringLiteral("variant"), m.variant},
                                                     {QStringLiteral("patchSize"), m.patchSize},
                                                     {QStringLiteral("landmarks"), m.landmarks}}},
        {QStringLiteral("schema"), schemaObject},
        {QStringLiteral("template"), templateRows},
        {QStringLiteral("postProcessing"), m.postProcessing},
        {QStringLiteral("provenance"), m.provenance},
        {QStringLiteral("metrics"), m.metrics},
        {QStringLiteral("weights"), QJsonObject{{QStringLiteral("file"), kWeightsEntry},
                                                {QStringLiteral("dtype"), m.weightsDtype},
                                                {QStringLiteral("sha256"), sha256},
                                                {QStringLiteral("tensors"), tensorList}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ParsedManifest parseManifest(const QByteArray& json, const QString& path) {
    const Reader r(path);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        r.formatFail(QStringLiteral("manifest.json is not valid JSON (%1 at byte %2)")
                         .arg(error.errorString())
                         .arg(error.offset));
    }
    if (!doc.isObject()) {
        r.formatFail(QStringLiteral("manifest.json is not a JSON object"));
    }
    const QJsonObject root = doc.object();

    // Format and version first: a newer bundle may lay out everything else differently.
    const auto format = root.constFind(QStringLiteral("format"));
    if (format == root.constEnd()) {
        r.formatFail(
            QStringLiteral("not a PAL Studio model bundle (manifest.json has no \"format\")"));
    }
    if (*format != QJsonValue(kFormat)) {
        r.formatFail(
            QStringLiteral("not a PAL Studio model bundle (\"format\" is %1, expected \"%2\")")
                .arg(jsonText(*format), kFormat));
    }
    const auto version = Reader::integer(
        r.require(root, QStringLiteral("formatVersion"), QStringLiteral("formatVersion")));
    if (!version || *version < 1) {
        r.badField(QStringLiteral("formatVersion"), QStringLiteral("a positive integer"));
    }
    if (*version > kBundleFormatVersion) {
        r.formatFail(
            QStringLiteral("made by a newer PAL Studio (bundle format %1; this version reads "
                           "format %2)")
                .arg(*version)
                .arg(kBundleFormatVersion));
    }

    ParsedManifest out;
    ModelManifest& m = out.manifest;
    m.formatVersion = static_cast<int>(*version);
    parseArchitecture(r, root, m);
    parseSchema(r, root, m);
    parseTemplate(r, root, m);
    m.postProcessing =
        r.string(root, QStringLiteral("postProcessing"), QStringLiteral("postProcessing"));
    if (m.postProcessing != QLatin1String("closest") &&
        m.postProcessing != QLatin1String("average") &&
        m.postProcessing != QLatin1String("surface") && m.postProcessing != QLatin1String("none")) {
        r.invalid(QStringLiteral("\"postProcessing\" is %1; expected \"closest\", \"average\", "
                                 "\"surface\" or \"none\"")
                      .arg(quoted(m.postProcessing)));
    }
    m.provenance = r.optionalObject(root, QStringLiteral("provenance"));
    m.metrics = r.optionalObject(root, QStringLiteral("metrics"));

    const QJsonObject weights =
        r.object(root, QStringLiteral("weights"), QStringLiteral("weights"));
    const QString file = r.string(weights, QStringLiteral("file"), QStringLiteral("weights.file"));
    if (file != kWeightsEntry) {
        r.formatFail(QStringLiteral("manifest.json: \"weights.file\" is %1; expected \"%2\"")
                         .arg(quoted(file), kWeightsEntry));
    }
    m.weightsDtype = r.string(weights, QStringLiteral("dtype"), QStringLiteral("weights.dtype"));
    const int valueSize = dtypeSize(m.weightsDtype);
    if (valueSize == 0) {
        r.formatFail(
            QStringLiteral("manifest.json: \"weights.dtype\" is %1; expected \"float32\" or "
                           "\"float16\"")
                .arg(quoted(m.weightsDtype)));
    }
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    m.weightsSha256 = r.string(weights, QStringLiteral("sha256"), QStringLiteral("weights.sha256"));
    if (!hex.match(m.weightsSha256).hasMatch()) {
        r.badField(QStringLiteral("weights.sha256"), QStringLiteral("64 hexadecimal digits"));
    }
    m.weightsSha256 = m.weightsSha256.toLower();
    out.tensors = parseTensors(r, weights, valueSize, out.weightsBytes);
    return out;
}

} // namespace pal::bundle
