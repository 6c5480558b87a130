#pragma once

// A 3D KD-tree for exact nearest-neighbour queries (nanoflann behind a private implementation,
// so including this header stays cheap).
//
// Ordering is deterministic: results come sorted by Euclidean distance, ties broken by the
// smaller point index. Queries are const and may run concurrently from several threads.

#include <Eigen/Core>

#include <memory>
#include <vector>

namespace pal {

class KdTree3 {
public:
    // The order of a query's results: nearest first (ties by smaller index), or any order
    // (the same points, found quicker when the caller orders them its own way or not at all).
    enum class Order { NearestFirst, Any };

    using Points = Eigen::Matrix<double, Eigen::Dynamic, 3, Eigen::RowMajor>;

    // Builds the tree over #P x 3 points. The tree keeps its own copy, so `points` may go
    // away afterwards. An empty set is allowed (every query then returns nothing / -1).
    // threads > 1: a big set is split at the median of its longest side and the two halves'
    // trees are built at once; queries walk both with one result, so every answer is the same.
    explicit KdTree3(const Points& points, int threads = 1);
    ~KdTree3();
    KdTree3(KdTree3&&) noexcept;
    KdTree3& operator=(KdTree3&&) noexcept;
    KdTree3(const KdTree3&) = delete;
    KdTree3& operator=(const KdTree3&) = delete;

    // Number of points, and the copy the tree was built over (#P x 3).
    int size() const;
    const Points& points() const;

    // Index of the point closest to p (smallest index among equally close ones); -1 if the tree
    // is empty. A query point that is not finite finds nothing (-1, empty lists).
    int nearest(const Eigen::Vector3d& p) const;

    // The min(k, size()) points closest to p, nearest first, ties by smaller index.
    // squaredDistances (if given) receives their squared distances to p, in the same order.
    // With Order::Any, the same points in no particular order: a radius search sized from the
    // distances of p's 16 nearest points and widened until it holds k, then a selection of the
    // k smallest (distance, index). For k in the hundreds on a surface, several times quicker
    // than keeping a heap of k through the tree's walk.
    std::vector<int> knn(const Eigen::Vector3d& p, int k,
                         std::vector<double>* squaredDistances = nullptr,
                         Order order = Order::NearestFirst) const;

    // Every point at distance <= radius from p, nearest first, ties by smaller index.
    std::vector<int> withinRadius(const Eigen::Vector3d& p, double radius,
                                  std::vector<double>* squaredDistances = nullptr,
                                  Order order = Order::NearestFirst) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pal
