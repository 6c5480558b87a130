// The main window opens cases off the GUI thread, shows errors without crashing, and the
// `--screenshot` flow saves a picture. Runs under Xvfb (tests/ui/CMakeLists.txt).

#include "UiTestSupport.h"

#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"
#include "core/workflow/Job.h"
#include "core/workflow/JobCentre.h"
#include "tests/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Screenshot.h"
#include "ui/ViewportWidget.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using pal::ui::MainWindow;
using pal::ui::takeScreenshot;

namespace {

// A background job that only takes time (the window's job centre runs it).
class SleepingJob : public pal::Job {
public:
    explicit SleepingJob(int ms) : pal::Job(QStringLiteral("Sleeping")), m_ms(ms) {}
    ~SleepingJob() override { stopAndWait(); }

protected:
    void work(const std::atomic<bool>& cancel) override {
        for (int slept = 0; slept < m_ms && !cancel; slept += 10) {
            QThread::msleep(10);
        }
    }

private:
    int m_ms;
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_case; // an LA-FAS case folder: mesh.obj + landmarks.txt
    QString m_broken;

    static QString outputPath(const QString& name) {
        return QDir(QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR)).filePath(name);
    }

    static void checkScreenshot(const QString& png) {
        QVERIFY2(QFile::exists(png), qPrintable(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1280, 800));
        QVERIFY2(pal::test::distinctColours(image) > 50,
                 qPrintable(QStringLiteral("%1 colours").arg(pal::test::distinctColours(image))));
        // The scene's centre shows the face, not the background.
        QVERIFY(pal::test::colourDistance(image.pixelColor(640, 420),
                                          pal::ui::ViewportWidget::backgroundBottom()) > 90);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath(QStringLiteral("case001"));
        QVERIFY(QDir().mkpath(m_case));
        pal::Mesh sphere = pal::test::uvSphere(80.0);
        sphere.uvs.resize(0, 2);
        sphere.triangleUVs.resize(0, 3);
        pal::writeMesh(sphere, QDir(m_case).filePath(QStringLiteral("mesh.obj")));
        pal::LandmarkSet set;
        for (int i = 0; i < set.size(); ++i) {
            const double phi = -60.0 + 12.0 * (i % 10), lat = -40.0 + 20.0 * (i / 10);
            set.setPosition(i, pal::test::spherePoint(80.0, phi, lat), pal::LandmarkStatus::Placed);
        }
        pal::writeLandmarks(QDir(m_case).filePath(QStringLiteral("landmarks.txt")), set);

        m_broken = m_dir.filePath(QStringLiteral("broken.obj"));
        QFile broken(m_broken);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("v 0 0 0\nv 1 0 0\nf 1 2 7\nthis is not obj\n");
    }

    void opensACaseFolderInTheBackground() {
        MainWindow window;
        window.setScreenshotMode(true);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openPath(m_case);
        QVERIFY(window.isLoading() || finished.count() == 1);
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!window.isLoading());
        QCOMPARE(window.caseId(), QStringLiteral("case001"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("case001")));
        // The project's icon, in the sizes a desktop asks for (resources/icons).
        QVERIFY(window.windowIcon().availableSizes().contains(QSize(256, 256)));
        QVERIFY(window.windowIcon().availableSizes().contains(QSize(16, 16)));
        QVERIFY(!window.windowIcon().pixmap(48, 48).isNull());
        QVERIFY(window.viewport()->hasMesh());
        QVERIFY2(window.lastWarnings().isEmpty(), qPrintable(window.lastWarnings().join('\n')));
    }

    void reportsBadInputWithoutCrashing() {
        MainWindow window;
        window.resize(900, 600);
        const QString missing = m_dir.filePath(QStringLiteral("no-such-case"));
        {
            const pal::ui::ScreenshotOutcome outcome =
                takeScreenshot(window, missing, outputPath(QStringLiteral("never.png")));
            QCOMPARE(outcome.exitCode, 2);
            QVERIFY2(outcome.message.contains(missing), qPrintable(outcome.message));
            QCOMPARE(window.lastError(), outcome.message);
        }
        const pal::ui::ScreenshotOutcome outcome =
            takeScreenshot(window, m_broken, outputPath(QStringLiteral("never.png")));
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.message.contains(QStringLiteral("broken.obj")),
                 qPrintable(outcome.message));
        QVERIFY(!window.viewport()->hasMesh());
        QVERIFY(!QFile::exists(outputPath(QStringLiteral("never.png"))));

        // The window still works after the errors.
        const QString png = outputPath(QStringLiteral("after-errors.png"));
        QCOMPARE(takeScreenshot(window, m_case, png).exitCode, 0);
        QVERIFY(window.lastError().isEmpty());
    }

    void savesAScreenshotOfTheWindow() {
        MainWindow window;
        window.resize(1280, 800);
        const QString png = outputPath(QStringLiteral("mainwindow_screenshot.png"));
        QFile::remove(png);
        const pal::ui::ScreenshotOutcome outcome = takeScreenshot(window, m_case, png);
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(outcome.message, png);
        checkScreenshot(png);
    }

    // A screenshot waits for the jobs running in the window (opening a dataset starts its
    // summary; a prediction may follow) and for a frame drawn after them: the picture is the
    // settled window, not "Opening..." with the status bar half made.
    void aScreenshotWaitsForTheWindowsJobs() {
        MainWindow window;
        window.resize(1280, 800);
        auto* job = window.jobCentre()->start(std::make_unique<SleepingJob>(800));
        bool jobEnded = false;
        connect(job, &pal::Job::ended, this, [&] { jobEnded = true; });
        const QString png = outputPath(QStringLiteral("mainwindow_settled_screenshot.png"));
        const pal::ui::ScreenshotOutcome outcome = takeScreenshot(window, m_case, png);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(jobEnded);
        QVERIFY(window.jobCentre()->isIdle());
        checkScreenshot(png);
    }

    void theApplicationTakesScreenshotsAndExitCodes() {
#ifndef PALSTUDIO_GUI_EXECUTABLE
        QSKIP("the palstudio executable is not built");
#else
        const QString exe = QStringLiteral(PALSTUDIO_GUI_EXECUTABLE);
        const QString png = outputPath(QStringLiteral("palstudio_screenshot.png"));
        QFile::remove(png);
        QProcess app;
        app.start(exe, {m_case, QStringLiteral("--screenshot"), png});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(QString::fromLocal8Bit(app.readAllStandardOutput()).trimmed(), png);
        checkScreenshot(png);

        // --version: the versions and the model, without opening a window.
        app.start(exe, {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitCode(), 0);
        const QString version = QString::fromLocal8Bit(app.readAllStandardOutput());
        QVERIFY2(version.startsWith(QStringLiteral("palstudio ")) &&
                     version.contains(QStringLiteral("\nQt ")) &&
                     version.contains(QStringLiteral("\nVTK 9.")) &&
                     version.contains(QStringLiteral("\nmodel: ")),
                 qPrintable(version));

        app.start(exe, {m_broken, QStringLiteral("--screenshot"), png + QStringLiteral(".x")});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(QString::fromLocal8Bit(app.readAllStandardError()).contains("broken.obj"));
#endif
    }

    void opensInTheDefaultViewWithLabelsOff() {
        MainWindow window;
        window.resize(900, 600);
        window.setDefaultView(pal::ui::StandardView::Left);
        QCOMPARE(window.defaultView(), pal::ui::StandardView::Left);
        window.setLabelsVisible(false);
        const QString png = outputPath(QStringLiteral("left-no-labels.png"));
        QCOMPARE(takeScreenshot(window, m_case, png).exitCode, 0);
        pal::ui::ViewportWidget* view = window.viewport();
        QVERIFY(!view->labelsVisible());
        QCOMPARE(view->visibleLabelCount(), 0);
        // The subject's left (+X) faces the camera.
        const QPointF centre(view->width() / 2.0, view->height() / 2.0);
        QVERIFY((view->projectToWidget({80, 0, 0}) - centre).manhattanLength() < 3);
        window.setLabelsVisible(true);
        QVERIFY(view->labelsVisible());
    }

    void theApplicationTakesViewAndLabelOptions() {
#ifndef PALSTUDIO_GUI_EXECUTABLE
        QSKIP("the palstudio executable is not built");
#else
        const QString exe = QStringLiteral(PALSTUDIO_GUI_EXECUTABLE);
        for (const QString& side : {QStringLiteral("left"), QStringLiteral("top")}) {
            const QString png = outputPath(QStringLiteral("palstudio_%1.png").arg(side));
            QFile::remove(png);
            QProcess app;
            app.start(exe, {m_case, QStringLiteral("--view"), side, QStringLiteral("--no-labels"),
                            QStringLiteral("--screenshot"), png});
            QVERIFY(app.waitForFinished(120000));
            QCOMPARE(app.exitCode(), 0);
            checkScreenshot(png);
        }

        QProcess bad;
        const QString png = outputPath(QStringLiteral("palstudio_bad_view.png"));
        QFile::remove(png);
        bad.start(exe, {m_case, QStringLiteral("--view"), QStringLiteral("sideways"),
                        QStringLiteral("--screenshot"), png});
        QVERIFY(bad.waitForFinished(120000));
        QCOMPARE(bad.exitStatus(), QProcess::NormalExit);
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(QString::fromLocal8Bit(bad.readAllStandardError()).contains("sideways"));
        QVERIFY(!QFile::exists(png));
#endif
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
