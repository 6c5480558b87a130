#pragma once

// Small pure functions on triangle meshes (shapes as in core/mesh/Mesh.h).

#include "core/mesh/Mesh.h"

#include <Eigen/Core>

#include <vector>

namespace pal {

// Area-weighted per-vertex normals, #V x 3, unit length (zero for isolated vertices).
Vertices vertexNormals(const Mesh& mesh);

// Merges vertices at exactly the same position (first occurrence wins, order kept) and
// remaps the triangles. Per-vertex normals are dropped when anything merged; UVs, which are
// per corner, are untouched. Returns the number of vertices removed.
Eigen::Index weldVertices(Mesh& mesh);

// Keeps the triangles for which keep[f] is true and drops vertices no kept triangle uses.
// Vertex order is kept; UVs follow their triangles. oldToNew (if given) maps each old vertex
// to its new index or -1.
Mesh submesh(const Mesh& mesh, const std::vector<bool>& keepTriangle,
             std::vector<std::int32_t>* oldToNew = nullptr);

// One level of Loop subdivision (Loop 1987; boundary edges and vertices use the crease rules).
// Old vertices keep their indices 0..#V-1; edge points follow. UVs are dropped.
Mesh loopSubdivide(const Mesh& mesh);

// A point on a mesh: triangle index and barycentric weights of its three corners.
struct SurfacePoint {
    Eigen::Index triangle = -1;
    Eigen::Vector3d weights = Eigen::Vector3d::Zero();
    Eigen::Vector3d position = Eigen::Vector3d::Zero();
    double distance = 0; // from the query point
};

// The closest point of triangle abc to p; w receives its barycentric weights (a, b, c).
Eigen::Vector3d closestOnTriangle(const Eigen::Vector3d& p, const Eigen::Vector3d& a,
                                  const Eigen::Vector3d& b, const Eigen::Vector3d& c,
                                  Eigen::Vector3d& w);

// The closest point of the surface to p (brute force over triangles: O(#F); the smallest
// triangle index among equally close ones). SurfaceLocator answers the same faster.
SurfacePoint closestPointOnMesh(const Mesh& mesh, const Eigen::Vector3d& p);
// The position of a surface point on a mesh with the same triangles (e.g. after a deformation).
Eigen::Vector3d evaluate(const Mesh& mesh, const SurfacePoint& sp);

} // namespace pal
