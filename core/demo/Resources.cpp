#include "core/demo/Resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pal::demo {

QString defaultTemplateDir() {
    const QString env = qEnvironmentVariable("PALSTUDIO_RESOURCES");
    const QString root = env.isEmpty() ? QStringLiteral(PALSTUDIO_SOURCE_RESOURCES) : env;
    return QDir(root).filePath(QStringLiteral("demo/template"));
}

QString defaultDemoDataset() {
    QString dir = qEnvironmentVariable("PALSTUDIO_DEMO");
    if (dir.isEmpty() && QCoreApplication::instance()) {
        dir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../demo"));
    }
    if (dir.isEmpty() || !QFileInfo::exists(QDir(dir).filePath(QStringLiteral("manifest.json")))) {
        return {};
    }
    return QDir::cleanPath(dir);
}

} // namespace pal::demo
