#include "core/dataset/Case.h"

#include "core/errors/Error.h"
#include "core/geometry/Transform.h"
#include "core/io/NativePath.h"
#include "core/io/Npy.h"
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

Case Case::open(const QString& path) {
    const QFileInfo info(path); // names only
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing) {
        throw IoError(path, QStringLiteral("no such file or folder"));
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
        }
    }
    return c;
}

Eigen::Matrix4d Case::readTransform() const {
    if (!hasTransform()) {
        return Eigen::Matrix4d::Identity();
    }
    return readNpyMatrix4(m_files.transform);
}

Mesh Case::readMesh(Warnings* warnings, bool toCommonFrame, const std::atomic<bool>* cancel) const {
    Mesh mesh = pal::readMesh(m_files.mesh, warnings, cancel);
    if (toCommonFrame && hasTransform()) {
        transformMesh(readTransform(), mesh);
    }
    return mesh;
}

LandmarkFile Case::readLandmarks() const {
    if (!hasLandmarks()) {
        throw IoError(m_files.folder,
                      QStringLiteral("case has no %1").arg(QLatin1String(kLandmarksFile)));
    }
    return pal::readLandmarks(m_files.landmarks);
}

} // namespace pal
