#include "core/geometry/Sampling.h"

#include "core/errors/Error.h"

#include <Eigen/Geometry>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>

namespace pal {

namespace {

// A double uniform in [0, 1) from the top 53 bits of one draw (exact on every platform).
double uniform01(std::mt19937_64& rng) {
    return double(rng() >> 11) * 0x1.0p-53;
}

void checkTriangles(const Mesh& mesh) {
    if (mesh.triangles.size() == 0) {
        return;
    }
    if (mesh.triangles.minCoeff() < 0 || mesh.triangles.maxCoeff() >= mesh.vertices.rows()) {
        throw ValidationError(mesh.sourcePath,
                              QStringLiteral("a triangle refers to a vertex that does not exist"));
    }
}

// Open-addressing hash grid of the points kept so far: cell -> head of a linked list through
// `next`. Cell coordinates are packed 21 bits each; on absurdly elongated meshes distant cells
// may alias, which only makes the exact distance test look at a few more points.
class KeptGrid {
public:
    KeptGrid(Eigen::Index maxPoints, const Eigen::Vector3d& origin, double cell)
        : m_origin(origin), m_inverseCell(1.0 / cell) {
        const std::uint64_t want =
            std::bit_ceil(std::uint64_t(std::max<Eigen::Index>(maxPoints, 8)) * 2);
        m_shift = 64 - std::countr_zero(want);
        m_mask = want - 1;
        m_slots.assign(want, Slot{});
        m_next.reserve(std::size_t(maxPoints));
    }

    // Integer cell coordinates of p (clamped far inside int64's range), and p's position
    // inside its cell in cell units, each in [0, 1] (up to rounding).
    std::array<std::int64_t, 3> cellOf(const double* p, double* within) const {
        std::array<std::int64_t, 3> cell;
        for (int k = 0; k < 3; ++k) {
            const double t = (p[k] - m_origin[k]) * m_inverseCell;
            const double f = std::clamp(std::floor(t), -1e18, 1e18);
            cell[std::size_t(k)] = std::int64_t(f);
            within[k] = t - f;
        }
        return cell;
    }

    // Head of the list of cell (x, y, z), or -1.
    int head(std::int64_t x, std::int64_t y, std::int64_t z) const {
        const std::uint64_t key = pack(x, y, z);
        for (std::uint64_t slot = hash(key);; slot = (slot + 1) & m_mask) {
            const Slot& s = m_slots[slot];
            if (s.key == key) {
                return s.head;
            }
            if (s.key == kEmpty) {
                return -1;
            }
        }
    }
    int next(int point) const { return m_next[std::size_t(point)]; }

    // Adds point number m_next.size() to cell (x, y, z).
    void add(std::int64_t x, std::int64_t y, std::int64_t z) {
        const std::uint64_t key = pack(x, y, z);
        std::uint64_t slot = hash(key);
        while (m_slots[slot].key != key && m_slots[slot].key != kEmpty) {
            slot = (slot + 1) & m_mask;
        }
        m_slots[slot].key = key;
        m_next.push_back(m_slots[slot].head);
        m_slots[slot].head = int(m_next.size()) - 1;
    }

private:
    static constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();
    static std::uint64_t pack(std::int64_t x, std::int64_t y, std::int64_t z) {
        constexpr std::uint64_t m = (std::uint64_t(1) << 21) - 1;
        return (std::uint64_t(x) & m) | ((std::uint64_t(y) & m) << 21) |
               ((std::uint64_t(z) & m) << 42);
    }
    std::uint64_t hash(std::uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> m_shift; }

    struct Slot {
        std::uint64_t key = kEmpty;
        int head = -1;
    };

    Eigen::Vector3d m_origin;
    double m_inverseCell;
    int m_shift = 0;
    std::uint64_t m_mask = 0;
    std::vector<Slot> m_slots; // key and list head side by side: one cache line per probe
    std::vector<int> m_next;   // per kept point: the previous kept point of its cell, or -1
};

// Area-weighted random points on a mesh, one at a time, each from three draws of the stream:
// triangle, then the two barycentric numbers.
class SurfaceSampler {
public:
    SurfaceSampler(const Mesh& mesh, quint64 seed) : m_mesh(mesh), m_rng(seed) {
        const std::vector<double> areas = triangleAreas(mesh);
        m_cumulative.resize(areas.size());
        for (std::size_t f = 0; f < areas.size(); ++f) {
            m_total += areas[f];
            m_cumulative[f] = m_total;
            if (areas[f] > 0) {
                m_lastWithArea = int(f);
            }
        }
        if (!empty()) {
            // guide[b]: where the search for a draw u in [b / G, (b + 1) / G) starts, so that
            // it looks at about one triangle instead of log2(#F).
            const std::size_t buckets = m_cumulative.size();
            m_guide.resize(buckets + 1);
            std::size_t f = 0;
            for (std::size_t b = 0; b <= buckets; ++b) {
                const double from = double(b) / double(buckets) * m_total;
                while (f < m_cumulative.size() && m_cumulative[f] <= from) {
                    ++f;
                }
                m_guide[b] = f;
            }
        }
    }

    // No area to sample from.
    bool empty() const { return !(m_total > 0) || !std::isfinite(m_total); }
    double area() const { return m_total; }

    // The next point; face receives its triangle.
    void next(double* point, int& face) {
        const double u = uniform01(m_rng);
        face = pickFace(u, u * m_total);
        const double s = std::sqrt(uniform01(m_rng));
        const double v = uniform01(m_rng);
        const double wa = 1.0 - s;
        const double wb = s * (1.0 - v);
        const double wc = s * v;
        const double* a = m_mesh.vertices.row(m_mesh.triangles(face, 0)).data();
        const double* b = m_mesh.vertices.row(m_mesh.triangles(face, 1)).data();
        const double* c = m_mesh.vertices.row(m_mesh.triangles(face, 2)).data();
        for (int k = 0; k < 3; ++k) {
            point[k] = wa * a[k] + wb * b[k] + wc * c[k];
        }
    }

private:
    std::size_t upperBound(std::size_t from, std::size_t to, double pick) const {
        return std::size_t(std::upper_bound(m_cumulative.begin() + std::ptrdiff_t(from),
                                            m_cumulative.begin() + std::ptrdiff_t(to), pick) -
                           m_cumulative.begin());
    }

    // The first triangle whose cumulative area exceeds pick (as a binary search over all of
    // them would find it): never a zero-area one, except through rounding at the very top,
    // hence the clamp.
    int pickFace(double u, double pick) const {
        const std::size_t n = m_cumulative.size();
        const std::size_t b = std::min(std::size_t(u * double(n)), n - 1);
        const std::size_t from = m_guide[b];
        const std::size_t to = std::min(n, m_guide[b + 1] + 1);
        std::size_t f = upperBound(std::min(from, to), to, pick);
        // The guide is only a hint (its bounds are rounded): check the answer, and search
        // everything in the rare case it is wrong.
        const bool valid =
            (f == 0 || m_cumulative[f - 1] <= pick) && (f == n || m_cumulative[f] > pick);
        if (!valid) {
            f = upperBound(0, n, pick);
        }
        return std::min(int(f), m_lastWithArea);
    }

    const Mesh& m_mesh;
    std::mt19937_64 m_rng;
    std::vector<double> m_cumulative;
    std::vector<std::size_t> m_guide;
    double m_total = 0;
    int m_lastWithArea = -1;
};

} // namespace

std::vector<double> triangleAreas(const Mesh& mesh) {
    checkTriangles(mesh);
    std::vector<double> areas(std::size_t(mesh.triangles.rows()));
    for (Eigen::Index f = 0; f < mesh.triangles.rows(); ++f) {
        const Eigen::Vector3d a = mesh.vertices.row(mesh.triangles(f, 0));
        const Eigen::Vector3d b = mesh.vertices.row(mesh.triangles(f, 1));
        const Eigen::Vector3d c = mesh.vertices.row(mesh.triangles(f, 2));
        areas[std::size_t(f)] = 0.5 * (b - a).cross(c - a).norm();
    }
    return areas;
}

double surfaceArea(const Mesh& mesh) {
    double total = 0;
    for (double a : triangleAreas(mesh)) {
        total += a;
    }
    return total;
}

Vertices sampleSurface(const Mesh& mesh, int count, quint64 seed, std::vector<int>* faceIndex) {
    if (faceIndex) {
        faceIndex->clear();
    }
    SurfaceSampler sampler(mesh, seed);
    if (count <= 0 || sampler.empty()) {
        return Vertices(0, 3);
    }
    Vertices points(count, 3);
    if (faceIndex) {
        faceIndex->resize(std::size_t(count));
    }
    for (int i = 0; i < count; ++i) {
        int face = -1;
        sampler.next(points.row(i).data(), face);
        if (faceIndex) {
            (*faceIndex)[std::size_t(i)] = face;
        }
    }
    return points;
}

double evenSamplingRadius(const Mesh& mesh, int count) {
    if (count <= 0) {
        return 0;
    }
    return std::sqrt(surfaceArea(mesh) / (3.0 * double(count)));
}

Vertices sampleSurfaceEvenly(const Mesh& mesh, int count, quint64 seed,
                             std::vector<int>* faceIndex) {
    if (faceIndex) {
        faceIndex->clear();
    }
    if (count <= 0) {
        return Vertices(0, 3);
    }
    if (count > std::numeric_limits<int>::max() / 3) {
        throw ValidationError(mesh.sourcePath,
                              QStringLiteral("too many surface samples requested (%1)").arg(count));
    }
    SurfaceSampler sampler(mesh, seed);
    const double radius = std::sqrt(sampler.area() / (3.0 * double(count)));
    if (sampler.empty() || !(radius > 0) || !std::isfinite(1.0 / radius)) {
        return Vertices(0, 3);
    }

    // The draws are made one by one, in the order sampleSurface(mesh, 3 * count, seed) makes
    // them, and stop once `count` are kept. Grid cells are two radii wide, so the ball around a
    // draw meets its own cell and, per axis, at most the neighbour on the side it is nearer to:
    // at most 8 cells, fewer after skipping those whose nearest side is out of reach. The
    // grid's origin only shifts the cells; the mesh's first corner is one near the surface.
    const double r2 = radius * radius;
    KeptGrid grid(count, mesh.vertices.row(mesh.triangles(0, 0)).transpose(), 2.0 * radius);
    Vertices points(count, 3);
    std::vector<int> faces;
    if (faceIndex) {
        faces.reserve(std::size_t(count));
    }
    int kept = 0;
    for (int i = 0; i < 3 * count && kept < count; ++i) {
        double p[3];
        int face = -1;
        sampler.next(p, face);
        double within[3];
        const auto c = grid.cellOf(p, within);
        std::array<int, 3> side;
        std::array<double, 3> gap2; // squared distance to that side, in radii
        for (int k = 0; k < 3; ++k) {
            const bool low = within[k] < 0.5;
            side[std::size_t(k)] = low ? -1 : 1;
            const double gap = 2.0 * (low ? within[k] : 1.0 - within[k]);
            gap2[std::size_t(k)] = gap * gap;
        }
        bool tooClose = false;
        for (unsigned mask = 0; mask < 8 && !tooClose; ++mask) {
            std::array<std::int64_t, 3> cell = c;
            double reach2 = 0;
            for (std::size_t k = 0; k < 3; ++k) {
                if (mask & (1u << k)) {
                    cell[k] += side[k];
                    reach2 += gap2[k];
                }
            }
            if (reach2 > 1.0 + 1e-6) { // margin for rounding: probing one more cell is harmless
                continue;
            }
            for (int k = grid.head(cell[0], cell[1], cell[2]); k >= 0; k = grid.next(k)) {
                const double* q = points.row(k).data();
                const double ex = p[0] - q[0];
                const double ey = p[1] - q[1];
                const double ez = p[2] - q[2];
                if (ex * ex + ey * ey + ez * ez <= r2) {
                    tooClose = true;
                    break;
                }
            }
        }
        if (!tooClose) {
            grid.add(c[0], c[1], c[2]);
            points.row(kept) << p[0], p[1], p[2];
            if (faceIndex) {
                faces.push_back(face);
            }
            ++kept;
        }
    }
    points.conservativeResize(kept, 3);
    if (faceIndex) {
        *faceIndex = std::move(faces);
    }
    return points;
}

} // namespace pal
