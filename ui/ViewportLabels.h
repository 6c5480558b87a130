#pragma once

// The viewport's landmark labels (internal to the viewport's .cpp files): the schema key of
// each landmark ("Prn", "Ex_R") in white text with a dark shadow on a translucent dark box,
// just right of its marker. They are 2D text actors in an overlay renderer (layer 1), placed
// where their landmark projects whenever the camera moves, so the surface never cuts through
// their text (and, unlike 3D billboards, their translucent boxes need no order-independent
// translucency pass, which cost 15 ms a frame in software GL); the label of a landmark the mesh
// hides from the camera is switched off instead, by casting the line of sight against the mesh.

#include <Eigen/Core>
#include <QString>

#include <vtkNew.h>
#include <vtkSmartPointer.h>
#include <vtkType.h>

#include <vector>

class vtkRenderer;
class vtkTextActor;
class vtkTextProperty;

namespace pal::ui {

class ViewportMeshLayer;

class ViewportLabelLayer {
public:
    explicit ViewportLabelLayer(vtkRenderer* overlay);
    ~ViewportLabelLayer();
    ViewportLabelLayer(const ViewportLabelLayer&) = delete;
    ViewportLabelLayer& operator=(const ViewportLabelLayer&) = delete;

    // One label per landmark index at most.
    void set(int index, const QString& text, const Eigen::Vector3d& position);
    void remove(int index);
    void clear();

    void setVisible(bool visible);
    bool visible() const { return m_visible; }
    // Labels drawn in the last frame (0 when labels are off).
    int visibleCount() const;
    // The placement must be recomputed before the next render (the mesh or the markers changed).
    void markStale() { m_stale = true; }

    // Before each render, when the camera moved or something changed: shows the labels whose
    // landmark can be seen and starts each text just right of its marker of markerRadius mm.
    void place(vtkRenderer* scene, const ViewportMeshLayer& mesh, double markerRadius, double dpr);

private:
    struct Label {
        vtkSmartPointer<vtkTextActor> actor;
        Eigen::Vector3d position = Eigen::Vector3d::Zero(); // the landmark
    };
    vtkRenderer* m_overlay;
    std::vector<Label> m_labels;     // by landmark index; a null actor where there is none
    vtkNew<vtkTextProperty> m_style; // shared by every label
    bool m_visible = true;
    bool m_stale = true;
    vtkMTimeType m_cameraTime = 0;
    int m_viewSize[2] = {0, 0};
};

} // namespace pal::ui
