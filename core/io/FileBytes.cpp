#include "core/io/FileBytes.h"

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"

#include <QFile>
#include <QFileInfo>

namespace pal {

FileBytes::FileBytes(const QString& path) : m_file(std::make_unique<QFile>(path)) {
    const QFileInfo info(path);
    if (!info.exists()) {
        throw IoError(path, QStringLiteral("file not found"));
    }
    if (info.isDir()) {
        throw IoError(path, QStringLiteral("is a folder, not a file"));
    }
    // A pipe, device or socket could block forever or never end: only regular files are read
    // (a symbolic link counts as what it points to).
    if (!info.isFile()) {
        throw IoError(path, QStringLiteral("not a regular file (a pipe, device or socket)"));
    }
    if (!m_file->open(QIODevice::ReadOnly)) {
        throw IoError(path, QStringLiteral("cannot open: %1").arg(m_file->errorString()));
    }
    const qint64 size = m_file->size();
    if (size == 0) {
        return;
    }
    if (uchar* mapped = m_file->map(0, size)) {
        m_data = reinterpret_cast<const char*>(mapped);
        m_size = static_cast<std::size_t>(size);
        return;
    }
    m_buffer = m_file->readAll();
    if (m_buffer.size() != size) {
        throw IoError(path, QStringLiteral("cannot read: %1").arg(m_file->errorString()));
    }
    m_data = m_buffer.constData();
    m_size = static_cast<std::size_t>(m_buffer.size());
}

FileBytes::~FileBytes() = default;

void writeFileAtomically(const QString& path, const QByteArray& data) {
    AtomicFile file(path);
    file.openForWriting();
    file.write(data); // a failure is remembered and thrown by commit()
    file.commit();
}

} // namespace pal
