#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/dataset/Case.h"
#include "core/dataset/Dataset.h"
#include "core/demo/Resources.h"
#include "core/errors/Error.h"
#include "core/inspect/Inspect.h"
#include "core/io/NativePath.h"
#include "core/mesh/MeshIO.h"
#include "core/workflow/ImportLandmarks.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace pal::cli {
namespace {

QString fmt(const Eigen::Vector3d& v) {
    return QStringLiteral("(%1, %2, %3)")
        .arg(v.x(), 0, 'f', 3)
        .arg(v.y(), 0, 'f', 3)
        .arg(v.z(), 0, 'f', 3);
}

QString yesNo(bool b) {
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

void printMesh(QTextStream& out, const MeshSummary& m, const QString& indent) {
    out << indent << "mesh: " << m.path << "\n";
    out << indent << "  vertices: " << m.vertices << ", triangles: " << m.triangles << "\n";
    out << indent << "  normals: " << yesNo(m.hasNormals)
        << ", texture coordinates: " << yesNo(m.hasUVs)
        << ", texture: " << (m.texture.isEmpty() ? QStringLiteral("none") : m.texture) << "\n";
    out << indent << "  bounding box: min " << fmt(m.bounds.min) << ", max " << fmt(m.bounds.max)
        << ", size " << fmt(m.bounds.size()) << "\n";
    out << indent << "  units: " << m.units << "\n";
}

void printLandmarks(QTextStream& out, const LandmarksSummary& l, const QString& indent) {
    if (l.error.isEmpty()) {
        out << indent << "landmarks: " << l.path << ": " << l.present << " of " << l.total
            << " present\n";
    } else {
        out << indent << "landmarks: " << l.error << "\n";
    }
}

void printTransform(QTextStream& out, const CaseSummary& c, const QString& indent) {
    if (c.files.transform.isEmpty()) {
        out << indent << "transform: none (identity)\n";
        return;
    }
    out << indent << "transform: " << c.files.transform << "\n";
    for (int r = 0; r < 4; ++r) {
        out << indent << "  ";
        for (int k = 0; k < 4; ++k) {
            out << QStringLiteral("%1").arg(c.transform(r, k), 12, 'f', 6);
        }
        out << "\n";
    }
}

// Each kind of PATH: its JSON form and, unless quiet (--json), its text on io.out.
QJsonObject infoOfLandmarks(const QString& path, const SchemaPtr& schema, QTextStream& out,
                            bool quiet) {
    const LandmarksSummary l = summarizeLandmarks(path, schema);
    if (!l.error.isEmpty()) {
        readLandmarks(path, schema); // throws the typed error for main to report
    }
    if (!quiet) {
        printLandmarks(out, l, QString());
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("landmarks")},
                       {QStringLiteral("landmarks"), toJson(l)}};
}

void printDataset(QTextStream& out, const DatasetSummary& d) {
    out << "dataset: " << d.folder << "\n";
    out << "  layout: " << d.layout << ", landmark schema: " << d.schema << "\n";
    out << "  cases: " << d.cases.size() << " (" << d.withLandmarks() << " with landmarks, "
        << d.withTransform() << " with a transform)\n";
    if (!d.skipped.isEmpty()) {
        out << "  folders without a mesh (skipped): " << d.skipped.join(QStringLiteral(", "))
            << "\n";
    }
    if (d.skippedExpressions > 0) {
        out << "  meshes of other expressions (skipped; only *_neutral.obj are cases): "
            << d.skippedExpressions << "\n";
    }
    for (const CaseSummary& c : d.cases) {
        out << "  " << c.id << "  " << QFileInfo(c.files.mesh).fileName() << "  "
            << (c.files.transform.isEmpty() ? QStringLiteral("no transform")
                                            : QStringLiteral("transform"))
            << "  ";
        if (!c.landmarks) {
            out << "no landmarks";
        } else if (c.landmarks->error.isEmpty()) {
            out << c.landmarks->present << "/" << c.landmarks->total << " landmarks";
        } else {
            out << "landmarks unreadable";
        }
        out << "\n";
    }
}

QJsonObject infoOfDataset(const QString& path, QTextStream& out, bool quiet, Warnings& warnings) {
    const DatasetSummary d = summarizeDataset(path);
    QJsonObject object = toJson(d);
    object.insert(QStringLiteral("kind"), QStringLiteral("dataset"));
    for (const CaseSummary& c : d.cases) {
        if (c.landmarks && !c.landmarks->error.isEmpty()) {
            warnings.messages.append(c.landmarks->error);
        }
    }
    if (!quiet) {
        printDataset(out, d);
    }
    return object;
}

QJsonObject infoOfCase(const QString& path, QTextStream& out, bool quiet, Warnings& warnings) {
    const bool folder = pathKind(path) == PathKind::Folder;
    const CaseSummary s = summarizeCase(Case::open(path), &warnings, true);
    if (s.landmarks && !s.landmarks->error.isEmpty()) {
        warnings.messages.append(s.landmarks->error);
    }
    QJsonObject object = toJson(s);
    object.insert(QStringLiteral("kind"), folder ? QStringLiteral("case") : QStringLiteral("mesh"));
    if (!quiet) {
        out << (folder ? "case: " : "mesh file: ") << s.id << " (" << s.files.folder << ")\n";
        printMesh(out, *s.mesh, QStringLiteral("  "));
        printTransform(out, s, QStringLiteral("  "));
        if (s.landmarks) {
            printLandmarks(out, *s.landmarks, QStringLiteral("  "));
        } else {
            out << "  landmarks: none\n";
        }
    }
    return object;
}

} // namespace

int runInfo(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print the summary as JSON."));
    const QCommandLineOption schema = schemaOption();
    parser.addOptions({json, schema});
    parser.addPositionalArgument(
        QStringLiteral("PATH"),
        Cli::tr("A mesh file, case folder, dataset folder or landmark "
                "file (.txt, .csv, .mrk.json, .fcsv, .pp, .tps); default: the generated "
                "demo dataset."),
        QStringLiteral("[PATH]"));
    if (!parseCommand(parser, args, io,
                      Cli::tr("Summarise a mesh, case, dataset or landmark file: counts, "
                              "bounding box, units, landmarks present, transform."))) {
        return Success;
    }
    if (parser.positionalArguments().size() > 1) {
        throw UsageProblem{Cli::tr("expected one PATH")};
    }
    // With no PATH: the generated demo dataset that setup made.
    const QString path = parser.positionalArguments().isEmpty()
                             ? demo::defaultDemoDataset()
                             : parser.positionalArguments().first();
    if (path.isEmpty()) {
        throw UsageProblem{Cli::tr("expected a PATH (no demo dataset was found either)")};
    }
    const QFileInfo info(path); // its suffix only (core/io/NativePath.h)
    if (!pathExists(path)) {
        throw IoError(path, QStringLiteral("no such file or folder"));
    }
    const QString suffix = info.suffix().toLower();
    const bool quiet = parser.isSet(json);
    Warnings warnings;
    QJsonObject object;
    // A .json is a landmark file only as 3D Slicer's .mrk.json here (a review sidecar is not).
    const bool landmarkFile = isLandmarkFileName(path) &&
                              (suffix != QLatin1String("json") ||
                               path.endsWith(QLatin1String(".mrk.json"), Qt::CaseInsensitive));
    if (info.isFile() && landmarkFile) {
        object = infoOfLandmarks(path, schemaOf(parser, schema), io.out, quiet);
    } else if (info.isDir() && (isFaceScapeRoot(path) || !Case::isCaseFolder(path))) {
        object = infoOfDataset(path, io.out, quiet, warnings);
    } else {
        object = infoOfCase(path, io.out, quiet, warnings);
    }
    object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings.messages));
    if (parser.isSet(json)) {
        io.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    }
    io.out.flush();
    for (const QString& w : warnings.messages) {
        io.err << "warning: " << w << "\n";
    }
    return Success;
}

} // namespace pal::cli
