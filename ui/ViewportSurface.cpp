#include "ui/ViewportSurface.h"

#include <QCoreApplication>
#include <QDropEvent>
#include <QEnterEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QWidget>

namespace pal::ui {

ViewportSurface::ViewportSurface(QWidget* eventTarget)
    : QOpenGLWindow(QOpenGLWindow::NoPartialUpdate), m_target(eventTarget) {
    setFlag(Qt::WindowDoesNotAcceptFocus);
}

void ViewportSurface::initializeGL() {
    if (m_callbacks.initialize) {
        m_callbacks.initialize();
    }
}

void ViewportSurface::resizeGL(int, int) {
    if (m_callbacks.resize) {
        m_callbacks.resize();
    }
}

void ViewportSurface::paintGL() {
    if (m_callbacks.paint) {
        m_callbacks.paint();
    }
}

bool ViewportSurface::event(QEvent* event) {
    if (forward(event)) {
        return true;
    }
    return QOpenGLWindow::event(event);
}

// Sends a copy of event to the widget (positions are the same: the container fills it) and
// copies back whether it was accepted. A press activates the widget's window and gives the widget
// the focus, as a click on any widget would.
bool ViewportSurface::forward(QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (event->type() == QEvent::MouseButtonPress) {
            // A click on a native child window does not activate its top-level window (this
            // one never takes the focus): without this, keys would go nowhere.
            m_target->activateWindow();
            if ((m_target->focusPolicy() & Qt::ClickFocus) == Qt::ClickFocus) {
                m_target->setFocus(Qt::MouseFocusReason);
            }
        }
        QMouseEvent copy(e->type(), e->position(), e->scenePosition(), e->globalPosition(),
                         e->button(), e->buttons(), e->modifiers(), e->pointingDevice());
        copy.setTimestamp(e->timestamp());
        QCoreApplication::sendEvent(m_target, &copy);
        e->setAccepted(copy.isAccepted());
        return true;
    }
    case QEvent::Wheel: {
        auto* e = static_cast<QWheelEvent*>(event);
        QWheelEvent copy(e->position(), e->globalPosition(), e->pixelDelta(), e->angleDelta(),
                         e->buttons(), e->modifiers(), e->phase(), e->inverted(), e->source(),
                         e->pointingDevice());
        QCoreApplication::sendEvent(m_target, &copy);
        e->setAccepted(copy.isAccepted());
        return true;
    }
    case QEvent::Enter: {
        auto* e = static_cast<QEnterEvent*>(event);
        QEnterEvent copy(e->position(), e->scenePosition(), e->globalPosition(),
                         e->pointingDevice());
        QCoreApplication::sendEvent(m_target, &copy);
        return true;
    }
    case QEvent::Leave: {
        QEvent copy(QEvent::Leave);
        QCoreApplication::sendEvent(m_target, &copy);
        return true;
    }
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::DragLeave:
    case QEvent::Drop:
        // Files dropped on the view open like files dropped anywhere on the main window.
        QCoreApplication::sendEvent(m_target->window(), event);
        return true;
    default:
        return false;
    }
}

} // namespace pal::ui
