#include "core/landmarks/MeshLabPickPoints.h"

#include "core/errors/Error.h"
#include "core/io/NumberText.h"

#include <QDateTime>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>
#include <map>

namespace pal {
namespace {

QString number(double v) {
    return QString::fromLatin1(shortestNumber(v));
}

} // namespace

QByteArray formatMeshLabPickPoints(const LandmarkSet& set, const QString& meshName) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeDTD(QStringLiteral("<!DOCTYPE PickedPoints>"));
    xml.writeStartElement(QStringLiteral("PickedPoints"));
    xml.writeStartElement(QStringLiteral("DocumentData"));
    const QDateTime now = QDateTime::currentDateTime();
    xml.writeEmptyElement(QStringLiteral("DateTime"));
    xml.writeAttribute(QStringLiteral("time"), now.time().toString(QStringLiteral("HH:mm:ss")));
    xml.writeAttribute(QStringLiteral("date"), now.date().toString(Qt::ISODate));
    xml.writeEmptyElement(QStringLiteral("User"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("PAL Studio"));
    xml.writeEmptyElement(QStringLiteral("DataFileName"));
    xml.writeAttribute(QStringLiteral("name"), meshName);
    xml.writeEmptyElement(QStringLiteral("templateName"));
    xml.writeAttribute(QStringLiteral("name"), set.schema().id());
    xml.writeEndElement(); // DocumentData
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        const Eigen::Vector3d p = l.isPresent() ? l.position : Eigen::Vector3d::Zero();
        xml.writeEmptyElement(QStringLiteral("point"));
        xml.writeAttribute(QStringLiteral("x"), number(p.x()));
        xml.writeAttribute(QStringLiteral("y"), number(p.y()));
        xml.writeAttribute(QStringLiteral("z"), number(p.z()));
        xml.writeAttribute(QStringLiteral("active"),
                           l.isPresent() ? QStringLiteral("1") : QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("name"), set.schema().key(i));
    }
    xml.writeEndElement(); // PickedPoints
    xml.writeEndDocument();
    return out;
}

ImportedLandmarks parseMeshLabPickPoints(const QByteArray& data, const QString& path,
                                         const SchemaPtr& schema) {
    QXmlStreamReader xml(data);
    ImportedLandmarks out{LandmarkSet(schema), {}};
    std::map<int, int> seen; // index -> line
    bool root = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        const int line = static_cast<int>(xml.lineNumber());
        if (!root) {
            if (xml.name() != QLatin1String("PickedPoints")) {
                throw FormatError(path, line,
                                  QStringLiteral("not a MeshLab picked points file: the root "
                                                 "element is <%1>, not <PickedPoints>")
                                      .arg(xml.name().toString().left(40)));
            }
            root = true;
            continue;
        }
        if (xml.name() != QLatin1String("point")) {
            continue;
        }
        const QXmlStreamAttributes a = xml.attributes();
        const QString label = a.value(QStringLiteral("name")).toString();
        // By key only: MeshLab names new points "0", "1", ... from 0, so a number would put
        // every point one landmark off.
        bool isNumber = false;
        label.trimmed().toInt(&isNumber);
        const int index = isNumber ? -1 : out.landmarks.schema().indexOfLabel(label);
        if (index < 0) {
            out.unmatchedLabels << label;
            continue;
        }
        if (const auto it = seen.find(index); it != seen.end()) {
            throw ValidationError(path, line,
                                  QStringLiteral("landmark %1 appears twice (first on line %2)")
                                      .arg(out.landmarks.schema().key(index))
                                      .arg(it->second));
        }
        seen[index] = line;
        if (a.value(QStringLiteral("active")) == QLatin1String("0")) {
            continue; // listed, not placed: missing
        }
        Eigen::Vector3d p;
        const char* axes[] = {"x", "y", "z"};
        for (int k = 0; k < 3; ++k) {
            bool ok = false;
            const QString text = a.value(QLatin1String(axes[k])).toString();
            p[k] = text.toDouble(&ok);
            if (!ok || !std::isfinite(p[k])) {
                throw FormatError(path, line,
                                  QStringLiteral("%1 of %2 is not a number: '%3'")
                                      .arg(QLatin1String(axes[k]), label, text.left(40)));
            }
        }
        out.landmarks.setPosition(index, p, LandmarkStatus::Placed);
        out.landmarks.at(index).provenance.source = path;
    }
    if (xml.hasError()) {
        throw FormatError(
            path, static_cast<int>(xml.lineNumber()),
            QStringLiteral("not a MeshLab picked points file: %1").arg(xml.errorString()));
    }
    if (!root) {
        throw FormatError(path, QStringLiteral("not a MeshLab picked points file: no "
                                               "<PickedPoints> element"));
    }
    return out;
}

} // namespace pal
