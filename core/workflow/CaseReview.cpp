#include "core/workflow/CaseReview.h"

#include "core/dataset/Dataset.h"
#include "core/demo/Resources.h"
#include "core/errors/Error.h"
#include "core/geometry/SurfaceLocator.h"
#include "core/io/NativePath.h"
#include "core/workflow/CaseFiles.h"

#include <QFileInfo>
#include <QThread>

#include <functional>

namespace pal {
namespace {

// The optional files of a case: each one that cannot be read is a warning, not a failure.
void readReviewFiles(const Case& c, const QString& journalDir, CaseForReview& out,
                     Warnings& warnings) {
    if (c.hasLandmarks()) {
        try {
            LandmarkFile f = c.readLandmarks(&out.mesh); // out.mesh: as stored, read above
            out.groundTruth = std::move(f.landmarks);
            out.layout = std::move(f.lafasLayout);
        } catch (const Error& e) {
            warnings.messages.append(e.message()); // the mesh is still worth showing
        }
    }
    try {
        out.predicted = readPrediction(c);
    } catch (const Error& e) {
        warnings.messages.append(e.message());
    }
    try {
        out.sidecar = readReview(sidecarPath(c), c);
    } catch (const Error& e) {
        warnings.messages.append(e.message());
        out.sidecarUnreadable = true;
    }
    if (!journalDir.isEmpty()) {
        out.journalFile = journalPath(c, journalDir);
        try {
            std::optional<ReviewSnapshot> j = readReview(out.journalFile, c);
            if (j && (!out.sidecar || j->saved > out.sidecar->saved)) {
                out.journal = std::move(j);
            }
        } catch (const Error& e) {
            warnings.messages.append(e.message());
        }
    }
}

// The case path names: a case folder or mesh, or the case caseId of a dataset, taken from the
// dataset itself so that it keeps the dataset's layout and landmark schema.
Case caseOf(const QString& path, const QString& caseId, CaseForReview& out) {
    if (pathKind(path) == PathKind::File) {
        return reviewCaseOfFile(path);
    }
    if (!isDatasetPath(path)) {
        return Case::open(path);
    }
    const Dataset ds = Dataset::open(path);
    out.datasetFolder = path;
    for (const Case& c : ds.cases()) {
        if (c.id() == caseId) {
            return c;
        }
    }
    return ds.cases().front();
}

} // namespace

namespace {
// Reads everything of c into out (whose path is set); errors as text in out.error.
void readCase(const std::function<Case(CaseForReview&)>& caseOfOut, const QString& journalDir,
              const std::atomic<bool>* cancel, CaseForReview& out) {
    const QString& path = out.path;
    try {
        const Case c = caseOfOut(out);
        out.source = c;
        out.caseId = c.id();
        out.generatedNotice = demo::generatedDataNotice(c.files().folder);
        Warnings warnings;
        // The clinician waits for this: a big OBJ is parsed on every core.
        out.mesh = c.readMesh(&warnings, false, cancel, QThread::idealThreadCount());
        readReviewFiles(c, journalDir, out, warnings);
        out.warnings = warnings.messages;
    } catch (const Cancelled&) {
        out.cancelled = true;
        out.error = QStringLiteral("%1: opening cancelled").arg(path);
    } catch (const Error& e) {
        out.error = e.message();
    } catch (const std::bad_alloc&) {
        out.error = QStringLiteral("%1: not enough memory to read it").arg(path);
    } catch (const std::exception& e) {
        out.error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
    }
}
} // namespace

CaseForReview openCaseForReview(const QString& path, const QString& journalDir,
                                const QString& caseId, const std::atomic<bool>* cancel) {
    CaseForReview out;
    out.path = path;
    readCase([&](CaseForReview& o) { return caseOf(path, caseId, o); }, journalDir, cancel, out);
    return out;
}

CaseForReview openCaseForReview(const Case& c, const QString& journalDir,
                                const std::atomic<bool>* cancel) {
    CaseForReview out;
    out.path = c.files().mesh;
    readCase([&](CaseForReview&) { return c; }, journalDir, cancel, out);
    return out;
}

std::shared_ptr<const SurfaceLocator> indexSurface(std::shared_ptr<const Mesh> mesh) {
    if (!mesh || mesh->triangleCount() == 0) {
        return nullptr;
    }
    try {
        return std::make_shared<const SurfaceLocator>(std::move(mesh));
    } catch (const std::exception&) {
        // A triangle that names a missing vertex, or no memory left for the index: no
        // off-surface check.
        return nullptr;
    }
}

} // namespace pal
