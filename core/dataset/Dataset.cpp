#include "core/dataset/Dataset.h"

#include "core/errors/Error.h"

#include "core/dataset/NpzCase.h"
#include "core/io/NativePath.h"
#include "core/landmarks/SchemaFile.h"

#include <QHash>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace pal {
namespace {

// Natural order: runs of digits compare by value (S2 before S10), the rest by character.
bool naturalLess(const QString& a, const QString& b) {
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const qsizetype si = i;
            const qsizetype sj = j;
            while (i < a.size() && a[i].isDigit()) {
                ++i;
            }
            while (j < b.size() && b[j].isDigit()) {
                ++j;
            }
            const QString na = a.mid(si, i - si);
            const QString nb = b.mid(sj, j - sj);
            const qsizetype la =
                na.size() - na.indexOf(QRegularExpression(QStringLiteral("[1-9]|$")));
            const qsizetype lb =
                nb.size() - nb.indexOf(QRegularExpression(QStringLiteral("[1-9]|$")));
            if (la != lb) {
                return la < lb;
            }
            const int c = QString::compare(na.right(la), nb.right(lb));
            if (c != 0) {
                return c < 0;
            }
        } else {
            if (a[i] != b[j]) {
                return a[i] < b[j];
            }
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

// Cases are named by their ids (outputs under -o, the browser, the review window): two cases
// with one id are refused, naming both.
void checkUniqueIds(const std::vector<Case>& cases) {
    QHash<QString, QString> owner; // id -> the path that has it
    for (const Case& c : cases) {
        const QString where = c.isFolder() ? c.files().folder : c.files().mesh;
        if (owner.contains(c.id())) {
            throw ValidationError(where, QStringLiteral("has the case id \"%1\" of %2: cases are "
                                                        "named by their ids, which must differ")
                                             .arg(c.id(), owner.value(c.id())));
        }
        owner.insert(c.id(), where);
    }
}

// The .npz case files directly in folder, in natural order.
QStringList npzFiles(const QString& folder) {
    QStringList names = folderEntries(folder, PathKind::File);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString& n) { return !Case::isNpzCaseFile(n); }),
                names.end());
    std::stable_sort(names.begin(), names.end(), naturalLess);
    return names;
}

QStringList subfolders(const QString& folder) {
    QStringList names = folderEntries(folder, PathKind::Folder);
    std::stable_sort(names.begin(), names.end(), naturalLess);
    return names;
}

} // namespace

bool Dataset::isDatasetFolder(const QString& folder) {
    if (pathKind(folder) != PathKind::Folder) {
        return false;
    }
    if (isFaceScapeRoot(folder)) {
        return true;
    }
    const QDir dir(folder);
    const QStringList names = subfolders(folder);
    return std::any_of(names.begin(), names.end(),
                       [&](const QString& n) { return Case::isCaseFolder(dir.filePath(n)); }) ||
           !npzFiles(folder).isEmpty();
}

Dataset Dataset::open(const QString& folder) {
    const PathKind kind = pathKind(folder);
    if (kind == PathKind::Missing) {
        throw IoError(folder, QStringLiteral("no such folder"));
    }
    if (kind != PathKind::Folder) {
        throw FormatError(folder, QStringLiteral("is a file, not a dataset folder"));
    }
    Dataset ds;
    ds.m_folder = folder;
    if (isFaceScapeRoot(folder)) {
        const QString npz = QDir(folder).filePath(QLatin1String(kFaceScapeIndicesFile));
        const VertexIndices indices = readFaceScapeIndices(npz);
        ds.m_layout = QStringLiteral("FaceScape");
        ds.m_schema = LandmarkSchema::facescape68();
        FaceScapeMeshes meshes = findFaceScapeMeshes(folder);
        std::stable_sort(meshes.neutral.begin(), meshes.neutral.end(), naturalLess);
        for (const QString& mesh : meshes.neutral) {
            ds.m_cases.push_back(Case::openFaceScape(mesh, folder, indices));
        }
        ds.m_skippedExpressions = meshes.otherExpressions;
        checkUniqueIds(ds.m_cases);
        if (ds.m_cases.empty()) {
            throw ValidationError(folder, QStringLiteral("FaceScape root (it holds %1) without "
                                                         "any *_neutral.obj mesh below it")
                                              .arg(QLatin1String(kFaceScapeIndicesFile)));
        }
        return ds;
    }
    // A schema file of the dataset's own holds for every case; without one each case follows
    // its own folder's, or LA-FAS-50.
    const SchemaPtr own = schemaInFolder(folder);
    if (own) {
        ds.m_schema = own;
    }
    const QDir dir(folder);
    for (const QString& name : subfolders(folder)) {
        const QString sub = dir.filePath(name);
        if (Case::isCaseFolder(sub)) {
            ds.m_cases.push_back(Case::open(sub, own));
        } else {
            ds.m_skipped.append(name);
        }
    }
    // Cases as .npz files (core/dataset/NpzCase.h), beside or instead of case folders.
    // An .npz without a mesh (statistics, say) is not a case: skipped and listed, as a folder
    // without a mesh is.
    for (const QString& name : npzFiles(folder)) {
        const NpzCaseIndex index = indexNpzCase(dir.filePath(name));
        if (!index.hasMesh) {
            ds.m_skipped.append(name);
            continue;
        }
        ds.m_cases.push_back(Case::openNpz(dir.filePath(name), own, index));
    }
    if (!ds.m_cases.empty() && std::all_of(ds.m_cases.begin(), ds.m_cases.end(),
                                           [](const Case& c) { return c.isNpz(); })) {
        ds.m_layout = QStringLiteral("NumPy .npz");
    }
    // One schema per dataset: the schema file's, or the first case's that knows its own (an
    // .npz case by its landmark count); a case of another is refused, naming it.
    bool known = own != nullptr;
    if (!own) {
        const auto first = std::find_if(ds.m_cases.begin(), ds.m_cases.end(),
                                        [](const Case& c) { return c.schemaIsKnown(); });
        if (first != ds.m_cases.end()) {
            ds.m_schema = first->schema();
            known = true;
        }
    }
    checkUniqueIds(ds.m_cases);
    for (Case& c : ds.m_cases) {
        // A case without landmarks of its own follows the dataset's schema when the dataset
        // has one; a folder of bare meshes stays open to a model of any schema.
        if (!c.schemaIsKnown() && known) {
            c.followSchema(ds.m_schema);
        }
        if (c.schemaIsKnown() && !c.schema()->sameLandmarks(*ds.m_schema)) {
            throw ValidationError(c.isFolder() ? c.files().folder : c.files().mesh,
                                  QStringLiteral("follows %1, but the dataset's cases follow %2: "
                                                 "a dataset has one landmark schema")
                                      .arg(c.schema()->describe(), ds.m_schema->describe()));
        }
    }
    if (ds.m_cases.empty()) {
        throw ValidationError(folder, QStringLiteral("no case folders found (a case folder holds a "
                                                     "mesh file, e.g. mesh.obj)"));
    }
    return ds;
}

} // namespace pal
