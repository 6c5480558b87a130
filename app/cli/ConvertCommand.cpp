#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/landmarks/LandmarkIO.h"

#include <QFileInfo>

namespace pal::cli {

int runConvert(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption force(QStringLiteral("force"),
                                   Cli::tr("Replace OUT when it exists (never IN itself)."));
    const QCommandLineOption schema = schemaOption();
    parser.addOptions({force, schema});
    parser.addPositionalArgument(QStringLiteral("IN"),
                                 Cli::tr("Landmark file to read (.txt LA-FAS, .csv, "
                                         ".mrk.json or .fcsv 3D Slicer, .pp MeshLab, .tps)."));
    parser.addPositionalArgument(
        QStringLiteral("OUT"),
        Cli::tr("Landmark file to write (.txt LA-FAS, .csv, .mrk.json, .fcsv, .pp or .tps)."));
    if (!parseCommand(parser, args, io,
                      Cli::tr("Convert a landmark file; formats are chosen by extension."))) {
        return Success;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2) {
        throw UsageProblem{Cli::tr("expected IN and OUT")};
    }
    const QString in = pos[0];
    const QString out = pos[1];
    if (absolutePath(in) == absolutePath(out)) {
        throw UsageProblem{Cli::tr("OUT is the same file as IN; originals are never overwritten")};
    }
    if (pathExists(out) && !parser.isSet(force)) {
        //: %1 is the OUT file
        throw UsageProblem{Cli::tr("'%1' exists; add --force to replace it").arg(out)};
    }
    const SchemaPtr landmarks = schemaOf(parser, schema);
    const LandmarkFile file = readLandmarks(in, landmarks);
    if (!file.unmatchedLabels.isEmpty()) {
        io.err << "warning: " << in << ": " << file.unmatchedLabels.size()
               << " label(s) name no landmark and were left out: "
               << file.unmatchedLabels.join(QStringLiteral(", ")) << "\n";
    }
    // The LA-FAS layout is kept only when writing LA-FAS again (same rows, same text).
    writeLandmarks(out, file.landmarks, file.lafasLayout);
    io.out << "wrote " << out << " (" << file.landmarks.presentCount() << " of "
           << file.landmarks.size() << " landmarks)\n";
    return Success;
}

} // namespace pal::cli
