#include "ui/ViewportGlyphs.h"

#include <vtkAppendPolyData.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkColorTransferFunction.h>
#include <vtkFloatArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSphereSource.h>

#include <cmath>
#include <numbers>

namespace pal::ui {

vtkSmartPointer<vtkPolyData> makeRing(double major, double minor, double offset, int around,
                                      int tube) {
    vtkNew<vtkPoints> points;
    vtkNew<vtkFloatArray> normals;
    normals->SetNumberOfComponents(3);
    vtkNew<vtkCellArray> cells;
    for (int i = 0; i < around; ++i) {
        const double u = 2 * std::numbers::pi * i / around;
        for (int j = 0; j < tube; ++j) {
            const double v = 2 * std::numbers::pi * j / tube;
            const double r = major + minor * std::cos(v);
            points->InsertNextPoint(offset + minor * std::sin(v), r * std::cos(u), r * std::sin(u));
            normals->InsertNextTuple3(std::sin(v), std::cos(v) * std::cos(u),
                                      std::cos(v) * std::sin(u));
        }
    }
    auto id = [&](int i, int j) { return vtkIdType((i % around) * tube + (j % tube)); };
    for (int i = 0; i < around; ++i) {
        for (int j = 0; j < tube; ++j) {
            const vtkIdType a[3] = {id(i, j), id(i + 1, j), id(i + 1, j + 1)};
            const vtkIdType b[3] = {id(i, j), id(i + 1, j + 1), id(i, j + 1)};
            cells->InsertNextCell(3, a);
            cells->InsertNextCell(3, b);
        }
    }
    auto ring = vtkSmartPointer<vtkPolyData>::New();
    ring->SetPoints(points);
    ring->SetPolys(cells);
    ring->GetPointData()->SetNormals(normals);
    return ring;
}

vtkSmartPointer<vtkPolyData> makeGlyphSphere(double radius, const Eigen::Vector3d& centre,
                                             int theta, int phi) {
    vtkNew<vtkSphereSource> sphere;
    sphere->SetRadius(radius);
    sphere->SetCenter(centre.x(), centre.y(), centre.z());
    sphere->SetThetaResolution(theta);
    sphere->SetPhiResolution(phi);
    sphere->Update();
    return sphere->GetOutput();
}

vtkSmartPointer<vtkPolyData> makeTarget(double lift, bool coarse) {
    vtkNew<vtkAppendPolyData> append;
    append->AddInputData(coarse ? makeRing(0.72, 0.28, lift, 12, 4) : makeRing(0.72, 0.28, lift));
    append->AddInputData(coarse ? makeGlyphSphere(0.26, {lift, 0, 0}, 5, 4)
                                : makeGlyphSphere(0.26, {lift, 0, 0}, 8, 6));
    append->Update();
    return append->GetOutput();
}

vtkSmartPointer<vtkPolyData> makeTruthSphere(bool coarse) {
    return coarse ? makeGlyphSphere(1.0, {0, 0, 0}, 8, 7) : makeGlyphSphere(1.0, {0, 0, 0});
}

vtkSmartPointer<vtkPolyData> makeCircle(double lift, int segments) {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> lines;
    lines->InsertNextCell(segments + 1);
    for (int i = 0; i <= segments; ++i) {
        const double u = 2 * std::numbers::pi * (i % segments) / segments;
        lines->InsertCellPoint(points->InsertNextPoint(lift, std::cos(u), std::sin(u)));
    }
    auto circle = vtkSmartPointer<vtkPolyData>::New();
    circle->SetPoints(points);
    circle->SetLines(lines);
    return circle;
}

Eigen::Vector3d directionToEye(vtkCamera* camera, const Eigen::Vector3d& p) {
    if (camera->GetParallelProjection() != 0) {
        return -Eigen::Vector3d(camera->GetDirectionOfProjection());
    }
    const Eigen::Vector3d d = Eigen::Vector3d(camera->GetPosition()) - p;
    const double n = d.norm();
    return n > 0 ? Eigen::Vector3d(d / n) : Eigen::Vector3d(0, 0, 1);
}

vtkSmartPointer<vtkColorTransferFunction> makeErrorColours() {
    auto colours = vtkSmartPointer<vtkColorTransferFunction>::New();
    colours->AddRGBPoint(0.0, 0.15, 0.85, 0.25);
    colours->AddRGBPoint(2.0, 0.15, 0.85, 0.25);
    colours->AddRGBPoint(3.0, 1.0, 0.88, 0.1);
    colours->AddRGBPoint(5.0, 0.95, 0.12, 0.1);
    colours->AddRGBPoint(6.0, 0.95, 0.12, 0.1);
    colours->ClampingOn();
    return colours;
}

} // namespace pal::ui
