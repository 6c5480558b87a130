#pragma once

// Pieces of the evaluation report (core/eval/Report.h): escaping, number formatting and the
// two SVG charts. Internal to core/eval.

#include "core/eval/Metrics.h"

#include <QString>

namespace pal::report {

// Text made safe for HTML/XML content and double-quoted attributes.
QString esc(const QString& text);

// v with the given decimals; "–" for NaN.
QString num(double v, int decimals);

// Bar chart of result.landmarkMean with ±1 SD whiskers (one <rect class="bar"> per landmark
// with a value), a dashed line at the intra-observer mean, the model's mean, and the
// intra-observer values the reference names.
QString barChartSvg(const EvaluationResult& result, const IntraObserverReference& ref);

// Heatmap of result.pairwise: one <rect class="cell"> per entry, keys along both axes, and a
// colour scale legend in mm. idSuffix keeps the gradient's id unique within the page.
QString heatmapSvg(const EvaluationResult& result, const QString& idSuffix);

} // namespace pal::report
