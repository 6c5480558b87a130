#pragma once

// `palstudio [PATH] --screenshot PNG`: open, render once, save the window as a picture.

#include <QString>

namespace pal::ui {

class MainWindow;

struct ScreenshotOutcome {
    int exitCode = 0; // 0 saved, 2 bad input, 4 no frame in time or the PNG not written
    QString message;  // the PNG's absolute path, or what went wrong
};

// Shows window, opens path (unless empty), waits until the open ended, no job runs in the
// window and the viewport drew a frame after both, then saves QWidget::grab() of the window,
// with the viewport's frame drawn in, as png. Errors never raise a dialog (the window is put
// in screenshot mode).
ScreenshotOutcome takeScreenshot(MainWindow& window, const QString& path, const QString& png,
                                 int timeoutMs = 120000);

} // namespace pal::ui
