#include "core/engine/ProcessGroup.h"

#include "core/errors/Error.h"

#ifdef PALSTUDIO_WITH_GLOO // PALSTUDIO_DISTRIBUTED (core/engine/CMakeLists.txt)
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#include <torch/torch.h>

#include <chrono>

namespace pal::engine {
#ifdef PALSTUDIO_WITH_GLOO
namespace {

// How long the final gather waits for the slowest process: shares of a dataset may take hours
// more on one machine than on another. A process that died is noticed at once (its connection
// closes); this bounds only one that hangs.
constexpr std::chrono::hours kFinalWait{24};

} // namespace

struct ProcessGroup::Impl {
    DistributedOptions options;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;

    QString where() const {
        return QStringLiteral("tcp://%1:%2").arg(options.masterAddress).arg(options.masterPort);
    }
    QString who() const {
        return QStringLiteral("process %1 of %2").arg(options.rank).arg(options.worldSize);
    }
    // A failed collective: which process says so, and torch's words (its first line).
    [[noreturn]] void fail(const char* what, const std::exception& e) const {
        const QString reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        throw IoError(where(), QStringLiteral("%1: %2 failed: another process stopped or cannot "
                                              "be reached (%3)")
                                   .arg(who(), QLatin1String(what), reason));
    }
    void run(const char* what, std::vector<at::Tensor>& tensors, bool final) {
        try {
            c10d::AllreduceOptions o;
            if (final) {
                o.timeout = kFinalWait;
            }
            group->allreduce(tensors, o)->wait();
        } catch (const std::exception& e) {
            fail(what, e);
        }
    }
    void sumDoubles(const char* what, std::vector<double>& values, bool final) {
        std::vector<at::Tensor> tensors{torch::from_blob(
            values.data(), {static_cast<std::int64_t>(values.size())}, torch::kFloat64)};
        run(what, tensors, final);
    }
};

ProcessGroup::ProcessGroup(const DistributedOptions& options) : d(std::make_unique<Impl>()) {
    d->options = options;
    if (options.worldSize < 1 || options.rank < 0 || options.rank >= options.worldSize) {
        throw ValidationError(QString(), QStringLiteral("rank %1 is not among the %2 "
                                                        "process(es)")
                                             .arg(options.rank)
                                             .arg(options.worldSize));
    }
    const auto timeout = std::chrono::milliseconds(1000LL * options.timeoutSeconds);
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(options.masterPort);
        // torchrun serves the store itself: then every process is a client, under the
        // prefix of the launcher's attempt (as torch.distributed does it).
        storeOptions.isServer = options.rank == 0 && !options.launcherStore;
        if (!options.launcherStore) {
            storeOptions.numWorkers = static_cast<std::size_t>(options.worldSize);
        }
        storeOptions.waitWorkers = !options.launcherStore;
        storeOptions.timeout = timeout;
        auto tcp =
            c10::make_intrusive<c10d::TCPStore>(options.masterAddress.toStdString(), storeOptions);
        if (options.launcherStore) {
            d->store = c10::make_intrusive<c10d::PrefixStore>(
                "/worker/attempt_" + std::to_string(options.restartCount), tcp);
        } else {
            d->store = tcp;
        }
        auto groupOptions = c10d::ProcessGroupGloo::Options::create();
        groupOptions->timeout = timeout;
        // The interfaces the peers reach this process by: GLOO_SOCKET_IFNAME when set (a
        // comma-separated list, as in PyTorch), loopback for a group on one machine, else the
        // address the host name resolves to (which Debian's /etc/hosts may map to 127.0.1.1:
        // set GLOO_SOCKET_IFNAME for several machines).
        const QString interfaces = QString::fromLocal8Bit(qgetenv("GLOO_SOCKET_IFNAME"));
        const bool local = options.masterAddress == QLatin1String("127.0.0.1") ||
                           options.masterAddress == QLatin1String("localhost");
        if (!interfaces.isEmpty()) {
            for (const QString& name : interfaces.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                groupOptions->devices.push_back(
                    c10d::ProcessGroupGloo::createDeviceForInterface(name.trimmed().toStdString()));
            }
        } else {
            groupOptions->devices.push_back(
                local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                      : c10d::ProcessGroupGloo::createDefaultDevice());
        }
        d->group = c10::make_intrusive<c10d::ProcessGroupGloo>(d->store, options.rank,
                                                               options.worldSize, groupOptions);
    } catch (const std::exception& e) {
        const QString reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        throw IoError(d->where(), QStringLiteral("%1 could not join the others within %2 s: %3")
                                      .arg(d->who())
                                      .arg(options.timeoutSeconds)
                                      .arg(reason));
    }
}

#else
// Built with PALSTUDIO_DISTRIBUTED=OFF (no Gloo headers that match this LibTorch): one process
// trains alone, and asking for a group says why there is none.
struct ProcessGroup::Impl {
    void run(const char*, std::vector<at::Tensor>&, bool) {}
    void sumDoubles(const char*, std::vector<double>&, bool) {}
    DistributedOptions options;
};

ProcessGroup::ProcessGroup(const DistributedOptions& options) : d(std::make_unique<Impl>()) {
    d->options = options;
    throw ValidationError(QString(), QStringLiteral("this build of PAL Studio cannot train across "
                                                    "processes: it was built without Gloo "
                                                    "(PALSTUDIO_DISTRIBUTED=OFF)"));
}
#endif

ProcessGroup::~ProcessGroup() = default;

int ProcessGroup::rank() const {
    return d->options.rank;
}

int ProcessGroup::size() const {
    return d->options.worldSize;
}

void ProcessGroup::sum(float* values, std::size_t count) {
    std::vector<at::Tensor> tensors{
        torch::from_blob(values, {static_cast<std::int64_t>(count)}, torch::kFloat32)};
    d->run("summing the gradients", tensors, false);
}

void ProcessGroup::sum(std::vector<double>& values) {
    d->sumDoubles("summing the results", values, false);
}

void ProcessGroup::finalSum(std::vector<double>& values) {
    d->sumDoubles("gathering the results", values, true);
}

void ProcessGroup::barrier() {
    std::vector<double> one{1.0};
    finalSum(one);
}

} // namespace pal::engine
