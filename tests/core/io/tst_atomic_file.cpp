// AtomicFile / writeFileAtomically: the old file survives every failure, the error names the
// file and the system's reason, nothing is left behind. Write failures are real ones from the
// kernel: the process's file size limit (RLIMIT_FSIZE) makes write() fail with EFBIG as a full
// disk makes it fail with ENOSPC, and no mount or privilege is needed. Where the test may mount
// a tmpfs (as root), a filled one gives the full disk's own ENOSPC too. Also FileBytes's refusal
// of files that are not regular (a pipe would block the reader).

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"
#include "core/io/FileBytes.h"
#include "tests/FullDisk.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writePlain(const QString& path, const QByteArray& data) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(data), data.size());
}

// Files larger than bytes cannot be written while it lives.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, m_old.rlim_max};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replacesTheFileAndKeepsItsMode() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        writePlain(path, "old");
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        pal::writeFileAtomically(path, "new content");
        QCOMPARE(readAll(path), QByteArray("new content"));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.txt")});
        // A new file.
        pal::writeFileAtomically(dir.filePath(QStringLiteral("new.txt")), "x");
        QCOMPARE(readAll(dir.filePath(QStringLiteral("new.txt"))), QByteArray("x"));
    }

    void aFailedWriteKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("landmarks.txt"));
        writePlain(path, "the clinician's file\n");
        const QByteArray big(200000, 'a');
        QString message;
        {
            FileSizeLimit limit(4096);
            try {
                pal::writeFileAtomically(path, big);
            } catch (const pal::IoError& e) {
                message = QString::fromUtf8(e.what());
            }
        }
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("File too large")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("the clinician's file\n"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("landmarks.txt")});
    }

    // The same on a real full disk (a filled tmpfs, where the test may mount one): ENOSPC.
    void aFullDiskKeepsTheOldFile() {
        pal::test::FullDisk disk;
        if (!disk.available()) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const QString folder = disk.filePath(QStringLiteral("S001"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/landmarks.txt");
        writePlain(path, "the clinician's file\n");
        QVERIFY(disk.fill());
        QString message;
        try {
            pal::writeFileAtomically(path, QByteArray(200000, 'a'));
        } catch (const pal::IoError& e) {
            message = QString::fromUtf8(e.what());
        }
        QVERIFY2(message.contains(path) &&
                     message.contains(QStringLiteral("No space left on device")) &&
                     message.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("the clinician's file\n"));
        QCOMPARE(entries(folder), QStringList{QStringLiteral("landmarks.txt")});
        disk.empty(); // with room again, the same write goes through
        pal::writeFileAtomically(path, "new");
        QCOMPARE(readAll(path), QByteArray("new"));
    }

    // Through the device, as the model bundle's zip writer uses it: a failed write makes
    // commit() throw even when the caller did not look at write()'s result.
    void commitThrowsAfterAFailedWrite() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.palnet"));
        writePlain(path, "old bundle");
        bool thrown = false;
        {
            FileSizeLimit limit(1024);
            pal::AtomicFile file(path);
            file.openForWriting();
            file.write(QByteArray(512, 'a'));
            QVERIFY(file.seek(0));             // seekable, as a zip writer needs
            file.write(QByteArray(4096, 'b')); // past the limit: fails
            try {
                file.commit();
            } catch (const pal::IoError&) {
                thrown = true;
            }
        }
        QVERIFY(thrown);
        QCOMPARE(readAll(path), QByteArray("old bundle"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("model.palnet")});
    }

    void anUncommittedFileLeavesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.csv"));
        writePlain(path, "old");
        {
            pal::AtomicFile file(path);
            file.openForWriting();
            file.write("half of the new");
        } // destroyed without commit(): an exception on the way, say
        QCOMPARE(readAll(path), QByteArray("old"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("a.csv")});
    }

    void aLinkIsFollowed() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.txt"));
        const QString link = dir.filePath(QStringLiteral("link.txt"));
        writePlain(target, "old");
        QVERIFY(QFile::link(target, link));
        pal::writeFileAtomically(link, "new");
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readAll(target), QByteArray("new"));
    }

    // Reading: a FIFO named landmarks.txt used to block the reader forever.
    void aPipeIsRefusedNotRead() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("landmarks.txt"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        QString message;
        try {
            pal::FileBytes bytes(path);
        } catch (const pal::IoError& e) {
            message = QString::fromUtf8(e.what());
        }
        QCOMPARE(message, path + QStringLiteral(": not a regular file (a pipe, device or socket)"));
        // A link to a regular file is read as that file.
        const QString real = dir.filePath(QStringLiteral("real.txt"));
        writePlain(real, "abc");
        const QString link = dir.filePath(QStringLiteral("link.txt"));
        QVERIFY(QFile::link(real, link));
        QCOMPARE(pal::FileBytes(link).size(), std::size_t(3));
    }

    void aFolderThatCannotBeWrittenIsSaid() {
        if (::geteuid() == 0) {
            QSKIP("root writes into read-only folders");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        writePlain(path, "old");
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QString message;
        try {
            pal::writeFileAtomically(path, "new");
        } catch (const pal::IoError& e) {
            message = QString::fromUtf8(e.what());
        }
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        QVERIFY2(message.contains(path) && message.contains(QStringLiteral("Permission denied")),
                 qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("old"));
    }
};

int main(int argc, char** argv) {
    pal::test::FullDisk::isolateMounts(); // before any thread: see tests/FullDisk.h
    QCoreApplication app(argc, argv);
    TestAtomicFile t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_atomic_file.moc"
