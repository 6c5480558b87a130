#pragma once

// The exact closest point of a triangle mesh's surface, for many queries on one mesh
// (docs/method.md, Pipeline, step 5, the "surface" snapping).
//
// Built once per mesh (a KD-tree over the vertices that triangles use, each vertex's
// triangles, each triangle's longest edge): O(#V log #V + #F). A query takes the best point d
// on the triangles of the 8 vertices nearest p, then tries every triangle with a corner within
// d + e (e: the mesh's longest edge) unless that corner lies farther than d + the triangle's
// own longest edge. That is exact: every point of a triangle lies within its longest edge of
// each of its corners, so a triangle closer than d has all its corners within d + its longest
// edge. Answers are the same as closestPointOnMesh's, ties included (the smallest triangle
// index among equally close ones). Queries are const and may run from several threads at once.

#include "core/geometry/KdTree.h"
#include "core/geometry/MeshOps.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <vector>

namespace pal {

class SurfaceLocator {
public:
    // Keeps the mesh (shared) for the triangles' corners. Throws ValidationError when a
    // triangle names a missing vertex. vertexTree: a KD-tree over all the mesh's vertices
    // already built (the engine's patches need one), used when every vertex belongs to a
    // triangle; otherwise, or when none is given, the locator builds its own.
    explicit SurfaceLocator(std::shared_ptr<const Mesh> mesh,
                            std::shared_ptr<const KdTree3> vertexTree = nullptr);

    // False for a mesh without triangles: closest() then finds nothing.
    bool hasSurface() const { return m_tree != nullptr; }

    // The closest surface point to p; triangle -1 when p is not finite or there is no surface.
    SurfacePoint closest(const Eigen::Vector3d& p) const;

private:
    std::shared_ptr<const Mesh> m_mesh;
    std::vector<std::int32_t> m_treeVertex;    // tree point -> mesh vertex
    std::vector<std::int32_t> m_firstOfVertex; // CSR: mesh vertex v's triangles are
    std::vector<std::int32_t> m_triangleOf;    // m_triangleOf[m_firstOfVertex[v] .. [v+1])
    std::vector<double> m_edge;                // each triangle's longest edge
    double m_longestEdge = 0;
    std::shared_ptr<const KdTree3> m_tree;
};

} // namespace pal
