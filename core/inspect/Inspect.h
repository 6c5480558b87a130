#pragma once

// Summaries of meshes, landmark files, cases and datasets, for `palstudio-cli info` and the
// application's dataset browser. Each summary is a plain value with a JSON form.

#include "core/dataset/Case.h"
#include "core/mesh/Mesh.h"

#include <Eigen/Core>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace pal {

struct MeshSummary {
    QString path;
    Eigen::Index vertices = 0;
    Eigen::Index triangles = 0;
    bool hasNormals = false;
    bool hasUVs = false;
    QString texture;
    AlignedBox bounds;
    QString units; // "millimetres" or a guess with its reason
};

struct LandmarksSummary {
    QString path;
    int present = 0;
    int total = 0;
    QString error; // the message when the file could not be read; counts are 0 then
};

struct CaseSummary {
    QString id;
    CaseFiles files;
    QString schema;                  // "LA-FAS-50 (50 landmarks)"
    std::optional<MeshSummary> mesh; // absent when the summary was made without the mesh
    Eigen::Matrix4d transform = Eigen::Matrix4d::Identity();
    std::optional<LandmarksSummary> landmarks;
};

struct DatasetSummary {
    QString folder;
    QString layout; // "LA-FAS" or "FaceScape"
    QString schema; // "FaceScape-68 (68 landmarks)"
    std::vector<CaseSummary> cases;
    QStringList skipped;
    int skippedExpressions = 0; // FaceScape: meshes of other expressions than neutral
    int withLandmarks() const;
    int withTransform() const;
    int withLandmarkErrors() const;
};

MeshSummary summarizeMesh(const Mesh& mesh);
// Reads the landmarks; a bad file gives a summary with its error rather than throwing.
LandmarksSummary summarizeLandmarks(const QString& path,
                                    const SchemaPtr& schema = LandmarkSchema::lafas50());
// withMesh: read the mesh (slow for big meshes); a dataset summary lists without it.
CaseSummary summarizeCase(const Case& c, Warnings* warnings, bool withMesh);
DatasetSummary summarizeDataset(const QString& folder);

// A guess of the length unit from the size of a face: LA-FAS meshes are in millimetres.
// Returns "millimetres" when the bounding box fits a head in mm, otherwise a warning text.
QString guessUnits(const AlignedBox& box, bool* plausible = nullptr);

QJsonObject toJson(const MeshSummary& s);
QJsonObject toJson(const LandmarksSummary& s);
QJsonObject toJson(const CaseSummary& s);
QJsonObject toJson(const DatasetSummary& s);

} // namespace pal
