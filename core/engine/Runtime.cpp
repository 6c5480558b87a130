#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include "core/engine/Runtime.h"

#include <cstdlib>
#include <thread>

#include <dlfcn.h>

extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace pal::engine {

void initializeRuntime(int threads) {
    // Before any BLAS call: OpenBLAS reads the variable at its first use, and the function
    // (when the library exports it) covers the case where it was already initialised.
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    if (openblas_set_num_threads) {
        openblas_set_num_threads(1);
    }
    const int n =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(n);
}

int runtimeThreads() {
    return at::get_num_threads();
}

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.torchVersion = QStringLiteral(TORCH_VERSION);
    info.threads = runtimeThreads();
    // A LibTorch built with CUDA links its CUDA half, libtorch_cuda.so, into every program
    // that links LibTorch; a CPU-only one (Debian's) has none to load.
    // (LibTorch 1.x split it in two, libtorch_cuda_cu and libtorch_cuda_cpp, in some builds.)
    for (const char* name : {"libtorch_cuda.so", "libtorch_cuda_cu.so", "libtorch_cuda_cpp.so"}) {
        if (void* loaded = dlopen(name, RTLD_LAZY | RTLD_NOLOAD)) {
            dlclose(loaded); // only the count NOLOAD added
            info.cudaCompiled = true;
        }
    }
    info.cudaDevices = info.cudaCompiled ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.cudaAvailable = torch::cuda::is_available();
    info.device = info.cudaAvailable ? QStringLiteral("cuda") : QStringLiteral("cpu");
    return info;
}

} // namespace pal::engine
