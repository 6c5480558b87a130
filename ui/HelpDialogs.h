#pragma once

// Help > Keyboard Shortcuts (F1) and Help > About. The shortcut sheet is made from the window's
// own actions, so it is always what the keys really do.

class QString;
class QWidget;

namespace pal::ui {

// Lists every action of `window` that has a shortcut, by menu.
void showShortcutSheet(QWidget* window);
// Versions (PAL Studio, Qt, VTK), the model in use, and what the demo data and model are.
void showAbout(QWidget* window, const QString& modelPath);

} // namespace pal::ui
