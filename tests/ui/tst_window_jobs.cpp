// The window's background work through real key and mouse events: a prediction started on
// one case that ends while another case is open writes the first case's file and leaves the
// open case alone; undoing back to the saved state is not "modified"; a prediction can be
// cancelled from the status bar while another job runs. Uses the engine module and the
// default model of the build tree on a GENERATED dataset.

#include "ReviewWindowSupport.h"
#include "UiTestSupport.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/io/InstallPaths.h"
#include "core/review/CaseDocument.h"
#include "core/workflow/CaseFiles.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/JobCentre.h"
#include "tests/TestSupport.h"
#include "ui/JobsWidget.h"
#include "ui/MainWindow.h"
#include "ui/review/DatasetModel.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace pal;
using pal::ui::MainWindow;

class TestWindowJobs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    void open(MainWindow& w, const QString& path) {
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(path);
        QVERIFY(loaded.wait(30000));
        QVERIFY2(loaded.first().at(0).toBool(), qPrintable(w.lastError()));
    }

    // Shown and active: shortcuts reach an active window only.
    void show(MainWindow& w, QSize size) {
        w.setJournalFolder(m_dir.filePath(QStringLiteral("journal")));
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }

    // Page Down follows the dataset browser, which is filled by a job of its own.
    static void waitForBrowser(MainWindow& w) {
        auto* browser = w.findChild<ui::DatasetModel*>();
        QVERIFY(browser);
        QTRY_COMPARE_WITH_TIMEOUT(browser->rowCount(), 3, 30000);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("model/path")); // the default model, whatever ran before
        // Full-size faces: a prediction takes longer than an open.
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 3, 2);
    }

    void aLatePredictionGoesToItsOwnCase() {
        MainWindow w;
        show(w, QSize(1000, 700));
        open(w, m_data);
        waitForBrowser(w);
        QCOMPARE(w.caseId(), QStringLiteral("D001"));
        QVERIFY(!w.document()->predicted());

        QSignalSpy predicted(&w, &MainWindow::predictionFinished);
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier); // Predict This Case (D001)
        QTest::keyClick(&w, Qt::Key_PageDown);               // next case: D002
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D002"));
        QVERIFY2(predicted.isEmpty(), "the prediction ended before D002 was open: no race");
        QVERIFY(predicted.wait(120000));
        QCOMPARE(predicted.first().at(0).toBool(), true);

        // D001's file is written; D002 on screen has no prediction of anyone's.
        QVERIFY(QFile::exists(m_data + QStringLiteral("/D001/landmarks.predicted.txt")));
        QVERIFY(!QFile::exists(m_data + QStringLiteral("/D002/landmarks.predicted.txt")));
        QCOMPARE(w.caseId(), QStringLiteral("D002"));
        QVERIFY(!w.document()->predicted());
        QVERIFY(!w.isWindowModified());
    }

    // Predicting again with another model (as after "Use This Model") replaces the prediction
    // in one undo step; Ctrl+Z brings back the previous model's prediction and working set.
    void aPredictionWithAnotherModelIsTakenBack() {
        const QString other = m_dir.filePath(QStringLiteral("other.palnet"));
        QVERIFY(QFile::copy(defaultModelPath(), other));
        struct ForgetModel {
            ~ForgetModel() { QSettings().remove(QStringLiteral("model/path")); }
        } forget; // even when a check below fails
        // A case of its own: the edit below stays unsaved (with its journal) when the test ends.
        const QString data =
            pal::test::generatedDataset(m_dir.filePath(QStringLiteral("own")), 1, 2);
        MainWindow w;
        show(w, QSize(1000, 700));
        open(w, data + QStringLiteral("/D001"));
        QSignalSpy predicted(&w, &MainWindow::predictionFinished);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(predicted.wait(120000));
        QVERIFY(w.document()->predicted());
        const LandmarkSet first = *w.document()->predicted();
        QVERIFY(first.at(0).provenance.source.startsWith(QStringLiteral("default.palnet")));
        w.selectLandmark(7);
        QTest::keyClick(&w, Qt::Key_M); // the clinician marks one landmark missing
        const LandmarkSet edited = w.document()->working();
        const int steps = w.undoStack()->count();

        QSettings().setValue(QStringLiteral("model/path"), other);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(predicted.wait(120000));
        QCOMPARE(w.undoStack()->count(), steps + 1); // one step
        QVERIFY(w.document()->predicted()->at(0).provenance.source.startsWith(
            QStringLiteral("other.palnet")));
        QCOMPARE(w.document()->working().at(7).status, LandmarkStatus::Missing); // kept

        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.undoStack()->count(), steps + 1);
        QCOMPARE(w.undoStack()->index(), steps);
        QVERIFY(w.document()->predicted()->at(0).provenance.source.startsWith(
            QStringLiteral("default.palnet")));
        for (int i = 0; i < first.size(); ++i) {
            QCOMPARE(w.document()->predicted()->at(i).position, first.at(i).position);
            QCOMPARE(w.document()->working().at(i).status, edited.at(i).status);
            QCOMPARE(w.document()->working().at(i).provenance.source,
                     edited.at(i).provenance.source);
        }
    }

    // Model > Device: the choice is kept and the status bar says where predictions run; a CUDA
    // that this LibTorch does not have fails with that reason, never as a silent CPU run.
    void theDeviceMenuChoosesWherePredictionsRun() {
        struct ForgetDevice {
            ~ForgetDevice() { QSettings().remove(QStringLiteral("engine/device")); }
        } forget;
        // A case of its own: the prediction leaves it unsaved (with its journal), which would
        // offer a recovery to the tests that open the shared dataset.
        const QString data =
            pal::test::generatedDataset(m_dir.filePath(QStringLiteral("device")), 1);
        MainWindow w;
        w.setScreenshotMode(true); // errors go to the status bar, not to a dialog
        show(w, QSize(1000, 700));
        open(w, data + QStringLiteral("/D001"));
        auto* menu = w.findChild<QMenu*>(QStringLiteral("DeviceMenu"));
        QVERIFY(menu);
        auto action = [&](const QString& text) {
            for (QAction* a : menu->actions()) {
                if (a->text() == text) {
                    return a;
                }
            }
            return static_cast<QAction*>(nullptr);
        };
        QLabel* label = nullptr;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) {
            if (l->text().startsWith(QStringLiteral("Model: "))) {
                label = l;
            }
        }
        QVERIFY(label);
        QVERIFY2(label->text().endsWith(QStringLiteral(" on automatic device")),
                 qPrintable(label->text()));
        QVERIFY(action(QStringLiteral("&CPU")));
        action(QStringLiteral("&CPU"))->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("engine/device")).toString(),
                 QStringLiteral("cpu"));
        QVERIFY2(label->text().endsWith(QStringLiteral(" on CPU")), qPrintable(label->text()));
        QSignalSpy predicted(&w, &MainWindow::predictionFinished);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(predicted.wait(120000));
        QVERIFY(predicted.last().at(0).toBool());
        QVERIFY2(label->text().endsWith(QStringLiteral(" on cpu")), qPrintable(label->text()));

        if (pal::loadEngine().runtimeInfo().cudaCompiled) {
            return; // a CUDA build may run on the GPU: nothing to refuse here
        }
        action(QStringLiteral("CUDA &GPU"))->trigger();
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(predicted.wait(120000));
        QVERIFY(!predicted.last().at(0).toBool());
        const QString said = w.statusBar()->currentMessage(); // a dialog outside this mode
        QVERIFY2(said.contains(QStringLiteral("Model > Device): this LibTorch")) &&
                     said.contains(QStringLiteral("CPU-only")),
                 qPrintable(said));
    }

    // Two bare meshes in one folder are two cases: a prediction of one never lands on the other.
    void bareMeshesInOneFolderKeepTheirPredictions() {
        QTemporaryDir scans;
        const QString a = scans.filePath(QStringLiteral("a.obj"));
        const QString b = scans.filePath(QStringLiteral("b.obj"));
        QVERIFY(QFile::copy(m_data + QStringLiteral("/D001/mesh.obj"), a));
        QVERIFY(QFile::copy(m_data + QStringLiteral("/D002/mesh.obj"), b));
        MainWindow w;
        show(w, QSize(1000, 700));
        open(w, a);
        QSignalSpy predicted(&w, &MainWindow::predictionFinished);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier); // predict a.obj
        open(w, b);
        QVERIFY2(predicted.isEmpty(), "the prediction ended before b.obj was open: no race");
        QVERIFY(predicted.wait(120000));
        QVERIFY(QFile::exists(scans.filePath(QStringLiteral("a.landmarks.predicted.txt"))));
        QCOMPARE(w.caseId(), QStringLiteral("b"));
        QVERIFY(!w.document()->predicted());
        QVERIFY(!w.isWindowModified());
    }

    // An edit made while another case is being read is asked about when the read ends;
    // answering Cancel keeps the case and its edit on screen, and its journal.
    void anEditDuringALoadIsNotDropped() {
        MainWindow w;
        const QString journal = m_dir.filePath(QStringLiteral("journal-during-load"));
        show(w, QSize(1000, 700));
        w.setJournalFolder(journal);
        open(w, m_data);
        waitForBrowser(w);
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        QTest::keyClick(&w, Qt::Key_PageDown); // D002 is being read...
        w.selectLandmark(7);
        QTest::keyClick(&w, Qt::Key_M); // ... while D001 is edited
        QVERIFY(w.isWindowModified());
        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Cancel, &asked); });
        QVERIFY(loaded.wait(30000));
        QVERIFY(asked);
        QCOMPARE(loaded.first().at(0).toBool(), false);
        QCOMPARE(w.caseId(), QStringLiteral("D001"));
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.document()->working().at(7).status, LandmarkStatus::Missing);
        QTRY_COMPARE(QDir(journal).entryList(QDir::Files).size(), 1);
    }

    // A recovered case is modified; the next case opened after it is not.
    void theCaseAfterARecoveredOneIsClean() {
        const QString journal = m_dir.filePath(QStringLiteral("journal-recover"));
        {
            MainWindow w;
            show(w, QSize(1000, 700));
            w.setJournalFolder(journal);
            open(w, m_data + QStringLiteral("/D002"));
            w.selectLandmark(3);
            QTest::keyClick(&w, Qt::Key_M);
            QTRY_COMPARE(QDir(journal).entryList(QDir::Files).size(), 1);
        } // "killed": no save, no discard
        MainWindow w;
        w.setScreenshotMode(true); // recovers without asking
        show(w, QSize(1000, 700));
        w.setJournalFolder(journal);
        open(w, m_data + QStringLiteral("/D002"));
        QVERIFY(w.isWindowModified());
        open(w, m_data + QStringLiteral("/D001"));
        QVERIFY(!w.isWindowModified());
        QVERIFY(!w.undoStack()->canUndo());
    }

    void undoingBackToTheSaveIsNotModified() {
        MainWindow w;
        show(w, QSize(1000, 700));
        open(w, m_data + QStringLiteral("/D003"));
        w.selectLandmark(4);
        QTest::keyClick(&w, Qt::Key_M); // mark missing: an edit
        QVERIFY(w.isWindowModified());
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!w.isWindowModified());
        QTest::keyClick(&w, Qt::Key_M);
        QVERIFY(w.isWindowModified());
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier); // save
        QVERIFY(!w.isWindowModified());
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier); // before the save: modified
        QVERIFY(w.isWindowModified());
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo
        QVERIFY(!w.isWindowModified());
    }

    void cancelAPredictionWhileACaseOpens() {
        MainWindow w;
        show(w, QSize(1200, 700));
        open(w, m_data);
        waitForBrowser(w);
        for (const char* id : {"D001", "D002", "D003"}) {
            QFile::remove(m_data + QLatin1Char('/') + QLatin1String(id) +
                          QStringLiteral("/landmarks.predicted.txt"));
        }
        QSignalSpy predicted(&w, &MainWindow::predictionFinished);
        auto* jobsView = w.findChild<ui::JobsWidget*>();
        QVERIFY(jobsView);
        QTest::keyClick(&w, Qt::Key_PageDown); // a load ...
        for (QAction* a : w.findChildren<QAction*>()) {
            if (a->text().contains(QStringLiteral("Whole &Dataset"))) {
                a->trigger(); // ... and a dataset prediction run together
            }
        }
        QTRY_VERIFY(w.jobCentre()->jobs().size() >= 1);
        Job* prediction = nullptr;
        for (Job* j : w.jobCentre()->jobs()) {
            if (j->title().startsWith(QStringLiteral("Predicting"))) {
                prediction = j;
            }
        }
        QVERIFY(prediction);
        auto* cancel = qobject_cast<QPushButton*>(jobsView->cancelButtonOf(prediction));
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(predicted.wait(120000));
        QCOMPARE(predicted.first().at(0).toBool(), false); // cancelled: not a full run
        QTRY_COMPARE(w.caseId(), QStringLiteral("D002"));  // the open went on
        int written = 0;
        for (const char* id : {"D001", "D002", "D003"}) {
            written += QFile::exists(m_data + QLatin1Char('/') + QLatin1String(id) +
                                     QStringLiteral("/landmarks.predicted.txt"));
        }
        QVERIFY(written < 3);
    }

    // A FaceScape dataset (the generated stand-in) opens with its 68 landmarks in the table and
    // the ground truth from the mesh's vertices; predicting it with the default LA-FAS model is
    // refused with the schemas named, and nothing changes.
    void aFaceScapeCaseShowsItsSixtyEightLandmarks() {
        const QString root =
            pal::test::generatedFaceScape(m_dir.filePath(QStringLiteral("facescape")), 2, 0);
        MainWindow w;
        show(w, QSize(1000, 700));
        open(w, root);
        QCOMPARE(w.caseId(), QStringLiteral("1"));
        QCOMPARE(w.document()->working().size(), 68);
        QVERIFY(w.document()->groundTruth());
        QCOMPARE(w.document()->groundTruth()->presentCount(), 68);
        auto* table = pal::test::landmarkTable(w);
        QCOMPARE(table->model()->rowCount(), 68);
        QCOMPARE(table->model()->index(8, 1).data().toString(), QStringLiteral("Jaw09"));

        bool asked = false;
        QString text;
        QTimer::singleShot(0, this,
                           [&] { pal::test::answerModal(QMessageBox::Ok, &asked, &text); });
        QSignalSpy predicted(&w, &MainWindow::predictionFinished);
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier); // Predict This Case
        QVERIFY(predicted.wait(120000));
        QCOMPARE(predicted.first().at(0).toBool(), false);
        QVERIFY(asked);
        QVERIFY2(text.contains(QStringLiteral("the model predicts the LA-FAS-50 (50 landmarks); "
                                              "this case follows FaceScape-68 (68 landmarks)")),
                 qPrintable(text));
        QVERIFY(!w.document()->predicted());
        QCOMPARE(w.document()->working().size(), 68);
        QVERIFY(!w.isWindowModified());
    }
};

QTEST_MAIN(TestWindowJobs)
#include "tst_window_jobs.moc"
