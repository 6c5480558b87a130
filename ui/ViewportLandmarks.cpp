#include "ui/ViewportLandmarks.h"

#include "ui/ViewportGlyphs.h"
#include "ui/ViewportMesh.h"

#include <vtkActor.h>
#include <vtkBitArray.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkColorTransferFunction.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkMath.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pal::ui {
namespace {

constexpr double kSelectedScale = 1.35; // the selected landmark's glyphs grow this much
constexpr double kHaloScale = 1.9;      // the selection ring's radius, in marker radii
constexpr double kLineLift = 0.7;       // error line ends toward the camera, in marker radii
constexpr double kRingLift = 1.0;       // the predicted ring toward the camera, in radii
// The legend's box at most, in logical pixels, and its distance from the view's edges.
constexpr double kLegendWidth = 90.0;
constexpr double kLegendHeight = 200.0;
constexpr double kLegendMargin = 8.0;

void setupArrays(vtkPolyData* data, vtkPoints* points, vtkBitArray* mask, vtkFloatArray* scale,
                 vtkFloatArray* toEye) {
    points->SetDataTypeToDouble();
    data->SetPoints(points);
    mask->SetName("present");
    scale->SetName("scale");
    toEye->SetName("toEye");
    toEye->SetNumberOfComponents(3);
    data->GetPointData()->AddArray(mask);
    data->GetPointData()->AddArray(scale);
    data->GetPointData()->AddArray(toEye);
}

} // namespace

ViewportLandmarkLayer::ViewportLandmarkLayer(vtkRenderer* scene, vtkRenderer* overlay)
    : m_errorColours(makeErrorColours()), m_legend(overlay, m_errorColours), m_labels(overlay) {
    m_sets[Predicted].color = QColor(235, 50, 220);
    m_sets[GroundTruth].color = QColor(40, 200, 70);
    setupGlyphs(Predicted, scene);
    setupGlyphs(GroundTruth, scene);

    vtkNew<vtkPoints> haloPoints;
    haloPoints->SetDataTypeToDouble();
    m_haloData->SetPoints(haloPoints);
    vtkNew<vtkFloatArray> haloToEye;
    haloToEye->SetName("toEye");
    haloToEye->SetNumberOfComponents(3);
    m_haloData->GetPointData()->AddArray(haloToEye);
    m_haloMapper->SetInputData(m_haloData);
    m_haloMapper->SetSourceData(makeRing(1.0, 0.12, 1.1, 32, 4));
    m_haloMapper->SetScaleFactor(m_radius * kHaloScale);
    m_haloMapper->SetScaleModeToNoDataScaling();
    m_haloMapper->OrientOn();
    m_haloMapper->SetOrientationModeToDirection();
    m_haloMapper->SetOrientationArray("toEye");
    m_haloMapper->ScalarVisibilityOff();
    m_haloActor->SetMapper(m_haloMapper);
    m_haloActor->GetProperty()->SetColor(0.3, 0.95, 1.0); // cyan: no landmark or error colour
    m_haloActor->GetProperty()->LightingOff();
    m_haloActor->PickableOff();
    m_haloActor->VisibilityOff();
    scene->AddActor(m_haloActor);

    m_lineMapper->SetInputData(m_lineData);
    m_lineMapper->SetLookupTable(m_errorColours);
    m_lineMapper->UseLookupTableScalarRangeOn();
    m_lineMapper->SetScalarModeToUseCellData();
    m_lineMapper->ScalarVisibilityOn();
    m_lineActor->SetMapper(m_lineMapper);
    m_lineActor->GetProperty()->SetLineWidth(3.0);
    m_lineActor->GetProperty()->LightingOff();
    m_lineActor->PickableOff();
    m_lineActor->VisibilityOff();
    scene->AddActor(m_lineActor);
}

ViewportLandmarkLayer::~ViewportLandmarkLayer() = default;

void ViewportLandmarkLayer::setupGlyphs(Role role, vtkRenderer* scene) {
    Glyphs& g = m_sets[role];
    setupArrays(g.data, g.points, g.mask, g.scale, g.toEye);
    g.mapper->SetInputData(g.data);
    g.fine = role == GroundTruth ? makeTruthSphere() : makeTarget(kRingLift);
    g.coarse = role == GroundTruth ? makeTruthSphere(true) : makeTarget(kRingLift, true);
    g.mapper->SetSourceData(g.fine);
    g.mapper->ScalingOn();
    g.mapper->SetScaleArray("scale");
    g.mapper->SetScaleModeToScaleByMagnitude();
    g.mapper->SetScaleFactor(m_radius);
    g.mapper->MaskingOn();
    g.mapper->SetMaskArray("present");
    if (role == Predicted) {
        g.mapper->OrientOn();
        g.mapper->SetOrientationModeToDirection();
        g.mapper->SetOrientationArray("toEye");
    } else {
        g.mapper->OrientOff();
    }
    g.mapper->ScalarVisibilityOff();
    g.actor->SetMapper(g.mapper);
    vtkProperty* p = g.actor->GetProperty();
    p->SetColor(g.color.redF(), g.color.greenF(), g.color.blueF());
    p->SetAmbient(0.3);
    p->SetDiffuse(0.75);
    p->SetSpecular(0.35);
    p->SetSpecularPower(40.0);
    g.actor->PickableOff();
    g.actor->VisibilityOff();
    scene->AddActor(g.actor);
}

void ViewportLandmarkLayer::setMoving(bool moving) {
    if (moving == m_moving) {
        return;
    }
    m_moving = moving;
    for (Glyphs& g : m_sets) {
        g.mapper->SetSourceData(moving ? g.coarse : g.fine);
    }
}

int ViewportLandmarkLayer::count() const {
    int n = 0;
    for (const Glyphs& g : m_sets) {
        if (g.set) {
            n = std::max(n, g.set->size());
        }
    }
    return n;
}

const Landmark* ViewportLandmarkLayer::landmark(Role role, int index) const {
    const Glyphs& g = m_sets[role];
    if (!g.set || index < 0 || index >= g.set->size() || !isShown(index)) {
        return nullptr;
    }
    const Landmark& l = g.set->at(index);
    return l.isPresent() && l.position.allFinite() ? &l : nullptr;
}

double ViewportLandmarkLayer::error(int index) const {
    const Landmark* p = landmark(Predicted, index);
    const Landmark* t = landmark(GroundTruth, index);
    return p != nullptr && t != nullptr ? (p->position - t->position).norm()
                                        : std::numeric_limits<double>::quiet_NaN();
}

QString ViewportLandmarkLayer::describe(int index) const {
    for (const Glyphs& g : m_sets) {
        if (g.set && index >= 0 && index < g.set->size()) {
            return QStringLiteral("%1 (%2)").arg(g.set->schema().key(index),
                                                 g.set->schema().at(index).name);
        }
    }
    return QStringLiteral("#%1").arg(index + 1);
}

void ViewportLandmarkLayer::writeGlyph(Role role, int index) {
    Glyphs& g = m_sets[role];
    const Landmark* l = landmark(role, index);
    Eigen::Vector3d p = Eigen::Vector3d::Zero();
    if (l != nullptr) {
        p = l->position;
    } else {
        // A hidden glyph still counts in the mapper's bounds: keep it beside the others.
        for (int i = 0; i < g.set->size(); ++i) {
            if (const Landmark* other = landmark(role, i)) {
                p = other->position;
                break;
            }
        }
    }
    g.points->SetPoint(index, p.data());
    g.mask->SetValue(index, l != nullptr ? 1 : 0);
    g.scale->SetValue(index, index == m_selected ? float(kSelectedScale) : 1.0f);
    g.points->Modified();
    g.mask->Modified();
    g.scale->Modified();
    g.data->Modified();
    m_dirty = true;
}

void ViewportLandmarkLayer::refreshLabel(int index) {
    const Landmark* l = landmark(Predicted, index);
    if (l == nullptr) {
        l = landmark(GroundTruth, index);
    }
    if (l == nullptr) {
        m_labels.remove(index);
        return;
    }
    const LandmarkSchema& schema =
        m_sets[Predicted].set ? m_sets[Predicted].set->schema() : m_sets[GroundTruth].set->schema();
    m_labels.set(index, schema.key(index), l->position);
}

void ViewportLandmarkLayer::refreshHalo() {
    vtkPoints* points = m_haloData->GetPoints();
    points->Reset();
    for (const Role role : {Predicted, GroundTruth}) {
        if (const Landmark* l = landmark(role, m_selected)) {
            points->InsertNextPoint(l->position.data());
        }
    }
    points->Modified();
    auto* toEye = vtkFloatArray::SafeDownCast(m_haloData->GetPointData()->GetArray("toEye"));
    toEye->SetNumberOfTuples(points->GetNumberOfPoints());
    m_haloData->Modified();
    m_haloActor->SetVisibility(points->GetNumberOfPoints() > 0);
    m_dirty = true;
}

void ViewportLandmarkLayer::setSet(Role role, const LandmarkSet& set) {
    Glyphs& g = m_sets[role];
    const int before = count();
    g.set = set;
    const auto n = static_cast<vtkIdType>(set.size());
    g.points->SetNumberOfPoints(n);
    g.mask->SetNumberOfTuples(n);
    g.scale->SetNumberOfTuples(n);
    g.toEye->SetNumberOfTuples(n);
    for (int i = 0; i < set.size(); ++i) {
        g.toEye->SetTuple3(i, 1, 0, 0);
        writeGlyph(role, i);
    }
    g.actor->VisibilityOn();
    for (int i = 0; i < std::max(before, count()); ++i) {
        refreshLabel(i);
    }
    refreshHalo();
}

void ViewportLandmarkLayer::clearSet(Role role) {
    Glyphs& g = m_sets[role];
    if (!g.set) {
        return;
    }
    const int before = count();
    g.set.reset();
    g.actor->VisibilityOff();
    for (int i = 0; i < before; ++i) {
        refreshLabel(i);
    }
    refreshHalo();
}

void ViewportLandmarkLayer::updateLandmark(Role role, int index, const Landmark& landmark) {
    Glyphs& g = m_sets[role];
    if (!g.set || index < 0 || index >= g.set->size()) {
        return;
    }
    g.set->at(index) = landmark;
    writeGlyph(role, index);
    refreshLabel(index);
    if (index == m_selected) {
        refreshHalo();
    }
}

void ViewportLandmarkLayer::movePosition(Role role, int index, const Eigen::Vector3d& position) {
    if (const Landmark* l = landmark(role, index)) {
        Landmark moved = *l;
        moved.position = position;
        updateLandmark(role, index, moved);
    }
}

void ViewportLandmarkLayer::setColor(Role role, const QColor& color) {
    m_sets[role].color = color;
    m_sets[role].actor->GetProperty()->SetColor(color.redF(), color.greenF(), color.blueF());
}

void ViewportLandmarkLayer::setRadius(double millimetres) {
    m_radius = millimetres;
    for (Glyphs& g : m_sets) {
        g.mapper->SetScaleFactor(millimetres);
    }
    m_haloMapper->SetScaleFactor(millimetres * kHaloScale);
    m_labels.markStale();
    m_dirty = true;
}

void ViewportLandmarkLayer::setSelected(int index) {
    const int previous = m_selected;
    m_selected = index;
    m_labels.setPriority(index);
    for (const Role role : {Predicted, GroundTruth}) {
        for (const int i : {previous, index}) {
            if (m_sets[role].set && i >= 0 && i < m_sets[role].set->size()) {
                writeGlyph(role, i);
            }
        }
    }
    refreshHalo();
}

bool ViewportLandmarkLayer::isShown(int index) const {
    return index < 0 || static_cast<std::size_t>(index) >= m_hiddenByUser.size() ||
           !m_hiddenByUser[static_cast<std::size_t>(index)];
}

void ViewportLandmarkLayer::setShown(int index, bool shown) {
    if (index < 0 || isShown(index) == shown) {
        return;
    }
    if (static_cast<std::size_t>(index) >= m_hiddenByUser.size()) {
        m_hiddenByUser.resize(static_cast<std::size_t>(index) + 1, false);
    }
    m_hiddenByUser[static_cast<std::size_t>(index)] = !shown;
    for (const Role role : {Predicted, GroundTruth}) {
        if (m_sets[role].set && index < m_sets[role].set->size()) {
            writeGlyph(role, index);
        }
    }
    refreshLabel(index);
    refreshHalo();
}

void ViewportLandmarkLayer::setErrorLinesVisible(bool visible) {
    m_linesVisible = visible;
    m_dirty = true;
}

int ViewportLandmarkLayer::errorLineCount() const {
    if (!m_linesVisible) {
        return 0;
    }
    int n = 0;
    for (int i = 0; i < count(); ++i) {
        n += std::isfinite(error(i)) ? 1 : 0;
    }
    return n;
}

bool ViewportLandmarkLayer::legendVisible() const {
    return m_legendWanted && errorLineCount() > 0;
}

void ViewportLandmarkLayer::setLegendWanted(bool wanted) {
    m_legendWanted = wanted;
    m_legend.setVisible(m_legendWanted && m_lineCount > 0);
}

void ViewportLandmarkLayer::setLegendCorner(Qt::Corner corner) {
    m_legendCorner = corner;
    m_dirty = true;
}

std::array<double, 4> ViewportLandmarkLayer::legendBox(int width, int height, double dpr) const {
    const double w = std::min(0.15 * width, kLegendWidth * dpr);
    const double h = std::min(0.35 * height, kLegendHeight * dpr);
    const double margin = kLegendMargin * dpr;
    const bool right =
        m_legendCorner == Qt::BottomRightCorner || m_legendCorner == Qt::TopRightCorner;
    const bool top = m_legendCorner == Qt::TopLeftCorner || m_legendCorner == Qt::TopRightCorner;
    const double x0 = right ? width - margin - w : margin;
    const double y0 = top ? height - margin - h : margin;
    return {x0, y0, x0 + w, y0 + h};
}

std::vector<Eigen::Vector3d> ViewportLandmarkLayer::positions() const {
    std::vector<Eigen::Vector3d> out;
    for (const Role role : {Predicted, GroundTruth}) {
        for (int i = 0; i < count(); ++i) {
            if (const Landmark* l = landmark(role, i)) {
                out.push_back(l->position);
            }
        }
    }
    return out;
}

void ViewportLandmarkLayer::updateCameraFacing(vtkRenderer* scene) {
    vtkCamera* camera = scene->GetActiveCamera();
    Glyphs& g = m_sets[Predicted];
    for (vtkIdType i = 0; i < g.points->GetNumberOfPoints(); ++i) {
        const Eigen::Vector3d d = directionToEye(camera, Eigen::Vector3d(g.points->GetPoint(i)));
        g.toEye->SetTuple3(i, d.x(), d.y(), d.z());
    }
    g.toEye->Modified();
    g.data->Modified();
    vtkPoints* halo = m_haloData->GetPoints();
    vtkDataArray* haloToEye = m_haloData->GetPointData()->GetArray("toEye");
    for (vtkIdType i = 0; i < halo->GetNumberOfPoints(); ++i) {
        const Eigen::Vector3d d = directionToEye(camera, Eigen::Vector3d(halo->GetPoint(i)));
        haloToEye->SetTuple3(i, d.x(), d.y(), d.z());
    }
    haloToEye->Modified();
    m_haloData->Modified();
}

// The line from each predicted landmark to its ground truth. Both ends are moved toward the
// camera (which keeps their projections) by part of a marker's radius: the chord between two
// points of a convex surface lies under it, and would otherwise be hidden.
void ViewportLandmarkLayer::rebuildLines(vtkRenderer* scene) {
    vtkCamera* camera = scene->GetActiveCamera();
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    vtkNew<vtkCellArray> lines;
    vtkNew<vtkFloatArray> errors;
    errors->SetName("error");
    if (m_linesVisible) {
        const double lift = kLineLift * m_radius;
        for (int i = 0; i < count(); ++i) {
            const Landmark* p = landmark(Predicted, i);
            const Landmark* t = landmark(GroundTruth, i);
            if (p == nullptr || t == nullptr) {
                continue;
            }
            const Eigen::Vector3d a = p->position + lift * directionToEye(camera, p->position);
            const Eigen::Vector3d b = t->position + lift * directionToEye(camera, t->position);
            const vtkIdType ids[2] = {points->InsertNextPoint(a.data()),
                                      points->InsertNextPoint(b.data())};
            lines->InsertNextCell(2, ids);
            errors->InsertNextValue(float((p->position - t->position).norm()));
        }
    }
    m_lineData->SetPoints(points);
    m_lineData->SetLines(lines);
    m_lineData->GetCellData()->SetScalars(errors);
    m_lineData->Modified();
    m_lineCount = static_cast<int>(lines->GetNumberOfCells());
    m_lineActor->SetVisibility(m_lineCount > 0);
    m_legend.setVisible(m_legendWanted && m_lineCount > 0);
}

void ViewportLandmarkLayer::prepareRender(vtkRenderer* scene, const ViewportMeshLayer& mesh,
                                          double dpr) {
    const vtkMTimeType cameraTime = scene->GetActiveCamera()->GetMTime();
    if (m_dirty || cameraTime != m_cameraTime) {
        updateCameraFacing(scene);
        rebuildLines(scene);
        m_dirty = false;
        m_cameraTime = cameraTime;
    }
    // The legend in its corner; no label may cover it.
    const int* size = scene->GetRenderWindow()->GetSize();
    const std::array<double, 4> box = legendBox(size[0], size[1], dpr);
    const double none[4] = {0, 0, -1, -1};
    const int textPx = std::max(4, static_cast<int>(std::lround(12 * dpr)));
    m_lineActor->GetProperty()->SetLineWidth(static_cast<float>(std::max(1.0, 3 * dpr)));
    if (m_legend.visible() && size[0] > 0 && size[1] > 0) {
        m_legend.place(box, textPx);
        m_labels.setKeepOut(box.data());
    } else {
        m_labels.setKeepOut(none);
    }
    m_labels.place(scene, mesh, m_radius, dpr);
}

bool ViewportLandmarkLayer::hidden(vtkRenderer* scene, const ViewportMeshLayer& mesh,
                                   const Eigen::Vector3d& position) const {
    if (!mesh.hasMesh() || !mesh.analysisReady() || !mesh.opaque()) {
        return false; // a see-through surface hides nothing
    }
    vtkCamera* camera = scene->GetActiveCamera();
    const Eigen::Vector3d toEye = directionToEye(camera, position);
    const Eigen::Vector3d probe = position + (m_radius + 1.0) * toEye;
    const Eigen::Vector3d from =
        camera->GetParallelProjection() != 0
            ? Eigen::Vector3d(probe + (2 * mesh.polyData()->GetLength() + 1) * toEye)
            : Eigen::Vector3d(camera->GetPosition());
    return mesh.intersect(from, probe, nullptr);
}

std::optional<ViewportLandmarkLayer::Hit> ViewportLandmarkLayer::pick(vtkRenderer* scene,
                                                                      const ViewportMeshLayer& mesh,
                                                                      double x, double y,
                                                                      double dpr) const {
    vtkCamera* camera = scene->GetActiveCamera();
    const bool parallel = camera->GetParallelProjection() != 0;
    const Eigen::Vector3d eye(camera->GetPosition());
    const Eigen::Vector3d projection(camera->GetDirectionOfProjection());
    const int viewHeightPx = std::max(1, scene->GetRenderWindow()->GetSize()[1]);
    const double tanHalf = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2));
    struct Candidate {
        double distance;
        Hit hit;
        Eigen::Vector3d position;
    };
    std::vector<Candidate> candidates;
    for (const Role role : {Predicted, GroundTruth}) {
        for (int i = 0; i < count(); ++i) {
            const Landmark* l = landmark(role, i);
            if (l == nullptr) {
                continue;
            }
            const double depth = (l->position - eye).dot(projection);
            if (!parallel && depth <= 0) {
                continue; // behind the camera
            }
            scene->SetWorldPoint(l->position.x(), l->position.y(), l->position.z(), 1.0);
            scene->WorldToDisplay();
            const double* d = scene->GetDisplayPoint();
            const double worldPerPx = parallel ? 2 * camera->GetParallelScale() / viewHeightPx
                                               : 2 * depth * tanHalf / viewHeightPx;
            const double scale = i == m_selected ? kSelectedScale : 1.0;
            const double radiusPx = m_radius * scale / std::max(worldPerPx, 1e-9);
            const double reach = std::max(radiusPx, 4 * dpr) + 2 * dpr;
            const double distance = std::hypot(d[0] - x, d[1] - y);
            if (distance <= reach) {
                // The working set wins a near tie: it is the one a click edits.
                const double bias = role == Predicted ? 1.5 * dpr : 0.0;
                candidates.push_back({distance - bias, {i, role}, l->position});
            }
        }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
    for (const Candidate& c : candidates) {
        if (!hidden(scene, mesh, c.position)) {
            return c.hit;
        }
    }
    return std::nullopt;
}

} // namespace pal::ui
