#pragma once

// The files a training run keeps beside the bundle M it is writing (docs/formats.md,
// "Training checkpoints"): M.ckpt.json (the checkpoint), M.ckpt.eN.pt (the weights and
// optimiser state of epoch N) and M.best.pt (the best weights so far, float32; M.best.palnet
// in runs before 2026-12). A run that is cancelled keeps them so that it can be resumed; a run
// that ends removes them, leaving the bundle alone (for a K = 200 network they are about
// 230 MB, the bundle 29 or 58 MB).

#include <QString>
#include <QStringList>

namespace pal {

// The training files of bundle that exist, sorted.
QStringList trainingFilesOf(const QString& bundle);

// The total size in bytes of the files that exist (links followed).
qint64 diskUse(const QStringList& files);

// Removes the training files of bundle. Throws IoError naming the first file that exists and
// cannot be removed; the bundle itself is never touched.
void removeTrainingFiles(const QString& bundle);

} // namespace pal
