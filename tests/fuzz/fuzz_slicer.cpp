// Fuzz target: 3D Slicer's landmark files (core/landmarks/SlicerFiles.cpp), markups JSON and
// .fcsv. An accepted file written back in the same format must read back as the same landmarks.
#include "FuzzSupport.h"
#include "core/landmarks/SlicerFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const QByteArray in = pal::fuzz::asByteArray(bytes);
        const bool json = bytes.find('{') != std::string_view::npos;
        const pal::ImportedLandmarks file = json ? pal::parseSlicerMarkups(in, pal::fuzz::kPath)
                                                 : pal::parseSlicerFcsv(in, pal::fuzz::kPath);
        const QByteArray written =
            json ? pal::formatSlicerMarkups(file.landmarks) : pal::formatSlicerFcsv(file.landmarks);
        const pal::ImportedLandmarks again =
            json ? pal::parseSlicerMarkups(written, pal::fuzz::kPath)
                 : pal::parseSlicerFcsv(written, pal::fuzz::kPath);
        pal::fuzz::require(again.unmatchedLabels.isEmpty());
        pal::fuzz::requireSameLandmarks(file.landmarks, again.landmarks, 0.0);
    });
}
