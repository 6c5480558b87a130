#pragma once

// The 3D viewport: a QOpenGLWidget that hosts a VTK renderer (vtkGenericOpenGLRenderWindow,
// never QVTKOpenGLNativeWidget; ../shared/stack.md). No VTK header here: the VTK objects live
// in the .cpp (pimpl), so that the rest of ui/ compiles fast.

#include <Eigen/Core>
#include <QColor>
#include <QOpenGLWidget>
#include <QPointF>
#include <QString>

#include <memory>

namespace pal {
struct Mesh;
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

class ViewportWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit ViewportWidget(QWidget* parent = nullptr);
    ~ViewportWidget() override;

    // Shows mesh (replacing the previous one), with its texture when it has one and UVs.
    // Normals are computed when the mesh has none. Does not move the camera.
    void setMesh(const Mesh& mesh);
    void clearMesh();
    bool hasMesh() const;

    // Shows the present landmarks of set as spheres of landmarkRadius() mm, each with a label
    // (its schema key: "Prn", "Ex_R") unless labels are turned off.
    void setLandmarks(const LandmarkSet& set, const QColor& color = defaultLandmarkColor());
    void clearLandmarks();
    double landmarkRadius() const;
    void setLandmarkRadius(double millimetres);
    static QColor defaultLandmarkColor() { return QColor(255, 200, 40); }

    // The landmark labels: white text with a dark shadow on a translucent dark box, just right
    // of each marker. They draw over the surface, so the mesh never cuts through their text;
    // the label of a landmark the mesh hides from the camera is not drawn. On by default.
    void setLabelsVisible(bool visible);
    bool labelsVisible() const;
    // Labels drawn in the last frame (0 when labels are off).
    int visibleLabelCount() const;

    // Frames the whole scene (the mesh, else the landmarks) from the given side.
    void setStandardView(StandardView view);
    // The front view: +Z toward the viewer, +Y up (the LA-FAS frame).
    void resetCamera();

    // Where a world point appears, in widget coordinates (logical pixels, origin top-left).
    QPointF projectToWidget(const Eigen::Vector3d& world) const;

    // Frames drawn so far (each paintGL that rendered the scene).
    int renderedFrameCount() const;

    // The gradient background, bottom and top.
    static QColor backgroundBottom() { return QColor(30, 31, 34); }
    static QColor backgroundTop() { return QColor(82, 85, 92); }

Q_SIGNALS:
    void frameRendered(int frameCount);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

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
