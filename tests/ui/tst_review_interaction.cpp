// The review window's interaction model, through real mouse and key events on the widgets: a
// click on a landmark selects it and changes nothing; a drag past the click slop is one undo
// step; place mode places the selected landmark once, then ends, and Escape leaves it without
// placing. On a GENERATED demo face.

#include "ReviewWindowSupport.h"
#include "UiTestSupport.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/review/CaseDocument.h"
#include "core/review/ReviewStore.h"
#include "tests/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/ViewportWidget.h"
#include "ui/review/DatasetModel.h"
#include "ui/review/ReviewFilterProxy.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

using namespace pal;
using pal::ui::MainWindow;
using pal::ui::ViewportWidget;

class TestReviewInteraction : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;
    QString m_case;
    QString m_saving;

    // Each test function keeps its own journal of unsaved edits: a journal one function left
    // behind (written by the edit timer, sooner or later depending on the machine's load)
    // would make the next function's open ask "Recover unsaved edits?" and wait for an answer.
    QString journalOfThisTest() const {
        return m_dir.filePath(QStringLiteral("journal-") +
                              QLatin1String(QTest::currentTestFunction()));
    }
    void openCase(MainWindow& w, const QString& path = {}) {
        pal::test::openInWindow(w, path.isEmpty() ? m_case : path, journalOfThisTest());
    }
    static QTableView* landmarkTable(MainWindow& w) { return pal::test::landmarkTable(w); }
    static QTableView* datasetTable(MainWindow& w) { return pal::test::datasetTable(w); }
    static QPoint glyphOf(MainWindow& w, int index) { return pal::test::glyphOf(w, index); }
    static QAction* action(MainWindow& w, const QString& text) {
        return pal::test::findAction(w, text);
    }
    // Opens path in w and answers the warning the open shows (a file it could not read); the
    // warning's text in *text.
    void openAnsweringTheWarning(MainWindow& w, const QString& path, QString* text) {
        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Ok, &asked, text); });
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(path);
        QVERIFY(loaded.wait(30000));
        QVERIFY(loaded.first().at(0).toBool());
        QVERIFY(asked);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_data = pal::test::generatedReviewDataset(m_dir.filePath(QStringLiteral("data")), 3);
        m_case = m_data + QStringLiteral("/D001");
        // The tests that save reviews use their own cases, so the others start unreviewed.
        m_saving = pal::test::generatedReviewDataset(m_dir.filePath(QStringLiteral("saving")), 2);
    }

    // The review keys work wherever the focus is in the window: after a click in the landmark
    // table, Page Down opens the next case and 3 turns the view, N and C still review.
    void keysWorkWhateverHasTheFocus() {
        MainWindow w;
        openCase(w, m_data);
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        auto* browser = w.findChild<ui::DatasetModel*>();
        QTRY_COMPARE_WITH_TIMEOUT(browser->rowCount(), 3, 30000);
        QTableView* table = landmarkTable(w);
        QVERIFY(table);
        const QRect row5 = table->visualRect(table->model()->index(5, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, row5.center());
        QCOMPARE(w.selectedLandmark(), 5);
        QVERIFY(table->hasFocus());

        QTest::keyClick(table, Qt::Key_1); // the front view (the click centred row 5)
        const QPointF front = w.viewport()->projectToWidget(w.document()->working().at(3).position);
        QTest::keyClick(table, Qt::Key_3); // right side view
        QVERIFY((w.viewport()->projectToWidget(w.document()->working().at(3).position) - front)
                    .manhattanLength() > 20);
        QTest::keyClick(table, Qt::Key_1); // front again
        const QPointF again = w.viewport()->projectToWidget(w.document()->working().at(3).position);
        QVERIFY2((again - front).manhattanLength() < 8, // the same framing, give or take
                 qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                                .arg(again.x())
                                .arg(again.y())
                                .arg(front.x())
                                .arg(front.y())));

        const LandmarkStatus status5 = w.document()->working().at(5).status;
        QTest::keyClick(table, Qt::Key_C); // confirm 5, go to the next to review
        QCOMPARE(w.document()->working().at(5).status, LandmarkStatus::Confirmed);
        QCOMPARE(w.undoStack()->count(), 1);
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.undoStack()->index(), 0);
        QCOMPARE(w.document()->working().at(5).status, status5);

        // One click in the dataset browser opens that case.
        QTableView* browserView = datasetTable(w);
        QVERIFY(browserView);
        loaded.clear();
        QTest::mouseClick(browserView->viewport(), Qt::LeftButton, Qt::NoModifier,
                          browserView->visualRect(browserView->model()->index(2, 0)).center());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D003"));
        loaded.clear();
        QTest::mouseClick(browserView->viewport(), Qt::LeftButton, Qt::NoModifier,
                          browserView->visualRect(browserView->model()->index(0, 0)).center());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D001"));

        loaded.clear();
        QTest::keyClick(table, Qt::Key_PageDown);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D002"));
        QTest::keyClick(table, Qt::Key_PageUp);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D001"));
    }

    // Every review key works whichever part of the window has the focus: each dock's table and
    // check box, and the view. 3 / 1 turn the view, N selects the next to review, C and M set
    // the status, Ctrl+Z and Ctrl+Shift+Z undo and redo, P enters place mode and Escape leaves.
    void everyShortcutWorksFromEveryDock() {
        MainWindow w;
        openCase(w, m_data);
        QAction* place = action(w, QStringLiteral("&Place Selected Landmark by Clicking"));
        const QList<QWidget*> targets = {
            landmarkTable(w), datasetTable(w),
            w.findChild<QWidget*>(QStringLiteral("UnreviewedLandmarks")),
            w.findChild<QWidget*>(QStringLiteral("UnreviewedCases")), w.viewport()};
        for (QWidget* target : targets) {
            QVERIFY(target);
            const QString name = target->objectName();
            auto press = [&](Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
                target->setFocus();
                QVERIFY2(target->hasFocus(), qPrintable(name));
                QTest::keyClick(target, key, mods);
            };
            press(Qt::Key_1);
            const QPointF front = glyphOf(w, 3);
            press(Qt::Key_3);
            QVERIFY2((QPointF(glyphOf(w, 3)) - front).manhattanLength() > 20, qPrintable(name));
            press(Qt::Key_1);

            const int expected = w.document()->nextToReview(w.selectedLandmark());
            press(Qt::Key_N);
            QCOMPARE(w.selectedLandmark(), expected);
            const int i = w.selectedLandmark();
            const LandmarkStatus status = w.document()->working().at(i).status;
            w.selectLandmark(i);
            press(Qt::Key_C);
            QCOMPARE(w.document()->working().at(i).status, LandmarkStatus::Confirmed);
            press(Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(w.document()->working().at(i).status, status);
            press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(w.document()->working().at(i).status, LandmarkStatus::Confirmed);
            press(Qt::Key_Z, Qt::ControlModifier);
            w.selectLandmark(i);
            press(Qt::Key_M);
            QCOMPARE(w.document()->working().at(i).status, LandmarkStatus::Missing);
            press(Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(w.document()->working().at(i).status, status);

            press(Qt::Key_P);
            QVERIFY2(place->isChecked(), qPrintable(name));
            press(Qt::Key_Escape);
            QVERIFY2(!place->isChecked(), qPrintable(name));
            QCOMPARE(w.undoStack()->index(), 0);
        }
    }

    // The status bar, the landmark table, the dataset browser and the saved sidecar say the
    // same after C, M, a drag, undo, redo and Ctrl+D.
    void theSummaryTableBrowserAndSidecarAgree() {
        MainWindow w;
        openCase(w, m_saving);
        auto* browser = w.findChild<ui::DatasetModel*>();
        QTRY_COMPARE_WITH_TIMEOUT(browser->rowCount(), 2, 30000);
        QLabel* summary = nullptr;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) {
            if (l->text().startsWith(QStringLiteral("D001:"))) {
                summary = l;
            }
        }
        QVERIFY(summary);
        QTableView* table = landmarkTable(w);
        auto agree = [&](const char* after) {
            const CaseDocument& doc = *w.document();
            const int reviewed = reviewedCount(doc.working());
            const QString state = reviewStateName(doc.reviewState());
            QVERIFY2(
                summary->text().contains(
                    QStringLiteral("%1, %2/50 reviewed").arg(state).arg(reviewed)),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(after), summary->text())));
            int tableReviewed = 0;
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                const int i = table->model()->index(row, 0).data().toInt() - 1; // the # column
                QCOMPARE(table->model()->index(row, 3).data().toString(),
                         statusName(doc.working().at(i).status));
                tableReviewed += table->model()->index(row, 0).data(ui::ReviewedRole).toBool();
            }
            QCOMPARE(tableReviewed, reviewed);
            const int row = browser->rowOf(w.caseId());
            QCOMPARE(browser->index(row, ui::DatasetModel::Review).data().toString(), state);
            QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
            QVERIFY(!w.isWindowModified());
            const auto saved = readReview(sidecarPath(doc.caseInfo()));
            QVERIFY(saved);
            QCOMPARE(saved->state, doc.reviewState());
            for (int i = 0; i < 50; ++i) {
                QCOMPARE(saved->working.at(i).status, doc.working().at(i).status);
                QCOMPARE(saved->working.at(i).isPresent(), doc.working().at(i).isPresent());
                if (doc.working().at(i).isPresent()) {
                    QCOMPARE(saved->working.at(i).position, doc.working().at(i).position);
                }
            }
        };
        w.selectLandmark(0);
        QTest::keyClick(&w, Qt::Key_C);
        agree("C");
        w.selectLandmark(10);
        QTest::keyClick(&w, Qt::Key_M);
        agree("M");
        const QPoint p = glyphOf(w, 3);
        QTest::mousePress(w.viewport(), Qt::LeftButton, Qt::NoModifier, p);
        for (int step = 1; step <= 6; ++step) {
            QTest::mouseMove(w.viewport(), p + QPoint(3 * step, 2 * step));
        }
        QTest::mouseRelease(w.viewport(), Qt::LeftButton, Qt::NoModifier, p + QPoint(18, 12));
        agree("drag");
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        agree("undo");
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        agree("redo");
        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(asked);
        agree("Ctrl+D");
    }

    // A click on a landmark, without moving, leaves every coordinate of the saved review
    // byte-identical.
    void aClickLeavesTheSavedReviewByteIdentical() {
        MainWindow w;
        openCase(w, m_saving + QStringLiteral("/D002"));
        w.selectLandmark(0);
        QTest::keyClick(&w, Qt::Key_C);
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        const QString sidecar = sidecarPath(w.document()->caseInfo());
        // Each working landmark's position as written in the file (compact JSON text).
        auto coordinates = [&] {
            QFile f(sidecar);
            if (!f.open(QIODevice::ReadOnly)) {
                return QStringList();
            }
            QStringList out;
            const QJsonArray rows = QJsonDocument::fromJson(f.readAll())
                                        .object()
                                        .value(QStringLiteral("working"))
                                        .toArray();
            for (const QJsonValue& row : rows) {
                out << QString::fromUtf8(
                    QJsonDocument(row.toObject().value(QStringLiteral("position")).toArray())
                        .toJson(QJsonDocument::Compact));
            }
            return out;
        };
        const QStringList before = coordinates();
        QCOMPARE(before.size(), 50);
        QTest::qWait(600); // not a double click with what follows
        for (const int i : {3, 14, 22}) {
            QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, glyphOf(w, i));
            QCOMPARE(w.selectedLandmark(), i);
            QTest::qWait(600);
        }
        QCOMPARE(w.undoStack()->count(), 1); // only the C
        w.selectLandmark(1);
        QTest::keyClick(&w, Qt::Key_C); // something to save
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(coordinates(), before);
    }

    void aClickSelectsAndChangesNothing() {
        MainWindow w;
        openCase(w);
        const int prn = 3; // pronasale: in front, never hidden in the front view
        const LandmarkSet before = w.document()->working();
        const QPoint p = glyphOf(w, prn);
        QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, p);
        QCOMPARE(w.selectedLandmark(), prn);
        QCOMPARE(w.undoStack()->count(), 0);
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.document()->working().at(prn).position, before.at(prn).position);
        QCOMPARE(w.document()->working().at(prn).status, before.at(prn).status);
        // A press with a small tremor is still a click.
        QTest::qWait(600);
        QTest::mousePress(w.viewport(), Qt::LeftButton, Qt::NoModifier, p);
        QTest::mouseMove(w.viewport(), p + QPoint(2, 2));
        QTest::mouseRelease(w.viewport(), Qt::LeftButton, Qt::NoModifier, p + QPoint(2, 2));
        QCOMPARE(w.undoStack()->count(), 0);
        QCOMPARE(w.document()->working().at(prn).position, before.at(prn).position);
    }

    // The status bar's "N/50 reviewed" follows C (confirm) and M (missing) at once; Mark Done
    // with landmarks still unreviewed asks first, and No leaves the case as it was.
    void theSummaryIsAlwaysTrue() {
        MainWindow w;
        openCase(w);
        QLabel* summary = nullptr;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) {
            if (l->text().startsWith(QStringLiteral("D001:"))) {
                summary = l;
            }
        }
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("0/50 reviewed")),
                 qPrintable(summary->text()));
        w.selectLandmark(0);
        QTest::keyClick(&w, Qt::Key_C);
        QVERIFY2(summary->text().contains(QStringLiteral("1/50 reviewed")),
                 qPrintable(summary->text()));
        w.selectLandmark(10);
        QTest::keyClick(&w, Qt::Key_M);
        QVERIFY2(summary->text().contains(QStringLiteral("2/50 reviewed")),
                 qPrintable(summary->text()));

        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::No, &asked); });
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(asked);
        QCOMPARE(w.document()->reviewState(), ReviewState::Unreviewed);
        QCOMPARE(w.selectedLandmark(), 1); // the first still to review
        asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(asked);
        QCOMPARE(w.document()->reviewState(), ReviewState::Done);
    }

    // A landmark marked missing: Export asks before any file name (Cancel: nothing written);
    // an LA-FAS file is refused with the reason, a CSV keeps the landmark empty.
    void exportWithAMissingLandmark() {
        MainWindow w;
        openCase(w);
        w.selectLandmark(32); // Pra_L
        QTest::keyClick(&w, Qt::Key_M);
        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Cancel, &asked); });
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(asked);
        QVERIFY(!w.findChild<QFileDialog*>()); // no file name was asked for

        w.setScreenshotMode(true); // errors to the status bar instead of a dialog
        const QString txt = m_dir.filePath(QStringLiteral("out.txt"));
        QVERIFY(!w.exportLandmarks(txt));
        QVERIFY(!QFile::exists(txt));
        QVERIFY2(w.lastError().contains(QStringLiteral("Pra_L marked missing")),
                 qPrintable(w.lastError()));
        const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(w.exportLandmarks(csv));
        const LandmarkSet back = readLandmarks(csv).landmarks;
        QVERIFY(!back.at(32).isPresent());
        QCOMPARE(back.presentCount(), 49);
        // The other tools' formats keep it missing too, and every position exactly.
        for (const char* name : {"out.mrk.json", "out.fcsv", "out.pp", "out.tps"}) {
            const QString other = m_dir.filePath(QLatin1String(name));
            QVERIFY2(w.exportLandmarks(other), name);
            const LandmarkFile f = readLandmarks(other);
            QVERIFY2(f.unmatchedLabels.isEmpty(), name);
            QVERIFY2(!f.landmarks.at(32).isPresent(), name);
            QCOMPARE(f.landmarks.presentCount(), 49);
            for (int i = 0; i < 50; ++i) {
                if (back.at(i).isPresent()) {
                    QCOMPARE(f.landmarks.at(i).position, back.at(i).position);
                }
            }
        }
    }

    // A MeshLab file dropped on the window places its landmarks by label on the open case, as
    // one undo step, and says which label it could not map.
    void aDroppedLandmarkFileIsImported() {
        MainWindow w;
        openCase(w);
        const Landmark prnBefore = w.document()->working().at(3);
        const Landmark exBefore = w.document()->working().at(21); // Ex_R
        const Landmark trBefore = w.document()->working().at(0);
        const QString pp = m_dir.filePath(QStringLiteral("picked.pp"));
        pal::test::writeAll(pp, "<!DOCTYPE PickedPoints>\n<PickedPoints>\n"
                                " <point x=\"1.5\" y=\"2.5\" z=\"90\" active=\"1\" name=\"Prn\"/>\n"
                                " <point x=\"-30\" y=\"40\" z=\"60\" active=\"1\" name=\"ex_r\"/>\n"
                                " <point x=\"0\" y=\"0\" z=\"0\" active=\"1\" name=\"Bogus\"/>\n"
                                "</PickedPoints>\n");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(pp)});
        // As a drag from a file manager arrives: it enters the window (which takes it), then
        // drops. Qt delivers a drop only to the widget that took the drag's entry.
        const QPoint centre(w.width() / 2, w.height() / 2);
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        bool asked = false;
        QString text;
        QTimer::singleShot(0, this,
                           [&] { pal::test::answerModal(QMessageBox::Ok, &asked, &text); });
        QApplication::sendEvent(&w, &drop);
        QVERIFY(asked);
        QVERIFY2(text.contains(QStringLiteral("Imported 2 landmark(s) from %1").arg(pp)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Labels that name no landmark of LA-FAS-50: Bogus")),
                 qPrintable(text));
        const LandmarkSet& after = w.document()->working();
        QCOMPARE(after.at(3).position, Eigen::Vector3d(1.5, 2.5, 90));
        QCOMPARE(after.at(3).status, LandmarkStatus::Placed);
        QCOMPARE(after.at(3).provenance.source, pp);
        QCOMPARE(after.at(21).position, Eigen::Vector3d(-30, 40, 60));
        QCOMPARE(after.at(0).position, trBefore.position); // not in the file: as it was
        QCOMPARE(after.at(0).status, trBefore.status);
        QVERIFY(w.isWindowModified());
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier); // one undo step takes both back
        QCOMPARE(w.document()->working().at(3).position, prnBefore.position);
        QCOMPARE(w.document()->working().at(3).status, prnBefore.status);
        QCOMPARE(w.document()->working().at(21).position, exBefore.position);
    }

    // Opening the mesh of a case folder opens the case (its prediction, its review); the working
    // set starts from the prediction, never from the ground truth it is compared with.
    void aMeshFileOpensItsCase() {
        MainWindow w;
        w.setJournalFolder(m_dir.filePath(QStringLiteral("journal-mesh")));
        w.show();
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(m_data + QStringLiteral("/D002/mesh.obj"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D002"));
        QVERIFY(w.document()->predicted().has_value());
        QVERIFY(std::abs(w.document()->error(0) - 1.5) < 1e-6); // the prediction, not a copy
        QCOMPARE(reviewedCount(w.document()->working()), 0);

        // Without a prediction: nothing to compare yet, nothing counted as reviewed.
        const QString bare = m_dir.filePath(QStringLiteral("unpredicted"));
        QDir().mkpath(bare);
        for (const char* f : {"mesh.obj", "landmarks.txt", "transformation_matrix.npy"}) {
            QVERIFY(QFile::copy(m_data + QStringLiteral("/D003/") + QLatin1String(f),
                                bare + QLatin1Char('/') + QLatin1String(f)));
        }
        loaded.clear();
        w.openPath(bare + QStringLiteral("/mesh.obj"));
        QVERIFY(loaded.wait(30000));
        QVERIFY(w.document()->groundTruth().has_value());
        QVERIFY(!w.document()->predicted().has_value());
        QCOMPARE(w.document()->working().presentCount(), 0);
        QCOMPARE(reviewedCount(w.document()->working()), 0);
        QVERIFY(std::isnan(w.document()->meanError()));
    }

    // A landmarks file that cannot be read is said in a dialog naming it; the mesh still opens.
    // A review sidecar that cannot be read (damaged here) is said on opening and, at the first
    // save, moved aside with its bytes intact: someone's work is never written over.
    void anUnreadableReviewIsKeptAsideNotOverwritten() {
        const QString folder = m_dir.filePath(QStringLiteral("damagedreview"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(m_data + QStringLiteral("/D002/mesh.obj"), folder + "/mesh.obj"));
        const QByteArray damaged = "{\"format\": \"palstudio-review\", \"working\": [";
        pal::test::writeAll(folder + QStringLiteral("/palstudio-review.json"), damaged);
        MainWindow w;
        w.setJournalFolder(journalOfThisTest());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QString text;
        openAnsweringTheWarning(w, folder, &text);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(text.contains(QStringLiteral("palstudio-review.json")), qPrintable(text));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.selectLandmark(5);
        QTest::keyClick(&w, Qt::Key_M); // an edit, then a save
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!w.isWindowModified());
        const QStringList aside = QDir(folder).entryList(
            {QStringLiteral("palstudio-review.json.unreadable-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(pal::test::readAll(folder + QLatin1Char('/') + aside.first()), damaged);
        QVERIFY(readReview(folder + QStringLiteral("/palstudio-review.json")).has_value());
        // The next save writes over the new sidecar only: nothing more is set aside.
        w.selectLandmark(6);
        QTest::keyClick(&w, Qt::Key_M);
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(QDir(folder)
                     .entryList({QStringLiteral("palstudio-review.json.unreadable-*")}, QDir::Files)
                     .size(),
                 1);
    }

    void aBadLandmarksFileIsSaidAndTheMeshOpens() {
        const QString folder = m_dir.filePath(QStringLiteral("badlandmarks"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(m_data + QStringLiteral("/D003/mesh.obj"), folder + "/mesh.obj"));
        pal::test::writeAll(folder + QStringLiteral("/landmarks.txt"), "1\t(1, 2)\n");
        MainWindow w;
        w.setJournalFolder(m_dir.filePath(QStringLiteral("journal-bad")));
        w.show();
        QString text;
        openAnsweringTheWarning(w, folder, &text);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(text.contains(folder + QStringLiteral("/landmarks.txt:1: ")), qPrintable(text));
        QVERIFY(!w.document()->groundTruth().has_value());
        QVERIFY(w.viewport()->hasMesh());
    }

    // F1 shows the shortcut sheet, made from the window's own actions.
    void f1ShowsTheShortcuts() {
        MainWindow w;
        openCase(w);
        QTest::keyClick(&w, Qt::Key_F1);
        auto* sheet = w.findChild<QDialog*>(QStringLiteral("ShortcutSheet"));
        QVERIFY(sheet);
        QTRY_VERIFY(sheet->isVisible());
        auto* table = sheet->findChild<QTableWidget*>();
        QVERIFY(table);
        QStringList actions;
        for (int r = 0; r < table->rowCount(); ++r) {
            actions << table->item(r, 1)->text();
        }
        for (const char* a : {"Next Case", "Confirm Selected Landmark", "Front", "Undo",
                              "Place Selected Landmark by Clicking", "Leave Place Mode"}) {
            QVERIFY2(actions.contains(QLatin1String(a)), a);
        }
        sheet->close();
    }

    // A landmark chosen in the table, or by N, comes to the middle of the view.
    void choosingALandmarkBringsItIntoView() {
        MainWindow w;
        openCase(w);
        QTableView* table = landmarkTable(w);
        QVERIFY(table);
        const QPointF middle(w.viewport()->width() / 2.0, w.viewport()->height() / 2.0);
        const int gn = 11; // gnathion: at the bottom of the face, far from the middle
        auto midOf = [&](int i) {
            return (w.document()->working().at(i).position +
                    w.document()->groundTruth()->at(i).position) /
                   2.0;
        };
        QVERIFY((w.viewport()->projectToWidget(midOf(gn)) - middle).manhattanLength() > 50);
        const QRect row = table->visualRect(table->model()->index(gn, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, row.center());
        QCOMPARE(w.selectedLandmark(), gn);
        QVERIFY((w.viewport()->projectToWidget(midOf(gn)) - middle).manhattanLength() < 3);
        QTest::keyClick(&w, Qt::Key_N);
        const int next = w.selectedLandmark();
        QVERIFY(next != gn);
        QVERIFY((w.viewport()->projectToWidget(midOf(next)) - middle).manhattanLength() < 3);
    }

    // View > Error Legend hides the legend while the error lines stay.
    void theLegendCanBeHidden() {
        MainWindow w;
        openCase(w);
        QVERIFY(w.viewport()->errorLegendVisible());
        QAction* legend = action(w, QStringLiteral("Error L&egend"));
        QVERIFY(legend && legend->isChecked());
        legend->trigger();
        QVERIFY(!w.viewport()->errorLegendVisible());
        QVERIFY(w.viewport()->errorLinesVisible());
        QVERIFY(w.viewport()->errorLineCount() > 0);
        legend->trigger();
        QVERIFY(w.viewport()->errorLegendVisible());
    }

    // The audit trail (Case > History) records a drag, its undo and a confirm, each once, by
    // real mouse and key events; Save writes them to the sidecar as they are.
    void theAuditTrailRecordsADragAnUndoAndAConfirm() {
        const QString data =
            pal::test::generatedReviewDataset(m_dir.filePath(QStringLiteral("audit")), 1);
        MainWindow w;
        openCase(w, data + QStringLiteral("/D001"));
        const CaseDocument& doc = *w.document();
        QVERIFY(doc.audit().empty());
        const int prn = 3, n = 2; // pronasale and nasion: in front, never hidden
        const Landmark before = doc.working().at(prn);
        const QString nSource = doc.working().at(n).provenance.source;
        const QPoint p = glyphOf(w, prn);
        QTest::mousePress(w.viewport(), Qt::LeftButton, Qt::NoModifier, p);
        for (int step = 1; step <= 6; ++step) {
            QTest::mouseMove(w.viewport(), p + QPoint(3 * step, 2 * step));
        }
        QTest::mouseRelease(w.viewport(), Qt::LeftButton, Qt::NoModifier, p + QPoint(18, 12));
        const Eigen::Vector3d dragged = doc.working().at(prn).position;
        QCOMPARE(doc.audit().size(), std::size_t(1)); // the drag's moves are one entry
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QTest::qWait(600); // past the double-click interval
        QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, glyphOf(w, n));
        QCOMPARE(w.selectedLandmark(), n);
        QTest::keyClick(&w, Qt::Key_C);

        const std::vector<AuditEntry>& audit = doc.audit();
        QCOMPARE(audit.size(), std::size_t(3));
        QCOMPARE(audit[0].action, AuditAction::Move);
        QCOMPARE(audit[0].step, AuditStep::Do);
        QCOMPARE(audit[0].landmark, prn);
        QCOMPARE(*audit[0].from, before.position);
        QCOMPARE(*audit[0].to, dragged);
        QCOMPARE(*audit[0].fromStatus, LandmarkStatus::Predicted);
        QCOMPARE(*audit[0].toStatus, LandmarkStatus::Corrected);
        QCOMPARE(audit[0].fromSource, before.provenance.source);
        QVERIFY(!audit[0].user.isEmpty());
        QVERIFY(audit[0].when.isValid());
        QCOMPARE(audit[1].action, AuditAction::Move);
        QCOMPARE(audit[1].step, AuditStep::Undo);
        QCOMPARE(*audit[1].from, dragged);
        QCOMPARE(*audit[1].to, before.position);
        QCOMPARE(audit[2].action, AuditAction::Status);
        QCOMPARE(audit[2].landmark, n);
        QCOMPARE(*audit[2].fromStatus, LandmarkStatus::Predicted);
        QCOMPARE(*audit[2].toStatus, LandmarkStatus::Confirmed);

        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!w.isWindowModified());
        const auto saved = readReview(sidecarPath(doc.caseInfo()));
        QVERIFY(saved);
        QVERIFY(saved->audit == audit);

        // Ctrl+H shows it, one row per entry, in words.
        QTest::keyClick(&w, Qt::Key_H, Qt::ControlModifier);
        auto* history = w.findChild<QDialog*>(QStringLiteral("HistoryDialog"));
        QVERIFY(history && history->isVisible());
        auto* table = history->findChild<QTableView*>(QStringLiteral("HistoryTable"));
        QCOMPARE(table->model()->rowCount(), 3);
        const QString undone = table->model()->index(1, 2).data().toString();
        QVERIFY2(undone.startsWith(QStringLiteral("undo: moved Prn by ")), qPrintable(undone));
        QCOMPARE(
            table->model()->index(2, 2).data().toString(),
            QStringLiteral("N: predicted -> confirmed") +
                (nSource.isEmpty() ? QString() : QStringLiteral(" (was from %1)").arg(nSource)));
    }

    // Shift+T (View > Tolerance Spheres) shows a sphere of the landmark's repeatability around
    // each predicted landmark, and they are drawn; Shift+T again hides them.
    void toleranceSpheresToggleWithShiftT() {
        MainWindow w;
        openCase(w);
        ViewportWidget* view = w.viewport();
        QVERIFY(!view->toleranceSpheresVisible());
        QCOMPARE(view->toleranceSphereCount(), 0);
        const QImage without = view->grabFramebuffer();
        QTest::keyClick(&w, Qt::Key_T, Qt::ShiftModifier);
        QVERIFY(view->toleranceSpheresVisible());
        QCOMPARE(view->toleranceSphereCount(), 50);
        const QImage with = view->grabFramebuffer();
        QCOMPARE(with.size(), without.size());
        // Around Prn, a sphere of 2.25 mm over the face: the pixels beside its marker change.
        const QPoint prn = glyphOf(w, 3);
        int changed = 0;
        for (int dy = -12; dy <= 12; dy += 3) {
            for (int dx = -12; dx <= 12; dx += 3) {
                const QPoint p = prn + QPoint(dx, dy);
                changed += with.pixelColor(p) != without.pixelColor(p) ? 1 : 0;
            }
        }
        QVERIFY2(changed > 5, qPrintable(QString::number(changed)));
        QTest::keyClick(&w, Qt::Key_T, Qt::ShiftModifier);
        QVERIFY(!view->toleranceSpheresVisible());
    }

    void aDragIsOneUndoStep() {
        MainWindow w;
        openCase(w);
        const int prn = 3;
        const Eigen::Vector3d before = w.document()->working().at(prn).position;
        const QPoint p = glyphOf(w, prn);
        QTest::mousePress(w.viewport(), Qt::LeftButton, Qt::NoModifier, p);
        for (int step = 1; step <= 6; ++step) {
            QTest::mouseMove(w.viewport(), p + QPoint(3 * step, 2 * step));
        }
        QTest::mouseRelease(w.viewport(), Qt::LeftButton, Qt::NoModifier, p + QPoint(18, 12));
        QCOMPARE(w.undoStack()->count(), 1);
        QCOMPARE(w.document()->working().at(prn).status, LandmarkStatus::Corrected);
        QVERIFY((w.document()->working().at(prn).position - before).norm() > 1.0);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.document()->working().at(prn).position, before);
    }

    void placeModePlacesOnceAndEscapeLeaves() {
        MainWindow w;
        openCase(w);
        QAction* place = action(w, QStringLiteral("&Place Selected Landmark by Clicking"));
        QVERIFY(place);
        const int prn = 3;
        w.selectLandmark(prn);
        const LandmarkSet before = w.document()->working();

        // Escape leaves place mode; the click after it places nothing.
        QTest::keyClick(&w, Qt::Key_P);
        QVERIFY(place->isChecked());
        QVERIFY(w.viewport()->placementEnabled());
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!place->isChecked());
        QVERIFY(!w.viewport()->placementEnabled());
        // The forehead, half way between trichion and glabella: surface, no glyph.
        const QPoint target = (glyphOf(w, 0) + glyphOf(w, 1)) / 2;
        QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, target);
        QCOMPARE(w.undoStack()->count(), 0);

        // P, one click: the selected landmark goes there; the mode ends; nothing else moves.
        QTest::qWait(600);
        QTest::keyClick(&w, Qt::Key_P);
        QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, target);
        QCOMPARE(w.undoStack()->count(), 1);
        QVERIFY(!place->isChecked());
        QCOMPARE(w.selectedLandmark(), prn); // not advanced to another landmark
        for (int i = 0; i < before.size(); ++i) {
            if (i != prn) {
                QCOMPARE(w.document()->working().at(i).position, before.at(i).position);
            }
        }
        QVERIFY((w.document()->working().at(prn).position - before.at(prn).position).norm() > 1.0);

        // A second click, now out of place mode, changes nothing.
        QTest::qWait(600);
        QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, target + QPoint(0, 10));
        QCOMPARE(w.undoStack()->count(), 1);
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestReviewInteraction t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_review_interaction.moc"
