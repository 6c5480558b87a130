#include "core/workflow/DatasetReview.h"

#include "core/checks/LandmarkChecks.h"

#include "core/errors/Error.h"
#include "core/workflow/CaseFiles.h"

namespace pal {

CaseReviewRow reviewRowOf(const Case& c) {
    CaseReviewRow r;
    r.id = c.id();
    r.folder = c.files().folder;
    std::optional<LandmarkSet> truth;
    std::optional<LandmarkSet> compared;
    try {
        if (c.hasLandmarks()) {
            truth = c.readLandmarks().landmarks;
        }
        if (const auto review = readReview(sidecarPath(c), c)) {
            r.state = review->state;
            r.reviewer = review->stamp.user;
            compared = review->working;
        } else {
            compared = readPrediction(c);
        }
    } catch (const Error&) {
        // shown as a case without that set; opening the case reports why
    }
    r.hasTruth = truth.has_value();
    r.hasPrediction = compared.has_value();
    if (truth && compared) {
        r.meanError = meanLandmarkDistance(*truth, *compared);
    }
    if (compared) {
        r.findings = static_cast<int>(checkLandmarks(*compared).size());
    }
    return r;
}

std::vector<CaseReviewRow> summariseReview(const Dataset& ds,
                                           const std::function<bool(int, int)>& progress,
                                           const std::atomic<bool>* cancel) {
    std::vector<CaseReviewRow> rows;
    const int total = ds.size();
    for (const Case& c : ds.cases()) {
        if (cancel && cancel->load()) {
            throw Cancelled(); // a browser missing cases would skip them silently
        }
        rows.push_back(reviewRowOf(c));
        if (progress && !progress(static_cast<int>(rows.size()), total)) {
            break;
        }
    }
    return rows;
}

} // namespace pal
