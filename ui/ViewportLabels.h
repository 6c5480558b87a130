#pragma once

// The viewport's landmark labels (internal to the viewport's .cpp files): the schema key of
// each landmark ("Prn", "Ex_R") in white text with a dark shadow on a translucent dark box,
// beside its marker. Labels never overlap each other, another landmark's marker or the legend:
// each takes the first free place of eight around its marker (right, left, above, below, the
// corners), then the same a little further out; one with no free place is not drawn (its
// landmark is still named on hover). The selected landmark's label is placed first. They are 2D
// quads in an overlay renderer (layer 1), placed where their landmark projects whenever the
// camera moves, so the surface never cuts through their text (and, unlike 3D billboards, their
// translucent boxes need no order-independent translucency pass, which cost 15 ms a frame in
// software GL); the label of a landmark the mesh hides from the camera is left out instead, by
// casting the line of sight against the mesh.
//
// All labels are one actor: each label is drawn once (QPainter) into one texture, and every
// frame draws one quad per shown label out of it, in a single draw call. One text actor per
// label cost about a draw call and a texture each, 10 ms or more a frame in software GL.

#include <Eigen/Core>
#include <QRect>
#include <QString>

#include "ui/ViewportSprite.h"

#include <vtkNew.h>
#include <vtkSmartPointer.h>
#include <vtkType.h>

#include <array>
#include <vector>

class vtkRenderer;

namespace pal::ui {

class ViewportMeshLayer;

class ViewportLabelLayer {
public:
    explicit ViewportLabelLayer(vtkRenderer* overlay);
    ~ViewportLabelLayer();
    ViewportLabelLayer(const ViewportLabelLayer&) = delete;
    ViewportLabelLayer& operator=(const ViewportLabelLayer&) = delete;

    // One label per landmark index at most.
    void set(int index, const QString& text, const Eigen::Vector3d& position);
    void remove(int index);
    void clear();

    void setVisible(bool visible);
    bool visible() const { return m_visible; }
    // The text size in logical pixels (13 by default).
    void setFontSize(int pixels);
    int fontSize() const { return m_fontSize; }
    // The label placed first (-1: none), and a display rectangle (device pixels, y up: x0, y0,
    // x1, y1) no label may cover (the legend; empty when x1 <= x0).
    void setPriority(int index);
    void setKeepOut(const double rect[4]);
    // The boxes of the labels drawn in the last frame, display pixels (x0, y0, x1, y1), by
    // landmark index (a label not drawn: x1 < x0).
    std::vector<std::array<double, 4>> boxes() const;
    // Labels drawn in the last frame (0 when labels are off).
    int visibleCount() const;
    // The placement must be recomputed before the next render (the mesh or the markers changed).
    void markStale() { m_stale = true; }

    // Before each render, when the camera moved or something changed: shows the labels whose
    // landmark can be seen and starts each text just right of its marker of markerRadius mm.
    void place(vtkRenderer* scene, const ViewportMeshLayer& mesh, double markerRadius, double dpr);

private:
    struct Label {
        bool exists = false;
        bool drawn = false; // in the last placement
        QString text;
        Eigen::Vector3d position = Eigen::Vector3d::Zero(); // the landmark
        std::array<double, 4> box = {0, 0, -1, -1};         // where it was drawn
        QRect sprite;                                       // its picture in the atlas
    };
    // Which labels can be seen, where their markers project and how big they are.
    struct Anchor {
        int index;
        double x, y;     // display pixels
        double markerPx; // the marker's radius on screen
    };
    std::vector<Anchor> anchors(vtkRenderer* scene, const ViewportMeshLayer& mesh,
                                double markerRadius);
    void arrange(vtkRenderer* scene, const std::vector<Anchor>& seen, double dpr);
    // Draws every label at fontPx pixels into the atlas texture.
    void rebuildAtlas(int fontPx);
    // One piece of the atlas per drawn label.
    void rebuildQuads();
    std::vector<Label> m_labels; // by landmark index; exists is false where there is none
    ViewportSprite m_sprite;
    int m_atlasFontPx = 0; // the size the atlas holds; 0: to be drawn
    bool m_visible = true;
    bool m_stale = true;
    int m_fontSize = 13;
    int m_priority = -1;
    std::array<double, 4> m_keepOut = {0, 0, -1, -1};
    vtkMTimeType m_cameraTime = 0;
    int m_viewSize[2] = {0, 0};
};

} // namespace pal::ui
