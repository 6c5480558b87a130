// ViewportWidget's input: Qt mouse and key events, either handled here (clicks and drags on
// glyphs, placement clicks, hover picks) or passed on to VTK's trackball camera style.
// Picking is done on the CPU: glyphs by their projected discs, the surface by the mesh's
// cell locator (built once per mesh), so neither costs a render at a million triangles.

#include "core/landmarks/LandmarkSet.h"
#include "ui/ViewportImpl.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <vtkCommand.h>

#include <cmath>

namespace pal::ui {
namespace {

constexpr int kHoverMs = 40; // at most one hover pick this often
// A press that moves further is a drag (on a glyph) or turns the camera (on the surface); one
// that does not is a click, which never moves anything.
constexpr double kClickSlop = 4.0;

} // namespace

void ViewportWidget::Impl::toDisplay(const QPointF& position, double* x, double* y) const {
    const double dpr = pixelRatio();
    *x = position.x() * dpr;
    *y = renderWindow->GetSize()[1] - position.y() * dpr; // VTK's display y grows upward
}

std::optional<ViewportLandmarkLayer::Hit>
ViewportWidget::Impl::pickLandmark(const QPointF& position) const {
    double x = 0, y = 0;
    toDisplay(position, &x, &y);
    return landmarks->pick(renderer, *mesh, x, y, pixelRatio());
}

bool ViewportWidget::Impl::pickSurface(const QPointF& position, Eigen::Vector3d* point) const {
    if (!mesh->hasMesh()) {
        return false;
    }
    double x = 0, y = 0;
    toDisplay(position, &x, &y);
    // The ray under the mouse, from the near to the far clipping plane.
    Eigen::Vector3d ends[2];
    for (int i = 0; i < 2; ++i) {
        renderer->SetDisplayPoint(x, y, i);
        renderer->DisplayToWorld();
        const double* w = renderer->GetWorldPoint();
        ends[i] = Eigen::Vector3d(w[0], w[1], w[2]) / (w[3] != 0 ? w[3] : 1.0);
    }
    // Reach a little past the clipping planes: they hug the visible bounds.
    const Eigen::Vector3d along = ends[1] - ends[0];
    return mesh->intersect(ends[0] - 0.01 * along, ends[1] + 0.01 * along, point);
}

void ViewportWidget::Impl::forwardAt(const QPointF& position, Qt::KeyboardModifiers mods,
                                     unsigned long vtkEvent, int repeat) {
    const double dpr = pixelRatio();
    const QPointF p = position * dpr;
    interactor->SetEventInformationFlipY(
        static_cast<int>(std::lround(p.x())), static_cast<int>(std::lround(p.y())),
        (mods & Qt::ControlModifier) ? 1 : 0, (mods & Qt::ShiftModifier) ? 1 : 0, 0, repeat);
    interactor->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
    interactor->InvokeEvent(vtkEvent, nullptr);
}

void ViewportWidget::Impl::forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat) {
    forwardAt(event->position(), event->modifiers(), vtkEvent, repeat);
}

void ViewportWidget::Impl::pressLeft(QMouseEvent* event, int repeat) {
    hoverTimer.stop();
    gesture = Gesture::None;
    const QPointF at = event->position();
    if (landmarks->hasSet(ViewportLandmarkLayer::Predicted) ||
        landmarks->hasSet(ViewportLandmarkLayer::GroundTruth)) {
        mesh->waitForAnalysis(); // occlusion, and the drag's surface picks
        if (const auto hit = pickLandmark(at)) {
            const bool groundTruth = hit->role == ViewportLandmarkLayer::GroundTruth;
            Q_EMIT q->landmarkClicked(hit->index, groundTruth);
            if (!groundTruth && dragEnabled && mesh->analysisReady() &&
                !q->isLandmarkLocked(hit->index)) {
                gesture = Gesture::Pressed; // a drag starts only once the mouse moves
                dragIndex = hit->index;
                pressPosition = at;
            } else {
                gesture = Gesture::OnGlyph;
            }
            return; // the camera stays where it is
        }
    }
    if (placementEnabled && mesh->waitForAnalysis() && pickSurface(at, &pressSurfacePoint)) {
        gesture = Gesture::Placement; // VTK gets the press later if the mouse moves away
        pressPosition = at;
        pressModifiers = event->modifiers();
        return;
    }
    forwardMouse(event, vtkCommand::LeftButtonPressEvent, repeat);
}

void ViewportWidget::mousePressEvent(QMouseEvent* event) {
    switch (event->button()) {
    case Qt::LeftButton:
        d->pressLeft(event, 0);
        break;
    case Qt::MiddleButton:
        d->forwardMouse(event, vtkCommand::MiddleButtonPressEvent);
        break;
    case Qt::RightButton:
        d->forwardMouse(event, vtkCommand::RightButtonPressEvent);
        break;
    default:
        break;
    }
}

// A double click zooms in on what is under the mouse, a glyph or the surface (it selects the
// glyph, as its first click did); in placement mode it is a press like any other.
void ViewportWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        return;
    }
    if (d->placementEnabled) {
        d->pressLeft(event, 1);
        return;
    }
    d->hoverTimer.stop();
    d->mesh->waitForAnalysis();
    Eigen::Vector3d point;
    if (const auto hit = d->pickLandmark(event->position())) {
        const Landmark* l = d->landmarks->landmark(hit->role, hit->index);
        Q_EMIT landmarkClicked(hit->index, hit->role == ViewportLandmarkLayer::GroundTruth);
        zoomTo(l->position);
    } else if (d->pickSurface(event->position(), &point)) {
        zoomTo(point);
    }
    d->gesture = Impl::Gesture::OnGlyph; // the release that follows does nothing
}

void ViewportWidget::mouseReleaseEvent(QMouseEvent* event) {
    switch (event->button()) {
    case Qt::LeftButton: {
        const Impl::Gesture gesture = d->gesture;
        d->gesture = Impl::Gesture::None;
        switch (gesture) {
        case Impl::Gesture::Dragging: {
            Eigen::Vector3d point;
            if (d->pickSurface(event->position(), &point)) {
                d->dragPoint = point;
                d->landmarks->movePosition(ViewportLandmarkLayer::Predicted, d->dragIndex, point);
            }
            d->setMoving(false);
            requestFrame();
            const int index = d->dragIndex;
            d->dragIndex = -1;
            Q_EMIT dragFinished(index, d->dragPoint);
            break;
        }
        case Impl::Gesture::OnGlyph:
            break;
        case Impl::Gesture::Pressed: // a click: the glyph was selected, nothing moves
            d->dragIndex = -1;
            break;
        case Impl::Gesture::Placement:
            Q_EMIT surfaceClicked(d->pressSurfacePoint);
            break;
        case Impl::Gesture::None:
            d->forwardMouse(event, vtkCommand::LeftButtonReleaseEvent);
            break;
        }
        break;
    }
    case Qt::MiddleButton:
        d->forwardMouse(event, vtkCommand::MiddleButtonReleaseEvent);
        break;
    case Qt::RightButton:
        d->forwardMouse(event, vtkCommand::RightButtonReleaseEvent);
        break;
    default:
        break;
    }
}

void ViewportWidget::mouseMoveEvent(QMouseEvent* event) {
    if (d->gesture == Impl::Gesture::Pressed) {
        if ((event->position() - d->pressPosition).manhattanLength() <= kClickSlop) {
            return; // still a click
        }
        d->gesture = Impl::Gesture::Dragging;
        d->dragPoint =
            d->landmarks->landmark(ViewportLandmarkLayer::Predicted, d->dragIndex)->position;
        d->setMoving(true); // the decimated copy while the glyph moves
        Q_EMIT dragStarted(d->dragIndex);
    }
    switch (d->gesture) {
    case Impl::Gesture::Pressed:
        return;
    case Impl::Gesture::Dragging: {
        Eigen::Vector3d point;
        if (d->pickSurface(event->position(), &point)) {
            d->dragPoint = point;
            d->landmarks->movePosition(ViewportLandmarkLayer::Predicted, d->dragIndex, point);
            requestFrame();
            Q_EMIT dragMoved(d->dragIndex, point);
        }
        return;
    }
    case Impl::Gesture::OnGlyph:
        return;
    case Impl::Gesture::Placement:
        if ((event->position() - d->pressPosition).manhattanLength() <= kClickSlop) {
            return;
        }
        // Not a click after all: the camera turns from where the button went down.
        d->gesture = Impl::Gesture::None;
        d->forwardAt(d->pressPosition, d->pressModifiers, vtkCommand::LeftButtonPressEvent);
        break;
    case Impl::Gesture::None:
        break;
    }
    d->forwardMouse(event, vtkCommand::MouseMoveEvent);
    if (event->buttons() == Qt::NoButton) {
        d->hoverPosition = event->position();
        d->hoverInside = true;
        if (!d->hoverTimer.isActive()) {
            d->hoverTimer.start(kHoverMs);
        }
    }
}

void ViewportWidget::Impl::hoverPick() {
    if (!hoverInside || gesture != Gesture::None) {
        return;
    }
    if (const auto hit = pickLandmark(hoverPosition)) {
        reportHover(hit->index, hit->role == ViewportLandmarkLayer::GroundTruth, nullptr);
        return;
    }
    Eigen::Vector3d point;
    if (pickSurface(hoverPosition, &point)) { // false until the locator is built
        reportHover(-1, false, &point);
        return;
    }
    reportHover(-1, false, nullptr);
}

void ViewportWidget::Impl::reportHover(int index, bool groundTruth,
                                       const Eigen::Vector3d* surface) {
    QString text;
    if (index >= 0) {
        const bool changed = index != hoverIndex || groundTruth != hoverGroundTruth;
        hoverIndex = index;
        hoverGroundTruth = groundTruth;
        hoverWasNothing = false;
        const double error = landmarks->error(index);
        const QString which = landmarks->describe(index);
        if (!std::isfinite(error)) {
            text = groundTruth ? ViewportWidget::tr("%1, ground truth").arg(which)
                               : ViewportWidget::tr("%1, predicted").arg(which);
        } else {
            //: %1 names the landmark, %2 is a distance in millimetres
            text = groundTruth ? ViewportWidget::tr("%1, ground truth, %2 mm from the prediction")
                               //: %1 names the landmark, %2 is a distance in millimetres
                               : ViewportWidget::tr("%1, predicted, %2 mm from ground truth");
            text = text.arg(which).arg(error, 0, 'f', 1);
        }
        if (changed) {
            Q_EMIT q->hoveredLandmark(index, groundTruth);
        }
    } else if (surface != nullptr) {
        hoverIndex = -1;
        hoverWasNothing = false;
        text = ViewportWidget::tr("surface %1, %2, %3 mm")
                   .arg(surface->x(), 0, 'f', 1)
                   .arg(surface->y(), 0, 'f', 1)
                   .arg(surface->z(), 0, 'f', 1);
        Q_EMIT q->hoveredSurface(*surface);
    } else {
        hoverIndex = -1;
        if (!hoverWasNothing) {
            hoverWasNothing = true;
            Q_EMIT q->hoveredNothing();
        }
    }
    if (text != hoverText) {
        hoverText = text;
        Q_EMIT q->hovered(text);
    }
}

void ViewportWidget::wheelEvent(QWheelEvent* event) {
    const double dpr = d->pixelRatio();
    const QPointF p = event->position() * dpr;
    d->interactor->SetEventInformationFlipY(static_cast<int>(std::lround(p.x())),
                                            static_cast<int>(std::lround(p.y())));
    const int delta = event->angleDelta().y();
    if (delta > 0) {
        d->interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
    } else if (delta < 0) {
        d->interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
    }
    event->accept();
}

void ViewportWidget::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_R && event->modifiers() == Qt::NoModifier) {
        resetCamera(); // the front view, not VTK's reset along the current direction
        return;
    }
    // Blender's numpad views: 1 front, 3 right (Ctrl: left), 7 top (Ctrl: bottom).
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods == Qt::NoModifier || mods == Qt::ControlModifier) {
        const bool ctrl = mods == Qt::ControlModifier;
        switch (event->key()) {
        case Qt::Key_1:
            if (!ctrl) {
                setStandardView(StandardView::Front);
                return;
            }
            break;
        case Qt::Key_3:
            setStandardView(ctrl ? StandardView::Left : StandardView::Right);
            return;
        case Qt::Key_7:
            setStandardView(ctrl ? StandardView::Bottom : StandardView::Top);
            return;
        default:
            break;
        }
    }
    const QString text = event->text();
    const char code = text.size() == 1 ? text.at(0).toLatin1() : 0;
    d->interactor->SetKeyEventInformation((event->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                          (event->modifiers() & Qt::ShiftModifier) ? 1 : 0, code,
                                          event->isAutoRepeat() ? 1 : 0);
    d->interactor->InvokeEvent(vtkCommand::KeyPressEvent, event);
    // Only the harmless one-letter commands: w (wireframe), s (surface). VTK's others quit,
    // pick or switch to stereo.
    if (code == 'w' || code == 's') {
        d->interactor->InvokeEvent(vtkCommand::CharEvent, event);
    }
    QWidget::keyPressEvent(event);
}

void ViewportWidget::keyReleaseEvent(QKeyEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::KeyReleaseEvent, event);
    QWidget::keyReleaseEvent(event);
}

void ViewportWidget::enterEvent(QEnterEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::EnterEvent, event);
    QWidget::enterEvent(event);
}

void ViewportWidget::leaveEvent(QEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::LeaveEvent, event);
    d->hoverInside = false;
    d->hoverTimer.stop();
    d->reportHover(-1, false, nullptr);
    QWidget::leaveEvent(event);
}

} // namespace pal::ui
