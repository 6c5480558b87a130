// The PAL-Net forward pass alone, on the CPU and (when torch sees one) on a CUDA device:
// the same weights on both, the largest difference between their outputs, and the time per
// face at batch 1 and 16 (median of repeats, after a warm-up); on the CPU also the first Linear
// layer read as float16 against float32, for a bundle stored in float16.
//   build/release/bin/bench_forward [--patch-size K] [--repeats N] [--threads T]
// The threads are set as the programs set them (core/engine/Runtime.h; T = 0: all), and the
// machine's facts are printed first (bench/MachineFacts.h).

#include "bench/MachineFacts.h"
#include "core/engine/HalfLinear.h"
#include "core/engine/PalNet.h"
#include "core/engine/Runtime.h"
#include "core/model/Float16.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

using namespace pal::engine;

namespace {

double msPerFace(const PalNet& net, const std::vector<float>& input, int batch) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<float> out = net.predict(input.data(), batch); // on the CPU: synchronised
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
               .count() /
           batch;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The first Linear layer read as float16 (PalNet::holdFirstLayerInFloat16) against float32, on
// the same weights rounded to float16 as a float16 bundle holds them; one face at a time and
// four, the two networks alternated so that both see the same machine.
void compareFloat16FirstLayer(const PalNet& net, const std::vector<float>& input, int repeats) {
    if (!halfLinearSupported()) {
        std::printf("cpu, first layer in float16: this processor lacks AVX2, FMA or F16C\n");
        return;
    }
    std::vector<pal::NamedTensor> weights = net.exportWeights();
    for (pal::NamedTensor& t : weights) {
        for (float& v : t.data) {
            v = pal::halfToFloat(pal::floatToHalf(v));
        }
    }
    PalNet plain(net.config(), 0, Device::Cpu);
    plain.importWeights(weights);
    PalNet half(net.config(), 0, Device::Cpu);
    half.importWeights(weights);
    if (!half.holdFirstLayerInFloat16()) {
        std::printf("cpu, first layer in float16: refused\n");
        return;
    }
    for (int batch : {1, 4}) {
        std::vector<double> a;
        std::vector<double> b;
        msPerFace(plain, input, batch); // warm-up
        msPerFace(half, input, batch);
        for (int r = 0; r < repeats; ++r) {
            a.push_back(msPerFace(plain, input, batch));
            b.push_back(msPerFace(half, input, batch));
        }
        std::printf("cpu, float16 weights, batch %d: first layer in float32 %.2f ms per face, "
                    "in float16 %.2f ms (medians of %d, alternated)\n",
                    batch, median(a), median(b), repeats);
    }
}

double medianMsPerFace(const PalNet& net, const std::vector<float>& input, int batch, int repeats) {
    msPerFace(net, input, batch); // warm-up
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) {
        ms.push_back(msPerFace(net, input, batch));
    }
    return median(std::move(ms));
}

} // namespace

int main(int argc, char** argv) {
    int K = 1000;
    int repeats = 10;
    int threads = 0;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--patch-size") == 0) {
            K = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--repeats") == 0) {
            repeats = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--threads") == 0) {
            threads = std::atoi(argv[i + 1]);
        }
    }
    // As palstudio and palstudio-cli do: without it torch ran 1 thread here and OpenBLAS its
    // own, and ATen took another convolution path at batch 1 than at 16.
    initializeRuntime(threads);
    pal::bench::printMachineFacts();
    const int L = 50;
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> coord(-100.0f, 100.0f);
    std::vector<float> input(static_cast<std::size_t>(16) * L * K * 3);
    for (float& v : input) {
        v = coord(rng);
    }
    const PalNet cpu(PalNetConfig{K, L}, 1, Device::Cpu);
    std::printf("PAL-Net K=%d, %lld parameters\n", K, static_cast<long long>(cpu.parameterCount()));
    const double one = medianMsPerFace(cpu, input, 1, repeats); // in this order
    const double sixteen = medianMsPerFace(cpu, input, 16, repeats);
    std::printf("cpu : %.2f ms per face at batch 1, %.2f ms at batch 16\n", one, sixteen);
    compareFloat16FirstLayer(cpu, input, repeats);
    if (!runtimeInfo().cudaAvailable) { // Device::Cuda would refuse, rightly
        std::printf("cuda: not available to this LibTorch (%s)\n",
                    runtimeInfo().cudaCompiled ? "no GPU visible" : "CUDA not compiled in");
        return 0;
    }
    PalNet cuda(PalNetConfig{K, L}, 2, Device::Cuda);
    cuda.importWeights(cpu.exportWeights());
    const std::vector<float> a = cpu.predict(input.data(), 16);
    const std::vector<float> b = cuda.predict(input.data(), 16);
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, static_cast<double>(std::abs(a[i] - b[i])) /
                                    std::max(1.0, static_cast<double>(std::abs(a[i]))));
    }
    std::printf("cuda: largest relative difference to the CPU output: %.3g\n", worst);
    std::printf("cuda: %.3f ms per face at batch 1, %.3f ms at batch 16\n",
                medianMsPerFace(cuda, input, 1, repeats),
                medianMsPerFace(cuda, input, 16, repeats));
    return worst < 1e-4 ? 0 : 1;
}
