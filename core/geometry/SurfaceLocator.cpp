#include "core/geometry/SurfaceLocator.h"

#include "core/errors/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace pal {

SurfaceLocator::SurfaceLocator(std::shared_ptr<const Mesh> mesh,
                               std::shared_ptr<const KdTree3> vertexTree)
    : m_mesh(std::move(mesh)) {
    const Mesh& m = *m_mesh;
    const Eigen::Index nv = m.vertices.rows();
    const Eigen::Index nf = m.triangleCount();
    if (nf == 0) {
        return;
    }
    m_edge.reserve(static_cast<std::size_t>(nf));
    std::vector<std::int32_t> count(static_cast<std::size_t>(nv) + 1, 0);
    for (Eigen::Index f = 0; f < nf; ++f) {
        for (int k = 0; k < 3; ++k) {
            const std::int32_t v = m.triangles(f, k);
            if (v < 0 || v >= nv) {
                throw ValidationError(QString(), QStringLiteral("triangle %1 names vertex %2 of %3")
                                                     .arg(f + 1)
                                                     .arg(v + 1)
                                                     .arg(nv));
            }
            ++count[static_cast<std::size_t>(v) + 1];
        }
        const Eigen::Vector3d a = m.vertices.row(m.triangles(f, 0));
        const Eigen::Vector3d b = m.vertices.row(m.triangles(f, 1));
        const Eigen::Vector3d c = m.vertices.row(m.triangles(f, 2));
        m_edge.push_back(std::max({(a - b).norm(), (b - c).norm(), (c - a).norm()}));
        m_longestEdge = std::max(m_longestEdge, m_edge.back());
    }
    // Counts -> starts; then each vertex's triangles in increasing order.
    m_firstOfVertex.assign(count.begin(), count.end());
    for (std::size_t v = 1; v < m_firstOfVertex.size(); ++v) {
        m_firstOfVertex[v] += m_firstOfVertex[v - 1];
    }
    m_triangleOf.resize(static_cast<std::size_t>(m_firstOfVertex.back()));
    std::vector<std::int32_t> next(m_firstOfVertex.begin(), m_firstOfVertex.end() - 1);
    for (Eigen::Index f = 0; f < nf; ++f) {
        for (int k = 0; k < 3; ++k) {
            m_triangleOf[static_cast<std::size_t>(
                next[static_cast<std::size_t>(m.triangles(f, k))]++)] =
                static_cast<std::int32_t>(f);
        }
    }
    // The tree holds only vertices that triangles use: an isolated vertex is not surface.
    const bool allUsed =
        std::find(count.begin() + 1, count.end(), 0) == count.end(); // every vertex in a triangle
    if (allUsed && vertexTree && vertexTree->size() == nv) {
        m_treeVertex.resize(static_cast<std::size_t>(nv));
        std::iota(m_treeVertex.begin(), m_treeVertex.end(), 0);
        m_tree = std::move(vertexTree);
        return;
    }
    KdTree3::Points used(nv, 3);
    Eigen::Index n = 0;
    for (Eigen::Index v = 0; v < nv; ++v) {
        if (count[static_cast<std::size_t>(v) + 1] > 0) {
            used.row(n++) = m.vertices.row(v);
            m_treeVertex.push_back(static_cast<std::int32_t>(v));
        }
    }
    used.conservativeResize(n, 3);
    m_tree = std::make_shared<const KdTree3>(used);
}

SurfacePoint SurfaceLocator::closest(const Eigen::Vector3d& p) const {
    SurfacePoint best;
    if (!m_tree || !p.allFinite()) {
        return best;
    }
    const Mesh& m = *m_mesh;
    best.distance = std::numeric_limits<double>::infinity();
    // The closer of two points, and of two equally close the one on the smaller triangle: the
    // brute force's answer, whatever order the triangles are tried in.
    auto tryTriangle = [&](std::int32_t f) {
        Eigen::Vector3d w;
        const Eigen::Vector3d q =
            closestOnTriangle(p, m.vertices.row(m.triangles(f, 0)).transpose(),
                              m.vertices.row(m.triangles(f, 1)).transpose(),
                              m.vertices.row(m.triangles(f, 2)).transpose(), w);
        const double d = (q - p).norm();
        if (d < best.distance || (d == best.distance && f < best.triangle)) {
            best = {f, w, q, d};
        }
    };
    auto trianglesOf = [&](int treePoint) {
        const auto v = static_cast<std::size_t>(m_treeVertex[static_cast<std::size_t>(treePoint)]);
        return std::pair(m_triangleOf.begin() + m_firstOfVertex[v],
                         m_triangleOf.begin() + m_firstOfVertex[v + 1]);
    };
    // A first answer from the triangles of the nearest few vertices...
    for (const int t : m_tree->knn(p, 8)) {
        for (auto [it, end] = trianglesOf(t); it != end; ++it) {
            tryTriangle(*it);
        }
    }
    // ...then every triangle that could still beat it: one of its corners lies within
    // best + its longest edge of p, so within best + the mesh's longest edge, and a triangle
    // whose corner at distance r has r - its longest edge > best cannot.
    const double slack = 1e-9 * (1.0 + best.distance + m_longestEdge); // rounding
    std::vector<double> squared;
    const std::vector<int> near =
        m_tree->withinRadius(p, best.distance + m_longestEdge + slack, &squared,
                             KdTree3::Order::Any); // the best is the same in any order
    for (std::size_t i = 0; i < near.size(); ++i) {
        const double r = std::sqrt(squared[i]);
        for (auto [it, end] = trianglesOf(near[i]); it != end; ++it) {
            if (r - m_edge[static_cast<std::size_t>(*it)] <= best.distance + slack) {
                tryTriangle(*it);
            }
        }
    }
    return best;
}

} // namespace pal
