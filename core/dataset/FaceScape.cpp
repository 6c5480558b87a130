#include "core/dataset/FaceScape.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/io/Npz.h"
#include "core/landmarks/LandmarkSchema.h"

#include <QDir>

#include <algorithm>

namespace pal {
namespace {

constexpr int kMaxDepth = 4;

void collect(const QString& folder, int depth, FaceScapeMeshes& out) {
    const QDir dir(folder);
    for (const QString& f : folderEntries(folder, PathKind::File)) {
        if (!f.endsWith(QLatin1String(".obj"), Qt::CaseInsensitive)) {
            continue;
        }
        if (isFaceScapeNeutralMesh(f)) {
            out.neutral << dir.filePath(f);
        } else {
            ++out.otherExpressions;
        }
    }
    if (depth < kMaxDepth) {
        for (const QString& sub : folderEntries(folder, PathKind::Folder)) {
            if (!sub.startsWith(QLatin1Char('.'))) { // .palstudio-cache and the like
                collect(dir.filePath(sub), depth + 1, out);
            }
        }
    }
}

} // namespace

bool isFaceScapeRoot(const QString& folder) {
    return pathKind(QDir(folder).filePath(QLatin1String(kFaceScapeIndicesFile))) == PathKind::File;
}

bool isFaceScapeNeutralMesh(const QString& fileName) {
    return fileName.endsWith(QLatin1String("_neutral.obj"), Qt::CaseInsensitive);
}

QString faceScapeRootOf(const QString& meshPath) {
    if (!isFaceScapeNeutralMesh(meshPath)) {
        return {};
    }
    // As deep as findFaceScapeMeshes looks: the mesh's folder and kMaxDepth folders above it.
    QString folder = folderOf(meshPath);
    for (int up = 0; up <= kMaxDepth; ++up) {
        if (isFaceScapeRoot(folder)) {
            return folder;
        }
        const QString parent = folderOf(folder);
        if (parent == folder || parent.isEmpty()) {
            break;
        }
        folder = parent;
    }
    return {};
}

VertexIndices readFaceScapeIndices(const QString& npzPath) {
    const QString name = QLatin1String(kFaceScapeIndicesArray);
    const NpzFile npz = NpzFile::read(npzPath, {name});
    const NpyArray& a = npz.array(name);
    const int expected = LandmarkSchema::facescape68()->size();
    if (!a.isInteger) {
        throw FormatError(npzPath,
                          QStringLiteral("\"%1\" holds floating-point values; vertex indices are "
                                         "integers")
                              .arg(name));
    }
    if (static_cast<int>(a.count()) != expected) {
        throw ValidationError(npzPath, QStringLiteral("\"%1\" holds %2 vertex indices; FaceScape "
                                                      "has %3 landmarks")
                                           .arg(name)
                                           .arg(a.count())
                                           .arg(expected));
    }
    auto out = std::make_shared<std::vector<int>>();
    for (std::size_t i = 0; i < a.integers.size(); ++i) {
        const std::int64_t v = a.integers[i];
        if (v < 0 || v > std::int64_t(INT32_MAX)) {
            throw ValidationError(npzPath,
                                  QStringLiteral("\"%1\"[%2] is %3, which is no vertex index")
                                      .arg(name)
                                      .arg(i)
                                      .arg(v));
        }
        out->push_back(static_cast<int>(v));
    }
    return out;
}

FaceScapeMeshes findFaceScapeMeshes(const QString& root) {
    FaceScapeMeshes out;
    collect(root, 0, out);
    return out;
}

} // namespace pal
