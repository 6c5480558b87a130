#include "core/landmarks/SlicerFiles.h"

#include "core/errors/Error.h"
#include "core/io/NumberText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>

namespace pal {
namespace {

// LPS <-> RAS: x and y change sign (the same both ways).
Eigen::Vector3d flipped(const Eigen::Vector3d& p) {
    return {-p.x(), -p.y(), p.z()};
}

// One label's landmark, once: unmatched labels are kept, a second point for a landmark is
// refused. where: "control point 3", "line 7".
struct LabelMap {
    const QString& path;
    ImportedLandmarks& out;
    std::map<int, QString> seen; // index -> where first

    int take(const QString& label, const QString& where) {
        const int index = out.landmarks.schema().indexOfLabel(label);
        if (index < 0) {
            out.unmatchedLabels << label;
            return -1;
        }
        if (const auto it = seen.find(index); it != seen.end()) {
            throw ValidationError(path,
                                  QStringLiteral("landmark %1 appears twice (%2 and %3)")
                                      .arg(out.landmarks.schema().key(index), it->second, where));
        }
        seen[index] = where;
        return index;
    }
};

} // namespace

QByteArray formatSlicerMarkups(const LandmarkSet& set) {
    QJsonArray points;
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        const Eigen::Vector3d p = l.isPresent() ? l.position : Eigen::Vector3d::Zero();
        points.append(
            QJsonObject{{QStringLiteral("id"), QString::number(i + 1)},
                        {QStringLiteral("label"), set.schema().key(i)},
                        {QStringLiteral("description"), set.schema().at(i).name},
                        {QStringLiteral("associatedNodeID"), QString()},
                        {QStringLiteral("position"), QJsonArray{p.x(), p.y(), p.z()}},
                        {QStringLiteral("orientation"),
                         QJsonArray{-1.0, -0.0, -0.0, -0.0, -1.0, -0.0, 0.0, 0.0, 1.0}},
                        {QStringLiteral("selected"), true},
                        {QStringLiteral("locked"), false},
                        {QStringLiteral("visibility"), true},
                        {QStringLiteral("positionStatus"),
                         l.isPresent() ? QStringLiteral("defined") : QStringLiteral("missing")},
                        {QStringLiteral("palStudioStatus"), statusName(l.status)}});
    }
    const QJsonObject list{{QStringLiteral("type"), QStringLiteral("Fiducial")},
                           {QStringLiteral("coordinateSystem"), QStringLiteral("LPS")},
                           {QStringLiteral("coordinateUnits"), QStringLiteral("mm")},
                           {QStringLiteral("locked"), false},
                           {QStringLiteral("fixedNumberOfControlPoints"), false},
                           {QStringLiteral("labelFormat"), QStringLiteral("%N-%d")},
                           {QStringLiteral("lastUsedControlPointNumber"), set.size()},
                           {QStringLiteral("controlPoints"), points}};
    const QJsonObject root{
        {QStringLiteral("@schema"),
         QStringLiteral("https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/"
                        "Markups/Resources/Schema/markups-schema-v1.0.3.json#")},
        {QStringLiteral("markups"), QJsonArray{list}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ImportedLandmarks parseSlicerMarkups(const QByteArray& data, const QString& path,
                                     const SchemaPtr& schema) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (doc.isNull()) {
        throw FormatError(path, QStringLiteral("not a markups JSON file: %1 at byte %2")
                                    .arg(error.errorString())
                                    .arg(error.offset));
    }
    const QJsonArray markups = doc.object().value(QStringLiteral("markups")).toArray();
    QJsonObject list;
    for (const QJsonValue& m : markups) {
        if (m.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Fiducial")) {
            list = m.toObject();
            break;
        }
    }
    if (list.isEmpty()) {
        throw FormatError(path, QStringLiteral("no point list in \"markups\" (a markup of "
                                               "\"type\": \"Fiducial\")"));
    }
    const QString system =
        list.value(QStringLiteral("coordinateSystem")).toString(QStringLiteral("LPS"));
    if (system != QLatin1String("LPS") && system != QLatin1String("RAS")) {
        throw FormatError(
            path,
            QStringLiteral("\"coordinateSystem\" is \"%1\"; expected LPS or RAS").arg(system));
    }
    const QJsonValue unitsValue = list.value(QStringLiteral("coordinateUnits"));
    const QString units = unitsValue.isArray() ? unitsValue.toArray().at(0).toString()
                                               : unitsValue.toString(QStringLiteral("mm"));
    if (units != QLatin1String("mm") && units != QLatin1String("um")) {
        throw FormatError(
            path, QStringLiteral("\"coordinateUnits\" is \"%1\"; expected mm or um").arg(units));
    }
    const double divisor = units == QLatin1String("um") ? 1000.0 : 1.0; // to mm

    ImportedLandmarks out{LandmarkSet(schema), {}};
    LabelMap labels{path, out, {}};
    const QJsonArray points = list.value(QStringLiteral("controlPoints")).toArray();
    for (qsizetype n = 0; n < points.size(); ++n) {
        const QJsonObject cp = points.at(n).toObject();
        const QString where = QStringLiteral("control point %1").arg(n + 1);
        const int index = labels.take(cp.value(QStringLiteral("label")).toString(), where);
        if (index < 0) {
            continue;
        }
        const QString positionStatus =
            cp.value(QStringLiteral("positionStatus")).toString(QStringLiteral("defined"));
        // "preview" is the point following the mouse while it is being placed: not placed yet.
        if (positionStatus == QLatin1String("missing") ||
            positionStatus == QLatin1String("undefined") ||
            positionStatus == QLatin1String("preview")) {
            continue; // stays missing
        }
        if (positionStatus != QLatin1String("defined")) {
            throw FormatError(
                path,
                QStringLiteral("%1: unknown \"positionStatus\" \"%2\"").arg(where, positionStatus));
        }
        const QJsonArray pos = cp.value(QStringLiteral("position")).toArray();
        Eigen::Vector3d p;
        for (int k = 0; k < 3; ++k) {
            const QJsonValue v = pos.at(k);
            if (pos.size() != 3 || !v.isDouble() || !std::isfinite(v.toDouble())) {
                throw FormatError(path,
                                  QStringLiteral("%1 (%2): \"position\" is not 3 numbers")
                                      .arg(where, cp.value(QStringLiteral("label")).toString()));
            }
            p[k] = v.toDouble() / divisor;
        }
        LandmarkStatus status = LandmarkStatus::Placed;
        if (const QString own = cp.value(QStringLiteral("palStudioStatus")).toString();
            !own.isEmpty() && (!statusFromName(own, status) || status == LandmarkStatus::Missing)) {
            status = LandmarkStatus::Placed; // a defined point is present whatever it says
        }
        out.landmarks.setPosition(index, system == QLatin1String("RAS") ? flipped(p) : p, status);
        out.landmarks.at(index).provenance.source = path;
    }
    return out;
}

QByteArray formatSlicerFcsv(const LandmarkSet& set) {
    QByteArray out = "# Markups fiducial file version = 4.11\n"
                     "# CoordinateSystem = LPS\n"
                     "# columns = id,x,y,z,ow,ox,oy,oz,vis,sel,lock,label,desc,associatedNodeID\n";
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        if (!l.isPresent()) {
            continue;
        }
        QString desc = set.schema().at(i).name;
        desc.remove(QLatin1Char(','));
        out += QByteArray::number(i + 1) + ',' + shortestNumber(l.position.x()) + ',' +
               shortestNumber(l.position.y()) + ',' + shortestNumber(l.position.z()) +
               ",0,0,0,1,1,1,0," + set.schema().key(i).toUtf8() + ',' + desc.toUtf8() + ",\n";
    }
    return out;
}

ImportedLandmarks parseSlicerFcsv(const QByteArray& data, const QString& path,
                                  const SchemaPtr& schema) {
    QStringList columns = QStringLiteral("id,x,y,z,ow,ox,oy,oz,vis,sel,lock,label,desc,"
                                         "associatedNodeID")
                              .split(QLatin1Char(','));
    bool ras = false;
    bool sawHeader = false;
    ImportedLandmarks out{LandmarkSet(schema), {}};
    LabelMap labels{path, out, {}};
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines.at(n)).trimmed();
        const int lineNumber = static_cast<int>(n + 1);
        if (line.isEmpty()) {
            continue;
        }
        if (line.startsWith(QLatin1Char('#'))) {
            const QString body = line.mid(1).trimmed();
            const qsizetype eq = body.indexOf(QLatin1Char('='));
            const QString key = body.left(eq).trimmed();
            const QString value = eq < 0 ? QString() : body.mid(eq + 1).trimmed();
            if (key.startsWith(QLatin1String("Markups fiducial file version"))) {
                sawHeader = true;
            } else if (key == QLatin1String("CoordinateSystem")) {
                if (value == QLatin1String("RAS") || value == QLatin1String("0")) {
                    ras = true;
                } else if (value == QLatin1String("LPS") || value == QLatin1String("1")) {
                    ras = false;
                } else {
                    throw FormatError(path, lineNumber,
                                      QStringLiteral("CoordinateSystem is \"%1\"; expected LPS or "
                                                     "RAS")
                                          .arg(value));
                }
            } else if (key == QLatin1String("columns")) {
                columns = value.split(QLatin1Char(','));
                for (QString& c : columns) {
                    c = c.trimmed();
                }
            }
            continue;
        }
        if (!sawHeader) {
            throw FormatError(path, lineNumber,
                              QStringLiteral("not a Slicer .fcsv file: it does not start with "
                                             "\"# Markups fiducial file version = ...\""));
        }
        const QStringList fields = line.split(QLatin1Char(','));
        auto field = [&](const char* name) -> QString {
            const qsizetype c = columns.indexOf(QLatin1String(name));
            return c < 0 || c >= fields.size() ? QString() : fields.at(c).trimmed();
        };
        const QString label = field("label");
        const int index = labels.take(label, QStringLiteral("line %1").arg(lineNumber));
        if (index < 0) {
            continue;
        }
        Eigen::Vector3d p;
        const char* axes[] = {"x", "y", "z"};
        for (int k = 0; k < 3; ++k) {
            bool ok = false;
            p[k] = field(axes[k]).toDouble(&ok);
            if (!ok || !std::isfinite(p[k])) {
                throw FormatError(path, lineNumber,
                                  QStringLiteral("%1 of %2 is not a number: '%3'")
                                      .arg(QLatin1String(axes[k]), label, field(axes[k])));
            }
        }
        if (p == Eigen::Vector3d::Zero()) {
            continue; // Slicer writes a point it has no position for at (0, 0, 0): missing
        }
        out.landmarks.setPosition(index, ras ? flipped(p) : p, LandmarkStatus::Placed);
        out.landmarks.at(index).provenance.source = path;
    }
    if (!sawHeader) {
        throw FormatError(path, QStringLiteral("not a Slicer .fcsv file: no \"# Markups fiducial "
                                               "file version\" line"));
    }
    return out;
}

} // namespace pal
