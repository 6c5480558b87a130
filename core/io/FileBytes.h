#pragma once

#include <QByteArray>
#include <QString>

#include <string_view>

namespace pal {

// The bytes of a file, memory-mapped when possible (large meshes), read otherwise. The name is
// taken as NativePath.h says (any bytes). Throws IoError naming the file when it is missing, not
// a regular file (a folder, a pipe...), or cannot be opened or read.
class FileBytes {
public:
    explicit FileBytes(const QString& path);
    ~FileBytes();
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;

    std::string_view view() const { return {m_data, m_size}; }
    std::size_t size() const { return m_size; }
    // The same bytes as a QByteArray, without a copy: valid while this object lives.
    QByteArray bytes() const { return QByteArray::fromRawData(m_data, qsizetype(m_size)); }

private:
    void* m_map = nullptr; // the mapping, when mapped
    QByteArray m_buffer;   // the bytes, when read
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Opens a regular file for reading by its native name (NativePath.h) and returns the
// descriptor (close-on-exec; never blocks on a pipe). Throws IoError naming the file when it is
// missing, a folder, not a regular file, or cannot be opened.
int openRegularFile(const QString& path);

// Writes data to path atomically (AtomicFile): the old file stays until the new one is complete
// and on disk; any failure throws IoError naming path and leaves the old file unchanged.
void writeFileAtomically(const QString& path, const QByteArray& data);

} // namespace pal
