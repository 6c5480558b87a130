#include "ui/ViewportSprite.h"

#include <QPainter>

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkRenderer.h>
#include <vtkTexture.h>
#include <vtkTexturedActor2D.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace pal::ui {

ViewportSprite::ViewportSprite(vtkRenderer* overlay) : m_overlay(overlay) {
    m_mapper->SetInputData(m_quads); // no transform: the points are display pixels
    m_mapper->ScalarVisibilityOff();
    m_texture->InterpolateOff(); // whole pixels, one texel each: sharp text
    m_texture->RepeatOff();
    m_texture->EdgeClampOn();
    m_actor->SetMapper(m_mapper);
    m_actor->SetTexture(m_texture);
    m_actor->PickableOff();
    m_actor->VisibilityOff();
    m_overlay->AddActor2D(m_actor);
}

ViewportSprite::~ViewportSprite() {
    m_overlay->RemoveActor2D(m_actor);
}

void ViewportSprite::setImage(const QImage& picture) {
    const QImage rgba = picture.convertToFormat(QImage::Format_RGBA8888);
    // VTK's images start at the bottom row.
    vtkNew<vtkImageData> image;
    image->SetDimensions(std::max(1, rgba.width()), std::max(1, rgba.height()), 1);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* out = static_cast<unsigned char*>(image->GetScalarPointer());
    const std::size_t rowBytes = static_cast<std::size_t>(rgba.width()) * 4;
    for (int row = 0; row < rgba.height(); ++row) {
        std::memcpy(out + static_cast<std::size_t>(rgba.height() - 1 - row) * rowBytes,
                    rgba.constScanLine(row), rowBytes);
    }
    m_texture->SetInputData(image);
    m_size = rgba.size();
}

void ViewportSprite::setPieces(const std::vector<Piece>& pieces) {
    if (pieces.empty() && !m_hasPieces) {
        return; // nothing shown, nothing to rebuild (labels off: every frame)
    }
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> polys;
    vtkNew<vtkFloatArray> tcoords;
    tcoords->SetNumberOfComponents(2);
    const double w = std::max(1, m_size.width());
    const double h = std::max(1, m_size.height());
    for (const Piece& piece : pieces) {
        const double x0 = std::round(piece.x), y0 = std::round(piece.y);
        const double x1 = x0 + piece.source.width(), y1 = y0 + piece.source.height();
        const double u0 = piece.source.left() / w, u1 = (piece.source.right() + 1) / w;
        const double vTop = 1.0 - piece.source.top() / h;
        const double vBottom = 1.0 - (piece.source.bottom() + 1) / h;
        const vtkIdType first = points->GetNumberOfPoints();
        points->InsertNextPoint(x0, y0, 0);
        points->InsertNextPoint(x1, y0, 0);
        points->InsertNextPoint(x1, y1, 0);
        points->InsertNextPoint(x0, y1, 0);
        tcoords->InsertNextTuple2(u0, vBottom);
        tcoords->InsertNextTuple2(u1, vBottom);
        tcoords->InsertNextTuple2(u1, vTop);
        tcoords->InsertNextTuple2(u0, vTop);
        const vtkIdType quad[4] = {first, first + 1, first + 2, first + 3};
        polys->InsertNextCell(4, quad);
    }
    m_quads->SetPoints(points);
    m_quads->SetPolys(polys);
    m_quads->GetPointData()->SetTCoords(tcoords);
    m_quads->Modified();
    m_hasPieces = !pieces.empty();
    updateVisibility();
}

void ViewportSprite::drawShadowedText(QPainter& painter, const QRect& rect, int flags,
                                      const QString& text, int shadow) {
    painter.setPen(QColor(0, 0, 0, 220));
    painter.drawText(rect.translated(shadow, shadow), flags, text);
    painter.setPen(Qt::white);
    painter.drawText(rect, flags, text);
}

void ViewportSprite::setVisible(bool visible) {
    m_visible = visible;
    updateVisibility();
}

void ViewportSprite::updateVisibility() {
    m_actor->SetVisibility(m_visible && m_hasPieces);
}

} // namespace pal::ui
