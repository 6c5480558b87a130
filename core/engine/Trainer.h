#pragma once

// Training and fine-tuning PAL-Net as the reference does (../shared/palnet-spec.md,
// "Training"): a seeded 80/20 split (or k folds), the registration-outlier rule, the template
// as the mean of the training split's landmarks, a per-case patch cache on disk (so 700 cases
// do not sit in memory), the 0.6/0.4 loss, Adam, reduce-on-plateau, early stopping, the best
// weights kept, a checkpoint after every epoch (atomic) from which --resume continues exactly.
// No torch type here: the network's steps are PalNet's.

#include "core/engine/PalNet.h"
#include "core/model/ModelBundle.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace pal::engine {

struct TrainOptions {
    QString dataDir;
    QString out; // the bundle to write (.palnet)
    int patchSize = 1000;
    int epochs = 200;
    quint64 seed = 1;
    int batchSize = 16;
    double learningRate = 1e-3;
    double validationFraction = 0.2;
    int fold = -1; // with folds > 1: which fold is the validation split
    int folds = 0; // 0 or 1: one seeded split
    int plateauPatience = 8;
    double plateauFactor = 0.5;
    int earlyStopping = 30;
    QString init;              // a bundle to start from (fine-tuning); its template is kept
    QString resume;            // a checkpoint (.ckpt.json) to continue
    QString cacheDir;          // default: <dataDir>/.palstudio-cache
    bool reviewedOnly = false; // only cases whose review corrected or confirmed every landmark
    QStringList excludeCases;  // e.g. the demo cases shown on first start
    QString weightsDtype = QStringLiteral("float32");
    Device device = Device::Auto;
};

struct EpochReport {
    int epoch = 0; // 1-based
    int epochs = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double learningRate = 0;
    double seconds = 0;
    bool best = false;
};

struct TrainResult {
    QString bundlePath;
    QString checkpointPath;
    int epochsRun = 0;
    int bestEpoch = 0;
    double bestValidationLoss = 0;
    QStringList trainCases;
    QStringList validationCases;
    QStringList outliers;
    bool cancelled = false;
};

class Trainer {
public:
    explicit Trainer(TrainOptions options);
    // Runs to the end, to early stopping or to a cancel (checked between batches; the last
    // checkpoint stays usable). onEpoch is called after each epoch. Throws pal::Error
    // subclasses for bad data or options.
    TrainResult run(const std::function<void(const EpochReport&)>& onEpoch = {},
                    const std::atomic<bool>* cancel = nullptr);

private:
    TrainOptions m_options;
};

} // namespace pal::engine
