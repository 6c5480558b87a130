// One PAL-Net training step (batch 16) at a given patch size: median seconds per step over
// repeats after a warm-up, and the peak memory of the process. Random patches and targets
// (the time does not depend on their values).
//   build/release/bin/bench_train [--patch-size 1000] [--batch 16] [--repeats 5] [--micro-batch M]
//   [--device cpu|cuda] (default cpu)
// (--micro-batch 0: the whole batch through autograd at once; PalNet::setMicroBatch)

#include "bench/MachineFacts.h"
#include "core/engine/PalNet.h"
#include "core/engine/Runtime.h"
#include "core/engine/TensorMemory.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <sys/resource.h>
#include <vector>

using namespace pal::engine;

int main(int argc, char** argv) {
    int K = 1000;
    int batch = 16;
    int repeats = 5;
    int microBatch = -1; // the network's own default (PalNet::setMicroBatch)
    Device device = Device::Cpu;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--patch-size") == 0) {
            K = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--batch") == 0) {
            batch = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--repeats") == 0) {
            repeats = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--micro-batch") == 0) {
            microBatch = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--device") == 0) {
            device = pal::bench::parseDeviceArgument(argv[i + 1]);
        }
    }
    initializeRuntime();
    pal::bench::printMachineFacts();
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(-100.0f, 100.0f);
    std::vector<float> patches(static_cast<std::size_t>(batch) * 50 * K * 3);
    std::vector<float> targets(static_cast<std::size_t>(batch) * 50 * 3);
    for (float& v : patches) {
        v = u(rng);
    }
    for (float& v : targets) {
        v = u(rng);
    }
    PalNet net(PalNetConfig{K, 50}, 1, device);
    if (microBatch >= 0) {
        net.setMicroBatch(microBatch);
    }
    net.startTraining(1e-3);
    net.trainStep(patches.data(), targets.data(), batch); // warm-up
    std::vector<double> seconds;
    for (int r = 0; r < repeats; ++r) {
        const TensorMemoryStats before = tensorMemoryStats();
        const auto t0 = std::chrono::steady_clock::now();
        net.trainStep(patches.data(), targets.data(), batch);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        const TensorMemoryStats after = tensorMemoryStats();
        std::printf("step %d: %.3f s; large tensors: %zu from the cache, %zu new; cache %.0f MB, "
                    "high-water %.0f MB\n",
                    r + 1, seconds.back(), after.reused - before.reused, after.fresh - before.fresh,
                    static_cast<double>(after.cached) / 1048576.0,
                    static_cast<double>(after.highWater) / 1048576.0);
    }
    std::sort(seconds.begin(), seconds.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("PAL-Net K=%d, batch %d, micro-batch %d, %s, %d threads: %.3f s per training step "
                "(median of %d), peak memory %.0f MB\n",
                K, batch, net.microBatch(), qPrintable(net.deviceName()), runtimeInfo().threads,
                seconds[seconds.size() / 2], repeats,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
