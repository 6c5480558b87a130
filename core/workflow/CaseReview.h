#pragma once

// Opening a case for review: everything a review needs of one case, read in one go (a worker
// thread calls it): the mesh, the ground truth, a saved prediction, the review sidecar, and
// the crash journal when it is newer than the sidecar. Values only; never throws: errors come
// back as text naming the file and the problem.

#include "core/dataset/Case.h"
#include "core/landmarks/LafasFile.h"
#include "core/mesh/Mesh.h"
#include "core/review/ReviewStore.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace pal {

struct CaseForReview {
    QString path;          // as asked
    QString datasetFolder; // set when path was a dataset folder (one of its cases is loaded)
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
    QStringList warnings; // non-fatal: a missing texture, unreadable landmarks
    // The review sidecar exists but could not be read (damaged, newer, another schema): a save
    // must not write over it.
    bool sidecarUnreadable = false;
    QString error; // "FILE: problem" when the case could not be opened
    bool cancelled = false;
};

// path: a mesh file, a case folder, or a dataset folder (its first case, or `caseId` of it).
// Setting *cancel stops a big mesh read part way (CaseForReview::cancelled).
CaseForReview openCaseForReview(const QString& path, const QString& journalDir,
                                const QString& caseId = {},
                                const std::atomic<bool>* cancel = nullptr);
class SurfaceLocator;

// The locator of a case's surface, for the anatomical checks' off-surface test (it keeps the
// mesh; only its vertices and triangles are used). Null without triangles, when they are
// invalid, or when there is not the memory for it; never throws. About 0.2 s for half a
// million triangles: the review window builds it in a job of its own once the case is shown.
std::shared_ptr<const SurfaceLocator> indexSurface(std::shared_ptr<const Mesh> mesh);

// The same for a case already found (one of a dataset's, casesOf).
CaseForReview openCaseForReview(const Case& c, const QString& journalDir,
                                const std::atomic<bool>* cancel = nullptr);

} // namespace pal
