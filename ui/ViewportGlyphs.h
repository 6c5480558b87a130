#pragma once

// The shapes and colours of the viewport's landmark glyphs (internal to the viewport). Glyphs
// have few triangles: software GL pays for each one of every glyph in every frame.

#include <Eigen/Core>

#include <vtkSmartPointer.h>

class vtkCamera;
class vtkColorTransferFunction;
class vtkPolyData;

namespace pal::ui {

// A torus around the +X axis at x = offset: tube centre radius major, tube radius minor.
vtkSmartPointer<vtkPolyData> makeRing(double major, double minor, double offset, int around = 20,
                                      int tube = 6);
vtkSmartPointer<vtkPolyData> makeGlyphSphere(double radius, const Eigen::Vector3d& centre,
                                             int theta = 14, int phi = 10);
// The predicted marker (unit radius): a ring facing +X with a dot at its centre, both at
// x = lift (the glyph mapper turns +X toward the camera). Coarse: the same shape in about a
// third of the triangles, drawn while the view moves.
vtkSmartPointer<vtkPolyData> makeTarget(double lift, bool coarse = false);
// The ground-truth marker (unit radius); coarse: about a third of the triangles.
vtkSmartPointer<vtkPolyData> makeTruthSphere(bool coarse = false);

// A circle of unit radius around the +X axis at x = lift, as one polyline of `segments`
// segments: the outline of a tolerance sphere, turned toward the camera.
vtkSmartPointer<vtkPolyData> makeCircle(double lift, int segments = 64);

// The unit direction from p toward the camera (the projection's reverse in parallel views).
Eigen::Vector3d directionToEye(vtkCamera* camera, const Eigen::Vector3d& p);

// The error colours: green up to 2 mm, yellow at 3, red from 5 mm, continuous between.
vtkSmartPointer<vtkColorTransferFunction> makeErrorColours();

} // namespace pal::ui
