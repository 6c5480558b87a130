#pragma once

// ViewportWidget's private part, shared by ViewportWidget.cpp (rendering, scene, camera) and
// ViewportInput.cpp (mouse, keys, picking, dragging, hover). Internal to the viewport.

#include "ui/ViewportFrameBudget.h"
#include "ui/ViewportLandmarks.h"
#include "ui/ViewportMesh.h"
#include "ui/ViewportTolerance.h"
#include "ui/ViewportWidget.h"

#include <QElapsedTimer>
#include <QPointF>
#include <QRectF>
#include <QTimer>

#include <vtkCallbackCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkLightKit.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QMouseEvent;

namespace pal::ui {

class ViewportSurface;

struct ViewportWidget::Impl {
    ViewportWidget* q = nullptr;
    ViewportSurface* surface = nullptr; // the native window drawn into; the container owns it
    vtkNew<vtkGenericOpenGLRenderWindow> renderWindow;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    vtkNew<vtkRenderer> renderer;
    // Labels and the error legend draw in an overlay renderer (layer 1, the same camera).
    vtkNew<vtkRenderer> overlay;
    vtkNew<vtkLightKit> lightKit;
    vtkNew<vtkCallbackCommand> windowCallback;
    vtkNew<vtkCallbackCommand> renderCallback;
    vtkNew<vtkCallbackCommand> interactionCallback;

    std::unique_ptr<ViewportMeshLayer> mesh;
    std::unique_ptr<ViewportLandmarkLayer> landmarks;
    std::unique_ptr<ViewportToleranceSpheres> tolerance;

    bool inPaint = false;
    int frames = 0;
    QMetaObject::Connection contextConnection;

    // Full detail comes back this long after the last camera move.
    QTimer detailTimer;
    // The fraction of the widget's resolution the frames are drawn at: 1, or less while moving
    // (setRenderScale). pixelRatio(): render-window pixels per logical pixel.
    double renderScale = 1.0;
    bool reduceWhileMoving = true;
    // The frames of a move (camera gesture or glyph drag) are timed, from the start of the
    // render to the end of the swap, and their detail follows the budget's level.
    ViewportFrameBudget budget;
    bool moving = false;
    QElapsedTimer frameClock;
    bool frameTimed = false;
    void paintFrame();   // the surface's paint: paint(), timed when moving
    void frameSwapped(); // the surface's frame is on the screen
    void applyBudget();  // the budget's level to the mesh copy and the render scale
    double pixelRatio() const;
    void applyRenderSize();
    void setRenderScale(double scale);
    double movingScale() const;

    // The left button's gesture.
    enum class Gesture {
        None,      // not pressed, or a press VTK has (camera)
        OnGlyph,   // pressed on a glyph that is not dragged: swallowed
        Pressed,   // pressed on a predicted glyph: a click (select) unless it moves
        Dragging,  // moving a predicted glyph on the surface, past the click slop
        Placement, // pressed on the surface in placement mode: a click unless it moves
    };
    Gesture gesture = Gesture::None;
    bool placementEnabled = false;
    bool dragEnabled = true;
    std::vector<bool> locked; // by landmark index; shorter: the rest are not locked
    int dragIndex = -1;
    Eigen::Vector3d dragPoint = Eigen::Vector3d::Zero();
    QPointF pressPosition;
    Eigen::Vector3d pressSurfacePoint = Eigen::Vector3d::Zero();
    Qt::KeyboardModifiers pressModifiers;

    // Hover picks run at most every kHoverMs, on the latest position.
    QTimer hoverTimer;
    QPointF hoverPosition;
    bool hoverInside = false;
    int hoverIndex = -1; // the glyph last reported, -1 none
    bool hoverGroundTruth = false;
    bool hoverWasNothing = false;
    QString hoverText;

    void setup();
    void initializeGL(); // the surface's context is new
    void paint();        // a frame into the surface's framebuffer
    static void onVtkEvent(vtkObject*, unsigned long event, void* clientData, void* callData);
    static void onRenderStart(vtkObject*, unsigned long, void* clientData, void*);
    static void onInteraction(vtkObject*, unsigned long event, void* clientData, void*);

    // Widget position (logical pixels, y down) to VTK display (device pixels, y up), and a
    // display box (x0, y0, x1, y1) back to a widget rectangle.
    void toDisplay(const QPointF& position, double* x, double* y) const;
    QRectF toWidgetRect(const std::array<double, 4>& box) const;
    // The landmark glyph / the surface under a widget position (CPU: projected glyphs and the
    // mesh's cell locator).
    std::optional<ViewportLandmarkLayer::Hit> pickLandmark(const QPointF& position) const;
    bool pickSurface(const QPointF& position, Eigen::Vector3d* point) const;

    void forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat = 0);
    void forwardAt(const QPointF& position, Qt::KeyboardModifiers mods, unsigned long vtkEvent,
                   int repeat = 0);
    void pressLeft(QMouseEvent* event, int repeat);
    void setMoving(bool moving); // level of detail on, or full detail soon
    void hoverPick();
    void reportHover(int index, bool groundTruth, const Eigen::Vector3d* surface);
};

} // namespace pal::ui
