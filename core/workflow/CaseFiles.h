#pragma once

// Where the application's own files of a case live, and which cases a path names. One place
// for these facts: the GUI, the CLI and the jobs all call these.

#include "core/dataset/Case.h"
#include "core/landmarks/LandmarkSet.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pal {

inline constexpr const char* kPredictedFile = "landmarks.predicted.txt";
// The same for landmarks of any schema but LA-FAS-50, which an LA-FAS file cannot hold.
inline constexpr const char* kPredictedCsvFile = "landmarks.predicted.csv";

// Where the prediction of a case goes: beside its files (landmarks.predicted.txt in a case
// folder, <id>.landmarks.predicted.txt beside a bare mesh file), never over landmarks.txt; or
// <outDir>/<id>/landmarks.predicted.txt when outDir is given. Landmarks of another schema than
// LA-FAS-50 (schema, by default the case's) go to landmarks.predicted.csv instead.
QString predictionPath(const Case& c, const QString& outDir = {}, SchemaPtr schema = nullptr);

// The saved prediction of a case, its present landmarks with status Predicted; nullopt when
// there is none. Throws pal::Error when the file exists but cannot be read.
std::optional<LandmarkSet> readPrediction(const Case& c);

// Writes a prediction atomically, making its folder; throws IoError naming the file.
void writePrediction(const QString& path, const LandmarkSet& landmarks);

// The cases a path names: a dataset folder (all its cases), a case folder, or a mesh file.
std::vector<Case> casesOf(const QString& path);
std::vector<Case> casesOf(const QStringList& paths);

// The same for review work (the review window, report, check): the mesh of an LA-FAS case
// folder (one with landmarks or a transform) names that folder's case, with its review and its
// prediction, as the folder does; any other file is a bare mesh.
Case reviewCaseOfFile(const QString& meshPath);
std::vector<Case> reviewCasesOf(const QString& path);
std::vector<Case> reviewCasesOf(const QStringList& paths);

// True when path is a dataset folder rather than a case folder or a mesh file.
bool isDatasetPath(const QString& path);

} // namespace pal
