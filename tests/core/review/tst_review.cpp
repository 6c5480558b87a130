// The review data model and its storage: errors, next landmark to review, signals, the
// sidecar round trip, recovery of journaled edits, and refusal of damaged files.

#include "core/demo/Resources.h"
#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/landmarks/SchemaFile.h"
#include "core/mesh/MeshIO.h"
#include "core/review/CaseDocument.h"
#include "core/review/ReviewStore.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace pal;
using pal::test::dataPath;

namespace {

struct Fixture {
    QTemporaryDir dir;
    Case c;
    LandmarkSet truth;
    LandmarkSet predicted;
    Fixture() {
        const QString folder = dir.filePath(QStringLiteral("S01"));
        QDir().mkpath(folder);
        QFile::copy(dataPath(QStringLiteral("mesh/tetra_binary.ply")),
                    folder + QStringLiteral("/mesh.ply"));
        QFile::copy(dataPath(QStringLiteral("lafas/valid.txt")),
                    folder + QStringLiteral("/landmarks.txt"));
        c = Case::open(folder);
        truth = c.readLandmarks().landmarks;
        predicted = truth;
        for (int i = 0; i < 50; ++i) {
            // Predictions i/10 mm off along x: errors 0.0, 0.1, ..., 4.9.
            predicted.setPosition(i, truth.at(i).position + Eigen::Vector3d(i / 10.0, 0, 0),
                                  LandmarkStatus::Predicted);
        }
    }
};

} // namespace

class TestReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One rule for "reviewed": a person's act, not a status alone.
    void reviewedMeansAPersonLookedAtIt() {
        Landmark l;
        l.status = LandmarkStatus::Predicted;
        QVERIFY(!isReviewed(l));
        l.status = LandmarkStatus::Placed; // read from landmarks.txt: nobody reviewed it here
        QVERIFY(!isReviewed(l));
        l.provenance.user = QStringLiteral("ana");
        QVERIFY(isReviewed(l)); // placed by hand
        l.status = LandmarkStatus::Missing;
        QVERIFY(isReviewed(l)); // marked missing by hand
        l.provenance.user.clear();
        QVERIFY(!isReviewed(l)); // absent from a file or a prediction
        l.status = LandmarkStatus::Confirmed;
        QVERIFY(isReviewed(l));
        l.status = LandmarkStatus::Corrected;
        QVERIFY(isReviewed(l));
        LandmarkSet set;
        QCOMPARE(reviewedCount(set), 0);
        set.at(4) = l;
        QCOMPARE(reviewedCount(set), 1);
    }

    void errorsAndNextToReview() {
        Fixture f;
        CaseDocument doc;
        doc.load(f.c, f.truth, std::nullopt, f.predicted);
        QCOMPARE(doc.working().at(3).status, LandmarkStatus::Predicted);
        QVERIFY(std::abs(doc.error(10) - 1.0) < 1e-9);
        QVERIFY(std::abs(doc.meanError() - 2.45) < 1e-9); // mean of 0.0 .. 4.9
        QCOMPARE(doc.nextNeedingReview(-1), 0);
        doc.setStatus(0, LandmarkStatus::Confirmed, {});
        doc.setStatus(1, LandmarkStatus::Corrected, {});
        QCOMPARE(doc.nextNeedingReview(-1), 2);
        QCOMPARE(doc.nextNeedingReview(49), 2); // wraps
        // N goes worst first: the errors grow with the index here (0.1 mm per landmark).
        QCOMPARE(doc.nextToReview(-1), 49);
        doc.setStatus(49, LandmarkStatus::Confirmed, {});
        QCOMPARE(doc.nextToReview(-1), 48);
        QVERIFY(doc.isModified());

        CaseDocument noTruth;
        noTruth.load(f.c, std::nullopt, std::nullopt, f.predicted);
        QVERIFY(std::isnan(noTruth.error(4)));
        QVERIFY(std::isnan(noTruth.meanError()));
    }

    // Without ground truth N goes by risk: a landmark an anatomical check flags first, then the
    // hardest to place (largest repeatability), ties in order.
    void withoutGroundTruthNextGoesByRisk() {
        Fixture f;
        LandmarkSet face =
            readLandmarks(
                QDir(demo::defaultTemplateDir()).filePath(QStringLiteral("landmarks.txt")))
                .landmarks; // the generated demo template's: a valid face
        for (int i = 0; i < face.size(); ++i) {
            face.at(i).status = LandmarkStatus::Predicted;
        }
        const LandmarkSchema& s = face.schema();
        CaseDocument doc;
        doc.load(f.c, std::nullopt, std::nullopt, face);
        QCOMPARE(doc.nextToReview(-1), s.indexOfKey(QStringLiteral("Pra_L"))); // 3.58 mm
        doc.setStatus(s.indexOfKey(QStringLiteral("Pra_L")), LandmarkStatus::Confirmed,
                      {QStringLiteral("manual"), QStringLiteral("ana"), {}});
        // Then the 3.1 mm group (ears, cheeks) in order: Pra_R is the first.
        QCOMPARE(doc.nextToReview(-1), s.indexOfKey(QStringLiteral("Pra_R")));

        LandmarkSet swapped = face;
        std::swap(swapped.at(s.indexOfKey(QStringLiteral("Ex_R"))).position,
                  swapped.at(s.indexOfKey(QStringLiteral("Ex_L"))).position);
        doc.load(f.c, std::nullopt, std::nullopt, swapped);
        QCOMPARE(doc.nextToReview(-1), s.indexOfKey(QStringLiteral("Ex_R")));
        doc.setStatus(s.indexOfKey(QStringLiteral("Ex_R")), LandmarkStatus::Confirmed,
                      {QStringLiteral("manual"), QStringLiteral("ana"), {}});
        QCOMPARE(doc.nextToReview(-1), s.indexOfKey(QStringLiteral("Ex_L")));
    }

    void signalsAreFineGrained() {
        Fixture f;
        CaseDocument doc;
        doc.load(f.c, f.truth, std::nullopt, f.predicted);
        QSignalSpy moved(&doc, &CaseDocument::landmarkMoved);
        QSignalSpy status(&doc, &CaseDocument::landmarkStatusChanged);
        QSignalSpy modified(&doc, &CaseDocument::modifiedChanged);
        QSignalSpy batch(&doc, &CaseDocument::batchEnded);
        doc.setPosition(7, {1, 2, 3}, LandmarkStatus::Predicted, {});
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.last().at(0).toInt(), 7);
        QCOMPARE(status.count(), 0); // the status did not change
        QCOMPARE(modified.count(), 1);
        doc.beginBatch();
        doc.setStatus(8, LandmarkStatus::Confirmed, {});
        doc.setStatus(9, LandmarkStatus::Confirmed, {});
        QCOMPARE(batch.count(), 0);
        doc.endBatch();
        QCOMPARE(batch.count(), 1);
        QCOMPARE(status.count(), 2);
        QCOMPARE(modified.count(), 1); // still modified: no second signal
        doc.markSaved();
        QCOMPARE(modified.count(), 2);
    }

    void newPredictionKeepsWhatAPersonTouched() {
        Fixture f;
        CaseDocument doc;
        doc.load(f.c, f.truth, std::nullopt, f.predicted);
        doc.setPosition(5, {9, 9, 9}, LandmarkStatus::Corrected,
                        {QStringLiteral("manual"), QStringLiteral("ana"), {}});
        LandmarkSet again = f.predicted;
        for (int i = 0; i < 50; ++i) {
            again.setPosition(i, Eigen::Vector3d(i, i, i), LandmarkStatus::Predicted);
        }
        doc.setPredicted(again);
        QCOMPARE(doc.working().at(5).position, Eigen::Vector3d(9, 9, 9));
        QCOMPARE(doc.working().at(6).position, Eigen::Vector3d(6, 6, 6));
    }

    void sidecarRoundTripAndRecovery() {
        Fixture f;
        CaseDocument doc;
        doc.load(f.c, f.truth, std::nullopt, f.predicted);
        doc.setPosition(
            2, {1.5, -2.25, 3.125}, LandmarkStatus::Corrected,
            {QStringLiteral("manual"), QStringLiteral("ana"), QDateTime::currentDateTimeUtc()});
        doc.setStatus(3, LandmarkStatus::Missing, {});
        doc.setReviewState(
            ReviewState::Done,
            {QStringLiteral("ana"),
             QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00Z"), Qt::ISODate)});
        const QString path = sidecarPath(f.c);
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("palstudio-review.json"));
        writeReview(path, snapshotOf(doc), f.c.id());
        // The user's own files are untouched.
        QCOMPARE(test::readAll(f.c.files().landmarks),
                 test::readAll(dataPath(QStringLiteral("lafas/valid.txt"))));

        const std::optional<ReviewSnapshot> back = readReview(path);
        QVERIFY(back.has_value());
        CaseDocument reopened;
        reopened.load(f.c, f.truth, std::nullopt, std::nullopt);
        applySnapshot(reopened, *back);
        QCOMPARE(reopened.reviewState(), ReviewState::Done);
        QCOMPARE(reopened.reviewStamp().user, QStringLiteral("ana"));
        QCOMPARE(reopened.working().at(2).position, Eigen::Vector3d(1.5, -2.25, 3.125));
        QCOMPARE(reopened.working().at(2).status, LandmarkStatus::Corrected);
        QCOMPARE(reopened.working().at(2).provenance.user, QStringLiteral("ana"));
        QCOMPARE(reopened.working().at(3).status, LandmarkStatus::Missing);
        QVERIFY(reopened.predicted().has_value());
        QCOMPARE(reopened.predicted()->at(10).position, f.predicted.at(10).position);

        // Journals are per case, in the journal folder, never in the case folder.
        QTemporaryDir journals;
        const QString j = journalPath(f.c, journals.path());
        QVERIFY(j.startsWith(journals.path()));
        QVERIFY(QFileInfo(j).fileName().startsWith(QStringLiteral("S01-")));
        QVERIFY(readReview(j) == std::nullopt);
    }

    // The audit trail goes to the sidecar and back unchanged; a format-1 review (before the
    // trail) reads with an empty one; a damaged entry is refused with its number.
    void theAuditTrailIsKept() {
        Fixture f;
        CaseDocument doc;
        doc.load(f.c, f.truth, std::nullopt, f.predicted);
        const QDateTime t0 =
            QDateTime::fromString(QStringLiteral("2026-12-03T19:40:00.250Z"), Qt::ISODateWithMs);
        AuditEntry move;
        move.when = t0;
        move.user = QStringLiteral("ana");
        move.action = AuditAction::Move;
        move.landmark = 3;
        move.from = f.predicted.at(3).position;
        move.to = Eigen::Vector3d(1.5, -2.25, 3.125);
        move.fromStatus = LandmarkStatus::Predicted;
        move.toStatus = LandmarkStatus::Corrected;
        move.fromSource = QStringLiteral("default.palnet");
        AuditEntry undo = move;
        undo.when = t0.addSecs(5);
        undo.step = AuditStep::Undo;
        std::swap(undo.from, undo.to);
        std::swap(undo.fromStatus, undo.toStatus);
        undo.fromSource = QStringLiteral("manual");
        AuditEntry signOff;
        signOff.when = t0.addSecs(9);
        signOff.user = QStringLiteral("ana");
        signOff.action = AuditAction::SignOff;
        signOff.detail = QStringLiteral("in-review -> done");
        QSignalSpy changed(&doc, &CaseDocument::auditChanged);
        for (const AuditEntry& e : {move, undo, signOff}) {
            doc.record(e);
        }
        QCOMPARE(changed.count(), 3);
        QVERIFY(doc.isModified());

        const QString path = sidecarPath(f.c);
        writeReview(path, snapshotOf(doc), f.c.id());
        const QByteArray json = test::readAll(path);
        QVERIFY(json.contains("\"formatVersion\": 2"));
        QVERIFY(json.contains("\"audit\""));
        const std::optional<ReviewSnapshot> back = readReview(path);
        QVERIFY(back.has_value());
        QCOMPARE(back->audit.size(), std::size_t(3));
        QVERIFY(back->audit[0] == move);
        QVERIFY(back->audit[1] == undo);
        QVERIFY(back->audit[2] == signOff);
        CaseDocument reopened;
        reopened.load(f.c, f.truth, std::nullopt, std::nullopt);
        applySnapshot(reopened, *back);
        QCOMPARE(reopened.audit().size(), std::size_t(3));
        QCOMPARE(describeAuditEntry(reopened.audit()[0], reopened.working().schema()),
                 QStringLiteral("moved Prn by %1 mm (was from default.palnet)")
                     .arg((*move.to - *move.from).norm(), 0, 'f', 1));
        QVERIFY(describeAuditEntry(reopened.audit()[1], reopened.working().schema())
                    .startsWith(QStringLiteral("undo: moved Prn by ")));
        QCOMPARE(describeAuditEntry(reopened.audit()[2], reopened.working().schema()),
                 QStringLiteral("signed off the case (in-review -> done)"));
        // A new case starts a new trail.
        reopened.load(f.c, f.truth, std::nullopt, std::nullopt);
        QVERIFY(reopened.audit().empty());

        // Format 1 (written before the trail existed): no "audit", an empty trail.
        QJsonObject v1 = QJsonDocument::fromJson(json).object();
        v1.insert(QStringLiteral("formatVersion"), 1);
        v1.remove(QStringLiteral("audit"));
        const ReviewSnapshot old =
            parseReview(QJsonDocument(v1).toJson(), QStringLiteral("old.json"));
        QVERIFY(old.audit.empty());
        QCOMPARE(old.working.at(3).position, doc.working().at(3).position);
        // A damaged entry names itself.
        QByteArray bad = json;
        bad.replace("\"action\": \"sign-off\"", "\"action\": \"teleport\"");
        try {
            parseReview(bad, QStringLiteral("r.json"));
            QFAIL("expected a FormatError");
        } catch (const FormatError& e) {
            QCOMPARE(e.message(),
                     QStringLiteral("r.json: \"audit\" entry 3: unknown action 'teleport'"));
        }
    }

    void damagedOrNewerReviewsAreRefused() {
        try {
            parseReview("{\"format\": \"palstudio-review\", \"formatVersion\": 9}",
                        QStringLiteral("r.json"));
            QFAIL("expected a FormatError");
        } catch (const FormatError& e) {
            QCOMPARE(e.message(), QStringLiteral("r.json: made by a newer PAL Studio (review "
                                                 "format 9; this version reads format 2)"));
        }
        QVERIFY_THROWS_EXCEPTION(FormatError, parseReview("{ not json", QStringLiteral("r.json")));
    }

    // A bare mesh (LA-FAS-50 only by default) predicted by a model of another schema: the
    // working set takes the prediction's landmarks; undo brings the 50 back.
    void aPredictionOfAnotherSchemaReplacesAnUneditedWorkingSet() {
        CaseDocument doc;
        doc.load(Case(), std::nullopt, std::nullopt, std::nullopt);
        QCOMPARE(doc.size(), 50);
        QVERIFY(!doc.hasEdits());
        const LandmarkSet before = doc.working();
        LandmarkSet fs(LandmarkSchema::facescape68());
        for (int i = 0; i < fs.size(); ++i) {
            fs.setPosition(i, {double(i), 0, 0}, LandmarkStatus::Predicted);
        }
        doc.setPredicted(fs);
        QCOMPARE(doc.size(), 68);
        QCOMPARE(doc.working().schema().id(), QStringLiteral("FaceScape-68"));
        QCOMPARE(doc.working().at(67).position, Eigen::Vector3d(67, 0, 0));
        doc.restorePrediction(std::nullopt, before);
        QCOMPARE(doc.size(), 50);
        doc.setWorking([&] {
            LandmarkSet w = before;
            w.setPosition(3, {1, 2, 3}, LandmarkStatus::Placed);
            return w;
        }());
        QVERIFY(doc.hasEdits());
    }

    // A review in a user schema keeps the schema's keys: read back under the same schema it is
    // the same review; under an edited schema of the same id it is refused, not remapped.
    void aUserSchemaReviewIsTiedToItsKeys() {
        const SchemaPtr lab = parseLandmarkSchema(
            R"({"format": "palstudio-landmark-schema", "formatVersion": 1, "id": "Lab-2",
                "landmarks": [{"key": "Prn"}, {"key": "Pg"}]})",
            QStringLiteral("a.json"));
        const SchemaPtr edited = parseLandmarkSchema(
            R"({"format": "palstudio-landmark-schema", "formatVersion": 1, "id": "Lab-2",
                "landmarks": [{"key": "Pg"}, {"key": "Prn"}]})",
            QStringLiteral("b.json"));
        ReviewSnapshot s;
        s.working = LandmarkSet(lab);
        s.working.setPosition(1, {4, 5, 6}, LandmarkStatus::Placed);
        const QByteArray json = formatReview(s, QStringLiteral("C1"));
        const ReviewSnapshot back = parseReview(json, QStringLiteral("r.json"), lab);
        QCOMPARE(back.working.at(1).position, Eigen::Vector3d(4, 5, 6));
        try {
            parseReview(json, QStringLiteral("r.json"), edited);
            QFAIL("a review of other landmarks was read");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), QStringLiteral("r.json: the review was saved with other "
                                                 "landmarks under the schema id Lab-2 (was its "
                                                 "landmark-schema.json edited?)"));
        }
        // A built-in schema's review carries no keys (they never change).
        LandmarkSet lafas;
        lafas.setPosition(0, {1, 2, 3}, LandmarkStatus::Placed);
        ReviewSnapshot l;
        l.working = lafas;
        QVERIFY(!formatReview(l, QStringLiteral("C2")).contains("schemaKeys"));
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
