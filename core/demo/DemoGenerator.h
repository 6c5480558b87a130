#pragma once

// Generated demo data: LA-FAS case folders made from the template head (TemplateHead.h),
// each refined to a scan-like density, smoothly deformed, posed, with scanner-like noise and
// annotator jitter. Every case is GENERATED: not a scan of a real person, not for clinical use.
// Deterministic: the same template, seed and index give the same bytes.

#include "core/geometry/MeshOps.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace pal::demo {

// Bumped whenever the generator's output changes for the same seed (recorded in manifests
// and, later, in models trained on generated data).
inline constexpr int kGeneratorVersion = 1;

struct DemoOptions {
    int cases = 20;
    quint64 seed = 1;
    int subdivisions = 2;  // Loop levels applied to the template (about 67k vertices at 2)
    double noiseMm = 0.08; // scanner noise, standard deviation along the normal
    double jitterMm = 1.0; // annotator jitter, standard deviation in the tangent plane
    bool defects = true;   // holes in some cases, a missing ear region in a few
};

struct GeneratedCase {
    QString id;                  // "D001"
    Mesh mesh;                   // in the case's own (posed) frame
    LandmarkSet landmarks;       // in the case's own frame, status Placed
    Eigen::Matrix4d toCommon;    // applied to mesh and landmarks, gives the common frame
    QStringList notes;           // defects of this case, in words
    std::vector<int> offSurface; // landmark indices whose surface was removed (missing ear)
};

class DemoGenerator {
public:
    // templ and its landmarks are in the common frame (millimetres, +Y up, +Z face).
    DemoGenerator(const Mesh& templ, const LandmarkSet& templLandmarks, DemoOptions options);

    // The template and its landmarks as they are shipped in resources/demo/template.
    static DemoGenerator fromResources(const QString& templateDir, DemoOptions options);

    const DemoOptions& options() const { return m_options; }
    const Mesh& refinedTemplate() const { return m_refined; }

    GeneratedCase makeCase(int index) const;
    // Case index's face the way FaceScape stores its registered meshes: the same shape changes
    // and scanner noise as makeCase, but the refined template's topology (vertex i is the same
    // point of the face in every case), in the common frame, with no defects and no pose.
    Mesh makeRegisteredFace(int index) const;
    const LandmarkSet& templateLandmarks() const { return m_templateLandmarks; }

    // Writes options.cases case folders, manifest.json and README.txt into dir.
    // progress(done, total) is called after each case; returning false cancels (throws Cancelled).
    void writeDataset(const QString& dir, const std::function<bool(int, int)>& progress = {}) const;

private:
    Mesh m_refined;
    LandmarkSet m_templateLandmarks;
    std::vector<SurfacePoint> m_anchors; // each template landmark on the refined template
    DemoOptions m_options;
};

// Writes one generated case as an LA-FAS folder: mesh.obj, transformation_matrix.npy,
// landmarks.txt.
void writeCaseFolder(const GeneratedCase& c, const QString& folder);

} // namespace pal::demo
