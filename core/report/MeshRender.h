#pragma once

// A small software renderer for the printed review report: a mesh drawn into a QImage with an
// orthographic camera, a depth buffer and simple lighting (a light from the viewer and a
// little above, both faces of a triangle lit), with its texture when it has one. It needs no
// display and no OpenGL, so `palstudio-cli report` runs on a server, and it draws the same
// picture on every machine. Landmarks are drawn on top by the caller: `project` gives their
// pixel and `isVisible` whether the surface hides them.

#include "core/mesh/Mesh.h"

#include <Eigen/Core>
#include <QColor>
#include <QImage>
#include <QPointF>
#include <QSize>

#include <vector>

namespace pal::report {

// An orthographic camera: what lies at `centre` is drawn at the middle of the image.
// right, up and toViewer are orthonormal, right = up x toViewer.
struct RenderCamera {
    Eigen::Vector3d centre = Eigen::Vector3d::Zero();
    Eigen::Vector3d right = Eigen::Vector3d::UnitX();
    Eigen::Vector3d up = Eigen::Vector3d::UnitY();
    Eigen::Vector3d toViewer = Eigen::Vector3d::UnitZ();
    double pixelsPerMm = 1;
    QSize size{256, 256};

    QPointF project(const Eigen::Vector3d& p) const; // pixel (x right, y down)
    double depth(const Eigen::Vector3d& p) const;    // larger is nearer the viewer
    RenderCamera scaled(double factor) const;        // the same view, factor times the pixels
};

// The camera that looks along -toViewer with `up` up (made orthogonal to toViewer) and fits the
// mesh's vertices in `size`, less `margin` (a fraction of the size) on each side.
RenderCamera fitCamera(const Mesh& mesh, const Eigen::Vector3d& toViewer, const Eigen::Vector3d& up,
                       QSize size, double margin = 0.04);
// The same for a few points (a face's landmarks: the view then shows the face, not the head),
// showing at least minExtentMm across (a few points close together still show their
// surroundings).
RenderCamera fitCamera(const std::vector<Eigen::Vector3d>& points, const Eigen::Vector3d& toViewer,
                       const Eigen::Vector3d& up, QSize size, double margin = 0.04,
                       double minExtentMm = 0);

struct MeshRender {
    QImage image;        // camera.size, RGB32
    RenderCamera camera; // of image
    // Whether p lies on or in front of the surface seen at its pixel (toleranceMm allows for
    // a landmark that sits on the surface): false where the face hides it, true off the mesh.
    bool isVisible(const Eigen::Vector3d& p, double toleranceMm = 1.5) const;
    // How far in front of p the surface seen at its pixel lies, in mm: 0 where nothing hides
    // it (or off the mesh), infinity off the image.
    double hiddenBy(const Eigen::Vector3d& p) const;

    // The depth buffer, at `supersample` times the image's pixels; -infinity where no surface.
    std::vector<float> depth;
    RenderCamera depthCamera;
};

// Draws the mesh on `background`. The image is drawn at `supersample` times the size and
// reduced (smooth edges). texture: the mesh's texture image, or null to draw it in skin tone.
MeshRender renderMesh(const Mesh& mesh, const RenderCamera& camera, const QImage& texture = {},
                      const QColor& background = Qt::white, int supersample = 2);

} // namespace pal::report
