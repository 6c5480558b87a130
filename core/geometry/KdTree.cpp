#include "core/geometry/KdTree.h"
#include "core/util/Parallel.h"

#include <nanoflann.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

namespace pal {

namespace {

struct PointSource {
    KdTree3::Points points;

    std::size_t kdtree_get_point_count() const { return std::size_t(points.rows()); }
    double kdtree_get_pt(std::uint32_t i, std::size_t dim) const {
        return points(Eigen::Index(i), Eigen::Index(dim));
    }
    template <class Box> bool kdtree_get_bbox(Box&) const { return false; }
};

using Metric = nanoflann::L2_Simple_Adaptor<double, PointSource, double, std::uint32_t>;
using Index = nanoflann::KDTreeSingleIndexAdaptor<Metric, PointSource, 3, std::uint32_t>;

// (squared distance, index), compared lexicographically: the deterministic order.
using Candidate = std::pair<double, std::uint32_t>;

// Slightly above d, so that nanoflann's strict "dist < worstDist()" also lets exact ties
// through to addPoint, which then decides by index.
double justAbove(double d) {
    return std::nextafter(d, std::numeric_limits<double>::infinity());
}

// The k best candidates in a max-heap keyed on (distance, index).
class KnnSet {
public:
    explicit KnnSet(std::size_t k) : m_k(k) { m_heap.reserve(k); }

    bool full() const { return m_heap.size() == m_k; }
    double worstDist() const {
        return full() ? justAbove(m_heap.front().first) : std::numeric_limits<double>::infinity();
    }
    bool addPoint(double dist, std::uint32_t index) {
        const Candidate c{dist, index};
        if (!full()) {
            m_heap.push_back(c);
            std::push_heap(m_heap.begin(), m_heap.end());
        } else if (c < m_heap.front()) {
            std::pop_heap(m_heap.begin(), m_heap.end());
            m_heap.back() = c;
            std::push_heap(m_heap.begin(), m_heap.end());
        }
        return true;
    }
    std::vector<Candidate> sorted() {
        std::sort_heap(m_heap.begin(), m_heap.end());
        return std::move(m_heap);
    }

private:
    std::size_t m_k;
    std::vector<Candidate> m_heap;
};

// Every candidate at squared distance <= r2.
class RadiusSet {
public:
    explicit RadiusSet(double r2) : m_r2(r2) {}

    bool full() const { return true; }
    double worstDist() const { return justAbove(m_r2); }
    bool addPoint(double dist, std::uint32_t index) {
        if (dist <= m_r2) {
            m_found.emplace_back(dist, index);
        }
        return true;
    }
    std::vector<Candidate> sorted() {
        std::sort(m_found.begin(), m_found.end());
        return std::move(m_found);
    }
    std::vector<Candidate>& found() { return m_found; }

private:
    double m_r2;
    std::vector<Candidate> m_found;
};

std::vector<int> unpack(const std::vector<Candidate>& found, std::vector<double>* distances) {
    std::vector<int> indices(found.size());
    if (distances) {
        distances->resize(found.size());
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        indices[i] = int(found[i].second);
        if (distances) {
            (*distances)[i] = found[i].first;
        }
    }
    return indices;
}

// A result set seen through a part's own point numbers: the part's index i is the whole
// set's toWhole[i], so one result walks several parts' trees and decides ties as one tree would.
template <class Set> class InWhole {
public:
    InWhole(Set& set, const std::vector<std::uint32_t>& toWhole) : m_set(set), m_toWhole(toWhole) {}
    bool full() const { return m_set.full(); }
    double worstDist() const { return m_set.worstDist(); }
    bool addPoint(double dist, std::uint32_t index) {
        return m_set.addPoint(dist, m_toWhole[index]);
    }

private:
    Set& m_set;
    const std::vector<std::uint32_t>& m_toWhole;
};

// Part of the points with its own tree (Impl lives on the heap and parts in a vector of
// unique_ptr, so moving never moves the data under an index).
struct Part {
    PointSource source;
    std::vector<std::uint32_t> toWhole;
    std::unique_ptr<Index> index;

    void build() {
        // Leaves of up to 32 points rather than nanoflann's 10: a shallower tree is quicker to
        // build, and the engine builds one per face for 100 queries (patches: 17-18 -> 15-16
        // ms, the surface locator 8.1 -> 6.7 ms for a 66,701-vertex face, bench_predict).
        index = std::make_unique<Index>(3, source, nanoflann::KDTreeSingleIndexAdaptorParams(32));
    }
};

// Below this many points one tree is built: a thread costs more than half a build saves.
constexpr Eigen::Index kSplitAbove = 20000;

} // namespace

struct KdTree3::Impl {
    KdTree3::Points points; // the whole set when it is split (one part holds it otherwise)
    std::vector<std::unique_ptr<Part>> parts;

    template <class Set> void find(Set& result, const Eigen::Vector3d& p) const {
        for (const auto& part : parts) {
            InWhole<Set> inWhole(result, part->toWhole);
            part->index->findNeighbors(inWhole, p.data(), nanoflann::SearchParams());
        }
    }
};

namespace {

// The points' numbers in two halves at the median of the set's longest side (ties by number),
// each half in the whole set's order.
std::vector<std::vector<std::uint32_t>> halves(const KdTree3::Points& points) {
    const auto n = std::uint32_t(points.rows());
    Eigen::Index axis = 0;
    (points.colwise().maxCoeff() - points.colwise().minCoeff()).maxCoeff(&axis);
    auto key = [&](std::uint32_t i) { return std::pair(points(i, axis), i); };
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    const auto middle = order.begin() + n / 2;
    std::nth_element(order.begin(), middle, order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    const auto pivot = key(*middle);
    std::vector<std::vector<std::uint32_t>> out(2);
    out[0].reserve(n / 2);
    out[1].reserve(n - n / 2);
    for (std::uint32_t i = 0; i < n; ++i) {
        out[key(i) < pivot ? 0 : 1].push_back(i);
    }
    return out;
}

} // namespace

KdTree3::KdTree3(const Points& points, int threads) : m_impl(std::make_unique<Impl>()) {
    std::vector<std::vector<std::uint32_t>> subsets;
    if (threads > 1 && points.rows() > kSplitAbove) {
        subsets = halves(points);
        m_impl->points = points;
    } else {
        subsets.emplace_back(static_cast<std::size_t>(points.rows()));
        std::iota(subsets.back().begin(), subsets.back().end(), 0U);
    }
    for (auto& subset : subsets) {
        auto part = std::make_unique<Part>();
        part->source.points = subsets.size() == 1 ? points : Points(points(subset, Eigen::all));
        part->toWhole = std::move(subset);
        m_impl->parts.push_back(std::move(part));
    }
    runParts(m_impl->parts.size(), [&](std::size_t i) { m_impl->parts[i]->build(); });
}

KdTree3::~KdTree3() = default;
KdTree3::KdTree3(KdTree3&&) noexcept = default;
KdTree3& KdTree3::operator=(KdTree3&&) noexcept = default;

int KdTree3::size() const {
    return int(points().rows());
}

const KdTree3::Points& KdTree3::points() const {
    return m_impl->parts.size() == 1 ? m_impl->parts.front()->source.points : m_impl->points;
}

int KdTree3::nearest(const Eigen::Vector3d& p) const {
    const std::vector<int> one = knn(p, 1);
    return one.empty() ? -1 : one.front();
}

std::vector<int> KdTree3::knn(const Eigen::Vector3d& p, int k,
                              std::vector<double>* squaredDistances, Order order) const {
    const std::size_t n = std::size_t(std::clamp(k, 0, size()));
    if (n == 0 || !p.allFinite()) {
        return unpack({}, squaredDistances);
    }
    constexpr std::size_t probe = 16;
    if (order == Order::Any && n > 4 * probe && n < std::size_t(size())) {
        // The k nearest lie within the k-th nearest's distance: guess a radius from how far
        // the 16 nearest reach beyond the nearest (on a surface, the count within r grows with
        // r squared), widen it until it holds k points, and keep the k smallest (distance,
        // index): exactly the points and ties of the sorted query.
        std::vector<double> d2;
        knn(p, int(probe), &d2);
        const double nearest = std::sqrt(d2.front());
        double reach = std::sqrt(d2.back()) - nearest;
        if (reach > 0 && std::isfinite(reach)) {
            reach *= 1.2 * std::sqrt(double(n) / double(probe));
            for (int attempt = 0; attempt < 32; ++attempt, reach *= 1.5) {
                RadiusSet within((nearest + reach) * (nearest + reach));
                m_impl->find(within, p);
                std::vector<Candidate>& found = within.found();
                if (found.size() >= n) {
                    std::nth_element(found.begin(), found.begin() + std::ptrdiff_t(n - 1),
                                     found.end());
                    found.resize(n);
                    return unpack(found, squaredDistances);
                }
            }
        }
        // Coincident points (no reach to scale) or a radius that never grew enough: the heap.
    }
    KnnSet result(n);
    m_impl->find(result, p);
    return unpack(result.sorted(), squaredDistances);
}

std::vector<int> KdTree3::withinRadius(const Eigen::Vector3d& p, double radius,
                                       std::vector<double>* squaredDistances, Order order) const {
    if (size() == 0 || !(radius >= 0) || !p.allFinite()) {
        return unpack({}, squaredDistances);
    }
    RadiusSet result(radius * radius);
    m_impl->find(result, p);
    return unpack(order == Order::Any ? result.found() : result.sorted(), squaredDistances);
}

} // namespace pal
