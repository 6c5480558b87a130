#pragma once

// The PAL-Net engine as the rest of the application sees it: an interface with plain types.
// The implementation lives in core/engine/ (LibTorch) and is built twice: as a static library
// for the engine's own tests and benchmarks, and as a module (libpalstudio_engine.so) that
// EngineLoader opens on the first prediction or training, so that `palstudio-cli info`,
// `convert` and the window's first appearance never load LibTorch and its ~290 libraries.
//
// Calls are synchronous and may take minutes; the jobs of core/workflow run them in worker
// threads. Errors are pal::Error subclasses naming the file; a cancel ends in pal::Cancelled.

#include "core/dataset/Case.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/EngineTypes.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace pal {

// Called after every case, failed or not; returns false to cancel.
using PredictionProgress = std::function<bool(int done, int total, const Prediction&)>;

// A model read from its bundle with its weights in the network, ready to predict.
class ModelPredictor {
public:
    virtual ~ModelPredictor() = default;
    virtual const ModelManifest& manifest() const = 0;
    // "default.palnet (sha256 1a2b3c4d)": what predictions record as their source.
    virtual QString modelId() const = 0;
    virtual SnapMode snapMode() const = 0;
    virtual QString deviceName() const = 0;
    // Predicts the cases batch by batch. A case that fails comes back with Prediction::error
    // and the others go on. Cancelled (progress returned false, or *cancel set) throws
    // pal::Cancelled after the current case.
    virtual std::vector<Prediction> predictAll(const std::vector<Case>& cases,
                                               const PredictionProgress& progress = {},
                                               const std::atomic<bool>* cancel = nullptr) const = 0;
};

// The processes of a data-parallel run (docs/method.md, "Training on several processes"), as
// the use cases see them: predict and evaluate split their cases by rank and sum their results.
class Collective {
public:
    virtual ~Collective() = default;
    virtual int rank() const = 0;
    virtual int size() const = 0;
    // Element-wise sum over every process, in place (all call it with the same length).
    // Throws IoError when a process stopped answering.
    virtual void sum(std::vector<double>& values) = 0;
    // The same, after the processes' shares of uneven work: waits up to a day for the slowest
    // (a process that died is still noticed at once).
    virtual void finalSum(std::vector<double>& values) = 0;
};

class EngineApi {
public:
    virtual ~EngineApi() = default;
    // Torch's intra-op threads (0: all hardware threads).
    virtual void setThreads(int threads) = 0;
    virtual RuntimeInfo runtimeInfo() const = 0;
    // Reads and checks the bundle; errors name the bundle file.
    virtual std::unique_ptr<ModelPredictor> loadModel(const QString& bundlePath,
                                                      const PredictorOptions& options) const = 0;
    // Trains or fine-tunes to the end, to early stopping or to a cancel (the last checkpoint
    // stays usable; TrainResult::cancelled). onEpoch runs on the calling thread.
    virtual TrainResult train(const TrainOptions& options,
                              const std::function<void(const EpochReport&)>& onEpoch,
                              const std::atomic<bool>* cancel) const = 0;
    // Joins the other processes (every one calls it with the same world size and address).
    // Throws IoError naming the address when they do not all come within the timeout.
    virtual std::unique_ptr<Collective> joinGroup(const DistributedOptions& options) const = 0;
};

// The version of this interface, and a fingerprint of the layouts of the values that cross
// it: the module refuses to serve a program built from other sources (both sides link their
// own copy of the core library, so their types must be the same).
inline constexpr int kEngineApiVersion = 2;
inline constexpr unsigned long long kEngineAbiFingerprint =
    (((sizeof(TrainOptions) * 1009ULL + sizeof(PredictorOptions)) * 1009ULL + sizeof(Prediction)) *
         1009ULL +
     sizeof(Case)) *
        1009ULL +
    sizeof(ModelManifest) + sizeof(LandmarkSet) * 7ULL + sizeof(TrainResult) * 13ULL;

} // namespace pal
