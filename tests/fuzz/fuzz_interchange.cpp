// Fuzz target: other tools' landmark files (core/landmarks/SlicerFiles.cpp,
// MeshLabPickPoints.cpp, TpsFile.cpp): 3D Slicer markups JSON and .fcsv, MeshLab .pp, TPS. An
// accepted file written back in the same format must read back as the same landmarks.
#include "FuzzSupport.h"
#include "core/landmarks/MeshLabPickPoints.h"
#include "core/landmarks/SlicerFiles.h"
#include "core/landmarks/TpsFile.h"

namespace {

enum class Kind { Markups, Fcsv, PickPoints, Tps };

pal::ImportedLandmarks parse(Kind kind, const QByteArray& bytes) {
    switch (kind) {
    case Kind::Markups:
        return pal::parseSlicerMarkups(bytes, pal::fuzz::kPath);
    case Kind::Fcsv:
        return pal::parseSlicerFcsv(bytes, pal::fuzz::kPath);
    case Kind::Tps: {
        pal::ImportedLandmarks out;
        out.landmarks = pal::parseTps(bytes, pal::fuzz::kPath);
        return out;
    }
    case Kind::PickPoints:
        break;
    }
    return pal::parseMeshLabPickPoints(bytes, pal::fuzz::kPath);
}

QByteArray format(Kind kind, const pal::LandmarkSet& set) {
    switch (kind) {
    case Kind::Markups:
        return pal::formatSlicerMarkups(set);
    case Kind::Fcsv:
        return pal::formatSlicerFcsv(set);
    case Kind::PickPoints:
        return pal::formatMeshLabPickPoints(set);
    case Kind::Tps:
        return pal::formatTps(set, QStringLiteral("fuzz"));
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const Kind kind = bytes.find('<') != std::string_view::npos    ? Kind::PickPoints
                          : bytes.find('{') != std::string_view::npos  ? Kind::Markups
                          : bytes.find("LM") != std::string_view::npos ? Kind::Tps
                                                                       : Kind::Fcsv;
        const pal::ImportedLandmarks file = parse(kind, pal::fuzz::asByteArray(bytes));
        const pal::ImportedLandmarks again = parse(kind, format(kind, file.landmarks));
        pal::fuzz::require(again.unmatchedLabels.isEmpty());
        pal::fuzz::requireSameLandmarks(file.landmarks, again.landmarks, 0.0);
    });
}
