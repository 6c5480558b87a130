// The relocatable install: `cmake --install` into a temporary prefix, the tree moved to
// another folder, then the installed palstudio-cli run with a bare environment (no
// PALSTUDIO_* variable) finds its template, its engine module and its default model: it
// generates a case and predicts it. No installed file holds a path of the source or build
// tree where the programs look for their data.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestInstall : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_prefix;

    static QProcessEnvironment bareEnvironment() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), QDir::tempPath());
        // The sanitizers' settings are no build paths; the asan preset needs them passed on
        // (without detect_leaks=0, LeakSanitizer fails at the exit of a LibTorch process).
        for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
            if (qEnvironmentVariableIsSet(name)) {
                env.insert(QString::fromLatin1(name), qEnvironmentVariable(name));
            }
        }
        return env;
    }

    int run(const QString& program, const QStringList& args, QString* err = nullptr) {
        QProcess p;
        p.setProcessEnvironment(bareEnvironment());
        p.start(program, args);
        p.waitForFinished(600000);
        if (err) {
            *err = QString::fromUtf8(p.readAllStandardError());
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase() {
        const QString first = m_dir.filePath(QStringLiteral("first"));
        QProcess install;
        install.start(QStringLiteral("cmake"),
                      {QStringLiteral("--install"), QStringLiteral(PALSTUDIO_BINARY_DIR),
                       QStringLiteral("--prefix"), first});
        QVERIFY(install.waitForFinished(300000));
        QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());
        // Moved: nothing may depend on where it was installed either.
        m_prefix = m_dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().rename(first, m_prefix));
    }

    void theTreeHasTheDocumentedShape() {
        for (const char* f :
             {"bin/palstudio-cli", "bin/palstudio", "lib/palstudio/libpalstudio_engine.so",
              "share/palstudio/models/default.palnet", "share/palstudio/demo/template/mesh.obj",
              "share/palstudio/demo/template/landmarks.txt"}) {
            QVERIFY2(QFile::exists(QDir(m_prefix).filePath(QLatin1String(f))), f);
        }
    }

    void noBuildOrSourcePathIsCompiledIn() {
        const QList<QByteArray> forbidden = {QByteArrayLiteral(PALSTUDIO_SOURCE_DIR "/models"),
                                             QByteArrayLiteral(PALSTUDIO_SOURCE_DIR "/resources"),
                                             QByteArrayLiteral(PALSTUDIO_BINARY_DIR "/share"),
                                             QByteArrayLiteral(PALSTUDIO_BINARY_DIR "/lib"),
                                             QByteArrayLiteral(PALSTUDIO_BINARY_DIR "/demo")};
        QDirIterator it(m_prefix, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            for (const QByteArray& path : forbidden) {
                QVERIFY2(
                    !bytes.contains(path),
                    qPrintable(
                        QStringLiteral("%1 holds %2").arg(f.fileName(), QString::fromUtf8(path))));
            }
        }
    }

    void theInstalledCliPredictsACase() {
        const QString cli = QDir(m_prefix).filePath(QStringLiteral("bin/palstudio-cli"));
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QString err;
        QCOMPARE(
            run(cli,
                {QStringLiteral("make-demo"), QStringLiteral("--out"), data,
                 QStringLiteral("--cases"), QStringLiteral("1"), QStringLiteral("--no-defects")},
                &err),
            0);
        QCOMPARE(run(cli, {QStringLiteral("predict"), data + QStringLiteral("/D001")}, &err), 0);
        QVERIFY2(err.contains(QStringLiteral("default.palnet")), qPrintable(err));
        QVERIFY(QFile::exists(data + QStringLiteral("/D001/landmarks.predicted.txt")));
    }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
