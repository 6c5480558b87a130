// ViewportWidget's camera: the standard views and projections.

#include "core/mesh/Mesh.h"
#include "ui/ViewportImpl.h"

#include <Eigen/Geometry>

#include <vtkCamera.h>
#include <vtkMath.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

#include <algorithm>
#include <array>
#include <cmath>

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

void ViewportWidget::resetCamera() {
    setStandardView(StandardView::Front);
}

void ViewportWidget::setStandardView(StandardView view) {
    vtkPoints* points = nullptr;
    vtkNew<vtkPoints> landmarkPoints;
    if (vtkPolyData* data = d->mesh->polyData()) {
        points = data->GetPoints();
    } else {
        for (const Eigen::Vector3d& p : d->landmarks->positions()) {
            landmarkPoints->InsertNextPoint(p.data());
        }
        points = landmarkPoints;
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
    const double tanHalf = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2));
    const double t = tanHalf / 1.06;
    // The legend's strip (its width and margins) is left free: the face is fitted into the rest
    // of the width and shifted away from the legend's side.
    double strip = 0; // logical pixels
    if (d->landmarks->legendVisible() && width() > 0) {
        const double dpr = devicePixelRatioF();
        const std::array<double, 4> box =
            d->landmarks->legendBox(static_cast<int>(std::lround(width() * dpr)),
                                    static_cast<int>(std::lround(height() * dpr)), dpr);
        strip = std::min((box[2] - box[0]) / dpr + 16.0, 0.3 * width());
    }
    const double aspect = height() > 0 ? (width() - strip) / height() : 1.0;
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
    // Half the strip, in mm at the focal distance, toward the legend: the face moves away.
    const bool legendRight = d->landmarks->legendCorner() == Qt::BottomRightCorner ||
                             d->landmarks->legendCorner() == Qt::TopRightCorner;
    const double mmPerPx = height() > 0 ? 2 * distance * tanHalf / height() : 0.0;
    const Eigen::Vector3d centre = c + (legendRight ? 1 : -1) * (strip / 2) * mmPerPx * right;
    const Eigen::Vector3d eye = centre + distance * back;
    camera->SetFocalPoint(centre.x(), centre.y(), centre.z());
    camera->SetPosition(eye.x(), eye.y(), eye.z());
    camera->SetViewUp(up.x(), up.y(), up.z());
    d->renderer->ResetCameraClippingRange();
    requestFrame();
}

void ViewportWidget::centerOn(const Eigen::Vector3d& point) {
    vtkCamera* camera = d->renderer->GetActiveCamera();
    double f[3], p[3];
    camera->GetFocalPoint(f);
    camera->GetPosition(p);
    const Eigen::Vector3d shift = point - Eigen::Vector3d(f[0], f[1], f[2]);
    camera->SetFocalPoint(point.x(), point.y(), point.z());
    camera->SetPosition(p[0] + shift.x(), p[1] + shift.y(), p[2] + shift.z());
    d->renderer->ResetCameraClippingRange();
    requestFrame();
}

void ViewportWidget::zoomTo(const Eigen::Vector3d& point, double factor) {
    centerOn(point);
    vtkCamera* camera = d->renderer->GetActiveCamera();
    const double distance = camera->GetDistance();
    const double target = std::max(distance / std::max(factor, 1e-3), 30.0);
    if (target < distance) {
        camera->Dolly(distance / target);
    }
    d->renderer->ResetCameraClippingRange();
    requestFrame();
}

QPointF ViewportWidget::projectToWidget(const Eigen::Vector3d& world) const {
    vtkRenderer* renderer = d->renderer;
    renderer->SetWorldPoint(world.x(), world.y(), world.z(), 1.0);
    renderer->WorldToDisplay();
    const double* p = renderer->GetDisplayPoint();
    const double dpr = d->pixelRatio();
    const int heightPx = d->renderWindow->GetSize()[1];
    return {p[0] / dpr, (heightPx - p[1]) / dpr}; // VTK's display y grows upward
}

} // namespace pal::ui
