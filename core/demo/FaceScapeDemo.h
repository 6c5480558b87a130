#pragma once

// A generated stand-in for a FaceScape neutral dataset (FaceScape itself cannot be shipped):
// the demo generator's faces written in FaceScape's layout (core/dataset/FaceScape.h), with the
// 68 landmarks as vertex indices into the refined template, which every face shares. GENERATED:
// not scans of real people, not FaceScape data, not for clinical use.
//
//   ROOT/landmark_indices.npz    "v10": 68 vertex indices (int64)
//   ROOT/<n>/models_reg/1_neutral.obj
//   ROOT/<n>/models_reg/2_smile.obj   every fourth subject: another expression, to be skipped
//   ROOT/manifest.json, README.txt    the generated-data notice

#include "core/demo/DemoGenerator.h"

#include <functional>
#include <vector>

namespace pal::demo {

// The vertex of the refined template at each FaceScape-68 landmark, placed from the template's
// LA-FAS landmarks by the rules of docs/formats.md ("The generated FaceScape stand-in").
std::vector<int> faceScapeVertices(const Mesh& refinedTemplate, const LandmarkSet& lafas);

// Writes options.cases subjects; progress as DemoGenerator::writeDataset.
void writeFaceScapeDataset(const DemoGenerator& generator, const QString& dir,
                           const std::function<bool(int, int)>& progress = {});

} // namespace pal::demo
