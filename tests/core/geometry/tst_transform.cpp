#include "core/dataset/Case.h"
#include "core/geometry/Transform.h"
#include "core/io/Npy.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"
#include "tests/TestSupport.h"

#include <Eigen/Geometry>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;

namespace {

Eigen::Matrix4d rigid(double angleDeg, const Eigen::Vector3d& axis, const Eigen::Vector3d& t) {
    Eigen::Affine3d a =
        Eigen::Translation3d(t) * Eigen::AngleAxisd(angleDeg * M_PI / 180.0, axis.normalized());
    return a.matrix();
}

} // namespace

class TestTransform : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rotatesAndTranslates() {
        Vertices p(2, 3);
        p << 1, 0, 0, 0, 2, 0;
        const Vertices q = transformPoints(rigid(90, {0, 0, 1}, {10, 0, 0}), p);
        QVERIFY((q.row(0) - Eigen::RowVector3d(10, 1, 0)).norm() < 1e-12);
        QVERIFY((q.row(1) - Eigen::RowVector3d(8, 0, 0)).norm() < 1e-12);
    }

    void dividesByW() {
        Eigen::Matrix4d m = Eigen::Matrix4d::Identity();
        m(3, 3) = 2.0;
        m(3, 0) = 1.0; // w = x + 2
        QCOMPARE(transformPoint(m, {2, 4, 6}), Eigen::Vector3d(0.5, 1.0, 1.5));
        Vertices p(1, 3);
        p << 2, 4, 6;
        QCOMPARE(Eigen::Vector3d(transformPoints(m, p).row(0).transpose()),
                 Eigen::Vector3d(0.5, 1.0, 1.5));
    }

    void inverseBringsPointsBack() {
        const Eigen::Matrix4d m = rigid(17, {0.2, 1, 0.1}, {3, -4, 5});
        Vertices p = Vertices::Random(100, 3) * 100.0;
        const Vertices back = transformPoints(m.inverse(), transformPoints(m, p));
        QVERIFY((back - p).cwiseAbs().maxCoeff() < 1e-10);
    }

    void meshNormalsFollowTheRotation() {
        Mesh mesh;
        mesh.vertices.resize(3, 3);
        mesh.vertices << 0, 0, 0, 1, 0, 0, 0, 1, 0;
        mesh.triangles.resize(1, 3);
        mesh.triangles << 0, 1, 2;
        mesh.normals.resize(3, 3);
        mesh.normals << 0, 0, 1, 0, 0, 1, 0, 0, 1;
        transformMesh(rigid(90, {1, 0, 0}, {0, 0, 50}), mesh);
        QVERIFY((mesh.normals.row(0) - Eigen::RowVector3d(0, -1, 0)).norm() < 1e-12);
        QVERIFY((mesh.vertices.row(0) - Eigen::RowVector3d(0, 0, 50)).norm() < 1e-12);
    }

    // A case's mesh and its landmarks move together into the common frame.
    void caseMeshAndLandmarksShareTheFrame() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("S001"));
        QDir().mkpath(folder);
        Mesh mesh;
        mesh.vertices = Vertices::Random(60, 3) * 80.0;
        mesh.triangles.resize(20, 3);
        for (int f = 0; f < 20; ++f) {
            mesh.triangles.row(f) << 3 * f, 3 * f + 1, 3 * f + 2;
        }
        writeMesh(mesh, folder + QStringLiteral("/mesh.obj"));
        LandmarkSet set;
        for (int i = 0; i < 50; ++i) { // landmark i sits on vertex i
            set.setPosition(i, mesh.vertices.row(i).transpose(), LandmarkStatus::Placed);
        }
        writeLandmarks(folder + QStringLiteral("/landmarks.txt"), set);
        const Eigen::Matrix4d m = rigid(-23, {0.3, 0.9, -0.2}, {12, 7, -30});
        writeNpyMatrix(folder + QStringLiteral("/transformation_matrix.npy"), m);

        const Case c = Case::open(folder);
        QVERIFY(c.hasTransform());
        QCOMPARE(c.readTransform(), m);
        const Mesh moved = c.readMesh(nullptr, true);
        LandmarkSet lms = c.readLandmarks().landmarks;
        transformLandmarks(c.readTransform(), lms);
        for (int i = 0; i < 50; ++i) {
            QVERIFY((moved.vertices.row(i).transpose() - lms.at(i).position).norm() < 1e-5);
        }
        QVERIFY((moved.vertices.row(0).transpose() - mesh.vertices.row(0).transpose()).norm() >
                1.0);
    }
};

QTEST_GUILESS_MAIN(TestTransform)
#include "tst_transform.moc"
