#pragma once

// Loading the engine module on first use. Where it is looked for: core/io/InstallPaths.h.

#include "core/errors/Error.h"
#include "core/io/InstallPaths.h"
#include "core/workflow/Engine.h"

#include <QString>

namespace pal {

// The engine module cannot be found or loaded; the message says where it was looked for.
class EngineUnavailable : public Error {
    using Error::Error;
};

// The engine, loading its module on the first call (thread-safe; about a second: LibTorch
// brings some 290 shared libraries). Throws EngineUnavailable.
const EngineApi& loadEngine();
bool isEngineLoaded();
// Programs and tests that link the engine directly hand it over here; loadEngine() then
// returns it without opening a module.
void setEngine(EngineApi* engine);
// Torch's intra-op threads (0: all), applied when the engine loads or at once when it is.
void setEngineThreads(int threads);

} // namespace pal
