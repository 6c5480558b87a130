#pragma once

// A landmark schema as data (docs/formats.md, "Landmark schema files"): a small JSON file,
// `landmark-schema.json` in a dataset or case folder, that names a lab's own landmarks:
//
//   {"format": "palstudio-landmark-schema", "formatVersion": 1, "id": "MyLab-5",
//    "landmarks": [{"key": "Prn", "name": "Pronasale", "side": "midline",
//                   "definition": "most anterior point of the nose tip"},
//                  {"key": "Ex_R", "name": "Exocanthion", "side": "right", "partner": "Ex_L"},
//                  ...]}
//
// Order is the landmarks' order (numbers 1..N). key is required and unique (ignoring case, as
// labels are matched), without spaces; name defaults to the key; side is "midline" (default),
// "right" or "left"; a side landmark may name its mirror partner by key, which must name it
// back from the other side. The built-in ids (LA-FAS-50, FaceScape-68) cannot be redefined.

#include "core/landmarks/LandmarkSchema.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace pal {

inline constexpr const char* kLandmarkSchemaFile = "landmark-schema.json";
inline constexpr int kMaxSchemaLandmarks = 1000;

// Parses a schema file's content; path names the file in messages. Throws FormatError (not
// JSON, wrong format or a newer version) or ValidationError (a field that cannot be used).
std::shared_ptr<const LandmarkSchema> parseLandmarkSchema(const QByteArray& json,
                                                          const QString& path);
std::shared_ptr<const LandmarkSchema> readLandmarkSchema(const QString& path);

// The same object parseLandmarkSchema reads, for any schema (built-ins included).
QJsonObject landmarkSchemaToJson(const LandmarkSchema& schema);
// From an object as landmarkSchemaToJson writes it (a model bundle keeps one); field names the
// object in messages ("schema").
std::shared_ptr<const LandmarkSchema>
landmarkSchemaFromJson(const QJsonObject& object, const QString& path, const QString& field);
// Writes atomically (a full disk keeps the old file).
void writeLandmarkSchema(const QString& path, const LandmarkSchema& schema);

// The schema that folder's own landmark-schema.json defines; nullptr when it has none.
std::shared_ptr<const LandmarkSchema> schemaInFolder(const QString& folder);

} // namespace pal
