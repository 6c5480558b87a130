#include "ui/LanguageMenu.h"

#include "core/i18n/Translations.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace pal::ui {
namespace {

// Qt Linguist context "LanguageMenu".
struct LanguageMenu {
    Q_DECLARE_TR_FUNCTIONS(LanguageMenu)
};

const QString kLanguageKey = QStringLiteral("language");

// Stores `code` and tells the user when the change takes effect.
void choose(QWidget* parent, const QString& code) {
    if (code == languagePreference()) {
        return;
    }
    setLanguagePreference(code);
    const QString shown = code.isEmpty() ? systemLanguage() : code;
    QMessageBox::information(
        parent, LanguageMenu::tr("Language"),
        //: %1 is a language's own name, such as "Italiano"
        LanguageMenu::tr("PAL Studio will show its texts in %1 from the next start.")
            .arg(languageName(shown)));
}

} // namespace

QString languagePreference() {
    return QSettings().value(kLanguageKey).toString();
}

void setLanguagePreference(const QString& code) {
    if (code.isEmpty()) {
        QSettings().remove(kLanguageKey);
    } else {
        QSettings().setValue(kLanguageKey, code);
    }
}

QMenu* createLanguageMenu(QWidget* parent) {
    auto* menu = new QMenu(LanguageMenu::tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("LanguageMenu"));
    auto* group = new QActionGroup(menu);
    const QString preferred = languagePreference();
    const auto add = [&](const QString& text, const QString& code) {
        QAction* action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(code == preferred);
        action->setData(code);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu,
                         [parent, code] { choose(parent, code); });
    };
    //: %1 is the system's language, named in that language (e.g. "Italiano")
    add(LanguageMenu::tr("System (%1)").arg(languageName(systemLanguage())), QString());
    menu->addSeparator();
    for (const QString& code : availableLanguages()) {
        add(languageName(code), code);
    }
    return menu;
}

} // namespace pal::ui
