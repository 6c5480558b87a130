#pragma once

// The engine's runtime: LibTorch and OpenBLAS thread settings, made once at start-up, and a
// description of what the engine runs on. No torch type appears here.

#include "core/workflow/EngineTypes.h"

namespace pal::engine {

using pal::RuntimeInfo;

// Sets torch's intra-op threads (0: all hardware threads) and pins OpenBLAS to one thread
// (with several, OpenBLAS hangs when torch runs beside the GUI; docs/stack.md).
// Call once, early in main().
void initializeRuntime(int threads = 0);

RuntimeInfo runtimeInfo();

// The threads the engine runs (torch's intra-op threads, as initializeRuntime set them).
int runtimeThreads();

} // namespace pal::engine
