#pragma once

// 3D Slicer's landmark files (docs/formats.md, "3D Slicer markups"):
// - markups JSON (.mrk.json, schema 1.0.x): one point list ("type": "Fiducial") of control
//   points with label, position, orientation and positionStatus; coordinateSystem LPS or RAS,
//   coordinateUnits mm or um.
// - the older markups CSV (.fcsv, "# Markups fiducial file version = 4.11"): one row per point,
//   with a "# CoordinateSystem = LPS|RAS" line (0 = RAS, 1 = LPS in files before 4.11). It has
//   no status column: Slicer writes a point it has no position for at (0, 0, 0), so such a row
//   reads as missing.
// Coordinates: PAL Studio takes a mesh file's coordinates as LPS, as Slicer 4.11 and later
// read OBJ, PLY and STL models. So an LPS file keeps its numbers; a RAS file has x and y
// negated, both ways. Labels map to the schema by key or number (LandmarkSchema::indexOfLabel);
// labels that name no landmark are returned, not guessed.

#include "core/landmarks/LandmarkSet.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pal {

struct ImportedLandmarks {
    LandmarkSet landmarks;
    QStringList unmatchedLabels; // labels in the file that name no landmark of the schema
};

// Writes every landmark, labelled by key with its name as description, in LPS and mm. A
// missing landmark is a control point with "positionStatus": "missing" (Slicer 5); PAL
// Studio's own status goes in an extra "palStudioStatus" property Slicer ignores.
QByteArray formatSlicerMarkups(const LandmarkSet& set);
// Throws FormatError (not JSON, no point list, a bad coordinate system or position) or
// ValidationError (a landmark twice), naming path.
ImportedLandmarks parseSlicerMarkups(const QByteArray& data, const QString& path,
                                     const SchemaPtr& schema = LandmarkSchema::lafas50());

// Writes the present landmarks (.fcsv cannot mark a point missing: a missing landmark has no
// row and reads back as missing), in LPS.
QByteArray formatSlicerFcsv(const LandmarkSet& set);
ImportedLandmarks parseSlicerFcsv(const QByteArray& data, const QString& path,
                                  const SchemaPtr& schema = LandmarkSchema::lafas50());

} // namespace pal
