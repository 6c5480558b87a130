#pragma once

// One case in, the model's landmarks (its schema's, 50 for LA-FAS) out (docs/method.md,
// "Pipeline"): the mesh is moved to the common frame by the case's transform, patches are cut
// around the bundle's template, PAL-Net predicts, the prediction is snapped to the evenly sampled
// surface and moved back to the case's own frame. Plain types only; LibTorch stays in PalNet.cpp.

#include "core/dataset/Case.h"
#include "core/engine/PalNet.h"
#include "core/geometry/Snapping.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/Engine.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace pal::engine {

using pal::Prediction;
using pal::PredictorOptions;
using pal::StageTimes;

class Predictor final : public ModelPredictor {
public:
    // Reads and checks the bundle and loads its weights; errors name the bundle file.
    static Predictor fromBundle(const QString& bundlePath, PredictorOptions options = {});
    Predictor(ModelBundle bundle, QString bundlePath, PredictorOptions options = {});
    ~Predictor();
    Predictor(Predictor&&) noexcept;
    Predictor& operator=(Predictor&&) noexcept;

    const ModelManifest& manifest() const override;
    // "default.palnet (sha256 1a2b3c4d)": what predictions record as their source.
    QString modelId() const override;
    SnapMode snapMode() const override;
    QString deviceName() const override;

    // One case; throws the case's error (pal::Error naming the file) when it fails.
    Prediction predict(const Case& c) const;

    // Predicts many cases, batchSize at a time through the network. After each case,
    // progress(done, total, prediction) is called; it returns false to cancel, which stops
    // before the next case and throws pal::Cancelled. cancel (if given) is checked between
    // cases too, for callers on another thread. A case whose mesh cannot be read or cut into
    // patches comes back with Prediction::error set ("FILE: problem"); the others go on.
    std::vector<Prediction> predictAll(const std::vector<Case>& cases,
                                       const PredictionProgress& progress = {},
                                       const std::atomic<bool>* cancel = nullptr) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::engine
