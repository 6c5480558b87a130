#include "core/workflow/CasePatches.h"

#include "core/errors/Error.h"
#include "core/geometry/KdTree.h"
#include "core/geometry/MeshOps.h"
#include "core/geometry/Patches.h"

namespace pal {

NetworkMesh readNetworkMesh(const Case& c, const std::atomic<bool>* cancel, int threads) {
    NetworkMesh out;
    out.toCommon = c.readTransform();
    auto mesh = std::make_shared<Mesh>(c.readMesh(nullptr, true, cancel, threads));
    weldVertices(*mesh);
    out.mesh = std::move(mesh);
    return out;
}

std::vector<float> cutPatches(const Mesh& mesh, const Eigen::MatrixX3d& templateLandmarks, int K,
                              const QString& meshFile, int threads) {
    return cutPatches(mesh, KdTree3(mesh.vertices), templateLandmarks, K, meshFile, threads);
}

std::vector<float> cutPatches(const Mesh& mesh, const KdTree3& vertexTree,
                              const Eigen::MatrixX3d& templateLandmarks, int K,
                              const QString& meshFile, int threads) {
    try {
        return extractPatches(mesh.vertices, vertexTree, templateLandmarks, K, threads);
    } catch (const ValidationError& e) {
        if (!e.file().isEmpty()) {
            throw;
        }
        throw ValidationError(meshFile, e.problem()); // the geometry does not know the file
    }
}

} // namespace pal
