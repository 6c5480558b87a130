#pragma once

// manifest.json of a model bundle: written from a ModelBundle, parsed and checked field by
// field. Internal to core/model (ModelBundle.cpp); the public API is ModelBundle.h.

#include "core/model/ModelBundle.h"

#include <QByteArray>

namespace pal::bundle {

inline const QString kManifestEntry = QStringLiteral("manifest.json");
inline const QString kWeightsEntry = QStringLiteral("weights.bin");

// Where a tensor's values sit in weights.bin.
struct TensorEntry {
    std::string name;
    std::vector<std::int64_t> shape;
    std::int64_t offset = 0; // bytes
    std::int64_t count = 0;  // values
};

struct ParsedManifest {
    ModelManifest manifest;
    std::vector<TensorEntry> tensors; // back to back, in manifest order
    std::int64_t weightsBytes = 0;    // the size weights.bin must have
};

// Bytes per value of a weights dtype: 4 for "float32", 2 for "float16", 0 otherwise.
int dtypeSize(const QString& dtype);

// "[1024, 64224]"
QString shapeText(const std::vector<std::int64_t>& shape);

// The manifest of these tensors, stored back to back in dtype manifest.weightsDtype.
QByteArray formatManifest(const ModelManifest& manifest, const std::vector<NamedTensor>& tensors,
                          const QString& sha256);

// Parses and checks manifest.json; throws FormatError or ValidationError naming path.
ParsedManifest parseManifest(const QByteArray& json, const QString& path);

} // namespace pal::bundle
