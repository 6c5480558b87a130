#include "core/mesh/MeshReaderCommon.h"

#include "core/io/NativePath.h"

#include <QFileInfo>

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

void requireFiniteVertices(const Mesh& mesh, const QString& path) {
    for (Eigen::Index i = 0; i < mesh.vertices.rows(); ++i) {
        if (!mesh.vertices.row(i).allFinite()) {
            throw FormatError(path, QStringLiteral("vertex %1 has a coordinate that is not finite "
                                                   "(inf or nan)")
                                        .arg(i + 1));
        }
    }
}

Mesh meshFromArrays(const QString& path, const std::vector<double>& xyz,
                    const std::vector<std::int32_t>& triangles,
                    const std::vector<double>& normals) {
    Mesh mesh;
    mesh.sourcePath = path;
    assignVertices(mesh, xyz);
    assignTriangles(mesh, triangles);
    requireFiniteVertices(mesh, path);
    requireFaces(mesh, path);
    if (!normals.empty()) {
        assignNormals(mesh, normals);
    }
    return mesh;
}

void attachTexture(Mesh& mesh, const QString& texPath, const QString& named, Warnings* warnings) {
    if (pathExists(texPath)) {
        mesh.texturePath = absolutePath(texPath);
    } else if (warnings) {
        warnings->add(mesh.sourcePath,
                      QStringLiteral("texture %1 was not found; the mesh is shown without texture")
                          .arg(named));
    }
}

} // namespace pal::detail
