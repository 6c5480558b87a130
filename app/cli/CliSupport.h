#pragma once

// Small pieces the CLI's commands share: the --model and --threads options, Ctrl+C as a
// cancel flag, and progress on stderr (a bar on a terminal, one line per step otherwise).

#include "app/cli/Cli.h"
#include "core/landmarks/LandmarkSchema.h"
#include "core/workflow/Distributed.h"
#include "core/workflow/EngineTypes.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <atomic>

namespace pal::cli {

// --model M; without it, $PALSTUDIO_MODEL or the installed default model.
QCommandLineOption modelOption();
// The model to use; UsageProblem when none is given and no default model is installed.
QString modelPathOf(const QCommandLineParser& parser, const QCommandLineOption& model);
QCommandLineOption threadsOption();
// --device auto|cpu|cuda (default auto: a GPU when LibTorch has CUDA and sees one).
QCommandLineOption deviceOption();
Device deviceOf(const QCommandLineParser& parser, const QCommandLineOption& device);

// --world-size, --rank, --master-addr, --master-port, --dist-timeout: one of several processes
// sharing the work (docs/method.md, "Training on several processes"); the defaults come from
// torchrun's or SLURM's variables.
struct DistributedCli {
    DistributedCli();
    QList<QCommandLineOption> options() const;
    // The environment's values, then the options'; UsageProblem for a bad combination.
    DistributedOptions value(const QCommandLineParser& parser) const;
    QCommandLineOption worldSize, rank, masterAddr, masterPort, timeout;
};

// This process's share: whole batches of batchSize in turn (shareOfBatches).
template <typename T>
std::vector<T> shareOf(const std::vector<T>& all, const DistributedOptions& d, int batchSize) {
    std::vector<T> mine;
    for (const std::size_t i : shareOfBatches(all.size(), d.rank, d.worldSize, batchSize)) {
        mine.push_back(all[i]);
    }
    return mine;
}

// --schema ID|FILE: the landmarks a landmark file holds (default LA-FAS-50).
QCommandLineOption schemaOption();
// A built-in schema's id or a landmark-schema.json; UsageProblem for anything else.
SchemaPtr schemaOf(const QCommandLineParser& parser, const QCommandLineOption& schema);

// The option's value as an integer of at least min; UsageProblem otherwise.
int intValue(const QCommandLineParser& p, const QCommandLineOption& o, int min, const char* what);

// While it lives, Ctrl+C (SIGINT) sets flag() instead of killing the process.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    const std::atomic<bool>& flag() const;
};

class ProgressPrinter {
public:
    ProgressPrinter(QTextStream& err, bool terminal) : m_err(err), m_terminal(terminal) {}
    void show(int done, int total, const QString& what) const;
    void finish() const; // ends the bar's line on a terminal

private:
    QTextStream& m_err;
    bool m_terminal;
};

} // namespace pal::cli
