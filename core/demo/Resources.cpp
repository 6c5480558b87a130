#include "core/demo/Resources.h"

#include "core/io/InstallPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace pal::demo {

QString defaultTemplateDir() {
    const QString env = qEnvironmentVariable("PALSTUDIO_RESOURCES");
    const QString root = env.isEmpty() ? installedDataDir() : env;
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

QString generatedDataNotice(const QString& folder) {
    QDir dir(folder);
    for (int up = 0; up < 2; ++up) {
        QFile f(dir.filePath(QStringLiteral("manifest.json")));
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(f.read(1 << 20)).object();
            if (o.value(QStringLiteral("generated")).toBool()) {
                return o.value(QStringLiteral("notice")).toString();
            }
        }
        if (!dir.cdUp()) {
            break;
        }
    }
    return {};
}

} // namespace pal::demo
