#include "core/demo/DemoGenerator.h"

#include "core/errors/Error.h"
#include "core/geometry/Transform.h"
#include "core/io/FileBytes.h"
#include "core/io/Npy.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"

#include <Eigen/Geometry>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <random>

namespace pal::demo {
namespace {

// Schema indices (number - 1) of the landmarks the deformation regions are anchored to.
constexpr int kPrn = 3, kLs = 6, kSto = 7, kLi = 8, kPg = 10, kG = 1;
constexpr int kRight = 12, kLeft = 31; // first bilateral index of each side
// Offsets inside a side's 19 bilateral landmarks.
constexpr int kT = 0, kSa = 2, kPa = 3, kSba = 4, kGo = 7, kChk = 12, kAl = 14;

// Deterministic random numbers: std::mt19937_64 is specified exactly; distributions are not,
// so uniform and normal draws are made here.
class Rng {
public:
    explicit Rng(quint64 seed) : m_engine(seed) {}
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Normal draw, clamped to +-2.5 sigma so that no case leaves the plausible range.
    double normal(double sigma) {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
        return sigma * std::clamp(z, -2.5, 2.5);
    }
    Eigen::Vector3d normal3(double sigma) { return {normal(sigma), normal(sigma), normal(sigma)}; }

private:
    std::mt19937_64 m_engine;
};

quint64 caseSeed(quint64 seed, int index) {
    // splitmix64 of (seed, index): cases are independent of how many are made.
    quint64 z =
        seed * 0x9e3779b97f4a7c15ULL + static_cast<quint64>(index + 1) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A smooth displacement: delta(p) = w(p) * (offset + linear * (p - centre)),
// w(p) = exp(-|p - centre|^2 / (2 r^2)). Offsets stay well below r, so the map stays one to one.
struct Bump {
    Eigen::Vector3d centre;
    double radius;
    Eigen::Vector3d offset = Eigen::Vector3d::Zero();
    Eigen::Matrix3d linear = Eigen::Matrix3d::Zero();
    Eigen::Vector3d at(const Eigen::Vector3d& p) const {
        const Eigen::Vector3d d = p - centre;
        const double w = std::exp(-d.squaredNorm() / (2.0 * radius * radius));
        return w * (offset + linear * d);
    }
};

Eigen::Vector3d lm(const LandmarkSet& s, int index) {
    return s.at(index).position;
}

// The closest surface point to p, searching the triangles around vertices within `reach` mm.
SurfacePoint closestNear(const Mesh& mesh,
                         const std::vector<std::vector<std::int32_t>>& vertexTriangles,
                         const Eigen::Vector3d& p, double reach) {
    Mesh local;
    std::vector<Eigen::Index> triangles;
    for (Eigen::Index v = 0; v < mesh.vertexCount(); ++v) {
        if ((mesh.vertices.row(v).transpose() - p).squaredNorm() < reach * reach) {
            for (std::int32_t t : vertexTriangles[static_cast<std::size_t>(v)]) {
                triangles.push_back(t);
            }
        }
    }
    if (triangles.empty()) {
        return closestPointOnMesh(mesh, p);
    }
    std::sort(triangles.begin(), triangles.end());
    triangles.erase(std::unique(triangles.begin(), triangles.end()), triangles.end());
    local.vertices = mesh.vertices;
    local.triangles.resize(static_cast<Eigen::Index>(triangles.size()), 3);
    for (std::size_t i = 0; i < triangles.size(); ++i) {
        local.triangles.row(static_cast<Eigen::Index>(i)) = mesh.triangles.row(triangles[i]);
    }
    SurfacePoint sp = closestPointOnMesh(local, p);
    sp.triangle = triangles[static_cast<std::size_t>(sp.triangle)];
    return sp;
}

std::vector<std::vector<std::int32_t>> trianglesOfVertices(const Mesh& m) {
    std::vector<std::vector<std::int32_t>> out(static_cast<std::size_t>(m.vertexCount()));
    for (Eigen::Index f = 0; f < m.triangleCount(); ++f) {
        for (int k = 0; k < 3; ++k) {
            out[static_cast<std::size_t>(m.triangles(f, k))].push_back(
                static_cast<std::int32_t>(f));
        }
    }
    return out;
}

} // namespace

DemoGenerator::DemoGenerator(const Mesh& templ, const LandmarkSet& templLandmarks,
                             DemoOptions options)
    : m_templateLandmarks(templLandmarks), m_options(options) {
    if (!templLandmarks.isComplete()) {
        throw ValidationError(
            QString(),
            QStringLiteral("the template needs all %1 landmarks").arg(templLandmarks.size()));
    }
    m_refined = templ;
    for (int i = 0; i < options.subdivisions; ++i) {
        m_refined = loopSubdivide(m_refined);
    }
    const auto vt = trianglesOfVertices(m_refined);
    for (int i = 0; i < templLandmarks.size(); ++i) {
        m_anchors.push_back(closestNear(m_refined, vt, templLandmarks.at(i).position, 8.0));
    }
}

DemoGenerator DemoGenerator::fromResources(const QString& templateDir, DemoOptions options) {
    const QDir dir(templateDir);
    const Mesh templ = readMesh(dir.filePath(QStringLiteral("mesh.obj")));
    const LandmarkFile lms = readLandmarks(dir.filePath(QStringLiteral("landmarks.txt")));
    return DemoGenerator(templ, lms.landmarks, options);
}

namespace {

// Step 1: regional shape changes, mostly symmetric with a little asymmetry.
std::vector<Bump> drawShapeChanges(Rng& rng, const LandmarkSet& t) {
    std::vector<Bump> bumps;
    bumps.push_back({lm(t, kPrn), 14.0, {0.0, rng.normal(1.2), rng.normal(1.8)}});
    {
        Bump w{(lm(t, kRight + kAl) + lm(t, kLeft + kAl)) / 2.0, 14.0};
        w.linear(0, 0) = rng.normal(0.07); // nose width
        bumps.push_back(w);
    }
    bumps.push_back({lm(t, kPg), 20.0, {0.0, rng.normal(2.0), rng.normal(2.2)}});
    bumps.push_back({lm(t, kLs), 11.0, {0.0, 0.0, rng.normal(1.0)}});
    bumps.push_back({lm(t, kLi), 11.0, {0.0, 0.0, rng.normal(1.0)}});
    {
        Bump w{lm(t, kSto), 18.0};
        w.linear(0, 0) = rng.normal(0.05); // mouth width
        bumps.push_back(w);
    }
    bumps.push_back({lm(t, kG) + Eigen::Vector3d(0, 30, 0), 35.0, {0.0, 0.0, rng.normal(1.8)}});
    const double cheekOut = rng.normal(1.4);
    const double cheekFwd = rng.normal(1.2);
    const double jawOut = rng.normal(2.0);
    const double earOut = rng.normal(2.0);
    const Eigen::Vector3d earShift(0.0, rng.normal(1.5), rng.normal(1.5));
    for (int side : {kRight, kLeft}) {
        const double s = side == kRight ? -1.0 : 1.0; // outward along x
        bumps.push_back({lm(t, side + kChk),
                         22.0,
                         {s * (cheekOut + rng.normal(0.3)), 0.0, cheekFwd + rng.normal(0.3)}});
        bumps.push_back({lm(t, side + kGo), 25.0, {s * (jawOut + rng.normal(0.4)), 0.0, 0.0}});
        const Eigen::Vector3d ear =
            (lm(t, side + kT) + lm(t, side + kSa) + lm(t, side + kSba) + lm(t, side + kPa)) / 4.0;
        bumps.push_back(
            {ear, 20.0,
             Eigen::Vector3d(s * (earOut + rng.normal(0.5)), 0, 0) + earShift + rng.normal3(0.3)});
    }
    return bumps;
}

// Steps 2 and 3: the shape changes, the overall size and proportions, then scanner noise along
// the normal.
void deform(Mesh& mesh, const std::vector<Bump>& bumps, Rng& rng, double noiseMm) {
    const double size = 1.0 + rng.normal(0.035);
    const Eigen::Vector3d scale(size * (1.0 + rng.normal(0.025)), size * (1.0 + rng.normal(0.025)),
                                size * (1.0 + rng.normal(0.025)));
    for (Eigen::Index v = 0; v < mesh.vertexCount(); ++v) {
        Eigen::Vector3d p = mesh.vertices.row(v).transpose();
        Eigen::Vector3d d = Eigen::Vector3d::Zero();
        for (const Bump& b : bumps) {
            d += b.at(p);
        }
        mesh.vertices.row(v) = ((p + d).cwiseProduct(scale)).transpose();
    }
    const Vertices normals = vertexNormals(mesh);
    for (Eigen::Index v = 0; v < mesh.vertexCount(); ++v) {
        mesh.vertices.row(v) += rng.normal(noiseMm) * normals.row(v);
    }
}

// Step 4: landmarks follow the surface, plus annotator jitter in the tangent plane.
void placeLandmarks(const Mesh& mesh, const std::vector<SurfacePoint>& anchors, Rng& rng,
                    double jitterMm, LandmarkSet& out) {
    const auto vt = trianglesOfVertices(mesh);
    for (int i = 0; i < out.size(); ++i) {
        const SurfacePoint& a = anchors[static_cast<std::size_t>(i)];
        const Eigen::Vector3d p = evaluate(mesh, a);
        const Eigen::Vector3d n = (mesh.vertices.row(mesh.triangles(a.triangle, 1)) -
                                   mesh.vertices.row(mesh.triangles(a.triangle, 0)))
                                      .cross(mesh.vertices.row(mesh.triangles(a.triangle, 2)) -
                                             mesh.vertices.row(mesh.triangles(a.triangle, 0)))
                                      .normalized()
                                      .transpose();
        Eigen::Vector3d j = rng.normal3(jitterMm / std::sqrt(2.0));
        j -= j.dot(n) * n;
        const SurfacePoint onSurface = closestNear(mesh, vt, p + j, 6.0);
        out.setPosition(i, onSurface.position, LandmarkStatus::Placed);
        out.at(i).provenance.source = QStringLiteral("generated (palstudio-cli make-demo)");
    }
}

// Marks the triangles whose centroid lies within r of c.
void dropAround(const Mesh& mesh, const Eigen::Vector3d& c, double r, std::vector<bool>& keep) {
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        const Eigen::Vector3d centroid =
            (mesh.vertices.row(mesh.triangles(f, 0)) + mesh.vertices.row(mesh.triangles(f, 1)) +
             mesh.vertices.row(mesh.triangles(f, 2)))
                .transpose() /
            3.0;
        if ((centroid - c).norm() < r) {
            keep[static_cast<std::size_t>(f)] = false;
        }
    }
}

// Step 5: a hole away from the landmarks in about a quarter of the cases, and a missing ear
// region in every eighth. The draws are made whether or not defects are on, so that the
// cases are the same either way but for the defects.
void addDefects(Mesh& mesh, GeneratedCase& out, Rng& rng, int index, bool defects) {
    std::vector<bool> keep(static_cast<std::size_t>(mesh.triangleCount()), true);
    const double holeDraw = rng.uniform();
    const double holeRadius = rng.uniform(4.0, 8.0);
    const auto holeVertex =
        static_cast<Eigen::Index>(rng.uniform() * static_cast<double>(mesh.vertexCount()));
    const bool rightEar = rng.uniform() < 0.5;
    if (defects && holeDraw < 0.25) {
        // The first vertex from the drawn one on that is 25 mm from every landmark.
        const Eigen::MatrixX3d lms = out.landmarks.positions();
        for (Eigen::Index k = 0; k < mesh.vertexCount(); ++k) {
            const Eigen::Index v = (holeVertex + k * 7919) % mesh.vertexCount();
            const Eigen::RowVector3d p = mesh.vertices.row(v);
            if ((lms.rowwise() - p).rowwise().norm().minCoeff() > 25.0) {
                dropAround(mesh, p.transpose(), holeRadius, keep);
                out.notes << QStringLiteral("a hole of %1 mm radius, away from the landmarks")
                                 .arg(holeRadius, 0, 'f', 1);
                break;
            }
        }
    }
    if (defects && index % 8 == 5) {
        const int side = rightEar ? kRight : kLeft;
        const Eigen::Vector3d ear =
            (lm(out.landmarks, side + kT) + lm(out.landmarks, side + kSa) +
             lm(out.landmarks, side + kSba) + lm(out.landmarks, side + kPa)) /
            4.0;
        dropAround(mesh, ear, 24.0, keep);
        for (int k = 0; k < 5; ++k) { // T, Pra, Sa, Pa, Sba
            out.offSurface.push_back(side + k);
        }
        out.notes
            << QStringLiteral(
                   "the %1 ear region is missing (as in a scan that did not reach it); "
                   "its landmarks 13-17 or 32-36 are the annotator's estimates off the surface")
                   .arg(rightEar ? QStringLiteral("right") : QStringLiteral("left"));
    }
    if (std::find(keep.begin(), keep.end(), false) != keep.end()) {
        mesh = submesh(mesh, keep);
    }
}

// Step 6: a small rigid pose: the case is stored posed; its matrix brings it back.
void pose(Mesh& mesh, GeneratedCase& out, Rng& rng) {
    const double deg = M_PI / 180.0;
    const Eigen::Affine3d pose =
        Eigen::Translation3d(rng.normal3(12.0)) *
        Eigen::AngleAxisd(rng.uniform(-8, 8) * deg, Eigen::Vector3d::UnitZ()) *
        Eigen::AngleAxisd(rng.uniform(-12, 12) * deg, Eigen::Vector3d::UnitX()) *
        Eigen::AngleAxisd(rng.uniform(-20, 20) * deg, Eigen::Vector3d::UnitY());
    out.toCommon = pose.inverse().matrix();
    mesh.vertices = transformPoints(pose.matrix(), mesh.vertices);
    transformLandmarks(pose.matrix(), out.landmarks);
}

} // namespace

GeneratedCase DemoGenerator::makeCase(int index) const {
    Rng rng(caseSeed(m_options.seed, index));
    GeneratedCase out;
    out.id = QStringLiteral("D%1").arg(index + 1, 3, 10, QLatin1Char('0'));
    const std::vector<Bump> bumps = drawShapeChanges(rng, m_templateLandmarks);
    Mesh mesh = m_refined;
    deform(mesh, bumps, rng, m_options.noiseMm);
    placeLandmarks(mesh, m_anchors, rng, m_options.jitterMm, out.landmarks);
    addDefects(mesh, out, rng, index, m_options.defects);
    pose(mesh, out, rng);
    out.mesh = std::move(mesh);
    return out;
}

Mesh DemoGenerator::makeRegisteredFace(int index) const {
    Rng rng(caseSeed(m_options.seed, index));
    const std::vector<Bump> bumps = drawShapeChanges(rng, m_templateLandmarks);
    Mesh mesh = m_refined;
    deform(mesh, bumps, rng, m_options.noiseMm);
    return mesh;
}

void writeCaseFolder(const GeneratedCase& c, const QString& folder) {
    if (!QDir().mkpath(folder)) {
        throw IoError(folder, QStringLiteral("cannot create the folder"));
    }
    const QDir dir(folder);
    MeshWriteOptions o;
    o.decimals = 4;
    writeMesh(c.mesh, dir.filePath(QStringLiteral("mesh.obj")), o);
    writeNpyMatrix(dir.filePath(QStringLiteral("transformation_matrix.npy")), c.toCommon);
    writeLandmarks(dir.filePath(QStringLiteral("landmarks.txt")), c.landmarks);
}

void DemoGenerator::writeDataset(const QString& dirPath,
                                 const std::function<bool(int, int)>& progress) const {
    const QDir dir(dirPath);
    if (!QDir().mkpath(dirPath)) {
        throw IoError(dirPath, QStringLiteral("cannot create the folder"));
    }
    QJsonArray cases;
    for (int i = 0; i < m_options.cases; ++i) {
        const GeneratedCase c = makeCase(i);
        writeCaseFolder(c, dir.filePath(c.id));
        QJsonArray off;
        for (int k : c.offSurface) {
            off.append(k + 1);
        }
        cases.append(
            QJsonObject{{QStringLiteral("id"), c.id},
                        {QStringLiteral("vertices"), static_cast<qint64>(c.mesh.vertexCount())},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(c.notes)},
                        {QStringLiteral("landmarksOffSurface"), off}});
        if (progress && !progress(i + 1, m_options.cases)) {
            throw Cancelled();
        }
    }
    const QString notice =
        QStringLiteral("GENERATED DATA: synthetic faces made by PAL Studio from a template head "
                       "(MakeHuman model of Debian's assimp-testmodels); not scans of real people; "
                       "not for clinical use.");
    const QJsonObject manifest{
        {QStringLiteral("notice"), notice},
        {QStringLiteral("generated"), true},
        {QStringLiteral("generator"), QStringLiteral("palstudio-cli make-demo")},
        {QStringLiteral("generatorVersion"), kGeneratorVersion},
        {QStringLiteral("seed"), QString::number(m_options.seed)},
        {QStringLiteral("caseCount"), m_options.cases},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("subdivisions"), m_options.subdivisions},
                     {QStringLiteral("noiseMm"), m_options.noiseMm},
                     {QStringLiteral("jitterMm"), m_options.jitterMm},
                     {QStringLiteral("defects"), m_options.defects}}},
        {QStringLiteral("template"),
         QStringLiteral("resources/demo/template (see resources/demo/README.md)")},
        {QStringLiteral("cases"), cases}};
    writeFileAtomically(dir.filePath(QStringLiteral("manifest.json")),
                        QJsonDocument(manifest).toJson(QJsonDocument::Indented));
    writeFileAtomically(
        dir.filePath(QStringLiteral("README.txt")),
        (notice +
         QStringLiteral(
             "\nMade by: palstudio-cli make-demo --cases %1 --seed %2 (generator version %3).\n"
             "Each folder is an LA-FAS case: mesh.obj, transformation_matrix.npy, landmarks.txt.\n")
             .arg(m_options.cases)
             .arg(m_options.seed)
             .arg(kGeneratorVersion))
            .toUtf8());
}

} // namespace pal::demo
