#include "core/mesh/MeshReaderCommon.h"

namespace pal::detail {

void assignVertices(Mesh& mesh, const std::vector<double>& xyz) {
    mesh.vertices =
        Eigen::Map<const Vertices>(xyz.data(), static_cast<Eigen::Index>(xyz.size() / 3), 3);
}

void assignTriangles(Mesh& mesh, const std::vector<std::int32_t>& idx) {
    mesh.triangles =
        Eigen::Map<const Triangles>(idx.data(), static_cast<Eigen::Index>(idx.size() / 3), 3);
}

void assignNormals(Mesh& mesh, const std::vector<double>& xyz) {
    mesh.normals =
        Eigen::Map<const Vertices>(xyz.data(), static_cast<Eigen::Index>(xyz.size() / 3), 3);
}

void requireFaces(const Mesh& mesh, const QString& path) {
    if (mesh.triangleCount() == 0) {
        throw ValidationError(
            path,
            QStringLiteral("mesh has no faces (%1 vertices, 0 triangles)").arg(mesh.vertexCount()));
    }
}

} // namespace pal::detail
