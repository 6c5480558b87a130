#include "core/eval/Report.h"

#include "core/eval/ReportSvg.h"
#include "core/io/FileBytes.h"

#include <cmath>

namespace pal {
namespace {

using report::esc;
using report::num;

const char* const kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
 color:#222;max-width:1200px;margin:20px auto;padding:0 16px;line-height:1.4}
h1{margin:0 0 8px}
h2{margin-top:32px;border-bottom:2px solid #ddd;padding-bottom:4px}
h3{margin:20px 0 6px}
.notice{border:3px solid #c0392b;background:#fdecea;color:#7b1d13;font-weight:bold;
 font-size:1.25em;padding:12px 16px;margin:12px 0 20px;border-radius:4px}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #ccc;padding:4px 10px;text-align:left;vertical-align:middle}
th{background:#f4f4f4}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.headline td.n{font-size:1.25em;font-weight:bold}
.muted{color:#666}
.sub td:first-child{padding-left:26px}
.above{color:#b03a2e}
.swatch{display:inline-block;width:12px;height:12px;vertical-align:middle;margin:0 4px 0 14px}
.dash{display:inline-block;width:22px;border-top:2px dashed #c0392b;vertical-align:middle;
 margin:0 4px 0 14px}
.solid{display:inline-block;width:22px;border-top:1px solid #222;vertical-align:middle;
 margin:0 4px 0 14px}
.mark{display:inline-block;width:12px;border-top:3px solid #c0392b;vertical-align:middle;
 margin:0 4px 0 14px}
svg{display:block;margin:4px 0}
svg text{font-family:inherit}
.grid{stroke:#e6e6e6}
.axisline,.lt{stroke:#333}
.tick{font-size:11px;fill:#444}
.axis{font-size:12px;fill:#222}
.key{font-size:10px;fill:#222}
.hkey{fill:#222}
.sd{stroke:#222;stroke-width:1;fill:none}
.refband{fill:#000;fill-opacity:.16;stroke:#444;stroke-width:.8;stroke-dasharray:2 2}
.refmark{stroke:#c0392b;stroke-width:3}
.intra{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:6 4}
.modelmean{stroke:#222;stroke-width:1}
.lbl{font-size:10px}
.intra-lbl{fill:#c0392b}
.na{font-size:9px;fill:#888}
rect.cell{shape-rendering:crispEdges}
details{margin:6px 0}
summary{cursor:pointer;color:#245}
)";

QString landmarkLabel(const LandmarkSchema& schema, int i) {
    const LandmarkDefinition& d = schema.at(i);
    QString s = schema.key(i) + QStringLiteral(" — ") + d.name;
    if (d.side != Side::Midline) {
        s += QStringLiteral(" (") + sideName(d.side) + QLatin1Char(')');
    }
    return s;
}

QString provenanceSection(const QStringList& lines) {
    QString s = QStringLiteral("<h2>Provenance</h2>\n");
    if (lines.isEmpty()) {
        return s + QStringLiteral("<p class=\"muted\">No provenance given.</p>\n");
    }
    s += QStringLiteral("<table class=\"prov\">\n");
    for (const QString& line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            s += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                     .arg(esc(line.left(colon).trimmed()), esc(line.mid(colon + 1).trimmed()));
        } else {
            s += QStringLiteral("<tr><td colspan=\"2\">%1</td></tr>\n").arg(esc(line));
        }
    }
    return s + QStringLiteral("</table>\n");
}

QString headlineSection(const std::vector<EvaluationResult>& variants) {
    QString s = QStringLiteral("<h2>Headline errors</h2>\n");
    if (variants.empty()) {
        return s + QStringLiteral("<p class=\"muted\">No evaluation results.</p>\n");
    }
    s += QStringLiteral("<table class=\"headline\">\n<tr><th>Post-processing</th><th>Cases</th>"
                        "<th>Landmarks</th><th>Point-wise error (mm)</th>"
                        "<th>Distance-wise error (mm)</th></tr>\n");
    for (const EvaluationResult& r : variants) {
        s += QStringLiteral("<tr><td>%1</td><td class=\"n\">%2</td><td class=\"n\">%3</td>"
                            "<td class=\"n\">%4</td><td class=\"n\">%5</td></tr>\n")
                 .arg(esc(r.variant), QString::number(r.caseCount()),
                      QString::number(r.landmarkCountTotal()), num(r.pointwise, 3),
                      num(r.distancewise, 3));
    }
    s += QStringLiteral("</table>\n");
    const int L = variants.front().landmarkCountTotal();
    s += QStringLiteral(
             "<p class=\"muted\">Point-wise: per landmark the mean over cases of the Euclidean "
             "distance between prediction and truth; the headline is the mean over the "
             "landmarks. Distance-wise: per landmark pair the mean over cases of the absolute "
             "difference between predicted and true inter-landmark distance; the headline is "
             "the mean over all %1 × %1 = %2 entries, the zero diagonal included. A landmark "
             "missing from a prediction or a truth is left out of the means it would enter."
             "</p>\n")
             .arg(QString::number(L), QString::number(L * L));
    return s;
}

QString perLandmarkTable(const EvaluationResult& r) {
    QString s = QStringLiteral("<details><summary>Per-landmark values</summary>\n<table>\n"
                               "<tr><th>#</th><th>Landmark</th><th>Mean (mm)</th>"
                               "<th>SD (mm)</th><th>Cases</th></tr>\n");
    for (int i = 0; i < r.landmarkCountTotal(); ++i) {
        s += QStringLiteral("<tr><td class=\"n\">%1</td><td>%2</td><td class=\"n\">%3</td>"
                            "<td class=\"n\">%4</td><td class=\"n\">%5</td></tr>\n")
                 .arg(QString::number(r.schema->at(i).number), esc(landmarkLabel(*r.schema, i)),
                      num(r.landmarkMean[i], 2), num(r.landmarkStd[i], 2),
                      QString::number(r.landmarkCount[i]));
    }
    return s + QStringLiteral("</table>\n</details>\n");
}

QString variantSection(const EvaluationResult& r, int index, int worstCount,
                       const IntraObserverReference& ref) {
    QString s = QStringLiteral("<section id=\"variant-%1\">\n<h2>Post-processing: %2</h2>\n")
                    .arg(QString::number(index), esc(r.variant));

    s += QStringLiteral("<h3>Point-wise error per landmark</h3>\n");
    s += report::barChartSvg(r, ref);
    s += QStringLiteral(
             "<p class=\"muted\">Bars: mean over cases "
             "<span class=\"swatch\" style=\"background:#4c72b0\"></span>midline"
             "<span class=\"swatch\" style=\"background:#dd8452\"></span>right"
             "<span class=\"swatch\" style=\"background:#55a868\"></span>left; whiskers ±1 SD."
             "<br/><span class=\"dash\" style=\"margin-left:0\"></span>intra-observer mean %1 mm"
             "<span class=\"solid\"></span>model mean"
             "<span class=\"swatch\" style=\"background:#d6d6d6;border:1px dashed "
             "#444\"></span>intra-observer range "
             "%2–%3 mm of the ear and cheek landmarks"
             "<span class=\"mark\"></span>intra-observer value the reference names "
             "for one landmark</p>\n")
             .arg(num(ref.meanMm, 2), num(ref.rangeLowMm, 1), num(ref.rangeHighMm, 1));
    s += perLandmarkTable(r);

    s += QStringLiteral("<h3>Distance-wise error per landmark pair</h3>\n"
                        "<p class=\"muted\">Mean over cases of |d<sub>pred</sub>(a, b) − "
                        "d<sub>true</sub>(a, b)|, rows a and columns b in schema order; "
                        "headline %1 mm.</p>\n")
             .arg(num(r.distancewise, 3));
    s += report::heatmapSvg(r, QString::number(index));

    const std::vector<int> worst = worstCases(r, worstCount);
    s += QStringLiteral("<h3>Worst cases</h3>\n");
    if (worst.empty()) {
        s += QStringLiteral("<p class=\"muted\">No case to list.</p>\n");
    } else {
        s += QStringLiteral("<p class=\"muted\">The %1 of %2 cases with the largest mean "
                            "error over their landmarks.</p>\n<table class=\"worst\">\n"
                            "<tr><th>Rank</th><th>Case</th><th>Mean error (mm)</th></tr>\n")
                 .arg(QString::number(worst.size()), QString::number(r.caseCount()));
        for (std::size_t k = 0; k < worst.size(); ++k) {
            const int c = worst[k];
            s += QStringLiteral("<tr><td class=\"n\">%1</td><td class=\"case\">%2</td>"
                                "<td class=\"n\">%3</td></tr>\n")
                     .arg(QString::number(k + 1), esc(r.caseIds.at(c)), num(r.caseMean[c], 2));
        }
        s += QStringLiteral("</table>\n");
    }
    return s + QStringLiteral("</section>\n");
}

// A model value against a single reference value: "3.69 (×1.64)", the ratio to the reference.
QString againstValue(double model, double reference) {
    if (!std::isfinite(model)) {
        return num(model, 2);
    }
    const QString cls = model > reference ? QStringLiteral(" class=\"above\"") : QString();
    return QStringLiteral("<span%1>%2</span> <span class=\"muted\">(×%3)</span>")
        .arg(cls, num(model, 2), num(model / reference, 2));
}

QString intraObserverSection(const std::vector<EvaluationResult>& variants,
                             const IntraObserverReference& ref) {
    QString s = QStringLiteral("<h2>Comparison with intra-observer variability</h2>\n"
                               "<p>Reference: %1. The reference gives only the values in the "
                               "second column; where it gives none for a landmark, the table "
                               "says so.</p>\n")
                    .arg(esc(ref.source));
    if (variants.empty()) {
        return s;
    }
    const LandmarkSchema& schema = *variants.front().schema;
    s += QStringLiteral("<table class=\"intra\">\n<tr><th>Landmark(s)</th>"
                        "<th>Intra-observer (mm)</th>");
    for (const EvaluationResult& r : variants) {
        s += QStringLiteral("<th>Model, %1 (mm)</th>").arg(esc(r.variant));
    }
    s += QStringLiteral("</tr>\n");

    const auto row = [&](const QString& label, const QString& reference, const QString& cls,
                         const auto& cell) {
        s += QStringLiteral("<tr%1><td>%2</td><td>%3</td>").arg(cls, label, reference);
        for (const EvaluationResult& r : variants) {
            s += QStringLiteral("<td class=\"n\">%1</td>").arg(cell(r));
        }
        s += QStringLiteral("</tr>\n");
    };
    const QString notInSchema = QStringLiteral("<span class=\"muted\">not in this schema</span>");
    const auto value = [](const EvaluationResult& r, const QString& key) {
        const int i = r.schema->indexOfKey(key);
        return i < 0 ? std::nan("") : r.landmarkMean[i];
    };

    row(QStringLiteral("Mean over landmarks"), num(ref.meanMm, 2), QString(),
        [&](const EvaluationResult& r) { return againstValue(r.pointwise, ref.meanMm); });
    QStringList covered;
    for (const IntraObserverValue& v : ref.named) {
        const int i = schema.indexOfKey(v.key);
        covered << v.key;
        const QString label = (i < 0 ? esc(v.key) : esc(landmarkLabel(schema, i))) +
                              QStringLiteral(", ") + esc(v.description);
        row(label, QStringLiteral("about ") + num(v.mm, 2), QString(),
            [&](const EvaluationResult& r) {
                return r.schema->indexOfKey(v.key) < 0 ? notInSchema
                                                       : againstValue(value(r, v.key), v.mm);
            });
    }

    const QString range = num(ref.rangeLowMm, 1) + QStringLiteral("–") + num(ref.rangeHighMm, 1);
    row(esc(ref.rangeDescription) + QStringLiteral(": lowest–highest"), range, QString(),
        [&](const EvaluationResult& r) {
            double lo = INFINITY, hi = -INFINITY;
            for (const QString& key : ref.rangeKeys) {
                const double v = value(r, key);
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
            return lo > hi ? num(NAN, 2) : num(lo, 2) + QStringLiteral("–") + num(hi, 2);
        });
    for (const QString& key : ref.rangeKeys) {
        const int i = schema.indexOfKey(key);
        covered << key;
        row(i < 0 ? esc(key) : esc(landmarkLabel(schema, i)),
            QStringLiteral("<span class=\"muted\">not given singly (range %1)</span>").arg(range),
            QStringLiteral(" class=\"sub\""), [&](const EvaluationResult& r) {
                if (r.schema->indexOfKey(key) < 0) {
                    return notInSchema;
                }
                const double v = value(r, key);
                if (!std::isfinite(v)) {
                    return num(v, 2);
                }
                const QString where = v > ref.rangeHighMm  ? QStringLiteral("above the range")
                                      : v < ref.rangeLowMm ? QStringLiteral("below the range")
                                                           : QStringLiteral("within the range");
                const QString cls =
                    v > ref.rangeHighMm ? QStringLiteral(" class=\"above\"") : QString();
                return QStringLiteral("<span%1>%2</span> <span class=\"muted\">(%3)</span>")
                    .arg(cls, num(v, 2), where);
            });
    }
    s += QStringLiteral("</table>\n");

    QStringList others;
    for (int i = 0; i < schema.size(); ++i) {
        if (!covered.contains(schema.key(i))) {
            others << esc(schema.key(i));
        }
    }
    if (!others.isEmpty()) {
        s += QStringLiteral("<p>The reference gives no intra-observer value for the other %1 "
                            "landmarks (%2); they enter only the mean above.</p>\n")
                 .arg(QString::number(others.size()), others.join(QStringLiteral(", ")));
    }
    return s;
}

} // namespace

QByteArray formatEvaluationReport(const ReportInput& input) {
    const IntraObserverReference ref = intraObserverReference();
    QString s;
    s += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n<h1>%1</h1>\n")
             .arg(esc(input.title), QString::fromUtf8(kStyle));
    if (!input.notice.isEmpty()) {
        s += QStringLiteral("<div class=\"notice\">%1</div>\n").arg(esc(input.notice));
    }
    s += provenanceSection(input.provenance);
    s += headlineSection(input.variants);
    for (std::size_t k = 0; k < input.variants.size(); ++k) {
        s += variantSection(input.variants[k], static_cast<int>(k), input.worstCases, ref);
    }
    s += intraObserverSection(input.variants, ref);
    s += QStringLiteral("</body>\n</html>\n");
    return s.toUtf8();
}

void writeEvaluationReport(const QString& htmlPath, const ReportInput& input) {
    writeFileAtomically(htmlPath, formatEvaluationReport(input));
}

} // namespace pal
