#include "core/engine/TorchEngine.h"

#include "core/engine/Predictor.h"
#include "core/engine/ProcessGroup.h"
#include "core/engine/Runtime.h"
#include "core/engine/Trainer.h"

namespace pal::engine {
namespace {

class TorchEngine final : public EngineApi {
public:
    void setThreads(int threads) override { initializeRuntime(threads); }
    RuntimeInfo runtimeInfo() const override { return engine::runtimeInfo(); }
    std::unique_ptr<ModelPredictor> loadModel(const QString& bundlePath,
                                              const PredictorOptions& options) const override {
        return std::make_unique<Predictor>(Predictor::fromBundle(bundlePath, options));
    }
    TrainResult train(const TrainOptions& options,
                      const std::function<void(const EpochReport&)>& onEpoch,
                      const std::atomic<bool>* cancel) const override {
        Trainer trainer(options);
        return trainer.run(onEpoch, cancel);
    }
    std::unique_ptr<Collective> joinGroup(const DistributedOptions& options) const override {
        return std::make_unique<ProcessGroup>(options);
    }
};

} // namespace

EngineApi& torchEngine() {
    static TorchEngine engine;
    return engine;
}

} // namespace pal::engine
