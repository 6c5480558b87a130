#pragma once

// The demo template head: derived, reproducibly, from the MakeHuman model that Debian's
// assimp-testmodels package ships (resources/demo/README.md). Real geometry of a generated
// (not scanned) human model; the demo dataset is made from it.

#include "core/mesh/Mesh.h"

#include <QString>

namespace pal::demo {

// Where Debian's assimp-testmodels (5.2.5) installs the model.
inline constexpr const char* kHumanZae = "/usr/share/assimp/models/Collada/human.zae";
// The head is the part of the body above this height (metres, Y up, as in the file).
inline constexpr double kHeadCutY = 1.436;

// Reads the body mesh (eyeballs dropped), keeps the triangles above kHeadCutY (the largest
// connected piece: head, face and ears), converts metres to millimetres and moves the origin
// to the centre of the head's bounding box (+Z toward the face, +Y up, as in the file).
// Throws pal::Error subclasses when the file is missing or not the expected model.
Mesh deriveTemplateHead(const QString& zaePath = QString::fromLatin1(kHumanZae));

} // namespace pal::demo
