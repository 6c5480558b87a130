#pragma once

// MeshLab's picked points (.pp, the PickPoints editor's XML; docs/formats.md, "MeshLab picked
// points"): <PickedPoints> with a <DocumentData> header and one
// <point x= y= z= active= name=/> per point, in the mesh's own coordinates (no axis change).
// A point with active="0" is one MeshLab keeps in the list but does not place: PAL Studio
// writes a missing landmark that way (at 0, 0, 0) and reads such a point as missing. Labels
// map by key only (case ignored): MeshLab names new points "0", "1", ... counting from 0, so a
// number is reported as unmatched rather than taken as an LA-FAS number one off.

#include "core/landmarks/SlicerFiles.h" // ImportedLandmarks

namespace pal {

// meshName: the mesh file the points belong to (DataFileName), may be empty.
QByteArray formatMeshLabPickPoints(const LandmarkSet& set, const QString& meshName = {});
// Throws FormatError (not the XML above, a coordinate that is not a number) or ValidationError
// (a landmark twice), naming path and line.
ImportedLandmarks parseMeshLabPickPoints(const QByteArray& data, const QString& path,
                                         const SchemaPtr& schema = LandmarkSchema::lafas50());

} // namespace pal
