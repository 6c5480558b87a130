#include "core/report/PaintingApplication.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <sys/stat.h>
#include <unistd.h>

namespace pal::report {

namespace {

// Without XDG_RUNTIME_DIR (a cron job, a container, ssh without a login session) Qt's platform
// prints a warning on stderr and uses <temp>/runtime-<user>. A script reading the command's
// stderr would take it for a problem: the same kind of folder is made here, private to the
// user, and named in the variable. Left alone when such a folder exists but is not ours and
// private (Qt then says so itself).
void provideRuntimeFolder() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        return;
    }
    const QByteArray dir = QFile::encodeName(QDir::tempPath()) + "/runtime-" +
                           QByteArray::number(static_cast<qulonglong>(::getuid()));
    ::mkdir(dir.constData(), 0700); // fails harmlessly when it exists
    struct stat st {};
    if (::lstat(dir.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() &&
        (st.st_mode & 0777) == 0700) {
        qputenv("XDG_RUNTIME_DIR", dir);
    }
}

} // namespace

std::unique_ptr<QCoreApplication> makePaintingApplication(int& argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    provideRuntimeFolder();
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace pal::report
