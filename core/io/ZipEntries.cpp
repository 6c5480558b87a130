#include "core/io/ZipEntries.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"

#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

#include <QDateTime>

#include <unistd.h>

namespace pal {

// Opens file by its native name (core/io/NativePath.h: any bytes; QuaZip(path) would open it
// through QFile's lossy encoding) and zip on it.
void openZip(QuaZip& zip, QFile& file, const QString& path, const QString& notZipProblem) {
    const int fd = openRegularFile(path);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        throw IoError(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    }
    if (file.size() == 0) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    const QByteArray head = file.read(4);
    file.seek(0);
    zip.setIoDevice(&file);
    zip.setAutoClose(false);
    if (zip.open(QuaZip::mdUnzip)) {
        return;
    }
    // A zip starts with a local file header; cut short, it loses the central directory at
    // its end, which is what minizip looks for first.
    if (head == QByteArrayLiteral("PK\x03\x04") || head == QByteArrayLiteral("PK\x05\x06")) {
        throw FormatError(path, QStringLiteral("truncated or damaged zip archive (its central "
                                               "directory is missing)"));
    }
    throw FormatError(path, notZipProblem);
}

// Makes the entry current and returns its description.
QuaZipFileInfo64 selectEntry(QuaZip& zip, const QString& name, const QString& path,
                             const QString& missingProblem) {
    if (!zip.setCurrentFile(name, QuaZip::csSensitive)) {
        throw FormatError(path, missingProblem.arg(name));
    }
    QuaZipFileInfo64 info;
    if (!zip.getCurrentFileInfo(&info)) {
        throw FormatError(
            path, QStringLiteral("damaged zip archive (cannot read the entry of %1)").arg(name));
    }
    if (info.flags & 1u) {
        throw FormatError(path, QStringLiteral("%1 is encrypted").arg(name));
    }
    if (info.method != 0 && info.method != Z_DEFLATED) {
        throw FormatError(
            path, QStringLiteral("%1 uses compression method %2; expected stored or deflated")
                      .arg(name)
                      .arg(info.method));
    }
    return info;
}

void writeZipEntry(QuaZip& zip, const QString& name, bool deflate, const QString& path,
                   const std::function<void(QuaZipFile&)>& fill) {
    QuaZipNewInfo info(name);
    // A fixed date: the same content always gives the same bytes.
    info.dateTime = QDateTime(QDate(2000, 1, 1), QTime(0, 0));
    info.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, deflate ? Z_DEFLATED : 0,
                   deflate ? Z_DEFAULT_COMPRESSION : 0)) {
        throw IoError(
            path,
            QStringLiteral("cannot write %1 (zip error %2)").arg(name).arg(file.getZipError()));
    }
    fill(file);
    file.close();
    if (file.getZipError() != ZIP_OK) {
        throw IoError(
            path,
            QStringLiteral("cannot write %1 (zip error %2)").arg(name).arg(file.getZipError()));
    }
}

} // namespace pal
