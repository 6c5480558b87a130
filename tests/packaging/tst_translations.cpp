// The translations (translations/README.md): every text of the sources is in the Italian .ts
// and translated (lupdate is run over the sources into a copy, so a text added without its
// translation fails here, not in front of a user); translations keep the placeholders, markup
// and menu accelerators of their source; the compiled translation is what the programs load.

#include "core/i18n/Translations.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/review/CaseDocument.h"
#include "tests/TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

std::vector<Entry> readTs(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    std::vector<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                entries.push_back(entry);
            }
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry =
                Entry{context,
                      {},
                      {},
                      {},
                      xml.attributes().value(QStringLiteral("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!entry.numerus) {
                entry.translations << xml.readElementText();
            }
        } else if (name == QLatin1String("numerusform")) {
            entry.translations << xml.readElementText();
        }
    }
    if (xml.hasError()) {
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    }
    return entries;
}

// The parts of a text that must survive translation, sorted: placeholders (%1, %n, %L1),
// HTML tags (not the command line's <command>, a word to translate), and the menu accelerator
// (& before a letter, not an entity such as &gt;).
QStringList invariants(const QString& text) {
    static const QRegularExpression kParts(QStringLiteral(
        R"(%L?\d+|%n|</?(?:a|b|i|p|br|hr|h\d|ul|ol|li|table|tr|td|th|code|span|div|pre|tt|em|)"
        R"(strong|small|sub|sup)\b|&(?!(?:amp|lt|gt|quot|nbsp|#\d+);)(?=\w))"));
    QStringList parts;
    for (auto it = kParts.globalMatch(text); it.hasNext();) {
        const QString part = it.next().captured();
        parts << (part.startsWith(QLatin1Char('&')) ? QStringLiteral("&") : part);
    }
    parts.sort();
    return parts;
}

QString tsFile() {
    return QStringLiteral(PALSTUDIO_SOURCE_DIR "/translations/palstudio_it.ts");
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTextOfTheSourcesIsTranslated() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("palstudio_it.ts"));
        QVERIFY(QFile::copy(tsFile(), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(PALSTUDIO_SOURCE_DIR));
        // The same command as scripts/update-translations.sh.
        lupdate.start(QStringLiteral(PALSTUDIO_LUPDATE),
                      {QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                       QStringLiteral("-silent"), QStringLiteral("core"), QStringLiteral("ui"),
                       QStringLiteral("app"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        // Its warnings ("Cannot invoke tr() like this", a class it cannot resolve) name texts it
        // could not extract, or extracted into a context the program will not look up.
        const QByteArray warnings = lupdate.readAllStandardError();
        QVERIFY2(lupdate.exitCode() == 0 && warnings.isEmpty(), warnings.constData());
        const std::vector<Entry> entries = readTs(copy);
        QVERIFY(entries.size() > 400); // the window's and the command line's texts
        QStringList untranslated;
        for (const Entry& e : entries) {
            const bool empty = std::any_of(e.translations.cbegin(), e.translations.cend(),
                                           [](const QString& t) { return t.isEmpty(); });
            if (!e.type.isEmpty() || empty || e.translations.isEmpty()) {
                untranslated << QStringLiteral("%1: \"%2\"").arg(e.context, e.source);
            }
        }
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("%1 text(s) without an Italian translation (run "
                                           "scripts/update-translations.sh and translate "
                                           "them):\n")
                                .arg(untranslated.size()) +
                            untranslated.join(QLatin1Char('\n'))));
    }

    void translationsKeepPlaceholdersMarkupAndAccelerators() {
        QStringList wrong;
        for (const Entry& e : readTs(tsFile())) {
            const QStringList want = invariants(e.source);
            for (const QString& t : e.translations) {
                if (invariants(t) != want) {
                    wrong << QStringLiteral("%1: \"%2\" -> \"%3\"").arg(e.context, e.source, t);
                }
            }
            if (e.numerus && e.translations.size() != 2) { // Italian: singular and plural
                wrong << QStringLiteral("%1: \"%2\" needs 2 plural forms").arg(e.context, e.source);
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void theCompiledTranslationIsLoaded() {
        QVERIFY(pal::availableLanguages().contains(QStringLiteral("it")));
        QCOMPARE(pal::languageName(QStringLiteral("it")), QStringLiteral("Italiano"));
        QCOMPARE(pal::languageName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(pal::installTranslations(QStringLiteral("it")), QStringLiteral("it"));
        QCOMPARE(pal::statusTitle(pal::LandmarkStatus::Missing), QStringLiteral("mancante"));
        QCOMPARE(pal::reviewStateTitle(pal::ReviewState::Done), QStringLiteral("completato"));
        // What files hold stays English whatever the language.
        QCOMPARE(pal::statusName(pal::LandmarkStatus::Missing), QStringLiteral("missing"));
        // English is the source: no translator, and the previous one is removed.
        QCOMPARE(pal::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(pal::statusTitle(pal::LandmarkStatus::Missing), QStringLiteral("missing"));
        // A language that is not built in falls back to English.
        QCOMPARE(pal::installTranslations(QStringLiteral("xx")), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
