// Fuzz target: the review sidecar and crash journal reader (core/review/ReviewStore.cpp), the
// same JSON. An accepted review written back must read back as the same landmarks.
#include "FuzzSupport.h"
#include "core/review/ReviewStore.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const pal::ReviewSnapshot review =
            pal::parseReview(pal::fuzz::asByteArray(bytes), pal::fuzz::kPath);
        const pal::ReviewSnapshot again =
            pal::parseReview(pal::formatReview(review, QStringLiteral("case")), pal::fuzz::kPath);
        pal::fuzz::require(again.state == review.state);
        pal::fuzz::requireSameLandmarks(review.working, again.working, 0.0);
        pal::fuzz::require(again.predicted.has_value() == review.predicted.has_value());
        if (review.predicted) {
            pal::fuzz::requireSameLandmarks(*review.predicted, *again.predicted, 0.0);
        }
    });
}
