#pragma once

// Help > Keyboard Shortcuts (F1), Help > Manual (docs/manual.md with its pictures, compiled
// in) and Help > About. The shortcut sheet is made
// from the window's own actions, so it is always what the keys really do.

class QString;
class QWidget;

namespace pal::ui {

// Lists every action of `window` that has a shortcut, by menu.
void showShortcutSheet(QWidget* window);
// The user manual (docs/manual.md, a resource of the application), non-modal.
void showManual(QWidget* window);
// Versions (PAL Studio, Qt, VTK), the model in use with its card (the manifest's provenance
// and metrics; the card file beside the bundle, NAME.md, when there is one), and what the demo
// data and model are.
void showAbout(QWidget* window, const QString& modelPath);
// The model card part of About, as HTML (empty path: no model chosen).
QString modelCardHtml(const QString& modelPath);

} // namespace pal::ui
