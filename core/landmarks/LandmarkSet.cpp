#include "core/landmarks/LandmarkSet.h"

#include <QCoreApplication>

#include <array>
#include <limits>

namespace pal {

namespace {
constexpr std::array<const char*, 5> kStatusNames = {"missing", "predicted", "placed", "corrected",
                                                     "confirmed"};
}

QString statusName(LandmarkStatus status) {
    return QString::fromLatin1(kStatusNames.at(static_cast<std::size_t>(status)));
}

QString statusTitle(LandmarkStatus status) {
    // The same words as the file formats', translated for the window (context "Landmarks").
    static constexpr std::array<const char*, 5> kTitles = {
        QT_TRANSLATE_NOOP("Landmarks", "missing"), QT_TRANSLATE_NOOP("Landmarks", "predicted"),
        QT_TRANSLATE_NOOP("Landmarks", "placed"), QT_TRANSLATE_NOOP("Landmarks", "corrected"),
        QT_TRANSLATE_NOOP("Landmarks", "confirmed")};
    return QCoreApplication::translate("Landmarks", kTitles.at(static_cast<std::size_t>(status)));
}

bool statusFromName(const QString& name, LandmarkStatus& status) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (name.compare(QLatin1String(kStatusNames[i]), Qt::CaseInsensitive) == 0) {
            status = static_cast<LandmarkStatus>(i);
            return true;
        }
    }
    return false;
}

LandmarkSet::LandmarkSet(std::shared_ptr<const LandmarkSchema> schema)
    : m_schema(std::move(schema)), m_points(static_cast<std::size_t>(m_schema->size())) {}

void LandmarkSet::setPosition(int index, const Eigen::Vector3d& p, LandmarkStatus status) {
    Landmark& l = at(index);
    l.position = p;
    l.status = status;
}

int LandmarkSet::presentCount() const {
    int n = 0;
    for (const Landmark& l : m_points) {
        n += l.isPresent() ? 1 : 0;
    }
    return n;
}

Eigen::MatrixX3d LandmarkSet::positions() const {
    Eigen::MatrixX3d p(size(), 3);
    for (int i = 0; i < size(); ++i) {
        if (at(i).isPresent()) {
            p.row(i) = at(i).position.transpose();
        } else {
            p.row(i).setConstant(std::numeric_limits<double>::quiet_NaN());
        }
    }
    return p;
}

double meanLandmarkDistance(const LandmarkSet& a, const LandmarkSet& b) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a.at(i).isPresent() && b.at(i).isPresent()) {
            sum += (a.at(i).position - b.at(i).position).norm();
            ++n;
        }
    }
    return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

} // namespace pal
