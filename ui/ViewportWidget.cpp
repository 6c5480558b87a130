#include "ui/ViewportWidget.h"

#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"
#include "ui/VtkMesh.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkGlyph3DMapper.h>
#include <vtkImageData.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkLightKit.h>
#include <vtkMath.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <vtkTexture.h>

#include <algorithm>
#include <cmath>

namespace pal::ui {

struct ViewportWidget::Impl {
    ViewportWidget* q = nullptr;
    vtkNew<vtkGenericOpenGLRenderWindow> renderWindow;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkLightKit> lightKit;
    vtkNew<vtkCallbackCommand> windowCallback;

    vtkNew<vtkActor> meshActor;
    vtkNew<vtkPolyDataMapper> meshMapper;
    vtkNew<vtkTexture> texture;
    bool hasMesh = false;

    vtkNew<vtkActor> landmarkActor;
    vtkNew<vtkGlyph3DMapper> landmarkMapper;
    vtkNew<vtkSphereSource> landmarkSphere;
    vtkNew<vtkPolyData> landmarkPoints;
    bool hasLandmarks = false;

    bool inPaint = false;
    int frames = 0;
    QMetaObject::Connection contextConnection;

    static void onVtkEvent(vtkObject*, unsigned long event, void* clientData, void* callData);
    void setup();
    void forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat = 0);
};

void ViewportWidget::Impl::onVtkEvent(vtkObject*, unsigned long event, void* clientData,
                                      void* callData) {
    auto* self = static_cast<Impl*>(clientData);
    QOpenGLContext* context = self->q->context();
    switch (event) {
    case vtkCommand::WindowMakeCurrentEvent:
        // Not QOpenGLWidget::makeCurrent(): it rebinds the widget's FBO, which breaks hardware
        // picking and blackens every frame after it (../shared/stack.md).
        if (context != nullptr) {
            context->makeCurrent(context->surface());
        }
        break;
    case vtkCommand::WindowIsCurrentEvent:
        *static_cast<bool*>(callData) =
            context != nullptr && QOpenGLContext::currentContext() == context;
        break;
    case vtkCommand::WindowFrameEvent:
    case vtkCommand::RenderEvent:
        // A render asked for outside paintGL (the interactor style): draw it in the next paint.
        if (!self->inPaint) {
            self->q->update();
        }
        break;
    default:
        break;
    }
}

void ViewportWidget::Impl::setup() {
    // Before the widget has a context: a Render() now would fail to initialise GLEW and crash.
    renderWindow->SetReadyForRendering(false);
    renderWindow->SetMultiSamples(0); // VTK's own 8x MSAA costs 2.7x per frame
    renderWindow->AddRenderer(renderer);

    windowCallback->SetClientData(this);
    windowCallback->SetCallback(&Impl::onVtkEvent);
    renderWindow->AddObserver(vtkCommand::WindowMakeCurrentEvent, windowCallback);
    renderWindow->AddObserver(vtkCommand::WindowIsCurrentEvent, windowCallback);
    renderWindow->AddObserver(vtkCommand::WindowFrameEvent, windowCallback);

    interactor->SetRenderWindow(renderWindow);
    interactor->SetInteractorStyle(style);
    // The style's renders become update() calls; paintGL renders.
    interactor->EnableRenderOff();
    interactor->AddObserver(vtkCommand::RenderEvent, windowCallback);

    const QColor bottom = backgroundBottom();
    const QColor top = backgroundTop();
    renderer->GradientBackgroundOn();
    renderer->SetBackground(bottom.redF(), bottom.greenF(), bottom.blueF());
    renderer->SetBackground2(top.redF(), top.greenF(), top.blueF());
    renderer->TwoSidedLightingOn();
    lightKit->SetKeyLightIntensity(0.85);
    lightKit->AddLightsToRenderer(renderer);

    meshActor->SetMapper(meshMapper);
    vtkProperty* skin = meshActor->GetProperty();
    skin->SetColor(0.87, 0.78, 0.70);
    skin->SetAmbient(0.08);
    skin->SetDiffuse(0.9);
    skin->SetSpecular(0.12);
    skin->SetSpecularPower(25.0);
    texture->InterpolateOn();
    texture->MipmapOn();

    landmarkSphere->SetRadius(1.5);
    landmarkSphere->SetThetaResolution(24);
    landmarkSphere->SetPhiResolution(16);
    landmarkMapper->SetInputData(landmarkPoints);
    landmarkMapper->SetSourceConnection(landmarkSphere->GetOutputPort());
    landmarkMapper->ScalingOff();
    landmarkMapper->OrientOff();
    landmarkActor->SetMapper(landmarkMapper);
    vtkProperty* marker = landmarkActor->GetProperty();
    marker->SetAmbient(0.3);
    marker->SetDiffuse(0.75);
    marker->SetSpecular(0.35);
    marker->SetSpecularPower(40.0);
}

void ViewportWidget::Impl::forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat) {
    const double dpr = q->devicePixelRatioF();
    const QPointF p = event->position() * dpr;
    const Qt::KeyboardModifiers mods = event->modifiers();
    interactor->SetEventInformationFlipY(
        static_cast<int>(std::lround(p.x())), static_cast<int>(std::lround(p.y())),
        (mods & Qt::ControlModifier) ? 1 : 0, (mods & Qt::ShiftModifier) ? 1 : 0, 0, repeat);
    interactor->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
    interactor->InvokeEvent(vtkEvent, event);
}

ViewportWidget::ViewportWidget(QWidget* parent) : QOpenGLWidget(parent), d(new Impl) {
    d->q = this;
    d->setup();
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(200, 150);
}

ViewportWidget::~ViewportWidget() {
    disconnect(d->contextConnection); // ~QOpenGLWidget destroys the context after d is gone
    if (context() != nullptr) {
        makeCurrent();
        d->renderWindow->ReleaseGraphicsResources(d->renderWindow);
        doneCurrent();
    }
    d->renderWindow->SetReadyForRendering(false);
}

void ViewportWidget::setMesh(const Mesh& mesh) {
    vtkSmartPointer<vtkImageData> image;
    if (!mesh.texturePath.isEmpty() && mesh.hasUVs()) {
        image = readTextureImage(mesh.texturePath);
    }
    d->meshMapper->SetInputData(toPolyData(mesh, image != nullptr));
    if (image != nullptr) {
        d->texture->SetInputData(image);
        d->meshActor->SetTexture(d->texture);
        d->meshActor->GetProperty()->SetColor(1.0, 1.0, 1.0);
    } else {
        d->meshActor->SetTexture(nullptr);
        d->meshActor->GetProperty()->SetColor(0.87, 0.78, 0.70);
    }
    if (!d->hasMesh) {
        d->renderer->AddActor(d->meshActor);
        d->hasMesh = true;
    }
    update();
}

void ViewportWidget::clearMesh() {
    if (d->hasMesh) {
        d->renderer->RemoveActor(d->meshActor);
        d->meshMapper->SetInputData(nullptr);
        d->meshActor->SetTexture(nullptr);
        d->hasMesh = false;
    }
    update();
}

bool ViewportWidget::hasMesh() const {
    return d->hasMesh;
}

void ViewportWidget::setLandmarks(const LandmarkSet& set, const QColor& color) {
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        if (l.isPresent() && l.position.allFinite()) {
            points->InsertNextPoint(l.position.x(), l.position.y(), l.position.z());
        }
    }
    d->landmarkPoints->SetPoints(points);
    d->landmarkPoints->Modified();
    d->landmarkActor->GetProperty()->SetColor(color.redF(), color.greenF(), color.blueF());
    if (!d->hasLandmarks) {
        d->renderer->AddActor(d->landmarkActor);
        d->hasLandmarks = true;
    }
    update();
}

void ViewportWidget::clearLandmarks() {
    if (d->hasLandmarks) {
        d->renderer->RemoveActor(d->landmarkActor);
        d->hasLandmarks = false;
    }
    update();
}

double ViewportWidget::landmarkRadius() const {
    return d->landmarkSphere->GetRadius();
}

void ViewportWidget::setLandmarkRadius(double millimetres) {
    d->landmarkSphere->SetRadius(millimetres);
    update();
}

void ViewportWidget::resetCamera() {
    vtkPoints* points = nullptr;
    if (d->hasMesh) {
        points = vtkPolyData::SafeDownCast(d->meshMapper->GetInput())->GetPoints();
    } else if (d->hasLandmarks) {
        points = d->landmarkPoints->GetPoints();
    }
    double b[6] = {-100, 100, -100, 100, -100, 100};
    if (points != nullptr && points->GetNumberOfPoints() > 0) {
        points->GetBounds(b);
    }
    const double c[3] = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
    vtkCamera* camera = d->renderer->GetActiveCamera();
    camera->SetParallelProjection(false);
    const double t = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2)) / 1.06;
    const double aspect = height() > 0 ? double(width()) / height() : 1.0;
    // The nearest distance along +Z from which every point is in view (with a 6% margin):
    // tighter than fitting the bounding box, whose front corners a face never fills.
    double distance = 1.0;
    auto fit = [&](double x, double y, double z) {
        const double fitY = std::abs(y - c[1]) / t;
        const double fitX = std::abs(x - c[0]) / (t * aspect);
        distance = std::max(distance, z - c[2] + std::max(fitX, fitY));
    };
    if (points != nullptr && points->GetNumberOfPoints() > 0) {
        for (vtkIdType i = 0; i < points->GetNumberOfPoints(); ++i) {
            const double* p = points->GetPoint(i);
            fit(p[0], p[1], p[2]);
        }
    } else {
        for (int corner = 0; corner < 8; ++corner) {
            fit(b[corner & 1], b[2 + ((corner >> 1) & 1)], b[4 + ((corner >> 2) & 1)]);
        }
    }
    camera->SetFocalPoint(c);
    camera->SetPosition(c[0], c[1], c[2] + distance);
    camera->SetViewUp(0.0, 1.0, 0.0);
    d->renderer->ResetCameraClippingRange();
    update();
}

QPointF ViewportWidget::projectToWidget(const Eigen::Vector3d& world) const {
    vtkRenderer* renderer = d->renderer;
    renderer->SetWorldPoint(world.x(), world.y(), world.z(), 1.0);
    renderer->WorldToDisplay();
    const double* p = renderer->GetDisplayPoint();
    const double dpr = devicePixelRatioF();
    const int heightPx = d->renderWindow->GetSize()[1];
    return {p[0] / dpr, (heightPx - p[1]) / dpr}; // VTK's display y grows upward
}

int ViewportWidget::renderedFrameCount() const {
    return d->frames;
}

void ViewportWidget::initializeGL() {
    vtkGenericOpenGLRenderWindow* window = d->renderWindow;
    window->SetReadyForRendering(true);
    window->SetOwnContext(0);
    window->SetForceMaximumHardwareLineWidth(1); // else lines wider than 1 px draw 1 px
    window->OpenGLInitContext();
    const double dpr = devicePixelRatioF();
    const int w = static_cast<int>(std::lround(width() * dpr));
    const int h = static_cast<int>(std::lround(height() * dpr));
    window->SetSize(w, h);
    d->interactor->UpdateSize(w, h);
    d->interactor->Initialize(); // without it Render() draws black frames

    // A new context (the widget moved to another window): VTK's resources belong to the old.
    disconnect(d->contextConnection);
    d->contextConnection = connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
        makeCurrent();
        d->renderWindow->ReleaseGraphicsResources(d->renderWindow);
        d->renderWindow->SetReadyForRendering(false);
        doneCurrent();
    });
}

void ViewportWidget::resizeGL(int, int) {
    const double dpr = devicePixelRatioF();
    const int w = static_cast<int>(std::lround(width() * dpr));
    const int h = static_cast<int>(std::lround(height() * dpr));
    d->renderWindow->SetSize(w, h);
    d->interactor->UpdateSize(w, h);
}

void ViewportWidget::paintGL() {
    vtkGenericOpenGLRenderWindow* window = d->renderWindow;
    if (!window->GetReadyForRendering()) {
        return;
    }
    vtkOpenGLState* state = window->GetState();
    state->Reset(); // Qt changed the GL state behind VTK's cache
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL); // Qt leaves GL_LESS; VTK expects GL_LEQUAL
    d->inPaint = true;
    window->Render();
    d->inPaint = false;
    state->Pop();

    // Copy VTK's framebuffer into the widget's, then make the alpha opaque: without it
    // QWidget::grab() shows the window's grey through the scene.
    state->PushDrawFramebufferBinding();
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    const bool scissor = state->GetEnumState(GL_SCISSOR_TEST);
    state->SetEnumState(GL_SCISSOR_TEST, false);
    window->BlitDisplayFramebuffer();
    {
        vtkOpenGLState::ScopedglColorMask mask(state);
        vtkOpenGLState::ScopedglClearColor clearColor(state);
        state->vtkglColorMask(false, false, false, true);
        state->vtkglClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        state->vtkglClear(GL_COLOR_BUFFER_BIT);
    }
    state->SetEnumState(GL_SCISSOR_TEST, scissor);
    state->PopDrawFramebufferBinding();

    ++d->frames;
    Q_EMIT frameRendered(d->frames);
}

void ViewportWidget::mousePressEvent(QMouseEvent* event) {
    switch (event->button()) {
    case Qt::LeftButton:
        d->forwardMouse(event, vtkCommand::LeftButtonPressEvent);
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

void ViewportWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        d->forwardMouse(event, vtkCommand::LeftButtonPressEvent, 1);
    }
}

void ViewportWidget::mouseReleaseEvent(QMouseEvent* event) {
    switch (event->button()) {
    case Qt::LeftButton:
        d->forwardMouse(event, vtkCommand::LeftButtonReleaseEvent);
        break;
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
    d->forwardMouse(event, vtkCommand::MouseMoveEvent);
}

void ViewportWidget::wheelEvent(QWheelEvent* event) {
    const double dpr = devicePixelRatioF();
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
    QOpenGLWidget::keyPressEvent(event);
}

void ViewportWidget::keyReleaseEvent(QKeyEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::KeyReleaseEvent, event);
    QOpenGLWidget::keyReleaseEvent(event);
}

void ViewportWidget::enterEvent(QEnterEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::EnterEvent, event);
    QOpenGLWidget::enterEvent(event);
}

void ViewportWidget::leaveEvent(QEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::LeaveEvent, event);
    QOpenGLWidget::leaveEvent(event);
}

} // namespace pal::ui
