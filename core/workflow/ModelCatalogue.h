#pragma once

// The models a person can choose from (the window's Model > Models... list): the installed
// default model, the models a dataset's training runs wrote (<dataset>/models/*.palnet) and
// any other bundle used before. Each entry says what the model is and where it came from, as
// its manifest records it (parent, data, date, validation loss), and what it costs on disk,
// including the checkpoint files a cancelled run left beside it (core/model/TrainingFiles.h).
// Reading an entry reads the manifest only, never the weights.

#include "core/model/ModelBundle.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pal {

struct ModelEntry {
    QString path;
    bool isDefault = false;                // the model installed with PAL Studio
    std::optional<ModelManifest> manifest; // empty when the bundle cannot be read
    QString problem;                       // why it cannot be read (the error's message)
    qint64 bundleBytes = 0;
    QStringList trainingFiles; // checkpoint files beside it (a cancelled run's)
    qint64 trainingBytes = 0;
    QString cardPath; // <name>.md beside the bundle, when there is one

    QString name() const;         // the file name
    QString parent() const;       // the model it was fine-tuned from; empty: from scratch
    QString trainingData() const; // the dataset folder it was trained on
    QString trainedOn() const;    // "ground-truth", "reviewed", "both" (empty when unknown)
    QString created() const;      // ISO date and time (UTC), as written
    std::optional<double> validationLoss() const; // the best epoch's, when recorded
    int bestEpoch() const;                        // 0 when unknown
    int trainCaseCount() const;
    bool generatedData() const; // trained on data the project generated (not for clinical use)
    qint64 diskBytes() const { return bundleBytes + trainingBytes; }
};

// The bundles of <datasetFolder>/models, sorted (the checkpoints' .best.palnet excluded).
QStringList modelsInFolder(const QString& datasetFolder);

// One entry per existing file of paths (links resolved, each once, in the order given;
// missing files are skipped); defaultModel is marked isDefault.
std::vector<ModelEntry> listModels(const QStringList& paths, const QString& defaultModel);

// The entry of one bundle.
ModelEntry readModelEntry(const QString& path, bool isDefault = false);

// "58.3 MB", "1.2 GB", "840 kB".
QString formatBytes(qint64 bytes);

} // namespace pal
