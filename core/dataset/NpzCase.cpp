#include "core/dataset/NpzCase.h"

#include "core/errors/Error.h"
#include "core/io/Npz.h"

#include <cmath>

namespace pal {
namespace {

QString shapeText(const NpyArray& a) {
    QStringList dims;
    for (Eigen::Index d : a.shape) {
        dims << QString::number(d);
    }
    return QStringLiteral("(%1)").arg(dims.join(QStringLiteral(", ")));
}

// A float array of shape (rows, 3) or (rows, 4) etc., checked.
const NpyArray& floatRows(const NpzFile& npz, const QString& name, Eigen::Index cols) {
    const NpyArray& a = npz.array(name);
    if (a.isInteger) {
        throw FormatError(npz.path(), QStringLiteral("\"%1\" holds integers; expected float64 or "
                                                     "float32 coordinates")
                                          .arg(name));
    }
    if (a.shape.size() != 2 || a.shape[1] != cols) {
        throw FormatError(npz.path(), QStringLiteral("\"%1\" has shape %2; expected (N, %3)")
                                          .arg(name, shapeText(a))
                                          .arg(cols));
    }
    return a;
}

} // namespace

NpzCaseIndex indexNpzCase(const QString& path) {
    const NpzFile npz =
        NpzFile::read(path, {QStringLiteral("landmarks"), QStringLiteral("transform")});
    NpzCaseIndex out;
    out.arrays = npz.names();
    out.hasMesh = npz.names().contains(QStringLiteral("vertices")) ||
                  npz.names().contains(QStringLiteral("points"));
    out.hasTransform = npz.has(QStringLiteral("transform"));
    if (npz.has(QStringLiteral("landmarks"))) {
        out.landmarkRows =
            static_cast<int>(floatRows(npz, QStringLiteral("landmarks"), 3).shape[0]);
    }
    return out;
}

Mesh readNpzMesh(const QString& path) {
    const NpzFile npz = NpzFile::read(
        path, {QStringLiteral("vertices"), QStringLiteral("faces"), QStringLiteral("points")});
    Mesh mesh;
    mesh.sourcePath = path;
    const bool isMesh = npz.has(QStringLiteral("vertices"));
    if (!isMesh && !npz.has(QStringLiteral("points"))) {
        throw FormatError(path, QStringLiteral("no \"vertices\" and \"faces\", and no \"points\" "
                                               "(the file holds: %1)")
                                    .arg(npz.names().join(QStringLiteral(", "))));
    }
    const QString name = isMesh ? QStringLiteral("vertices") : QStringLiteral("points");
    const NpyArray& v = floatRows(npz, name, 3);
    if (v.shape[0] == 0) {
        throw FormatError(path, QStringLiteral("\"%1\" holds no points").arg(name));
    }
    mesh.vertices = Eigen::Map<const Vertices>(v.values.data(), v.shape[0], 3);
    for (Eigen::Index i = 0; i < mesh.vertexCount(); ++i) {
        if (!mesh.vertices.row(i).allFinite()) {
            throw FormatError(path, QStringLiteral("\"%1\" row %2 is not finite").arg(name).arg(i));
        }
    }
    if (!isMesh) {
        return mesh; // a point cloud
    }
    const NpyArray& f = npz.array(QStringLiteral("faces"));
    if (!f.isInteger || f.shape.size() != 2 || f.shape[1] != 3) {
        throw FormatError(path, QStringLiteral("\"faces\" has shape %1 of %2; expected (M, 3) "
                                               "integers")
                                    .arg(shapeText(f), f.isInteger ? QStringLiteral("integers")
                                                                   : QStringLiteral("floats")));
    }
    if (f.shape[0] == 0) {
        throw FormatError(path, QStringLiteral("\"faces\" holds no triangles (a point cloud is "
                                               "stored as \"points\")"));
    }
    mesh.triangles.resize(f.shape[0], 3);
    for (std::size_t k = 0; k < f.integers.size(); ++k) {
        const std::int64_t idx = f.integers[k];
        if (idx < 0 || idx >= mesh.vertexCount()) {
            throw FormatError(path, QStringLiteral("face %1 refers to vertex %2; there are %3 "
                                                   "vertices (indices start at 0)")
                                        .arg(k / 3)
                                        .arg(idx)
                                        .arg(mesh.vertexCount()));
        }
        mesh.triangles.data()[k] = static_cast<std::int32_t>(idx);
    }
    return mesh;
}

Eigen::Matrix4d readNpzTransform(const QString& path) {
    const NpzFile npz = NpzFile::read(path, {QStringLiteral("transform")});
    const NpyArray& t = npz.array(QStringLiteral("transform"));
    if (t.isInteger || t.shape != std::vector<Eigen::Index>{4, 4}) {
        throw FormatError(
            path, QStringLiteral("\"transform\" has shape %1; expected (4, 4)").arg(shapeText(t)));
    }
    Eigen::Matrix4d m;
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 4; ++c) {
            m(r, c) = t.values[static_cast<std::size_t>(r * 4 + c)];
        }
    }
    if (!m.allFinite()) {
        throw FormatError(path, QStringLiteral("\"transform\" holds NaN or infinite values"));
    }
    return m;
}

LandmarkSet readNpzLandmarks(const QString& path, const SchemaPtr& schema) {
    const NpzFile npz = NpzFile::read(path, {QStringLiteral("landmarks")});
    const NpyArray& l = floatRows(npz, QStringLiteral("landmarks"), 3);
    LandmarkSet set(schema);
    if (l.shape[0] != set.size()) {
        throw ValidationError(path, QStringLiteral("\"landmarks\" has %1 rows; %2 has %3")
                                        .arg(l.shape[0])
                                        .arg(schema->id())
                                        .arg(set.size()));
    }
    for (int i = 0; i < set.size(); ++i) {
        const Eigen::Vector3d p(l.values[std::size_t(i) * 3], l.values[std::size_t(i) * 3 + 1],
                                l.values[std::size_t(i) * 3 + 2]);
        if (p.array().isNaN().all()) {
            continue; // missing
        }
        if (!p.allFinite()) {
            throw FormatError(path, QStringLiteral("\"landmarks\" row %1 (%2) is neither three "
                                                   "numbers nor missing (all NaN)")
                                        .arg(i)
                                        .arg(schema->key(i)));
        }
        set.setPosition(i, p, LandmarkStatus::Placed);
        set.at(i).provenance.source = path;
    }
    return set;
}

SchemaPtr schemaForLandmarkCount(int rows) {
    for (const SchemaPtr& s : {LandmarkSchema::lafas50(), LandmarkSchema::facescape68()}) {
        if (s->size() == rows) {
            return s;
        }
    }
    return nullptr;
}

} // namespace pal
