#include "ui/ViewportWidget.h"

#include <QSurfaceFormat>

#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"
#include "ui/ViewportGlyphs.h"
#include "ui/ViewportImpl.h"
#include "ui/ViewportSurface.h"

#include <Eigen/Geometry>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QVBoxLayout>

#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkCommand.h>
#include <vtkLight.h>
#include <vtkLightCollection.h>
#include <vtkMath.h>
#include <vtkOpenGLState.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkVersion.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace pal::ui {
namespace {

// Full detail comes back this long after the camera stops.
constexpr int kDetailDelayMs = 150;
// The smallest share of the view's width and height a moving frame is drawn at (at level 0,
// as before the frame budget; at the coarser levels).
constexpr double kLevelZeroMinimumScale = 0.35;
constexpr double kMinimumScale = 0.25;

} // namespace

void ViewportWidget::Impl::onVtkEvent(vtkObject*, unsigned long event, void* clientData,
                                      void* callData) {
    auto* self = static_cast<Impl*>(clientData);
    QOpenGLContext* context = self->surface->context();
    switch (event) {
    case vtkCommand::WindowMakeCurrentEvent:
        // The context on its window, nothing else: VTK binds its own framebuffers
        // (docs/stack.md, "Making the context current (picking and black frames)").
        if (context != nullptr) {
            context->makeCurrent(self->surface);
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
            self->q->requestFrame();
        }
        break;
    default:
        break;
    }
}

void ViewportWidget::Impl::onRenderStart(vtkObject*, unsigned long, void* clientData, void*) {
    auto* self = static_cast<Impl*>(clientData);
    if (self->mesh->hasMesh() && !self->mesh->analysisReady() && !self->mesh->isBig()) {
        self->mesh->waitForAnalysis(); // milliseconds: labels hidden by the mesh stay hidden
    }
    self->landmarks->prepareRender(self->renderer, *self->mesh, self->pixelRatio());
    self->tolerance->faceCamera(self->renderer->GetActiveCamera());
}

// The interactor style starts and ends each camera gesture (rotate, pan, dolly, wheel step).
void ViewportWidget::Impl::onInteraction(vtkObject*, unsigned long event, void* clientData, void*) {
    static_cast<Impl*>(clientData)->setMoving(event == vtkCommand::StartInteractionEvent);
}

void ViewportWidget::Impl::setMoving(bool start) {
    if (start) {
        detailTimer.stop();
        if (!moving) {
            moving = true;
            budget.startMove();
        }
        mesh->setCoarse(budget.coarseMesh());
        mesh->setInteractive(true);
        landmarks->setMoving(true);
        setRenderScale(movingScale());
    } else {
        detailTimer.start();
    }
}

void ViewportWidget::Impl::paintFrame() {
    frameTimed = moving;
    frameClock.start();
    paint();
}

void ViewportWidget::Impl::frameSwapped() {
    if (!frameTimed || !moving) {
        return;
    }
    frameTimed = false;
    if (budget.frameTook(frameClock.nsecsElapsed() / 1e6)) {
        applyBudget();
    }
}

void ViewportWidget::Impl::applyBudget() {
    mesh->setCoarse(budget.coarseMesh());
    if (moving) {
        setRenderScale(movingScale());
    }
}

void ViewportWidget::Impl::setup() {
    // Before the widget has a context: a Render() now would fail to initialise GLEW and crash.
    renderWindow->SetReadyForRendering(false);
    renderWindow->SetMultiSamples(0); // VTK's own 8x MSAA costs 2.7x per frame
    renderWindow->SetNumberOfLayers(2);
    renderWindow->AddRenderer(renderer);
    overlay->SetLayer(1); // drawn over the scene, its own depth buffer
    overlay->SetActiveCamera(renderer->GetActiveCamera());
    overlay->InteractiveOff(); // the interactor style keeps driving the scene's renderer
    renderWindow->AddRenderer(overlay);

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
    interactionCallback->SetClientData(this);
    interactionCallback->SetCallback(&Impl::onInteraction);
    style->AddObserver(vtkCommand::StartInteractionEvent, interactionCallback);
    style->AddObserver(vtkCommand::EndInteractionEvent, interactionCallback);

    const QColor bottom = backgroundBottom();
    const QColor top = backgroundTop();
    renderer->GradientBackgroundOn();
    renderer->SetBackground(bottom.redF(), bottom.greenF(), bottom.blueF());
    renderer->SetBackground2(top.redF(), top.greenF(), top.blueF());
    renderer->TwoSidedLightingOn();
    lightKit->SetKeyLightIntensity(0.85);
    lightKit->AddLightsToRenderer(renderer);
    // Without the kit's two back lights (rim lights from behind, a quarter of the key's
    // intensity): software GL pays for every light at every pixel, ~4 ms a frame each here.
    vtkLightCollection* lights = renderer->GetLights();
    lights->InitTraversal();
    while (vtkLight* light = lights->GetNextItem()) {
        if (!light->LightTypeIsHeadlight() && light->GetPosition()[2] < 0) {
            light->SwitchOff();
        }
    }

    mesh = std::make_unique<ViewportMeshLayer>(renderer);
    landmarks = std::make_unique<ViewportLandmarkLayer>(renderer, overlay);
    tolerance = std::make_unique<ViewportToleranceSpheres>(renderer);
    mesh->setReadyCallback([this] {
        landmarks->labels().markStale(); // occlusion can be tested now
        q->requestFrame();
    });
    renderCallback->SetClientData(this);
    renderCallback->SetCallback(&Impl::onRenderStart);
    renderer->AddObserver(vtkCommand::StartEvent, renderCallback);

    detailTimer.setSingleShot(true);
    detailTimer.setInterval(kDetailDelayMs);
    QObject::connect(&detailTimer, &QTimer::timeout, q, [this] {
        moving = gesture == Gesture::Dragging;
        mesh->setInteractive(gesture == Gesture::Dragging);
        landmarks->setMoving(gesture == Gesture::Dragging);
        setRenderScale(gesture == Gesture::Dragging ? movingScale() : 1.0);
        q->requestFrame();
    });
}

ViewportWidget::ViewportWidget(QWidget* parent) : QWidget(parent), d(new Impl) {
    d->q = this;
    d->surface = new ViewportSurface(this);
    d->surface->setCallbacks({[this] { d->initializeGL(); }, [this] { d->applyRenderSize(); },
                              [this] { d->paintFrame(); }});
    connect(d->surface, &QOpenGLWindow::frameSwapped, this, [this] { d->frameSwapped(); });
    QWidget* container = QWidget::createWindowContainer(d->surface, this); // owns the surface
    container->setFocusPolicy(Qt::NoFocus); // this widget takes the focus, not the window
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(container);
    setAttribute(Qt::WA_OpaquePaintEvent);
    d->setup();
    d->hoverTimer.setSingleShot(true);
    connect(&d->hoverTimer, &QTimer::timeout, this, [this] { d->hoverPick(); });
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(200, 150);
}

ViewportWidget::~ViewportWidget() {
    // The surface (a child of the container) outlives d: it must not call back into it.
    d->surface->setCallbacks({});
    disconnect(d->contextConnection);
    if (d->surface->isValid()) {
        d->surface->makeCurrent();
        d->renderWindow->ReleaseGraphicsResources(d->renderWindow);
        d->surface->doneCurrent();
    }
    d->renderWindow->SetReadyForRendering(false);
}

void ViewportWidget::setMesh(const Mesh& mesh) {
    d->budget.reset(); // another mesh, another cost per frame
    d->mesh->setMesh(mesh);
    d->applyBudget();
    d->landmarks->labels().markStale();
    requestFrame();
}

void ViewportWidget::clearMesh() {
    d->mesh->clear();
    d->landmarks->labels().markStale();
    requestFrame();
}

bool ViewportWidget::hasMesh() const {
    return d->mesh->hasMesh();
}

bool ViewportWidget::meshAnalysisReady() const {
    return d->mesh->analysisReady();
}

bool ViewportWidget::waitForMeshAnalysis() {
    return d->mesh->waitForAnalysis();
}

long ViewportWidget::levelOfDetailTriangleCount() const {
    return d->mesh->lodTriangleCount();
}

bool ViewportWidget::showingLevelOfDetail() const {
    return d->mesh->showingLod();
}

void ViewportWidget::setLevelOfDetailEnabled(bool enabled) {
    d->mesh->setLodEnabled(enabled);
    requestFrame();
}

bool ViewportWidget::levelOfDetailEnabled() const {
    return d->mesh->lodEnabled();
}

void ViewportWidget::setGroundTruth(const LandmarkSet& set) {
    d->landmarks->setSet(ViewportLandmarkLayer::GroundTruth, set);
    requestFrame();
}

void ViewportWidget::clearGroundTruth() {
    d->landmarks->clearSet(ViewportLandmarkLayer::GroundTruth);
    requestFrame();
}

bool ViewportWidget::hasGroundTruth() const {
    return d->landmarks->hasSet(ViewportLandmarkLayer::GroundTruth);
}

void ViewportWidget::setPredicted(const LandmarkSet& set) {
    d->landmarks->setSet(ViewportLandmarkLayer::Predicted, set);
    requestFrame();
}

void ViewportWidget::clearPredicted() {
    d->landmarks->clearSet(ViewportLandmarkLayer::Predicted);
    requestFrame();
}

bool ViewportWidget::hasPredicted() const {
    return d->landmarks->hasSet(ViewportLandmarkLayer::Predicted);
}

void ViewportWidget::updatePredictedLandmark(int index, const Landmark& landmark) {
    d->landmarks->updateLandmark(ViewportLandmarkLayer::Predicted, index, landmark);
    requestFrame();
}

void ViewportWidget::updateGroundTruthLandmark(int index, const Landmark& landmark) {
    d->landmarks->updateLandmark(ViewportLandmarkLayer::GroundTruth, index, landmark);
    requestFrame();
}

void ViewportWidget::setLandmarks(const LandmarkSet& set, const QColor& color) {
    setPredictedColor(color);
    setPredicted(set);
}

void ViewportWidget::clearLandmarks() {
    clearPredicted();
}

void ViewportWidget::setPredictedColor(const QColor& color) {
    d->landmarks->setColor(ViewportLandmarkLayer::Predicted, color);
    requestFrame();
}

QColor ViewportWidget::predictedColor() const {
    return d->landmarks->color(ViewportLandmarkLayer::Predicted);
}

void ViewportWidget::setGroundTruthColor(const QColor& color) {
    d->landmarks->setColor(ViewportLandmarkLayer::GroundTruth, color);
    requestFrame();
}

QColor ViewportWidget::groundTruthColor() const {
    return d->landmarks->color(ViewportLandmarkLayer::GroundTruth);
}

double ViewportWidget::landmarkRadius() const {
    return d->landmarks->radius();
}

void ViewportWidget::setLandmarkRadius(double millimetres) {
    d->landmarks->setRadius(millimetres);
    requestFrame();
}

void ViewportWidget::setErrorLinesVisible(bool visible) {
    d->landmarks->setErrorLinesVisible(visible);
    requestFrame();
}

bool ViewportWidget::errorLinesVisible() const {
    return d->landmarks->errorLinesVisible();
}

int ViewportWidget::errorLineCount() const {
    return d->landmarks->errorLineCount();
}

void ViewportWidget::setErrorLegendVisible(bool visible) {
    d->landmarks->setLegendWanted(visible);
    requestFrame();
}

bool ViewportWidget::errorLegendVisible() const {
    return d->landmarks->legendVisible();
}

QColor ViewportWidget::errorColor(double millimetres) {
    double rgb[3];
    makeErrorColours()->GetColor(millimetres, rgb);
    return QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2]));
}

void ViewportWidget::setSelectedLandmark(int index) {
    d->landmarks->setSelected(index);
    requestFrame();
}

int ViewportWidget::selectedLandmark() const {
    return d->landmarks->selected();
}

void ViewportWidget::setLandmarkShown(int index, bool shown) {
    d->landmarks->setShown(index, shown);
    requestFrame();
}

bool ViewportWidget::isLandmarkShown(int index) const {
    return d->landmarks->isShown(index);
}

void ViewportWidget::setLandmarkLocked(int index, bool locked) {
    if (index < 0) {
        return;
    }
    if (static_cast<std::size_t>(index) >= d->locked.size()) {
        d->locked.resize(static_cast<std::size_t>(index) + 1, false);
    }
    d->locked[static_cast<std::size_t>(index)] = locked;
}

bool ViewportWidget::isLandmarkLocked(int index) const {
    return index >= 0 && static_cast<std::size_t>(index) < d->locked.size() &&
           d->locked[static_cast<std::size_t>(index)];
}

void ViewportWidget::setPlacementEnabled(bool enabled) {
    d->placementEnabled = enabled;
}

bool ViewportWidget::placementEnabled() const {
    return d->placementEnabled;
}

void ViewportWidget::setDragEnabled(bool enabled) {
    d->dragEnabled = enabled;
}

bool ViewportWidget::dragEnabled() const {
    return d->dragEnabled;
}

bool ViewportWidget::isDragging() const {
    return d->gesture == Impl::Gesture::Dragging;
}

bool ViewportWidget::landmarkAt(const QPointF& position, int* index, bool* groundTruth) const {
    d->mesh->waitForAnalysis(); // occlusion needs the locator
    const auto hit = d->pickLandmark(position);
    if (hit) {
        if (index != nullptr) {
            *index = hit->index;
        }
        if (groundTruth != nullptr) {
            *groundTruth = hit->role == ViewportLandmarkLayer::GroundTruth;
        }
    }
    return hit.has_value();
}

bool ViewportWidget::surfaceAt(const QPointF& position, Eigen::Vector3d* point) const {
    d->mesh->waitForAnalysis();
    return d->pickSurface(position, point);
}

void ViewportWidget::setLabelsVisible(bool visible) {
    d->landmarks->labels().setVisible(visible);
    requestFrame();
}

bool ViewportWidget::labelsVisible() const {
    return d->landmarks->labels().visible();
}

int ViewportWidget::visibleLabelCount() const {
    return d->landmarks->labels().visibleCount();
}

// Display pixels (y up) to a widget rectangle (logical pixels, y down).
QRectF ViewportWidget::Impl::toWidgetRect(const std::array<double, 4>& box) const {
    const double dpr = pixelRatio();
    const int heightPx = renderWindow->GetSize()[1];
    return QRectF(QPointF(box[0] / dpr, (heightPx - box[3]) / dpr),
                  QPointF(box[2] / dpr, (heightPx - box[1]) / dpr));
}

QList<QRectF> ViewportWidget::labelRects() const {
    QList<QRectF> out;
    for (const std::array<double, 4>& box : d->landmarks->labels().boxes()) {
        out.append(box[2] >= box[0] ? d->toWidgetRect(box) : QRectF());
    }
    return out;
}

void ViewportWidget::setLabelFontSize(int pixels) {
    d->landmarks->labels().setFontSize(pixels);
    requestFrame();
}

int ViewportWidget::labelFontSize() const {
    return d->landmarks->labels().fontSize();
}

void ViewportWidget::setMeshOpacity(double opacity) {
    d->mesh->setOpacity(opacity);
    d->landmarks->labels().markStale(); // occlusion changes with it
    requestFrame();
}

double ViewportWidget::meshOpacity() const {
    return d->mesh->opacity();
}

void ViewportWidget::setErrorLegendCorner(Qt::Corner corner) {
    d->landmarks->setLegendCorner(corner);
    requestFrame();
}

Qt::Corner ViewportWidget::errorLegendCorner() const {
    return d->landmarks->legendCorner();
}

QRectF ViewportWidget::errorLegendRect() const {
    if (!d->landmarks->legendVisible()) {
        return {};
    }
    const int* size = d->renderWindow->GetSize();
    return d->toWidgetRect(d->landmarks->legendBox(size[0], size[1], d->pixelRatio()));
}

int ViewportWidget::renderedFrameCount() const {
    return d->frames;
}

void ViewportWidget::Impl::initializeGL() {
    vtkGenericOpenGLRenderWindow* window = renderWindow;
    window->SetReadyForRendering(true);
    window->SetOwnContext(0);
    window->SetForceMaximumHardwareLineWidth(1); // else lines wider than 1 px draw 1 px
    window->OpenGLInitContext();
    applyRenderSize();
    interactor->Initialize(); // without it Render() draws black frames

    // A new context (the window was recreated): VTK's resources belong to the old one.
    QObject::disconnect(contextConnection);
    contextConnection =
        QObject::connect(surface->context(), &QOpenGLContext::aboutToBeDestroyed, q, [this] {
            surface->makeCurrent();
            renderWindow->ReleaseGraphicsResources(renderWindow);
            renderWindow->SetReadyForRendering(false);
            surface->doneCurrent();
        });
}

// The render window is the view's size in device pixels times the render scale (below 1
// while the camera moves on a big view).
void ViewportWidget::Impl::applyRenderSize() {
    const double ratio = pixelRatio();
    const int w = std::max(1, static_cast<int>(std::lround(surface->width() * ratio)));
    const int h = std::max(1, static_cast<int>(std::lround(surface->height() * ratio)));
    renderWindow->SetSize(w, h);
    interactor->UpdateSize(w, h);
}

// A reduced scale draws the frames of a move at about kMovingPixels and stretches them over
// the widget: software GL's cost grows with the pixels filled. Every conversion between widget
// and display coordinates goes through pixelRatio(), so picking and the camera's gestures stay
// exact; the event positions VTK holds for the gesture in progress are rescaled with it.
void ViewportWidget::Impl::setRenderScale(double scale) {
    if (scale == renderScale) {
        return;
    }
    const double factor = scale / renderScale;
    int* at = interactor->GetEventPosition();
    int* last = interactor->GetLastEventPosition();
    const int x = static_cast<int>(std::lround(at[0] * factor));
    const int y = static_cast<int>(std::lround(at[1] * factor));
    interactor->SetLastEventPosition(static_cast<int>(std::lround(last[0] * factor)),
                                     static_cast<int>(std::lround(last[1] * factor)));
    interactor->SetEventPosition(x, y);
    renderScale = scale;
    applyRenderSize();
    landmarks->labels().markStale();
    q->requestFrame();
}

double ViewportWidget::Impl::pixelRatio() const {
    return surface->devicePixelRatio() * renderScale;
}

double ViewportWidget::Impl::movingScale() const {
    const double dpr = surface->devicePixelRatio();
    const double pixels = surface->width() * dpr * surface->height() * dpr;
    if (!reduceWhileMoving || pixels <= budget.pixels()) {
        return 1.0;
    }
    // Level 0 keeps the floor moving frames always had; the coarser levels may go lower.
    return std::max(budget.level() == 0 ? kLevelZeroMinimumScale : kMinimumScale,
                    std::sqrt(budget.pixels() / pixels));
}

void ViewportWidget::setReducedResolutionWhileMoving(bool enabled) {
    d->reduceWhileMoving = enabled;
    if (!enabled) {
        d->setRenderScale(1.0);
    }
}

bool ViewportWidget::reducedResolutionWhileMoving() const {
    return d->reduceWhileMoving;
}

double ViewportWidget::renderScale() const {
    return d->renderScale;
}

void ViewportWidget::setToleranceSpheres(const std::vector<Eigen::Vector3d>& centres,
                                         const std::vector<double>& radii) {
    if (centres.empty()) {
        d->tolerance->clear();
    } else {
        d->tolerance->set(centres, radii);
    }
    requestFrame();
}

void ViewportWidget::setToleranceSpheresVisible(bool visible) {
    d->tolerance->setVisible(visible);
    requestFrame();
}

bool ViewportWidget::toleranceSpheresVisible() const {
    return d->tolerance->visible();
}

int ViewportWidget::toleranceSphereCount() const {
    return d->tolerance->visible() ? d->tolerance->count() : 0;
}

void ViewportWidget::setAdaptiveDetail(bool enabled) {
    d->budget.setAdaptive(enabled);
    d->applyBudget();
}

bool ViewportWidget::adaptiveDetail() const {
    return d->budget.adaptive();
}

void ViewportWidget::setMovingFrameRate(double framesPerSecond) {
    d->budget.setTargetMs(1000.0 / std::max(1.0, framesPerSecond));
}

double ViewportWidget::movingFrameRate() const {
    return 1000.0 / d->budget.targetMs();
}

int ViewportWidget::detailLevel() const {
    return d->budget.level();
}

void ViewportWidget::paintEvent(QPaintEvent*) {
    requestFrame(); // the surface covers the widget and draws the frames
}

QWindow* ViewportWidget::surfaceWindow() const {
    return d->surface;
}

void ViewportWidget::requestFrame() {
    d->surface->update();
}

// Draws a frame into the surface's framebuffer (the context is current).
void ViewportWidget::Impl::paint() {
    vtkGenericOpenGLRenderWindow* window = renderWindow;
    if (!window->GetReadyForRendering()) {
        return;
    }
    vtkOpenGLState* state = window->GetState();
    state->Reset(); // Qt changed the GL state behind VTK's cache
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL); // Qt leaves GL_LESS; VTK expects GL_LEQUAL
    inPaint = true;
    window->Render();
    inPaint = false;
    state->Pop();

    // Copy VTK's framebuffer into the window's.
    state->PushDrawFramebufferBinding();
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, surface->defaultFramebufferObject());
    const bool scissor = state->GetEnumState(GL_SCISSOR_TEST);
    state->SetEnumState(GL_SCISSOR_TEST, false);
    if (renderScale < 1.0) { // a reduced frame, stretched over the view
        const int* size = window->GetSize();
        const double dpr = surface->devicePixelRatio();
        window->BlitDisplayFramebuffer(
            0, 0, 0, size[0], size[1], 0, 0, static_cast<int>(std::lround(surface->width() * dpr)),
            static_cast<int>(std::lround(surface->height() * dpr)), GL_COLOR_BUFFER_BIT, GL_LINEAR);
    } else {
        window->BlitDisplayFramebuffer();
    }
    state->SetEnumState(GL_SCISSOR_TEST, scissor);
    state->PopDrawFramebufferBinding();

    ++frames;
    Q_EMIT q->frameRendered(frames);
}

QImage ViewportWidget::grabFramebuffer() {
    QElapsedTimer clock;
    clock.start();
    while (isVisible() && !d->surface->isValid() && clock.elapsed() < 1000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    if (!d->surface->isValid() || !d->renderWindow->GetReadyForRendering()) {
        return {};
    }
    d->surface->makeCurrent();
    d->paint();
    // What paint() left in the back buffer, bottom row first.
    const double dpr = d->surface->devicePixelRatio();
    const int w = static_cast<int>(std::lround(d->surface->width() * dpr));
    const int h = static_cast<int>(std::lround(d->surface->height() * dpr));
    QImage image(w, h, QImage::Format_RGBA8888);
    QOpenGLFunctions* gl = d->surface->context()->functions();
    gl->glBindFramebuffer(GL_READ_FRAMEBUFFER, d->surface->defaultFramebufferObject());
    gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
    gl->glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, image.bits());
    d->surface->doneCurrent();
    image = image.mirrored().convertToFormat(QImage::Format_RGB32);
    image.setDevicePixelRatio(dpr);
    return image;
}

QString ViewportWidget::vtkVersion() {
    return QString::fromLatin1(vtkVersion::GetVTKVersion());
}

void ViewportWidget::setDefaultSurfaceFormat() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(0);
    QSurfaceFormat::setDefaultFormat(format);
}

} // namespace pal::ui
