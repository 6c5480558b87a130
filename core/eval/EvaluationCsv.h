#pragma once

// The CSV files of an evaluation, one set per post-processing variant. Numbers are written in
// shortest round-trip form (std::to_chars); a NaN (nothing counted) is an empty field.

#include "core/eval/Metrics.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace pal {

// "number,key,name,mean_mm,std_mm,n": one row per landmark, in schema order.
QByteArray formatPerLandmarkCsv(const EvaluationResult& result);
// "case,mean_mm": one row per case, in input order.
QByteArray formatPerCaseCsv(const EvaluationResult& result);
// #L x #L: a header row and a first column of landmark keys (the top-left cell empty), then
// result.pairwise.
QByteArray formatPairwiseCsv(const EvaluationResult& result);
// "variant,pointwise_mm,distancewise_mm,cases": one row per result.
QByteArray formatSummaryCsv(const std::vector<EvaluationResult>& results);

// The file-name prefix of a variant: its label, lower-cased, with every character other than
// a-z, 0-9, '-' and '_' replaced by '_' ("variant" when the label is empty).
QString variantFilePrefix(const QString& variant);

// Writes, atomically, into the existing folder dir: for each result PREFIX_per_landmark.csv,
// PREFIX_per_case.csv, PREFIX_pairwise.csv and PREFIX_summary.csv (PREFIX from
// variantFilePrefix), and summary.csv over all results. Returns the paths written. Throws
// ValidationError when two results share a prefix, IoError when a file cannot be written.
QStringList writeEvaluationCsv(const QString& dir, const std::vector<EvaluationResult>& results);

} // namespace pal
