// The generated demo data (issue: demo data): template, generator determinism, landmarks on the
// surface, transforms, and deformations that keep faces plausible. All data here is GENERATED.

#include "core/dataset/Case.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/demo/TemplateHead.h"
#include "core/geometry/Transform.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"
#include "tests/TestSupport.h"

#include <Eigen/Geometry>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using namespace pal::demo;
using pal::test::readAll;

namespace {

QString templateFile(const char* name) {
    return QDir(defaultTemplateDir()).filePath(QLatin1String(name));
}

LandmarkSet templateLandmarks() {
    return readLandmarks(templateFile("landmarks.txt")).landmarks;
}

int idx(int number) {
    return number - 1;
}
constexpr int kRight = 13, kLeft = 32; // numbers of the first bilateral landmark of each side

// The sanity rules at the end of docs/landmarks.md ("Sanity rules"), in the common frame (+Y up, +Z
// face, subject's right at -X). Returns the first broken rule, or an empty string.
QString brokenSanityRule(const LandmarkSet& s, double mirrorTolerance) {
    const Eigen::MatrixX3d p = s.positions();
    for (int k = 0; k < 19; ++k) {
        const Eigen::Vector3d r = p.row(idx(kRight + k));
        const Eigen::Vector3d l = p.row(idx(kLeft + k));
        if (r.x() >= 0 || l.x() <= 0) {
            return QStringLiteral("landmark %1/%2 is on the wrong side")
                .arg(kRight + k)
                .arg(kLeft + k);
        }
        const Eigen::Vector3d mirrored(-l.x(), l.y(), l.z());
        if ((r - mirrored).norm() > mirrorTolerance) {
            return QStringLiteral("landmarks %1 and %2 do not mirror each other (%3 mm)")
                .arg(kRight + k)
                .arg(kLeft + k)
                .arg((r - mirrored).norm());
        }
    }
    const int midline[] = {1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12}; // Tr G N Prn Sn Ls Sto Li Sl Pg Gn
    for (std::size_t i = 0; i + 1 < std::size(midline); ++i) {
        if (p(idx(midline[i]), 1) <= p(idx(midline[i + 1]), 1)) {
            return QStringLiteral("midline order broken between %1 and %2")
                .arg(midline[i])
                .arg(midline[i + 1]);
        }
    }
    for (int n = 1; n <= 12; ++n) {
        if (n != 4 && p(idx(n), 2) >= p(idx(4), 2)) {
            return QStringLiteral("landmark %1 is more anterior than Pronasale").arg(n);
        }
    }
    for (int side : {kRight, kLeft}) {
        if (std::abs(p(idx(side + 11), 0)) >= std::abs(p(idx(side + 9), 0))) {
            return QStringLiteral("En is not closer to the midline than Ex");
        }
        if (std::abs(p(idx(side + 18), 0)) <= std::abs(p(idx(side + 17), 0))) {
            return QStringLiteral("Ch is not lateral to Cph");
        }
    }
    return {};
}

double distanceToSurface(const Mesh& m, const Eigen::Vector3d& p) {
    return closestPointOnMesh(m, p).distance;
}

DemoOptions fastOptions() {
    DemoOptions o;
    o.subdivisions = 1; // 17k vertices: fast, the same code paths
    return o;
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void templateIsReDerivedByteForByte() {
        if (!QFileInfo::exists(QLatin1String(kHumanZae))) {
            QSKIP("Debian's assimp-testmodels is not installed (scripts/install-deps.sh installs "
                  "it)");
        }
        QTemporaryDir dir;
        MeshWriteOptions o;
        o.decimals = 4;
        writeMesh(deriveTemplateHead(), dir.filePath(QStringLiteral("mesh.obj")), o);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("mesh.obj"))),
                 readAll(templateFile("mesh.obj")));
    }

    void templateLandmarksFollowTheRules() {
        const Mesh head = readMesh(templateFile("mesh.obj"));
        QVERIFY(head.vertexCount() > 3000 && head.vertexCount() < 6000);
        const LandmarkSet lms = templateLandmarks();
        QCOMPARE(lms.presentCount(), 50);
        const QString broken = brokenSanityRule(lms, 0.5); // the template is symmetric
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
        for (int i = 0; i < 50; ++i) {
            const double d = distanceToSurface(head, lms.at(i).position);
            QVERIFY2(
                d < 1.0,
                qPrintable(
                    QStringLiteral("landmark %1 is %2 mm off the template").arg(i + 1).arg(d)));
        }
    }

    void sameSeedSameBytes() {
        const DemoGenerator g = DemoGenerator::fromResources(defaultTemplateDir(), fastOptions());
        QTemporaryDir a;
        QTemporaryDir b;
        writeCaseFolder(g.makeCase(2), a.path());
        writeCaseFolder(g.makeCase(2), b.path());
        for (const char* f : {"mesh.obj", "landmarks.txt", "transformation_matrix.npy"}) {
            const QString name = QLatin1String(f);
            QVERIFY(!readAll(a.filePath(name)).isEmpty());
            QCOMPARE(readAll(a.filePath(name)), readAll(b.filePath(name)));
        }
        DemoOptions other = fastOptions();
        other.seed = 2;
        const DemoGenerator g2 = DemoGenerator::fromResources(defaultTemplateDir(), other);
        QVERIFY(g2.makeCase(2).landmarks.positions() != g.makeCase(2).landmarks.positions());
        QVERIFY(g.makeCase(3).landmarks.positions() != g.makeCase(2).landmarks.positions());
    }

    void casesAreScanLikeAndPlausible() {
        const DemoGenerator g = DemoGenerator::fromResources(defaultTemplateDir(), fastOptions());
        const LandmarkSet templ = templateLandmarks();
        const Eigen::MatrixX3d tp = templ.positions();
        for (int i = 0; i < 8; ++i) {
            const GeneratedCase c = g.makeCase(i);
            QCOMPARE(c.landmarks.presentCount(), 50);
            // Landmarks sit on the surface (missing-ear estimates excepted).
            for (int k = 0; k < 50; ++k) {
                if (std::find(c.offSurface.begin(), c.offSurface.end(), k) != c.offSurface.end()) {
                    continue;
                }
                const double d = distanceToSurface(c.mesh, c.landmarks.at(k).position);
                QVERIFY2(
                    d <= 0.5,
                    qPrintable(
                        QStringLiteral("case %1 landmark %2: %3 mm off").arg(i).arg(k + 1).arg(d)));
            }
            // The transform brings the posed case back near the template.
            LandmarkSet common = c.landmarks;
            transformLandmarks(c.toCommon, common);
            const Eigen::MatrixX3d cp = common.positions();
            QVERIFY((cp - tp).rowwise().norm().maxCoeff() < 20.0);
            QVERIFY((c.landmarks.positions() - tp).rowwise().norm().maxCoeff() >
                    5.0); // it was posed
            // Proportions stay sane: every inter-landmark distance within 30% of the template's.
            for (int a = 0; a < 50; ++a) {
                for (int b = a + 1; b < 50; ++b) {
                    const double dt = (tp.row(a) - tp.row(b)).norm();
                    const double dc = (cp.row(a) - cp.row(b)).norm();
                    if (dt > 20.0) {
                        QVERIFY2(
                            std::abs(dc - dt) < 0.3 * dt,
                            qPrintable(
                                QStringLiteral("case %1: %2-%3").arg(i).arg(a + 1).arg(b + 1)));
                    }
                }
            }
            const QString broken = brokenSanityRule(common, 8.0);
            QVERIFY2(broken.isEmpty(),
                     qPrintable(QStringLiteral("case %1: %2").arg(i).arg(broken)));
        }
    }

    // No fold-over: around the nose and lips no triangle turns over relative to the template
    // (a fold is where surfaces would pass through each other).
    void noseAndLipsDoNotFold() {
        DemoOptions o = fastOptions();
        o.defects = false;
        o.noiseMm = 0;
        const DemoGenerator g = DemoGenerator::fromResources(defaultTemplateDir(), o);
        const Mesh& ref = g.refinedTemplate();
        const Eigen::Vector3d prn = templateLandmarks().at(idx(4)).position;
        const Eigen::Vector3d sto = templateLandmarks().at(idx(8)).position;
        for (int i = 0; i < 6; ++i) {
            const GeneratedCase c = g.makeCase(i);
            const Vertices common = transformPoints(c.toCommon, c.mesh.vertices);
            QCOMPARE(common.rows(), ref.vertexCount());
            int checked = 0;
            for (Eigen::Index f = 0; f < ref.triangleCount(); ++f) {
                const Eigen::Vector3d centre = ref.vertices.row(ref.triangles(f, 0)).transpose();
                if ((centre - prn).norm() > 30.0 && (centre - sto).norm() > 30.0) {
                    continue;
                }
                auto normal = [&](const Vertices& v) {
                    const Eigen::Vector3d a = v.row(ref.triangles(f, 0));
                    const Eigen::Vector3d b = v.row(ref.triangles(f, 1));
                    const Eigen::Vector3d d = v.row(ref.triangles(f, 2));
                    return Eigen::Vector3d((b - a).cross(d - a).normalized());
                };
                QVERIFY2(normal(ref.vertices).dot(normal(common)) > 0.5,
                         qPrintable(QStringLiteral("case %1 triangle %2 folds").arg(i).arg(f)));
                ++checked;
            }
            QVERIFY(checked > 1000);
        }
    }

    void fullDensityIsScanLike() {
        DemoOptions o;
        o.cases = 1;
        const DemoGenerator g = DemoGenerator::fromResources(defaultTemplateDir(), o);
        const Eigen::Index v = g.refinedTemplate().vertexCount();
        QVERIFY2(v >= 30000 && v <= 70000, qPrintable(QString::number(v)));
    }

    void datasetHasAManifestAndReadsBack() {
        DemoOptions o = fastOptions();
        o.cases = 6; // case 6 (index 5) has a missing ear region
        const DemoGenerator g = DemoGenerator::fromResources(defaultTemplateDir(), o);
        QTemporaryDir dir;
        g.writeDataset(dir.path());
        const QByteArray manifest = readAll(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.contains("\"generated\": true"));
        QVERIFY(manifest.contains("not for clinical use"));
        QVERIFY(readAll(dir.filePath(QStringLiteral("README.txt"))).startsWith("GENERATED DATA"));
        for (int i = 1; i <= 6; ++i) {
            const Case c =
                Case::open(dir.filePath(QStringLiteral("D%1").arg(i, 3, 10, QLatin1Char('0'))));
            QVERIFY(c.hasTransform());
            const LandmarkFile f = c.readLandmarks();
            QCOMPARE(f.landmarks.presentCount(), 50);
            // Rows in the reference's order: 1, 10, 11, ...
            QCOMPARE(f.lafasLayout->items[1].landmark, 0);
            QCOMPARE(f.lafasLayout->items[2].landmark, 9);
        }
        QVERIFY(manifest.contains("ear region is missing"));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
