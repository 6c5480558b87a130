#include "core/workflow/CaseFiles.h"

#include "core/dataset/Dataset.h"
#include "core/landmarks/LandmarkIO.h"

#include "core/io/NativePath.h"

#include <QDir>
#include <QFileInfo>

namespace pal {

QString predictionPath(const Case& c, const QString& outDir, SchemaPtr schema) {
    if (!schema) {
        schema = c.schema();
    }
    const QLatin1String name(schema->sameLandmarks(*LandmarkSchema::lafas50()) ? kPredictedFile
                                                                               : kPredictedCsvFile);
    if (!outDir.isEmpty()) {
        return QDir(outDir).filePath(c.id() + QLatin1Char('/') + name);
    }
    return QDir(c.files().folder)
        .filePath(c.isFolder() ? QString(name) : c.id() + QLatin1Char('.') + name);
}

std::optional<LandmarkSet> readPrediction(const Case& c) {
    // A bare mesh follows LA-FAS-50 only by default: a model of another built-in schema may
    // have predicted it (a CSV in that schema).
    std::vector<SchemaPtr> schemas{c.schema()};
    if (!c.schemaIsKnown()) {
        schemas.push_back(LandmarkSchema::facescape68());
    }
    // When both exist (models of two schemas predicted this mesh), the newer is the one shown.
    QString path;
    SchemaPtr schema;
    qint64 newest = 0;
    for (const SchemaPtr& s : schemas) {
        const QString candidate = predictionPath(c, {}, s);
        qint64 size = 0;
        qint64 modified = 0;
        if (fileStamp(candidate, size, modified) && (path.isEmpty() || modified > newest)) {
            path = candidate;
            schema = s;
            newest = modified;
        }
    }
    if (path.isEmpty()) {
        return std::nullopt;
    }
    LandmarkSet p = readLandmarks(path, schema).landmarks;
    for (int i = 0; i < p.size(); ++i) {
        if (p.at(i).isPresent()) {
            p.at(i).status = LandmarkStatus::Predicted;
        }
    }
    return p;
}

void writePrediction(const QString& path, const LandmarkSet& landmarks) {
    makeFolders(folderOf(path));
    writeLandmarks(path, landmarks);
}

bool isDatasetPath(const QString& path) {
    // A FaceScape root is a dataset even when it holds a mesh itself.
    return pathKind(path) == PathKind::Folder &&
           (isFaceScapeRoot(path) || (!Case::isCaseFolder(path) && Dataset::isDatasetFolder(path)));
}

std::vector<Case> casesOf(const QString& path) {
    if (isDatasetPath(path)) {
        return Dataset::open(path).cases();
    }
    return {Case::open(path)};
}

namespace {
// The cases of every path in turn, in order.
template <typename Of> std::vector<Case> allCasesOf(const QStringList& paths, Of of) {
    std::vector<Case> cases;
    for (const QString& p : paths) {
        std::vector<Case> more = of(p);
        cases.insert(cases.end(), std::make_move_iterator(more.begin()),
                     std::make_move_iterator(more.end()));
    }
    return cases;
}
} // namespace

std::vector<Case> casesOf(const QStringList& paths) {
    return allCasesOf(paths, [](const QString& p) { return casesOf(p); });
}

Case reviewCaseOfFile(const QString& meshPath) {
    const QString folder = folderOf(meshPath);
    if (Case::isCaseFolder(folder)) {
        const Case c = Case::open(folder);
        if ((c.hasLandmarks() || c.hasTransform()) &&
            canonicalPath(c.files().mesh) == canonicalPath(meshPath)) {
            return c;
        }
    }
    return Case::open(meshPath);
}

std::vector<Case> reviewCasesOf(const QString& path) {
    if (pathKind(path) == PathKind::File) {
        return {reviewCaseOfFile(path)};
    }
    return casesOf(path);
}

std::vector<Case> reviewCasesOf(const QStringList& paths) {
    return allCasesOf(paths, [](const QString& p) { return reviewCasesOf(p); });
}

} // namespace pal
