#pragma once

// Shared pieces of the mesh readers (internal to core/mesh).

#include "core/errors/Error.h"
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

// A mesh without triangles is not a surface: throws ValidationError.
void requireFaces(const Mesh& mesh, const QString& path);

} // namespace pal::detail
