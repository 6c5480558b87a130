#include "core/landmarks/LandmarkIO.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/NumberText.h"
#include "core/io/TextScan.h"
#include "core/landmarks/MeshLabPickPoints.h"
#include "core/landmarks/SlicerFiles.h"
#include "core/landmarks/TpsFile.h"

#include <QFileInfo>

#include <cmath>
#include <map>

namespace pal {
namespace {

QString extensionOf(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}

QByteArray csvField(const QString& s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"'))) {
        QString e = s;
        e.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QStringLiteral("\"%1\"").arg(e).toUtf8();
    }
    return s.toUtf8();
}

// One CSV row (RFC 4180): a field in double quotes may hold commas, and "" stands for a quote.
// Unquoted fields are trimmed.
std::vector<std::string> splitCsv(std::string_view line) {
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (true) {
        std::string f;
        const std::string_view rest = text::trimmed(line.substr(i));
        if (!rest.empty() && rest.front() == '"') {
            i = static_cast<std::size_t>(rest.data() - line.data()) + 1;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        f += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f += line[i++];
            }
            const std::size_t c = line.find(',', i);
            fields.push_back(std::move(f));
            if (c == std::string_view::npos) {
                return fields;
            }
            i = c + 1;
        } else {
            const std::size_t c = line.find(',', i);
            fields.emplace_back(
                text::trimmed(line.substr(i, c == std::string_view::npos ? c : c - i)));
            if (c == std::string_view::npos) {
                return fields;
            }
            i = c + 1;
        }
    }
}

} // namespace

QByteArray formatLandmarkCsv(const LandmarkSet& set) {
    QByteArray out = "number,key,name,x,y,z,status\n";
    for (int i = 0; i < set.size(); ++i) {
        const LandmarkDefinition& d = set.schema().at(i);
        const Landmark& l = set.at(i);
        out += QByteArray::number(d.number) + ',' + csvField(set.schema().key(i)) + ',' +
               csvField(d.name) + ',';
        for (int k = 0; k < 3; ++k) {
            if (l.isPresent()) {
                out += shortestNumber(l.position[k]);
            }
            out += ',';
        }
        out += statusName(l.status).toUtf8() + '\n';
    }
    return out;
}

LandmarkSet parseLandmarkCsv(const QByteArray& data, const QString& path, const SchemaPtr& schema) {
    const std::string_view all(data.constData(), static_cast<std::size_t>(data.size()));
    if (text::trimmed(all).empty()) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    LandmarkSet set(schema);
    text::LineReader lines(all);
    std::string_view line;
    std::map<std::string, int, std::less<>> column;
    while (lines.next(line) && text::trimmed(line).empty()) {
    }
    const auto header = splitCsv(line);
    for (std::size_t i = 0; i < header.size(); ++i) {
        column[header[i]] = static_cast<int>(i);
    }
    for (const char* need : {"number", "x", "y", "z"}) {
        if (!column.count(need)) {
            throw FormatError(
                path, lines.lineNumber(),
                QStringLiteral("CSV header has no '%1' column").arg(QLatin1String(need)));
        }
    }
    std::map<int, int> seen;
    while (lines.next(line)) {
        if (text::trimmed(line).empty()) {
            continue;
        }
        const int ln = lines.lineNumber();
        const auto f = splitCsv(line);
        auto get = [&](const char* name) -> std::string_view {
            const auto it = column.find(name);
            if (it == column.end() || it->second >= static_cast<int>(f.size())) {
                return {};
            }
            return f[static_cast<std::size_t>(it->second)];
        };
        int number = 0;
        if (!text::parseNumber(get("number"), number) || set.schema().indexOfNumber(number) < 0) {
            throw ValidationError(path, ln,
                                  QStringLiteral("unknown landmark number '%1'")
                                      .arg(QString::fromUtf8(get("number"))));
        }
        if (auto it = seen.find(number); it != seen.end()) {
            throw ValidationError(path, ln,
                                  QStringLiteral("duplicate landmark number %1 (first on "
                                                 "line %2)")
                                      .arg(number)
                                      .arg(it->second));
        }
        seen[number] = ln;
        const int index = set.schema().indexOfNumber(number);
        // Rows map by number; a key that names another landmark is a file of another schema
        // (an LA-FAS file read as FaceScape's, say), never silently remapped.
        if (const std::string_view key = get("key"); !key.empty()) {
            const QString k = QString::fromUtf8(key);
            if (k.compare(set.schema().key(index), Qt::CaseInsensitive) != 0) {
                throw ValidationError(path, ln,
                                      QStringLiteral("landmark %1 is %2 in %3, but this row calls "
                                                     "it '%4' (a file of another landmark schema?)")
                                          .arg(number)
                                          .arg(set.schema().key(index), set.schema().id(), k));
            }
        }
        LandmarkStatus status = LandmarkStatus::Placed;
        if (const auto s = get("status");
            !s.empty() && !statusFromName(QString::fromUtf8(s), status)) {
            throw FormatError(path, ln,
                              QStringLiteral("unknown status '%1'").arg(QString::fromUtf8(s)));
        }
        Eigen::Vector3d p;
        const char* axes[] = {"x", "y", "z"};
        const bool empty = get("x").empty() && get("y").empty() && get("z").empty();
        if (empty || status == LandmarkStatus::Missing) {
            set.at(index).status = LandmarkStatus::Missing;
            continue;
        }
        for (int k = 0; k < 3; ++k) {
            if (!text::parseNumber(get(axes[k]), p[k]) || !std::isfinite(p[k])) {
                throw FormatError(path, ln,
                                  QStringLiteral("%1 is not a number: '%2'")
                                      .arg(QLatin1String(axes[k]))
                                      .arg(QString::fromUtf8(get(axes[k]))));
            }
        }
        set.setPosition(index, p, status);
        set.at(index).provenance.source = path;
    }
    return set;
}

LandmarkFile readLandmarks(const QString& path, const SchemaPtr& schema) {
    const QString ext = extensionOf(path);
    const QStringList known{QStringLiteral("txt"),  QStringLiteral("csv"), QStringLiteral("json"),
                            QStringLiteral("fcsv"), QStringLiteral("pp"),  QStringLiteral("tps")};
    if (!known.contains(ext)) {
        throw FormatError(
            path, QStringLiteral("unsupported landmark format '.%1' (supported: txt "
                                 "(LA-FAS), csv, mrk.json and fcsv (3D Slicer), pp (MeshLab), tps)")
                      .arg(ext));
    }
    const FileBytes bytes(path);
    const QByteArray data = bytes.bytes();
    if (ext == QLatin1String("csv")) {
        return {parseLandmarkCsv(data, path, schema), std::nullopt, {}};
    }
    if (ext == QLatin1String("tps")) {
        return {parseTps(data, path, schema), std::nullopt, {}};
    }
    if (ext == QLatin1String("json") || ext == QLatin1String("fcsv") ||
        ext == QLatin1String("pp")) {
        ImportedLandmarks in = ext == QLatin1String("json") ? parseSlicerMarkups(data, path, schema)
                               : ext == QLatin1String("fcsv")
                                   ? parseSlicerFcsv(data, path, schema)
                                   : parseMeshLabPickPoints(data, path, schema);
        return {std::move(in.landmarks), std::nullopt, std::move(in.unmatchedLabels)};
    }
    if (!schema->sameLandmarks(*LandmarkSchema::lafas50())) {
        throw ValidationError(path, QStringLiteral("an LA-FAS landmarks file holds the %1 "
                                                   "landmarks; this case follows %2")
                                        .arg(LandmarkSchema::lafas50()->id(), schema->describe()));
    }
    LafasFile f = parseLafas(data, path);
    return {std::move(f.landmarks), std::move(f.layout), {}};
}

void writeLandmarks(const QString& path, const LandmarkSet& set,
                    const std::optional<LafasLayout>& layout) {
    const QString ext = extensionOf(path);
    if (ext == QLatin1String("csv")) {
        writeFileAtomically(path, formatLandmarkCsv(set));
    } else if (ext == QLatin1String("txt")) {
        if (!set.schema().sameLandmarks(*LandmarkSchema::lafas50())) {
            throw ValidationError(
                path, QStringLiteral("an LA-FAS landmarks file holds the %1 "
                                     "landmarks, not %2; choose another format")
                          .arg(LandmarkSchema::lafas50()->id(), set.schema().describe()));
        }
        writeLafas(path, set, layout ? *layout : LafasLayout::standard(set.schema()));
    } else if (ext == QLatin1String("json")) {
        writeFileAtomically(path, formatSlicerMarkups(set));
    } else if (ext == QLatin1String("fcsv")) {
        writeFileAtomically(path, formatSlicerFcsv(set));
    } else if (ext == QLatin1String("pp")) {
        writeFileAtomically(path, formatMeshLabPickPoints(set));
    } else if (ext == QLatin1String("tps")) {
        writeFileAtomically(path, formatTps(set, QFileInfo(path).completeBaseName(), path));
    } else {
        throw FormatError(
            path, QStringLiteral("cannot write landmark format '.%1' (writable: txt "
                                 "(LA-FAS), csv, mrk.json and fcsv (3D Slicer), pp (MeshLab), tps)")
                      .arg(ext));
    }
}

} // namespace pal
