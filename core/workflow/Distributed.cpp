#include "core/workflow/Distributed.h"

#include <algorithm>

#include "core/errors/Error.h"

namespace pal {
namespace {

// The variable's integer value, or fallback when it is not set.
int number(const QProcessEnvironment& env, const QString& name, int fallback, int min, int max) {
    if (!env.contains(name)) {
        return fallback;
    }
    bool ok = false;
    const int value = env.value(name).trimmed().toInt(&ok);
    if (!ok || value < min || value > max) {
        throw ValidationError(QStringLiteral("$") + name,
                              QStringLiteral("'%1' is not a number from %2 to %3")
                                  .arg(env.value(name))
                                  .arg(min)
                                  .arg(max));
    }
    return value;
}

} // namespace

DistributedOptions distributedFromEnvironment(const QProcessEnvironment& env) {
    DistributedOptions o;
    const bool torchrun = env.contains(QStringLiteral("WORLD_SIZE"));
    // SLURM: the step's tasks (srun), not the job's: a program run by the batch script
    // itself, outside srun, is one process even in a job of many tasks.
    const QString size =
        torchrun ? QStringLiteral("WORLD_SIZE") : QStringLiteral("SLURM_STEP_NUM_TASKS");
    const QString rank = torchrun ? QStringLiteral("RANK") : QStringLiteral("SLURM_PROCID");
    const QString local = torchrun ? QStringLiteral("LOCAL_RANK") : QStringLiteral("SLURM_LOCALID");
    o.worldSize = number(env, size, 1, 1, 65536);
    o.rank = number(env, rank, 0, 0, o.worldSize - 1);
    o.localRank = number(env, local, 0, 0, 65535);
    if (env.contains(QStringLiteral("MASTER_ADDR"))) {
        o.masterAddress = env.value(QStringLiteral("MASTER_ADDR")).trimmed();
    }
    o.masterPort = number(env, QStringLiteral("MASTER_PORT"), o.masterPort, 1, 65535);
    o.launcherStore =
        env.value(QStringLiteral("TORCHELASTIC_USE_AGENT_STORE")) == QLatin1String("True");
    o.restartCount = number(env, QStringLiteral("TORCHELASTIC_RESTART_COUNT"), 0, 0, 1000000);
    return o;
}

int processOfItem(std::size_t index, int worldSize, int batchSize) {
    return static_cast<int>((index / static_cast<std::size_t>(std::max(1, batchSize))) %
                            static_cast<std::size_t>(std::max(1, worldSize)));
}

std::vector<std::size_t> shareOfBatches(std::size_t count, int rank, int worldSize, int batchSize) {
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < count; ++i) {
        if (processOfItem(i, worldSize, batchSize) == rank) {
            mine.push_back(i);
        }
    }
    return mine;
}

} // namespace pal
