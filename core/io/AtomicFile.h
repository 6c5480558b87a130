#pragma once

// A file replaced only when its new content is complete and on disk. The bytes go to a new file
// beside the destination (same folder: the rename cannot cross file systems); commit() checks
// every step (each write, fsync, close, the rename) and only then renames it over the
// destination. Any failure throws IoError naming the destination and the system's reason, and
// leaves the previous file as it was; the temporary is removed.
//
// Why not QSaveFile: it buffers writes and ignores an fsync failure, and on a full disk a save
// through it was seen to replace the old file with an empty one while reporting success (the
// failure surfaced in a buffer flush whose error commit() never looked at).
//
// A QIODevice (seekable), so that a zip writer can write through it. A symbolic link as the
// destination is followed: the file it points to is replaced, the link stays.

#include <QIODevice>
#include <QString>

namespace pal {

class AtomicFile : public QIODevice {
public:
    explicit AtomicFile(const QString& path);
    ~AtomicFile() override; // an uncommitted temporary is removed

    // Creates the temporary (mode must be WriteOnly). Throws IoError when it cannot.
    void openForWriting();
    // Puts the new content in place. Throws IoError (the old file unchanged) on any failure,
    // including one an earlier write() reported.
    void commit();
    // Drops the new content; the old file stays.
    void discard();
    // Throws as commit() would when a write has failed, and does nothing otherwise: for a writer
    // (a zip library) whose own error would hide the system's reason.
    void throwIfAWriteFailed();

    bool isSequential() const override { return false; }
    bool seek(qint64 pos) override;
    qint64 size() const override;

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 len) override;

private:
    [[noreturn]] void fail(const QString& what, int error);
    QString m_path;   // as given: what errors name
    QString m_target; // the file replaced (a symbolic link resolved)
    QString m_temp;
    int m_fd = -1;
    int m_writeErrno = 0; // the first failed write's errno
};

} // namespace pal
