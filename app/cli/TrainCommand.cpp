#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/ModelCard.h"
#include "core/workflow/ModelComparison.h"

#include <QFileInfo>

#include <cmath>

#include <unistd.h>

namespace pal::cli {
namespace {

void printEpoch(QTextStream& err, const EpochReport& e) {
    err << QStringLiteral("epoch %1/%2  train %3  val %4  lr %5  %6 s%7%8\n")
               .arg(e.epoch, 3)
               .arg(e.epochs)
               .arg(e.trainLoss, 8, 'f', 3)
               .arg(e.validationLoss, 8, 'f', 3)
               .arg(e.learningRate, 0, 'e', 1)
               .arg(e.seconds, 0, 'f', 1)
               .arg(e.best ? QStringLiteral("  best") : QString(),
                    e.fromCheckpoint ? QStringLiteral("  (from the checkpoint)") : QString())
        << Qt::flush;
}

// The new model against the one it would replace, on the run's validation cases (which it did
// not train on), with the landmarks it was trained on; printed whichever is better.
ModelComparison printComparison(const EngineApi& engine, const TrainOptions& o,
                                const TrainResult& r, const QString& reference,
                                const std::atomic<bool>& cancel, Streams io) {
    const std::vector<EvaluationTarget> targets =
        comparisonTargets(Dataset::open(o.dataDir), r.validationCases, o.source);
    const ModelManifest manifest = readModelManifest(r.bundlePath);
    const SnapMode mode = parseSnapMode(manifest.postProcessing).value_or(SnapMode::Closest);
    const ProgressPrinter printer(io.err, isatty(STDERR_FILENO) != 0);
    const ModelComparison c = compareModels(
        engine, reference, r.bundlePath, targets, mode, {},
        [&](const QString& stage, int done, int total) { printer.show(done, total, stage); },
        &cancel);
    printer.finish();
    io.out << describeComparison(c, QStringLiteral("validation case(s), not trained on")) << "\n"
           << describeLandmarks(c);
    writeModelCard(r.bundlePath, &c);
    return c;
}

// One run, or one per fold (M.fold1.palnet, ...); stops at a cancel (Ctrl+C).
int trainAll(const TrainOptions& o, int nFolds, const QString& compareWith, Streams io) {
    const EngineApi& engine = loadEngine();

    const InterruptGuard interrupt;
    bool cancelled = false;
    const int runs = nFolds > 1 ? nFolds : 1;
    std::vector<ModelComparison> comparisons; // one per fold that wrote a model
    for (int f = 0; f < runs && !cancelled; ++f) {
        TrainOptions run = o;
        if (nFolds > 1) {
            run.folds = nFolds;
            run.fold = f;
            run.out = QFileInfo(o.out).path() + QLatin1Char('/') +
                      QFileInfo(o.out).completeBaseName() +
                      QStringLiteral(".fold%1.palnet").arg(f + 1);
            io.err << "fold " << f + 1 << "/" << nFolds << "\n";
        }
        bool firstEpoch = true;
        const DistributedOptions& dist = run.distributed;
        if (dist.worldSize > 1) {
            io.err << "training process " << dist.rank << " of " << dist.worldSize << ", rank 0 at "
                   << dist.masterAddress << ":" << dist.masterPort << "\n"
                   << Qt::flush;
        }
        const TrainResult r = engine.train(
            run,
            [&](const EpochReport& e) {
                if (dist.rank != 0) {
                    return; // rank 0 reports the epochs (the same losses)
                }
                if (firstEpoch && !run.resume.isEmpty()) {
                    io.err << "resuming " << run.resume << "\n";
                }
                firstEpoch = false;
                printEpoch(io.err, e);
            },
            &interrupt.flag());
        if (dist.rank != 0) {
            io.err << "training process " << dist.rank << " done; rank 0 writes the model\n";
            return r.cancelled ? CancelledByUser : Success;
        }
        if (!r.outliers.isEmpty()) {
            io.err << "left out as registration outliers: " << r.outliers.join(QStringLiteral(", "))
                   << "\n";
        }
        cancelled = r.cancelled;
        if (!r.cancelled && r.parentValidationLoss && !r.improvedOnParent()) {
            io.out << "no epoch beat the parent's validation loss ("
                   << QString::number(*r.parentValidationLoss, 'f', 3) << " at epoch 0): "
                   << "no model written, " << QFileInfo(run.init).fileName()
                   << " stays the better model\n";
        }
        if (r.bestEpoch > 0 && !r.cancelled) {
            io.out << r.bundlePath << "  (best epoch " << r.bestEpoch << ", validation loss "
                   << QString::number(r.bestValidationLoss, 'f', 3) << ", " << r.trainCases.size()
                   << " training / " << r.validationCases.size() << " validation cases)\n";
        }
        if (cancelled) {
            io.err << "cancelled; continue with --resume " << r.checkpointPath << "\n";
        } else if (!r.cleanupProblem.isEmpty()) {
            io.err << "warning: the run's checkpoint files were not all removed: "
                   << r.cleanupProblem << "\n";
        } else if (r.removedBytes > 0) {
            io.err << "removed the run's checkpoint files ("
                   << QString::number(double(r.removedBytes) / 1e6, 'f', 0) << " MB)\n";
        }
        const QString reference = compareWith.isEmpty() ? run.init : compareWith;
        if (r.bestEpoch > 0 && pathExists(r.bundlePath)) { // a cancelled run writes one too
            // The card first without the comparison: a comparison that fails or is stopped
            // never leaves an older card beside the new bundle.
            writeModelCard(r.bundlePath, nullptr);
            if (!cancelled && !reference.isEmpty()) {
                comparisons.push_back(
                    printComparison(engine, run, r, reference, interrupt.flag(), io));
            }
            io.err << "model card: " << modelCardPath(r.bundlePath) << "\n";
        }
    }
    if (!cancelled && runs > 1 && !comparisons.empty()) {
        io.out << describePooled(poolComparisons(comparisons));
        if (int(comparisons.size()) < runs) {
            io.out << " " << runs - int(comparisons.size())
                   << " fold(s) wrote no model (no epoch beat the parent) and are not counted.";
        }
        io.out << "\n";
    }
    return cancelled ? CancelledByUser : Success;
}

// The values the parser cannot check alone.
void checkTrainOptions(const TrainOptions& o) {
    if (o.weightsDtype != QLatin1String("float32") && o.weightsDtype != QLatin1String("float16")) {
        throw UsageProblem{Cli::tr("--weights must be float32 or float16")};
    }
    if (o.freezeBlocks > 3) {
        throw UsageProblem{Cli::tr("--freeze takes 0 to 3: PAL-Net has 3 blocks")};
    }
    if (o.freezeBlocks > 0 && o.init.isEmpty()) {
        throw UsageProblem{Cli::tr("--freeze keeps a parent's weights: it needs --init")};
    }
    if (!o.init.isEmpty() && absolutePath(o.init) == absolutePath(o.out)) {
        throw UsageProblem{
            Cli::tr("--out must differ from --init: the original bundle is kept untouched")};
    }
}

} // namespace

int runTrain(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption data(
        QStringLiteral("data"), Cli::tr("Dataset folder of LA-FAS cases."), QStringLiteral("DIR"));
    const QCommandLineOption out(QStringLiteral("out"), Cli::tr("Model bundle to write (.palnet)."),
                                 QStringLiteral("M"));
    const QCommandLineOption patch(QStringLiteral("patch-size"),
                                   Cli::tr("K, a multiple of 100 (default 1000)."),
                                   QStringLiteral("K"), QStringLiteral("1000"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), Cli::tr("Most epochs (default 200)."),
                                    QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption folds(QStringLiteral("folds"),
                                   Cli::tr("k-fold cross-validation: train F models, "
                                           "M.fold1.palnet ... (default: one 80/20 split)."),
                                   QStringLiteral("F"), QStringLiteral("0"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        Cli::tr("Seed of the split, initialisation and dropout (default 1)."), QStringLiteral("S"),
        QStringLiteral("1"));
    const QCommandLineOption init(QStringLiteral("init"),
                                  Cli::tr("Fine-tune from this bundle (kept untouched)."),
                                  QStringLiteral("M0"));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    Cli::tr("Continue from a checkpoint (M.ckpt.json)."),
                                    QStringLiteral("CKPT"));
    const QCommandLineOption batch(QStringLiteral("batch"), Cli::tr("Batch size (default 16)."),
                                   QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption trainOn(
        QStringLiteral("train-on"),
        Cli::tr("What each case is trained on: ground-truth (its landmarks.txt, the "
                "default), reviewed (the clinician's landmarks, cases whose review "
                "corrected or confirmed every landmark) or both (the review where it is "
                "complete, the ground truth elsewhere)."),
        QStringLiteral("WHAT"), QStringLiteral("ground-truth"));
    const QCommandLineOption reviewed(QStringLiteral("reviewed-only"),
                                      Cli::tr("The same as --train-on reviewed."));
    const QCommandLineOption lr(
        QStringLiteral("lr"),
        Cli::tr("Starting learning rate (default 1e-3 from scratch, 1e-5 with --init)."),
        QStringLiteral("RATE"));
    const QCommandLineOption freeze(
        QStringLiteral("freeze"),
        Cli::tr("With --init: the first N convolution blocks (0-3) and their attention "
                "keep the parent's weights (default 0)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption exclude(QStringLiteral("exclude"),
                                     Cli::tr("Case ids to leave out, comma-separated."),
                                     QStringLiteral("IDS"));
    const QCommandLineOption dtype(QStringLiteral("weights"),
                                   Cli::tr("Weight precision in the bundle: float32 or float16."),
                                   QStringLiteral("DTYPE"), QStringLiteral("float32"));
    const QCommandLineOption compare(
        QStringLiteral("compare-with"),
        Cli::tr("After the run, compare the new model with this one on the validation "
                "cases (default: the --init model; none when training from scratch)."),
        QStringLiteral("M1"));
    const QCommandLineOption keep(
        QStringLiteral("keep-checkpoint"),
        Cli::tr("Keep the checkpoint files (M.ckpt.json, M.ckpt.eN.pt, M.best.pt) "
                "when the run ends, to continue it later with more --epochs (default: "
                "removed; a cancelled run always keeps them)."));
    const QCommandLineOption variant(
        QStringLiteral("variant"),
        Cli::tr("The network trained from scratch: attention (PAL-Net, the default), or "
                "an ablation: no-attention, top-k-attention, two-blocks, no-dropout. A "
                "fine-tune keeps its parent's."),
        QStringLiteral("NAME"), QStringLiteral("attention"));
    const QCommandLineOption threads = threadsOption();
    const QCommandLineOption device = deviceOption();
    const DistributedCli distributed; // several processes, one model
    parser.addOptions({data,   out,     patch,   epochs,   folds,   seed,   init,
                       resume, batch,   trainOn, reviewed, lr,      freeze, exclude,
                       dtype,  compare, keep,    variant,  threads, device});
    parser.addOptions(distributed.options());
    if (!parseCommand(
            parser, args, io,
            Cli::tr(
                "Train PAL-Net, or fine-tune a model with --init, as the reference does: seeded "
                "80/20 split, 0.6/0.4 loss, Adam, reduce-on-plateau, early stopping; a checkpoint "
                "after every epoch. Ctrl+C stops at the next batch. A fine-tune starts from the "
                "parent's validation loss (epoch 0), keeps only an epoch that beats it, and is "
                "then compared with the parent on the validation cases."))) {
        return Success;
    }
    if (!parser.isSet(data) || !parser.isSet(out)) {
        throw UsageProblem{Cli::tr("--data DIR and --out M are required")};
    }
    TrainOptions o;
    o.dataDir = parser.value(data);
    o.out = parser.value(out);
    o.patchSize = intValue(parser, patch, 100, "--patch-size");
    o.epochs = intValue(parser, epochs, 1, "--epochs");
    o.batchSize = intValue(parser, batch, 1, "--batch");
    const int nFolds = intValue(parser, folds, 0, "--folds");
    bool ok = false;
    o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        throw UsageProblem{Cli::tr("--seed takes a non-negative integer")};
    }
    o.init = parser.value(init);
    o.resume = parser.value(resume);
    const std::optional<TrainingSource> source = trainingSourceFromName(parser.value(trainOn));
    if (!source) {
        throw UsageProblem{Cli::tr("--train-on must be ground-truth, reviewed or both")};
    }
    if (parser.isSet(reviewed) && parser.isSet(trainOn) && *source != TrainingSource::Reviewed) {
        throw UsageProblem{
            //: %1 is the value given to --train-on
            Cli::tr("--reviewed-only contradicts --train-on %1").arg(parser.value(trainOn))};
    }
    o.source = parser.isSet(reviewed) ? TrainingSource::Reviewed : *source;
    if (parser.isSet(lr)) {
        o.learningRate = parser.value(lr).toDouble(&ok);
        if (!ok || !(o.learningRate > 0) || !std::isfinite(o.learningRate)) {
            throw UsageProblem{Cli::tr("--lr takes a positive number, e.g. 1e-4")};
        }
    }
    o.freezeBlocks = intValue(parser, freeze, 0, "--freeze");
    o.excludeCases = parser.value(exclude).split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.weightsDtype = parser.value(dtype);
    o.keepCheckpoint = parser.isSet(keep);
    const std::optional<NetworkVariant> network = variantFromName(parser.value(variant));
    if (!network) {
        throw UsageProblem{
            //: %1 lists the variant names, e.g. attention, no-attention
            Cli::tr("--variant must be one of %1").arg(variantNames().join(QStringLiteral(", ")))};
    }
    if (parser.isSet(variant) && !o.init.isEmpty()) {
        throw UsageProblem{Cli::tr("--variant chooses the network trained from scratch: "
                                   "a fine-tune (--init) keeps its parent's")};
    }
    o.variant = *network;
    o.device = deviceOf(parser, device);
    o.distributed = distributed.value(parser);
    const DistributedOptions& dist = o.distributed;
    if (dist.worldSize > 1 && nFolds > 1) {
        throw UsageProblem{Cli::tr("--folds runs one training after another: run it with one "
                                   "process")};
    }
    checkTrainOptions(o);
    setEngineThreads(intValue(parser, threads, 0, "--threads"));
    return trainAll(o, nFolds, parser.value(compare), io);
}

} // namespace pal::cli
