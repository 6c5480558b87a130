#include "core/geometry/Snapping.h"

#include "core/errors/Error.h"

namespace pal {

QString snapModeName(SnapMode mode) {
    switch (mode) {
    case SnapMode::None:
        return QStringLiteral("none");
    case SnapMode::Closest:
        return QStringLiteral("closest");
    case SnapMode::Average:
        return QStringLiteral("average");
    case SnapMode::Surface:
        return QStringLiteral("surface");
    }
    return {};
}

std::optional<SnapMode> parseSnapMode(QStringView name) {
    const QStringView trimmed = name.trimmed();
    for (SnapMode mode :
         {SnapMode::None, SnapMode::Closest, SnapMode::Average, SnapMode::Surface}) {
        if (trimmed.compare(snapModeName(mode), Qt::CaseInsensitive) == 0) {
            return mode;
        }
    }
    return std::nullopt;
}

Eigen::MatrixX3d snapToMesh(const Eigen::MatrixX3d& predicted, const SurfaceLocator& surface) {
    if (!surface.hasSurface()) {
        throw ValidationError(QString(),
                              QStringLiteral("the mesh has no triangles to snap landmarks to"));
    }
    Eigen::MatrixX3d snapped = predicted;
    for (Eigen::Index i = 0; i < predicted.rows(); ++i) {
        const Eigen::Vector3d p = predicted.row(i).transpose();
        if (p.allFinite()) { // a missing (NaN) landmark stays missing
            snapped.row(i) = surface.closest(p).position.transpose();
        }
    }
    return snapped;
}

Eigen::MatrixX3d
snapToSurface(const Eigen::MatrixX3d& predicted,
              const Eigen::Matrix<double, Eigen::Dynamic, 3, Eigen::RowMajor>& samples,
              const KdTree3& sampleTree, SnapMode mode, int k) {
    if (mode == SnapMode::None) {
        return predicted;
    }
    if (mode == SnapMode::Surface) {
        throw ValidationError(QString(),
                              QStringLiteral("surface snapping needs the mesh, not samples"));
    }
    if (sampleTree.size() != samples.rows()) {
        throw ValidationError(QString(),
                              QStringLiteral("the KD-tree holds %1 points but there are %2 samples")
                                  .arg(sampleTree.size())
                                  .arg(samples.rows()));
    }
    if (samples.rows() == 0) {
        throw ValidationError(QString(), QStringLiteral("no surface samples to snap landmarks to"));
    }
    if (mode == SnapMode::Average && k < 1) {
        throw ValidationError(QString(),
                              QStringLiteral("snapping needs at least 1 neighbour, not %1").arg(k));
    }

    Eigen::MatrixX3d snapped(predicted.rows(), 3);
    for (Eigen::Index i = 0; i < predicted.rows(); ++i) {
        const Eigen::Vector3d p = predicted.row(i).transpose();
        if (!p.allFinite()) {
            snapped.row(i) = predicted.row(i); // a missing (NaN) landmark stays missing
        } else if (mode == SnapMode::Closest) {
            snapped.row(i) = samples.row(sampleTree.nearest(p));
        } else {
            const std::vector<int> near = sampleTree.knn(p, k);
            Eigen::RowVector3d sum = Eigen::RowVector3d::Zero();
            for (int s : near) {
                sum += samples.row(s);
            }
            snapped.row(i) = sum / double(near.size());
        }
    }
    return snapped;
}

} // namespace pal
