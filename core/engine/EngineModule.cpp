// The entry point of libpalstudio_engine.so, the module that core/workflow/EngineLoader opens
// at run time. The only symbol the module exports (everything else is hidden,
// cmake/PalStudioWarnings.cmake); it answers null to a program built with another version of
// the interface or other layouts of the values that cross it.

#include "core/engine/TorchEngine.h"

extern "C" __attribute__((visibility("default"))) pal::EngineApi*
palstudio_engine_api(int version) {
    if (version != pal::kEngineApiVersion) {
        return nullptr;
    }
    return &pal::engine::torchEngine();
}
