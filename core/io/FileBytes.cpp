#include "core/io/FileBytes.h"

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"
#include "core/io/NativePath.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pal {
namespace {

// Closes the descriptor on every way out, exceptions (std::bad_alloc) included.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

} // namespace

int openRegularFile(const QString& path) {
    // A pipe, device or socket could block forever or never end: only regular files are read
    // (a symbolic link counts as what it points to).
    switch (pathKind(path)) {
    case PathKind::Missing:
        throw IoError(path, QStringLiteral("file not found"));
    case PathKind::Folder:
        throw IoError(path, QStringLiteral("is a folder, not a file"));
    case PathKind::Other:
        throw IoError(path, QStringLiteral("not a regular file (a pipe, device or socket)"));
    case PathKind::File:
        break;
    }
    // O_NONBLOCK: should the file have been swapped for a pipe since, open does not wait.
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        throw IoError(path, QStringLiteral("cannot open: %1").arg(systemReason(errno)));
    }
    return fd;
}

FileBytes::FileBytes(const QString& path) {
    const Descriptor file{openRegularFile(path)};
    const int fd = file.fd;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        throw IoError(path, QStringLiteral("not a regular file (a pipe, device or socket)"));
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size == 0) {
        return;
    }
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped != MAP_FAILED) { // the mapping outlives the descriptor
        m_map = mapped;
        m_data = static_cast<const char*>(mapped);
        m_size = size;
        return;
    }
    m_buffer.resize(static_cast<qsizetype>(size));
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, m_buffer.data() + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            throw IoError(path, QStringLiteral("cannot read: %1").arg(systemReason(error)));
        }
        done += static_cast<std::size_t>(n);
    }
    m_data = m_buffer.constData();
    m_size = size;
}

FileBytes::~FileBytes() {
    if (m_map) {
        ::munmap(m_map, m_size);
    }
}

void writeFileAtomically(const QString& path, const QByteArray& data) {
    AtomicFile file(path);
    file.openForWriting();
    file.write(data); // a failure is remembered and thrown by commit()
    file.commit();
}

} // namespace pal
