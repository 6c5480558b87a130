#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/FaceScapeDemo.h"
#include "core/demo/Resources.h"
#include "core/demo/TemplateHead.h"
#include "core/errors/Error.h"
#include "core/mesh/MeshIO.h"

#include <QDir>
#include <QElapsedTimer>

#include <unistd.h>

namespace pal::cli {

int runMakeTemplate(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption source(QStringLiteral("source"),
                                    //: %1 is a file path
                                    Cli::tr("MakeHuman model to derive from (default: %1).")
                                        .arg(QLatin1String(demo::kHumanZae)),
                                    QStringLiteral("ZAE"), QString::fromLatin1(demo::kHumanZae));
    const QCommandLineOption out(QStringLiteral("out"), Cli::tr("Folder to write mesh.obj into."),
                                 QStringLiteral("DIR"));
    parser.addOptions({source, out});
    if (!parseCommand(parser, args, io,
                      Cli::tr("Derive the demo template head (resources/demo/template) from "
                              "the MakeHuman model of Debian's assimp-testmodels."))) {
        return Success;
    }
    if (!parser.isSet(out)) {
        throw UsageProblem{Cli::tr("--out DIR is required")};
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

int runMakeDemo(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), Cli::tr("Dataset folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption cases(QStringLiteral("cases"),
                                   Cli::tr("Number of cases (default 20)."), QStringLiteral("N"),
                                   QStringLiteral("20"));
    const QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("Random seed (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption templ(
        QStringLiteral("template"),
        //: %1 is a folder path
        Cli::tr("Template folder (mesh.obj, landmarks.txt); default: %1.")
            .arg(demo::defaultTemplateDir()),
        QStringLiteral("DIR"), demo::defaultTemplateDir());
    const QCommandLineOption noDefects(QStringLiteral("no-defects"),
                                       Cli::tr("No holes and no missing ear regions."));
    const QCommandLineOption subdivisions(
        QStringLiteral("subdivisions"),
        Cli::tr("Loop subdivision levels of the template head, 0-3 (default 2, about "
                "67,000 vertices; 1 is about 17,000, a coarser scanner)."),
        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   Cli::tr("Write into DIR even if it is not empty."));
    const QCommandLineOption layout(
        QStringLiteral("layout"),
        Cli::tr("lafas (default): LA-FAS case folders with the 50 landmarks; facescape: "
                "FaceScape's layout, 68 landmarks as vertex indices of shared-topology "
                "meshes (a stand-in for FaceScape, which cannot be shipped)."),
        QStringLiteral("LAYOUT"), QStringLiteral("lafas"));
    parser.addOptions({out, cases, seed, templ, noDefects, subdivisions, layout, force});
    if (!parseCommand(parser, args, io,
                      Cli::tr("Generate a demo dataset of LA-FAS cases from the template head. "
                              "GENERATED data: not scans of real people, not for clinical use. "
                              "The same seed gives the same bytes."))) {
        return Success;
    }
    if (!parser.isSet(out)) {
        throw UsageProblem{Cli::tr("--out DIR is required")};
    }
    bool ok1 = false;
    bool ok2 = false;
    demo::DemoOptions options;
    options.cases = parser.value(cases).toInt(&ok1);
    options.seed = parser.value(seed).toULongLong(&ok2);
    options.defects = !parser.isSet(noDefects);
    options.subdivisions = intValue(parser, subdivisions, 0, "--subdivisions");
    if (options.subdivisions > 3) {
        throw UsageProblem{Cli::tr("--subdivisions takes 0 to 3")};
    }
    if (!ok1 || options.cases < 1 || options.cases > 100000) {
        throw UsageProblem{Cli::tr("--cases takes a number from 1 to 100000")};
    }
    if (!ok2) {
        throw UsageProblem{Cli::tr("--seed takes a non-negative integer")};
    }
    const QString layoutName = parser.value(layout);
    if (layoutName != QLatin1String("lafas") && layoutName != QLatin1String("facescape")) {
        throw UsageProblem{Cli::tr("--layout takes lafas or facescape")};
    }
    const QString dir = parser.value(out);
    const QDir existing(dir);
    if (existing.exists() && !existing.isEmpty() && !parser.isSet(force) &&
        !existing.exists(QStringLiteral("manifest.json"))) {
        throw UsageProblem{
            //: %1 is the --out folder
            Cli::tr("'%1' exists and is not a generated dataset; add --force to write into it")
                .arg(dir)};
    }
    QElapsedTimer timer;
    timer.start();
    const demo::DemoGenerator generator =
        demo::DemoGenerator::fromResources(parser.value(templ), options);
    const bool tty = isatty(STDERR_FILENO) != 0;
    const auto progress = [&](int done, int total) {
        if (tty) {
            io.err << "\r  case " << done << "/" << total << Qt::flush;
        }
        return true;
    };
    if (layoutName == QLatin1String("facescape")) {
        demo::writeFaceScapeDataset(generator, dir, progress);
    } else {
        generator.writeDataset(dir, progress);
    }
    if (tty) {
        io.err << "\n";
    }
    io.out << "wrote " << options.cases << " generated cases"
           << (layoutName == QLatin1String("facescape") ? " in FaceScape layout" : "") << " to "
           << dir << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s (seed "
           << options.seed << "; generated data, not for clinical use)\n";
    return Success;
}

} // namespace pal::cli
