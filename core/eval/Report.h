#pragma once

// The evaluation report: one self-contained HTML file (inline CSS and SVG, no script, no
// external resource) that a browser shows as is and that parses as XML.

#include "core/eval/Metrics.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace pal {

struct ReportInput {
    QString title;  // page title and heading
    QString notice; // shown prominently under the title, e.g. "Generated data, not for clinical
                    // use"; nothing is shown when empty
    // Model and data provenance, one line each; "Key: value" lines become table rows with the
    // key in the first column, other lines span the row.
    QStringList provenance;
    std::vector<EvaluationResult> variants; // one per post-processing variant, in order
    int worstCases = 10;                    // cases listed per variant
};

// The report as UTF-8 HTML. Per variant: headline errors, the per-landmark bar chart (one
// rect of class "bar" per landmark with a value), the #L x #L distance-wise heatmap (one rect
// of class "cell" per entry), the worst cases; then the comparison with
// intraObserverReference(). All text from the input is escaped.
QByteArray formatEvaluationReport(const ReportInput& input);

// Writes formatEvaluationReport(input) to htmlPath atomically. Throws IoError.
void writeEvaluationReport(const QString& htmlPath, const ReportInput& input);

} // namespace pal
