#pragma once

// One process's membership of a data-parallel training group (torch.distributed's c10d):
// rendezvous through a TCP store that rank 0 serves at masterAddress:masterPort, then Gloo
// collectives over TCP. Plain types only here; c10d stays in ProcessGroup.cpp (compiled with
// USE_DISTRIBUTED and USE_C10D_GLOO, with Debian's libgloo-dev headers).

#include "core/workflow/Engine.h"
#include "core/workflow/EngineTypes.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace pal::engine {

class ProcessGroup final : public Collective {
public:
    // Joins the group: waits up to timeoutSeconds for all worldSize processes. Throws
    // IoError naming tcp://address:port when they do not all come, or the network fails.
    explicit ProcessGroup(const DistributedOptions& options);
    ~ProcessGroup() override;
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const override;
    int size() const override;

    // Sums values element-wise over every process, in place (all processes call it with the
    // same length). Throws IoError when a process stopped answering.
    void sum(float* values, std::size_t count);
    void sum(std::vector<double>& values) override;
    void finalSum(std::vector<double>& values) override;
    // Waits until every process reached it (as finalSum, up to a day).
    void barrier();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::engine
