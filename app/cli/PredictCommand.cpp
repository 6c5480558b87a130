#include "app/cli/Cli.h"
#include "app/cli/CommandParser.h"
#include "core/dataset/Dataset.h"
#include "core/engine/PredictionJob.h"
#include "core/engine/Predictor.h"
#include "core/engine/Runtime.h"
#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace pal::cli {
using engine::Prediction;
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
    g_interrupted = true;
}

// Cases named on the command line: case folders, mesh files, or dataset folders (all cases).
std::vector<Case> expandInputs(const QStringList& inputs) {
    std::vector<Case> cases;
    for (const QString& in : inputs) {
        if (QFileInfo(in).isDir() && !Case::isCaseFolder(in) && Dataset::isDatasetFolder(in)) {
            const Dataset ds = Dataset::open(in);
            cases.insert(cases.end(), ds.cases().begin(), ds.cases().end());
        } else {
            cases.push_back(Case::open(in));
        }
    }
    return cases;
}

// Where a prediction goes: beside the case's files (never over landmarks.txt), or under -o.
QString outputPath(const Case& c, const QString& outDir) {
    if (!outDir.isEmpty()) {
        return QDir(outDir).filePath(c.id() + QStringLiteral("/landmarks.predicted.txt"));
    }
    const QString name = c.isFolder() ? QStringLiteral("landmarks.predicted.txt")
                                      : c.id() + QStringLiteral(".landmarks.predicted.txt");
    return QDir(c.files().folder).filePath(name);
}

} // namespace

int runPredict(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model bundle (.palnet)."), QStringLiteral("M"));
    const QCommandLineOption snap(
        QStringLiteral("snap"),
        QStringLiteral("Post-processing: closest, average or none (default: the model's)."),
        QStringLiteral("MODE"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("CPU threads for the network (default: all)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption out(
        {QStringLiteral("o"), QStringLiteral("out")},
        QStringLiteral("Write predictions under DIR/<case>/ instead of beside each case."),
        QStringLiteral("DIR"));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QStringLiteral("Cases per forward pass (default 8)."),
                                   QStringLiteral("N"), QStringLiteral("8"));
    parser.addOptions({model, snap, threads, out, batch});
    parser.addPositionalArgument(QStringLiteral("INPUT"),
                                 QStringLiteral("Case folders, mesh files or dataset folders."),
                                 QStringLiteral("INPUT..."));
    if (!parseCommand(
            parser, args, io,
            QStringLiteral(
                "Predict the 50 landmarks of cases with a PAL-Net model. Predictions are "
                "written as LA-FAS files named landmarks.predicted.txt, in the case's own "
                "frame; the case's landmarks.txt is never touched."))) {
        return Success;
    }
    if (parser.positionalArguments().isEmpty()) {
        throw UsageProblem{QStringLiteral("expected at least one INPUT")};
    }
    QString modelPath = parser.value(model);
    if (modelPath.isEmpty()) {
        const QString bundled = QStringLiteral(PALSTUDIO_SOURCE_DIR "/models/default.palnet");
        if (!QFileInfo::exists(bundled)) {
            throw UsageProblem{QStringLiteral(
                "no --model given and no default model ships yet (models/default.palnet)")};
        }
        modelPath = bundled;
    }
    engine::PredictorOptions options;
    if (parser.isSet(snap)) {
        options.snap = parseSnapMode(parser.value(snap));
        if (!options.snap) {
            throw UsageProblem{QStringLiteral("--snap must be closest, average or none")};
        }
    }
    bool ok = false;
    const int nThreads = parser.value(threads).toInt(&ok);
    if (!ok || nThreads < 0) {
        throw UsageProblem{QStringLiteral("--threads takes a number (0: all)")};
    }
    options.batchSize = parser.value(batch).toInt(&ok);
    if (!ok || options.batchSize < 1) {
        throw UsageProblem{QStringLiteral("--batch takes a positive number")};
    }
    engine::initializeRuntime(nThreads);

    const std::vector<Case> cases = expandInputs(parser.positionalArguments());
    auto predictor = std::make_shared<const engine::Predictor>(
        engine::Predictor::fromBundle(modelPath, options));
    io.err << "model " << predictor->modelId() << ", patch size " << predictor->manifest().patchSize
           << ", snap " << snapModeName(predictor->snapMode()) << ", " << predictor->deviceName()
           << "; " << cases.size() << " case(s)\n"
           << Qt::flush;

    const bool tty = isatty(STDERR_FILENO) != 0;
    engine::PredictionJob job(predictor, cases);
    QEventLoop loop;
    QObject::connect(
        &job, &engine::PredictionJob::progress, [&](int done, int total, const QString& id) {
            if (tty) {
                const int width = 30;
                const int filled = total ? done * width / total : width;
                io.err << "\r[" << QString(filled, QLatin1Char('#'))
                       << QString(width - filled, QLatin1Char('.')) << "] " << done << "/" << total
                       << " " << id << "   " << Qt::flush;
            } else {
                io.err << "predicted " << id << " (" << done << "/" << total << ")\n" << Qt::flush;
            }
        });
    QObject::connect(&job, &engine::PredictionJob::ended, &loop, &QEventLoop::quit);
    // Ctrl+C cancels between cases; what was predicted so far is still written.
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (g_interrupted && job.state() == engine::PredictionJob::State::Running) {
            job.cancel();
        }
    });
    poll.start(100);
    job.start();
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    if (tty) {
        io.err << "\n";
    }
    for (const Prediction& p : job.results()) {
        const auto it = std::find_if(cases.begin(), cases.end(), [&](const Case& c) {
            return c.files().folder == p.caseFolder && c.id() == p.caseId;
        });
        const QString path = outputPath(*it, parser.value(out));
        QDir().mkpath(QFileInfo(path).absolutePath());
        writeLandmarks(path, p.landmarks);
        io.out << path << "\n";
    }
    io.out.flush();
    switch (job.state()) {
    case engine::PredictionJob::State::Cancelled:
        io.err << "cancelled after " << job.results().size() << " of " << cases.size()
               << " case(s)\n";
        return CancelledByUser;
    case engine::PredictionJob::State::Failed:
        io.err << "error: " << job.error() << "\n";
        return BadInput;
    default:
        return Success;
    }
}

} // namespace pal::cli
