#pragma once

// What a training or fine-tuning run learns from (docs/method.md, "Data and targets"): for
// each case of a dataset, the landmarks it would be trained on, or why it does not qualify.
// One rule for the engine that trains, the dialog that counts the cases before a run and the
// CLI, so the count shown is the count trained on.

#include "core/dataset/Dataset.h"
#include "core/workflow/EngineTypes.h" // TrainingSource

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pal {

// "ground-truth", "reviewed", "both" (the CLI's --train-on values, and what bundles record).
QString trainingSourceName(TrainingSource source);
std::optional<TrainingSource> trainingSourceFromName(const QString& name);

// A case that qualifies, with its target in the common frame (L x 3) and the same landmarks in
// the case's own frame (what an evaluation compares predictions with).
struct TrainingSample {
    Case source;
    Eigen::MatrixX3d target;
    Eigen::MatrixX3d ownFrame;
    bool fromReview = false; // the clinician's working set, not landmarks.txt
};

struct TrainingData {
    std::vector<TrainingSample> samples; // dataset order
    QStringList excluded;                // asked to be left out (e.g. the demo cases)
    QStringList notQualifying;           // "D003: the review is not complete (12 of 50 ...)"
    int fromReview() const;
    int fromGroundTruth() const;
};

// A review qualifies when every one of its landmarks is reviewed (placed, corrected or
// confirmed; core/review/CaseDocument.h) and none is missing: training needs all positions.
// Reads the landmarks, transforms and review sidecars, not the meshes: fast enough for the
// dialog to call on the GUI thread for a dataset of a few hundred cases.
TrainingData trainingData(const Dataset& dataset, TrainingSource source,
                          const QStringList& excludeCases = {});

// Why no case qualifies, for the message that refuses the run ("no case of DIR has ...").
QString noTrainingDataReason(TrainingSource source);

} // namespace pal
