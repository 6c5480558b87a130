#include "core/demo/Resources.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/InstallPaths.h"
#include "core/io/NativePath.h"

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
    // By native names (core/io/NativePath.h): the notice must not vanish for a folder whose
    // name is not UTF-8.
    QString dir = absolutePath(folder);
    // The case folder and two above it: a FaceScape case's mesh lies in <root>/<id>/models_reg.
    for (int up = 0; up < 3; ++up) {
        const QString manifest = QDir(dir).filePath(QStringLiteral("manifest.json"));
        if (pathKind(manifest) == PathKind::File) {
            try {
                const FileBytes bytes(manifest);
                const QJsonObject o = QJsonDocument::fromJson(bytes.bytes().left(1 << 20)).object();
                if (o.value(QStringLiteral("generated")).toBool()) {
                    return o.value(QStringLiteral("notice")).toString();
                }
            } catch (const Error&) {
                // unreadable: no notice from this folder
            }
        }
        if (dir == QLatin1String("/")) {
            break;
        }
        dir = QFileInfo(dir).path();
    }
    return {};
}

} // namespace pal::demo
