#include "ui/ViewportLabels.h"

#include "ui/ViewportMesh.h"

#include <Eigen/Geometry>

#include <vtkCamera.h>
#include <vtkMath.h>
#include <vtkPolyData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace pal::ui {
namespace {

// Label text in logical pixels (scaled by the device pixel ratio when drawn).
constexpr int kLabelFontSize = 13;
// Gap in logical pixels between a marker's edge and its label.
constexpr double kLabelGap = 4.0;

} // namespace

ViewportLabelLayer::ViewportLabelLayer(vtkRenderer* overlay) : m_overlay(overlay) {
    // White text with a dark shadow reads on skin, texture and background alike.
    m_style->SetFontFamilyToArial();
    m_style->SetFontSize(kLabelFontSize);
    m_style->BoldOn();
    m_style->SetColor(1.0, 1.0, 1.0);
    m_style->ShadowOn();
    m_style->SetShadowOffset(1, -1);
    m_style->SetBackgroundColor(0.08, 0.08, 0.1);
    m_style->SetBackgroundOpacity(0.45);
    m_style->SetJustificationToLeft();
    m_style->SetVerticalJustificationToCentered();
}

ViewportLabelLayer::~ViewportLabelLayer() {
    clear();
}

void ViewportLabelLayer::set(int index, const QString& text, const Eigen::Vector3d& position) {
    if (index < 0) {
        return;
    }
    if (static_cast<std::size_t>(index) >= m_labels.size()) {
        m_labels.resize(static_cast<std::size_t>(index) + 1);
    }
    Label& label = m_labels[static_cast<std::size_t>(index)];
    if (label.actor == nullptr) {
        label.actor = vtkSmartPointer<vtkTextActor>::New();
        label.actor->SetTextProperty(m_style);
        label.actor->GetPositionCoordinate()->SetCoordinateSystemToDisplay();
        label.actor->PickableOff();
        label.actor->SetVisibility(m_visible);
        m_overlay->AddActor(label.actor);
    }
    const QByteArray utf8 = text.toUtf8();
    if (label.actor->GetInput() == nullptr || utf8 != label.actor->GetInput()) {
        label.actor->SetInput(utf8.constData());
    }
    label.position = position;
    m_stale = true;
}

void ViewportLabelLayer::remove(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_labels.size()) {
        return;
    }
    Label& label = m_labels[static_cast<std::size_t>(index)];
    if (label.actor != nullptr) {
        m_overlay->RemoveActor(label.actor);
        label.actor = nullptr;
    }
    m_stale = true;
}

void ViewportLabelLayer::clear() {
    for (const Label& label : m_labels) {
        if (label.actor != nullptr) {
            m_overlay->RemoveActor(label.actor);
        }
    }
    m_labels.clear();
    m_stale = true;
}

void ViewportLabelLayer::setVisible(bool visible) {
    m_visible = visible;
    m_stale = true;
    for (const Label& label : m_labels) {
        if (label.actor != nullptr) {
            label.actor->SetVisibility(visible); // place() hides the occluded ones again
        }
    }
}

int ViewportLabelLayer::visibleCount() const {
    if (!m_visible) {
        return 0;
    }
    return static_cast<int>(std::count_if(m_labels.begin(), m_labels.end(), [](const Label& l) {
        return l.actor != nullptr && l.actor->GetVisibility() != 0;
    }));
}

// A label is shown when the line of sight from the camera to a point just above its landmark
// crosses no triangle (the mesh's CPU locator; every label counts as seen until it is built).
void ViewportLabelLayer::place(vtkRenderer* scene, const ViewportMeshLayer& mesh,
                               double markerRadius, double dpr) {
    if (m_labels.empty() || !m_visible) {
        return;
    }
    vtkCamera* camera = scene->GetActiveCamera();
    const int* size = scene->GetRenderWindow()->GetSize();
    const int viewHeightPx = std::max(1, size[1]);
    if (!m_stale && camera->GetMTime() == m_cameraTime && size[0] == m_viewSize[0] &&
        size[1] == m_viewSize[1]) {
        return;
    }
    const bool occlusion = mesh.hasMesh() && mesh.analysisReady();
    const Eigen::Vector3d eye(camera->GetPosition());
    const Eigen::Vector3d projection(camera->GetDirectionOfProjection());
    const bool parallel = camera->GetParallelProjection() != 0;
    const double radius = markerRadius;
    // A landmark a little under the surface (a prediction, a coarse mesh) still counts as seen.
    const double clearance = radius + 1.0;
    vtkPolyData* data = mesh.polyData();
    const double far = occlusion && data != nullptr ? 2 * data->GetLength() + 1 : 0;
    const double tanHalf = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2));
    const Eigen::Vector3d screenUp = Eigen::Vector3d(camera->GetViewUp()).normalized();
    const Eigen::Vector3d screenRight = projection.cross(screenUp).normalized();
    for (const Label& label : m_labels) {
        if (label.actor == nullptr) {
            continue;
        }
        Eigen::Vector3d toEye = parallel ? Eigen::Vector3d(-projection) : eye - label.position;
        const double distance = toEye.norm();
        bool seen = distance > 0;
        if (seen) {
            toEye /= distance;
        }
        if (seen && occlusion) {
            // Seen when the line of sight reaches the marker's centre or one of four points on
            // its rim (a landmark on a profile, seen edge-on, is partly behind its neighbours).
            const Eigen::Vector3d near = label.position + std::min(clearance, distance) * toEye;
            seen = false;
            for (const Eigen::Vector3d& probe : {near, Eigen::Vector3d(near + radius * screenUp),
                                                 Eigen::Vector3d(near - radius * screenUp),
                                                 Eigen::Vector3d(near + radius * screenRight),
                                                 Eigen::Vector3d(near - radius * screenRight)}) {
                const Eigen::Vector3d from = parallel ? Eigen::Vector3d(probe + far * toEye) : eye;
                if (!mesh.intersect(from, probe, nullptr)) {
                    seen = true;
                    break;
                }
            }
        }
        // Where the landmark projects, in display pixels (y up); nothing behind the camera.
        scene->SetWorldPoint(label.position.x(), label.position.y(), label.position.z(), 1.0);
        scene->WorldToDisplay();
        const double* at = scene->GetDisplayPoint();
        seen = seen && at[2] >= 0.0 && at[2] <= 1.0;
        label.actor->SetVisibility(seen);
        if (!seen) {
            continue;
        }
        // The marker's radius on screen, in device pixels.
        const double worldPerPx = parallel ? 2 * camera->GetParallelScale() / viewHeightPx
                                           : 2 * distance * tanHalf / viewHeightPx;
        const double markerPx = radius / std::max(worldPerPx, 1e-9);
        label.actor->SetPosition(at[0] + std::min(markerPx, 200.0) + kLabelGap * dpr, at[1]);
    }
    m_stale = false;
    m_cameraTime = camera->GetMTime();
    m_viewSize[0] = size[0];
    m_viewSize[1] = size[1];
}

} // namespace pal::ui
