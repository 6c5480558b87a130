#pragma once

// View > Display Settings: the landmark glyph size (mm), the label text size (px) and the
// surface's opacity (%), applied to the viewport as they change and kept in the settings
// (view/landmarkRadius, view/labelSize, view/meshOpacity).

#include <QDialog>

namespace pal::ui {

class ViewportWidget;

// Applies the saved display settings to viewport (at start-up).
void applySavedDisplaySettings(ViewportWidget* viewport);

class DisplaySettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit DisplaySettingsDialog(ViewportWidget* viewport, QWidget* parent = nullptr);
};

} // namespace pal::ui
