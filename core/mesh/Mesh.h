#pragma once

// A triangle mesh with shared vertices kept in the file's own order (landmarks may refer to
// vertex indices, as FaceScape's do). Shapes:
//   vertices   #V x 3 (x, y, z), double, row-major so each vertex is contiguous
//   triangles  #F x 3 vertex indices, counter-clockwise seen from outside
//   normals    #V x 3 per-vertex normals, or 0 x 3 when the file has none
//   uvs        #T x 2 texture coordinates, or 0 x 2
//   triangleUVs #F x 3 indices into uvs (a vertex may have several UVs across a seam), or 0 x 3

#include <Eigen/Core>
#include <QString>

#include <cstdint>

namespace pal {

using Vertices = Eigen::Matrix<double, Eigen::Dynamic, 3, Eigen::RowMajor>;
using Triangles = Eigen::Matrix<std::int32_t, Eigen::Dynamic, 3, Eigen::RowMajor>;
using UVs = Eigen::Matrix<double, Eigen::Dynamic, 2, Eigen::RowMajor>;

struct AlignedBox {
    Eigen::Vector3d min = Eigen::Vector3d::Zero();
    Eigen::Vector3d max = Eigen::Vector3d::Zero();
    Eigen::Vector3d size() const { return max - min; }
    Eigen::Vector3d center() const { return (min + max) / 2.0; }
    double diagonal() const { return size().norm(); }
};

struct Mesh {
    Vertices vertices;
    Triangles triangles;
    Vertices normals;
    UVs uvs;
    Triangles triangleUVs;
    QString texturePath; // absolute path of the diffuse texture image; empty when none
    QString sourcePath;  // the file it was read from; empty for generated meshes

    Eigen::Index vertexCount() const { return vertices.rows(); }
    Eigen::Index triangleCount() const { return triangles.rows(); }
    bool hasNormals() const { return normals.rows() == vertices.rows() && normals.rows() > 0; }
    bool hasUVs() const { return uvs.rows() > 0 && triangleUVs.rows() == triangles.rows(); }

    // Axis-aligned bounds of the vertices; zero box for an empty mesh.
    AlignedBox bounds() const;
};

} // namespace pal
