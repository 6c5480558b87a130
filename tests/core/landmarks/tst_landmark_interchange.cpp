// Other tools' landmark files: 3D Slicer (core/landmarks/SlicerFiles.h), MeshLab
// (core/landmarks/MeshLabPickPoints.h) and TPS (core/landmarks/TpsFile.h). Files laid out as those
// tools write them (tests/data/slicer, tests/data/meshlab, READMEs there) read with their labels,
// statuses and coordinate systems; PAL Studio's own files read back with the same coordinates,
// labels and missing landmarks. The broken ones are in tests/data/broken (tst_broken_corpus).

#include "core/landmarks/LandmarkIO.h"
#include "core/landmarks/MeshLabPickPoints.h"
#include "core/landmarks/SlicerFiles.h"
#include "core/landmarks/TpsFile.h"
#include "tests/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using pal::test::dataPath;

namespace {

// The points of tests/data/slicer, in LPS.
const Eigen::Vector3d kPrn(1.5, -92.25, 30.125);
const Eigen::Vector3d kLs(0.5, -85.0, -12.75);
const Eigen::Vector3d kExR(-45.0, -60.5, 40.0);

LandmarkSet reviewedSet() {
    LandmarkSet set;
    for (int i = 0; i < set.size(); ++i) {
        // Values that need all their digits to come back exactly.
        set.setPosition(i, Eigen::Vector3d(i * 1.1 - 27.3, -90.0 + i / 3.0, 0.1 * i * i),
                        i % 3 == 0 ? LandmarkStatus::Corrected : LandmarkStatus::Confirmed);
    }
    set.at(4).status = LandmarkStatus::Missing; // C
    set.at(30).status = LandmarkStatus::Missing;
    return set;
}

void compare(const LandmarkSet& a, const LandmarkSet& b, bool statuses) {
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).isPresent(), a.at(i).isPresent());
        if (a.at(i).isPresent()) {
            QCOMPARE(b.at(i).position, a.at(i).position); // exactly
            if (statuses) {
                QCOMPARE(b.at(i).status, a.at(i).status);
            }
        }
    }
}

} // namespace

class TestLandmarkInterchange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsMapByKeyOrNumber() {
        const LandmarkSchema& s = *LandmarkSchema::lafas50();
        QCOMPARE(s.indexOfLabel(QStringLiteral("Prn")), 3);
        QCOMPARE(s.indexOfLabel(QStringLiteral(" ex_r ")), 21);
        QCOMPARE(s.indexOfLabel(QStringLiteral("7")), 6);
        QCOMPARE(s.indexOfLabel(QStringLiteral("51")), -1);
        QCOMPARE(s.indexOfLabel(QStringLiteral("F-1")), -1);
    }

    void markupsAsSlicerWritesThem_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("LPS") << QStringLiteral("slicer/slicer5_lps.mrk.json");
        QTest::newRow("RAS, x and y negated") << QStringLiteral("slicer/slicer5_ras.mrk.json");
    }
    void markupsAsSlicerWritesThem() {
        QFETCH(QString, file);
        const LandmarkFile f = readLandmarks(dataPath(file));
        QCOMPARE(f.landmarks.presentCount(), 2);
        QCOMPARE(f.landmarks.at(3).position, kPrn);
        QCOMPARE(f.landmarks.at(6).position, kLs); // labelled "7"
        QVERIFY(!f.landmarks.at(21).isPresent());  // "preview": still being placed
        QCOMPARE(f.landmarks.at(3).status, LandmarkStatus::Placed);
        QVERIFY(!f.landmarks.at(11).isPresent()); // Gn: "missing"
        QCOMPARE(f.unmatchedLabels, QStringList{QStringLiteral("F-4")});
    }

    void fcsvAsSlicerWritesIt_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("4.11, RAS") << QStringLiteral("slicer/slicer411_ras.fcsv");
        QTest::newRow("4.6, CoordinateSystem = 0")
            << QStringLiteral("slicer/slicer46_ras_numeric.fcsv");
    }
    void fcsvAsSlicerWritesIt() {
        QFETCH(QString, file);
        const LandmarkFile f = readLandmarks(dataPath(file));
        QCOMPARE(f.landmarks.at(3).position, kPrn);
        if (file.contains(QLatin1String("411"))) {
            QCOMPARE(f.landmarks.presentCount(), 2);
            QCOMPARE(f.landmarks.at(6).position, kLs);
            QVERIFY(!f.landmarks.at(11).isPresent()); // Gn at (0, 0, 0): Slicer's unplaced point
            QCOMPARE(f.unmatchedLabels, QStringList{QStringLiteral("F-3")});
        }
    }

    void meshLabPointsAsMeshLabWritesThem() {
        const LandmarkFile f = readLandmarks(dataPath(QStringLiteral("meshlab/picked.pp")));
        QCOMPARE(f.landmarks.presentCount(), 2);
        QCOMPARE(f.landmarks.at(3).position, kPrn); // the mesh's own coordinates
        QCOMPARE(f.landmarks.at(6).position, kLs);
        QVERIFY(!f.landmarks.at(21).isPresent()); // active="0": listed, not placed
        // MeshLab's own name for a new point counts from 0: never taken as an LA-FAS number.
        QCOMPARE(f.unmatchedLabels, QStringList{QStringLiteral("0")});
    }

    // Micrometres come in as millimetres, exactly as a division by 1000 gives them.
    void markupsInMicrometres() {
        const QByteArray um = R"({"@schema": "x", "markups": [{"type": "Fiducial",
            "coordinateSystem": "LPS", "coordinateUnits": "um", "controlPoints": [
            {"label": "Prn", "position": [9, 1500, -250], "positionStatus": "defined"}]}]})";
        const ImportedLandmarks in = parseSlicerMarkups(um, QStringLiteral("um.mrk.json"));
        QCOMPARE(in.landmarks.at(3).position, Eigen::Vector3d(9 / 1000.0, 1.5, -0.25));
    }

    // TPS rows may be separated by tabs as well as spaces.
    void tpsWithTabs() {
        QByteArray tps = "LM3=50\n";
        for (int i = 0; i < 50; ++i) {
            tps += QByteArray::number(i) + "\t1.5\t 2\n";
        }
        const LandmarkSet set = parseTps(tps, QStringLiteral("tabs.tps"));
        QCOMPARE(set.presentCount(), 50);
        QCOMPARE(set.at(7).position, Eigen::Vector3d(7, 1.5, 2));
    }

    // TPS has no labels: rows in LA-FAS order, SCALE applied, the negative placeholder missing.
    void tpsAsMorphometricsToolsWriteIt() {
        const LandmarkFile f = readLandmarks(dataPath(QStringLiteral("tps/geomorph.tps")));
        QCOMPARE(f.landmarks.presentCount(), 49);
        QVERIFY(!f.landmarks.at(4).isPresent()); // -999 -999 -999
        for (int i : {0, 3, 49}) {
            QCOMPARE(f.landmarks.at(i).position,
                     Eigen::Vector3d(i * 2.5 - 60.25, -90 + i * 0.5, 10.0 + i));
        }
        // What PAL Studio writes says how many rows, in which order, and the case.
        const QByteArray written = formatTps(f.landmarks, QStringLiteral("D001"));
        QVERIFY(written.startsWith("LM3=50\n-60.25 -90 10\n"));
        QVERIFY(written.contains("\n-9999 -9999 -9999\n"));
        QVERIFY(written.endsWith("ID=D001\nSCALE=1\n"));
    }

    // What PAL Studio writes reads back with the same coordinates, labels and missing
    // landmarks (and, in markups JSON, the review statuses).
    void roundTrips_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("statuses");
        QTest::newRow("markups JSON") << QStringLiteral("case.mrk.json") << true;
        QTest::newRow("fcsv") << QStringLiteral("case.fcsv") << false;
        QTest::newRow("MeshLab pp") << QStringLiteral("case.pp") << false;
        QTest::newRow("TPS") << QStringLiteral("case.tps") << false;
    }
    void roundTrips() {
        QFETCH(QString, name);
        QFETCH(bool, statuses);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        const LandmarkSet set = reviewedSet();
        writeLandmarks(path, set);
        const LandmarkFile back = readLandmarks(path);
        QVERIFY(back.unmatchedLabels.isEmpty());
        QCOMPARE(back.landmarks.presentCount(), 48);
        compare(set, back.landmarks, statuses);
    }

    // The markups JSON a person opens in Slicer: one point list in LPS and mm, labels by key,
    // names as descriptions, a missing landmark as "missing".
    void markupsSayWhatSlicerNeeds() {
        const QJsonDocument doc = QJsonDocument::fromJson(formatSlicerMarkups(reviewedSet()));
        const QJsonObject list =
            doc.object().value(QStringLiteral("markups")).toArray().at(0).toObject();
        QCOMPARE(list.value(QStringLiteral("type")).toString(), QStringLiteral("Fiducial"));
        QCOMPARE(list.value(QStringLiteral("coordinateSystem")).toString(), QStringLiteral("LPS"));
        const QJsonArray points = list.value(QStringLiteral("controlPoints")).toArray();
        QCOMPARE(points.size(), 50);
        const QJsonObject prn = points.at(3).toObject();
        QCOMPARE(prn.value(QStringLiteral("label")).toString(), QStringLiteral("Prn"));
        QCOMPARE(prn.value(QStringLiteral("description")).toString(), QStringLiteral("Pronasale"));
        QCOMPARE(prn.value(QStringLiteral("positionStatus")).toString(), QStringLiteral("defined"));
        QCOMPARE(points.at(4).toObject().value(QStringLiteral("positionStatus")).toString(),
                 QStringLiteral("missing"));
    }
};

QTEST_GUILESS_MAIN(TestLandmarkInterchange)
#include "tst_landmark_interchange.moc"
