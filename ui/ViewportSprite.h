#pragma once

// A picture drawn with QPainter, shown in VTK's overlay as textured quads in display pixels
// (internal to the viewport). Text drawn this way costs one texture and one draw call for any
// number of pieces; VTK's text actors cost a texture and a draw call each, which software GL
// pays for in every frame.

#include <QImage>
#include <QRect>

#include <vtkNew.h>

#include <vector>

class QPainter;
class vtkPolyData;
class vtkPolyDataMapper2D;
class vtkRenderer;
class vtkTexture;
class vtkTexturedActor2D;

namespace pal::ui {

class ViewportSprite {
public:
    explicit ViewportSprite(vtkRenderer* overlay);
    ~ViewportSprite();
    ViewportSprite(const ViewportSprite&) = delete;
    ViewportSprite& operator=(const ViewportSprite&) = delete;

    // The texture: a straight-alpha picture (converted to RGBA8888 when it is not).
    void setImage(const QImage& image);

    // What to draw: each piece copies the rectangle source of the picture (image pixels, y
    // down) with its bottom-left corner at display pixel (x, y) (y up), at its own size.
    struct Piece {
        QRect source;
        double x = 0, y = 0;
    };
    void setPieces(const std::vector<Piece>& pieces);
    // Shown only while it has pieces.
    void setVisible(bool visible);

    // White text with a dark shadow offset by shadow pixels, as the viewport's labels and
    // legend write: it reads on skin, texture and background alike.
    static void drawShadowedText(QPainter& painter, const QRect& rect, int flags,
                                 const QString& text, int shadow = 1);

private:
    void updateVisibility();
    vtkRenderer* m_overlay;
    vtkNew<vtkPolyData> m_quads;
    vtkNew<vtkPolyDataMapper2D> m_mapper;
    vtkNew<vtkTexture> m_texture;
    vtkNew<vtkTexturedActor2D> m_actor;
    QSize m_size;
    bool m_visible = true;
    bool m_hasPieces = false;
};

} // namespace pal::ui
