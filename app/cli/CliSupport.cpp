#include "app/cli/CliSupport.h"
#include "core/io/NativePath.h"
#include "core/landmarks/SchemaFile.h"
#include "core/workflow/Distributed.h"

#include "core/io/InstallPaths.h"

#include <QFileInfo>

#include <csignal>

namespace pal::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
    g_interrupted = true;
}

} // namespace

QCommandLineOption modelOption() {
    return QCommandLineOption(QStringLiteral("model"),
                              Cli::tr("Model bundle (.palnet); default: $PALSTUDIO_MODEL "
                                      "or the installed default model."),
                              QStringLiteral("M"));
}

QString modelPathOf(const QCommandLineParser& parser, const QCommandLineOption& model) {
    if (parser.isSet(model)) {
        return parser.value(model);
    }
    const QString path = defaultModelPath();
    if (!pathExists(path)) {
        //: %1 is the path where the default model would be
        throw UsageProblem{Cli::tr("no --model given and no default model at %1").arg(path)};
    }
    return path;
}

QCommandLineOption threadsOption() {
    return QCommandLineOption(QStringLiteral("threads"),
                              Cli::tr("CPU threads for the network (default: all)."),
                              QStringLiteral("N"), QStringLiteral("0"));
}

QCommandLineOption deviceOption() {
    return QCommandLineOption(
        QStringLiteral("device"),
        Cli::tr("Where the network runs: auto (a GPU when there is one, the default), cpu or "
                "cuda (fails when this LibTorch has no CUDA or sees no GPU)."),
        QStringLiteral("auto|cpu|cuda"), QStringLiteral("auto"));
}

Device deviceOf(const QCommandLineParser& parser, const QCommandLineOption& device) {
    const QString v = parser.value(device).toLower();
    if (v == QLatin1String("auto")) {
        return Device::Auto;
    }
    if (v == QLatin1String("cpu")) {
        return Device::Cpu;
    }
    if (v == QLatin1String("cuda")) {
        return Device::Cuda;
    }
    throw UsageProblem{Cli::tr("--device must be auto, cpu or cuda")};
}

DistributedCli::DistributedCli()
    : worldSize(
          QStringLiteral("world-size"),
          Cli::tr("Processes sharing the work, in all (default: $WORLD_SIZE, "
                  "srun's $SLURM_STEP_NUM_TASKS or 1). Each takes its share; training sums their "
                  "gradients."),
          QStringLiteral("N")),
      rank(QStringLiteral("rank"),
           Cli::tr("This process's number, 0 to N-1 (default: $RANK or $SLURM_PROCID). Rank 0 "
                   "writes the checkpoints and the model, and the evaluation's report."),
           QStringLiteral("R")),
      masterAddr(QStringLiteral("master-addr"),
                 Cli::tr("Where rank 0 listens (default: $MASTER_ADDR or 127.0.0.1)."),
                 QStringLiteral("HOST")),
      masterPort(QStringLiteral("master-port"),
                 Cli::tr("Rank 0's port (default: $MASTER_PORT or 29500)."),
                 QStringLiteral("PORT")),
      timeout(QStringLiteral("dist-timeout"),
              Cli::tr("Seconds to wait for the other processes, at the start and at every step "
                      "(default 300)."),
              QStringLiteral("S")) {}

QList<QCommandLineOption> DistributedCli::options() const {
    return {worldSize, rank, masterAddr, masterPort, timeout};
}

DistributedOptions DistributedCli::value(const QCommandLineParser& parser) const {
    DistributedOptions d = distributedFromEnvironment();
    if (parser.isSet(worldSize)) {
        d.worldSize = intValue(parser, worldSize, 1, "--world-size");
    }
    if (parser.isSet(rank)) {
        d.rank = intValue(parser, rank, 0, "--rank");
    }
    if (parser.isSet(masterAddr)) {
        d.masterAddress = parser.value(masterAddr);
    }
    if (parser.isSet(masterPort)) {
        d.masterPort = intValue(parser, masterPort, 1, "--master-port");
        if (d.masterPort > 65535) {
            throw UsageProblem{Cli::tr("--master-port takes a port number, 1 to 65535")};
        }
    }
    if (parser.isSet(timeout)) {
        d.timeoutSeconds = intValue(parser, timeout, 1, "--dist-timeout");
    }
    if (d.rank >= d.worldSize) {
        throw UsageProblem{Cli::tr("--rank must be less than --world-size")};
    }
    return d;
}

QCommandLineOption schemaOption() {
    return QCommandLineOption(
        QStringLiteral("schema"),
        Cli::tr("The landmarks the files hold: LA-FAS-50 (default), FaceScape-68, or a "
                "landmark-schema.json of your own."),
        QStringLiteral("ID|FILE"), LandmarkSchema::lafas50()->id());
}

SchemaPtr schemaOf(const QCommandLineParser& parser, const QCommandLineOption& schema) {
    const QString value = parser.value(schema);
    if (SchemaPtr builtIn = LandmarkSchema::builtIn(value)) {
        return builtIn;
    }
    if (!pathExists(value)) {
        //: %1 lists the built-in schema ids, e.g. LA-FAS-50, FaceScape-68
        throw UsageProblem{Cli::tr("--schema takes %1 or a landmark-schema.json file")
                               .arg(LandmarkSchema::builtInIds().join(QStringLiteral(", ")))};
    }
    return readLandmarkSchema(value);
}

int intValue(const QCommandLineParser& p, const QCommandLineOption& o, int min, const char* what) {
    bool ok = false;
    const int v = p.value(o).toInt(&ok);
    if (!ok || v < min) {
        throw UsageProblem{
            //: %1 is an option name such as --epochs, %2 the smallest number it takes
            Cli::tr("%1 takes a number of at least %2").arg(QLatin1String(what)).arg(min)};
    }
    return v;
}

InterruptGuard::InterruptGuard() {
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
}

InterruptGuard::~InterruptGuard() {
    std::signal(SIGINT, SIG_DFL);
}

const std::atomic<bool>& InterruptGuard::flag() const {
    return g_interrupted;
}

void ProgressPrinter::show(int done, int total, const QString& what) const {
    if (m_terminal) {
        const int width = 30;
        const int filled = total ? done * width / total : width;
        m_err << "\r[" << QString(filled, QLatin1Char('#'))
              << QString(width - filled, QLatin1Char('.')) << "] " << done << "/" << total << " "
              << what << "   " << Qt::flush;
    } else {
        m_err << what << " (" << done << "/" << total << ")\n" << Qt::flush;
    }
}

void ProgressPrinter::finish() const {
    if (m_terminal) {
        m_err << "\n" << Qt::flush;
    }
}

} // namespace pal::cli
