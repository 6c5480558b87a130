#pragma once

// The error legend (internal to the viewport): the title "error (mm)", a vertical bar of the
// error colours from 0 to 6 mm and its ticks 0, 2, 4, 6, in white text with a dark shadow. Drawn
// once per size into a picture (QPainter) and shown as one textured quad in the overlay.

#include "ui/ViewportSprite.h"

#include <vtkSmartPointer.h>

#include <array>

class vtkColorTransferFunction;
class vtkRenderer;

namespace pal::ui {

class ViewportLegend {
public:
    ViewportLegend(vtkRenderer* overlay, vtkSmartPointer<vtkColorTransferFunction> colours);

    void setVisible(bool visible);
    bool visible() const { return m_visible; }
    // Fills box (display pixels x0, y0, x1, y1; y up) with text of textPx pixels.
    void place(const std::array<double, 4>& box, int textPx);

private:
    // The picture of a legend of w x h pixels (straight alpha).
    static QImage draw(int w, int h, int textPx, vtkColorTransferFunction* colours);

    ViewportSprite m_sprite;
    vtkSmartPointer<vtkColorTransferFunction> m_colours;
    bool m_visible = false;
    QSize m_drawnSize;
    int m_drawnTextPx = 0;
    std::array<double, 4> m_placedBox = {0, 0, -1, -1};
};

} // namespace pal::ui
