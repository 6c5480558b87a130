#pragma once

// A case as one NumPy .npz file (docs/formats.md, "Cases as .npz files"), for datasets made in
// Python:
//
//   vertices   float (N, 3)   the mesh's vertices, mm           } a mesh, or
//   faces      int   (M, 3)   triangles, 0-based vertex indices }
//   points     float (N, 3)   a point cloud (no faces)            instead of the two above
//   landmarks  float (L, 3)   optional ground truth in schema order; a row of NaN is missing
//   transform  float (4, 4)   optional, to the common frame (identity when absent)
//
// Read strictly (core/io/Npz.h): shapes, dtypes (integers for faces), face indices against the
// vertex count, finite coordinates. The schema of the landmarks is the case's (its folder's
// landmark-schema.json), else LA-FAS-50 for 50 rows and FaceScape-68 for 68; any other count
// needs a schema file.

#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <optional>

namespace pal {

// What Case::open needs, without reading the mesh arrays: which optional arrays there are and
// how many landmark rows.
struct NpzCaseIndex {
    QStringList arrays;   // every array's name
    bool hasMesh = false; // "vertices" or "points"
    bool hasTransform = false;
    int landmarkRows = -1; // -1: no landmarks array
};
NpzCaseIndex indexNpzCase(const QString& path);

// The mesh (vertices and faces, or the points with no faces).
Mesh readNpzMesh(const QString& path);
Eigen::Matrix4d readNpzTransform(const QString& path);
// The landmarks in schema's order; rows of NaN are missing. Throws ValidationError when the
// row count is not the schema's.
LandmarkSet readNpzLandmarks(const QString& path, const SchemaPtr& schema);

// The schema a count of landmark rows implies when nothing else says: LA-FAS-50 for 50,
// FaceScape-68 for 68; nullptr for any other.
SchemaPtr schemaForLandmarkCount(int rows);

} // namespace pal
