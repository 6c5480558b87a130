#include "core/landmarks/TpsFile.h"

#include "core/errors/Error.h"
#include "core/io/NumberText.h"

#include <QRegularExpression>

#include <cmath>

namespace pal {
namespace {

constexpr double kMissing = -9999.0;

bool looksMissing(const Eigen::Vector3d& p) {
    return p.x() == p.y() && p.y() == p.z() && p.x() <= -99.0;
}

} // namespace

QByteArray formatTps(const LandmarkSet& set, const QString& id, const QString& path) {
    QByteArray out = "LM3=" + QByteArray::number(set.size()) + '\n';
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        if (l.isPresent() && looksMissing(l.position)) {
            throw ValidationError(path, QStringLiteral("landmark %1 at (%2, %2, %2) would read "
                                                       "back as missing in TPS")
                                            .arg(set.schema().key(i))
                                            .arg(l.position.x()));
        }
        const Eigen::Vector3d p = l.isPresent() ? l.position : Eigen::Vector3d::Constant(kMissing);
        out += shortestNumber(p.x()) + ' ' + shortestNumber(p.y()) + ' ' + shortestNumber(p.z()) +
               '\n';
    }
    QString cleanId = id;
    cleanId.replace(QLatin1Char('\n'), QLatin1Char(' '))
        .replace(QLatin1Char('\r'), QLatin1Char(' '));
    out += "ID=" + cleanId.toUtf8() + "\nSCALE=1\n";
    return out;
}

LandmarkSet parseTps(const QByteArray& data, const QString& path, const SchemaPtr& schema) {
    LandmarkSet set(schema);
    const QList<QByteArray> lines = data.split('\n');
    int expected = -1; // rows the LM line announced
    int lmLine = 0;    // where it was
    std::vector<Eigen::Vector3d> rows;
    std::vector<int> rowLines;
    double scale = 1.0;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int lineNumber = static_cast<int>(n + 1);
        const QString line = QString::fromUtf8(lines.at(n)).trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const QString upper = line.toUpper();
        if (upper.startsWith(QLatin1String("LM=")) || upper.startsWith(QLatin1String("LM3="))) {
            if (expected >= 0) {
                throw FormatError(path, lineNumber,
                                  QStringLiteral("a second specimen (the first began on line "
                                                 "%1): a landmark file holds one case")
                                      .arg(lmLine));
            }
            bool ok = false;
            expected = line.mid(line.indexOf(QLatin1Char('=')) + 1).trimmed().toInt(&ok);
            if (!ok || expected < 0) {
                throw FormatError(
                    path, lineNumber,
                    QStringLiteral("the landmark count is not a number: '%1'").arg(line.left(40)));
            }
            if (expected != set.size()) {
                throw ValidationError(path, lineNumber,
                                      QStringLiteral("%1 landmarks; expected %2 in the order of "
                                                     "%3")
                                          .arg(expected)
                                          .arg(set.size())
                                          .arg(set.schema().id()));
            }
            lmLine = lineNumber;
            continue;
        }
        if (expected < 0) {
            throw FormatError(path, lineNumber,
                              QStringLiteral("not a TPS file: it does not start with LM3=N or "
                                             "LM=N"));
        }
        if (static_cast<int>(rows.size()) < expected) {
            static const QRegularExpression space(QStringLiteral("\\s+"));
            const QStringList f = line.split(space, Qt::SkipEmptyParts);
            Eigen::Vector3d p = Eigen::Vector3d::Zero();
            bool ok = f.size() == 3;
            for (int k = 0; ok && k < 3; ++k) {
                p[k] = f.at(k).toDouble(&ok);
                ok = ok && std::isfinite(p[k]);
            }
            if (!ok) {
                throw FormatError(path, lineNumber,
                                  QStringLiteral("landmark %1: expected three numbers (x y z), "
                                                 "found '%2'")
                                      .arg(rows.size() + 1)
                                      .arg(line.left(40)));
            }
            rows.push_back(p);
            rowLines.push_back(lineNumber);
            continue;
        }
        if (upper.startsWith(QLatin1String("SCALE="))) {
            bool ok = false;
            scale = line.mid(6).trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(scale) || scale <= 0) {
                throw FormatError(
                    path, lineNumber,
                    QStringLiteral("SCALE is not a positive number: '%1'").arg(line.left(40)));
            }
        }
        // ID=, IMAGE=, COMMENT=, CURVES= and the like say nothing about positions.
    }
    if (expected < 0) {
        throw FormatError(path, QStringLiteral("not a TPS file: no LM3=N or LM=N line"));
    }
    if (static_cast<int>(rows.size()) < expected) {
        throw FormatError(path, QStringLiteral("LM=%1 on line %2, but only %3 landmark rows")
                                    .arg(expected)
                                    .arg(lmLine)
                                    .arg(rows.size()));
    }
    for (int i = 0; i < set.size(); ++i) {
        const Eigen::Vector3d& p = rows[static_cast<std::size_t>(i)];
        if (looksMissing(p)) {
            continue; // the missing placeholder
        }
        const Eigen::Vector3d scaled = p * scale;
        if (!scaled.allFinite() || looksMissing(scaled)) {
            throw FormatError(path, rowLines[static_cast<std::size_t>(i)],
                              QStringLiteral("landmark %1 times SCALE %2 is not a usable "
                                             "position")
                                  .arg(i + 1)
                                  .arg(scale));
        }
        set.setPosition(i, scaled, LandmarkStatus::Placed);
        set.at(i).provenance.source = path;
    }
    return set;
}

} // namespace pal
