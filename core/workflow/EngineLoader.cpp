#include "core/workflow/EngineLoader.h"

#include <QLibrary>

#include <cstdlib>
#include <mutex>

namespace pal {
namespace {

std::mutex g_mutex;
EngineApi* g_engine = nullptr;
int g_threads = 0;

using EntryPoint = EngineApi* (*)(int);

EngineApi* openModule() {
    const QString path = engineModulePath();
    // OpenBLAS reads its thread count when it is loaded, which is now: with several threads
    // it hangs when torch runs beside the GUI (docs/stack.md, "OpenBLAS threads").
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    // Leaked on purpose: the engine lives until the process ends.
    auto* lib = new QLibrary(path);
    if (!lib->load()) {
        throw EngineUnavailable(path, QStringLiteral("cannot load the PAL-Net engine: %1 (set "
                                                     "PALSTUDIO_ENGINE to the module's path)")
                                          .arg(lib->errorString()));
    }
    auto entry = reinterpret_cast<EntryPoint>(lib->resolve("palstudio_engine_api"));
    EngineApi* api = entry ? entry(kEngineApiVersion) : nullptr;
    if (!api) {
        throw EngineUnavailable(path, QStringLiteral("not a PAL-Net engine module of this "
                                                     "PAL Studio version"));
    }
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
