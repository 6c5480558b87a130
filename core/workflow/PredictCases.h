#pragma once

// Predicting cases and writing their prediction files: the one use case behind
// `palstudio-cli predict`, the window's Predict This Case and Predict the Whole Dataset.
// A case that fails (bad mesh, too small for the patch size, unwritable folder) is listed with
// its reason and the others are still predicted and written.

#include "core/workflow/Engine.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace pal {

struct CaseFailure {
    QString caseId;
    QString message; // "FILE: problem"
};

struct PredictionRun {
    std::vector<Prediction> predictions; // the successful ones, in input order
    QStringList written;                 // their files, in the same order
    QStringList meshFiles;               // their cases' mesh files, in the same order
    std::vector<CaseFailure> failures;
    bool cancelled = false; // what was predicted before the cancel is written
    int total = 0;
};

// Called after each case on the worker thread: done, total, the case's id, and whether its
// prediction was written.
using CaseProgress = std::function<void(int done, int total, const QString& caseId, bool ok)>;

// Predicts the cases with the model and writes each prediction as soon as it is made, to
// predictionPath(case, outDir) (core/workflow/CaseFiles.h). Never throws for one bad case.
PredictionRun predictAndWrite(const ModelPredictor& model, const std::vector<Case>& cases,
                              const QString& outDir = {}, const CaseProgress& progress = {},
                              const std::atomic<bool>* cancel = nullptr);

// "2 of 20 cases could not be predicted:\n  D003: FILE: problem\n..." (empty when none).
QString describeFailures(const std::vector<CaseFailure>& failures, int total);

} // namespace pal
