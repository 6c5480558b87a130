#include "core/geometry/Patches.h"

#include "core/errors/Error.h"
#include "core/util/Parallel.h"

#include <algorithm>
#include <utility>

namespace pal {

std::vector<int> patchIndices(const Vertices& vertices, const KdTree3& tree,
                              const Eigen::MatrixX3d& templateLandmarks, int K, int threads) {
    if (K < 1) {
        throw ValidationError(QString(),
                              QStringLiteral("patch size must be at least 1, not %1").arg(K));
    }
    if (vertices.rows() < K) {
        throw ValidationError(
            QString(), QStringLiteral("the mesh has %1 vertices, fewer than the patch size %2")
                           .arg(vertices.rows())
                           .arg(K));
    }
    if (tree.size() != vertices.rows()) {
        throw ValidationError(
            QString(), QStringLiteral("the KD-tree holds %1 points but the mesh has %2 vertices")
                           .arg(tree.size())
                           .arg(vertices.rows()));
    }

    const Eigen::Index L = templateLandmarks.rows();
    for (Eigen::Index l = 0; l < L; ++l) {
        if (!templateLandmarks.row(l).allFinite()) {
            throw ValidationError(
                QString(), QStringLiteral("template landmark %1 is not a finite point").arg(l + 1));
        }
    }
    std::vector<int> indices(std::size_t(L) * std::size_t(K));
    // Landmarks first .. last - 1, into their own part of `indices`.
    auto cut = [&](Eigen::Index first, Eigen::Index last) {
        std::vector<std::pair<double, int>> patch(static_cast<std::size_t>(K));
        for (Eigen::Index l = first; l < last; ++l) {
            const int snapped = tree.nearest(templateLandmarks.row(l).transpose());
            // Any order: the patch is ordered by the vertices' norms below.
            const std::vector<int> near =
                tree.knn(vertices.row(snapped).transpose(), K, nullptr, KdTree3::Order::Any);
            for (int j = 0; j < K; ++j) {
                const int v = near[std::size_t(j)];
                patch[std::size_t(j)] = {vertices.row(v).norm(), v};
            }
            std::sort(patch.begin(), patch.end());
            int* out = indices.data() + std::size_t(l) * std::size_t(K);
            for (const auto& entry : patch) {
                *out++ = entry.second;
            }
        }
    };
    const Eigen::Index parts = std::clamp<Eigen::Index>(threads, 1, std::max<Eigen::Index>(1, L));
    runParts(std::size_t(parts), [&](std::size_t t) {
        cut(L * Eigen::Index(t) / parts, L * (Eigen::Index(t) + 1) / parts);
    });
    return indices;
}

std::vector<float> extractPatches(const Vertices& vertices, const KdTree3& tree,
                                  const Eigen::MatrixX3d& templateLandmarks, int K, int threads) {
    const std::vector<int> indices = patchIndices(vertices, tree, templateLandmarks, K, threads);
    std::vector<float> patches(indices.size() * 3);
    for (std::size_t i = 0; i < indices.size(); ++i) {
        for (int c = 0; c < 3; ++c) {
            patches[3 * i + std::size_t(c)] = float(vertices(indices[i], c));
        }
    }
    return patches;
}

std::vector<float> extractPatchesMoved(const Vertices& vertices, const KdTree3& tree,
                                       const Eigen::MatrixX3d& templateLandmarks, int K,
                                       const Eigen::Isometry3d& move) {
    // The template moved back onto the unmoved mesh picks the same vertices as the template
    // on the moved mesh (a rigid move keeps every distance).
    const Eigen::Isometry3d back = move.inverse();
    Eigen::MatrixX3d templ(templateLandmarks.rows(), 3);
    for (Eigen::Index l = 0; l < templ.rows(); ++l) {
        templ.row(l) = (back * Eigen::Vector3d(templateLandmarks.row(l).transpose())).transpose();
    }
    const std::vector<int> indices = patchIndices(vertices, tree, templ, K);
    std::vector<float> patches(indices.size() * 3);
    std::vector<std::pair<double, int>> order(static_cast<std::size_t>(K));
    std::vector<Eigen::Vector3d> moved(static_cast<std::size_t>(K));
    for (std::size_t l = 0; l * std::size_t(K) < indices.size(); ++l) {
        for (int j = 0; j < K; ++j) {
            const int v = indices[l * std::size_t(K) + std::size_t(j)];
            moved[std::size_t(j)] = move * Eigen::Vector3d(vertices.row(v).transpose());
            order[std::size_t(j)] = {moved[std::size_t(j)].norm(), j};
        }
        // Ordered by the moved points' distance from the origin, as step 3 orders any patch
        // (ties: the order patchIndices gave, which breaks its own ties by vertex index).
        std::sort(order.begin(), order.end());
        for (int j = 0; j < K; ++j) {
            const Eigen::Vector3d& p = moved[std::size_t(order[std::size_t(j)].second)];
            float* out = patches.data() + (l * std::size_t(K) + std::size_t(j)) * 3;
            out[0] = float(p.x());
            out[1] = float(p.y());
            out[2] = float(p.z());
        }
    }
    return patches;
}

} // namespace pal
