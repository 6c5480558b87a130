// The review workflow of the issue, through the real window: open a case with ground truth
// and a prediction, correct three landmarks by dragging, undo one, mark the case done,
// export, "kill" the program, reopen and find nothing lost.

#include "ReviewWindowSupport.h"
#include "UiTestSupport.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"
#include "core/review/CaseDocument.h"
#include "core/review/ReviewStore.h"
#include "ui/MainWindow.h"
#include "ui/review/LandmarkTableModel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace pal;
using pal::ui::MainWindow;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestReviewWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    QString m_journals;
    LandmarkSet m_truth;

    void openCase(MainWindow& w) {
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(m_case);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded.first().at(0).toBool(), true);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_case = m_dir.filePath(QStringLiteral("case001"));
        m_journals = m_dir.filePath(QStringLiteral("journal"));
        QDir().mkpath(m_case);
        const Mesh sphere = pal::test::uvSphere(80.0);
        writeMesh(sphere, m_case + QStringLiteral("/mesh.ply"));
        // Ground truth on the sphere; the prediction 4 mm off along the surface's tangent.
        for (int i = 0; i < 50; ++i) {
            const double a = 0.6 * (i % 10) / 10.0 - 0.3;
            const double b = 0.8 * (i / 10) / 5.0 - 0.4;
            const Eigen::Vector3d p =
                80.0 *
                Eigen::Vector3d(std::sin(a), std::sin(b), std::cos(a) * std::cos(b)).normalized();
            m_truth.setPosition(i, p, LandmarkStatus::Placed);
        }
        writeLandmarks(m_case + QStringLiteral("/landmarks.txt"), m_truth);
        LandmarkSet predicted = m_truth;
        for (int i = 0; i < 50; ++i) {
            predicted.setPosition(i, m_truth.at(i).position + Eigen::Vector3d(4, 0, 0),
                                  LandmarkStatus::Predicted);
        }
        writeLandmarks(m_case + QStringLiteral("/landmarks.predicted.txt"), predicted);
    }

    void correctUndoMarkDoneExportAndSurviveAKill() {
        const QByteArray original = readAll(m_case + QStringLiteral("/landmarks.txt"));
        auto* w = new MainWindow;
        w->setScreenshotMode(true);
        w->setJournalFolder(m_journals);
        w->resize(1200, 800);
        w->show();
        openCase(*w);
        CaseDocument* doc = w->document();
        QVERIFY(doc->groundTruth().has_value());
        QVERIFY(doc->predicted().has_value());
        QVERIFY(std::abs(doc->error(0) - 4.0) < 1e-6);

        // Three drags, reported by the viewport as they happen.
        for (int i : {3, 4, 5}) {
            Q_EMIT w->viewport()->dragStarted(i);
            Q_EMIT w->viewport()->dragMoved(i, m_truth.at(i).position + Eigen::Vector3d(2, 0, 0));
            Q_EMIT w->viewport()->dragMoved(i, m_truth.at(i).position);
            Q_EMIT w->viewport()->dragFinished(i, m_truth.at(i).position);
        }
        QCOMPARE(w->undoStack()->count(), 3); // a drag is one undo step
        QVERIFY(doc->error(4) < 1e-6);
        QCOMPARE(doc->working().at(4).status, LandmarkStatus::Corrected);
        w->undoStack()->undo();
        QVERIFY(std::abs(doc->error(5) - 4.0) < 1e-6);
        QCOMPARE(doc->working().at(5).status, LandmarkStatus::Predicted);
        QCOMPARE(w->selectedLandmark(), 5);
        // N: the unreviewed landmark with the largest error (all are 4 mm off here, so any of
        // them but the corrected 3 and 4; 5 was undone and is one of them again).
        w->selectNextNeedingReview();
        const int next = w->selectedLandmark();
        QVERIFY(next != 3 && next != 4);
        QCOMPARE(doc->working().at(next).status, LandmarkStatus::Predicted);
        QVERIFY(std::abs(doc->error(next) - 4.0) < 1e-6);

        // Done with 47 landmarks unreviewed: asked first (no question in screenshot mode: not
        // done), then answered Yes.
        w->setReviewState(int(ReviewState::Done));
        QCOMPARE(doc->reviewState(), ReviewState::Unreviewed);
        w->setScreenshotMode(false);
        bool asked = false;
        QTimer::singleShot(0, w, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        w->setReviewState(int(ReviewState::Done));
        QVERIFY(asked);
        w->setScreenshotMode(true);
        QCOMPARE(doc->reviewState(), ReviewState::Done);
        QVERIFY(w->isWindowModified());

        // Export: never over the original without asking (screenshot mode cannot ask: refused).
        QVERIFY(!w->exportLandmarks(m_case + QStringLiteral("/landmarks.txt")));
        QCOMPARE(readAll(m_case + QStringLiteral("/landmarks.txt")), original);
        const QString exported = m_dir.filePath(QStringLiteral("corrected.txt"));
        QVERIFY(w->exportLandmarks(exported));
        const LandmarkSet back = readLandmarks(exported).landmarks;
        QVERIFY((back.at(3).position - m_truth.at(3).position).norm() < 1e-5);
        QVERIFY((back.at(5).position - m_truth.at(5).position).norm() > 3.9);

        // The journal holds the edits within a second...
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(m_journals).entryList(QDir::Files).isEmpty(), 1000);
        // ... and the program is killed: no close, no save.
        w->setAttribute(Qt::WA_DeleteOnClose, false);
        delete w;
        QCOMPARE(QDir(m_journals).entryList(QDir::Files).size(), 1);

        MainWindow again;
        again.setScreenshotMode(true); // recovers without asking
        again.setJournalFolder(m_journals);
        again.show();
        openCase(again);
        CaseDocument* doc2 = again.document();
        QVERIFY(doc2->error(3) < 1e-6);
        QVERIFY(doc2->error(4) < 1e-6);
        QVERIFY(std::abs(doc2->error(5) - 4.0) < 1e-6);
        QCOMPARE(doc2->reviewState(), ReviewState::Done);
        QVERIFY(doc2->isModified()); // recovered, not yet saved

        QVERIFY(again.saveReview());
        QVERIFY(QFile::exists(m_case + QStringLiteral("/palstudio-review.json")));
        QVERIFY(QDir(m_journals).entryList(QDir::Files).isEmpty());
        QCOMPARE(readAll(m_case + QStringLiteral("/landmarks.txt")), original);
    }

    // The table's Checks column includes the off-surface check once the case's surface is
    // indexed (in a job of its own after the case is shown), as the printed report has it.
    void theTableFlagsALandmarkOffTheSurface() {
        const QString folder = m_dir.filePath(QStringLiteral("case002"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(m_case + QStringLiteral("/mesh.ply"),
                            folder + QStringLiteral("/mesh.ply")));
        LandmarkSet truth = m_truth;
        truth.at(7).position *= 90.0 / 80.0; // 10 mm out from the sphere
        writeLandmarks(folder + QStringLiteral("/landmarks.txt"), truth);
        MainWindow w;
        w.setScreenshotMode(true);
        w.setJournalFolder(m_journals);
        w.show();
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(folder);
        QVERIFY(loaded.wait(30000));
        QTableView* table = pal::test::landmarkTable(w);
        QVERIFY(table);
        const QAbstractItemModel* model = table->model();
        int row = -1; // the table may be sorted: find landmark 8 (row 7 of the schema)
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, ui::LandmarkTableModel::Number).data().toInt() == 8) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        // Once the surface is indexed (a job of its own, after the case is shown).
        const auto cell = [&] {
            return model->index(row, ui::LandmarkTableModel::Checks).data().toString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(cell().contains(QStringLiteral("off surface (ground truth)")),
                                  qPrintable(cell()), 10000);
        const QString tip =
            model->index(row, ui::LandmarkTableModel::Checks).data(Qt::ToolTipRole).toString();
        // 10 mm from the true sphere, a little more from its triangles.
        QVERIFY2(tip.startsWith(QStringLiteral("Ground truth: Sto lies 10.")) &&
                     tip.endsWith(QStringLiteral(" mm off the surface")),
                 qPrintable(tip));
    }

    void reopeningShowsTheSavedReview() {
        MainWindow w;
        w.setScreenshotMode(true);
        w.setJournalFolder(m_journals);
        w.show();
        openCase(w);
        QCOMPARE(w.document()->reviewState(), ReviewState::Done);
        QVERIFY(w.document()->error(3) < 1e-6);
        QVERIFY(!w.document()->isModified());
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestReviewWindow t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_review_window.moc"
