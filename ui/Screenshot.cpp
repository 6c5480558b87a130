#include "ui/Screenshot.h"

#include "ui/MainWindow.h"
#include "ui/ViewportWidget.h"

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

    bool loaded = path.isEmpty();
    bool loadOk = true;
    int framesAtLoad = 0; // a frame drawn after this count shows the loaded scene
    QEventLoop loop;
    auto done = [&] { return loaded && viewport->renderedFrameCount() > framesAtLoad; };
    QObject::connect(&window, &MainWindow::loadFinished, &loop, [&](bool ok) {
        loaded = true;
        loadOk = ok;
        framesAtLoad = viewport->renderedFrameCount();
        if (!ok) {
            loop.quit();
        } else {
            viewport->update();
        }
    });
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
