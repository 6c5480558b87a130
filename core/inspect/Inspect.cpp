#include "core/inspect/Inspect.h"

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"

#include <QJsonArray>

#include <functional>

namespace pal {
namespace {

QJsonArray vec(const Eigen::Vector3d& v) {
    return QJsonArray{v.x(), v.y(), v.z()};
}

} // namespace

int DatasetSummary::withLandmarks() const {
    return static_cast<int>(std::count_if(
        cases.begin(), cases.end(), [](const CaseSummary& c) { return c.landmarks.has_value(); }));
}

int DatasetSummary::withTransform() const {
    return static_cast<int>(std::count_if(cases.begin(), cases.end(), [](const CaseSummary& c) {
        return !c.files.transform.isEmpty();
    }));
}

int DatasetSummary::withLandmarkErrors() const {
    return static_cast<int>(std::count_if(cases.begin(), cases.end(), [](const CaseSummary& c) {
        return c.landmarks && !c.landmarks->error.isEmpty();
    }));
}

QString guessUnits(const AlignedBox& box, bool* plausible) {
    const double d = box.diagonal();
    bool ok = d >= 50.0 && d <= 2000.0;
    QString text = QStringLiteral("millimetres");
    if (d < 5.0) {
        text =
            QStringLiteral("probably metres (bounding box diagonal %1; LA-FAS expects millimetres)")
                .arg(d, 0, 'g', 4);
    } else if (d < 50.0) {
        text = QStringLiteral("probably centimetres (bounding box diagonal %1; LA-FAS expects "
                              "millimetres)")
                   .arg(d, 0, 'g', 4);
    } else if (d > 2000.0) {
        text = QStringLiteral("unknown (bounding box diagonal %1 is too large for a face in "
                              "millimetres)")
                   .arg(d, 0, 'g', 4);
    }
    if (plausible) {
        *plausible = ok;
    }
    return text;
}

MeshSummary summarizeMesh(const Mesh& mesh) {
    MeshSummary s;
    s.path = mesh.sourcePath;
    s.vertices = mesh.vertexCount();
    s.triangles = mesh.triangleCount();
    s.hasNormals = mesh.hasNormals();
    s.hasUVs = mesh.hasUVs();
    s.texture = mesh.texturePath;
    s.bounds = mesh.bounds();
    s.units = guessUnits(s.bounds);
    return s;
}

namespace {

// read's landmarks counted, or its error.
LandmarksSummary summarizeRead(const QString& path, const std::function<LandmarkFile()>& read) {
    LandmarksSummary s;
    s.path = path;
    try {
        const LandmarkFile f = read();
        s.present = f.landmarks.presentCount();
        s.total = f.landmarks.size();
    } catch (const Error& e) {
        s.error = e.message();
    }
    return s;
}

} // namespace

LandmarksSummary summarizeLandmarks(const QString& path, const SchemaPtr& schema) {
    return summarizeRead(path, [&] { return readLandmarks(path, schema); });
}

CaseSummary summarizeCase(const Case& c, Warnings* warnings, bool withMesh) {
    CaseSummary s;
    s.id = c.id();
    s.files = c.files();
    if (withMesh) {
        s.mesh = summarizeMesh(c.readMesh(warnings));
        bool plausible = true;
        guessUnits(s.mesh->bounds, &plausible);
        if (!plausible && warnings) {
            warnings->add(c.files().mesh, QStringLiteral("units: %1").arg(s.mesh->units));
        }
    }
    s.transform = c.readTransform();
    s.schema = c.schema()->describe();
    if (c.hasVertexLandmarks()) {
        // FaceScape: 68 vertex indices, read when the dataset was opened; whether each is a
        // vertex of this mesh shows only when the mesh is read, which a listing does not do.
        s.landmarks = LandmarksSummary{c.files().landmarks, c.schema()->size(), c.schema()->size(),
                                       QString()};
    } else if (c.hasLandmarks()) {
        s.landmarks = summarizeRead(c.files().landmarks, [&] { return c.readLandmarks(); });
    }
    return s;
}

DatasetSummary summarizeDataset(const QString& folder) {
    const Dataset ds = Dataset::open(folder);
    DatasetSummary s;
    s.folder = folder;
    s.layout = ds.layout();
    s.schema = ds.schema()->describe();
    s.skipped = ds.skipped();
    s.skippedExpressions = ds.skippedExpressions();
    for (const Case& c : ds.cases()) {
        s.cases.push_back(summarizeCase(c, nullptr, false));
    }
    return s;
}

QJsonObject toJson(const MeshSummary& s) {
    return QJsonObject{
        {QStringLiteral("path"), s.path},
        {QStringLiteral("vertices"), static_cast<qint64>(s.vertices)},
        {QStringLiteral("triangles"), static_cast<qint64>(s.triangles)},
        {QStringLiteral("normals"), s.hasNormals},
        {QStringLiteral("uvs"), s.hasUVs},
        {QStringLiteral("texture"), s.texture},
        {QStringLiteral("bounds"), QJsonObject{{QStringLiteral("min"), vec(s.bounds.min)},
                                               {QStringLiteral("max"), vec(s.bounds.max)},
                                               {QStringLiteral("size"), vec(s.bounds.size())}}},
        {QStringLiteral("units"), s.units}};
}

QJsonObject toJson(const LandmarksSummary& s) {
    QJsonObject o{{QStringLiteral("path"), s.path},
                  {QStringLiteral("present"), s.present},
                  {QStringLiteral("total"), s.total}};
    if (!s.error.isEmpty()) {
        o.insert(QStringLiteral("error"), s.error);
    }
    return o;
}

QJsonObject toJson(const CaseSummary& s) {
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("folder"), s.files.folder},
                  {QStringLiteral("meshFile"), s.files.mesh},
                  {QStringLiteral("schema"), s.schema}};
    if (s.mesh) {
        o.insert(QStringLiteral("mesh"), toJson(*s.mesh));
    }
    QJsonArray rows;
    for (int r = 0; r < 4; ++r) {
        rows.append(
            QJsonArray{s.transform(r, 0), s.transform(r, 1), s.transform(r, 2), s.transform(r, 3)});
    }
    o.insert(QStringLiteral("transformFile"), s.files.transform);
    o.insert(QStringLiteral("transform"), rows);
    if (s.landmarks) {
        o.insert(QStringLiteral("landmarks"), toJson(*s.landmarks));
    }
    return o;
}

QJsonObject toJson(const DatasetSummary& s) {
    QJsonArray cases;
    for (const CaseSummary& c : s.cases) {
        cases.append(toJson(c));
    }
    return QJsonObject{{QStringLiteral("folder"), s.folder},
                       {QStringLiteral("layout"), s.layout},
                       {QStringLiteral("schema"), s.schema},
                       {QStringLiteral("skippedExpressions"), s.skippedExpressions},
                       {QStringLiteral("cases"), cases},
                       {QStringLiteral("caseCount"), static_cast<int>(s.cases.size())},
                       {QStringLiteral("withLandmarks"), s.withLandmarks()},
                       {QStringLiteral("withTransform"), s.withTransform()},
                       {QStringLiteral("skipped"), QJsonArray::fromStringList(s.skipped)}};
}

} // namespace pal
