#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/workflow/CaseFiles.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/PredictCases.h"

#include <unistd.h>

namespace pal::cli {

int runPredict(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption model = modelOption();
    const QCommandLineOption snap(
        QStringLiteral("snap"),
        Cli::tr("Post-processing: closest (the nearest of 100,000 even surface samples, as the "
                "reference does), average (of the 12 nearest samples), surface (the exact "
                "closest point of the mesh, without sampling: faster) or none (default: the "
                "model's)."),
        QStringLiteral("MODE"));
    const QCommandLineOption threads = threadsOption();
    const QCommandLineOption device = deviceOption();
    const QCommandLineOption out(
        {QStringLiteral("o"), QStringLiteral("out")},
        Cli::tr("Write predictions under DIR/<case>/ instead of beside each case."),
        QStringLiteral("DIR"));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   Cli::tr("Cases per forward pass (default 8)."),
                                   QStringLiteral("N"), QStringLiteral("8"));
    parser.addOptions({model, snap, threads, device, out, batch});
    const DistributedCli distributed; // several processes, each a share of the cases
    parser.addOptions(distributed.options());
    parser.addPositionalArgument(QStringLiteral("INPUT"),
                                 Cli::tr("Case folders, mesh files or dataset folders."),
                                 QStringLiteral("INPUT..."));
    if (!parseCommand(
            parser, args, io,
            Cli::tr(
                "Predict the landmarks of cases with a PAL-Net model (its schema's: the 50 of "
                "LA-FAS, FaceScape's 68, or a lab's own). Predictions are written beside each "
                "case as landmarks.predicted.txt, an LA-FAS file (landmarks.predicted.csv, a "
                "CSV file, for a schema other than LA-FAS-50), in the case's own frame; the case's "
                "landmarks are "
                "never touched. A case of another schema than the model's is refused. A case "
                "that cannot be "
                "predicted is listed with its reason, the others are still written, and the "
                "exit code is 2."))) {
        return Success;
    }
    if (parser.positionalArguments().isEmpty()) {
        throw UsageProblem{Cli::tr("expected at least one INPUT")};
    }
    PredictorOptions options;
    options.device = deviceOf(parser, device);
    if (parser.isSet(snap)) {
        options.snap = parseSnapMode(parser.value(snap));
        if (!options.snap) {
            throw UsageProblem{Cli::tr("--snap must be closest, average, surface or none")};
        }
    }
    options.batchSize = intValue(parser, batch, 1, "--batch");
    const QString modelPath = modelPathOf(parser, model);
    setEngineThreads(intValue(parser, threads, 0, "--threads"));

    const DistributedOptions dist = distributed.value(parser);
    std::unique_ptr<Collective> group;
    if (dist.worldSize > 1) {
        group = loadEngine().joinGroup(dist);
    }
    const std::vector<Case> all = casesOf(parser.positionalArguments());
    const std::vector<Case> cases = shareOf(all, dist, options.batchSize);
    const std::unique_ptr<ModelPredictor> predictor = loadEngine().loadModel(modelPath, options);
    if (group) {
        io.err << "process " << dist.rank << " of " << dist.worldSize << ": " << cases.size()
               << " of the " << all.size() << " case(s)\n";
    }
    io.err << "model " << predictor->modelId() << ", patch size " << predictor->manifest().patchSize
           << ", snap " << snapModeName(predictor->snapMode()) << ", " << predictor->deviceName()
           << "; " << cases.size() << " case(s)\n"
           << Qt::flush;

    // Ctrl+C cancels between cases; what was predicted so far is still written.
    const InterruptGuard interrupt;
    const ProgressPrinter printer(io.err, isatty(STDERR_FILENO) != 0);
    const PredictionRun run = predictAndWrite(
        *predictor, cases, parser.value(out),
        [&](int done, int total, const QString& id, bool ok) {
            printer.show(
                done, total,
                (ok ? QStringLiteral("predicted %1") : QStringLiteral("failed %1")).arg(id));
        },
        &interrupt.flag());
    printer.finish();
    for (const QString& path : run.written) {
        io.out << path << "\n";
    }
    io.out.flush();
    if (!run.failures.empty()) {
        io.err << "error: " << describeFailures(run.failures, run.total) << "\n";
    }
    if (group) {
        // Every process ends with the same exit code: what all of them did together.
        std::vector<double> counts{double(run.written.size()), double(run.failures.size()),
                                   run.cancelled ? 1.0 : 0.0};
        group->finalSum(counts);
        if (dist.rank == 0) {
            io.err << counts[0] << " of " << all.size() << " case(s) written by " << dist.worldSize
                   << " processes";
            if (counts[1] > 0) {
                io.err << "; " << counts[1]
                       << " could not be predicted (each process lists its own)";
            }
            io.err << "\n";
        }
        return counts[2] > 0 ? CancelledByUser : counts[1] > 0 ? BadInput : Success;
    }
    if (run.cancelled) {
        io.err << "cancelled after " << run.predictions.size() + run.failures.size() << " of "
               << cases.size() << " case(s)\n";
        return CancelledByUser;
    }
    return run.failures.empty() ? Success : BadInput;
}

} // namespace pal::cli
