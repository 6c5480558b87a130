#pragma once

// Importing another tool's landmark file onto the open case (File > Import Landmarks, or a file
// dropped on the window): the file is read in the case's schema, labels mapped by key or number
// (core/landmarks/LandmarkIO.h), and every landmark it places replaces the working one. The
// landmarks it does not place (absent, or marked missing) stay as they were.

#include "core/landmarks/LandmarkSet.h"

#include <QString>
#include <QStringList>

namespace pal {

struct LandmarkImport {
    LandmarkSet result;          // onto, with the file's landmarks placed
    int placed = 0;              // landmarks the file placed
    QStringList unmatchedLabels; // the file's labels that name no landmark of the schema
};

// True for a name readLandmarks reads by its extension (.txt, .csv, .mrk.json or .json, .fcsv,
// .pp, .tps): what a dropped file is taken for.
bool isLandmarkFileName(const QString& path);

// Throws pal::Error naming the file when it cannot be read, and ValidationError when it places
// no landmark of the schema (nothing would change).
LandmarkImport importLandmarks(const QString& path, const LandmarkSet& onto);

} // namespace pal
