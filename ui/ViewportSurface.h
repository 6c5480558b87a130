#pragma once

// The native window the viewport draws into (internal to the viewport). ViewportWidget puts it in
// a window container: a QOpenGLWidget is drawn into a texture that Qt then composes with the
// rest of the window every frame, which in software GL cost about 22 ms a frame at 1280 x 800
// (bench/README.md); a native child window is swapped to the screen directly.
//
// The window only draws and passes on its input: mouse, wheel, enter/leave and drag-and-drop
// events go to the widget that owns it (same coordinates: the container fills the widget), so
// the widget's event handlers serve real input and QTest events alike. It never takes the
// keyboard focus (Qt::WindowDoesNotAcceptFocus): keys reach the main window's focus widget and
// its shortcuts, as they do for any other widget.

#include <QOpenGLWindow>

#include <functional>

class QWidget;

namespace pal::ui {

class ViewportSurface : public QOpenGLWindow {
    Q_OBJECT
public:
    struct Callbacks {
        std::function<void()> initialize; // the context is new (and current)
        std::function<void()> resize;     // the window's size changed
        std::function<void()> paint;      // draw a frame into defaultFramebufferObject()
    };
    explicit ViewportSurface(QWidget* eventTarget);

    // Empty callbacks (the owner is going away) make the window draw nothing.
    void setCallbacks(Callbacks callbacks) { m_callbacks = std::move(callbacks); }

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    bool event(QEvent* event) override;

private:
    bool forward(QEvent* event);
    QWidget* m_target;
    Callbacks m_callbacks;
};

} // namespace pal::ui
