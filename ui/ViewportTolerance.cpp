#include "ui/ViewportTolerance.h"

#include "ui/ViewportGlyphs.h"

#include <vtkActor.h>
#include <vtkBitArray.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

#include <cmath>

namespace pal::ui {

ViewportToleranceSpheres::ViewportToleranceSpheres(vtkRenderer* scene) {
    m_mask->SetName("mask");
    m_radius->SetName("radius");
    m_data->SetPoints(m_points);
    m_data->GetPointData()->AddArray(m_mask);
    m_data->GetPointData()->AddArray(m_radius);
    m_toEye->SetName("toEye");
    m_toEye->SetNumberOfComponents(3);
    m_data->GetPointData()->AddArray(m_toEye);
    // Unit radius, scaled by each landmark's repeatability; lifted by most of it toward the
    // camera (which does not change its projection).
    m_mapper->SetSourceData(makeCircle(0.9));
    m_mapper->OrientOn();
    m_mapper->SetOrientationModeToDirection();
    m_mapper->SetOrientationArray("toEye");
    m_mapper->SetInputData(m_data);
    m_mapper->SetScaleArray("radius");
    m_mapper->SetScaleModeToScaleByMagnitude();
    m_mapper->SetMaskArray("mask");
    m_mapper->MaskingOn();
    m_mapper->ScalarVisibilityOff();
    m_actor->SetMapper(m_mapper);
    vtkProperty* p = m_actor->GetProperty();
    p->SetColor(0.35, 0.75, 1.0); // a light blue, unlike the markers and the error colours
    p->SetLineWidth(2.0f);
    p->LightingOff();
    m_actor->PickableOff();
    m_actor->VisibilityOff();
    scene->AddActor(m_actor);
}

ViewportToleranceSpheres::~ViewportToleranceSpheres() = default;

void ViewportToleranceSpheres::set(const std::vector<Eigen::Vector3d>& centres,
                                   const std::vector<double>& radii) {
    const auto n = static_cast<vtkIdType>(centres.size());
    m_points->SetNumberOfPoints(n);
    m_mask->SetNumberOfTuples(n);
    m_radius->SetNumberOfTuples(n);
    m_toEye->SetNumberOfTuples(n);
    m_count = 0;
    auto drawn = [&](vtkIdType i) {
        const double r = std::size_t(i) < radii.size() ? radii[std::size_t(i)] : NAN;
        return centres[std::size_t(i)].allFinite() && std::isfinite(r) && r > 0;
    };
    // A sphere not drawn still counts in the mapper's bounds: it sits on a drawn one.
    Eigen::Vector3d anchor = Eigen::Vector3d::Zero();
    for (vtkIdType i = 0; i < n; ++i) {
        if (drawn(i)) {
            anchor = centres[std::size_t(i)];
            break;
        }
    }
    for (vtkIdType i = 0; i < n; ++i) {
        const bool on = drawn(i);
        const Eigen::Vector3d& c = on ? centres[std::size_t(i)] : anchor;
        const double r = on ? radii[std::size_t(i)] : 0.0;
        m_points->SetPoint(i, c.data());
        m_mask->SetValue(i, on ? 1 : 0);
        m_radius->SetValue(i, float(r));
        m_toEye->SetTuple3(i, 0, 0, 1);
        m_count += on ? 1 : 0;
    }
    m_points->Modified();
    m_mask->Modified();
    m_radius->Modified();
    m_data->Modified();
    apply();
}

void ViewportToleranceSpheres::clear() {
    set({}, {});
}

void ViewportToleranceSpheres::setVisible(bool visible) {
    m_visible = visible;
    apply();
}

void ViewportToleranceSpheres::faceCamera(vtkCamera* camera) {
    if (!m_visible || m_count == 0) {
        return;
    }
    for (vtkIdType i = 0; i < m_points->GetNumberOfPoints(); ++i) {
        const Eigen::Vector3d d = directionToEye(camera, Eigen::Vector3d(m_points->GetPoint(i)));
        m_toEye->SetTuple3(i, d.x(), d.y(), d.z());
    }
    m_toEye->Modified();
    m_data->Modified();
}

void ViewportToleranceSpheres::apply() {
    m_actor->SetVisibility(m_visible && m_count > 0);
}

} // namespace pal::ui
