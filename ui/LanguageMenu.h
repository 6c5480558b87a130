#pragma once

// Help > Language: the language of the window's texts. The choice is kept in the settings
// ("language": a code such as "it", or empty for the system's language) and applies from the
// next start, since the window's texts are made when it opens (main() installs the
// translators before any window exists: core/i18n/Translations.h).

#include <QString>

class QMenu;
class QWidget;

namespace pal::ui {

// The language chosen in the settings; empty: the system's.
QString languagePreference();
void setLanguagePreference(const QString& code);

// The Language menu: "System (…)", then every built-in language, the preference checked.
// Choosing another one stores it and says that it applies from the next start.
QMenu* createLanguageMenu(QWidget* parent);

} // namespace pal::ui
