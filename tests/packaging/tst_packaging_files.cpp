// The files that present PAL Studio to a Linux desktop (packaging/linux, resources/icons): the
// AppStream metadata passes appstreamcli's validation offline and the desktop entry
// desktop-file-validate's, without a hint; the desktop entry names the program, an icon that
// exists in every size, and file types that the MIME file defines or the system knows.

#include "tests/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

namespace {

QString source(const QString& relative) {
    return QStringLiteral(PALSTUDIO_SOURCE_DIR "/") + relative;
}

// The [Desktop Entry] group's keys (a desktop file is an ini file of its own dialect).
QMap<QString, QString> desktopEntry(const QString& path) {
    QMap<QString, QString> keys;
    const QByteArray data = pal::test::readAll(path);
    bool inGroup = false;
    for (const QByteArray& raw : data.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inGroup = line == QLatin1String("[Desktop Entry]");
        } else if (inGroup && line.contains(QLatin1Char('='))) {
            keys.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
        }
    }
    return keys;
}

} // namespace

class TestPackagingFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appStreamMetadataValidates() {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
        QVERIFY2(!tool.isEmpty(),
                 "appstreamcli is missing (packaging/debian-build-deps.txt lists appstream)");
        QProcess p;
        p.start(
            tool,
            {QStringLiteral("validate"), QStringLiteral("--no-net"),
             source(QStringLiteral("packaging/linux/io.github.palstudio.PalStudio.metainfo.xml"))});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().constData());
    }

    void desktopEntryValidates() {
        const QString tool =
            QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        QVERIFY2(!tool.isEmpty(),
                 "desktop-file-validate is missing (packaging/debian-build-deps.txt "
                 "lists desktop-file-utils)");
        QProcess p;
        p.start(tool, {source(QStringLiteral("packaging/linux/palstudio.desktop"))});
        QVERIFY(p.waitForFinished(60000));
        // It prints hints and errors alike; any output at all is a finding.
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0 && said.isEmpty(), said.constData());
    }

    void desktopEntryNamesWhatIsInstalled() {
        const auto e = desktopEntry(source(QStringLiteral("packaging/linux/palstudio.desktop")));
        QCOMPARE(e.value(QStringLiteral("Type")), QStringLiteral("Application"));
        QCOMPARE(e.value(QStringLiteral("Name")), QStringLiteral("PAL Studio"));
        QVERIFY(e.value(QStringLiteral("Exec")).startsWith(QStringLiteral("palstudio %")));
        QCOMPARE(e.value(QStringLiteral("Icon")), QStringLiteral("palstudio"));
        QVERIFY(e.contains(QStringLiteral("Comment[it]")));
        for (const QString& list :
             {e.value(QStringLiteral("Categories")), e.value(QStringLiteral("MimeType"))}) {
            QVERIFY2(list.endsWith(QLatin1Char(';')), qPrintable(list)); // the spec's lists end so
        }
        QVERIFY(QFile::exists(source(QStringLiteral("resources/icons/palstudio.svg"))));
        for (int size : {16, 32, 48, 64, 128, 256}) {
            const QString png =
                source(QStringLiteral("resources/icons/palstudio-%1.png").arg(size));
            QVERIFY2(QFile::exists(png), qPrintable(png));
        }
        // The types of its own are defined by its MIME file.
        QXmlStreamReader mime(
            pal::test::readAll(source(QStringLiteral("packaging/linux/palstudio-mime.xml"))));
        QStringList defined;
        while (!mime.atEnd()) {
            if (mime.readNext() == QXmlStreamReader::StartElement &&
                mime.name() == QLatin1String("mime-type")) {
                defined << mime.attributes().value(QStringLiteral("type")).toString();
            }
        }
        QVERIFY2(!mime.hasError(), qPrintable(mime.errorString()));
        QCOMPARE(defined, (QStringList{QStringLiteral("application/x-palstudio-model"),
                                       QStringLiteral("text/x-lafas-landmarks")}));
        for (const QString& type :
             e.value(QStringLiteral("MimeType")).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (type.contains(QStringLiteral("palstudio")) ||
                type.contains(QStringLiteral("lafas"))) {
                QVERIFY2(defined.contains(type), qPrintable(type));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPackagingFiles)
#include "tst_packaging_files.moc"
