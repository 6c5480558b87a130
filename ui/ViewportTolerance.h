#pragma once

// The viewport's tolerance spheres (internal to the viewport): around each landmark the model
// predicted, a sphere whose radius is the landmark's repeatability (how far apart one person's
// two placements of it typically are; repeatabilityOf in core). A ground truth or a correction
// inside it differs from the prediction by no more than people differ from themselves. Each
// sphere is drawn as its outline, the circle it shows the camera, lifted toward the camera so
// that the surface does not hide half of it (as the predicted markers are): a translucent
// sphere only 0.6 mm wider than its marker, half inside the face, could not be seen, and
// translucency costs a software-GL frame about 15 ms. Off by default.

#include <Eigen/Core>

#include <vtkNew.h>

#include <vector>

class vtkActor;
class vtkCamera;
class vtkBitArray;
class vtkFloatArray;
class vtkGlyph3DMapper;
class vtkPoints;
class vtkPolyData;
class vtkRenderer;

namespace pal::ui {

class ViewportToleranceSpheres {
public:
    explicit ViewportToleranceSpheres(vtkRenderer* scene);
    ~ViewportToleranceSpheres();
    ViewportToleranceSpheres(const ViewportToleranceSpheres&) = delete;
    ViewportToleranceSpheres& operator=(const ViewportToleranceSpheres&) = delete;

    // One sphere per centre whose centre and radius are finite (radius > 0).
    void set(const std::vector<Eigen::Vector3d>& centres, const std::vector<double>& radii);
    void clear();
    void setVisible(bool visible);
    // Turns the circles toward the camera; before each render.
    void faceCamera(vtkCamera* camera);
    bool visible() const { return m_visible; }
    int count() const { return m_count; } // spheres drawn when visible

private:
    void apply();
    vtkNew<vtkPolyData> m_data;
    vtkNew<vtkPoints> m_points;
    vtkNew<vtkBitArray> m_mask;
    vtkNew<vtkFloatArray> m_radius;
    vtkNew<vtkFloatArray> m_toEye;
    vtkNew<vtkGlyph3DMapper> m_mapper;
    vtkNew<vtkActor> m_actor;
    bool m_visible = false;
    int m_count = 0;
};

} // namespace pal::ui
