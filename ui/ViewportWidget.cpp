#include "ui/ViewportWidget.h"

#include "core/landmarks/LandmarkSchema.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"
#include "ui/VtkMesh.h"

#include <Eigen/Geometry>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
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
#include <vtkSmartPointer.h>
#include <vtkSphereSource.h>
#include <vtkStaticCellLocator.h>
#include <vtkTextProperty.h>
#include <vtkTexture.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace pal::ui {
namespace {

struct ViewSpec {
    StandardView view;
    const char* name;
    Eigen::Vector3d towardCamera; // from the scene's centre to the camera
    Eigen::Vector3d up;
};

const std::array<ViewSpec, 5> kViews = {{
    {StandardView::Front, "front", {0, 0, 1}, {0, 1, 0}},
    {StandardView::Left, "left", {1, 0, 0}, {0, 1, 0}},      // the subject's left is +X
    {StandardView::Right, "right", {-1, 0, 0}, {0, 1, 0}},   // the subject's right is -X
    {StandardView::Top, "top", {0, 1, 0}, {0, 0, -1}},       // the face toward the image's bottom
    {StandardView::Bottom, "bottom", {0, -1, 0}, {0, 0, 1}}, // the face toward the image's top
}};

const ViewSpec& viewSpec(StandardView view) {
    for (const ViewSpec& spec : kViews) {
        if (spec.view == view) {
            return spec;
        }
    }
    return kViews[0];
}

// Label text in logical pixels (scaled by the device pixel ratio when drawn).
constexpr int kLabelFontSize = 13;
// Gap in logical pixels between a marker's edge and its label.
constexpr double kLabelGap = 4.0;

struct Label {
    vtkSmartPointer<vtkBillboardTextActor3D> actor;
    Eigen::Vector3d position; // the landmark
};

} // namespace

QString standardViewName(StandardView view) {
    return QString::fromLatin1(viewSpec(view).name);
}

bool parseStandardView(const QString& name, StandardView& view) {
    for (const ViewSpec& spec : kViews) {
        if (name.compare(QLatin1String(spec.name), Qt::CaseInsensitive) == 0) {
            view = spec.view;
            return true;
        }
    }
    return false;
}

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

    // Labels draw in an overlay renderer (layer 1, the same camera) so that the surface never
    // cuts through their text; a label whose landmark the mesh hides is switched off instead,
    // by casting the line of sight against the mesh (a cell locator built on first need).
    vtkNew<vtkRenderer> labelRenderer;
    std::vector<Label> labels;
    vtkNew<vtkTextProperty> labelStyle; // shared by every label
    vtkNew<vtkCallbackCommand> labelCallback;
    vtkNew<vtkStaticCellLocator> occluder;
    bool occluderReady = false;
    bool labelsVisible = true;
    bool labelsStale = true; // placement must be recomputed before the next render
    vtkMTimeType labelCameraTime = 0;
    int labelViewHeight = 0;

    bool inPaint = false;
    int frames = 0;
    QMetaObject::Connection contextConnection;

    static void onVtkEvent(vtkObject*, unsigned long event, void* clientData, void* callData);
    void setup();
    void forwardMouse(QMouseEvent* event, unsigned long vtkEvent, int repeat = 0);
    void removeLabels();
    static void onRenderStart(vtkObject*, unsigned long, void* clientData, void*);
    void placeLabels();
};

void ViewportWidget::Impl::removeLabels() {
    for (const Label& label : labels) {
        labelRenderer->RemoveActor(label.actor);
    }
    labels.clear();
    labelsStale = true;
}

void ViewportWidget::Impl::onRenderStart(vtkObject*, unsigned long, void* clientData, void*) {
    static_cast<Impl*>(clientData)->placeLabels();
}

// Before each render, when the camera moved: shows the labels whose landmark can be seen (the
// line of sight from the camera to a point just above the landmark crosses no triangle) and
// starts each label's text just right of its marker's projected edge.
void ViewportWidget::Impl::placeLabels() {
    if (labels.empty() || !labelsVisible) {
        return;
    }
    vtkCamera* camera = renderer->GetActiveCamera();
    const int viewHeightPx = std::max(1, renderWindow->GetSize()[1]);
    if (!labelsStale && camera->GetMTime() == labelCameraTime && viewHeightPx == labelViewHeight) {
        return;
    }
    auto* meshData = hasMesh ? vtkPolyData::SafeDownCast(meshMapper->GetInput()) : nullptr;
    if (meshData != nullptr && !occluderReady) {
        occluder->SetDataSet(meshData);
        occluder->BuildLocator();
        occluderReady = true;
    }
    const Eigen::Vector3d eye(camera->GetPosition());
    const Eigen::Vector3d projection(camera->GetDirectionOfProjection());
    const bool parallel = camera->GetParallelProjection() != 0;
    const double radius = landmarkSphere->GetRadius();
    // A landmark a little under the surface (a prediction, a coarse mesh) still counts as seen.
    const double clearance = radius + 1.0;
    const double far = meshData != nullptr ? 2 * meshData->GetLength() + 1 : 0;
    const double tanHalf = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2));
    const double dpr = q->devicePixelRatioF();
    const Eigen::Vector3d screenUp = Eigen::Vector3d(camera->GetViewUp()).normalized();
    const Eigen::Vector3d screenRight = projection.cross(screenUp).normalized();
    for (const Label& label : labels) {
        Eigen::Vector3d toEye = parallel ? Eigen::Vector3d(-projection) : eye - label.position;
        const double distance = toEye.norm();
        bool seen = distance > 0;
        if (seen) {
            toEye /= distance;
        }
        if (seen && meshData != nullptr) {
            // Seen when the line of sight reaches the marker's centre or one of four points on
            // its rim (a landmark on a profile, seen edge-on, is partly behind its neighbours).
            const Eigen::Vector3d near = label.position + std::min(clearance, distance) * toEye;
            seen = false;
            for (const Eigen::Vector3d& probe : {near, Eigen::Vector3d(near + radius * screenUp),
                                                 Eigen::Vector3d(near - radius * screenUp),
                                                 Eigen::Vector3d(near + radius * screenRight),
                                                 Eigen::Vector3d(near - radius * screenRight)}) {
                const Eigen::Vector3d from = parallel ? Eigen::Vector3d(probe + far * toEye) : eye;
                double t = 0, x[3], pcoords[3];
                int subId = 0;
                if (occluder->IntersectWithLine(from.data(), probe.data(), 0.0, t, x, pcoords,
                                                subId) == 0) {
                    seen = true;
                    break;
                }
            }
        }
        label.actor->SetVisibility(seen);
        if (!seen) {
            continue;
        }
        // The marker's radius on screen, in device pixels.
        const double worldPerPx = parallel ? 2 * camera->GetParallelScale() / viewHeightPx
                                           : 2 * distance * tanHalf / viewHeightPx;
        const double markerPx = radius / std::max(worldPerPx, 1e-9);
        label.actor->SetDisplayOffset(
            static_cast<int>(std::lround(std::min(markerPx, 200.0) + kLabelGap * dpr)), 0);
    }
    labelsStale = false;
    labelCameraTime = camera->GetMTime();
    labelViewHeight = viewHeightPx;
}

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
    renderWindow->SetNumberOfLayers(2);
    renderWindow->AddRenderer(renderer);
    labelRenderer->SetLayer(1); // drawn over the scene, its own depth buffer
    labelRenderer->SetActiveCamera(renderer->GetActiveCamera());
    labelRenderer->InteractiveOff(); // the interactor style keeps driving the scene's renderer
    renderWindow->AddRenderer(labelRenderer);

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

    // White text with a dark shadow reads on skin, texture and background alike.
    labelStyle->SetFontFamilyToArial();
    labelStyle->SetFontSize(kLabelFontSize);
    labelStyle->BoldOn();
    labelStyle->SetColor(1.0, 1.0, 1.0);
    labelStyle->ShadowOn();
    labelStyle->SetShadowOffset(1, -1);
    labelStyle->SetBackgroundColor(0.08, 0.08, 0.1);
    labelStyle->SetBackgroundOpacity(0.45);
    labelStyle->SetJustificationToLeft();
    labelStyle->SetVerticalJustificationToCentered();
    labelCallback->SetClientData(this);
    labelCallback->SetCallback(&Impl::onRenderStart);
    renderer->AddObserver(vtkCommand::StartEvent, labelCallback);
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
    d->occluderReady = false;
    d->labelsStale = true;
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
        d->occluder->SetDataSet(nullptr);
        d->occluderReady = false;
        d->labelsStale = true;
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
    d->removeLabels();
    for (int i = 0; i < set.size(); ++i) {
        const Landmark& l = set.at(i);
        if (l.isPresent() && l.position.allFinite()) {
            points->InsertNextPoint(l.position.x(), l.position.y(), l.position.z());
            Label label{vtkSmartPointer<vtkBillboardTextActor3D>::New(), l.position};
            label.actor->SetInput(set.schema().key(i).toUtf8().constData());
            label.actor->SetTextProperty(d->labelStyle);
            label.actor->SetPosition(l.position.x(), l.position.y(), l.position.z());
            label.actor->SetVisibility(d->labelsVisible);
            label.actor->PickableOff();
            d->labelRenderer->AddActor(label.actor);
            d->labels.push_back(std::move(label));
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
    d->removeLabels();
    update();
}

double ViewportWidget::landmarkRadius() const {
    return d->landmarkSphere->GetRadius();
}

void ViewportWidget::setLandmarkRadius(double millimetres) {
    d->landmarkSphere->SetRadius(millimetres);
    d->labelsStale = true;
    d->labelRenderer->Modified(); // the labels' quads follow the markers' new size
    update();
}

void ViewportWidget::setLabelsVisible(bool visible) {
    d->labelsVisible = visible;
    d->labelsStale = true;
    for (const Label& label : d->labels) {
        label.actor->SetVisibility(visible); // placeLabels hides the occluded ones again
    }
    update();
}

bool ViewportWidget::labelsVisible() const {
    return d->labelsVisible;
}

int ViewportWidget::visibleLabelCount() const {
    if (!d->labelsVisible) {
        return 0;
    }
    return static_cast<int>(std::count_if(d->labels.begin(), d->labels.end(), [](const Label& l) {
        return l.actor->GetVisibility() != 0;
    }));
}

void ViewportWidget::resetCamera() {
    setStandardView(StandardView::Front);
}

void ViewportWidget::setStandardView(StandardView view) {
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
    const Eigen::Vector3d c((b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2);
    const ViewSpec& spec = viewSpec(view);
    const Eigen::Vector3d& back = spec.towardCamera;
    const Eigen::Vector3d& up = spec.up;
    const Eigen::Vector3d right = up.cross(back); // the image's +x
    vtkCamera* camera = d->renderer->GetActiveCamera();
    camera->SetParallelProjection(false);
    const double t = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2)) / 1.06;
    const double aspect = height() > 0 ? double(width()) / height() : 1.0;
    // The nearest distance from which every point is in view (with a 6% margin): tighter than
    // fitting the bounding box, whose corners a face never fills.
    double distance = 1.0;
    auto fit = [&](const Eigen::Vector3d& p) {
        const Eigen::Vector3d v = p - c;
        const double fitY = std::abs(v.dot(up)) / t;
        const double fitX = std::abs(v.dot(right)) / (t * aspect);
        distance = std::max(distance, v.dot(back) + std::max(fitX, fitY));
    };
    if (points != nullptr && points->GetNumberOfPoints() > 0) {
        for (vtkIdType i = 0; i < points->GetNumberOfPoints(); ++i) {
            fit(Eigen::Vector3d(points->GetPoint(i)));
        }
    } else {
        for (int corner = 0; corner < 8; ++corner) {
            fit({b[corner & 1], b[2 + ((corner >> 1) & 1)], b[4 + ((corner >> 2) & 1)]});
        }
    }
    const Eigen::Vector3d eye = c + distance * back;
    camera->SetFocalPoint(c.x(), c.y(), c.z());
    camera->SetPosition(eye.x(), eye.y(), eye.z());
    camera->SetViewUp(up.x(), up.y(), up.z());
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
