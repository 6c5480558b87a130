#pragma once

// Applying an LA-FAS 4x4 transform (homogeneous, divided by w) to points, meshes and
// landmark sets. Shapes: points #N x 3.

#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>

namespace pal {

// p' = (M [p; 1])_xyz / (M [p; 1])_w, row by row.
Vertices transformPoints(const Eigen::Matrix4d& m, const Vertices& points);
Eigen::Vector3d transformPoint(const Eigen::Matrix4d& m, const Eigen::Vector3d& p);

// Vertices are transformed; normals by the inverse transpose of the linear part, renormalised.
void transformMesh(const Eigen::Matrix4d& m, Mesh& mesh);
// Present landmarks are transformed; missing ones are left as they are.
void transformLandmarks(const Eigen::Matrix4d& m, LandmarkSet& set);

} // namespace pal
