#pragma once

// What an engine benchmark's figures depend on besides the code, printed before them so that
// a figure can be judged and reproduced (bench/README.md): the hardware threads, the load
// average when the run started, torch's intra-op threads, OpenMP's and OpenBLAS's threads,
// and the BLAS library actually loaded (Debian's libblas.so.3 is an alternative: OpenBLAS,
// or the 20-50 times slower reference BLAS).

#include "core/engine/Runtime.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <dlfcn.h>

// Present when the libraries are loaded (LibTorch brings them); weak, so a build without them
// still links.
extern "C" int openblas_get_num_threads() __attribute__((weak));
extern "C" int omp_get_max_threads() __attribute__((weak));
extern "C" void cblas_sgemm() __attribute__((weak));

namespace pal::bench {

inline void printMachineFacts() {
    double load[3] = {-1, -1, -1};
    getloadavg(load, 3);
    char blas[PATH_MAX] = "not loaded";
    Dl_info info{};
    if (cblas_sgemm && dladdr(reinterpret_cast<void*>(&cblas_sgemm), &info) != 0 &&
        info.dli_fname != nullptr) {
        if (realpath(info.dli_fname, blas) == nullptr) {
            std::snprintf(blas, sizeof blas, "%s", info.dli_fname);
        }
    }
    const pal::RuntimeInfo rt = pal::engine::runtimeInfo();
    std::printf("machine: %u hardware threads, load average %.2f %.2f %.2f at the start\n",
                std::thread::hardware_concurrency(), load[0], load[1], load[2]);
    std::printf("threads: torch %d intra-op, OpenMP %d, OpenBLAS %d; LibTorch %s; BLAS %s\n",
                rt.threads, omp_get_max_threads ? omp_get_max_threads() : -1,
                openblas_get_num_threads ? openblas_get_num_threads() : -1,
                rt.torchVersion.toUtf8().constData(), blas);
}

// A benchmark's --device argument: auto, cpu or cuda. Exits with a message on anything else.
inline pal::Device parseDeviceArgument(const char* value) {
    if (std::strcmp(value, "auto") == 0) {
        return pal::Device::Auto;
    }
    if (std::strcmp(value, "cpu") == 0) {
        return pal::Device::Cpu;
    }
    if (std::strcmp(value, "cuda") == 0) {
        return pal::Device::Cuda;
    }
    std::fprintf(stderr, "--device: auto, cpu or cuda, not '%s'\n", value);
    std::exit(1);
}

} // namespace pal::bench
