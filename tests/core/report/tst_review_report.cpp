// The printed review report (core/report): the software renderer's pictures and depth test,
// what a case's page says (from the saved files only), and the PDF: one page per case with two
// views each, written atomically. On GENERATED faces (tests/TestSupport.h).

#include "core/errors/Error.h"
#include "core/landmarks/LandmarkSchema.h"
#include "core/report/MeshRender.h"
#include "core/report/ReviewReport.h"
#include "core/review/ReviewStore.h"
#include "core/workflow/CaseFiles.h"
#include "core/workflow/CaseReport.h"
#include "core/workflow/CaseReview.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QGuiApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace pal;
using pal::test::readAll;
using pal::test::writeAll;

namespace {

bool isBackground(QRgb c) {
    return qRed(c) > 250 && qGreen(c) > 250 && qBlue(c) > 250;
}

int countOf(const QByteArray& bytes, const QString& pattern) {
    const QString text = QString::fromLatin1(bytes);
    int n = 0;
    auto it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// A review of case c saved beside it, as the window would write it: the landmark `moved`
// corrected 3 mm off the prediction (one audit entry), and the case signed off by anna.
void saveReview(const Case& c, const LandmarkSet& predicted, int moved) {
    CaseDocument doc;
    const LandmarkFile truth = c.readLandmarks();
    doc.load(c, truth.landmarks, truth.lafasLayout, predicted);
    const Landmark before = doc.working().at(moved);
    const Eigen::Vector3d to = before.position + Eigen::Vector3d(3, 0, 0);
    const QDateTime when = QDateTime(QDate(2026, 12, 3), QTime(9, 12), Qt::UTC);
    doc.setPosition(moved, to, LandmarkStatus::Corrected,
                    {QStringLiteral("manual"), QStringLiteral("anna"), when});
    AuditEntry e;
    e.when = when;
    e.user = QStringLiteral("anna");
    e.action = AuditAction::Move;
    e.landmark = moved;
    e.from = before.position;
    e.to = to;
    e.fromStatus = LandmarkStatus::Predicted;
    e.toStatus = LandmarkStatus::Corrected;
    e.fromSource = QStringLiteral("test-model");
    doc.record(e);
    doc.setReviewState(ReviewState::Done, {QStringLiteral("anna"), when.addSecs(60)});
    writeReview(sidecarPath(c), snapshotOf(doc), c.id());
}

// The ground truth, shifted 1.5 mm: a prediction from "test-model".
LandmarkSet predictionOf(const Case& c) {
    LandmarkSet p = c.readLandmarks().landmarks;
    for (int i = 0; i < p.size(); ++i) {
        p.setPosition(i, p.at(i).position + Eigen::Vector3d(0, 1.5, 0), LandmarkStatus::Predicted);
        p.at(i).provenance.source = QStringLiteral("test-model");
    }
    return p;
}

} // namespace

class TestReviewReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<Case> m_cases;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 3);
        m_cases = casesOf(m_dir.filePath(QStringLiteral("data")));
        QCOMPARE(m_cases.size(), std::size_t(3));
        // D001: reviewed and signed off; D002: predicted only; D003: ground truth only.
        const LandmarkSet p1 = predictionOf(m_cases[0]);
        writePrediction(predictionPath(m_cases[0]), p1);
        saveReview(m_cases[0], p1, 3); // Prn
        writePrediction(predictionPath(m_cases[1]), predictionOf(m_cases[1]));
    }

    void theRenderShowsTheFaceAndHidesWhatIsBehindIt() {
        const Case& c = m_cases[2];
        const Mesh mesh = c.readMesh();
        const LandmarkSet truth = c.readLandmarks(&mesh).landmarks;
        const auto frame = faceFrame(truth);
        QVERIFY(frame.has_value());
        const int prn = truth.schema().indexOfKey(QStringLiteral("Prn"));
        const Eigen::Vector3d nose = truth.at(prn).position;

        const report::MeshRender front = report::renderMesh(
            mesh, report::fitCamera(mesh, frame->forward, frame->up, QSize(200, 200)));
        QCOMPARE(front.image.size(), QSize(200, 200));
        QVERIFY(isBackground(front.image.pixel(2, 2))); // a corner: no face there
        const QPoint at = front.camera.project(nose).toPoint();
        QVERIFY(QRect(0, 0, 200, 200).contains(at));
        QVERIFY(!isBackground(front.image.pixel(at)));
        QVERIFY(front.isVisible(nose));
        QVERIFY(front.isVisible(nose + 20 * frame->forward));  // in front of the nose
        QVERIFY(!front.isVisible(nose - 60 * frame->forward)); // inside the head

        // From the right: the right ear shows, the left one is behind the head.
        const report::MeshRender right = report::renderMesh(
            mesh, report::fitCamera(mesh, -frame->left, frame->up, QSize(200, 200)));
        const int paR = truth.schema().indexOfKey(QStringLiteral("Pa_R"));
        const int paL = truth.schema().indexOfKey(QStringLiteral("Pa_L"));
        QVERIFY(right.isVisible(truth.at(paR).position));
        QVERIFY(!right.isVisible(truth.at(paL).position));
    }

    void aTexturedMeshIsDrawnWithItsTexture() {
        // A square facing +Z, its left half mapped to a red texel and its right half to blue.
        Mesh quad;
        quad.vertices.resize(4, 3);
        quad.vertices << 0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0;
        quad.triangles.resize(2, 3);
        quad.triangles << 0, 1, 2, 0, 2, 3;
        quad.uvs.resize(4, 2);
        quad.uvs << 0, 0, 1, 0, 1, 1, 0, 1;
        quad.triangleUVs = quad.triangles;
        QImage texture(2, 1, QImage::Format_RGB32);
        texture.setPixel(0, 0, qRgb(255, 0, 0));
        texture.setPixel(1, 0, qRgb(0, 0, 255));
        const report::MeshRender r = report::renderMesh(
            quad,
            report::fitCamera(quad, Eigen::Vector3d::UnitZ(), Eigen::Vector3d::UnitY(), {100, 100}),
            texture);
        const QRgb left = r.image.pixel(25, 50);
        const QRgb right = r.image.pixel(75, 50);
        QVERIFY2(qRed(left) > 150 && qBlue(left) < 40, qPrintable(QString::number(left, 16)));
        QVERIFY2(qBlue(right) > 150 && qRed(right) < 40, qPrintable(QString::number(right, 16)));
    }

    void theReportSaysWhatIsSaved() {
        // D001: the saved review, signed off, with its correction and its audit trail.
        const CaseReport reviewed = caseReportOf(openCaseForReview(m_cases[0], QString()));
        QCOMPARE(reviewed.reportedSet, ReportedSet::Review);
        QCOMPARE(reviewed.state, ReviewState::Done);
        QCOMPARE(reviewed.stamp.user, QStringLiteral("anna"));
        QCOMPARE(reviewed.model, QStringLiteral("test-model"));
        QCOMPARE(reviewed.rows.size(), std::size_t(50));
        QCOMPARE(reviewed.rows[3].status, LandmarkStatus::Corrected);
        QCOMPARE(reviewed.rows[0].status, LandmarkStatus::Predicted);
        // Prn corrected 3 mm along x from a prediction 1.5 mm along y off the truth.
        QVERIFY(std::abs(reviewed.rows[3].errorMm - std::hypot(3.0, 1.5)) < 1e-3);
        QVERIFY(std::abs(reviewed.rows[0].errorMm - 1.5) < 1e-3);
        QVERIFY(reviewed.rows[3].tolerance.has_value());
        QVERIFY(std::abs(*reviewed.rows[3].tolerance->correctionMm - 3.0) < 1e-3);
        QVERIFY(!reviewed.rows[3].tolerance->correctionInside()); // 3 mm > 2.25 mm
        QVERIFY(reviewed.rows[0].tolerance->truthInside());       // 1.5 mm < 2.25 mm
        QCOMPARE(reviewed.audit.size(), std::size_t(1));
        QCOMPARE(reviewed.findings, 0);

        // D002: the saved prediction, nobody's review.
        const CaseReport predicted = caseReportOf(openCaseForReview(m_cases[1], QString()));
        QCOMPARE(predicted.reportedSet, ReportedSet::Prediction);
        QCOMPARE(predicted.state, ReviewState::Unreviewed);
        QCOMPARE(predicted.rows[0].status, LandmarkStatus::Predicted);
        QVERIFY(predicted.audit.empty());

        // D003: ground truth only: nothing is reported as its result.
        const CaseReport none = caseReportOf(openCaseForReview(m_cases[2], QString()));
        QCOMPARE(none.reportedSet, ReportedSet::None);
        QCOMPARE(none.rows[0].status, LandmarkStatus::Missing);
        QVERIFY(std::isnan(none.rows[0].errorMm));
        QVERIFY(none.truth.has_value());
    }

    void aSwappedPairIsInBothRows() {
        QTemporaryDir dir;
        pal::test::generatedDataset(dir.path(), 1);
        const Case c = casesOf(dir.path()).front();
        LandmarkSet p = predictionOf(c);
        const int exL = p.schema().indexOfKey(QStringLiteral("Ex_L"));
        const int exR = p.schema().indexOfKey(QStringLiteral("Ex_R"));
        const Eigen::Vector3d l = p.at(exL).position;
        p.at(exL).position = p.at(exR).position;
        p.at(exR).position = l;
        writePrediction(predictionPath(c), p);
        const CaseReport r = caseReportOf(openCaseForReview(c, QString()));
        QVERIFY(r.findings >= 1);
        const QString swapped = checkKindTitle(CheckKind::SwappedPair);
        QVERIFY(r.rows[exL].findings.titles.contains(swapped));
        QVERIFY(r.rows[exR].findings.titles.contains(swapped));
    }

    void theAuditSummaryCountsAndListsTheLatest() {
        const SchemaPtr schema = LandmarkSchema::lafas50();
        std::vector<AuditEntry> audit;
        QDateTime t(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < 9; ++i) {
            AuditEntry e;
            e.when = t.addSecs(60 * i);
            e.user = i < 8 ? QStringLiteral("anna") : QStringLiteral("bruno");
            e.action = i == 7 ? AuditAction::Status : AuditAction::Move;
            e.step = i == 6 ? AuditStep::Undo : AuditStep::Do;
            e.landmark = i;
            e.from = Eigen::Vector3d::Zero();
            e.to = Eigen::Vector3d(1, 0, 0);
            e.fromStatus = LandmarkStatus::Predicted;
            e.toStatus = LandmarkStatus::Confirmed;
            audit.push_back(e);
        }
        const QStringList lines = auditSummary(audit, *schema, 3);
        QCOMPARE(lines.first(), QStringLiteral("Changes: 9, by anna, bruno, from 2026-12-03 09:00 "
                                               "to 2026-12-03 09:08 UTC (moved: 7, status "
                                               "changes: 1, undone: 1)"));
        QCOMPARE(lines.size(), 1 + 1 + 3); // counts, the entries left out, the last 3
        QCOMPARE(lines[1], QStringLiteral("Earlier entries not listed: 6"));
        QVERIFY2(lines.last().startsWith(QStringLiteral("2026-12-03 09:08 bruno: moved Li")),
                 qPrintable(lines.last()));
        QCOMPARE(auditSummary({}, *schema), QStringList{QStringLiteral("No change was recorded.")});
    }

    void onePagePerCaseWithTwoViewsEach() {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        std::vector<QString> seen;
        report::writeReviewReport(pdf, m_cases, {}, [&](const CaseReport& r, int done, int total) {
            QCOMPARE(total, 3);
            QCOMPARE(done, int(seen.size()) + 1);
            seen.push_back(r.caseId);
        });
        QCOMPARE(seen, (std::vector<QString>{QStringLiteral("D001"), QStringLiteral("D002"),
                                             QStringLiteral("D003")}));
        const QByteArray bytes = readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QCOMPARE(countOf(bytes, QStringLiteral("/Type\\s*/Page(?!s)")), 3);
        QCOMPARE(countOf(bytes, QStringLiteral("/Subtype\\s*/Image")), 6);
    }

    void thePageShowsTheViewsAndTheLandmarks() {
        const CaseReport r = caseReportOf(openCaseForReview(m_cases[0], QString()));
        const report::CaseRenders renders = report::renderCase(r, 300);
        report::ReportOptions options;
        options.dpi = 100;
        QImage page(827, 1170, QImage::Format_RGB32); // A4 at 100 dpi
        page.setDotsPerMeterX(3937);
        page.setDotsPerMeterY(3937);
        page.fill(Qt::white);
        {
            QPainter painter(&page);
            report::paintCasePage(painter, r, renders, 1, 1, options);
        }
        // The front view's square (12 mm from the left, below the heading): face pixels and the
        // magenta markers of the reviewed landmarks (235, 50, 220).
        int face = 0, markers = 0;
        for (int y = 200; y < 520; ++y) {
            for (int x = 50; x < 400; ++x) {
                const QRgb c = page.pixel(x, y);
                if (qRed(c) > 200 && qGreen(c) < 90 && qBlue(c) > 180) {
                    ++markers;
                } else if (!isBackground(c)) {
                    ++face;
                }
            }
        }
        QVERIFY2(face > 30000, qPrintable(QString::number(face)));
        QVERIFY2(markers > 50, qPrintable(QString::number(markers)));
        page.save(m_dir.filePath(QStringLiteral("page.png")));
    }

    // A case folder's own mesh names the folder's case, with its review (the command line
    // takes mesh files too); a cancelled read is a cancel, not an error.
    void aCaseGivenByItsMeshHasItsReview() {
        const std::vector<Case> byMesh = reviewCasesOf(m_cases[0].files().mesh);
        QCOMPARE(byMesh.size(), std::size_t(1));
        QCOMPARE(sidecarPath(byMesh.front()), sidecarPath(m_cases[0]));
        const CaseReport r = caseReportOf(openCaseForReview(byMesh.front(), QString()));
        QCOMPARE(r.reportedSet, ReportedSet::Review);
        QCOMPARE(r.state, ReviewState::Done);

        CaseForReview cancelled;
        cancelled.cancelled = true;
        cancelled.error = QStringLiteral("mesh.obj: opening cancelled");
        QVERIFY_THROWS_EXCEPTION(Cancelled, caseReportOf(cancelled));
    }

    // However many findings, notes and audit entries a case has, nothing is drawn over the
    // sign-off: its band is the same as on a page with none.
    void aFullPageNeverOverrunsTheSignOff() {
        const CaseReport plain = caseReportOf(openCaseForReview(m_cases[0], QString()));
        CaseReport full = plain;
        full.warnings = QStringList(6, QStringLiteral("a note that is long enough to fill a "
                                                      "line of the page, and then some more"));
        for (int i = 0; i < 300; ++i) {
            AuditEntry e = plain.audit.front();
            e.when = e.when.addSecs(i);
            full.audit.push_back(e);
        }
        for (ReportRow& row : full.rows) {
            row.findings.lines = {QStringLiteral("a finding of row %1").arg(&row - &full.rows[0])};
            row.findings.titles = {QStringLiteral("swapped")};
        }
        full.findings = static_cast<int>(full.rows.size());
        report::ReportOptions options;
        options.dpi = 100;
        const auto paint = [&](const CaseReport& r) {
            QImage page(827, 1170, QImage::Format_RGB32);
            page.setDotsPerMeterX(3937);
            page.setDotsPerMeterY(3937);
            page.fill(Qt::white);
            QPainter painter(&page);
            report::paintCasePage(painter, r, report::renderCase(r, 200), 1, 1, options);
            return page;
        };
        const QImage a = paint(plain);
        const QImage b = paint(full);
        // The sign-off band: from its rule (297 - 12 - 19 mm) to the page's foot.
        const int top = static_cast<int>((report::kPageHeightMm - 31.0) / 25.4 * 100) - 2;
        QCOMPARE(b.copy(0, top, 827, 1170 - top), a.copy(0, top, 827, 1170 - top));
        // and the page above it did change (the findings and the audit were drawn).
        QVERIFY(b.copy(0, 0, 827, top) != a.copy(0, 0, 827, top));
    }

    void anUnreadableReviewKeepsTheOldReport() {
        QTemporaryDir dir;
        pal::test::generatedDataset(dir.path(), 1);
        const Case c = casesOf(dir.path()).front();
        writeAll(sidecarPath(c), "{ not json");
        const QString pdf = dir.filePath(QStringLiteral("old.pdf"));
        writeAll(pdf, "the report of yesterday");
        try {
            report::writeReviewReport(pdf, {c});
            QFAIL("a report without its review was written");
        } catch (const Error& e) {
            QVERIFY2(e.message().startsWith(sidecarPath(c) + QStringLiteral(": the review cannot "
                                                                            "be read")),
                     qPrintable(e.message()));
        }
        QCOMPARE(readAll(pdf), QByteArray("the report of yesterday"));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.pdf*")}, QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("old.pdf")});
    }

    void aCancelledReportKeepsTheOldOne() {
        const QString pdf = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        writeAll(pdf, "before");
        std::atomic<bool> cancel{false};
        QVERIFY_THROWS_EXCEPTION(
            Cancelled,
            report::writeReviewReport(
                pdf, m_cases, {}, [&](const CaseReport&, int, int) { cancel = true; }, &cancel));
        QCOMPARE(readAll(pdf), QByteArray("before"));
    }
};

QTEST_MAIN(TestReviewReport)
#include "tst_review_report.moc"
