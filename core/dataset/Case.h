#pragma once

// A case: one face scan with its optional transform and landmarks. In LA-FAS layout a case is
// a folder holding a mesh (mesh.obj or any readable mesh), transformation_matrix.npy and
// landmarks.txt; a bare mesh file is a case too. Opening a case only lists its files; meshes
// and landmarks are read on demand.

#include "core/errors/Warnings.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>
#include <QString>

#include <atomic>

namespace pal {

struct CaseFiles {
    QString folder;    // the case folder (the mesh's folder for a bare mesh file)
    QString mesh;      // always set
    QString transform; // empty when the case has none (identity)
    QString landmarks; // ground truth; empty when the case has none
};

class Case {
public:
    // path: a case folder or a mesh file. Throws IoError when there is no such path and
    // ValidationError when a folder holds no readable mesh.
    static Case open(const QString& path);
    // True when path is a folder that holds a readable mesh.
    static bool isCaseFolder(const QString& path);

    const QString& id() const { return m_id; }
    // True when opened from a case folder, false for a bare mesh file.
    bool isFolder() const { return m_isFolder; }
    const CaseFiles& files() const { return m_files; }
    bool hasTransform() const { return !m_files.transform.isEmpty(); }
    bool hasLandmarks() const { return !m_files.landmarks.isEmpty(); }

    // The 4x4 transform to the common frame; identity when the case has none.
    Eigen::Matrix4d readTransform() const;
    // The mesh as stored, or moved to the common frame by the case's transform.
    // cancel (when given) stops a big OBJ or PLY read with pal::Cancelled (MeshIO.h).
    Mesh readMesh(Warnings* warnings = nullptr, bool toCommonFrame = false,
                  const std::atomic<bool>* cancel = nullptr) const;
    // The ground-truth landmarks as stored (the case's own frame). Throws when there are none.
    LandmarkFile readLandmarks() const;

    static constexpr const char* kTransformFile = "transformation_matrix.npy";
    static constexpr const char* kLandmarksFile = "landmarks.txt";

private:
    QString m_id;
    CaseFiles m_files;
    bool m_isFolder = false;
};

} // namespace pal
