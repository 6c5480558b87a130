#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/inspect/Inspect.h"
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
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
