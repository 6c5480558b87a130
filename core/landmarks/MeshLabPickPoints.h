#pragma once

// MeshLab's picked points (.pp, the PickPoints editor's XML; docs/formats.md, "MeshLab picked
// points"): <PickedPoints> with a <DocumentData> header and one
// <point x= y= z= active= name=/> per point, in the mesh's own coordinates (no axis change).
// A point with active="0" is one MeshLab keeps in the list but does not place: PAL Studio
// writes a missing landmark that way (at 0, 0, 0) and reads such a point as missing. Labels
// map by key or number as for 3D Slicer's files.

#include "core/landmarks/SlicerFiles.h" // ImportedLandmarks

namespace pal {

// meshName: the mesh file the points belong to (DataFileName), may be empty.
QByteArray formatMeshLabPickPoints(const LandmarkSet& set, const QString& meshName = {});
// Throws FormatError (not the XML above, a coordinate that is not a number) or ValidationError
// (a landmark twice), naming path and line.
ImportedLandmarks parseMeshLabPickPoints(const QByteArray& data, const QString& path);

} // namespace pal
