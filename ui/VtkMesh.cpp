#include "ui/VtkMesh.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/mesh/Mesh.h"

#include <QImage>
#include <QString>

#include <vtkCellArray.h>
#include <vtkDoubleArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>

#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

namespace pal::ui {
namespace {

bool triangleIsValid(const Mesh& mesh, Eigen::Index f) {
    for (int c = 0; c < 3; ++c) {
        const auto v = mesh.triangles(f, c);
        if (v < 0 || v >= mesh.vertexCount()) {
            return false;
        }
    }
    return true;
}

// Triangles whose indices are in range; VTK would read out of bounds on the others.
std::vector<Eigen::Index> validTriangles(const Mesh& mesh) {
    std::vector<Eigen::Index> out;
    out.reserve(static_cast<std::size_t>(mesh.triangleCount()));
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        if (triangleIsValid(mesh, f)) {
            out.push_back(f);
        }
    }
    return out;
}

// The mesh's shared vertices and triangles, no attributes.
vtkSmartPointer<vtkPolyData> plainPolyData(const Mesh& mesh,
                                           const std::vector<Eigen::Index>& faces) {
    auto points = vtkSmartPointer<vtkPoints>::New();
    points->SetDataTypeToDouble();
    points->SetNumberOfPoints(mesh.vertexCount());
    for (Eigen::Index v = 0; v < mesh.vertexCount(); ++v) {
        points->SetPoint(v, mesh.vertices(v, 0), mesh.vertices(v, 1), mesh.vertices(v, 2));
    }
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->AllocateExact(static_cast<vtkIdType>(faces.size()),
                         static_cast<vtkIdType>(faces.size() * 3));
    for (const Eigen::Index f : faces) {
        const vtkIdType ids[3] = {mesh.triangles(f, 0), mesh.triangles(f, 1), mesh.triangles(f, 2)};
        cells->InsertNextCell(3, ids);
    }
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(points);
    poly->SetPolys(cells);
    if (mesh.triangleCount() == 0) {
        // A point cloud (an .npz case of "points"): its points are drawn as vertices.
        auto verts = vtkSmartPointer<vtkCellArray>::New();
        verts->AllocateExact(mesh.vertexCount(), mesh.vertexCount());
        for (vtkIdType v = 0; v < mesh.vertexCount(); ++v) {
            verts->InsertNextCell(1, &v);
        }
        poly->SetVerts(verts);
    }
    return poly;
}

// Per-vertex normals: the mesh's own, else smooth normals from vtkPolyDataNormals (no
// splitting, so the points stay the mesh's vertices).
vtkSmartPointer<vtkDataArray> vertexNormals(const Mesh& mesh, vtkPolyData* plain) {
    if (mesh.hasNormals()) {
        auto normals = vtkSmartPointer<vtkFloatArray>::New();
        normals->SetNumberOfComponents(3);
        normals->SetNumberOfTuples(mesh.vertexCount());
        for (Eigen::Index v = 0; v < mesh.vertexCount(); ++v) {
            normals->SetTuple3(v, mesh.normals(v, 0), mesh.normals(v, 1), mesh.normals(v, 2));
        }
        return normals;
    }
    auto filter = vtkSmartPointer<vtkPolyDataNormals>::New();
    filter->SetInputData(plain);
    filter->SplittingOff();
    filter->ConsistencyOff();
    filter->AutoOrientNormalsOff();
    filter->ComputePointNormalsOn();
    filter->ComputeCellNormalsOff();
    filter->Update();
    return filter->GetOutput()->GetPointData()->GetNormals();
}

bool uvIndicesValid(const Mesh& mesh, const std::vector<Eigen::Index>& faces) {
    for (const Eigen::Index f : faces) {
        for (int c = 0; c < 3; ++c) {
            const auto t = mesh.triangleUVs(f, c);
            if (t < 0 || t >= mesh.uvs.rows()) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

vtkSmartPointer<vtkPolyData> toPolyData(const Mesh& mesh, bool withTextureCoords) {
    const std::vector<Eigen::Index> faces = validTriangles(mesh);
    vtkSmartPointer<vtkPolyData> plain = plainPolyData(mesh, faces);
    vtkSmartPointer<vtkDataArray> normals = vertexNormals(mesh, plain);
    if (!withTextureCoords || !mesh.hasUVs() || !uvIndicesValid(mesh, faces)) {
        plain->GetPointData()->SetNormals(normals);
        return plain;
    }

    // One VTK point per (vertex, uv) pair; the ids are the mesh's own where a vertex has one UV.
    std::vector<std::int64_t> firstUv(static_cast<std::size_t>(mesh.vertexCount()), -1);
    std::unordered_map<std::uint64_t, vtkIdType> extra;
    std::vector<std::pair<Eigen::Index, Eigen::Index>> extraSource; // (vertex, uv) per new point
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->AllocateExact(static_cast<vtkIdType>(faces.size()),
                         static_cast<vtkIdType>(faces.size() * 3));
    for (const Eigen::Index f : faces) {
        vtkIdType ids[3];
        for (int c = 0; c < 3; ++c) {
            const Eigen::Index v = mesh.triangles(f, c);
            const Eigen::Index t = mesh.triangleUVs(f, c);
            auto& first = firstUv[static_cast<std::size_t>(v)];
            if (first < 0 || first == t) {
                first = t;
                ids[c] = v;
                continue;
            }
            const std::uint64_t key =
                (static_cast<std::uint64_t>(v) << 32) | static_cast<std::uint32_t>(t);
            auto [it, inserted] = extra.try_emplace(
                key, mesh.vertexCount() + static_cast<vtkIdType>(extraSource.size()));
            if (inserted) {
                extraSource.emplace_back(v, t);
            }
            ids[c] = it->second;
        }
        cells->InsertNextCell(3, ids);
    }

    const vtkIdType total = mesh.vertexCount() + static_cast<vtkIdType>(extraSource.size());
    auto points = vtkSmartPointer<vtkPoints>::New();
    points->SetDataTypeToDouble();
    points->SetNumberOfPoints(total);
    auto splitNormals = vtkSmartPointer<vtkFloatArray>::New();
    splitNormals->SetNumberOfComponents(3);
    splitNormals->SetNumberOfTuples(total);
    auto tcoords = vtkSmartPointer<vtkFloatArray>::New();
    tcoords->SetName("TCoords");
    tcoords->SetNumberOfComponents(2);
    tcoords->SetNumberOfTuples(total);
    auto setPoint = [&](vtkIdType id, Eigen::Index v, std::int64_t t) {
        points->SetPoint(id, mesh.vertices(v, 0), mesh.vertices(v, 1), mesh.vertices(v, 2));
        splitNormals->SetTuple(id, normals->GetTuple(v));
        if (t >= 0) {
            tcoords->SetTuple2(id, mesh.uvs(t, 0), mesh.uvs(t, 1));
        } else {
            tcoords->SetTuple2(id, 0.0, 0.0); // a vertex no triangle uses
        }
    };
    for (Eigen::Index v = 0; v < mesh.vertexCount(); ++v) {
        setPoint(v, v, firstUv[static_cast<std::size_t>(v)]);
    }
    for (std::size_t i = 0; i < extraSource.size(); ++i) {
        setPoint(mesh.vertexCount() + static_cast<vtkIdType>(i), extraSource[i].first,
                 extraSource[i].second);
    }

    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(points);
    poly->SetPolys(cells);
    poly->GetPointData()->SetNormals(splitNormals);
    poly->GetPointData()->SetTCoords(tcoords);
    return poly;
}

vtkSmartPointer<vtkImageData> readTextureImage(const QString& path) {
    // Through FileBytes, not QImage(path): the folder's name may not be UTF-8
    // (core/io/NativePath.h), and a pipe named like an image must not block.
    QImage image;
    try {
        const FileBytes bytes(path);
        if (bytes.size() > std::size_t(std::numeric_limits<int>::max()) ||
            !image.loadFromData(reinterpret_cast<const uchar*>(bytes.view().data()),
                                static_cast<int>(bytes.size()))) {
            return nullptr;
        }
    } catch (const Error&) {
        return nullptr;
    }
    constexpr int kMaxSide = 8192; // beyond what software GL takes comfortably
    if (image.width() > kMaxSide || image.height() > kMaxSide) {
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    // VTK's first row is the bottom one: v = 0 at the bottom of the image, as in OBJ.
    image = image.convertToFormat(QImage::Format_RGBA8888).mirrored(false, true);
    auto data = vtkSmartPointer<vtkImageData>::New();
    data->SetDimensions(image.width(), image.height(), 1);
    data->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* dst = static_cast<unsigned char*>(data->GetScalarPointer());
    const auto rowBytes = static_cast<std::size_t>(image.width()) * 4;
    for (int y = 0; y < image.height(); ++y) {
        std::memcpy(dst + static_cast<std::size_t>(y) * rowBytes, image.constScanLine(y), rowBytes);
    }
    return data;
}

} // namespace pal::ui
