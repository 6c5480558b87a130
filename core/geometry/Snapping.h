#pragma once

// PAL-Net's post-processing (docs/method.md, Pipeline, step 5): moving predicted landmarks
// onto the sampled surface.

#include "core/geometry/KdTree.h"
#include "core/geometry/SurfaceLocator.h"

#include <Eigen/Core>
#include <QString>
#include <QStringView>

#include <optional>

namespace pal {

enum class SnapMode {
    None,    // keep the prediction as it is
    Closest, // the nearest surface sample (the reference's post-processing)
    Average, // the mean of the k nearest surface samples
    Surface, // the exact closest point of the mesh surface (no samples needed)
};

// "none", "closest", "average", "surface".
QString snapModeName(SnapMode mode);
// The inverse of snapModeName, ignoring case and surrounding spaces; nullopt for anything else.
std::optional<SnapMode> parseSnapMode(QStringView name);

// Moves each of the L predicted points (L x 3) onto the mesh surface, to its exact closest
// point (SnapMode::Surface). Rows that are not finite are returned unchanged. Throws
// ValidationError when the locator has no surface (a mesh without triangles).
Eigen::MatrixX3d snapToMesh(const Eigen::MatrixX3d& predicted, const SurfaceLocator& surface);

// Moves each of the L predicted points (L x 3) as `mode` says, using the surface samples
// (#S x 3, e.g. sampleSurfaceEvenly's) and a tree built over them. Average uses the
// min(k, #S) nearest samples (ties by smaller index). Rows that are not finite (a missing
// landmark as NaN) are returned unchanged. Returns L x 3. Throws ValidationError
// when the tree does not hold #S points, when a snapping mode has no samples to snap to, when
// Average gets k < 1, or for Surface (which needs the mesh: snapToMesh).
Eigen::MatrixX3d
snapToSurface(const Eigen::MatrixX3d& predicted,
              const Eigen::Matrix<double, Eigen::Dynamic, 3, Eigen::RowMajor>& samples,
              const KdTree3& sampleTree, SnapMode mode, int k = 12);

} // namespace pal
