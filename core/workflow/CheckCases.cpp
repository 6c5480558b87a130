#include "core/workflow/CheckCases.h"

#include "core/errors/Error.h"
#include "core/geometry/SurfaceLocator.h"
#include "core/review/ReviewStore.h"
#include "core/workflow/CaseFiles.h"

#include <memory>

namespace pal {

QString checkedSetName(CheckedSet set) {
    switch (set) {
    case CheckTruth:
        return QStringLiteral("truth");
    case CheckPrediction:
        return QStringLiteral("prediction");
    case CheckReview:
        return QStringLiteral("review");
    case CheckAllSets:
        break;
    }
    return QStringLiteral("all");
}

CaseCheck checkCase(const Case& c, const CaseCheckOptions& options) {
    CaseCheck out;
    out.caseId = c.id();
    QString reading = c.files().mesh;
    try {
        std::unique_ptr<SurfaceLocator> surface;
        std::shared_ptr<const Mesh> mesh;
        if (options.surface || c.hasVertexLandmarks()) {
            mesh = std::make_shared<const Mesh>(c.readMesh()); // as stored: the landmarks' frame
        }
        if (options.surface) {
            surface = std::make_unique<SurfaceLocator>(mesh);
        }
        auto check = [&](CheckedSet which, const LandmarkSet& set) {
            SetCheck s;
            s.set = which;
            s.schema = set.schemaPtr();
            s.present = set.presentCount();
            s.framed = faceFrame(set).has_value();
            s.findings = checkLandmarks(set, surface.get(), options.limits);
            out.sets.push_back(std::move(s));
        };
        if ((options.sets & CheckTruth) != 0 && c.hasLandmarks()) {
            reading = c.files().landmarks;
            check(CheckTruth, c.readLandmarks(mesh.get()).landmarks);
        }
        if ((options.sets & CheckPrediction) != 0) {
            reading = predictionPath(c);
            if (const auto predicted = readPrediction(c)) {
                check(CheckPrediction, *predicted);
            }
        }
        if ((options.sets & CheckReview) != 0) {
            reading = sidecarPath(c);
            if (const auto review = readReview(reading, c)) {
                check(CheckReview, review->working);
            }
        }
    } catch (const Error& e) {
        out.error = e.message();
    } catch (const std::exception& e) {
        out.error = QStringLiteral("%1: %2").arg(reading, QString::fromLocal8Bit(e.what()));
    }
    return out;
}

} // namespace pal
