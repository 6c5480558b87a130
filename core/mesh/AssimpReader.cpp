// The long tail of mesh formats through Assimp. Vertices are joined (STL has no sharing) and
// come in first-use order; all meshes of the scene are merged with their node transforms.

#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"

#include <QDir>
#include <QFileInfo>

#include <unordered_map>

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

    // Assimp joins vertices only when every attribute matches, so STL's per-face normals
    // leave each corner alone. Merge exact positions; returns true when any were merged.
    bool mergeByPosition() {
        struct Key {
            double x, y, z;
            bool operator==(const Key&) const = default;
        };
        struct Hash {
            std::size_t operator()(const Key& k) const {
                const std::hash<double> h;
                return h(k.x) ^ (h(k.y) * 0x9e3779b97f4a7c15ULL) ^ (h(k.z) * 0xc2b2ae3d27d4eb4fULL);
            }
        };
        const std::size_t n = xyz.size() / 3;
        std::unordered_map<Key, std::int32_t, Hash> index;
        index.reserve(n);
        std::vector<std::int32_t> remap(n);
        std::vector<double> out;
        out.reserve(xyz.size());
        for (std::size_t i = 0; i < n; ++i) {
            const Key k{xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
            const auto [it, inserted] =
                index.try_emplace(k, static_cast<std::int32_t>(out.size() / 3));
            if (inserted) {
                out.insert(out.end(), {k.x, k.y, k.z});
            }
            remap[i] = it->second;
        }
        for (std::int32_t& v : tri) {
            v = remap[static_cast<std::size_t>(v)];
        }
        const bool merged = out.size() != xyz.size();
        xyz = std::move(out);
        return merged;
    }

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
    const QFileInfo info(path);
    if (!info.exists()) {
        throw IoError(path, QStringLiteral("file not found"));
    }
    if (info.size() == 0) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(
        QFile::encodeName(path).toStdString(),
        aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_SortByPType);
    if (!scene || !scene->mRootNode) {
        throw FormatError(
            path,
            QStringLiteral("cannot read: %1").arg(QString::fromUtf8(importer.GetErrorString())));
    }
    Collector c;
    c.add(scene, scene->mRootNode, aiMatrix4x4());
    const std::vector<std::int32_t> cornerVertex = c.tri;
    const bool merged = c.mergeByPosition();
    Mesh mesh;
    mesh.sourcePath = path;
    detail::assignVertices(mesh, c.xyz);
    detail::assignTriangles(mesh, c.tri);
    detail::requireFaces(mesh, path);
    if (c.allNormals && !c.nxyz.empty() && !merged) {
        detail::assignNormals(mesh, c.nxyz);
    }
    if (c.allUV && !c.uv.empty()) {
        // UVs stay per corner: a position shared across a seam keeps each side's UV.
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
            const QString name = QString::fromUtf8(tex.C_Str());
            const QString texPath = info.absoluteDir().filePath(name);
            if (QFileInfo::exists(texPath)) {
                mesh.texturePath = QFileInfo(texPath).absoluteFilePath();
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
