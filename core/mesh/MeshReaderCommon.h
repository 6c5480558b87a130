#pragma once

// Shared pieces of the mesh readers (internal to core/mesh).

#include "core/errors/Error.h"
#include "core/errors/Warnings.h"
#include "core/mesh/Mesh.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace pal::detail {

inline QString quoted(std::string_view s) {
    constexpr std::size_t maxShown = 40;
    QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(std::min(s.size(), maxShown)));
    if (s.size() > maxShown) {
        q += QStringLiteral("...");
    }
    return QStringLiteral("'%1'").arg(q);
}

// Moves flat arrays into the mesh's matrices.
void assignVertices(Mesh& mesh, const std::vector<double>& xyz);
void assignTriangles(Mesh& mesh, const std::vector<std::int32_t>& idx);
void assignNormals(Mesh& mesh, const std::vector<double>& xyz);

// Throws FormatError naming path and the vertex (from 1) when a coordinate is inf or nan.
void requireFiniteVertices(const Mesh& mesh, const QString& path);
// A mesh without triangles is not a surface: throws ValidationError.
void requireFaces(const Mesh& mesh, const QString& path);

// The mesh of a file from its flat arrays (normals may be empty); throws like requireFaces.
Mesh meshFromArrays(const QString& path, const std::vector<double>& xyz,
                    const std::vector<std::int32_t>& triangles, const std::vector<double>& normals);

// Sets the mesh's texture when texPath exists; otherwise warns (named: how the file names it).
void attachTexture(Mesh& mesh, const QString& texPath, const QString& named, Warnings* warnings);

} // namespace pal::detail
