#include "core/errors/Error.h"
#include "core/landmarks/LafasFile.h"
#include "core/landmarks/LandmarkIO.h"
#include "tests/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace pal;
using pal::test::dataPath;
using pal::test::readAll;

namespace {
// The generator of tests/data/make_fixtures.py: made-up positions, not measurements.
Eigen::Vector3d fixtureCoords(int n) {
    const double t = n * 0.7;
    return {60 * std::sin(t), 80 * std::cos(t * 0.5), 40 + 10 * std::cos(t)};
}
} // namespace

class TestLafas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void schemaIsTheLafas50() {
        const auto schema = LandmarkSchema::lafas50();
        QCOMPARE(schema->size(), 50);
        QCOMPARE(schema->at(3).abbreviation, QStringLiteral("Prn"));
        QCOMPARE(schema->at(3).name, QStringLiteral("Pronasale"));
        QCOMPARE(schema->at(12).name, QStringLiteral("Tragion"));
        QCOMPARE(schema->at(12).side, Side::Right);
        QCOMPARE(schema->at(12).partner, 32);
        QCOMPARE(schema->at(31).name, QStringLiteral("Tragion"));
        QCOMPARE(schema->at(31).side, Side::Left);
        QCOMPARE(schema->at(49).abbreviation, QStringLiteral("Ch"));
        QCOMPARE(schema->at(49).partner, 31);
        std::set<QString> keys;
        for (int i = 0; i < schema->size(); ++i) {
            QCOMPARE(schema->at(i).number, i + 1);
            keys.insert(schema->key(i));
            QCOMPARE(schema->indexOfKey(schema->key(i)), i);
            if (schema->at(i).partner) {
                QCOMPARE(schema->at(schema->indexOfNumber(schema->at(i).partner)).partner, i + 1);
            }
        }
        QCOMPARE(keys.size(), std::size_t(50));
    }

    void rowOrderIsLexicographic() {
        const std::vector<int> order = lafasRowOrder(50);
        QCOMPARE(order.size(), std::size_t(50));
        QCOMPARE(order[0], 1);
        QCOMPARE(order[1], 10);
        QCOMPARE(order[10], 19);
        QCOMPARE(order[11], 2);
        QCOMPARE(order[12], 20);
        QCOMPARE(order[49], 9);
    }

    void readsByLabel() {
        const LafasFile f = readLafas(dataPath(QStringLiteral("lafas/valid.txt")));
        QCOMPARE(f.landmarks.presentCount(), 50);
        for (int n = 1; n <= 50; ++n) {
            const Landmark& l = f.landmarks.at(n - 1);
            QCOMPARE(l.status, LandmarkStatus::Placed);
            QVERIFY((l.position - fixtureCoords(n)).norm() < 1e-5);
        }
    }

    void reorderedRowsAreReadByLabel() {
        const LafasFile f = readLafas(dataPath(QStringLiteral("lafas/reordered.txt")));
        for (int n = 1; n <= 50; ++n) {
            QVERIFY((f.landmarks.at(n - 1).position - fixtureCoords(n)).norm() < 1e-3);
        }
        QCOMPARE(f.layout.decimals, 3);
    }

    void namedLabelsFollowTheReferenceRowOrder() {
        const LafasFile f = readLafas(dataPath(QStringLiteral("lafas/named_labels.txt")));
        for (int n = 1; n <= 50; ++n) {
            QVERIFY((f.landmarks.at(n - 1).position - fixtureCoords(n)).norm() < 1e-5);
        }
    }

    void untouchedRoundTripIsByteIdentical_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("valid") << QStringLiteral("lafas/valid.txt");
        QTest::newRow("crlf") << QStringLiteral("lafas/crlf.txt");
        QTest::newRow("reordered, blank line, no final newline")
            << QStringLiteral("lafas/reordered.txt");
        QTest::newRow("named labels") << QStringLiteral("lafas/named_labels.txt");
    }
    void untouchedRoundTripIsByteIdentical() {
        QFETCH(QString, file);
        const QString path = dataPath(file);
        const LafasFile f = readLafas(path);
        QCOMPARE(formatLafas(f.landmarks, f.layout), readAll(path));
    }

    void anEditChangesOnlyItsRow() {
        const QString path = dataPath(QStringLiteral("lafas/crlf.txt"));
        LafasFile f = readLafas(path);
        f.landmarks.setPosition(3, Eigen::Vector3d(1.25, -2.5, 100), LandmarkStatus::Corrected);
        const QList<QByteArray> before = readAll(path).split('\n');
        const QList<QByteArray> after = formatLafas(f.landmarks, f.layout).split('\n');
        QCOMPARE(after.size(), before.size());
        int changed = 0;
        for (qsizetype i = 0; i < before.size(); ++i) {
            if (before[i] != after[i]) {
                ++changed;
                QCOMPARE(after[i], QByteArray("4\t(1.250000, -2.500000, 100.000000)\r"));
            }
        }
        QCOMPARE(changed, 1);
    }

    void newFileHasTheStandardLayout() {
        LandmarkSet set;
        for (int i = 0; i < 50; ++i) {
            set.setPosition(i, fixtureCoords(i + 1), LandmarkStatus::Predicted);
        }
        const QByteArray text = formatLafas(set, LafasLayout::standard(set.schema()));
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines.size(), 52); // header, 50 rows, empty after the final newline
        QVERIFY(lines[0].startsWith("landmark names"));
        QVERIFY(lines[1].startsWith("1\t("));
        QVERIFY(lines[2].startsWith("10\t("));
        QVERIFY(lines[50].startsWith("9\t("));
        const LafasFile back = parseLafas(text, QStringLiteral("memory"));
        for (int i = 0; i < 50; ++i) {
            QVERIFY((back.landmarks.at(i).position - set.at(i).position).norm() < 1e-6);
        }
        // The generator of the fixtures writes the same bytes as PAL Studio.
        QCOMPARE(text, readAll(dataPath(QStringLiteral("lafas/valid.txt"))));
    }

    void missingLandmarkCannotBeWrittenToLafas() {
        LandmarkSet set;
        for (int i = 0; i < 49; ++i) {
            set.setPosition(i, fixtureCoords(i + 1), LandmarkStatus::Placed);
        }
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.txt"));
        try {
            writeLandmarks(out, set);
            QFAIL("expected a ValidationError");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), out + QStringLiteral(": landmark 50 (Cheilion) is missing; an "
                                                       "LA-FAS file holds all 50"));
        }
        QVERIFY(!QFile::exists(out));
    }

    void csvRoundTripKeepsValuesAndStatus() {
        LafasFile f = readLafas(dataPath(QStringLiteral("lafas/valid.txt")));
        f.landmarks.at(7).status = LandmarkStatus::Missing;
        f.landmarks.at(8).status = LandmarkStatus::Confirmed;
        const QByteArray csv = formatLandmarkCsv(f.landmarks);
        QVERIFY(csv.startsWith("number,key,name,x,y,z,status\n1,Tr,Trichion,"));
        QVERIFY(csv.contains("\n8,Sto,Stomion,,,,missing\n"));
        const LandmarkSet back = parseLandmarkCsv(csv, QStringLiteral("memory.csv"));
        QCOMPARE(back.presentCount(), 49);
        QCOMPARE(back.at(8).status, LandmarkStatus::Confirmed);
        for (int i = 0; i < 50; ++i) {
            if (i != 7) {
                // Shortest round-trip formatting: exact.
                QCOMPARE(back.at(i).position, f.landmarks.at(i).position);
            }
        }
    }

    // A landmarks.txt that is a link to some other file (a shared dataset pointing at a private
    // file, say) is read through the link, refused, and none of its text is repeated.
    void aLinkToAnotherFileIsRefusedWithoutEchoingIt() {
        QTemporaryDir dir;
        const QString secret = dir.filePath(QStringLiteral("secret"));
        test::writeAll(secret, "root:$y$j9T$secret-hash:19000:0:99999:7:::\nmore\n");
        const QString link = dir.filePath(QStringLiteral("landmarks.txt"));
        QVERIFY(QFile::link(secret, link));
        QString message;
        try {
            readLandmarks(link);
        } catch (const FormatError& e) {
            message = e.message();
        }
        QCOMPARE(message, link + QStringLiteral(":1: not a landmark row (expected "
                                                "'LABEL<TAB>(x, y, z)'; is this an LA-FAS "
                                                "landmarks file?)"));
        // Once the file has shown landmark rows, a bad row is quoted to help fix it.
        QByteArray rows = readAll(dataPath(QStringLiteral("lafas/valid.txt")));
        rows.replace("\n2\t(", "\n2 (");
        try {
            parseLafas(rows, QStringLiteral("l.txt"));
            QFAIL("accepted");
        } catch (const FormatError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("found '2 (")), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLafas)
#include "tst_lafas.moc"
