// Every palstudio-cli writer on a real full disk (a filled tmpfs, FullDisk.h): convert, predict
// -o, evaluate --report and train --out (its checkpoint and its bundle). Each must exit 2, name
// the file and the system's reason, leave the files that were there byte for byte and leave
// nothing new behind. Skipped where a tmpfs cannot be mounted (not root); the file size limit
// variants in tst_cli and tst_cli_predict run everywhere.

#include "tests/FullDisk.h"
#include "tests/TestSupport.h"
#include "tests/cli/CliRunner.h"
#include "tests/cli/UntrainedModel.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using pal::test::cli;
using pal::test::readAll;
using pal::test::Run;

namespace {

// Every regular file under folder (hidden ones but the disk's filler too) and its bytes.
std::map<QString, QByteArray> snapshot(const QString& folder) {
    std::map<QString, QByteArray> files;
    const QDir root(folder);
    for (const QString& f : root.entryList(QDir::Files | QDir::Hidden)) {
        if (f != QLatin1String(".filler")) {
            files[f] = readAll(root.filePath(f));
        }
    }
    for (const QString& sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        for (const auto& [name, bytes] : snapshot(root.filePath(sub))) {
            files[sub + QLatin1Char('/') + name] = bytes;
        }
    }
    return files;
}

} // namespace

class TestCliFullDisk : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model;
    QString m_data;

    // A full disk holding `old` (relative path -> bytes), or a skip.
    bool prepare(pal::test::FullDisk& disk, const std::map<QString, QByteArray>& old) {
        if (!disk.available()) {
            return false;
        }
        for (const auto& [name, bytes] : old) {
            const QString path = disk.filePath(name);
            QDir().mkpath(QFileInfo(path).absolutePath());
            pal::test::writeAll(path, bytes);
        }
        return disk.fill();
    }

    // The run failed as a full disk must make it fail, and the disk holds what it held.
    void checkRefused(const Run& r, const pal::test::FullDisk& disk,
                      const std::map<QString, QByteArray>& old) {
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(disk.path()) &&
                     r.err.contains(QStringLiteral("No space left on device")) &&
                     r.err.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(r.err));
        QVERIFY2(snapshot(disk.path()) == old, "the files on the full disk changed");
    }

private Q_SLOTS:
    void initTestCase() {
        m_model = m_dir.filePath(QStringLiteral("untrained.palnet"));
        pal::test::writeUntrainedModel(m_model);
        m_data = m_dir.filePath(QStringLiteral("data"));
        QCOMPARE(
            cli({QStringLiteral("make-demo"), QStringLiteral("--out"), m_data,
                 QStringLiteral("--cases"), QStringLiteral("3"), QStringLiteral("--no-defects")})
                .code,
            0);
    }

    void convert() {
        pal::test::FullDisk disk;
        const std::map<QString, QByteArray> old{{QStringLiteral("l.csv"), "an older export\n"}};
        if (!prepare(disk, old)) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const Run r = cli({QStringLiteral("convert"), QStringLiteral("--force"),
                           m_data + QStringLiteral("/D001/landmarks.txt"),
                           disk.filePath(QStringLiteral("l.csv"))});
        checkRefused(r, disk, old);
        QVERIFY(!r.out.contains(QStringLiteral("wrote")));
    }

    void predictToAFolder() {
        pal::test::FullDisk disk;
        const std::map<QString, QByteArray> old{
            {QStringLiteral("D002/landmarks.predicted.txt"), "an earlier prediction\n"}};
        if (!prepare(disk, old)) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const Run r = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                           QStringLiteral("-o"), disk.path(), QStringLiteral("--threads"),
                           QStringLiteral("1"), m_data + QStringLiteral("/D002")});
        checkRefused(r, disk, old);
    }

    void evaluateReport() {
        pal::test::FullDisk disk;
        const std::map<QString, QByteArray> old{
            {QStringLiteral("report/report.html"), "<p>last week's report</p>\n"},
            {QStringLiteral("report/summary.csv"), "last week's summary\n"}};
        if (!prepare(disk, old)) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const Run r = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model,
                           QStringLiteral("--data"), m_data, QStringLiteral("--report"),
                           disk.filePath(QStringLiteral("report")), QStringLiteral("--threads"),
                           QStringLiteral("1")});
        checkRefused(r, disk, old);
        QVERIFY(!r.out.contains(QStringLiteral("report:")));
    }

    // Training meets the full disk at its first checkpoint: it stops there, the model that was
    // at --out stays, and no half-written checkpoint is left (torch's own writer used to abort
    // the process here).
    void trainStopsAtItsFirstCheckpoint() {
        pal::test::FullDisk disk;
        const std::map<QString, QByteArray> old{{QStringLiteral("m.palnet"), "an older model"}};
        if (!prepare(disk, old)) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const Run r =
            cli({QStringLiteral("train"), QStringLiteral("--data"), m_data, QStringLiteral("--out"),
                 disk.filePath(QStringLiteral("m.palnet")), QStringLiteral("--patch-size"),
                 QStringLiteral("100"), QStringLiteral("--epochs"), QStringLiteral("1"),
                 QStringLiteral("--threads"), QStringLiteral("1")});
        checkRefused(r, disk, old);
        QVERIFY2(r.err.contains(QStringLiteral("m.palnet.ckpt")), qPrintable(r.err));
    }
};

int main(int argc, char** argv) {
    pal::test::FullDisk::isolateMounts(); // before any thread: see tests/FullDisk.h
    QCoreApplication app(argc, argv);
    TestCliFullDisk t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_cli_full_disk.moc"
