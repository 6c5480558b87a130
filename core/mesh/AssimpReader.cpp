// The long tail of mesh formats through Assimp. Vertices are joined (STL has no sharing) and
// come in first-use order; all meshes of the scene are merged with their node transforms.

#include "core/geometry/MeshOps.h"
#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"
#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"

#include <QDir>
#include <QFileInfo>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

namespace pal {
namespace {

struct Collector {
    std::vector<double> xyz;
    std::vector<double> nxyz;
    std::vector<double> uv;
    std::vector<std::int32_t> tri;
    bool allNormals = true;
    bool allUV = true;
    std::vector<unsigned> materials;

    void add(const aiScene* scene, const aiNode* node, const aiMatrix4x4& parent) {
        const aiMatrix4x4 m = parent * node->mTransformation;
        aiMatrix3x3 nm(m);
        nm.Inverse().Transpose();
        for (unsigned i = 0; i < node->mNumMeshes; ++i) {
            const aiMesh* am = scene->mMeshes[node->mMeshes[i]];
            if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) {
                continue;
            }
            const auto base = static_cast<std::int32_t>(xyz.size() / 3);
            for (unsigned v = 0; v < am->mNumVertices; ++v) {
                const aiVector3D p = m * am->mVertices[v];
                xyz.insert(xyz.end(), {p.x, p.y, p.z});
                if (am->HasNormals()) {
                    aiVector3D n = nm * am->mNormals[v];
                    n.Normalize();
                    nxyz.insert(nxyz.end(), {n.x, n.y, n.z});
                }
                if (am->HasTextureCoords(0)) {
                    uv.insert(uv.end(), {am->mTextureCoords[0][v].x, am->mTextureCoords[0][v].y});
                }
            }
            allNormals = allNormals && am->HasNormals();
            allUV = allUV && am->HasTextureCoords(0);
            for (unsigned f = 0; f < am->mNumFaces; ++f) {
                const aiFace& face = am->mFaces[f];
                if (face.mNumIndices != 3) {
                    continue; // points and lines left by Triangulate
                }
                tri.insert(tri.end(), {base + static_cast<std::int32_t>(face.mIndices[0]),
                                       base + static_cast<std::int32_t>(face.mIndices[1]),
                                       base + static_cast<std::int32_t>(face.mIndices[2])});
            }
            materials.push_back(am->mMaterialIndex);
        }
        for (unsigned c = 0; c < node->mNumChildren; ++c) {
            add(scene, node->mChildren[c], m);
        }
    }
};

} // namespace

Mesh readWithAssimp(const QString& path, Warnings* warnings) {
    if (FileBytes(path).size() == 0) { // refuses a missing file, a folder, a pipe...
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(
        nativePath(path).toStdString(),
        aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_SortByPType);
    if (!scene || !scene->mRootNode) {
        throw FormatError(
            path,
            QStringLiteral("cannot read: %1").arg(QString::fromUtf8(importer.GetErrorString())));
    }
    Collector c;
    c.add(scene, scene->mRootNode, aiMatrix4x4());
    Mesh mesh;
    mesh.sourcePath = path;
    detail::assignVertices(mesh, c.xyz);
    detail::assignTriangles(mesh, c.tri);
    detail::requireFiniteVertices(mesh, path);
    detail::requireFaces(mesh, path);
    if (c.allNormals && !c.nxyz.empty()) {
        detail::assignNormals(mesh, c.nxyz);
    }
    // UVs stay per corner, indexed by Assimp's vertices: a position shared across a seam
    // keeps each side's UV after the weld.
    const std::vector<std::int32_t>& cornerVertex = c.tri;
    // Assimp joins vertices only when every attribute matches, so STL's per-face normals
    // leave each corner alone: weld exact positions.
    weldVertices(mesh);
    if (c.allUV && !c.uv.empty()) {
        mesh.uvs =
            Eigen::Map<const UVs>(c.uv.data(), static_cast<Eigen::Index>(c.uv.size() / 2), 2);
        mesh.triangleUVs =
            Eigen::Map<const Triangles>(cornerVertex.data(), mesh.triangleCount(), 3);
    }
    if (!c.materials.empty() && c.materials.front() < scene->mNumMaterials) {
        aiString tex;
        const aiMaterial* mat = scene->mMaterials[c.materials.front()];
        if (mat->GetTexture(aiTextureType_DIFFUSE, 0, &tex) == AI_SUCCESS && tex.length > 0 &&
            tex.C_Str()[0] != '*') { // '*N' names an embedded texture
            const QString name = pathFromNative(QByteArray(tex.C_Str()));
            const QString texPath = QDir(folderOf(path)).filePath(name);
            if (pathExists(texPath)) {
                mesh.texturePath = absolutePath(texPath);
            } else if (warnings) {
                warnings->add(path, QStringLiteral("texture '%1' was not found; the mesh is shown "
                                                   "without texture")
                                        .arg(name));
            }
        }
    }
    return mesh;
}

} // namespace pal
