#pragma once

// Landmark files by extension: LA-FAS .txt and CSV (.csv). CSV columns:
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
};

QByteArray formatLandmarkCsv(const LandmarkSet& set);
LandmarkSet parseLandmarkCsv(const QByteArray& data, const QString& path);

// Reads .txt (LA-FAS) or .csv. Throws pal::Error subclasses naming the file.
LandmarkFile readLandmarks(const QString& path);
// Writes by extension, atomically. A .txt keeps layout when given (byte-identical round trip).
void writeLandmarks(const QString& path, const LandmarkSet& set,
                    const std::optional<LafasLayout>& layout = std::nullopt);

} // namespace pal
