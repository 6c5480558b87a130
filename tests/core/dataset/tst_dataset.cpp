#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/inspect/Inspect.h"
#include "core/io/Npz.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using pal::test::dataPath;

class TestDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Listing is lazy: every mesh here is garbage, so any attempt to read one would throw.
    void listingFiveHundredCasesReadsNoMesh() {
        QTemporaryDir dir;
        for (int i = 1; i <= 500; ++i) {
            const QString folder = dir.filePath(QStringLiteral("S%1").arg(i));
            QDir().mkpath(folder);
            test::writeAll(folder + QStringLiteral("/mesh.obj"), "this is not an OBJ file\n");
            if (i % 2 == 0) {
                QFile::copy(dataPath(QStringLiteral("lafas/valid.txt")),
                            folder + QStringLiteral("/landmarks.txt"));
            }
        }
        QDir().mkpath(dir.filePath(QStringLiteral("notes")));
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(ds.size(), 500);
        QCOMPARE(ds.skipped(), QStringList{QStringLiteral("notes")});
        // Natural order: S2 comes before S10.
        QCOMPARE(ds.cases()[0].id(), QStringLiteral("S1"));
        QCOMPARE(ds.cases()[1].id(), QStringLiteral("S2"));
        QCOMPARE(ds.cases()[499].id(), QStringLiteral("S500"));
        QVERIFY(!ds.cases()[0].hasLandmarks());
        QVERIFY(ds.cases()[1].hasLandmarks());
        QVERIFY(!ds.cases()[1].hasTransform());
        QCOMPARE(ds.cases()[1].readTransform(), Eigen::Matrix4d::Identity());

        const DatasetSummary summary = summarizeDataset(dir.path());
        QCOMPARE(summary.withLandmarks(), 250);
        QCOMPARE(summary.withLandmarkErrors(), 0);
        QVERIFY(!summary.cases[0].mesh.has_value());

        QVERIFY_THROWS_EXCEPTION(pal::Error, ds.cases()[0].readMesh());
    }

    void caseFromAMeshFile() {
        const Case c = Case::open(dataPath(QStringLiteral("mesh/tetra_binary.ply")));
        QCOMPARE(c.id(), QStringLiteral("tetra_binary"));
        QVERIFY(!c.hasLandmarks());
        QCOMPARE(c.readMesh().triangleCount(), Eigen::Index(4));
    }

    void emptyFolderIsNotADataset() {
        QTemporaryDir dir;
        QVERIFY(!Dataset::isDatasetFolder(dir.path()));
        try {
            Dataset::open(dir.path());
            QFAIL("expected a ValidationError");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(),
                     dir.path() + QStringLiteral(": no case folders found (a case folder "
                                                 "holds a mesh file, e.g. mesh.obj)"));
        }
    }

    // FaceScape's layout (the generated stand-in): the neutral meshes are the cases, the other
    // expressions are skipped, and a landmark is the indexed vertex of each mesh.
    void faceScapeRootIsADatasetOfNeutralMeshes() {
        QTemporaryDir dir;
        test::generatedFaceScape(dir.path(), 4, 0);
        QVERIFY(Dataset::isDatasetFolder(dir.path()));
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(ds.layout(), QStringLiteral("FaceScape"));
        QCOMPARE(ds.schema()->id(), QStringLiteral("FaceScape-68"));
        QCOMPARE(ds.size(), 4);
        QCOMPARE(ds.skippedExpressions(), 1); // subject 4's 2_smile.obj
        QCOMPARE(ds.cases()[0].id(), QStringLiteral("1"));
        QCOMPARE(ds.cases()[3].id(), QStringLiteral("4"));
        const Case& c = ds.cases()[1];
        QVERIFY(c.hasLandmarks() && c.hasVertexLandmarks() && !c.hasTransform());
        QVERIFY(c.files().mesh.endsWith(QStringLiteral("2/models_reg/1_neutral.obj")));
        const VertexIndices indices =
            readFaceScapeIndices(dir.filePath(QLatin1String(kFaceScapeIndicesFile)));
        QCOMPARE(indices->size(), std::size_t(68));
        const Mesh mesh = c.readMesh();
        const LandmarkFile lms = c.readLandmarks();
        QCOMPARE(lms.landmarks.schema().id(), QStringLiteral("FaceScape-68"));
        QVERIFY(lms.landmarks.isComplete());
        for (int i = 0; i < 68; ++i) {
            QCOMPARE(lms.landmarks.at(i).position,
                     Eigen::Vector3d(mesh.vertices.row((*indices)[std::size_t(i)]).transpose()));
        }
        // The face's anatomy: the outer eye corners are apart on x, the nose tip in front.
        const Eigen::MatrixX3d p = lms.landmarks.positions();
        QVERIFY(p(45, 0) - p(36, 0) > 60.0); // left (46) is at +x, right (37) at -x
        QVERIFY(p(30, 2) > p(39, 2) + 10.0); // the nose tip (31) is before the inner eye corner
        // A neutral mesh opened alone finds its root and is the same case.
        const Case alone = Case::open(c.files().mesh);
        QVERIFY(alone.hasVertexLandmarks());
        QCOMPARE(alone.id(), QStringLiteral("2"));
        QCOMPARE(alone.schema()->id(), QStringLiteral("FaceScape-68"));
    }

    void faceScapeIndicesAreChecked() {
        QTemporaryDir dir;
        test::generatedFaceScape(dir.path(), 1, 0);
        const QString npz = dir.filePath(QLatin1String(kFaceScapeIndicesFile));
        writeNpz(npz,
                 {{QStringLiteral("v10"), formatNpyIntegers(std::vector<std::int64_t>(67, 1))}});
        try {
            Dataset::open(dir.path());
            QFAIL("67 indices accepted");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), npz + QStringLiteral(": \"v10\" holds 67 vertex indices; "
                                                       "FaceScape has 68 landmarks"));
        }
        std::vector<std::int64_t> past(68, 0);
        past[4] = 10000000;
        writeNpz(npz, {{QStringLiteral("v10"), formatNpyIntegers(past)}});
        const Dataset ds = Dataset::open(dir.path());
        try {
            ds.cases()[0].readLandmarks();
            QFAIL("an index past the mesh accepted");
        } catch (const ValidationError& e) {
            QVERIFY2(e.message().startsWith(npz + QStringLiteral(": landmark 5 (Jaw05) is vertex "
                                                                 "10000000, but ")),
                     qPrintable(e.message()));
        }
        writeNpz(npz, {{QStringLiteral("v11"), formatNpyIntegers(past)}});
        try {
            Dataset::open(dir.path());
            QFAIL("no v10 accepted");
        } catch (const FormatError& e) {
            QCOMPARE(e.message(), npz + QStringLiteral(": no array \"v10\" (the file holds: v11)"));
        }
    }

    // A landmark-schema.json in the dataset folder: every case follows it, its ground truth in
    // landmarks.csv.
    void aDatasetSchemaFileHoldsForItsCases() {
        QTemporaryDir dir;
        test::writeAll(dir.filePath(QStringLiteral("landmark-schema.json")),
                       R"({"format": "palstudio-landmark-schema", "formatVersion": 1,
                           "id": "Lab-2", "landmarks": [{"key": "Prn"}, {"key": "Pg"}]})");
        const QString folder = dir.filePath(QStringLiteral("C1"));
        QDir().mkpath(folder);
        test::writeAll(folder + "/mesh.obj",
                       "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n");
        test::writeAll(folder + "/landmarks.csv", "number,x,y,z\n1,1,2,3\n2,4,5,6\n");
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(ds.schema()->id(), QStringLiteral("Lab-2"));
        const Case& c = ds.cases()[0];
        QVERIFY(c.schemaIsKnown());
        QCOMPARE(c.schema()->id(), QStringLiteral("Lab-2"));
        QVERIFY(c.files().landmarks.endsWith(QStringLiteral("landmarks.csv")));
        const LandmarkSet set = c.readLandmarks().landmarks;
        QCOMPARE(set.size(), 2);
        QCOMPARE(set.at(1).position, Eigen::Vector3d(4, 5, 6));
        // Opened alone, the case finds the schema in the folder above.
        QCOMPARE(Case::open(folder).schema()->id(), QStringLiteral("Lab-2"));
    }

    // Cases as .npz files (tests/data/npz, written as np.savez and np.savez_compressed write):
    // a folder of them is a dataset; the mesh, the transform, the landmarks (a NaN row is
    // missing) and a point cloud are read.
    void npzFilesAreCases() {
        QTemporaryDir dir;
        for (const char* name : {"mesh_case.npz", "points_case.npz"}) {
            QVERIFY(QFile::copy(dataPath(QStringLiteral("npz/") + QLatin1String(name)),
                                dir.filePath(QLatin1String(name))));
        }
        QVERIFY(Dataset::isDatasetFolder(dir.path()));
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(ds.size(), 2);
        QCOMPARE(ds.schema()->id(), QStringLiteral("LA-FAS-50"));
        const Case& mesh = ds.cases()[0];
        QCOMPARE(mesh.id(), QStringLiteral("mesh_case"));
        QVERIFY(mesh.isNpz() && mesh.hasTransform() && mesh.hasLandmarks());
        const Mesh m = mesh.readMesh();
        QCOMPARE(m.vertexCount(), Eigen::Index(400));
        QCOMPARE(m.triangleCount(), Eigen::Index(722));
        QCOMPARE(m.vertices.row(21), Eigen::RowVector3d(-42.5, -42.5, 50 - 2 * 42.5 * 42.5 / 200));
        QCOMPARE(mesh.readTransform()(0, 3), 5.0);
        QCOMPARE(mesh.readTransform()(1, 3), -3.0);
        const LandmarkSet l = mesh.readLandmarks().landmarks;
        QCOMPARE(l.presentCount(), 49);
        QVERIFY(!l.at(33).isPresent());
        QCOMPARE(l.at(12).position, Eigen::Vector3d(-22, -31, 50 - (22.0 * 22 + 31.0 * 31) / 200));
        const Case& points = ds.cases()[1];
        QVERIFY(!points.hasTransform());
        const Mesh p = points.readMesh();
        QCOMPARE(p.vertexCount(), Eigen::Index(400));
        QCOMPARE(p.triangleCount(), Eigen::Index(0));
        QCOMPARE(points.readLandmarks().landmarks.presentCount(), 50);
    }

    // A dataset has one schema: an .npz case of 68 landmarks among LA-FAS cases is named.
    void aCaseOfAnotherSchemaIsNamed() {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(dataPath(QStringLiteral("npz/mesh_case.npz")),
                            dir.filePath(QStringLiteral("a.npz"))));
        std::vector<std::pair<QString, QByteArray>> arrays;
        arrays.push_back(
            {QStringLiteral("points"), formatNpyMatrix(Eigen::MatrixXd::Random(20, 3))});
        arrays.push_back(
            {QStringLiteral("landmarks"), formatNpyMatrix(Eigen::MatrixXd::Zero(68, 3))});
        writeNpz(dir.filePath(QStringLiteral("b.npz")), arrays);
        try {
            Dataset::open(dir.path());
            QFAIL("a dataset of two schemas was opened");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), dir.filePath(QStringLiteral("b.npz")) +
                                      QStringLiteral(": follows FaceScape-68 (68 landmarks), but "
                                                     "the dataset's cases follow LA-FAS-50 (50 "
                                                     "landmarks): a dataset has one landmark "
                                                     "schema"));
        }
    }

    // A case without landmarks follows its dataset's schema (known from another case); a
    // folder of bare meshes stays open to any; an .npz without a mesh is skipped; two cases of
    // one id are refused.
    void casesFollowTheirDatasetAndIdsDiffer() {
        QTemporaryDir dir;
        writeNpz(dir.filePath(QStringLiteral("a.npz")),
                 {{QStringLiteral("points"), formatNpyMatrix(Eigen::MatrixXd::Random(20, 3))},
                  {QStringLiteral("landmarks"), formatNpyMatrix(Eigen::MatrixXd::Zero(68, 3))}});
        writeNpz(dir.filePath(QStringLiteral("stats.npz")),
                 {{QStringLiteral("mean"), formatNpyMatrix(Eigen::MatrixXd::Zero(68, 3))}});
        const QString bare = dir.filePath(QStringLiteral("b"));
        QDir().mkpath(bare);
        test::writeAll(bare + "/mesh.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(ds.size(), 2);
        QCOMPARE(ds.skipped(), QStringList{QStringLiteral("stats.npz")});
        QCOMPARE(ds.schema()->id(), QStringLiteral("FaceScape-68"));
        for (const Case& c : ds.cases()) {
            QVERIFY(c.schemaIsKnown());
            QCOMPARE(c.schema()->id(), QStringLiteral("FaceScape-68"));
        }
        // Without the .npz nothing says which landmarks the bare mesh has.
        QFile::remove(dir.filePath(QStringLiteral("a.npz")));
        QVERIFY(!Dataset::open(dir.path()).cases().front().schemaIsKnown());
        // b/ and b.npz would both be case "b".
        writeNpz(dir.filePath(QStringLiteral("b.npz")),
                 {{QStringLiteral("points"), formatNpyMatrix(Eigen::MatrixXd::Random(20, 3))}});
        try {
            Dataset::open(dir.path());
            QFAIL("two cases named b");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), dir.filePath(QStringLiteral("b.npz")) +
                                      QStringLiteral(": has the case id \"b\" of %1: cases are "
                                                     "named by their ids, which must differ")
                                          .arg(bare));
        }
    }

    // FaceScape's meshes may sit deeper (a set folder above the subjects): ids keep the path
    // below the root, and a mesh opened alone still finds its root.
    void deeperFaceScapeLayouts() {
        QTemporaryDir dir;
        test::generatedFaceScape(dir.path(), 2, 0);
        QDir root(dir.path());
        QVERIFY(root.mkpath(QStringLiteral("trainset")));
        QVERIFY(root.rename(QStringLiteral("2"), QStringLiteral("trainset/2")));
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(ds.size(), 2);
        QCOMPARE(ds.cases()[0].id(), QStringLiteral("1"));
        QCOMPARE(ds.cases()[1].id(), QStringLiteral("trainset_2"));
        const Case alone =
            Case::open(dir.filePath(QStringLiteral("trainset/2/models_reg/1_neutral.obj")));
        QVERIFY(alone.hasVertexLandmarks());
        QCOMPARE(alone.id(), QStringLiteral("trainset_2"));
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
