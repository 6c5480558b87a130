#pragma once

// PAL-Net's input patches (docs/method.md, Pipeline, step 3).

#include "core/geometry/KdTree.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>

#include <vector>

namespace pal {

// For each of the L template landmarks (L x 3): snap it to its nearest vertex, take the K
// vertices nearest to that snapped vertex (the vertex itself included; KdTree3's order, ties by
// smaller index), and order those K by their Euclidean distance from the origin (0, 0, 0),
// ascending, ties by smaller vertex index (deterministic; the reference's unstable float32 sort
// is not copied). Returns L * K vertex indices laid out [landmark][point].
// `tree` must be built over `vertices` (#V x 3). Throws ValidationError when K < 1, when
// #V < K, when the tree holds a different number of points, or when a template landmark is
// not finite.
std::vector<int> patchIndices(const Vertices& vertices, const KdTree3& tree,
                              const Eigen::MatrixX3d& templateLandmarks, int K);

// The same patches as coordinates: L * K * 3 floats laid out [landmark][point][xyz], i.e. a
// row-major (L, K, 3) tensor of absolute (not centred) vertex positions.
std::vector<float> extractPatches(const Vertices& vertices, const KdTree3& tree,
                                  const Eigen::MatrixX3d& templateLandmarks, int K);

} // namespace pal
