#pragma once

// Reading everything a review needs of one case, in a worker thread: the mesh, the ground
// truth, a saved prediction (landmarks.predicted.txt), the review sidecar, and the crash
// journal when it is newer than the sidecar. Values only, no widget; never throws: errors
// come back as text naming the file and the problem.

#include "core/dataset/Case.h"
#include "core/landmarks/LafasFile.h"
#include "core/mesh/Mesh.h"
#include "core/review/ReviewStore.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace pal::ui {

inline constexpr const char* kPredictedFile = "landmarks.predicted.txt";

struct LoadedCase {
    QString path;          // as asked
    QString datasetFolder; // set when path was a dataset folder (its first case is loaded)
    std::optional<Case> source;
    QString caseId;
    QString generatedNotice; // set for generated demo data
    Mesh mesh;
    std::optional<LandmarkSet> groundTruth;
    std::optional<LafasLayout> layout;
    std::optional<LandmarkSet> predicted; // from landmarks.predicted.txt
    std::optional<ReviewSnapshot> sidecar;
    std::optional<ReviewSnapshot> journal; // unsaved edits newer than the sidecar
    QString journalFile;
    QStringList warnings;
    QString error;
    bool cancelled = false; // the read stopped because cancel was set
};

// path: a mesh file, a case folder, or a dataset folder (its first case, or `caseId` of it).
// Setting *cancel stops a big mesh read part way (LoadedCase::cancelled).
LoadedCase loadCaseFiles(const QString& path, const QString& journalDir, const QString& caseId = {},
                         std::shared_ptr<const std::atomic<bool>> cancel = {});

// Where the prediction of a case is kept beside its files.
QString predictedPath(const Case& c);

} // namespace pal::ui
