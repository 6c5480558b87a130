#include "core/workflow/ImportLandmarks.h"

#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"

namespace pal {

bool isLandmarkFileName(const QString& path) {
    for (const char* ext : {".txt", ".csv", ".json", ".fcsv", ".pp", ".tps"}) {
        if (path.endsWith(QLatin1String(ext), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

LandmarkImport importLandmarks(const QString& path, const LandmarkSet& onto) {
    const LandmarkFile file = readLandmarks(path, onto.schemaPtr());
    LandmarkImport out{onto, 0, file.unmatchedLabels};
    for (int i = 0; i < onto.size(); ++i) {
        const Landmark& l = file.landmarks.at(i);
        if (l.isPresent()) {
            out.result.setPosition(i, l.position, LandmarkStatus::Placed);
            out.result.at(i).provenance = {path, QString(), QDateTime()};
            ++out.placed;
        }
    }
    if (out.placed == 0) {
        QString problem =
            QStringLiteral("places none of the %1 landmarks").arg(onto.schema().describe());
        if (!out.unmatchedLabels.isEmpty()) {
            problem += QStringLiteral(" (its labels: %1)")
                           .arg(out.unmatchedLabels.join(QStringLiteral(", ")));
        }
        throw ValidationError(path, problem);
    }
    return out;
}

} // namespace pal
