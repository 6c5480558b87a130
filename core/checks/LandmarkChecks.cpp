#include "core/checks/LandmarkChecks.h"

#include "core/geometry/SurfaceLocator.h"

#include <Eigen/Eigenvalues>
#include <Eigen/Geometry>
#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace pal {
namespace {

// The midline from the top down (docs/landmarks.md, "Sanity rules"; Columella left out).
constexpr std::array<const char*, 11> kMidlineOrder = {"Tr",  "G",  "N",  "Prn", "Sn", "Ls",
                                                       "Sto", "Li", "Sl", "Pg",  "Gn"};

// Points of the plane fit within this distance of the first plane are always kept.
constexpr double kPlaneSlackMm = 2.0;

const Landmark* present(const LandmarkSet& set, int index) {
    if (index < 0 || index >= set.size()) {
        return nullptr;
    }
    const Landmark& l = set.at(index);
    return l.isPresent() && l.position.allFinite() ? &l : nullptr;
}

int indexOf(const LandmarkSet& set, const char* key) {
    return set.schema().indexOfKey(QString::fromLatin1(key));
}

// Right landmark index -> left partner index, for the pairs of the schema.
std::vector<std::pair<int, int>> pairs(const LandmarkSchema& schema) {
    std::vector<std::pair<int, int>> out;
    for (int i = 0; i < schema.size(); ++i) {
        const LandmarkDefinition& d = schema.at(i);
        if (d.side == Side::Right && d.partner > 0) {
            const int partner = schema.indexOfNumber(d.partner);
            if (partner >= 0 && schema.at(partner).side == Side::Left) {
                out.emplace_back(i, partner);
            }
        }
    }
    return out;
}

// Eigenvectors of the points' scatter, smallest eigenvalue first.
Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> scatter(const std::vector<Eigen::Vector3d>& points,
                                                       Eigen::Vector3d* centroid) {
    Eigen::Vector3d c = Eigen::Vector3d::Zero();
    for (const auto& p : points) {
        c += p;
    }
    c /= double(points.size());
    Eigen::Matrix3d m = Eigen::Matrix3d::Zero();
    for (const auto& p : points) {
        m += (p - c) * (p - c).transpose();
    }
    *centroid = c;
    return Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d>(m);
}

} // namespace

QString checkKindName(CheckKind kind) {
    switch (kind) {
    case CheckKind::SwappedPair:
        return QStringLiteral("swapped-pair");
    case CheckKind::WrongSide:
        return QStringLiteral("wrong-side");
    case CheckKind::MidlineOrder:
        return QStringLiteral("midline-order");
    case CheckKind::NoseNotForemost:
        return QStringLiteral("nose-not-foremost");
    case CheckKind::EyeCorners:
        return QStringLiteral("eye-corners");
    case CheckKind::MouthCorners:
        return QStringLiteral("mouth-corners");
    case CheckKind::Asymmetric:
        return QStringLiteral("asymmetric");
    case CheckKind::OffSurface:
        return QStringLiteral("off-surface");
    }
    return {};
}

QString checkKindTitle(CheckKind kind) {
    static constexpr std::array<const char*, 8> kTitles = {
        QT_TRANSLATE_NOOP("Checks", "swapped"),       QT_TRANSLATE_NOOP("Checks", "wrong side"),
        QT_TRANSLATE_NOOP("Checks", "midline order"), QT_TRANSLATE_NOOP("Checks", "nose tip"),
        QT_TRANSLATE_NOOP("Checks", "eye corners"),   QT_TRANSLATE_NOOP("Checks", "mouth corners"),
        QT_TRANSLATE_NOOP("Checks", "asymmetric"),    QT_TRANSLATE_NOOP("Checks", "off surface")};
    return QCoreApplication::translate("Checks", kTitles.at(static_cast<std::size_t>(kind)));
}

std::optional<FaceFrame> faceFrame(const LandmarkSet& set) {
    const LandmarkSchema& schema = set.schema();
    std::vector<Eigen::Vector3d> midline, midpoints;
    for (int i = 0; i < set.size(); ++i) {
        if (schema.at(i).side == Side::Midline && present(set, i)) {
            midline.push_back(set.at(i).position);
        }
    }
    std::vector<Eigen::Vector3d> pairVectors;
    for (const auto& [r, l] : pairs(schema)) {
        if (present(set, r) && present(set, l)) {
            midpoints.push_back(0.5 * (set.at(r).position + set.at(l).position));
            pairVectors.push_back(set.at(l).position - set.at(r).position);
        }
    }
    if (midline.size() < 3 || midpoints.empty()) {
        return std::nullopt;
    }
    std::vector<Eigen::Vector3d> onPlane = midline;
    onPlane.insert(onPlane.end(), midpoints.begin(), midpoints.end());
    FaceFrame frame;
    auto plane = scatter(onPlane, &frame.origin);
    Eigen::Vector3d values = plane.eigenvalues();
    if (!(values[2] > 0) || values[1] < 1e-6 * values[2]) {
        return std::nullopt; // the points lie on a line: no plane
    }
    // Once more without the points far off the first plane (a landmark placed on the wrong
    // side moves its pair's midpoint), so that one wild landmark does not tilt the plane.
    std::vector<double> residuals;
    for (const auto& p : onPlane) {
        residuals.push_back(std::abs(plane.eigenvectors().col(0).dot(p - frame.origin)));
    }
    std::vector<double> sorted = residuals;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double keep = std::max(kPlaneSlackMm, 3 * sorted[sorted.size() / 2]);
    std::vector<Eigen::Vector3d> inliers;
    for (std::size_t k = 0; k < onPlane.size(); ++k) {
        if (residuals[k] <= keep) {
            inliers.push_back(onPlane[k]);
        }
    }
    if (inliers.size() >= 3 && inliers.size() < onPlane.size()) {
        Eigen::Vector3d origin;
        const auto refit = scatter(inliers, &origin);
        const Eigen::Vector3d v = refit.eigenvalues();
        if (v[2] > 0 && v[1] >= 1e-6 * v[2]) {
            plane = refit;
            frame.origin = origin;
        }
    }
    const Eigen::Vector3d normal = plane.eigenvectors().col(0);

    // Up: the midline's main direction within the plane.
    std::vector<Eigen::Vector3d> flat;
    for (const auto& p : midline) {
        flat.push_back(p - normal.dot(p - frame.origin) * normal);
    }
    Eigen::Vector3d centre;
    Eigen::Vector3d up = scatter(flat, &centre).eigenvectors().col(2);
    up = (up - normal.dot(up) * normal).normalized();

    // Its sign: the one most consecutive pairs of the midline order agree with.
    std::vector<double> heights;
    for (const char* key : kMidlineOrder) {
        const int i = indexOf(set, key);
        if (present(set, i)) {
            heights.push_back(up.dot(set.at(i).position));
        }
    }
    int agree = 0;
    for (std::size_t k = 1; k < heights.size(); ++k) {
        agree += heights[k - 1] > heights[k] ? 1 : heights[k - 1] < heights[k] ? -1 : 0;
    }
    if (heights.size() >= 2) {
        // A tie (as many pairs one way as the other): the first named landmark of the order
        // present (Tr's end) is the top.
        if (agree < 0 || (agree == 0 && heights.front() < heights.back())) {
            up = -up;
        }
        Eigen::Vector3d forward = normal.cross(up);
        // The profile lies ahead of the pairs' midpoints (ears, jaw angles, cheekbones).
        Eigen::Vector3d profile = Eigen::Vector3d::Zero(), behind = Eigen::Vector3d::Zero();
        for (const auto& p : midline) {
            profile += p / double(midline.size());
        }
        for (const auto& p : midpoints) {
            behind += p / double(midpoints.size());
        }
        if (forward.dot(profile - behind) < 0) {
            forward = -forward;
        }
        frame.up = up;
        frame.forward = forward;
        frame.left = up.cross(forward);
    } else {
        // No named midline: the left side is where most pairs put their left landmark.
        double vote = 0;
        for (const auto& v : pairVectors) {
            vote += normal.dot(v) > 0 ? 1 : -1;
        }
        frame.left = vote >= 0 ? normal : Eigen::Vector3d(-normal);
        frame.up = up;
        frame.forward = frame.left.cross(up);
    }
    return frame;
}

std::vector<CheckFinding> checkLandmarks(const LandmarkSet& set, const SurfaceLocator* surface,
                                         const CheckLimits& limits) {
    std::vector<CheckFinding> out;
    if (surface != nullptr && surface->hasSurface()) {
        for (int i = 0; i < set.size(); ++i) {
            if (present(set, i)) {
                const double d = surface->closest(set.at(i).position).distance;
                if (d > limits.surfaceMm) {
                    out.push_back({CheckKind::OffSurface, i, -1, d});
                }
            }
        }
    }
    const std::optional<FaceFrame> frame = faceFrame(set);
    if (!frame) {
        return out;
    }
    const LandmarkSchema& schema = set.schema();
    auto side = [&](int i) { return frame->side(set.at(i).position); };

    // Sides and pairs.
    for (const auto& [r, l] : pairs(schema)) {
        const bool hasR = present(set, r) != nullptr, hasL = present(set, l) != nullptr;
        const bool rWrong = hasR && side(r) > limits.sideMm;
        const bool lWrong = hasL && -side(l) > limits.sideMm;
        if (rWrong && lWrong) {
            out.push_back({CheckKind::SwappedPair, l, r, -side(l)});
            continue;
        }
        if (lWrong) {
            out.push_back({CheckKind::WrongSide, l, -1, -side(l)});
        }
        if (rWrong) {
            out.push_back({CheckKind::WrongSide, r, -1, side(r)});
        }
        if (hasR && hasL && !rWrong && !lWrong) {
            const Eigen::Vector3d mirrored = set.at(l).position - 2 * side(l) * frame->left;
            const double d = (mirrored - set.at(r).position).norm();
            if (d > limits.asymmetryMm) {
                out.push_back({CheckKind::Asymmetric, l, r, d});
            }
        }
    }

    // The midline from the top down, consecutive present landmarks.
    int upper = -1;
    for (const char* key : kMidlineOrder) {
        const int i = indexOf(set, key);
        if (!present(set, i)) {
            continue;
        }
        if (upper >= 0) {
            const double rise =
                frame->height(set.at(i).position) - frame->height(set.at(upper).position);
            if (rise > limits.orderMm) {
                out.push_back({CheckKind::MidlineOrder, i, upper, rise});
            }
        }
        upper = i;
    }

    // Pronasale foremost on the midline.
    const int prn = indexOf(set, "Prn");
    if (present(set, prn)) {
        const double tip = frame->depth(set.at(prn).position);
        for (int i = 0; i < set.size(); ++i) {
            if (i != prn && schema.at(i).side == Side::Midline && present(set, i)) {
                const double ahead = frame->depth(set.at(i).position) - tip;
                if (ahead > limits.forwardMm) {
                    out.push_back({CheckKind::NoseNotForemost, i, prn, ahead});
                }
            }
        }
    }

    // Eye and mouth corners, each side: the inner one nearer the plane.
    auto corners = [&](const char* inner, const char* outer, CheckKind kind, bool innerAtFault) {
        for (const char* suffix : {"_R", "_L"}) {
            const int a = schema.indexOfKey(QString::fromLatin1(inner) + QLatin1String(suffix));
            const int b = schema.indexOfKey(QString::fromLatin1(outer) + QLatin1String(suffix));
            if (!present(set, a) || !present(set, b)) {
                continue;
            }
            const double excess = std::abs(side(a)) - std::abs(side(b));
            if (excess > limits.cornerMm) {
                out.push_back(innerAtFault ? CheckFinding{kind, a, b, excess}
                                           : CheckFinding{kind, b, a, excess});
            }
        }
    };
    corners("En", "Ex", CheckKind::EyeCorners, true);
    corners("Cph", "Ch", CheckKind::MouthCorners, false);

    std::stable_sort(out.begin(), out.end(), [](const CheckFinding& a, const CheckFinding& b) {
        return a.landmark < b.landmark;
    });
    return out;
}

QString describeFinding(const CheckFinding& f, const LandmarkSchema& schema, bool translated) {
    const auto text = [translated](const char* source) {
        return translated ? QCoreApplication::translate("Checks", source)
                          : QString::fromUtf8(source);
    };
    const auto key = [&](int i) {
        return i >= 0 && i < schema.size() ? schema.key(i) : QStringLiteral("?");
    };
    const QString mm = QString::number(f.mm, 'f', 1);
    const QString a = key(f.landmark), b = key(f.other);
    switch (f.kind) {
    case CheckKind::SwappedPair:
        return text(QT_TRANSLATE_NOOP(
                        "Checks",
                        "%1 and %2 are swapped (%1 lies %3 mm right of the mid-sagittal plane)"))
            .arg(a, b, mm);
    case CheckKind::WrongSide:
        return (schema.at(f.landmark).side == Side::Left
                    ? text(QT_TRANSLATE_NOOP(
                          "Checks",
                          "%1 lies %2 mm right of the mid-sagittal plane, on the wrong side"))
                    : text(QT_TRANSLATE_NOOP(
                          "Checks",
                          "%1 lies %2 mm left of the mid-sagittal plane, on the wrong side")))
            .arg(a, mm);
    case CheckKind::MidlineOrder:
        return text(QT_TRANSLATE_NOOP("Checks",
                                      "%1 lies %2 mm above %3 (expected below it on the midline)"))
            .arg(a, mm, b);
    case CheckKind::NoseNotForemost:
        return text(QT_TRANSLATE_NOOP("Checks",
                                      "%1 lies %2 mm ahead of %3 (the nose tip is foremost)"))
            .arg(a, mm, b);
    case CheckKind::EyeCorners:
        return text(QT_TRANSLATE_NOOP(
                        "Checks", "%1 lies %2 mm farther from the midline than %3 (eye corners)"))
            .arg(a, mm, b);
    case CheckKind::MouthCorners:
        return text(QT_TRANSLATE_NOOP("Checks",
                                      "%1 lies %2 mm nearer the midline than %3 (mouth corner)"))
            .arg(a, mm, b);
    case CheckKind::Asymmetric:
        return text(QT_TRANSLATE_NOOP(
                        "Checks", "%1 mirrored through the mid-sagittal plane lands %2 mm from %3"))
            .arg(a, mm, b);
    case CheckKind::OffSurface:
        return text(QT_TRANSLATE_NOOP("Checks", "%1 lies %2 mm off the surface")).arg(a, mm);
    }
    return {};
}

} // namespace pal
