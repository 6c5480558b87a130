#include "core/demo/TemplateHead.h"

#include "core/errors/Error.h"
#include "core/geometry/MeshOps.h"

#include <QFile>
#include <QFileInfo>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <numeric>
#include <unordered_map>

namespace pal::demo {
namespace {

// Connected components over shared vertices; returns the component id of each triangle.
std::vector<int> triangleComponents(const Mesh& m, int& count) {
    std::vector<std::int32_t> parent(static_cast<std::size_t>(m.vertexCount()));
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::int32_t x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            x = parent[static_cast<std::size_t>(x)] =
                parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
        }
        return x;
    };
    for (Eigen::Index f = 0; f < m.triangleCount(); ++f) {
        for (int k = 1; k < 3; ++k) {
            parent[static_cast<std::size_t>(find(m.triangles(f, 0)))] = find(m.triangles(f, k));
        }
    }
    std::unordered_map<std::int32_t, int> ids;
    std::vector<int> comp(static_cast<std::size_t>(m.triangleCount()));
    for (Eigen::Index f = 0; f < m.triangleCount(); ++f) {
        const auto [it, inserted] =
            ids.try_emplace(find(m.triangles(f, 0)), static_cast<int>(ids.size()));
        comp[static_cast<std::size_t>(f)] = it->second;
    }
    count = static_cast<int>(ids.size());
    return comp;
}

} // namespace

Mesh deriveTemplateHead(const QString& zaePath) {
    if (!QFileInfo::exists(zaePath)) {
        throw IoError(zaePath,
                      QStringLiteral("file not found (install Debian's assimp-testmodels)"));
    }
    Assimp::Importer importer;
    const aiScene* scene =
        importer.ReadFile(QFile::encodeName(zaePath).toStdString(),
                          aiProcess_Triangulate | aiProcess_JoinIdenticalVertices);
    if (!scene) {
        throw FormatError(
            zaePath,
            QStringLiteral("cannot read: %1").arg(QString::fromUtf8(importer.GetErrorString())));
    }
    const aiMesh* body = nullptr;
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
        const QString name = QString::fromUtf8(scene->mMeshes[i]->mName.C_Str());
        if (!name.contains(QLatin1String("eye"), Qt::CaseInsensitive)) {
            body = scene->mMeshes[i];
        }
    }
    if (!body) {
        throw FormatError(zaePath,
                          QStringLiteral("no body mesh found (is this MakeHuman's human.zae?)"));
    }
    Mesh all;
    all.vertices.resize(body->mNumVertices, 3);
    for (unsigned v = 0; v < body->mNumVertices; ++v) {
        all.vertices.row(v) << body->mVertices[v].x, body->mVertices[v].y, body->mVertices[v].z;
    }
    all.triangles.resize(body->mNumFaces, 3);
    Eigen::Index rows = 0;
    for (unsigned f = 0; f < body->mNumFaces; ++f) {
        if (body->mFaces[f].mNumIndices == 3) {
            for (int k = 0; k < 3; ++k) {
                all.triangles(rows, k) = static_cast<std::int32_t>(body->mFaces[f].mIndices[k]);
            }
            ++rows;
        }
    }
    all.triangles.conservativeResize(rows, 3);
    // Assimp keeps UV seams apart: join corners by position, in first-use order.
    weldVertices(all);

    std::vector<bool> keep(static_cast<std::size_t>(all.triangleCount()));
    for (Eigen::Index f = 0; f < all.triangleCount(); ++f) {
        bool above = true;
        for (int k = 0; k < 3; ++k) {
            above = above && all.vertices(all.triangles(f, k), 1) > kHeadCutY;
        }
        keep[static_cast<std::size_t>(f)] = above;
    }
    Mesh head = submesh(all, keep);
    int count = 0;
    const std::vector<int> comp = triangleComponents(head, count);
    std::vector<int> size(static_cast<std::size_t>(count), 0);
    for (int c : comp) {
        ++size[static_cast<std::size_t>(c)];
    }
    const int largest = static_cast<int>(std::max_element(size.begin(), size.end()) - size.begin());
    for (std::size_t f = 0; f < comp.size(); ++f) {
        keep[f] = comp[f] == largest;
    }
    keep.resize(comp.size());
    head = submesh(head, keep);
    if (head.triangleCount() < 1000) {
        throw FormatError(zaePath,
                          QStringLiteral("the part above y = %1 has only %2 triangles; not the "
                                         "expected model")
                              .arg(kHeadCutY)
                              .arg(head.triangleCount()));
    }
    head.vertices *= 1000.0;
    const AlignedBox box = head.bounds();
    head.vertices.rowwise() -= box.center().transpose();
    head.sourcePath.clear();
    return head;
}

} // namespace pal::demo
