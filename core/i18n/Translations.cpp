#include "core/i18n/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace pal {
namespace {

// The translators installed by installTranslations, kept for removal by the next call.
std::vector<std::unique_ptr<QTranslator>>& installed() {
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

QString ownFile(const QString& code) {
    return QStringLiteral(":/i18n/palstudio_%1.qm").arg(code);
}

} // namespace

QStringList availableLanguages() {
    QStringList codes{QStringLiteral("en")};
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("palstudio_*.qm")}, QDir::Files);
    for (const QString& file : files) {
        codes << QFileInfo(file).completeBaseName().mid(int(sizeof("palstudio_")) - 1);
    }
    return codes;
}

QString languageName(const QString& code) {
    if (code == QLatin1String("en")) {
        return QStringLiteral("English"); // Qt's own name is "American English"
    }
    const QLocale locale(code);
    if (locale.language() == QLocale::C || code.isEmpty()) {
        return code;
    }
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty()) {
        name[0] = name[0].toUpper(); // "italiano" -> "Italiano", as a menu lists it
    }
    return name.isEmpty() ? code : name;
}

QString systemLanguage() {
    const QStringList available = availableLanguages();
    for (const QString& wanted : QLocale::system().uiLanguages()) {
        // "it-IT" or "it": the language part decides.
        const QString code = wanted.section(QLatin1Char('-'), 0, 0).toLower();
        if (available.contains(code)) {
            return code;
        }
    }
    return QStringLiteral("en");
}

QString installTranslations(const QString& code) {
    for (const auto& translator : installed()) {
        QCoreApplication::removeTranslator(translator.get());
    }
    installed().clear();
    const QString language = code.isEmpty() ? systemLanguage() : code;
    if (language == QLatin1String("en") || !availableLanguages().contains(language)) {
        return QStringLiteral("en");
    }
    auto own = std::make_unique<QTranslator>();
    if (!own->load(ownFile(language))) {
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own.get());
    installed().push_back(std::move(own));
    // Qt's texts (Cancel, Yes, the file dialog): optional, the system may not have them.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    return language;
}

} // namespace pal
