#include "core/io/InstallPaths.h"

#include <QCoreApplication>
#include <QDir>

namespace pal {
namespace {

QString exeRelative(const QString& relative) {
    const QString base =
        QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QDir::currentPath();
    return QDir::cleanPath(QDir(base).filePath(relative));
}

} // namespace

QString installedDataDir() {
    const QString env = qEnvironmentVariable("PALSTUDIO_DATA");
    return env.isEmpty() ? exeRelative(QStringLiteral("../share/palstudio")) : env;
}

QString defaultModelPath() {
    const QString env = qEnvironmentVariable("PALSTUDIO_MODEL");
    return env.isEmpty()
               ? QDir(installedDataDir()).filePath(QStringLiteral("models/default.palnet"))
               : env;
}

QString engineModulePath() {
    const QString env = qEnvironmentVariable("PALSTUDIO_ENGINE");
    return env.isEmpty() ? exeRelative(QStringLiteral("../lib/palstudio/libpalstudio_engine.so"))
                         : env;
}

} // namespace pal
