#pragma once

// The model bundle `.palnet` (docs/formats.md, "Model bundles"): a zip holding manifest.json (a
// versioned description of the network, its landmark schema and template, provenance and
// metrics) and weights.bin (the tensors' values, little endian float32 or float16, back to
// back in manifest order). Weights are plain named float arrays: reading a bundle needs no
// LibTorch. Format version 1:
//
//   {"format": "palnet-bundle", "formatVersion": 1,
//    "architecture": {"name": "PALNET", "variant": "attention" | "no-attention",
//                     "patchSize": K (a positive multiple of 100), "landmarks": L},
//    "schema": {"id": "LA-FAS-50", "keys": [L keys, LandmarkSchema::key(i)],
//               "definition": {a landmark schema file's object (core/landmarks/SchemaFile.h),
//                              only for a schema that is not built in}},
//    "template": [[x, y, z] x L],
//    "postProcessing": "closest" | "average" | "none",
//    "provenance": {...}, "metrics": {...},
//    "weights": {"file": "weights.bin", "dtype": "float32" | "float16", "sha256": "hex",
//                "tensors": [{"name": ..., "shape": [...], "offset": bytes, "count": values}]}}

#include "core/landmarks/LandmarkSchema.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pal {

// The bundle format this version reads and writes.
constexpr int kBundleFormatVersion = 1;

// One named array of weights, row-major; data.size() is the product of shape (1 for shape []).
struct NamedTensor {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> data;
};

struct ModelManifest {
    int formatVersion = kBundleFormatVersion; // as read; the writer always writes the current one
    QString variant = QStringLiteral("attention"); // "attention" or "no-attention"
    int patchSize = 1000;                          // K, a positive multiple of 100
    int landmarks = 50;
    QString schemaId = QStringLiteral("LA-FAS-50");
    QStringList schemaKeys;                       // LandmarkSchema::key(i), in schema order
    SchemaPtr schema = LandmarkSchema::lafas50(); // the landmarks the model predicts
    // Sets schema and the three fields that follow from it.
    void useSchema(const SchemaPtr& s) {
        schema = s;
        schemaId = s->id();
        schemaKeys = s->keys();
        landmarks = s->size();
    }
    Eigen::MatrixX3d templateLandmarks;                 // landmarks x 3, mm, the common frame
    QString postProcessing = QStringLiteral("closest"); // "closest", "average" or "none"
    QJsonObject provenance;                             // free: createdBy, created, seed, ...
    QJsonObject metrics;                                // free
    QString weightsDtype = QStringLiteral("float32");   // "float32" or "float16"
    QString weightsSha256; // lowercase hex of weights.bin; as read (the writer computes it)
};

struct ModelBundle {
    ModelManifest manifest;
    std::vector<NamedTensor> tensors; // in weights.bin order

    // The tensor with this name; nullptr when there is none.
    const NamedTensor* find(std::string_view name) const;
};

// Reads and checks a whole bundle: the zip, the manifest's fields, the size of weights.bin
// against the tensors' counts, and its sha256. float16 weights come back as float32.
// Throws IoError (cannot open), FormatError (malformed, damaged or newer format) or
// ValidationError (well formed but unusable: patch size, landmark schema, template), each
// naming the file. Whether the tensors fit a network is the engine's check, not this one.
ModelBundle readModelBundle(const QString& path);

// The manifest alone, for listing models: checks the zip, the manifest and that weights.bin
// exists with the size the manifest describes, without reading the weights (so neither the
// weights' checksum). Throws as readModelBundle does.
ModelManifest readModelManifest(const QString& path);

// Writes the bundle atomically (a temporary file beside path, renamed when complete): path
// keeps its old content if anything fails. Computes the tensors' offsets and counts and the
// weights' sha256; stores the weights in manifest.weightsDtype (float16 rounds to nearest
// even). Throws ValidationError naming path when the bundle would not read back (a field out
// of range, a tensor whose data does not match its shape, a value beyond float16's range),
// IoError when the file cannot be written.
void writeModelBundle(const QString& path, const ModelBundle& bundle);

} // namespace pal
