#include "app/cli/Cli.h"
#include "app/cli/CommandParser.h"
#include "core/demo/TemplateHead.h"
#include "core/errors/Error.h"
#include "core/mesh/MeshIO.h"

#include <QDir>

namespace pal::cli {

int runMakeTemplate(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("MakeHuman model to derive from (default: %1).")
                                        .arg(QLatin1String(demo::kHumanZae)),
                                    QStringLiteral("ZAE"), QString::fromLatin1(demo::kHumanZae));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Folder to write mesh.obj into."),
                                 QStringLiteral("DIR"));
    parser.addOptions({source, out});
    if (!parseCommand(parser, args, io,
                      QStringLiteral("Derive the demo template head (resources/demo/template) from "
                                     "the MakeHuman model of Debian's assimp-testmodels."))) {
        return Success;
    }
    if (!parser.isSet(out)) {
        throw UsageProblem{QStringLiteral("--out DIR is required")};
    }
    const QString dir = parser.value(out);
    QDir().mkpath(dir);
    const Mesh head = demo::deriveTemplateHead(parser.value(source));
    MeshWriteOptions o;
    o.decimals = 4;
    const QString path = QDir(dir).filePath(QStringLiteral("mesh.obj"));
    writeMesh(head, path, o);
    io.out << "wrote " << path << " (" << head.vertexCount() << " vertices, "
           << head.triangleCount() << " triangles)\n";
    return Success;
}

} // namespace pal::cli
