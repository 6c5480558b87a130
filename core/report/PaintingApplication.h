#pragma once

// The application object of a program that paints reports without a window (the command
// line's `report`): a QGuiApplication, which fonts need, on the "offscreen" platform unless
// QT_QPA_PLATFORM names another, so that no display is needed; and a private runtime folder
// when XDG_RUNTIME_DIR is not set (Qt would otherwise warn on stderr, which scripts read).

#include <QCoreApplication>

#include <memory>

namespace pal::report {

std::unique_ptr<QCoreApplication> makePaintingApplication(int& argc, char** argv);

} // namespace pal::report
