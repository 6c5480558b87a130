#include "core/io/AtomicFile.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pal {
namespace {} // namespace

AtomicFile::AtomicFile(const QString& path) : m_path(path) {
    m_target = absolutePath(path);
    struct stat st {};
    if (::lstat(nativePath(path).constData(), &st) == 0 && S_ISLNK(st.st_mode)) {
        // A link is followed: the file it points to is replaced (a dangling link: the file it
        // names is created).
        if (char* real = ::realpath(nativePath(path).constData(), nullptr)) {
            m_target = pathFromNative(QByteArray(real));
            std::free(real);
        } else {
            // Dangling: the name it holds, against the link's own folder when relative.
            QByteArray target(PATH_MAX, '\0');
            const ssize_t n = ::readlink(nativePath(path).constData(), target.data(), PATH_MAX);
            if (n > 0) {
                target.truncate(n);
                const QString name = pathFromNative(target);
                m_target = name.startsWith(QLatin1Char('/'))
                               ? QDir::cleanPath(name)
                               : QDir::cleanPath(folderOf(path) + QLatin1Char('/') + name);
            }
        }
    }
}

AtomicFile::~AtomicFile() {
    discard();
}

void AtomicFile::openForWriting() {
    const QFileInfo target(m_target); // for its folder and name only: no file access through it
    if (pathKind(m_target) == PathKind::Folder) {
        throw IoError(m_path, QStringLiteral("cannot write: is a folder"));
    }
    // A name no one else uses, in the destination's folder; 0666 less the umask, as any new
    // file (the old file's permission bits are kept below).
    for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
        m_temp = target.path() + QStringLiteral("/.") + target.fileName() +
                 QStringLiteral(".%1.tmp").arg(QRandomGenerator::global()->generate(), 8, 16,
                                               QLatin1Char('0'));
        m_fd =
            ::open(nativePath(m_temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd < 0 && errno != EEXIST) {
            const int error = errno;
            m_temp.clear();
            throw IoError(m_path, QStringLiteral("cannot write: %1").arg(systemReason(error)));
        }
    }
    if (m_fd < 0) {
        m_temp.clear();
        throw IoError(m_path, QStringLiteral("cannot write: no free temporary name"));
    }
    struct stat old {};
    if (::stat(nativePath(m_target).constData(), &old) == 0) {
        ::fchmod(m_fd, old.st_mode & 07777); // best effort: the content matters, not the mode
    }
    m_writeErrno = 0;
    QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 AtomicFile::writeData(const char* data, qint64 len) {
    if (m_fd < 0 || m_writeErrno != 0) {
        return -1;
    }
    qint64 done = 0;
    while (done < len) {
        const ssize_t n = ::write(m_fd, data + done, static_cast<size_t>(len - done));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            m_writeErrno = errno;
            setErrorString(systemReason(m_writeErrno));
            return -1;
        }
        if (n == 0) { // no progress: treat as a full disk
            m_writeErrno = ENOSPC;
            setErrorString(systemReason(m_writeErrno));
            return -1;
        }
        done += n;
    }
    return done;
}

bool AtomicFile::seek(qint64 pos) {
    if (m_fd < 0 || ::lseek(m_fd, static_cast<off_t>(pos), SEEK_SET) < 0) {
        return false;
    }
    return QIODevice::seek(pos);
}

qint64 AtomicFile::size() const {
    struct stat st {};
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0) {
        return 0;
    }
    return static_cast<qint64>(st.st_size);
}

void AtomicFile::fail(const QString& what, int error) {
    discard();
    throw IoError(m_path, QStringLiteral("cannot write (%1): %2; the previous file is unchanged")
                              .arg(what, systemReason(error)));
}

void AtomicFile::throwIfAWriteFailed() {
    if (m_writeErrno != 0) {
        fail(QStringLiteral("write"), m_writeErrno);
    }
}

void AtomicFile::commit() {
    if (m_fd < 0) {
        throw IoError(m_path, QStringLiteral("cannot write: the file was not opened"));
    }
    if (m_writeErrno != 0) {
        fail(QStringLiteral("write"), m_writeErrno);
    }
    if (::fsync(m_fd) != 0) {
        fail(QStringLiteral("fsync"), errno);
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        fail(QStringLiteral("close"), errno);
    }
    if (::rename(nativePath(m_temp).constData(), nativePath(m_target).constData()) != 0) {
        fail(QStringLiteral("rename"), errno);
    }
    m_temp.clear();
    QIODevice::close();
    // The rename itself on disk: best effort (the new file is already in place).
    const int dir =
        ::open(nativePath(folderOf(m_target)).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void AtomicFile::discard() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temp.isEmpty()) {
        ::unlink(nativePath(m_temp).constData());
        m_temp.clear();
    }
    if (isOpen()) {
        QIODevice::close();
    }
}

} // namespace pal
