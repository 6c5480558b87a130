#include "core/geometry/MeshOps.h"

#include <Eigen/Geometry>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

namespace pal {

Vertices vertexNormals(const Mesh& mesh) {
    Vertices n = Vertices::Zero(mesh.vertexCount(), 3);
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        const auto t = mesh.triangles.row(f);
        const Eigen::Vector3d a = mesh.vertices.row(t[0]);
        const Eigen::Vector3d b = mesh.vertices.row(t[1]);
        const Eigen::Vector3d c = mesh.vertices.row(t[2]);
        const Eigen::RowVector3d fn = (b - a).cross(c - a).transpose(); // length = 2 x area
        for (int k = 0; k < 3; ++k) {
            n.row(t[k]) += fn;
        }
    }
    for (Eigen::Index i = 0; i < n.rows(); ++i) {
        const double len = n.row(i).norm();
        if (len > 0) {
            n.row(i) /= len;
        }
    }
    return n;
}

Eigen::Index weldVertices(Mesh& mesh) {
    // An open-addressing table of first occurrences (a power of two at least twice the
    // vertices, linear probing): no allocation per vertex, unlike a node-based map (66,701
    // vertices: 7-11 ms with std::unordered_map, most of reading a face for the network).
    // Positions compare with ==, so +0 and -0 are one position and a NaN is never merged.
    const Eigen::Index n = mesh.vertexCount();
    const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, 2 * std::size_t(n)));
    const std::size_t mask = capacity - 1;
    std::vector<std::int32_t> table(capacity, -1); // a vertex of `out`, or -1
    auto bitsOf = [](double v) {
        v = v == 0.0 ? 0.0 : v; // -0 hashes as +0
        std::uint64_t u;
        std::memcpy(&u, &v, sizeof u);
        return u;
    };
    auto hashOf = [&](const double* p) {
        std::uint64_t h = bitsOf(p[0]) * 0x9e3779b97f4a7c15ULL;
        h = (h ^ (h >> 29) ^ bitsOf(p[1])) * 0xbf58476d1ce4e5b9ULL;
        h = (h ^ (h >> 31) ^ bitsOf(p[2])) * 0x94d049bb133111ebULL;
        return std::size_t(h ^ (h >> 32));
    };
    std::vector<std::int32_t> remap(static_cast<std::size_t>(n));
    Vertices out(n, 3);
    std::int32_t next = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double* p = &mesh.vertices(i, 0);
        std::size_t slot = hashOf(p) & mask;
        while (true) {
            const std::int32_t found = table[slot];
            if (found < 0) {
                table[slot] = next;
                out.row(next) = mesh.vertices.row(i);
                remap[static_cast<std::size_t>(i)] = next++;
                break;
            }
            const double* q = &out(found, 0);
            if (p[0] == q[0] && p[1] == q[1] && p[2] == q[2]) {
                remap[static_cast<std::size_t>(i)] = found;
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
    if (next == n) {
        return 0;
    }
    out.conservativeResize(next, 3);
    mesh.vertices = std::move(out);
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        for (int k = 0; k < 3; ++k) {
            mesh.triangles(f, k) = remap[static_cast<std::size_t>(mesh.triangles(f, k))];
        }
    }
    mesh.normals.resize(0, 3);
    return n - next;
}

Mesh submesh(const Mesh& mesh, const std::vector<bool>& keepTriangle,
             std::vector<std::int32_t>* oldToNew) {
    std::vector<std::int32_t> remap(static_cast<std::size_t>(mesh.vertexCount()), -1);
    Eigen::Index kept = 0;
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        if (keepTriangle[static_cast<std::size_t>(f)]) {
            ++kept;
            for (int k = 0; k < 3; ++k) {
                remap[static_cast<std::size_t>(mesh.triangles(f, k))] = 0;
            }
        }
    }
    std::int32_t next = 0;
    for (std::int32_t& r : remap) {
        if (r == 0) {
            r = next++;
        }
    }
    Mesh out;
    out.sourcePath = mesh.sourcePath;
    out.texturePath = mesh.texturePath;
    out.vertices.resize(next, 3);
    for (std::size_t i = 0; i < remap.size(); ++i) {
        if (remap[i] >= 0) {
            out.vertices.row(remap[i]) = mesh.vertices.row(static_cast<Eigen::Index>(i));
        }
    }
    out.triangles.resize(kept, 3);
    if (mesh.hasUVs()) {
        out.uvs = mesh.uvs;
        out.triangleUVs.resize(kept, 3);
    }
    Eigen::Index row = 0;
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        if (keepTriangle[static_cast<std::size_t>(f)]) {
            for (int k = 0; k < 3; ++k) {
                out.triangles(row, k) = remap[static_cast<std::size_t>(mesh.triangles(f, k))];
            }
            if (mesh.hasUVs()) {
                out.triangleUVs.row(row) = mesh.triangleUVs.row(f);
            }
            ++row;
        }
    }
    if (oldToNew) {
        *oldToNew = std::move(remap);
    }
    return out;
}

namespace {

std::uint64_t edgeKey(std::int32_t a, std::int32_t b) {
    return (static_cast<std::uint64_t>(std::min(a, b)) << 32) |
           static_cast<std::uint32_t>(std::max(a, b));
}

struct EdgeInfo {
    std::int32_t index = -1; // new vertex index
    std::int32_t opposite[2] = {-1, -1};
    int faces = 0;
};
using EdgeMap = std::unordered_map<std::uint64_t, EdgeInfo>;

// Every edge once, with the new vertex it gets (numbered after the old ones) and the
// vertices opposite it in its one or two triangles.
EdgeMap collectEdges(const Mesh& mesh, std::int32_t& next) {
    EdgeMap edges;
    edges.reserve(static_cast<std::size_t>(mesh.triangleCount()) * 2);
    next = static_cast<std::int32_t>(mesh.vertexCount());
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        for (int k = 0; k < 3; ++k) {
            const std::int32_t a = mesh.triangles(f, k);
            const std::int32_t b = mesh.triangles(f, (k + 1) % 3);
            EdgeInfo& e = edges[edgeKey(a, b)];
            if (e.index < 0) {
                e.index = next++;
            }
            if (e.faces < 2) {
                e.opposite[e.faces] = mesh.triangles(f, (k + 2) % 3);
            }
            ++e.faces;
        }
    }
    return edges;
}

// The old vertices, moved by Loop's rule: interior ones towards their ring, boundary ones
// along the boundary, corners and non-manifold ones kept.
void moveOldVertices(const Mesh& mesh, const EdgeMap& edges, Mesh& out) {
    const Eigen::Index nv = mesh.vertexCount();
    std::vector<std::vector<std::int32_t>> ring(static_cast<std::size_t>(nv));
    std::vector<std::vector<std::int32_t>> boundaryRing(static_cast<std::size_t>(nv));
    for (const auto& [k, e] : edges) {
        const auto a = static_cast<std::int32_t>(k >> 32);
        const auto b = static_cast<std::int32_t>(k & 0xffffffffu);
        ring[static_cast<std::size_t>(a)].push_back(b);
        ring[static_cast<std::size_t>(b)].push_back(a);
        if (e.faces == 1) {
            boundaryRing[static_cast<std::size_t>(a)].push_back(b);
            boundaryRing[static_cast<std::size_t>(b)].push_back(a);
        }
    }
    for (Eigen::Index i = 0; i < nv; ++i) {
        const auto& br = boundaryRing[static_cast<std::size_t>(i)];
        const auto& r = ring[static_cast<std::size_t>(i)];
        const Eigen::RowVector3d v = mesh.vertices.row(i);
        if (br.size() == 2) {
            out.vertices.row(i) =
                0.75 * v + 0.125 * (mesh.vertices.row(br[0]) + mesh.vertices.row(br[1]));
        } else if (!br.empty() || r.empty()) {
            out.vertices.row(i) = v; // a corner or non-manifold vertex stays
        } else {
            const double n = static_cast<double>(r.size());
            const double c = 3.0 / 8.0 + 0.25 * std::cos(2.0 * M_PI / n);
            const double beta = (5.0 / 8.0 - c * c) / n;
            Eigen::RowVector3d sum = Eigen::RowVector3d::Zero();
            for (std::int32_t j : r) {
                sum += mesh.vertices.row(j);
            }
            out.vertices.row(i) = (1.0 - n * beta) * v + beta * sum;
        }
    }
}

// The new vertex of each edge: 3/8 of its ends and 1/8 of the opposite vertices inside, the
// midpoint on the boundary.
void placeEdgeVertices(const Mesh& mesh, const EdgeMap& edges, Mesh& out) {
    for (const auto& [k, e] : edges) {
        const auto a = static_cast<std::int32_t>(k >> 32);
        const auto b = static_cast<std::int32_t>(k & 0xffffffffu);
        const Eigen::RowVector3d mid = mesh.vertices.row(a) + mesh.vertices.row(b);
        if (e.faces == 2) {
            out.vertices.row(e.index) = 0.375 * mid + 0.125 * (mesh.vertices.row(e.opposite[0]) +
                                                               mesh.vertices.row(e.opposite[1]));
        } else {
            out.vertices.row(e.index) = 0.5 * mid;
        }
    }
}

} // namespace

Mesh loopSubdivide(const Mesh& mesh) {
    const Eigen::Index nf = mesh.triangleCount();
    std::int32_t next = 0;
    EdgeMap edges = collectEdges(mesh, next);
    Mesh out;
    out.sourcePath = mesh.sourcePath;
    out.vertices.resize(next, 3);
    moveOldVertices(mesh, edges, out);
    placeEdgeVertices(mesh, edges, out);
    // Each triangle into four.
    out.triangles.resize(nf * 4, 3);
    for (Eigen::Index f = 0; f < nf; ++f) {
        const std::int32_t a = mesh.triangles(f, 0);
        const std::int32_t b = mesh.triangles(f, 1);
        const std::int32_t c = mesh.triangles(f, 2);
        const std::int32_t ab = edges[edgeKey(a, b)].index;
        const std::int32_t bc = edges[edgeKey(b, c)].index;
        const std::int32_t ca = edges[edgeKey(c, a)].index;
        out.triangles.row(4 * f) << a, ab, ca;
        out.triangles.row(4 * f + 1) << ab, b, bc;
        out.triangles.row(4 * f + 2) << ca, bc, c;
        out.triangles.row(4 * f + 3) << ab, bc, ca;
    }
    return out;
}

// Ericson, Real-Time Collision Detection, 5.1.5.
Eigen::Vector3d closestOnTriangle(const Eigen::Vector3d& p, const Eigen::Vector3d& a,
                                  const Eigen::Vector3d& b, const Eigen::Vector3d& c,
                                  Eigen::Vector3d& w) {
    const Eigen::Vector3d ab = b - a;
    const Eigen::Vector3d ac = c - a;
    const Eigen::Vector3d ap = p - a;
    const double d1 = ab.dot(ap);
    const double d2 = ac.dot(ap);
    if (d1 <= 0 && d2 <= 0) {
        w = {1, 0, 0};
        return a;
    }
    const Eigen::Vector3d bp = p - b;
    const double d3 = ab.dot(bp);
    const double d4 = ac.dot(bp);
    if (d3 >= 0 && d4 <= d3) {
        w = {0, 1, 0};
        return b;
    }
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) {
        const double v = d1 / (d1 - d3);
        w = {1 - v, v, 0};
        return a + v * ab;
    }
    const Eigen::Vector3d cp = p - c;
    const double d5 = ab.dot(cp);
    const double d6 = ac.dot(cp);
    if (d6 >= 0 && d5 <= d6) {
        w = {0, 0, 1};
        return c;
    }
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) {
        const double t = d2 / (d2 - d6);
        w = {1 - t, 0, t};
        return a + t * ac;
    }
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
        const double t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        w = {0, 1 - t, t};
        return b + t * (c - b);
    }
    const double denom = 1.0 / (va + vb + vc);
    const double v = vb * denom;
    const double u = vc * denom;
    w = {1 - v - u, v, u};
    return a + ab * v + ac * u;
}

SurfacePoint closestPointOnMesh(const Mesh& mesh, const Eigen::Vector3d& p) {
    SurfacePoint best;
    best.distance = std::numeric_limits<double>::infinity();
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        const Eigen::Vector3d a = mesh.vertices.row(mesh.triangles(f, 0));
        const Eigen::Vector3d b = mesh.vertices.row(mesh.triangles(f, 1));
        const Eigen::Vector3d c = mesh.vertices.row(mesh.triangles(f, 2));
        // Cheap reject: the triangle's bounding sphere is farther than the best so far.
        const Eigen::Vector3d centre = (a + b + c) / 3.0;
        const double radius =
            std::max({(a - centre).norm(), (b - centre).norm(), (c - centre).norm()});
        if ((p - centre).norm() - radius > best.distance) {
            continue;
        }
        Eigen::Vector3d w;
        const Eigen::Vector3d q = closestOnTriangle(p, a, b, c, w);
        const double d = (q - p).norm();
        if (d < best.distance) {
            best = {f, w, q, d};
        }
    }
    return best;
}

Eigen::Vector3d evaluate(const Mesh& mesh, const SurfacePoint& sp) {
    Eigen::Vector3d p = Eigen::Vector3d::Zero();
    for (int k = 0; k < 3; ++k) {
        p += sp.weights[k] * mesh.vertices.row(mesh.triangles(sp.triangle, k)).transpose();
    }
    return p;
}

} // namespace pal
