#pragma once

// The languages of PAL Studio's texts (translations/README.md). English is the source language
// and needs no file; every other language is a Qt Linguist translation compiled into the core
// library as :/i18n/palstudio_<code>.qm. Qt's own texts (standard buttons, file dialogs) come
// from Qt's translations folder when the system has them (Debian: qt6-translations-l10n).

#include <QString>
#include <QStringList>

namespace pal {

// The languages built in, English first, as codes ("en", "it").
QStringList availableLanguages();

// A language's own name for itself ("English", "Italiano"); the code itself when unknown.
QString languageName(const QString& code);

// The code of the first built-in language the system prefers (QLocale::system().uiLanguages(),
// so LANGUAGE, LC_ALL, LC_MESSAGES and LANG in that order on Linux); "en" when none matches.
QString systemLanguage();

// Loads and installs the translators of `code` ("" = systemLanguage()) into the running
// QCoreApplication, replacing those a previous call installed. Returns the code in use: "en"
// when `code` is unknown or is English (no translator then).
QString installTranslations(const QString& code);

} // namespace pal
