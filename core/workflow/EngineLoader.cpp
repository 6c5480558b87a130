#include "core/workflow/EngineLoader.h"

#include <QLibrary>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace pal {
namespace {

std::mutex g_mutex;
EngineApi* g_engine = nullptr;
int g_threads = 0;

// OpenBLAS reads its thread count once, when it is loaded with the engine module; with several
// threads it hangs when torch runs beside the GUI (docs/stack.md, "OpenBLAS threads beside the
// GUI"). Set here, before main() runs, while the process has one thread: setenv() is not safe
// beside threads that read the environment, and the module is opened by a worker.
[[maybe_unused]] const bool g_openBlasPinned = [] {
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    return true;
}();

using EntryPoint = EngineApi* (*)(int, unsigned long long);

EngineApi* openModule() {
    const QString path = engineModulePath();
    auto lib = std::make_unique<QLibrary>(path);
    // Never unloaded, not even at exit: the engine's objects live until the process ends.
    lib->setLoadHints(QLibrary::PreventUnloadHint);
    if (!lib->load()) {
        throw EngineUnavailable(path, QStringLiteral("cannot load the PAL-Net engine: %1 (set "
                                                     "PALSTUDIO_ENGINE to the module's path)")
                                          .arg(lib->errorString()));
    }
    auto entry = reinterpret_cast<EntryPoint>(lib->resolve("palstudio_engine_api"));
    EngineApi* api = entry ? entry(kEngineApiVersion, kEngineAbiFingerprint) : nullptr;
    if (!api) {
        throw EngineUnavailable(path, QStringLiteral("not a PAL-Net engine module of this "
                                                     "PAL Studio build"));
    }
    lib.release(); // loaded for good
    return api;
}

} // namespace

const EngineApi& loadEngine() {
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_engine) {
        g_engine = openModule();
        g_engine->setThreads(g_threads);
    }
    return *g_engine;
}

bool isEngineLoaded() {
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_engine != nullptr;
}

void setEngine(EngineApi* engine) {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_engine = engine;
    if (g_engine) {
        g_engine->setThreads(g_threads);
    }
}

void setEngineThreads(int threads) {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_threads = threads;
    if (g_engine) {
        g_engine->setThreads(threads);
    }
}

} // namespace pal
