#pragma once

// A case: one face scan with its optional transform and landmarks. In LA-FAS layout a case is
// a folder holding a mesh (mesh.obj or any readable mesh), transformation_matrix.npy and
// landmarks.txt; a bare mesh file is a case too. In FaceScape layout (core/dataset/FaceScape.h)
// a case is a *_neutral.obj mesh whose landmarks are vertices of the mesh. Every case follows a
// landmark schema: LA-FAS-50 unless its folder or the folder above holds a landmark-schema.json
// (core/landmarks/SchemaFile.h); FaceScape-68 in FaceScape layout. Opening a case only lists its
// files; meshes and landmarks are read on demand.

#include "core/dataset/FaceScape.h"
#include "core/dataset/NpzCase.h"
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
    QString landmarks; // ground truth; empty when the case has none (FaceScape: the indices)
};

class Case {
public:
    // path: a case folder or a mesh file. Throws IoError when there is no such path and
    // ValidationError when a folder holds no readable mesh.
    // schema: the case's landmark schema when the caller knows it (a dataset's); by default the
    // one its folder or the folder above defines, else LA-FAS-50. A *_neutral.obj below a
    // FaceScape root opens as a FaceScape case.
    static Case open(const QString& path, SchemaPtr schema = nullptr);
    // True for a .npz case file (core/dataset/NpzCase.h).
    static bool isNpzCaseFile(const QString& path);
    // An .npz case whose arrays were listed already (a dataset skips those without a mesh).
    static Case openNpz(const QString& path, SchemaPtr schema, const NpzCaseIndex& index);
    // A FaceScape case: mesh is a *_neutral.obj below root; indices are root's
    // landmark_indices.npz, read once for the whole dataset.
    static Case openFaceScape(const QString& mesh, const QString& root, VertexIndices indices);
    // True when path is a folder that holds a readable mesh.
    static bool isCaseFolder(const QString& path);

    const QString& id() const { return m_id; }
    // True when opened from a case folder, false for a bare mesh file.
    bool isFolder() const { return m_isFolder; }
    const CaseFiles& files() const { return m_files; }
    bool hasTransform() const { return !m_files.transform.isEmpty(); }
    bool hasLandmarks() const { return !m_files.landmarks.isEmpty(); }
    // The landmarks this case has (or would have): ground truth, predictions, reviews.
    const SchemaPtr& schema() const { return m_schema; }
    // True when the schema comes from the case's data (its landmarks, a schema file, the
    // FaceScape layout); false for a bare mesh that follows LA-FAS-50 only by default, which a
    // model of any schema may predict.
    bool schemaIsKnown() const { return m_schemaKnown; }
    // A dataset's case whose own data name no schema (no landmarks, no schema file) follows the
    // dataset's: what its predictions and review hold.
    void followSchema(const SchemaPtr& schema) {
        m_schema = schema;
        m_schemaKnown = true;
    }
    // True for a case that is one .npz file (mesh, landmarks and transform inside).
    bool isNpz() const { return m_isNpz; }
    // True for a FaceScape case (landmarks are mesh vertices).
    bool hasVertexLandmarks() const { return m_vertexLandmarks != nullptr; }

    // The 4x4 transform to the common frame; identity when the case has none.
    Eigen::Matrix4d readTransform() const;
    // The mesh as stored, or moved to the common frame by the case's transform.
    // cancel (when given) stops a big OBJ or PLY read with pal::Cancelled; threads as readMesh's
    // (MeshIO.h).
    Mesh readMesh(Warnings* warnings = nullptr, bool toCommonFrame = false,
                  const std::atomic<bool>* cancel = nullptr, int threads = 1) const;
    // The ground-truth landmarks as stored (the case's own frame), in the case's schema. A
    // FaceScape case reads its mesh and takes the indexed vertices. Throws when there are none.
    // meshAsStored: the case's mesh already read (as stored, not moved), so that a FaceScape
    // case does not read it a second time.
    LandmarkFile readLandmarks(const Mesh* meshAsStored = nullptr) const;

    static constexpr const char* kTransformFile = "transformation_matrix.npy";
    static constexpr const char* kLandmarksFile = "landmarks.txt";
    // Ground truth in another format, for a schema an LA-FAS file cannot hold; the first that
    // exists is taken when there is no landmarks.txt.
    static QStringList otherLandmarkFiles();

private:
    QString m_id;
    CaseFiles m_files;
    bool m_isFolder = false;
    SchemaPtr m_schema = LandmarkSchema::lafas50();
    bool m_schemaKnown = false;
    bool m_isNpz = false;
    VertexIndices m_vertexLandmarks; // FaceScape: one vertex per landmark
};

} // namespace pal
