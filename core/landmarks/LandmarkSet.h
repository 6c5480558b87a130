#pragma once

// One position per schema entry, with a status and a provenance each (after 3D Slicer's
// Markups control points). Plain value type; the UI observes it through its own model.

#include "core/landmarks/LandmarkSchema.h"

#include <Eigen/Core>
#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace pal {

enum class LandmarkStatus {
    Missing,   // no position
    Predicted, // from a model, not yet reviewed
    Placed,    // placed by hand or read from an annotation file
    Corrected, // a prediction a person moved
    Confirmed  // a person checked it and left it where it was
};

QString statusName(LandmarkStatus status);
// The status as the window shows it: statusName in the user's language (core/i18n).
QString statusTitle(LandmarkStatus status);
// Inverse of statusName; returns false for an unknown name.
bool statusFromName(const QString& name, LandmarkStatus& status);

struct Provenance {
    QString source; // a file path, a model id, or "manual"
    QString user;   // who placed or reviewed it; empty for files and models
    QDateTime when; // invalid when unknown
};

struct Landmark {
    Eigen::Vector3d position = Eigen::Vector3d::Zero();
    LandmarkStatus status = LandmarkStatus::Missing;
    Provenance provenance;
    bool isPresent() const { return status != LandmarkStatus::Missing; }
};

class LandmarkSet {
public:
    explicit LandmarkSet(std::shared_ptr<const LandmarkSchema> schema = LandmarkSchema::lafas50());

    const LandmarkSchema& schema() const { return *m_schema; }
    const std::shared_ptr<const LandmarkSchema>& schemaPtr() const { return m_schema; }
    int size() const { return static_cast<int>(m_points.size()); }

    const Landmark& at(int index) const { return m_points.at(static_cast<std::size_t>(index)); }
    Landmark& at(int index) { return m_points.at(static_cast<std::size_t>(index)); }

    void setPosition(int index, const Eigen::Vector3d& p, LandmarkStatus status);
    int presentCount() const;
    bool isComplete() const { return presentCount() == size(); }

    // #L x 3 positions in schema order (missing rows hold NaN).
    Eigen::MatrixX3d positions() const;

private:
    std::shared_ptr<const LandmarkSchema> m_schema;
    std::vector<Landmark> m_points;
};

// Mean distance in mm over the landmarks present in both sets (same schema); NaN when none is.
double meanLandmarkDistance(const LandmarkSet& a, const LandmarkSet& b);

} // namespace pal
