#pragma once

// The engine's implementation of pal::EngineApi (core/workflow/Engine.h): Predictor, Trainer
// and the runtime settings behind the interface that the application calls. Linked directly
// by the engine's tests and benchmarks; the application reaches it through the module
// (EngineModule.cpp) that core/workflow/EngineLoader opens at run time.

#include "core/workflow/Engine.h"

namespace pal::engine {

EngineApi& torchEngine();

} // namespace pal::engine
