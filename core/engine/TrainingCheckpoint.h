#pragma once

// The checkpoint the trainer writes after every epoch, and from which --resume continues
// exactly: M.ckpt.json (this file's format) beside M.ckpt.eN.pt (weights and optimiser state
// after epoch N, torch serialisation) and M.best.pt (the best weights so far, the same
// serialisation without the optimiser; M.best.palnet, a bundle, before 2026-12). The JSON is
// written last and names its state file, so the two always belong together. Versioned:
//
//   {"format": "palstudio-checkpoint", "formatVersion": 1, "epoch": 12,
//    "state": "M.palnet.ckpt.e12.pt", "best": "M.palnet.best.pt", "learningRate": 0.0005,
//    "bestValidationLoss": 3.1, "bestEpoch": 10, "plateauBest": 3.1, "badEpochs": 2,
//    "patchSize": 1000, "seed": "1", "trainCases": [...], "validationCases": [...],
//    "history": [{"epoch": 1, "trainLoss": 9.1, "validationLoss": 8.7, "learningRate": 0.001,
//                 "seconds": 41.2, "best": true}, ...]}
//
// "history" (every finished epoch, so that a resumed run shows its whole curve; a fine-tune's
// starts with epoch 0, the parent before training), "frozenBlocks" (fine-tuning; absent: 0) and
// "variant" (the network, docs/method.md "Variants"; absent: "attention") came later in
// version 1; a checkpoint without history resumes with an empty one.
//
// No torch type here.

#include "core/workflow/EngineTypes.h"

#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace pal::engine {

struct TrainingCheckpoint {
    int epoch = 0;     // the last finished epoch
    QString stateFile; // file names, relative to the checkpoint's folder
    QString bestFile;
    double learningRate = 0;
    double bestValidationLoss = std::numeric_limits<double>::infinity();
    int bestEpoch = 0;
    double plateauBest = std::numeric_limits<double>::infinity();
    int badEpochs = 0;
    int patchSize = 0;
    QString seed;
    int frozenBlocks = 0;
    QString variant = QStringLiteral("attention"); // the network (absent in older files)
    QStringList trainCases;
    QStringList validationCases;
    std::vector<EpochReport> history; // epochs (0 when fine-tuning) 1..epoch, in order

    // Throws IoError when the file cannot be read, FormatError when it is not a checkpoint.
    static TrainingCheckpoint read(const QString& path);
    // Atomic: the previous checkpoint stays whole until the new one is complete.
    void write(const QString& path) const;
};

} // namespace pal::engine
