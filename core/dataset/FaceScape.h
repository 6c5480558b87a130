#pragma once

// FaceScape's neutral-expression layout (docs/formats.md, "FaceScape datasets"): a root folder
// holding landmark_indices.npz, whose array "v10" lists the vertex index of each of the 68
// landmarks (FaceScape-68, docs/landmarks.md), and, anywhere below it, one registered mesh per
// subject and expression named "<n>_<expression>.obj". All of FaceScape's registered meshes
// share one topology, so a landmark is the same vertex on every face. Only the neutral meshes
// (*_neutral.obj) are cases; the other expressions are skipped and counted.

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace pal {

inline constexpr const char* kFaceScapeIndicesFile = "landmark_indices.npz";
inline constexpr const char* kFaceScapeIndicesArray = "v10";

using VertexIndices = std::shared_ptr<const std::vector<int>>;

// True when folder holds landmark_indices.npz.
bool isFaceScapeRoot(const QString& folder);
// True for a file name ending in "_neutral.obj" (any case).
bool isFaceScapeNeutralMesh(const QString& fileName);
// The FaceScape root above a neutral mesh (as deep as findFaceScapeMeshes looks), or empty.
QString faceScapeRootOf(const QString& meshPath);
// The 68 vertex indices of landmark_indices.npz's "v10". Throws FormatError or ValidationError
// naming the file (no such array, not integers, not 68 values, a negative index).
VertexIndices readFaceScapeIndices(const QString& npzPath);

struct FaceScapeMeshes {
    QStringList neutral; // paths, in natural order of their relative paths
    int otherExpressions = 0;
};
// The meshes below root, at most four folders deep.
FaceScapeMeshes findFaceScapeMeshes(const QString& root);

} // namespace pal
