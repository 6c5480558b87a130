#pragma once
// What every fuzz target shares (README.md in this folder).
//
// A parser passes when, for any bytes, it either returns a value or throws a pal::Error (the
// typed errors that the programs catch at their edge and print with the file's name). Anything
// else is a finding: a crash, a sanitizer report, a hang, an allocation the input cannot
// justify (libFuzzer's -malloc_limit_mb), or another exception (std::bad_alloc,
// std::length_error...), which escapes and aborts the run.
#include "core/errors/Error.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace pal::fuzz {

// The name the parsers put in their messages. It lies in a folder that does not exist, so an
// OBJ's material library or texture is never found (and never read from the machine).
inline const QString kPath = QStringLiteral("/nonexistent-palstudio-fuzz/input");

// Stops the run when a property that must hold for every accepted input does not.
inline void require(bool condition) {
    if (!condition) {
        std::abort();
    }
}

// Calls parse(bytes) and swallows the parser's own errors; everything else escapes. With
// PALSTUDIO_FUZZ_VERBOSE set (the replay does), says whether the input was accepted or why not.
template <class Parse> int run(const std::uint8_t* data, std::size_t size, Parse parse) {
    static const bool verbose = std::getenv("PALSTUDIO_FUZZ_VERBOSE") != nullptr;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        parse(bytes);
        if (verbose) {
            std::printf("  accepted\n");
        }
    } catch (const pal::Error& e) {
        // A refused input: the expected outcome for most mutations.
        if (verbose) {
            std::printf("  refused: %s\n", e.what());
        }
    }
    return 0;
}

// The bytes as a QByteArray without a copy (for the parsers that take one).
inline QByteArray asByteArray(std::string_view bytes) {
    return QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

// What an accepted mesh must be: finite vertices, every index inside its array, normals and
// texture indices either absent or one per vertex and one per triangle.
inline void requireValidMesh(const Mesh& mesh) {
    require(mesh.vertices.allFinite());
    require(mesh.triangleCount() > 0);
    const auto vertexCount = static_cast<std::int32_t>(mesh.vertexCount());
    require(mesh.triangles.size() == 0 ||
            (mesh.triangles.minCoeff() >= 0 && mesh.triangles.maxCoeff() < vertexCount));
    require(mesh.normals.rows() == 0 || mesh.normals.rows() == mesh.vertexCount());
    require(mesh.triangleUVs.rows() == 0 || mesh.triangleUVs.rows() == mesh.triangleCount());
    if (mesh.triangleUVs.rows() > 0) {
        require(mesh.triangleUVs.minCoeff() >= 0 &&
                mesh.triangleUVs.maxCoeff() < static_cast<std::int32_t>(mesh.uvs.rows()));
    }
}

// Two landmark sets hold the same landmarks: the same ones present, at the same positions
// (within tolerance: a writer may round to its number of decimals).
inline void requireSameLandmarks(const LandmarkSet& a, const LandmarkSet& b, double tolerance) {
    require(a.size() == b.size());
    for (int i = 0; i < a.size(); ++i) {
        require(a.at(i).isPresent() == b.at(i).isPresent());
        if (a.at(i).isPresent()) {
            require(a.at(i).position.allFinite());
            const double scale = std::max(1.0, a.at(i).position.cwiseAbs().maxCoeff());
            require((a.at(i).position - b.at(i).position).cwiseAbs().maxCoeff() <=
                    tolerance * scale);
        }
    }
}

} // namespace pal::fuzz
