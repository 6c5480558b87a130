#include "ui/ViewportMesh.h"

#include "core/mesh/Mesh.h"
#include "ui/VtkMesh.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <vtkActor.h>
#include <vtkBinnedDecimation.h>
#include <vtkImageData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkQuadricDecimation.h>
#include <vtkRenderer.h>
#include <vtkStaticCellLocator.h>
#include <vtkTexture.h>

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <memory>

namespace pal::ui {
namespace {

double surfaceArea(const Mesh& mesh) {
    double area = 0;
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        const auto a = mesh.triangles(f, 0), b = mesh.triangles(f, 1), c = mesh.triangles(f, 2);
        if (std::min({a, b, c}) < 0 || std::max({a, b, c}) >= mesh.vertexCount()) {
            continue;
        }
        const Eigen::Vector3d pa = mesh.vertices.row(a), pb = mesh.vertices.row(b),
                              pc = mesh.vertices.row(c);
        area += 0.5 * (pb - pa).cross(pc - pa).norm();
    }
    return area;
}

// Bins of side h on a surface of area A keep about 2.7 A / h^2 triangles (measured on
// spheres). Each bin keeps one of its input points, with its normal and texture coordinate, so
// the copy lies on the surface and keeps the texture.
vtkSmartPointer<vtkPolyData> decimated(vtkPolyData* surface, double area,
                                       const Eigen::Vector3d& size, long targetTriangles) {
    const double spacing = std::sqrt(2.7 * area / double(targetTriangles));
    int divisions[3];
    for (int axis = 0; axis < 3; ++axis) {
        const double n = spacing > 0 ? std::ceil(size[axis] / spacing) : 1;
        divisions[axis] = static_cast<int>(std::clamp(n, 1.0, 1024.0));
    }
    vtkNew<vtkBinnedDecimation> decimate;
    decimate->SetInputData(surface);
    decimate->AutoAdjustNumberOfDivisionsOff();
    decimate->SetNumberOfDivisions(divisions);
    decimate->SetPointGenerationModeToBinPoints();
    decimate->ProducePointDataOn();
    decimate->Update();
    return decimate->GetOutput();
}

// The coarser copy, from the first by edge collapses (quadric error): binning again at this
// size folds triangles over, which two-sided lighting draws black. With the attribute error
// metric the filter carries the normals and texture coordinates along (without it the copy
// has none: faceted, and a textured scan loses its texture while moving).
vtkSmartPointer<vtkPolyData> coarser(vtkPolyData* lod, long targetTriangles) {
    const vtkIdType triangles = lod->GetNumberOfPolys();
    if (triangles <= targetTriangles) {
        return lod;
    }
    vtkNew<vtkQuadricDecimation> decimate;
    decimate->SetInputData(lod);
    decimate->SetTargetReduction(1.0 - double(targetTriangles) / double(triangles));
    decimate->AttributeErrorMetricOn();
    decimate->Update();
    return decimate->GetOutput();
}

// Runs on a worker thread: everything it touches is its own.
MeshAnalysis analyse(const std::shared_ptr<const Mesh>& mesh, bool textured, int generation) {
    QElapsedTimer clock;
    clock.start();
    MeshAnalysis out;
    out.generation = generation;
    out.surface = toPolyData(*mesh, textured);
    out.locator = vtkSmartPointer<vtkStaticCellLocator>::New();
    out.locator->SetDataSet(out.surface);
    out.locator->BuildLocator();
    if (mesh->triangleCount() >= ViewportMeshLayer::kLodMinTriangles) {
        const double area = surfaceArea(*mesh);
        const Eigen::Vector3d size = mesh->bounds().size();
        out.lod = decimated(out.surface, area, size, ViewportMeshLayer::kLodTargetTriangles);
        out.coarseLod = coarser(out.lod, ViewportMeshLayer::kLodCoarseTriangles);
    }
    out.seconds = clock.nsecsElapsed() / 1e9;
    return out;
}

} // namespace

ViewportMeshLayer::ViewportMeshLayer(vtkRenderer* renderer) : m_renderer(renderer) {
    m_actor->SetMapper(m_mapper);
    m_lodActor->SetMapper(m_lodMapper);
    m_lodActor->SetProperty(m_actor->GetProperty()); // the same material and colour
    m_lodActor->VisibilityOff();
    QObject::connect(&m_watcher, &QFutureWatcherBase::finished, &m_watcher, [this] {
        if (m_watcher.future().isValid() && m_watcher.future().resultCount() > 0) {
            install(m_watcher.result());
        }
    });
}

ViewportMeshLayer::~ViewportMeshLayer() {
    // The worker touches only its own data; it may finish after this layer is gone.
    m_watcher.disconnect();
}

void ViewportMeshLayer::setMesh(const Mesh& mesh) {
    vtkSmartPointer<vtkImageData> image;
    if (!mesh.texturePath.isEmpty() && mesh.hasUVs()) {
        image = readTextureImage(mesh.texturePath);
    }
    const bool textured = image != nullptr;
    m_mapper->SetInputData(toPolyData(mesh, textured));
    if (textured) {
        m_texture->SetInputData(image);
        m_actor->SetTexture(m_texture);
        m_lodActor->SetTexture(m_texture);
        m_actor->GetProperty()->SetColor(1.0, 1.0, 1.0);
    } else {
        m_actor->SetTexture(nullptr);
        m_lodActor->SetTexture(nullptr);
        m_actor->GetProperty()->SetColor(0.87, 0.78, 0.70);
    }
    // A point cloud (no triangles) is drawn as round points big enough to see its shape.
    m_actor->GetProperty()->SetPointSize(mesh.triangleCount() == 0 ? 4.0f : 1.0f);
    m_actor->GetProperty()->SetRenderPointsAsSpheres(mesh.triangleCount() == 0);
    if (!m_hasMesh) {
        m_renderer->AddActor(m_actor);
        m_renderer->AddActor(m_lodActor);
        m_hasMesh = true;
    }
    m_triangles = static_cast<long>(mesh.triangleCount());
    m_analysis = MeshAnalysis{};
    m_lodMapper->SetInputData(nullptr);
    setInteractive(m_interactive);
    const int generation = ++m_generation;
    auto copy = std::make_shared<const Mesh>(mesh);
    m_watcher.setFuture(QtConcurrent::run(
        [copy, textured, generation] { return analyse(copy, textured, generation); }));
}

void ViewportMeshLayer::clear() {
    if (m_hasMesh) {
        m_renderer->RemoveActor(m_actor);
        m_renderer->RemoveActor(m_lodActor);
        m_mapper->SetInputData(nullptr);
        m_lodMapper->SetInputData(nullptr);
        m_actor->SetTexture(nullptr);
        m_lodActor->SetTexture(nullptr);
        m_hasMesh = false;
    }
    m_triangles = 0;
    ++m_generation; // a running analysis is dropped when it ends
    m_analysis = MeshAnalysis{};
}

vtkPolyData* ViewportMeshLayer::polyData() const {
    return m_hasMesh ? vtkPolyData::SafeDownCast(m_mapper->GetInput()) : nullptr;
}

void ViewportMeshLayer::install(const MeshAnalysis& analysis) {
    if (analysis.generation != m_generation || analysisReady()) {
        return; // an older mesh's, or installed already by waitForAnalysis
    }
    m_analysis = analysis;
    m_lodMapper->SetInputData(m_coarse && m_analysis.coarseLod ? m_analysis.coarseLod
                                                               : m_analysis.lod);
    setInteractive(m_interactive);
    if (m_onReady) {
        m_onReady();
    }
}

bool ViewportMeshLayer::waitForAnalysis() {
    if (!m_hasMesh) {
        return false;
    }
    if (!analysisReady()) {
        m_watcher.waitForFinished();
        if (m_watcher.future().resultCount() > 0) {
            install(m_watcher.result());
        }
    }
    return analysisReady();
}

void ViewportMeshLayer::setInteractive(bool moving) {
    m_interactive = moving;
    const bool lod = moving && m_lodEnabled && m_hasMesh && m_analysis.lod != nullptr;
    m_actor->SetVisibility(!lod);
    m_lodActor->SetVisibility(lod);
}

void ViewportMeshLayer::setLodEnabled(bool enabled) {
    m_lodEnabled = enabled;
    setInteractive(m_interactive);
}

void ViewportMeshLayer::setCoarse(bool coarse) {
    if (coarse == m_coarse) {
        return;
    }
    m_coarse = coarse;
    if (m_analysis.lod != nullptr) {
        m_lodMapper->SetInputData(m_coarse && m_analysis.coarseLod ? m_analysis.coarseLod
                                                                   : m_analysis.lod);
    }
}

bool ViewportMeshLayer::showingLod() const {
    return m_lodActor->GetVisibility() != 0;
}

long ViewportMeshLayer::lodTriangleCount() const {
    auto* drawn = vtkPolyData::SafeDownCast(m_lodMapper->GetInput());
    return drawn != nullptr ? static_cast<long>(drawn->GetNumberOfPolys()) : 0;
}

bool ViewportMeshLayer::intersect(const Eigen::Vector3d& a, const Eigen::Vector3d& b,
                                  Eigen::Vector3d* hit) const {
    if (!m_hasMesh || m_analysis.locator == nullptr) {
        return false;
    }
    double t = 0, x[3], pcoords[3];
    int subId = 0;
    if (m_analysis.locator->IntersectWithLine(a.data(), b.data(), 0.0, t, x, pcoords, subId) == 0) {
        return false;
    }
    if (hit != nullptr) {
        *hit = Eigen::Vector3d(x[0], x[1], x[2]);
    }
    return true;
}

void ViewportMeshLayer::setOpacity(double opacity) {
    m_actor->GetProperty()->SetOpacity(std::clamp(opacity, 0.1, 1.0)); // shared with the copy
}

double ViewportMeshLayer::opacity() const {
    return m_actor->GetProperty()->GetOpacity();
}

} // namespace pal::ui
