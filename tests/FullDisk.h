#pragma once

// A real full disk for a test: a small tmpfs mounted on a fresh temporary folder, then filled
// until the kernel answers ENOSPC, so that a writer under test meets the error a clinician's
// full disk gives, with the old files already in place. Mounting needs root (CAP_SYS_ADMIN):
// where it is refused, available() is false and says why, and the test skips this variant
// (the RLIMIT_FSIZE variants of the same tests still run everywhere).
//
// The test program calls FullDisk::isolateMounts() first thing in main(), before any thread
// exists: the process then has a mount namespace of its own (inherited by its threads and the
// programs it starts), so its tmpfs mounts are seen by no one else and vanish with it, even
// when it is killed by a timeout.
//
//   int main(...) { pal::test::FullDisk::isolateMounts(); ... }
//   pal::test::FullDisk disk;
//   if (!disk.available()) QSKIP(qPrintable(disk.whyNot()));
//   ...put the old files under disk.path()...
//   disk.fill();
//   ...run the writer, check the error and the old bytes...

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace pal::test {

class FullDisk {
public:
    // Gives the process a private mount namespace; returns false (and no FullDisk will mount)
    // where that is not allowed.
    static bool isolateMounts() {
        state().isolated = ::unshare(CLONE_NEWNS) == 0 &&
                           ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
        if (!state().isolated) {
            state().why = QStringLiteral("cannot mount a tmpfs to fill (%1; needs root)")
                              .arg(QString::fromLocal8Bit(std::strerror(errno)));
        }
        return state().isolated;
    }

    explicit FullDisk(qint64 bytes = 4 << 20) {
        if (!state().isolated) {
            m_why = state().why.isEmpty()
                        ? QStringLiteral("FullDisk::isolateMounts() was not called in main()")
                        : state().why;
            return;
        }
        if (!m_dir.isValid()) {
            m_why = QStringLiteral("no temporary folder");
            return;
        }
        const QByteArray where = QFile::encodeName(m_dir.path());
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0755";
        if (::mount("tmpfs", where.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    options.constData()) != 0) {
            m_why = QStringLiteral("cannot mount a tmpfs to fill (%1; needs root)")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }
    ~FullDisk() {
        if (m_mounted) {
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
        }
    }
    FullDisk(const FullDisk&) = delete;
    FullDisk& operator=(const FullDisk&) = delete;

    bool available() const { return m_mounted; }
    QString whyNot() const { return m_why; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

    // Writes a filler file until no byte more fits; returns false if the disk never filled.
    bool fill() {
        const QByteArray filler = QFile::encodeName(m_dir.filePath(QStringLiteral(".filler")));
        const int fd = ::open(filler.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd < 0) {
            return false;
        }
        static const char block[65536] = {};
        bool full = false;
        for (std::size_t size = sizeof(block); size > 0 && !full;) {
            const ssize_t n = ::write(fd, block, size);
            if (n < 0 && errno == ENOSPC) {
                size /= 2; // the last pages: smaller writes until not even one byte fits
                full = size == 0;
            } else if (n < 0) {
                break;
            }
        }
        ::fsync(fd);
        ::close(fd);
        return full;
    }

    // Frees the space again (the writer under test can then succeed).
    void empty() { QFile::remove(m_dir.filePath(QStringLiteral(".filler"))); }

private:
    struct State {
        bool isolated = false;
        QString why;
    };
    static State& state() {
        static State s;
        return s;
    }

    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

} // namespace pal::test
