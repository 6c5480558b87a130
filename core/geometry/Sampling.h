#pragma once

// Random points on a triangle mesh's surface (shapes as in core/mesh/Mesh.h).
//
// Deterministic for a given mesh, count and seed on every platform: std::mt19937_64 with our
// own conversion of its raw bits to doubles (no implementation-defined distributions).

#include "core/mesh/Mesh.h"

#include <Eigen/Core>
#include <QtGlobal>

#include <vector>

namespace pal {

// Area of every triangle, #F.
std::vector<double> triangleAreas(const Mesh& mesh);
// Total surface area (sum of triangleAreas).
double surfaceArea(const Mesh& mesh);

// `count` points on the surface, area-weighted: each picks a triangle with probability
// proportional to its area (a uniform draw against the cumulative areas), then a uniform point
// in it (barycentric weights (1 - sqrt(u), sqrt(u) (1 - v), sqrt(u) v)). Returns count x 3, or
// 0 x 3 when count <= 0 or the mesh has no area. faceIndex (if given) receives the triangle of
// each point. Throws ValidationError when a triangle names a missing vertex.
Vertices sampleSurface(const Mesh& mesh, int count, quint64 seed = 0,
                       std::vector<int>* faceIndex = nullptr);

// The minimum spacing sampleSurfaceEvenly uses: sqrt(area / (3 * count)).
double evenSamplingRadius(const Mesh& mesh, int count);

// Evenly spaced points (docs/method.md, Pipeline, step 1, after trimesh's
// sample_surface_even): draws 3 * count points as sampleSurface(mesh, 3 * count, seed) would,
// walks them in draw order and keeps a point only if no point kept before it lies within
// evenSamplingRadius (a point at distance <= radius is dropped, so kept points are more than
// radius apart), and returns the first `count` kept ones. Returns min(count, kept) x 3: fewer
// than count where the spacing outgrows the mesh's features (e.g. sheets closer together
// than the spacing). faceIndex (if given) receives the triangle of each returned point. Throws
// ValidationError for count > INT_MAX / 3 or a triangle naming a missing vertex.
Vertices sampleSurfaceEvenly(const Mesh& mesh, int count = 100000, quint64 seed = 0,
                             std::vector<int>* faceIndex = nullptr);

} // namespace pal
