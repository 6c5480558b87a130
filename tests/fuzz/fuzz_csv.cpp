// Fuzz target: the landmark CSV reader (core/landmarks/LandmarkIO.cpp). An accepted file written
// back as CSV must read back as the same landmarks.
#include "FuzzSupport.h"
#include "core/landmarks/LandmarkIO.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const pal::LandmarkSet set =
            pal::parseLandmarkCsv(pal::fuzz::asByteArray(bytes), pal::fuzz::kPath);
        const pal::LandmarkSet again =
            pal::parseLandmarkCsv(pal::formatLandmarkCsv(set), pal::fuzz::kPath);
        pal::fuzz::requireSameLandmarks(set, again, 0.0);
    });
}
