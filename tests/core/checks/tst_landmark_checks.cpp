// Anatomical checks (core/checks/LandmarkChecks.h) on the demo template's landmarks and on
// generated cases (GENERATED data, not scans): a valid set has no finding in any pose, and each
// kind of fault made on purpose is found, named and measured.

#include "core/checks/LandmarkChecks.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/geometry/SurfaceLocator.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"

#include <Eigen/Geometry>
#include <QDir>
#include <QTest>

using namespace pal;

namespace {

QString templateFile(const char* name) {
    return QDir(demo::defaultTemplateDir()).filePath(QLatin1String(name));
}

LandmarkSet templateLandmarks() {
    return readLandmarks(templateFile("landmarks.txt")).landmarks;
}

int at(const LandmarkSet& s, const char* key) {
    const int i = s.schema().indexOfKey(QString::fromLatin1(key));
    Q_ASSERT(i >= 0);
    return i;
}

Eigen::Vector3d& pos(LandmarkSet& s, const char* key) {
    return s.at(at(s, key)).position;
}

void swap(LandmarkSet& s, const char* a, const char* b) {
    std::swap(pos(s, a), pos(s, b));
}

QStringList describe(const LandmarkSet& s, const std::vector<CheckFinding>& findings) {
    QStringList out;
    for (const CheckFinding& f : findings) {
        out << checkKindName(f.kind) + QStringLiteral(": ") + describeFinding(f, s.schema(), false);
    }
    return out;
}

// A rigid pose: rotated about an oblique axis, moved.
Eigen::Isometry3d somePose() {
    Eigen::Isometry3d pose = Eigen::Isometry3d::Identity();
    pose.rotate(Eigen::AngleAxisd(2.1, Eigen::Vector3d(0.3, -0.8, 0.5).normalized()));
    pose.pretranslate(Eigen::Vector3d(120, -40, 900));
    return pose;
}

LandmarkSet moved(const LandmarkSet& s, const Eigen::Isometry3d& pose) {
    LandmarkSet out = s;
    for (int i = 0; i < out.size(); ++i) {
        out.at(i).position = pose * s.at(i).position;
    }
    return out;
}

} // namespace

class TestLandmarkChecks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theTemplateFrameIsTheCommonFrame() {
        const auto frame = faceFrame(templateLandmarks());
        QVERIFY(frame.has_value());
        // docs/landmarks.md: +X the subject's left, +Y up, +Z forward.
        QVERIFY2(frame->left.dot(Eigen::Vector3d::UnitX()) > 0.99,
                 qPrintable(QString::number(frame->left.x())));
        QVERIFY(frame->up.dot(Eigen::Vector3d::UnitY()) > 0.95);
        QVERIFY(frame->forward.dot(Eigen::Vector3d::UnitZ()) > 0.95);
        QVERIFY(std::abs(frame->left.cross(frame->up).dot(frame->forward) - 1.0) < 1e-9);
    }

    void validSetsHaveNoFindingInAnyPose() {
        const LandmarkSet lms = templateLandmarks();
        const Mesh head = readMesh(templateFile("mesh.obj"));
        const SurfaceLocator surface(std::make_shared<const Mesh>(head));
        QCOMPARE(describe(lms, checkLandmarks(lms, &surface)), QStringList());
        // The frame is the set's own: a pose changes nothing.
        const LandmarkSet posed = moved(lms, somePose());
        QCOMPARE(describe(posed, checkLandmarks(posed)), QStringList());
        const auto a = faceFrame(lms), b = faceFrame(posed);
        QVERIFY((somePose().linear() * a->left - b->left).norm() < 1e-9);
    }

    void generatedCasesPass() {
        demo::DemoOptions o;
        o.subdivisions = 1;
        const demo::DemoGenerator g =
            demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o);
        for (int i = 0; i < 6; ++i) {
            const demo::GeneratedCase c = g.makeCase(i); // posed, deformed, jittered by 1 mm
            const SurfaceLocator surface(std::make_shared<const Mesh>(c.mesh));
            const std::vector<CheckFinding> findings = checkLandmarks(c.landmarks, &surface);
            for (const CheckFinding& f : findings) {
                // Only landmarks whose surface the generator cut away (a missing ear).
                QVERIFY2(f.kind == CheckKind::OffSurface &&
                             std::find(c.offSurface.begin(), c.offSurface.end(), f.landmark) !=
                                 c.offSurface.end(),
                         qPrintable(c.id + QStringLiteral(": ") +
                                    describe(c.landmarks, {f}).join(QString())));
            }
        }
    }

    void aSwappedPairIsOneFinding() {
        LandmarkSet lms = moved(templateLandmarks(), somePose());
        swap(lms, "Ex_R", "Ex_L");
        const std::vector<CheckFinding> findings = checkLandmarks(lms);
        QCOMPARE(findings.size(), std::size_t(1));
        QCOMPARE(findings[0].kind, CheckKind::SwappedPair);
        QCOMPARE(findings[0].landmark, at(lms, "Ex_L"));
        QCOMPARE(findings[0].other, at(lms, "Ex_R"));
        const double half = std::abs(templateLandmarks().at(at(lms, "Ex_L")).position.x());
        QVERIFY(std::abs(findings[0].mm - half) < 2.0);
        QCOMPARE(describeFinding(findings[0], lms.schema(), false),
                 QStringLiteral("Ex_L and Ex_R are swapped (Ex_L lies %1 mm right of the "
                                "mid-sagittal plane)")
                     .arg(findings[0].mm, 0, 'f', 1));
    }

    void aMirroredFaceSwapsEveryPair() {
        // Left and right exchanged everywhere (a dataset read with the x axis flipped): the
        // frame comes from the anatomy (up and forward), not from a vote of the pairs.
        LandmarkSet lms = templateLandmarks();
        for (int i = 0; i < lms.size(); ++i) {
            lms.at(i).position.x() = -lms.at(i).position.x();
        }
        const std::vector<CheckFinding> findings = checkLandmarks(moved(lms, somePose()));
        QCOMPARE(findings.size(), std::size_t(19));
        for (const CheckFinding& f : findings) {
            QCOMPARE(f.kind, CheckKind::SwappedPair);
        }
    }

    void aLandmarkOnTheWrongSide() {
        LandmarkSet lms = templateLandmarks();
        pos(lms, "En_L").x() = -3.0; // 3 mm right of the midline; its partner stays
        const std::vector<CheckFinding> findings = checkLandmarks(lms);
        QCOMPARE(findings.size(), std::size_t(1));
        QCOMPARE(findings[0].kind, CheckKind::WrongSide);
        QCOMPARE(findings[0].landmark, at(lms, "En_L"));
        QVERIFY2(std::abs(findings[0].mm - 3.0) < 0.3, qPrintable(QString::number(findings[0].mm)));
        QCOMPARE(
            describeFinding(findings[0], lms.schema(), false),
            QStringLiteral("En_L lies %1 mm right of the mid-sagittal plane, on the wrong side")
                .arg(findings[0].mm, 0, 'f', 1));
    }

    void anInvertedMidlineIsFound() {
        LandmarkSet lms = moved(templateLandmarks(), somePose());
        swap(lms, "Ls", "Li");
        const std::vector<CheckFinding> findings = checkLandmarks(lms);
        // Ls now sits below Sto and Li above it: two inversions, each named.
        QCOMPARE(findings.size(), std::size_t(2));
        QCOMPARE(findings[0].kind, CheckKind::MidlineOrder);
        QCOMPARE(findings[0].landmark, at(lms, "Sto"));
        QCOMPARE(findings[0].other, at(lms, "Ls"));
        QCOMPARE(findings[1].kind, CheckKind::MidlineOrder);
        QCOMPARE(findings[1].landmark, at(lms, "Li"));
        QCOMPARE(findings[1].other, at(lms, "Sto"));
        QVERIFY(describeFinding(findings[1], lms.schema(), false)
                    .endsWith(QStringLiteral("above Sto (expected below it on the midline)")));
    }

    void theNoseTipIsForemost() {
        LandmarkSet lms = templateLandmarks();
        pos(lms, "Prn").z() = pos(lms, "Sn").z() - 5.0;
        const std::vector<CheckFinding> findings = checkLandmarks(lms);
        QVERIFY(!findings.empty());
        QCOMPARE(findings[0].kind, CheckKind::NoseNotForemost);
        QCOMPARE(findings[0].other, at(lms, "Prn"));
    }

    void eyeAndMouthCorners() {
        // On both sides alike, so that the face stays symmetric (no asymmetry finding).
        LandmarkSet lms = templateLandmarks();
        for (const char* side : {"_R", "_L"}) {
            const QByteArray en = QByteArray("En") + side, ex = QByteArray("Ex") + side;
            const QByteArray ch = QByteArray("Ch") + side, cph = QByteArray("Cph") + side;
            const double out = pos(lms, ex.constData()).x() > 0 ? 1 : -1;
            // The inner eye corner 4 mm outside the outer one, the mouth corner 2 mm inside
            // the philtrum ridge point.
            pos(lms, en.constData()).x() = pos(lms, ex.constData()).x() + 4.0 * out;
            pos(lms, ch.constData()).x() = pos(lms, cph.constData()).x() - 2.0 * out;
        }
        const std::vector<CheckFinding> findings = checkLandmarks(lms);
        QCOMPARE(describe(lms, findings).size(), 4);
        const char* expected[4][2] = {
            {"En_R", "Ex_R"}, {"Ch_R", "Cph_R"}, {"En_L", "Ex_L"}, {"Ch_L", "Cph_L"}};
        for (int k = 0; k < 4; ++k) {
            const CheckFinding& f = findings[static_cast<std::size_t>(k)];
            QCOMPARE(f.kind, k % 2 == 0 ? CheckKind::EyeCorners : CheckKind::MouthCorners);
            QCOMPARE(f.landmark, at(lms, expected[k][0]));
            QCOMPARE(f.other, at(lms, expected[k][1]));
            const double mm = k % 2 == 0 ? 4.0 : 2.0;
            QVERIFY2(std::abs(f.mm - mm) < 0.3, qPrintable(QString::number(f.mm)));
        }
        QCOMPARE(describeFinding(findings[3], lms.schema(), false),
                 QStringLiteral("Ch_L lies %1 mm nearer the midline than Cph_L (mouth corner)")
                     .arg(findings[3].mm, 0, 'f', 1));
    }

    void farFromItsMirrorImage() {
        LandmarkSet lms = templateLandmarks();
        pos(lms, "Go_L").y() -= 25.0; // one jaw angle 25 mm lower than the other
        const QStringList found = describe(lms, checkLandmarks(lms));
        QCOMPARE(found.size(), 1);
        QVERIFY2(found[0].startsWith(QStringLiteral(
                     "asymmetric: Go_L mirrored through the mid-sagittal plane lands 2")),
                 qPrintable(found[0]));
    }

    void offTheSurface() {
        LandmarkSet lms = templateLandmarks();
        const Mesh head = readMesh(templateFile("mesh.obj"));
        const SurfaceLocator surface(std::make_shared<const Mesh>(head));
        pos(lms, "Prn").z() += 6.0; // lifted off the nose tip, still foremost
        const std::vector<CheckFinding> findings = checkLandmarks(lms, &surface);
        QCOMPARE(findings.size(), std::size_t(1));
        QCOMPARE(findings[0].kind, CheckKind::OffSurface);
        QCOMPARE(findings[0].landmark, at(lms, "Prn"));
        QVERIFY(findings[0].mm > 4.0 && findings[0].mm <= 6.5);
        // A tolerance that allows it.
        CheckLimits limits;
        limits.surfaceMm = 7.0;
        QVERIFY(checkLandmarks(lms, &surface, limits).empty());
    }

    void tooFewLandmarksMeanNoFrame() {
        LandmarkSet lms = templateLandmarks();
        for (int i = 0; i < lms.size(); ++i) {
            if (lms.schema().at(i).side == Side::Midline && i > 1) {
                lms.at(i).status = LandmarkStatus::Missing;
            }
        }
        QVERIFY(!faceFrame(lms).has_value()); // two midline landmarks: no plane of their own
        QVERIFY(checkLandmarks(lms).empty());
        // Missing landmarks are never findings.
        LandmarkSet gaps = templateLandmarks();
        gaps.at(at(gaps, "Ex_L")).status = LandmarkStatus::Missing;
        gaps.at(at(gaps, "Sto")).status = LandmarkStatus::Missing;
        QVERIFY(checkLandmarks(gaps).empty());
    }
};

QTEST_GUILESS_MAIN(TestLandmarkChecks)
#include "tst_landmark_checks.moc"
