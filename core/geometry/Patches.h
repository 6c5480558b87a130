#pragma once

// PAL-Net's input patches (docs/method.md, Pipeline, step 3).

#include "core/geometry/KdTree.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>
#include <Eigen/Geometry>

#include <vector>

namespace pal {

// For each of the L template landmarks (L x 3): snap it to its nearest vertex, take the K
// vertices nearest to that snapped vertex (the vertex itself included; KdTree3's order, ties by
// smaller index), and order those K by their Euclidean distance from the origin (0, 0, 0),
// ascending, ties by smaller vertex index (deterministic; the reference's unstable float32 sort
// is not copied). Returns L * K vertex indices laid out [landmark][point].
// `tree` must be built over `vertices` (#V x 3). Throws ValidationError when K < 1, when
// #V < K, when the tree holds a different number of points, or when a template landmark is
// not finite. With threads > 1 the landmarks are shared between that many threads (the same
// answer).
std::vector<int> patchIndices(const Vertices& vertices, const KdTree3& tree,
                              const Eigen::MatrixX3d& templateLandmarks, int K, int threads = 1);

// The same patches as coordinates: L * K * 3 floats laid out [landmark][point][xyz], i.e. a
// row-major (L, K, 3) tensor of absolute (not centred) vertex positions.
std::vector<float> extractPatches(const Vertices& vertices, const KdTree3& tree,
                                  const Eigen::MatrixX3d& templateLandmarks, int K,
                                  int threads = 1);

// The patches of the mesh moved rigidly by `move` (vertices' = move * vertices), from the tree
// of the unmoved mesh: what extractPatches gives for the moved vertices and a tree over them
// (up to the order of points at exactly equal distances), without building that tree. Test-time
// augmentation (docs/method.md, "Uncertainty") cuts several moved copies of one case this way.
std::vector<float> extractPatchesMoved(const Vertices& vertices, const KdTree3& tree,
                                       const Eigen::MatrixX3d& templateLandmarks, int K,
                                       const Eigen::Isometry3d& move);

} // namespace pal
