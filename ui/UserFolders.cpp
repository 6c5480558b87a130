#include "ui/UserFolders.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>

namespace pal::ui {
namespace {

const QString kName = QStringLiteral("palstudio");
const QString kOldName = QStringLiteral("PAL Studio");

} // namespace

void setApplicationNames() {
    QCoreApplication::setOrganizationName(kName);
    QCoreApplication::setApplicationName(kName);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("PAL Studio"));
}

QString journalFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(kName + QStringLiteral("/journal"));
}

QString migrateUserFolders() {
    QStringList moved;
    const QDir config(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    const QString oldSettings =
        config.filePath(kOldName + QLatin1Char('/') + kOldName + QStringLiteral(".conf"));
    const QString newSettings = QSettings().fileName();
    if (QFileInfo::exists(oldSettings) && !QFileInfo::exists(newSettings) &&
        QDir().mkpath(QFileInfo(newSettings).absolutePath()) &&
        QFile::rename(oldSettings, newSettings)) {
        moved << QStringLiteral("%1 -> %2").arg(oldSettings, newSettings);
        config.rmdir(kOldName); // only when empty
    }
    const QDir data(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    QDir oldJournal(
        data.filePath(kOldName + QLatin1Char('/') + kOldName + QStringLiteral("/journal")));
    if (oldJournal.exists()) {
        const QDir newJournal(journalFolder());
        QDir().mkpath(newJournal.path());
        for (const QString& name : oldJournal.entryList(QDir::Files)) {
            const QString to = newJournal.filePath(name);
            if (!QFileInfo::exists(to) && QFile::rename(oldJournal.filePath(name), to)) {
                moved << QStringLiteral("%1 -> %2").arg(oldJournal.filePath(name), to);
            }
        }
        // Empty folders only: a file that could not move stays where it was.
        data.rmdir(kOldName + QLatin1Char('/') + kOldName + QStringLiteral("/journal"));
        data.rmdir(kOldName + QLatin1Char('/') + kOldName);
        data.rmdir(kOldName);
    }
    return moved.join(QLatin1Char('\n'));
}

} // namespace pal::ui
