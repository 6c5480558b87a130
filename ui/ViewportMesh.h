#pragma once

// The viewport's mesh layer (internal to the viewport's .cpp files): the full-detail actor, a
// decimated copy drawn while the camera moves (level of detail, as ParaView does), and a CPU
// cell locator for picking and occlusion tests. The copy and the locator are built once per
// mesh on a worker thread; until they are ready the full mesh is drawn all the time and
// picks wait for them (waitForAnalysis).

#include <Eigen/Core>
#include <QFutureWatcher>

#include <vtkNew.h>
#include <vtkSmartPointer.h>

#include <functional>

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;
class vtkStaticCellLocator;
class vtkTexture;

namespace pal {
struct Mesh;
} // namespace pal

namespace pal::ui {

// What the worker builds for one mesh.
struct MeshAnalysis {
    vtkSmartPointer<vtkPolyData> surface;          // the locator's own copy of the mesh
    vtkSmartPointer<vtkStaticCellLocator> locator; // over surface
    vtkSmartPointer<vtkPolyData> lod;              // null when the mesh is small
    vtkSmartPointer<vtkPolyData> coarseLod;        // a coarser copy, with lod
    double seconds = 0;                            // time the worker took
    int generation = 0;                            // which setMesh it belongs to
};

class ViewportMeshLayer {
public:
    // Meshes with at least this many triangles get a decimated copy of about
    // kLodTargetTriangles for interaction. Software GL pays for every triangle, even one
    // smaller than a pixel (bench/README.md, "The frame budget at 1280 x 800").
    static constexpr long kLodMinTriangles = 300000;
    static constexpr long kLodTargetTriangles = 25000;
    // The coarser copy the frame budget falls back to (ViewportFrameBudget).
    static constexpr long kLodCoarseTriangles = 8000;

    explicit ViewportMeshLayer(vtkRenderer* renderer);
    ~ViewportMeshLayer();
    ViewportMeshLayer(const ViewportMeshLayer&) = delete;
    ViewportMeshLayer& operator=(const ViewportMeshLayer&) = delete;

    void setMesh(const Mesh& mesh);
    void clear();
    bool hasMesh() const { return m_hasMesh; }
    // At least kLodMinTriangles: its analysis takes long enough not to wait for it in a frame.
    bool isBig() const { return m_triangles >= kLodMinTriangles; }
    // The full-detail data the renderer draws; null without a mesh.
    vtkPolyData* polyData() const;

    // Called on the GUI thread once the locator (and the decimated copy) of the current mesh
    // exist.
    void setReadyCallback(std::function<void()> callback) { m_onReady = std::move(callback); }
    bool analysisReady() const { return m_analysis.locator != nullptr; }
    // Blocks until the analysis of the current mesh is ready; false without a mesh.
    bool waitForAnalysis();
    double analysisSeconds() const { return m_analysis.seconds; }

    // While moving, the decimated copy is drawn instead of the full mesh (when there is one).
    void setInteractive(bool moving);
    bool interactive() const { return m_interactive; }
    // Off: the full mesh is drawn while moving too (the copy is still built).
    void setLodEnabled(bool enabled);
    bool lodEnabled() const { return m_lodEnabled; }
    // Draw the coarser copy while moving instead of the first (the frame budget's choice).
    void setCoarse(bool coarse);
    bool coarse() const { return m_coarse; }
    bool showingLod() const;
    // The triangles of the copy drawn while moving now (0 without one).
    long lodTriangleCount() const;

    // The surface's opacity, 0.1 to 1 (1 by default). A see-through mesh hides no landmark.
    void setOpacity(double opacity);
    double opacity() const;
    bool opaque() const { return opacity() >= 0.99; }

    // The first point of the surface on the segment from a to b (CPU locator, exact).
    // Returns false when nothing is hit or the locator is not ready yet.
    bool intersect(const Eigen::Vector3d& a, const Eigen::Vector3d& b, Eigen::Vector3d* hit) const;

private:
    void install(const MeshAnalysis& analysis);

    vtkRenderer* m_renderer;
    vtkNew<vtkActor> m_actor;
    vtkNew<vtkPolyDataMapper> m_mapper;
    vtkNew<vtkActor> m_lodActor;
    vtkNew<vtkPolyDataMapper> m_lodMapper;
    vtkNew<vtkTexture> m_texture;
    bool m_hasMesh = false;
    long m_triangles = 0;
    bool m_interactive = false;
    bool m_lodEnabled = true;
    bool m_coarse = false;
    MeshAnalysis m_analysis;
    int m_generation = 0;
    QFutureWatcher<MeshAnalysis> m_watcher;
    std::function<void()> m_onReady;
};

} // namespace pal::ui
