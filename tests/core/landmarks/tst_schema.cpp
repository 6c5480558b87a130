// Landmark schemas as data: the two built in (LA-FAS-50, FaceScape-68), user schema files and
// their round trip, and reading another tool's landmark file in a user schema.

#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/landmarks/SchemaFile.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace pal;

namespace {

// Every partner names its landmark back from the other side; midline landmarks have none.
void checkMirror(const LandmarkSchema& s) {
    for (int i = 0; i < s.size(); ++i) {
        const LandmarkDefinition& d = s.at(i);
        if (d.side == Side::Midline) {
            QCOMPARE(d.partner, 0);
            continue;
        }
        const int j = s.indexOfNumber(d.partner);
        QVERIFY2(j >= 0, qPrintable(s.key(i)));
        QCOMPARE(s.at(j).partner, d.number);
        QVERIFY(s.at(j).side != d.side && s.at(j).side != Side::Midline);
    }
}

const QByteArray kLabSchema = R"({"format": "palstudio-landmark-schema", "formatVersion": 1,
  "id": "Lab-4",
  "landmarks": [
    {"key": "Prn", "name": "Pronasale", "definition": "tip of the nose"},
    {"key": "Ex_R", "name": "Exocanthion", "side": "right", "partner": "Ex_L"},
    {"key": "Ex_L", "name": "Exocanthion", "side": "left", "partner": "Ex_R"},
    {"key": "Pg"}
  ]})";

} // namespace

class TestSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void faceScape68IsBuiltIn() {
        const SchemaPtr s = LandmarkSchema::facescape68();
        QCOMPARE(s->id(), QStringLiteral("FaceScape-68"));
        QCOMPARE(s->size(), 68);
        QCOMPARE(LandmarkSchema::builtIn(QStringLiteral("FaceScape-68")), s);
        QCOMPARE(LandmarkSchema::builtIn(QStringLiteral("LA-FAS-50")), LandmarkSchema::lafas50());
        QVERIFY(!LandmarkSchema::builtIn(QStringLiteral("Lab-4")));
        checkMirror(*s);
        int midline = 0;
        QSet<QString> keys;
        for (int i = 0; i < s->size(); ++i) {
            midline += s->at(i).side == Side::Midline ? 1 : 0;
            keys.insert(s->key(i).toLower());
            QVERIFY2(!s->at(i).definition.isEmpty(), qPrintable(s->key(i)));
            QCOMPARE(s->at(i).number, i + 1);
        }
        QCOMPARE(keys.size(), 68); // unique, ignoring case
        // The chin, the nose bridge and tip, subnasale, four lip points on the midline.
        QCOMPARE(midline, 10);
        QCOMPARE(s->key(8), QStringLiteral("Jaw09"));
        QCOMPARE(s->at(8).side, Side::Midline);
        // Jaw 1 is the subject's right, 17 the left; outer eye corners 37 and 46 are partners.
        QCOMPARE(s->at(0).side, Side::Right);
        QCOMPARE(s->at(0).partner, 17);
        QCOMPARE(s->at(36).partner, 46);
        // Labels map by key (any case) or number.
        QCOMPARE(s->indexOfLabel(QStringLiteral("eye37")), 36);
        QCOMPARE(s->indexOfLabel(QStringLiteral("37")), 36);
        QCOMPARE(s->indexOfLabel(QStringLiteral("69")), -1);
    }

    void lafas50HasDefinitions() {
        const SchemaPtr s = LandmarkSchema::lafas50();
        checkMirror(*s);
        for (int i = 0; i < s->size(); ++i) {
            QVERIFY2(!s->at(i).definition.isEmpty(), qPrintable(s->key(i)));
        }
        QCOMPARE(s->at(3).definition,
                 QStringLiteral("the tip of the nose, its most forward point"));
        QVERIFY(!s->sameLandmarks(*LandmarkSchema::facescape68()));
        QCOMPARE(s->describe(), QStringLiteral("LA-FAS-50 (50 landmarks)"));
    }

    void userSchemaFileIsRead() {
        const SchemaPtr s = parseLandmarkSchema(kLabSchema, QStringLiteral("lab.json"));
        QCOMPARE(s->id(), QStringLiteral("Lab-4"));
        QCOMPARE(s->size(), 4);
        QCOMPARE(s->keys(), (QStringList{"Prn", "Ex_R", "Ex_L", "Pg"}));
        QCOMPARE(s->at(0).name, QStringLiteral("Pronasale"));
        QCOMPARE(s->at(0).definition, QStringLiteral("tip of the nose"));
        QCOMPARE(s->at(3).name, QStringLiteral("Pg")); // name defaults to the key
        QCOMPARE(s->at(1).side, Side::Right);
        QCOMPARE(s->at(1).partner, 3);
        QCOMPARE(s->at(2).partner, 2);
        checkMirror(*s);
    }

    void schemaFilesRoundTrip_data() {
        QTest::addColumn<QString>("which");
        QTest::newRow("user") << QStringLiteral("user");
        QTest::newRow("LA-FAS-50") << QStringLiteral("LA-FAS-50");
        QTest::newRow("FaceScape-68") << QStringLiteral("FaceScape-68");
    }
    void schemaFilesRoundTrip() {
        QFETCH(QString, which);
        const SchemaPtr s = which == QLatin1String("user")
                                ? parseLandmarkSchema(kLabSchema, QStringLiteral("lab.json"))
                                : LandmarkSchema::builtIn(which);
        const SchemaPtr back =
            landmarkSchemaFromJson(landmarkSchemaToJson(*s), QStringLiteral("x"), QString());
        QVERIFY(back->sameLandmarks(*s));
        for (int i = 0; i < s->size(); ++i) {
            QCOMPARE(back->at(i).name, s->at(i).name);
            QCOMPARE(back->at(i).side, s->at(i).side);
            QCOMPARE(back->at(i).partner, s->at(i).partner);
            QCOMPARE(back->at(i).definition, s->at(i).definition);
        }
    }

    void aWrittenSchemaFileReadsBack() {
        QTemporaryDir dir;
        const SchemaPtr s = parseLandmarkSchema(kLabSchema, QStringLiteral("lab.json"));
        QVERIFY(!schemaInFolder(dir.path()));
        writeLandmarkSchema(dir.filePath(QLatin1String(kLandmarkSchemaFile)), *s);
        const SchemaPtr back = schemaInFolder(dir.path());
        QVERIFY(back);
        QVERIFY(back->sameLandmarks(*s));
    }

    // Repeatability (the tolerance spheres' radii): the published figures for the LA-FAS 50,
    // a schema file's own, unknown otherwise; kept when the schema is written.
    void repeatabilityPerLandmark() {
        const SchemaPtr lafas = LandmarkSchema::lafas50();
        QCOMPARE(repeatabilityOf(*lafas, lafas->indexOfKey(QStringLiteral("Sto"))), 1.75);
        QCOMPARE(repeatabilityOf(*lafas, lafas->indexOfKey(QStringLiteral("Pra_L"))), 3.58);
        QCOMPARE(repeatabilityOf(*lafas, lafas->indexOfKey(QStringLiteral("Pra_R"))), 3.1);
        QCOMPARE(repeatabilityOf(*lafas, lafas->indexOfKey(QStringLiteral("Chk_L"))), 3.1);
        QCOMPARE(repeatabilityOf(*lafas, lafas->indexOfKey(QStringLiteral("Prn"))), 2.25);
        QVERIFY(std::isnan(repeatabilityOf(*lafas, 50)));
        QVERIFY(std::isnan(repeatabilityOf(*LandmarkSchema::facescape68(), 0)));
        const SchemaPtr lab = parseLandmarkSchema(
            R"({"format": "palstudio-landmark-schema", "formatVersion": 1, "id": "Lab-2",
                "landmarks": [{"key": "A", "repeatabilityMm": 1.5}, {"key": "B"}]})",
            QStringLiteral("lab.json"));
        QCOMPARE(repeatabilityOf(*lab, 0), 1.5);
        QVERIFY(std::isnan(repeatabilityOf(*lab, 1)));
        const SchemaPtr back = parseLandmarkSchema(
            QJsonDocument(landmarkSchemaToJson(*lab)).toJson(), QStringLiteral("back.json"));
        QCOMPARE(repeatabilityOf(*back, 0), 1.5);
    }

    void badSchemasAreRefusedWithTheirProblem_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"({"format": "palstudio-landmark-schema", "formatVersion": 1, )";
        QTest::newRow("not a schema") << QByteArray(R"({"format": "x"})")
                                      << QStringLiteral("s.json: not a landmark schema (\"format\" "
                                                        "is not \"palstudio-landmark-schema\")");
        QTest::newRow("no id") << head + R"("landmarks": [{"key": "A"}]})"
                               << QStringLiteral("s.json: \"id\" must be a string");
        QTest::newRow("no landmarks")
            << head + R"("id": "X", "landmarks": []})"
            << QStringLiteral("s.json: \"landmarks\" has 0 landmarks; a schema "
                              "has 1 to 1000");
        QTest::newRow("key with a space")
            << head + R"("id": "X", "landmarks": [{"key": "Ex R"}]})"
            << QStringLiteral("s.json: \"landmarks[0].key\" is \"Ex R\"; a key is one word "
                              "without spaces, commas or quotes");
        QTest::newRow("key with a comma")
            << head + R"("id": "X", "landmarks": [{"key": "Ex,R"}]})"
            << QStringLiteral("s.json: \"landmarks[0].key\" is \"Ex,R\"; a key is one word "
                              "without spaces, commas or quotes");
        QTest::newRow("bad side") << head +
                                         R"("id": "X", "landmarks": [{"key": "A", "side": "up"}]})"
                                  << QStringLiteral("s.json: \"landmarks[0].side\" is \"up\"; "
                                                    "expected midline, right or left");
        QTest::newRow("midline partner")
            << head + R"("id": "X", "landmarks": [{"key": "A", "partner": "B"}, {"key": "B"}]})"
            << QStringLiteral("s.json: \"landmarks[0]\" (A) is on the midline and cannot have "
                              "a partner");
        QTest::newRow("bad repeatability")
            << head + R"("id": "X", "landmarks": [{"key": "A", "repeatabilityMm": -1}]})"
            << QStringLiteral("s.json: \"landmarks[0].repeatabilityMm\" is not a positive number "
                              "of millimetres");
        QTest::newRow("unknown partner")
            << head + R"("id": "X", "landmarks": [{"key": "A", "side": "right", "partner": "B"}]})"
            << QStringLiteral("s.json: \"landmarks[0].partner\" is \"B\", which is no landmark's "
                              "key");
    }
    void badSchemasAreRefusedWithTheirProblem() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        try {
            parseLandmarkSchema(json, QStringLiteral("s.json"));
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.message(), message);
        }
    }

    // Another tool's file in a user schema: labels map to the lab's keys; LA-FAS files cannot
    // hold it.
    void landmarkFilesFollowTheSchema() {
        const SchemaPtr s = parseLandmarkSchema(kLabSchema, QStringLiteral("lab.json"));
        QTemporaryDir dir;
        LandmarkSet set(s);
        set.setPosition(0, {1, 2, 3}, LandmarkStatus::Placed);
        set.setPosition(1, {-30, 40, 5}, LandmarkStatus::Placed);
        set.setPosition(3, {0, -60, 10}, LandmarkStatus::Placed); // Ex_L stays missing
        for (const char* name : {"l.csv", "l.mrk.json", "l.fcsv", "l.pp", "l.tps"}) {
            const QString path = dir.filePath(QLatin1String(name));
            writeLandmarks(path, set);
            const LandmarkFile back = readLandmarks(path, s);
            QCOMPARE(back.landmarks.schema().id(), QStringLiteral("Lab-4"));
            QCOMPARE(back.landmarks.size(), 4);
            for (int i = 0; i < 4; ++i) {
                QCOMPARE(back.landmarks.at(i).isPresent(), set.at(i).isPresent());
                if (set.at(i).isPresent()) {
                    QCOMPARE(back.landmarks.at(i).position, set.at(i).position);
                }
            }
        }
        try {
            writeLandmarks(dir.filePath(QStringLiteral("l.txt")), set);
            QFAIL("an LA-FAS file was written for another schema");
        } catch (const ValidationError& e) {
            QCOMPARE(e.problem(), QStringLiteral("an LA-FAS landmarks file holds the LA-FAS-50 "
                                                 "landmarks, not Lab-4 (4 landmarks); choose "
                                                 "another format"));
        }
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("l.txt"))));
    }

    // FaceScape's names hold commas ("Right eyebrow, outer end"): the CSV quotes them and reads
    // them back (RFC 4180), with a doubled quote inside a quoted field.
    void csvQuotesNamesWithCommas() {
        const SchemaPtr s = LandmarkSchema::facescape68();
        LandmarkSet set(s);
        for (int i = 0; i < s->size(); ++i) {
            set.setPosition(i, {i * 1.5, -i * 0.25, 100.0 - i}, LandmarkStatus::Placed);
        }
        const QByteArray csv = formatLandmarkCsv(set);
        QVERIFY(csv.contains("\"Right eyebrow, outer end\""));
        const LandmarkSet back = parseLandmarkCsv(csv, QStringLiteral("f.csv"), s);
        QCOMPARE(back.presentCount(), 68);
        QCOMPARE(back.positions(), set.positions());
        const LandmarkSet quoted = parseLandmarkCsv(
            "number,name,x,y,z\n1,\"a \"\"b\"\", c\",1,2,3\n", QStringLiteral("q.csv"), s);
        QCOMPARE(quoted.at(0).position, Eigen::Vector3d(1, 2, 3));
    }

    // A CSV names its landmarks by key as well as number: read in another schema, the first
    // key that disagrees is refused rather than remapped.
    void aCsvOfAnotherSchemaIsRefused() {
        LandmarkSet lafas;
        lafas.setPosition(0, {1, 2, 3}, LandmarkStatus::Placed);
        try {
            parseLandmarkCsv(formatLandmarkCsv(lafas), QStringLiteral("l.csv"),
                             LandmarkSchema::facescape68());
            QFAIL("an LA-FAS CSV was read as FaceScape's");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), QStringLiteral("l.csv:2: landmark 1 is Jaw01 in FaceScape-68, "
                                                 "but this row calls it 'Tr' (a file of another "
                                                 "landmark schema?)"));
        }
        // Keys are compared ignoring case; a CSV without a key column maps by number.
        QCOMPARE(parseLandmarkCsv("number,key,x,y,z\n4,prn,1,2,3\n", QStringLiteral("k.csv"))
                     .at(3)
                     .position,
                 Eigen::Vector3d(1, 2, 3));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
