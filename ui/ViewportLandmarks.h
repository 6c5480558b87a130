#pragma once

// The viewport's landmark layer (internal to the viewport's .cpp files): two landmark sets at
// once, each a glyph per present landmark sized in millimetres, the error line from each
// predicted landmark to its ground truth coloured by the distance (with a colour legend), the
// selection halo and the labels. Ground truth: solid spheres. Predicted (the working set):
// rings that face the camera with a dot at the landmark, drawn a marker's radius toward the
// camera (which does not move their projection), so they stay in front of the surface and of
// a ground-truth sphere at the same place.

#include "core/landmarks/LandmarkSet.h"
#include "ui/ViewportLabels.h"
#include "ui/ViewportLegend.h"

#include <Eigen/Core>
#include <QColor>
#include <QString>

#include <vtkNew.h>
#include <vtkSmartPointer.h>
#include <vtkType.h>

#include <array>
#include <optional>

class vtkActor;
class vtkBitArray;
class vtkColorTransferFunction;
class vtkFloatArray;
class vtkGlyph3DMapper;
class vtkPoints;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;

namespace pal::ui {

class ViewportMeshLayer;

class ViewportLandmarkLayer {
public:
    // Which of the two sets.
    enum Role { Predicted = 0, GroundTruth = 1 };

    ViewportLandmarkLayer(vtkRenderer* scene, vtkRenderer* overlay);
    ~ViewportLandmarkLayer();
    ViewportLandmarkLayer(const ViewportLandmarkLayer&) = delete;
    ViewportLandmarkLayer& operator=(const ViewportLandmarkLayer&) = delete;

    void setSet(Role role, const LandmarkSet& set);
    void clearSet(Role role);
    bool hasSet(Role role) const { return m_sets[role].set.has_value(); }
    // Moves, adds or removes one landmark's glyph, label and error line.
    void updateLandmark(Role role, int index, const Landmark& landmark);
    // Only the position (a drag in progress); no-op where the landmark is missing.
    void movePosition(Role role, int index, const Eigen::Vector3d& position);
    // The landmark when its set is shown and it is present with a finite position.
    const Landmark* landmark(Role role, int index) const;
    // |predicted - ground truth| in mm; NaN unless both are present.
    double error(int index) const;
    // "Prn (Pronasale)": the key and the name.
    QString describe(int index) const;

    void setColor(Role role, const QColor& color);
    QColor color(Role role) const { return m_sets[role].color; }
    void setRadius(double millimetres);
    double radius() const { return m_radius; }
    void setSelected(int index);
    int selected() const { return m_selected; }
    // A landmark the user hid (both sets): no glyph, label or error line, never picked.
    void setShown(int index, bool shown);
    bool isShown(int index) const;

    void setErrorLinesVisible(bool visible);
    bool errorLinesVisible() const { return m_linesVisible; }
    int errorLineCount() const; // lines drawn (both landmarks present, lines on)
    bool legendVisible() const;
    // The legend may be hidden by the user even while error lines show.
    void setLegendWanted(bool wanted);
    // The corner of the view the legend sits in (bottom right by default).
    void setLegendCorner(Qt::Corner corner);
    Qt::Corner legendCorner() const { return m_legendCorner; }
    // Where the legend is drawn in a view of width x height device pixels: x0, y0, x1, y1 in
    // display pixels (y up).
    std::array<double, 4> legendBox(int width, int height, double dpr) const;

    ViewportLabelLayer& labels() { return m_labels; }
    const ViewportLabelLayer& labels() const { return m_labels; }

    // Every present landmark position of both sets (the standard views frame them without a
    // mesh).
    std::vector<Eigen::Vector3d> positions() const;

    // While the view moves the markers are drawn with a third of their triangles (software GL
    // pays for each one in every frame); still, in full.
    void setMoving(bool moving);

    // Before each render: turns the rings toward the camera, lifts the error lines off the
    // surface, places the labels.
    void prepareRender(vtkRenderer* scene, const ViewportMeshLayer& mesh, double dpr);

    // The glyph under display point (x, y) (device pixels, y up), nearest to the point, not
    // hidden by the mesh; a predicted glyph wins a tie with its ground truth.
    struct Hit {
        int index = -1;
        Role role = Predicted;
    };
    std::optional<Hit> pick(vtkRenderer* scene, const ViewportMeshLayer& mesh, double x, double y,
                            double dpr) const;

private:
    struct Glyphs {
        std::optional<LandmarkSet> set;
        QColor color;
        vtkNew<vtkPolyData> data;
        vtkNew<vtkPoints> points;
        vtkNew<vtkBitArray> mask;    // present and finite
        vtkNew<vtkFloatArray> scale; // 1, more for the selection
        vtkNew<vtkFloatArray> toEye; // the rings' axis
        vtkNew<vtkGlyph3DMapper> mapper;
        vtkNew<vtkActor> actor;
        vtkSmartPointer<vtkPolyData> fine, coarse; // the marker's shape, still and moving
    };
    void setupGlyphs(Role role, vtkRenderer* scene);
    void writeGlyph(Role role, int index);
    void refreshLabel(int index);
    void refreshHalo();
    void updateCameraFacing(vtkRenderer* scene);
    void rebuildLines(vtkRenderer* scene);
    bool hidden(vtkRenderer* scene, const ViewportMeshLayer& mesh,
                const Eigen::Vector3d& position) const;
    int count() const;

    std::array<Glyphs, 2> m_sets;
    double m_radius = 1.6;
    bool m_moving = false;
    int m_selected = -1;
    std::vector<bool> m_hiddenByUser; // by index; shorter than the set: the rest are shown

    // The selection: a bright ring around the selected landmark of each set.
    vtkNew<vtkPolyData> m_haloData;
    vtkNew<vtkGlyph3DMapper> m_haloMapper;
    vtkNew<vtkActor> m_haloActor;

    vtkNew<vtkPolyData> m_lineData;
    vtkNew<vtkPolyDataMapper> m_lineMapper;
    vtkNew<vtkActor> m_lineActor;
    vtkSmartPointer<vtkColorTransferFunction> m_errorColours;
    ViewportLegend m_legend;
    bool m_linesVisible = true;
    bool m_legendWanted = true;
    Qt::Corner m_legendCorner = Qt::BottomRightCorner;
    int m_lineCount = 0;

    ViewportLabelLayer m_labels;
    bool m_dirty = true; // positions changed since the last prepareRender
    vtkMTimeType m_cameraTime = 0;
};

} // namespace pal::ui
