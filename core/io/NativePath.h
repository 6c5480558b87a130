#pragma once

// File names as the operating system gives them. A Linux file name is bytes; Qt 6 decodes every
// name as UTF-8 and turns invalid bytes into U+FFFD, so a folder named in Latin-1 ("caso_\xe9",
// common in archives made on older systems) can be listed by QDir but never opened again: its
// QString no longer leads back to its bytes. PAL Studio's core reaches files through these
// functions instead, which keep every byte:
// - valid UTF-8 decodes exactly as Qt decodes it (so nothing changes for ordinary names);
// - each byte of an invalid sequence becomes the lone surrogate U+DC80..U+DCFF ("surrogate
//   escape", as Python does it), and encoding turns it back into that byte.
// Qt's own file classes (QFile, QDir, QFileInfo) must not be given such names to open, list or
// test, nor to make absolute (QFileInfo::absoluteFilePath goes through the lossy encoding);
// their pure string operations (QDir::filePath, QDir::cleanPath, QFileInfo::path, fileName,
// suffix) are fine.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pal {

QString pathFromNative(const QByteArray& bytes);
// A name holding U+0000 names no file: it becomes the empty name (which nothing can open).
QByteArray nativePath(const QString& path);

// path made absolute (against the current folder) and cleaned, by string operations only.
QString absolutePath(const QString& path);
// The absolute folder that holds path.
QString folderOf(const QString& path);
// path with every link resolved (realpath), or absolutePath(path) when it does not exist.
QString canonicalPath(const QString& path);

// A file's size and modification time (ms since the epoch), links followed; false if missing.
bool fileStamp(const QString& path, qint64& size, qint64& modifiedMs);

enum class PathKind { Missing, File, Folder, Other }; // Other: a pipe, device or socket

// What is at path, a symbolic link followed (a dangling link is Missing).
PathKind pathKind(const QString& path);
inline bool pathExists(const QString& path) {
    return pathKind(path) != PathKind::Missing;
}

// The names in folder of one kind (File or Folder, links followed), without hidden ones (a
// leading '.'), sorted by QString order; empty when folder cannot be read.
QStringList folderEntries(const QString& folder, PathKind kind);

// Creates folder and its missing parents (mode 0777 less the umask); true when it exists after.
bool makeFolders(const QString& folder);

} // namespace pal
