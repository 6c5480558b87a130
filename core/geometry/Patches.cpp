#include "core/geometry/Patches.h"

#include "core/errors/Error.h"

#include <algorithm>
#include <utility>

namespace pal {

std::vector<int> patchIndices(const Vertices& vertices, const KdTree3& tree,
                              const Eigen::MatrixX3d& templateLandmarks, int K) {
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
    std::vector<int> indices;
    indices.reserve(std::size_t(L) * std::size_t(K));
    std::vector<std::pair<double, int>> patch(static_cast<std::size_t>(K));
    for (Eigen::Index l = 0; l < L; ++l) {
        if (!templateLandmarks.row(l).allFinite()) {
            throw ValidationError(
                QString(), QStringLiteral("template landmark %1 is not a finite point").arg(l + 1));
        }
        const int snapped = tree.nearest(templateLandmarks.row(l).transpose());
        const std::vector<int> near = tree.knn(vertices.row(snapped).transpose(), K);
        for (int j = 0; j < K; ++j) {
            const int v = near[std::size_t(j)];
            patch[std::size_t(j)] = {vertices.row(v).norm(), v};
        }
        std::sort(patch.begin(), patch.end());
        for (const auto& entry : patch) {
            indices.push_back(entry.second);
        }
    }
    return indices;
}

std::vector<float> extractPatches(const Vertices& vertices, const KdTree3& tree,
                                  const Eigen::MatrixX3d& templateLandmarks, int K) {
    const std::vector<int> indices = patchIndices(vertices, tree, templateLandmarks, K);
    std::vector<float> patches(indices.size() * 3);
    for (std::size_t i = 0; i < indices.size(); ++i) {
        for (int c = 0; c < 3; ++c) {
            patches[3 * i + std::size_t(c)] = float(vertices(indices[i], c));
        }
    }
    return patches;
}

} // namespace pal
