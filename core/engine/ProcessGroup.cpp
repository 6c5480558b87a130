#include "core/engine/ProcessGroup.h"

#include "core/errors/Error.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/torch.h>

#include <chrono>

namespace pal::engine {

struct ProcessGroup::Impl {
    DistributedOptions options;
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;

    QString where() const {
        return QStringLiteral("tcp://%1:%2").arg(options.masterAddress).arg(options.masterPort);
    }
    // A failed collective: which process says so, and torch's words (its first line).
    [[noreturn]] void fail(const char* what, const std::exception& e) const {
        const QString reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        throw IoError(where(), QStringLiteral("training process %1 of %2: %3 failed: another "
                                              "process stopped or cannot be reached (%4)")
                                   .arg(options.rank)
                                   .arg(options.worldSize)
                                   .arg(QLatin1String(what), reason));
    }
    void run(const char* what, std::vector<at::Tensor>& tensors) {
        try {
            group->allreduce(tensors)->wait();
        } catch (const std::exception& e) {
            fail(what, e);
        }
    }
};

ProcessGroup::ProcessGroup(const DistributedOptions& options) : d(std::make_unique<Impl>()) {
    d->options = options;
    if (options.worldSize < 1 || options.rank < 0 || options.rank >= options.worldSize) {
        throw ValidationError(QString(), QStringLiteral("rank %1 is not among the %2 training "
                                                        "process(es)")
                                             .arg(options.rank)
                                             .arg(options.worldSize));
    }
    const auto timeout = std::chrono::milliseconds(1000LL * options.timeoutSeconds);
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(options.masterPort);
        storeOptions.isServer = options.rank == 0;
        storeOptions.numWorkers = options.worldSize;
        storeOptions.waitWorkers = true;
        storeOptions.timeout = timeout;
        d->store =
            c10::make_intrusive<c10d::TCPStore>(options.masterAddress.toStdString(), storeOptions);
        auto groupOptions = c10d::ProcessGroupGloo::Options::create();
        groupOptions->timeout = timeout;
        // The interface the peers reach this process by: GLOO_SOCKET_IFNAME when set (as in
        // PyTorch), loopback for a group on one machine, else the host name's address.
        const QByteArray interface = qgetenv("GLOO_SOCKET_IFNAME");
        const bool local = options.masterAddress == QLatin1String("127.0.0.1") ||
                           options.masterAddress == QLatin1String("localhost");
        groupOptions->devices.push_back(
            !interface.isEmpty()
                ? c10d::ProcessGroupGloo::createDeviceForInterface(interface.toStdString())
            : local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                    : c10d::ProcessGroupGloo::createDefaultDevice());
        d->group = c10::make_intrusive<c10d::ProcessGroupGloo>(d->store, options.rank,
                                                               options.worldSize, groupOptions);
    } catch (const std::exception& e) {
        const QString reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        throw IoError(d->where(), QStringLiteral("training process %1 of %2 could not join the "
                                                 "others within %3 s: %4")
                                      .arg(options.rank)
                                      .arg(options.worldSize)
                                      .arg(options.timeoutSeconds)
                                      .arg(reason));
    }
}

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
    d->run("summing the gradients", tensors);
}

void ProcessGroup::sum(std::vector<double>& values) {
    std::vector<at::Tensor> tensors{torch::from_blob(
        values.data(), {static_cast<std::int64_t>(values.size())}, torch::kFloat64)};
    d->run("summing the losses", tensors);
}

void ProcessGroup::barrier() {
    std::vector<double> one{1.0};
    sum(one);
}

} // namespace pal::engine
