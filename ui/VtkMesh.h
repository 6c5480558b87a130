#pragma once

// Conversions from the core data model to VTK data, for the viewport only.

#include <vtkSmartPointer.h>

class vtkPolyData;
class vtkImageData;
class QString;

namespace pal {
struct Mesh;
} // namespace pal

namespace pal::ui {

// The mesh as vtkPolyData with point normals (the mesh's own, else computed) and, when
// withTextureCoords and the mesh has UVs, point texture coordinates. Mesh UVs belong to
// triangle corners: a vertex with several UVs (a seam) is split into one VTK point per UV.
// The mesh itself is never changed.
vtkSmartPointer<vtkPolyData> toPolyData(const Mesh& mesh, bool withTextureCoords);

// An image file as RGBA vtkImageData, rows bottom-up as VTK textures expect; null when it
// cannot be read.
vtkSmartPointer<vtkImageData> readTextureImage(const QString& path);

} // namespace pal::ui
