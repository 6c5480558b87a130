#pragma once

// Anatomical checks on one landmark set (a prediction, a ground truth or a reviewed set):
// the sanity rules of docs/landmarks.md, measured in a frame fitted to the set itself, so that
// they hold whatever axes the dataset uses.
//
// The face's own frame (faceFrame):
//   - the mid-sagittal plane: the least-squares plane through the midline landmarks and the
//     midpoints of the left/right pairs (a midpoint does not move when a pair is swapped),
//     fitted again without the points farther from it than 2 mm and three times the median
//     distance (one misplaced landmark does not tilt it);
//   - up: the main direction of the midline landmarks within the plane, pointing from the chin
//     end to the forehead end (the sign the midline order agrees with most);
//   - forward: within the plane, at right angles to up, pointing from the pairs' midpoints
//     (ears, jaw angles, cheekbones lie behind the profile) to the midline landmarks;
//   - left: up x forward, the subject's left (docs/landmarks.md, "Coordinate frame").
// The frame needs three midline landmarks not on one line; without them no check runs.
//
// Findings (CheckKind), each naming one landmark and, where two are involved, the other:
//   SwappedPair     a pair whose left landmark lies on the right and the right one on the left
//   WrongSide       one landmark of a pair on the other side of the plane (partner fine)
//   MidlineOrder    two midline landmarks, consecutive in the order Tr, G, N, Prn, Sn, Ls, Sto,
//                   Li, Sl, Pg, Gn (among those present), in the wrong vertical order
//   NoseNotForemost a midline landmark further forward than Pronasale
//   EyeCorners      the inner eye corner (En) farther from the plane than the outer one (Ex)
//   MouthCorners    the mouth corner (Ch) nearer the plane than the philtrum ridge (Cph)
//   Asymmetric      a pair whose left landmark, mirrored through the plane, lands far from its
//                   right partner
//   OffSurface      a landmark farther from the mesh's surface than allowed
// The rules by name (Tr, Prn, En, ...) apply to schemas that have those keys (LA-FAS 50); the
// rules on sides and pairs to any schema with pairs.

#include "core/landmarks/LandmarkSet.h"

#include <Eigen/Core>
#include <QString>

#include <optional>
#include <vector>

namespace pal {

class SurfaceLocator;

enum class CheckKind {
    SwappedPair,
    WrongSide,
    MidlineOrder,
    NoseNotForemost,
    EyeCorners,
    MouthCorners,
    Asymmetric,
    OffSurface
};

// "swapped-pair", "wrong-side", "midline-order", "nose-not-foremost", "eye-corners",
// "mouth-corners", "asymmetric", "off-surface": stable names for files and the command line.
QString checkKindName(CheckKind kind);

// A short title in the user's language (context "Checks"): "swapped", "wrong side", "midline
// order", "nose tip", "eye corners", "mouth corners", "asymmetric", "off surface".
QString checkKindTitle(CheckKind kind);

struct CheckFinding {
    CheckKind kind = CheckKind::WrongSide;
    int landmark = -1; // schema index of the landmark at fault
    int other = -1;    // the other landmark involved (partner, neighbour, reference); -1 none
    double mm = 0;     // the size of the fault in millimetres (see describeFinding)
};

// What counts as a fault, in millimetres. The defaults allow for real faces and for the
// placement error of people (about 2 mm on average, docs/landmarks.md, "Repeatability").
struct CheckLimits {
    double sideMm = 2.0;       // how far past the plane a paired landmark may lie
    double orderMm = 1.0;      // how far above its upper neighbour a midline landmark may lie
    double forwardMm = 1.0;    // how far ahead of Pronasale another midline landmark may lie
    double cornerMm = 1.0;     // En/Ex and Cph/Ch distances to the plane, the same
    double asymmetryMm = 15.0; // mirrored left landmark to its right partner
    double surfaceMm = 2.0;    // distance to the mesh's surface
};

struct FaceFrame {
    Eigen::Vector3d origin = Eigen::Vector3d::Zero(); // on the mid-sagittal plane
    Eigen::Vector3d left = Eigen::Vector3d::UnitX();  // the plane's normal
    Eigen::Vector3d up = Eigen::Vector3d::UnitY();
    Eigen::Vector3d forward = Eigen::Vector3d::UnitZ();
    // Signed distance to the plane, positive on the subject's left.
    double side(const Eigen::Vector3d& p) const { return left.dot(p - origin); }
    double height(const Eigen::Vector3d& p) const { return up.dot(p - origin); }
    double depth(const Eigen::Vector3d& p) const { return forward.dot(p - origin); }
};

// The set's own frame; nullopt when fewer than three midline landmarks (not on one line) are
// present, or no pair is.
std::optional<FaceFrame> faceFrame(const LandmarkSet& set);

// Every finding on the landmarks present, in schema order of the landmark at fault (a swapped
// pair is one finding, under its left landmark). surface: the case's mesh for OffSurface, or
// nullptr to skip that check. Only OffSurface findings when the set has no frame.
std::vector<CheckFinding> checkLandmarks(const LandmarkSet& set,
                                         const SurfaceLocator* surface = nullptr,
                                         const CheckLimits& limits = {});

// One line for a finding: "Ex_L and Ex_R are swapped (Ex_L lies 31.2 mm right of the
// mid-sagittal plane)". In the user's language (context "Checks"), or in English when not
// translated (the command line's results, which scripts read).
QString describeFinding(const CheckFinding& finding, const LandmarkSchema& schema,
                        bool translated = true);

} // namespace pal
