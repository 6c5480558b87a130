#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/demo/Resources.h"
#include "core/errors/Error.h"
#include "core/eval/EvaluationCsv.h"
#include "core/eval/Report.h"
#include "core/io/NativePath.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/ModelEvaluation.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

namespace pal::cli {
namespace {

ReportInput reportOf(const QString& modelPath, const QString& dataDir, const ModelEvaluation& ev) {
    ReportInput input;
    input.title = QStringLiteral("PAL-Net evaluation: %1 on %2")
                      .arg(QFileInfo(modelPath).fileName(), QFileInfo(dataDir).fileName());
    const bool generated = !demo::generatedDataNotice(dataDir).isEmpty() ||
                           ev.manifest.provenance.value(QStringLiteral("generatedData")).toBool();
    if (generated) {
        input.notice = QStringLiteral(
            "Generated data, not for clinical use: the faces are synthetic and the model "
            "was trained on generated data.");
    }
    input.provenance << QStringLiteral("Model: %1").arg(absolutePath(modelPath))
                     << QStringLiteral("Patch size: %1").arg(ev.manifest.patchSize)
                     << QStringLiteral("Weights sha256: %1").arg(ev.manifest.weightsSha256)
                     << QStringLiteral("Data: %1 (%2 cases with ground truth)")
                            .arg(absolutePath(dataDir))
                            .arg(ev.evaluatedCases);
    input.variants = ev.variants;
    input.variants.push_back(ev.baseline);
    return input;
}

} // namespace

int runEvaluate(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption model = modelOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  Cli::tr("Dataset folder with ground-truth landmarks."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption report(QStringLiteral("report"),
                                    Cli::tr("Folder for the CSV files and report.html."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption threads = threadsOption();
    const QCommandLineOption device = deviceOption();
    parser.addOptions({model, data, report, threads, device});
    const DistributedCli distributed; // several processes, each a share of the cases
    parser.addOptions(distributed.options());
    if (!parseCommand(
            parser, args, io,
            Cli::tr("Evaluate a model as the paper reports it: point-wise and distance-wise errors "
                    "for 'closest' and 'average' post-processing, and for 'surface' (the exact "
                    "closest point of the mesh), against the mean template as a baseline; CSV "
                    "files and a self-contained HTML report. Cases that cannot be predicted are "
                    "listed and left out, and the exit code is 2."))) {
        return Success;
    }
    if (!parser.isSet(data) || !parser.isSet(report)) {
        throw UsageProblem{Cli::tr("--data DIR and --report DIR are required")};
    }
    const QString modelPath = modelPathOf(parser, model);
    setEngineThreads(intValue(parser, threads, 0, "--threads"));
    const std::vector<EvaluationTarget> targets =
        evaluationTargets(Dataset::open(parser.value(data)));
    if (targets.empty()) {
        throw ValidationError(
            parser.value(data),
            QStringLiteral("no case has ground-truth landmarks to evaluate against"));
    }
    const InterruptGuard interrupt;
    const ProgressPrinter printer(io.err, isatty(STDERR_FILENO) != 0);
    PredictorOptions options;
    options.device = deviceOf(parser, device);
    const DistributedOptions dist = distributed.value(parser);
    std::unique_ptr<Collective> group;
    if (dist.worldSize > 1) {
        group = loadEngine().joinGroup(dist);
    }
    const ModelEvaluation ev = evaluateModel(
        loadEngine(), modelPath, targets, {SnapMode::Closest, SnapMode::Average, SnapMode::Surface},
        options,
        [&](const QString& stage, int done, int total) { printer.show(done, total, stage); },
        &interrupt.flag(), group.get());
    printer.finish();
    if (dist.rank != 0) { // rank 0 has every prediction too, and writes the report
        for (const CaseFailure& f : ev.failures) {
            io.err << "error: " << f.caseId << ": " << f.message << "\n";
        }
        io.err << "process " << dist.rank << " of " << dist.worldSize
               << " done; rank 0 writes the report\n";
        return ev.failures.empty() ? Success : BadInput;
    }

    const QString dir = parser.value(report);
    makeFolders(dir);
    const ReportInput input = reportOf(modelPath, parser.value(data), ev);
    writeEvaluationCsv(dir, input.variants);
    writeEvaluationReport(QDir(dir).filePath(QStringLiteral("report.html")), input);
    for (const EvaluationResult& r : input.variants) {
        io.out << QStringLiteral("%1: point-wise %2 mm, distance-wise %3 mm\n")
                      .arg(r.variant, -20)
                      .arg(r.pointwise, 0, 'f', 3)
                      .arg(r.distancewise, 0, 'f', 3);
    }
    io.out << "report: " << QDir(dir).filePath(QStringLiteral("report.html")) << "\n";
    if (!ev.failures.empty()) {
        io.err << "error: " << describeFailures(ev.failures, static_cast<int>(targets.size()))
               << "\n";
        return BadInput;
    }
    return Success;
}

} // namespace pal::cli
