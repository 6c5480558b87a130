#include "core/report/PaintingApplication.h"

#include <QGuiApplication>

namespace pal::report {

std::unique_ptr<QCoreApplication> makePaintingApplication(int& argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace pal::report
