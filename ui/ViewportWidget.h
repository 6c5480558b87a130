#pragma once

// The 3D viewport: a widget that hosts a VTK renderer (vtkGenericOpenGLRenderWindow, never
// QVTKOpenGLNativeWidget; docs/stack.md, "VTK's Qt widget is built for Qt 5"). It draws into a
// native child window (ViewportSurface, a QOpenGLWindow in a window container) that passes its
// mouse events back to this widget: no QOpenGLWidget, whose frames Qt composes with the whole
// window in software GL. No VTK header here: the VTK objects live in the .cpp (pimpl), so that
// the rest of ui/ compiles fast.

#include <Eigen/Core>
#include <QColor>
#include <QImage>
#include <QList>
#include <QWidget>

class QWindow;
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

namespace pal {
struct Mesh;
struct Landmark;
class LandmarkSet;
} // namespace pal

namespace pal::ui {

// The standard views, named after the side of the subject they show (LA-FAS frame: +Y up, +Z
// toward the face, the subject's right at -X). Top and Bottom keep the face (+Z) toward the
// bottom and the top of the image respectively, as if the camera had swung over the head or
// under the chin from the front.
enum class StandardView { Front, Left, Right, Top, Bottom };

// "front", "left", "right", "top", "bottom"; parseStandardView returns false for other text.
QString standardViewName(StandardView view);
bool parseStandardView(const QString& name, StandardView& view);

class ViewportWidget : public QWidget {
    Q_OBJECT
public:
    explicit ViewportWidget(QWidget* parent = nullptr);
    ~ViewportWidget() override;

    // Shows mesh (replacing the previous one), with its texture when it has one and UVs.
    // Normals are computed when the mesh has none. Does not move the camera. A worker thread
    // then builds a CPU cell locator (picking, label occlusion) and, for meshes of at least
    // 300k triangles, a decimated copy of about 25,000 drawn while the camera moves.
    // The OpenGL format VTK needs (3.2 core, depth 24, stencil 8, no multisampling), as the
    // default of every context. Call before the QApplication is created.
    static void setDefaultSurfaceFormat();
    // The VTK the view renders with ("9.1.0").
    static QString vtkVersion();

    void setMesh(const Mesh& mesh);
    void clearMesh();
    bool hasMesh() const;
    // Whether the worker's locator (and decimated copy) of the current mesh is in place; picks
    // wait for it. waitForMeshAnalysis blocks until it is (false without a mesh).
    bool meshAnalysisReady() const;
    bool waitForMeshAnalysis();
    // Triangles of the decimated copy (0: the mesh is drawn whole all the time) and whether it
    // is drawn now (the camera or a dragged landmark is moving).
    long levelOfDetailTriangleCount() const;
    bool showingLevelOfDetail() const;
    // On by default; off draws the full mesh while moving too.
    void setLevelOfDetailEnabled(bool enabled);
    bool levelOfDetailEnabled() const;
    // While the camera or a dragged landmark moves on a view bigger than 640 x 400 pixels, the
    // frames are drawn at a reduced resolution (about 640 x 400 pixels in all) and stretched
    // over the view; full resolution returns with full detail. On by default. renderScale():
    // the fraction drawn now (1 when still).
    void setReducedResolutionWhileMoving(bool enabled);
    bool reducedResolutionWhileMoving() const;
    double renderScale() const;
    // While moving, the detail follows the frame rate: each moving frame is timed and, when
    // frames take longer than 1 / movingFrameRate() (30 per second by default), the next ones
    // are drawn with fewer pixels, then with a coarser copy of a big mesh; detail comes back
    // when frames are fast again (ViewportFrameBudget). detailLevel(): 0 (the finest moving
    // detail) to 4. Off: level 0 until it is on again. A still view is always drawn at full detail.
    // Tolerance spheres (ui/ViewportTolerance.h): a translucent sphere of radii[i] mm around
    // centres[i] (the model's prediction, in the frame of the landmark sets); none where either
    // is not finite. Hidden until setToleranceSpheresVisible(true). toleranceSphereCount():
    // the spheres drawn now.
    void setToleranceSpheres(const std::vector<Eigen::Vector3d>& centres,
                             const std::vector<double>& radii);
    void setToleranceSpheresVisible(bool visible);
    bool toleranceSpheresVisible() const;
    int toleranceSphereCount() const;
    void setAdaptiveDetail(bool enabled);
    bool adaptiveDetail() const;
    void setMovingFrameRate(double framesPerSecond);
    double movingFrameRate() const;
    int detailLevel() const;

    // Two landmark sets at once, glyphs of landmarkRadius() mm whatever the mesh's scale;
    // missing landmarks draw nothing. The ground truth: solid spheres. The predicted (working)
    // set: rings facing the camera with a dot at the landmark. Each present landmark gets a
    // label (its schema key: "Prn", "Ex_R"), at the predicted position where there is one.
    void setGroundTruth(const LandmarkSet& set);
    void clearGroundTruth();
    bool hasGroundTruth() const;
    void setPredicted(const LandmarkSet& set);
    void clearPredicted();
    bool hasPredicted() const;
    // One landmark changed (moved, placed, removed): moves its glyph, label and error line only.
    // Ignored when the set is not shown or index is out of range.
    void updatePredictedLandmark(int index, const Landmark& landmark);
    void updateGroundTruthLandmark(int index, const Landmark& landmark);
    // The working set: setPredicted, drawn in color. clearLandmarks() is clearPredicted().
    void setLandmarks(const LandmarkSet& set, const QColor& color = defaultLandmarkColor());
    void clearLandmarks();
    void setPredictedColor(const QColor& color);
    QColor predictedColor() const;
    void setGroundTruthColor(const QColor& color);
    QColor groundTruthColor() const;
    static QColor defaultLandmarkColor() { return QColor(235, 50, 220); } // predicted: magenta
    static QColor defaultGroundTruthColor() { return QColor(40, 200, 70); }
    double landmarkRadius() const; // 1.6 mm by default
    void setLandmarkRadius(double millimetres);

    // With both sets shown: a line from each predicted landmark to its ground truth, coloured
    // by the distance (green up to 2 mm, yellow at 3, red from 5), and a legend titled
    // "error (mm)" while any line is drawn. On by default.
    void setErrorLinesVisible(bool visible);
    bool errorLinesVisible() const;
    int errorLineCount() const; // lines drawn
    bool errorLegendVisible() const;
    // View > Error Legend: off hides the legend even while error lines show.
    void setErrorLegendVisible(bool visible);
    // The corner the legend sits in (bottom right by default). The standard views keep the
    // face clear of the legend's side of the view.
    void setErrorLegendCorner(Qt::Corner corner);
    Qt::Corner errorLegendCorner() const;
    // Where the legend is drawn (widget coordinates); empty while it is not shown.
    QRectF errorLegendRect() const;
    static QColor errorColor(double millimetres); // the lines' colour for an error

    // The selected landmark (-1: none): its glyphs in both sets grow and get a cyan ring.
    void setSelectedLandmark(int index);
    int selectedLandmark() const;
    // Per landmark (both sets), as the user chose in the landmark table: a hidden landmark
    // draws no glyph, label or error line and cannot be picked; a locked one is selected by a
    // click but never dragged (placement is the window's to refuse).
    void setLandmarkShown(int index, bool shown);
    bool isLandmarkShown(int index) const;
    void setLandmarkLocked(int index, bool locked);
    bool isLandmarkLocked(int index) const;

    // Editing. Placement mode: a left click on the surface (not on a glyph, and without moving
    // the mouse) emits surfaceClicked with the exact surface point; a left drag from the
    // surface still turns the camera. Dragging a predicted glyph with the left button (on by
    // default) moves it on the surface: dragStarted, dragMoved (the glyph moves at once),
    // dragFinished; the camera stays still meanwhile. A click on any glyph emits
    // landmarkClicked. The mouse over the view emits the hovered* signals, at most every 40 ms.
    void setPlacementEnabled(bool enabled);
    bool placementEnabled() const;
    void setDragEnabled(bool enabled);
    bool dragEnabled() const;
    bool isDragging() const;

    // What lies under a widget position (logical pixels): the glyph (a predicted one wins a tie
    // with its ground truth; glyphs the mesh hides are skipped), the surface point.
    bool landmarkAt(const QPointF& position, int* index, bool* groundTruth) const;
    bool surfaceAt(const QPointF& position, Eigen::Vector3d* point) const;

    // The landmark labels: white text with a dark shadow on a translucent dark box, just right
    // of each marker. They draw over the surface, so the mesh never cuts through their text;
    // the label of a landmark the mesh hides from the camera is not drawn. On by default.
    void setLabelsVisible(bool visible);
    bool labelsVisible() const;
    // Labels drawn in the last frame (0 when labels are off).
    int visibleLabelCount() const;
    // The boxes of the labels drawn in the last frame (widget coordinates), by landmark index;
    // a null rectangle for a label not drawn. Labels never overlap one another or the legend.
    QList<QRectF> labelRects() const;
    // The label text size in logical pixels (13 by default; 6 to 48).
    void setLabelFontSize(int pixels);
    int labelFontSize() const;

    // The surface's opacity, 0.1 to 1 (1 by default). Through a see-through surface every
    // landmark shows, and can be picked.
    void setMeshOpacity(double opacity);
    double meshOpacity() const;

    // Frames the whole scene (the mesh, else the landmarks) from the given side, in the part
    // of the view the error legend leaves free.
    void setStandardView(StandardView view);
    // The front view: +Z toward the viewer, +Y up (the LA-FAS frame).
    void resetCamera();
    // Moves the camera sideways so that point is in the middle of the view; its direction and
    // distance stay (what was seen from the front is still seen from the front).
    void centerOn(const Eigen::Vector3d& point);
    // Centres on point and moves the camera toward it by factor (2: half the distance), not
    // nearer than 30 mm. A double click on a glyph or on the surface does this.
    void zoomTo(const Eigen::Vector3d& point, double factor = 2.0);

    // Where a world point appears, in widget coordinates (logical pixels, origin top-left).
    QPointF projectToWidget(const Eigen::Vector3d& world) const;

    // Frames drawn so far (each paint that rendered the scene).
    int renderedFrameCount() const;
    // The native window the frames are drawn into; the input it receives (mouse, wheel,
    // enter/leave) comes to this widget's handlers, and a press there focuses this widget.
    QWindow* surfaceWindow() const;
    // Draws a frame soon (QWidget::update() does the same).
    void requestFrame();
    // Draws a frame now and returns it (device pixels); a null image while the view has no
    // window yet (it waits up to a second for the window to be shown).
    QImage grabFramebuffer();

    // The gradient background, bottom and top.
    static QColor backgroundBottom() { return QColor(30, 31, 34); }
    static QColor backgroundTop() { return QColor(82, 85, 92); }

Q_SIGNALS:
    void frameRendered(int frameCount);
    void landmarkClicked(int index, bool groundTruth);
    void surfaceClicked(const Eigen::Vector3d& point);
    void dragStarted(int index);
    void dragMoved(int index, const Eigen::Vector3d& point);
    void dragFinished(int index, const Eigen::Vector3d& point);
    // Hover: the glyph under the mouse (emitted when it changes), else the surface point (each
    // hover pick), else nothing (when that changes). hovered carries a ready-made status text:
    // "Prn (Pronasale), predicted, 2.3 mm from ground truth", "surface 12.0, -3.4, 95.1 mm",
    // or empty.
    void hoveredLandmark(int index, bool groundTruth);
    void hoveredSurface(const Eigen::Vector3d& point);
    void hoveredNothing();
    void hovered(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::ui
