#pragma once

// Landmark files by extension: LA-FAS .txt, CSV (.csv), and 3D Slicer's markups JSON
// (.mrk.json, or any .json) and .fcsv (core/landmarks/SlicerFiles.h), and MeshLab's picked
// points (.pp, core/landmarks/MeshLabPickPoints.h), and TPS (.tps, core/landmarks/TpsFile.h).
// CSV columns:
//   number,key,name,x,y,z,status
// A missing landmark has empty x, y, z and status "missing". The reader needs the columns
// number, x, y and z (in any order; others are ignored) and maps rows by number.

#include "core/landmarks/LafasFile.h"

#include <QString>

#include <optional>

namespace pal {

struct LandmarkFile {
    LandmarkSet landmarks;
    std::optional<LafasLayout> lafasLayout; // set when read from an LA-FAS file
    QStringList unmatchedLabels;            // another tool's labels that name no landmark
};

QByteArray formatLandmarkCsv(const LandmarkSet& set);
LandmarkSet parseLandmarkCsv(const QByteArray& data, const QString& path,
                             const SchemaPtr& schema = LandmarkSchema::lafas50());

// Reads .txt (LA-FAS), .csv, .mrk.json / .json, .fcsv, .pp or .tps into a set of schema's
// landmarks (an LA-FAS .txt holds the LA-FAS 50 only). Throws pal::Error subclasses naming the
// file.
LandmarkFile readLandmarks(const QString& path,
                           const SchemaPtr& schema = LandmarkSchema::lafas50());
// Writes by extension, atomically. A .txt keeps layout when given (byte-identical round trip).
void writeLandmarks(const QString& path, const LandmarkSet& set,
                    const std::optional<LafasLayout>& layout = std::nullopt);

} // namespace pal
