#pragma once

// Training and fine-tuning PAL-Net as the reference does (docs/method.md,
// "Training"): a seeded 80/20 split (or k folds), the registration-outlier rule, the template
// as the mean of the training split's landmarks, a per-case patch cache on disk (so 700 cases
// do not sit in memory), the 0.6/0.4 loss, Adam, reduce-on-plateau, early stopping, the best
// weights kept, a checkpoint after every epoch (atomic) from which --resume continues exactly.
// No torch type here: the network's steps are PalNet's.

#include "core/engine/PalNet.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/EngineTypes.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace pal::engine {

using pal::EpochReport;
using pal::TrainOptions;
using pal::TrainResult;

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
