#include "core/geometry/Transform.h"

#include <Eigen/Geometry>

namespace pal {

Eigen::Vector3d transformPoint(const Eigen::Matrix4d& m, const Eigen::Vector3d& p) {
    const Eigen::Vector4d h = m * p.homogeneous();
    return h.head<3>() / h.w();
}

Vertices transformPoints(const Eigen::Matrix4d& m, const Vertices& points) {
    Vertices out(points.rows(), 3);
    const bool affine = m.row(3).isApprox(Eigen::RowVector4d(0, 0, 0, 1), 0.0);
    const Eigen::Matrix3d a = m.topLeftCorner<3, 3>();
    const Eigen::RowVector3d t = m.topRightCorner<3, 1>().transpose();
    if (affine) {
        out.noalias() = points * a.transpose();
        out.rowwise() += t;
        return out;
    }
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
        out.row(i) = transformPoint(m, points.row(i).transpose()).transpose();
    }
    return out;
}

void transformMesh(const Eigen::Matrix4d& m, Mesh& mesh) {
    mesh.vertices = transformPoints(m, mesh.vertices);
    if (mesh.hasNormals()) {
        const Eigen::Matrix3d n = m.topLeftCorner<3, 3>().inverse().transpose();
        mesh.normals = mesh.normals * n.transpose();
        mesh.normals.rowwise().normalize();
    }
}

void transformLandmarks(const Eigen::Matrix4d& m, LandmarkSet& set) {
    for (int i = 0; i < set.size(); ++i) {
        Landmark& l = set.at(i);
        if (l.isPresent()) {
            l.position = transformPoint(m, l.position);
        }
    }
}

} // namespace pal
