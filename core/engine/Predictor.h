#pragma once

// One case in, 50 predicted landmarks out (../shared/palnet-spec.md, "Pipeline"): the mesh is
// moved to the common frame by the case's transform, patches are cut around the bundle's
// template, PAL-Net predicts, the prediction is snapped to the evenly sampled surface and
// moved back to the case's own frame. Plain types only; LibTorch stays in PalNet.cpp.

#include "core/dataset/Case.h"
#include "core/engine/PalNet.h"
#include "core/geometry/Snapping.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/model/ModelBundle.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace pal::engine {

struct PredictorOptions {
    std::optional<SnapMode> snap; // default: the bundle's postProcessing
    int samples = 100000;         // even surface samples for snapping
    quint64 sampleSeed = 0;
    int batchSize = 8; // cases per forward pass when predicting many
    Device device = Device::Auto;
};

// Milliseconds spent in each stage for one case. Sampling runs on its own thread beside the
// patches and the network, so the stages add up to CPU time, not to the wall-clock time.
struct StageTimes {
    double load = 0, sample = 0, patches = 0, forward = 0, snap = 0;
    double total() const { return load + sample + patches + forward + snap; }
};

struct Prediction {
    QString caseId;
    QString caseFolder;
    LandmarkSet landmarks; // the case's own frame, status Predicted, provenance = the model
    StageTimes times;
};

class Predictor {
public:
    // Reads and checks the bundle and loads its weights; errors name the bundle file.
    static Predictor fromBundle(const QString& bundlePath, PredictorOptions options = {});
    Predictor(ModelBundle bundle, QString bundlePath, PredictorOptions options = {});
    ~Predictor();
    Predictor(Predictor&&) noexcept;
    Predictor& operator=(Predictor&&) noexcept;

    const ModelManifest& manifest() const;
    // "default.palnet (sha256 1a2b3c4d)": what predictions record as their source.
    QString modelId() const;
    SnapMode snapMode() const;
    QString deviceName() const;

    Prediction predict(const Case& c) const;

    // Predicts many cases, batchSize at a time through the network. After each case,
    // progress(done, total, prediction) is called; it returns false to cancel, which stops
    // before the next case and throws pal::Cancelled. cancel (if given) is checked between
    // cases too, for callers on another thread.
    std::vector<Prediction>
    predictAll(const std::vector<Case>& cases,
               const std::function<bool(int, int, const Prediction&)>& progress = {},
               const std::atomic<bool>* cancel = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::engine
