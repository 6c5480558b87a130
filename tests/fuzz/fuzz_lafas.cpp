// Fuzz target: the LA-FAS landmarks.txt reader (core/landmarks/LafasFile.cpp). An accepted file
// written back with its own layout must read back as the same 50 landmarks.
#include "FuzzSupport.h"
#include "core/landmarks/LafasFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const pal::LafasFile file =
            pal::parseLafas(pal::fuzz::asByteArray(bytes), pal::fuzz::kPath);
        pal::fuzz::require(file.landmarks.isComplete());
        const QByteArray written = pal::formatLafas(file.landmarks, file.layout);
        const pal::LafasFile again = pal::parseLafas(written, pal::fuzz::kPath);
        pal::fuzz::requireSameLandmarks(file.landmarks, again.landmarks, 0.0);
    });
}
