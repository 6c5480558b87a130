#include "core/demo/FaceScapeDemo.h"

#include "core/dataset/FaceScape.h"
#include "core/errors/Error.h"
#include "core/geometry/KdTree.h"
#include "core/io/FileBytes.h"
#include "core/io/Npz.h"
#include "core/mesh/MeshIO.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace pal::demo {
namespace {

// LA-FAS-50 indices (number - 1): midline, then the first index of each side and the offsets
// of the bilateral landmarks within a side (docs/landmarks.md).
constexpr int kN = 2, kPrn = 3, kSn = 5, kLs = 6, kSto = 7, kLi = 8, kGn = 11;
constexpr int kRight = 12, kLeft = 31;
constexpr int kPra = 1, kGo = 7, kIs = 8, kEx = 9, kEn = 11, kAl = 14, kCph = 17, kCh = 18;

// The 68 target points in the common frame (+x the subject's left, +y up, +z forward).
std::array<Eigen::Vector3d, 68> faceScapeTargets(const LandmarkSet& t) {
    auto p = [&](int i) -> Eigen::Vector3d { return t.at(i).position; };
    auto lerp = [](const Eigen::Vector3d& a, const Eigen::Vector3d& b, double f) {
        return Eigen::Vector3d(a + f * (b - a));
    };
    const Eigen::Vector3d up(0, 1, 0);
    std::array<Eigen::Vector3d, 68> out;
    // Jaw 1-17: nine points from below the ear, past gonion, to the chin, on each side.
    for (const int side : {kRight, kLeft}) {
        const std::array<Eigen::Vector3d, 3> path{p(side + kPra) - 8.0 * up, p(side + kGo), p(kGn)};
        const double a = (path[1] - path[0]).norm();
        const double total = a + (path[2] - path[1]).norm();
        for (int k = 0; k < 9; ++k) {
            const double s = total * k / 8.0;
            const Eigen::Vector3d q = s <= a ? lerp(path[0], path[1], s / a)
                                             : lerp(path[1], path[2], (s - a) / (total - a));
            out[static_cast<std::size_t>(side == kRight ? k : 16 - k)] = q;
        }
    }
    // Brows 18-22 (right, outer to inner) and 23-27 (left, inner to outer).
    for (const int side : {kRight, kLeft}) {
        const double out_ = side == kRight ? -1.0 : 1.0;
        const Eigen::Vector3d outer = p(side + kEx) + 10.0 * up + Eigen::Vector3d(5.0 * out_, 0, 0);
        const Eigen::Vector3d inner = p(side + kEn) + 12.0 * up;
        const Eigen::Vector3d mid = p(side + kIs);
        const std::array<Eigen::Vector3d, 5> brow{outer, lerp(outer, mid, 0.5) + 2.0 * up, mid,
                                                  lerp(mid, inner, 0.5) + 2.0 * up, inner};
        for (int k = 0; k < 5; ++k) {
            out[static_cast<std::size_t>(side == kRight ? 17 + k : 26 - k)] =
                brow[static_cast<std::size_t>(k)];
        }
    }
    // Nose bridge 28-31, nasion to tip; nose base 32-36, right ala to left ala through subnasale.
    for (int k = 0; k < 4; ++k) {
        out[static_cast<std::size_t>(27 + k)] = lerp(lerp(p(kN), p(kPrn), 0.15), p(kPrn), k / 3.0);
    }
    out[31] = lerp(p(kRight + kAl), p(kSn), 0.25);
    out[32] = lerp(p(kRight + kAl), p(kSn), 0.6);
    out[33] = p(kSn);
    out[34] = lerp(p(kLeft + kAl), p(kSn), 0.6);
    out[35] = lerp(p(kLeft + kAl), p(kSn), 0.25);
    // Eyes 37-42 (right: outer corner, upper lid, inner corner, lower lid) and 43-48 (left:
    // inner corner, upper lid, outer corner, lower lid).
    for (const int side : {kRight, kLeft}) {
        const Eigen::Vector3d ex = p(side + kEx);
        const Eigen::Vector3d en = p(side + kEn);
        const std::array<Eigen::Vector3d, 6> eye =
            side == kRight
                ? std::array<Eigen::Vector3d, 6>{ex,
                                                 lerp(ex, en, 1 / 3.0) + 3.5 * up,
                                                 lerp(ex, en, 2 / 3.0) + 3.5 * up,
                                                 en,
                                                 lerp(ex, en, 2 / 3.0) - 3.0 * up,
                                                 lerp(ex, en, 1 / 3.0) - 3.0 * up}
                : std::array<Eigen::Vector3d, 6>{
                      en, lerp(en, ex, 1 / 3.0) + 3.5 * up, lerp(en, ex, 2 / 3.0) + 3.5 * up,
                      ex, lerp(en, ex, 2 / 3.0) - 3.0 * up, lerp(en, ex, 1 / 3.0) - 3.0 * up};
        for (int k = 0; k < 6; ++k) {
            out[static_cast<std::size_t>((side == kRight ? 36 : 42) + k)] =
                eye[static_cast<std::size_t>(k)];
        }
    }
    // Outer lips 49-60: right corner, over the upper lip to the left corner, back under the
    // lower lip. Inner lips 61-68 the same way along the mouth slit.
    const Eigen::Vector3d chR = p(kRight + kCh), chL = p(kLeft + kCh);
    out[48] = chR;
    out[49] = lerp(chR, p(kRight + kCph), 0.5) + 1.0 * up;
    out[50] = p(kRight + kCph);
    out[51] = p(kLs);
    out[52] = p(kLeft + kCph);
    out[53] = lerp(chL, p(kLeft + kCph), 0.5) + 1.0 * up;
    out[54] = chL;
    out[55] = lerp(chL, p(kLi), 0.33);
    out[56] = lerp(chL, p(kLi), 0.67);
    out[57] = p(kLi);
    out[58] = lerp(chR, p(kLi), 0.67);
    out[59] = lerp(chR, p(kLi), 0.33);
    out[60] = lerp(chR, p(kSto), 0.1);
    out[61] = lerp(chR, p(kSto), 0.55) + 1.0 * up;
    out[62] = p(kSto) + 1.0 * up;
    out[63] = lerp(chL, p(kSto), 0.55) + 1.0 * up;
    out[64] = lerp(chL, p(kSto), 0.1);
    out[65] = lerp(chL, p(kSto), 0.55) - 1.0 * up;
    out[66] = p(kSto) - 1.0 * up;
    out[67] = lerp(chR, p(kSto), 0.55) - 1.0 * up;
    return out;
}

} // namespace

std::vector<int> faceScapeVertices(const Mesh& refinedTemplate, const LandmarkSet& lafas) {
    const KdTree3 tree(refinedTemplate.vertices);
    std::vector<int> out;
    for (const Eigen::Vector3d& q : faceScapeTargets(lafas)) {
        out.push_back(static_cast<int>(tree.nearest(q)));
    }
    return out;
}

void writeFaceScapeDataset(const DemoGenerator& generator, const QString& dirPath,
                           const std::function<bool(int, int)>& progress) {
    const DemoOptions& o = generator.options();
    if (!QDir().mkpath(dirPath)) {
        throw IoError(dirPath, QStringLiteral("cannot create the folder"));
    }
    const QDir dir(dirPath);
    const std::vector<int> vertices =
        faceScapeVertices(generator.refinedTemplate(), generator.templateLandmarks());
    writeNpz(dir.filePath(QLatin1String(kFaceScapeIndicesFile)),
             {{QLatin1String(kFaceScapeIndicesArray),
               formatNpyIntegers(std::vector<std::int64_t>(vertices.begin(), vertices.end()))}});
    MeshWriteOptions mo;
    mo.decimals = 4;
    for (int i = 0; i < o.cases; ++i) {
        const QString models = dir.filePath(QStringLiteral("%1/models_reg").arg(i + 1));
        if (!QDir().mkpath(models)) {
            throw IoError(models, QStringLiteral("cannot create the folder"));
        }
        const Mesh face = generator.makeRegisteredFace(i);
        writeMesh(face, QDir(models).filePath(QStringLiteral("1_neutral.obj")), mo);
        if (i % 4 == 3) {
            // Another expression of the subject: the same face here (the stand-in has no
            // expressions), there to show that only neutral meshes are cases.
            writeMesh(face, QDir(models).filePath(QStringLiteral("2_smile.obj")), mo);
        }
        if (progress && !progress(i + 1, o.cases)) {
            throw Cancelled();
        }
    }
    const QString notice = QStringLiteral(
        "GENERATED DATA: synthetic faces made by PAL Studio from a template head, written in "
        "FaceScape's layout; not FaceScape data, not scans of real people; not for clinical "
        "use.");
    const QJsonObject manifest{
        {QStringLiteral("notice"), notice},
        {QStringLiteral("generated"), true},
        {QStringLiteral("generator"), QStringLiteral("palstudio-cli make-demo --layout facescape")},
        {QStringLiteral("generatorVersion"), kGeneratorVersion},
        {QStringLiteral("seed"), QString::number(o.seed)},
        {QStringLiteral("caseCount"), o.cases},
        {QStringLiteral("layout"), QStringLiteral("FaceScape")},
        {QStringLiteral("options"), QJsonObject{{QStringLiteral("subdivisions"), o.subdivisions},
                                                {QStringLiteral("noiseMm"), o.noiseMm}}}};
    writeFileAtomically(dir.filePath(QStringLiteral("manifest.json")),
                        QJsonDocument(manifest).toJson(QJsonDocument::Indented));
    writeFileAtomically(
        dir.filePath(QStringLiteral("README.txt")),
        (notice + QStringLiteral("\nMade by: palstudio-cli make-demo --layout facescape --cases %1 "
                                 "--seed %2 (generator version %3).\nlandmark_indices.npz holds "
                                 "the vertex index of each of the 68 landmarks (array \"v10\"); "
                                 "each <n>/models_reg/1_neutral.obj is a case.\n")
                      .arg(o.cases)
                      .arg(o.seed)
                      .arg(kGeneratorVersion))
            .toUtf8());
}

} // namespace pal::demo
