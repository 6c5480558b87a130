#pragma once

// The network's input of one case, one pipeline for training and inference (docs/method.md,
// "Pipeline"): the mesh in the common frame with duplicate vertices merged, then the patches
// of K vertices around each template landmark. Training (Trainer) and prediction (Predictor)
// both call these two functions, so the two cannot drift apart.

#include "core/dataset/Case.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>

#include <atomic>
#include <memory>
#include <vector>

namespace pal {

class KdTree3;

struct NetworkMesh {
    std::shared_ptr<const Mesh> mesh; // common frame, welded
    Eigen::Matrix4d toCommon = Eigen::Matrix4d::Identity();
};

// Reads the case's mesh and transform, moves the mesh to the common frame and merges its
// duplicate vertices (as the reference's loader does). Errors name the case's files. threads:
// as readMesh's (core/mesh/MeshIO.h).
NetworkMesh readNetworkMesh(const Case& c, const std::atomic<bool>* cancel = nullptr,
                            int threads = 1);

// L * K * 3 floats, [landmark][point][xyz] (core/geometry/Patches.h). Throws ValidationError
// naming the mesh file when the mesh has fewer than K vertices or the template is not finite.
// threads: how many threads share the landmarks' queries (the same patches).
std::vector<float> cutPatches(const Mesh& mesh, const Eigen::MatrixX3d& templateLandmarks, int K,
                              const QString& meshFile, int threads = 1);
// The same with a KD-tree over the mesh's vertices already built (shared with the snapping).
std::vector<float> cutPatches(const Mesh& mesh, const KdTree3& vertexTree,
                              const Eigen::MatrixX3d& templateLandmarks, int K,
                              const QString& meshFile, int threads = 1);

} // namespace pal
