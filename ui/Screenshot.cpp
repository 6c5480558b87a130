#include "ui/Screenshot.h"

#include "core/workflow/JobCentre.h"
#include "ui/MainWindow.h"
#include "ui/ViewportWidget.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

namespace pal::ui {

ScreenshotOutcome takeScreenshot(MainWindow& window, const QString& path, const QString& png,
                                 int timeoutMs) {
    window.setScreenshotMode(true);
    ViewportWidget* viewport = window.viewport();

    // The picture is taken when the case is loaded, every job running in the window (one its
    // opening started, such as a prediction) has ended, and a frame was drawn after both: the
    // window as a user sees it once it has settled.
    JobCentre* jobs = window.jobCentre();
    bool loaded = path.isEmpty();
    bool loadOk = true;
    int framesAtSettle = 0; // a frame drawn after this count shows the settled window
    bool settled = false;
    QEventLoop loop;
    auto done = [&] { return settled && viewport->renderedFrameCount() > framesAtSettle; };
    auto settleIfIdle = [&] {
        if (loaded && !settled && jobs->isIdle()) {
            settled = true;
            framesAtSettle = viewport->renderedFrameCount();
            viewport->update();
        }
    };
    QObject::connect(&window, &MainWindow::loadFinished, &loop, [&](bool ok) {
        loaded = true;
        loadOk = ok;
        if (!ok) {
            loop.quit();
        } else {
            settleIfIdle();
        }
    });
    // After the job's own handlers; the centre forgets it only when this returns.
    QObject::connect(jobs, &JobCentre::jobEnded, &loop,
                     [&] { QTimer::singleShot(0, &loop, settleIfIdle); });
    QObject::connect(viewport, &ViewportWidget::frameRendered, &loop, [&] {
        if (done()) {
            loop.quit();
        }
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);

    window.show();
    if (!path.isEmpty()) {
        window.openPath(path);
    }
    settleIfIdle(); // no PATH: nothing to wait for
    timeout.start(timeoutMs);
    if (!done()) {
        loop.exec();
    }
    if (!loadOk) {
        return {2, window.lastError()};
    }
    if (!done()) {
        return {4, QStringLiteral("no frame was rendered within %1 s").arg(timeoutMs / 1000)};
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // a text changed last
    // QWidget::grab() leaves the viewport's native window out: its frame is drawn in.
    QPixmap picture = window.grab();
    if (viewport->isVisible()) {
        const QImage frame = viewport->grabFramebuffer();
        QPainter painter(&picture);
        painter.drawImage(QRectF(viewport->mapTo(&window, QPoint(0, 0)), viewport->size()), frame);
    }
    const QString target = QFileInfo(png).absoluteFilePath();
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (picture.isNull() || !picture.save(target, "PNG")) {
        return {4, QStringLiteral("%1: cannot write the screenshot").arg(target)};
    }
    return {0, target};
}

} // namespace pal::ui
