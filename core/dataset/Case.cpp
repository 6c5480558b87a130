#include "core/dataset/Case.h"

#include "core/dataset/NpzCase.h"
#include "core/errors/Error.h"
#include "core/geometry/Transform.h"
#include "core/io/NativePath.h"
#include "core/io/Npy.h"
#include "core/landmarks/SchemaFile.h"
#include "core/mesh/MeshIO.h"

#include <QDir>
#include <QFileInfo>

namespace pal {
namespace {

// The case's mesh: "mesh.<ext>" first, otherwise the first readable mesh by name.
QString findMesh(const QString& folder) {
    const QDir dir(folder); // for filePath only: the listing keeps names as NativePath.h says
    const QStringList files = folderEntries(folder, PathKind::File);
    for (const QString& ext : readableMeshExtensions()) {
        const QString name = QStringLiteral("mesh.") + ext;
        for (const QString& f : files) {
            if (f.compare(name, Qt::CaseInsensitive) == 0) {
                return dir.filePath(f);
            }
        }
    }
    for (const QString& f : files) {
        if (isReadableMeshFile(f)) {
            return dir.filePath(f);
        }
    }
    return {};
}

} // namespace

bool Case::isCaseFolder(const QString& path) {
    return pathKind(path) == PathKind::Folder && !findMesh(path).isEmpty();
}

Case Case::openFaceScape(const QString& mesh, const QString& root, VertexIndices indices) {
    Case c;
    c.m_files.folder = folderOf(mesh);
    c.m_files.mesh = mesh;
    c.m_files.landmarks = QDir(root).filePath(QLatin1String(kFaceScapeIndicesFile));
    // "<subject>/models_reg/1_neutral.obj" is case "<subject>", "<set>/<subject>/models_reg/..."
    // case "<set>_<subject>"; a mesh directly in the root is named by its file.
    QStringList parts = QDir(root).relativeFilePath(c.m_files.folder).split(QLatin1Char('/'));
    parts.removeAll(QStringLiteral("."));
    if (!parts.isEmpty() && parts.last() == QLatin1String("models_reg")) {
        parts.removeLast();
    }
    c.m_id = parts.isEmpty() ? QFileInfo(mesh).completeBaseName() : parts.join(QLatin1Char('_'));
    c.m_schema = LandmarkSchema::facescape68();
    c.m_schemaKnown = true;
    c.m_vertexLandmarks = std::move(indices);
    return c;
}

bool Case::isNpzCaseFile(const QString& path) {
    return path.endsWith(QLatin1String(".npz"), Qt::CaseInsensitive);
}

Case Case::openNpz(const QString& path, SchemaPtr schema, const NpzCaseIndex& index) {
    Case c;
    c.m_isNpz = true;
    c.m_files.folder = folderOf(path);
    c.m_files.mesh = path;
    c.m_id = QFileInfo(path).completeBaseName();
    if (!index.hasMesh) {
        throw ValidationError(path, QStringLiteral("holds no mesh (\"vertices\" and \"faces\", or "
                                                   "\"points\"; it holds: %1): not a case")
                                        .arg(index.arrays.join(QStringLiteral(", "))));
    }
    if (index.hasTransform) {
        c.m_files.transform = path;
    }
    if (!schema) {
        schema = schemaInFolder(c.m_files.folder);
    }
    if (index.landmarkRows >= 0) {
        c.m_files.landmarks = path;
        if (!schema) {
            schema = schemaForLandmarkCount(index.landmarkRows);
        }
        if (!schema) {
            throw ValidationError(path, QStringLiteral("\"landmarks\" has %1 rows, which is no "
                                                       "built-in schema (LA-FAS-50, FaceScape-68): "
                                                       "put a landmark-schema.json beside it")
                                            .arg(index.landmarkRows));
        }
    }
    if (schema) {
        c.m_schema = std::move(schema);
        c.m_schemaKnown = true;
    }
    return c;
}

Case Case::open(const QString& path, SchemaPtr schema) {
    const QFileInfo info(path); // names only
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing) {
        throw IoError(path, QStringLiteral("no such file or folder"));
    }
    if (kind == PathKind::File && isNpzCaseFile(path)) {
        return openNpz(path, std::move(schema), indexNpzCase(path));
    }
    if (kind == PathKind::File) {
        if (const QString root = faceScapeRootOf(path); !root.isEmpty()) {
            return openFaceScape(
                path, root,
                readFaceScapeIndices(QDir(root).filePath(QLatin1String(kFaceScapeIndicesFile))));
        }
    }
    Case c;
    if (kind == PathKind::Folder) {
        c.m_files.folder = path;
        c.m_files.mesh = findMesh(path);
        if (c.m_files.mesh.isEmpty()) {
            throw ValidationError(path,
                                  QStringLiteral("folder holds no mesh file (looked for %1)")
                                      .arg(readableMeshExtensions().join(QStringLiteral(", "))));
        }
        c.m_id = info.fileName();
        c.m_isFolder = true;
    } else {
        if (!isReadableMeshFile(path)) {
            throw FormatError(path, QStringLiteral("not a mesh file or case folder"));
        }
        c.m_files.folder = info.path();
        c.m_files.mesh = path;
        c.m_id = info.completeBaseName();
    }
    const QDir dir(c.m_files.folder);
    if (!schema) {
        schema = schemaInFolder(c.m_files.folder);
    }
    if (!schema) {
        schema = schemaInFolder(folderOf(c.m_files.folder));
    }
    if (schema) {
        c.m_schema = std::move(schema);
        c.m_schemaKnown = true;
    }
    // A bare mesh file only takes its folder's LA-FAS files when it is that folder's mesh.
    const bool ownsFolder =
        kind == PathKind::Folder || findMesh(c.m_files.folder) == c.m_files.mesh;
    if (ownsFolder) {
        const QString t = dir.filePath(QLatin1String(kTransformFile));
        const QString l = dir.filePath(QLatin1String(kLandmarksFile));
        if (pathExists(t)) {
            c.m_files.transform = t;
        }
        if (pathExists(l)) {
            c.m_files.landmarks = l;
        } else {
            for (const QString& name : otherLandmarkFiles()) {
                if (pathExists(dir.filePath(name))) {
                    c.m_files.landmarks = dir.filePath(name);
                    break;
                }
            }
        }
    }
    c.m_schemaKnown = c.m_schemaKnown || c.hasLandmarks();
    return c;
}

QStringList Case::otherLandmarkFiles() {
    return {QStringLiteral("landmarks.csv"), QStringLiteral("landmarks.mrk.json"),
            QStringLiteral("landmarks.fcsv"), QStringLiteral("landmarks.pp"),
            QStringLiteral("landmarks.tps")};
}

Eigen::Matrix4d Case::readTransform() const {
    if (!hasTransform()) {
        return Eigen::Matrix4d::Identity();
    }
    return m_isNpz ? readNpzTransform(m_files.transform) : readNpyMatrix4(m_files.transform);
}

Mesh Case::readMesh(Warnings* warnings, bool toCommonFrame, const std::atomic<bool>* cancel,
                    int threads) const {
    Mesh mesh = m_isNpz ? readNpzMesh(m_files.mesh)
                        : pal::readMesh(m_files.mesh, warnings, cancel, threads);
    if (toCommonFrame && hasTransform()) {
        transformMesh(readTransform(), mesh);
    }
    return mesh;
}

LandmarkFile Case::readLandmarks(const Mesh* meshAsStored) const {
    if (!hasLandmarks()) {
        throw IoError(m_files.folder,
                      QStringLiteral("case has no %1").arg(QLatin1String(kLandmarksFile)));
    }
    if (m_isNpz) {
        return {readNpzLandmarks(m_files.landmarks, m_schema), std::nullopt, {}};
    }
    if (!m_vertexLandmarks) {
        return pal::readLandmarks(m_files.landmarks, m_schema);
    }
    const Mesh read = meshAsStored ? Mesh() : pal::readMesh(m_files.mesh);
    const Mesh& mesh = meshAsStored ? *meshAsStored : read;
    LandmarkSet set(m_schema);
    for (int i = 0; i < set.size(); ++i) {
        const int v = (*m_vertexLandmarks)[static_cast<std::size_t>(i)];
        if (v >= mesh.vertexCount()) {
            throw ValidationError(m_files.landmarks,
                                  QStringLiteral("landmark %1 (%2) is vertex %3, but %4 has %5 "
                                                 "vertices (not a FaceScape registered mesh?)")
                                      .arg(i + 1)
                                      .arg(m_schema->key(i))
                                      .arg(v)
                                      .arg(m_files.mesh)
                                      .arg(mesh.vertexCount()));
        }
        set.setPosition(i, mesh.vertices.row(v).transpose(), LandmarkStatus::Placed);
        set.at(i).provenance.source = m_files.landmarks;
    }
    return {std::move(set), std::nullopt, {}};
}

} // namespace pal
