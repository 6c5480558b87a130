#pragma once

// The review summary of a dataset, for the dataset browser: one row per case with its review
// state and, where both sets exist, the mean error between the reviewed (or predicted)
// landmarks and the ground truth, and the number of anatomical check findings on the reviewed
// (or predicted) landmarks (the cases most likely wrong first). Read from small files only: no
// mesh is read (so no off-surface check).

#include "core/dataset/Dataset.h"
#include "core/review/ReviewStore.h"

#include <QString>

#include <atomic>
#include <functional>
#include <limits>
#include <vector>

namespace pal {

struct CaseReviewRow {
    QString id;
    QString folder;
    ReviewState state = ReviewState::Unreviewed;
    QString reviewer;
    double meanError = std::numeric_limits<double>::quiet_NaN();
    bool hasTruth = false;
    bool hasPrediction = false;
    int findings = -1; // checkLandmarks on the reviewed or predicted set; -1 without one
};

// One case's row. An unreadable file shows as a case without that set (opening it says why).
CaseReviewRow reviewRowOf(const Case& c);

// Every case's row, in dataset order. progress(done, total) may return false to stop early
// (the rows so far are returned); *cancel throws pal::Cancelled.
std::vector<CaseReviewRow> summariseReview(const Dataset& ds,
                                           const std::function<bool(int, int)>& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

} // namespace pal
