#include "core/eval/ReportSvg.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pal::report {
namespace {

// Tick spacing that gives about `ticks` ticks up to maxValue: 1, 2, 2.5 or 5 times a power of 10.
double niceStep(double maxValue, int ticks) {
    const double raw = maxValue / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * mag >= raw) {
            return m * mag;
        }
    }
    return 10.0 * mag;
}

QString px(double v) {
    return QString::number(v, 'f', 1);
}

QString sideColour(Side side) {
    switch (side) {
    case Side::Right:
        return QStringLiteral("#dd8452");
    case Side::Left:
        return QStringLiteral("#55a868");
    case Side::Midline:
        break;
    }
    return QStringLiteral("#4c72b0");
}

// Viridis, sampled at 9 points and interpolated linearly.
constexpr std::array<std::array<int, 3>, 9> kViridis = {{{0x44, 0x01, 0x54},
                                                         {0x47, 0x2d, 0x7b},
                                                         {0x3b, 0x52, 0x8b},
                                                         {0x2c, 0x72, 0x8e},
                                                         {0x21, 0x91, 0x8c},
                                                         {0x28, 0xae, 0x80},
                                                         {0x5e, 0xc9, 0x62},
                                                         {0xad, 0xdc, 0x30},
                                                         {0xfd, 0xe7, 0x25}}};

QString hexColour(int r, int g, int b) {
    return QStringLiteral("#%1%2%3")
        .arg(r, 2, 16, QLatin1Char('0'))
        .arg(g, 2, 16, QLatin1Char('0'))
        .arg(b, 2, 16, QLatin1Char('0'));
}

QString viridis(double t) {
    t = std::clamp(t, 0.0, 1.0) * (kViridis.size() - 1);
    const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(t), kViridis.size() - 2);
    const double f = t - static_cast<double>(i);
    int c[3];
    for (int k = 0; k < 3; ++k) {
        c[k] = static_cast<int>(
            std::lround(kViridis[i][k] + f * (kViridis[i + 1][k] - kViridis[i][k])));
    }
    return hexColour(c[0], c[1], c[2]);
}

} // namespace

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString num(double v, int decimals) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

namespace {

// The bar chart's plot area and value axis.
struct BarFrame {
    double W = 1160, H = 360, left = 56, right = 96, top = 14, bottom = 58;
    double pw = 0, ph = 0, slot = 0, barW = 0, step = 1, yMax = 1;
    double yOf(double v) const { return top + ph * (1.0 - std::clamp(v, 0.0, yMax) / yMax); }
    double xOf(int i) const { return left + slot * i; }
};

BarFrame barFrame(const EvaluationResult& r, const IntraObserverReference& ref) {
    BarFrame f;
    const int L = r.landmarkCountTotal();
    f.pw = f.W - f.left - f.right;
    f.ph = f.H - f.top - f.bottom;
    f.slot = f.pw / std::max(L, 1);
    f.barW = f.slot * 0.7;
    double maxV = std::max(ref.meanMm, ref.rangeHighMm);
    for (int i = 0; i < L; ++i) {
        const double hi =
            r.landmarkMean[i] + (std::isfinite(r.landmarkStd[i]) ? r.landmarkStd[i] : 0);
        if (std::isfinite(hi)) {
            maxV = std::max(maxV, hi);
        }
    }
    f.step = niceStep(maxV, 6);
    f.yMax = std::ceil(maxV / f.step) * f.step;
    return f;
}

// Grid and y axis.
QString barGridSvg(const BarFrame& f) {
    QString s;
    for (double v = 0; v <= f.yMax + f.step * 1e-6; v += f.step) {
        s +=
            QStringLiteral("<line class=\"grid\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>"
                           "<text class=\"tick\" x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>\n")
                .arg(px(f.left), px(f.left + f.pw), px(f.yOf(v)), px(f.left - 6), px(f.yOf(v) + 4),
                     QString::number(v, 'g', 4));
    }
    s += QStringLiteral("<text class=\"axis\" transform=\"translate(16 %1) rotate(-90)\" "
                        "text-anchor=\"middle\">mean error (mm)</text>\n")
             .arg(px(f.top + f.ph / 2));
    return s;
}

// Bars with ±1 SD whiskers, and the key under each.
QString barsSvg(const EvaluationResult& r, const BarFrame& f) {
    QString s;
    for (int i = 0; i < r.landmarkCountTotal(); ++i) {
        const LandmarkDefinition& d = r.schema->at(i);
        const QString key = r.schema->key(i);
        const double cx = f.xOf(i) + f.slot / 2;
        const double mean = r.landmarkMean[i];
        if (std::isfinite(mean)) {
            s += QStringLiteral("<rect class=\"bar\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                                "fill=\"%5\"><title>%6 (%7): %8 ± %9 mm, n = %10</title></rect>\n")
                     .arg(px(cx - f.barW / 2), px(f.yOf(mean)), px(f.barW),
                          px(f.yOf(0) - f.yOf(mean)), sideColour(d.side), esc(key), esc(d.name),
                          num(mean, 2), num(r.landmarkStd[i], 2),
                          QString::number(r.landmarkCount[i]));
            const double sd = r.landmarkStd[i];
            if (std::isfinite(sd) && sd > 0) {
                const double y1 = f.yOf(mean - sd), y2 = f.yOf(mean + sd);
                s += QStringLiteral("<path class=\"sd\" d=\"M%1 %2V%3M%4 %2H%5M%4 %3H%5\"/>\n")
                         .arg(px(cx), px(y1), px(y2), px(cx - 3), px(cx + 3));
            }
        } else {
            s += QStringLiteral("<text class=\"na\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">"
                                "n/a</text>\n")
                     .arg(px(cx), px(f.yOf(0) - 4));
        }
        const double ly = f.top + f.ph + 8;
        s += QStringLiteral("<text class=\"key\" x=\"%1\" y=\"%2\" text-anchor=\"end\" "
                            "transform=\"rotate(-60 %1 %2)\">%3</text>\n")
                 .arg(px(cx + 3), px(ly), esc(key));
    }
    return s;
}

// The intra-observer range of the ear and cheek landmarks, drawn over their bars, and the
// values the reference names for single landmarks.
QString referenceMarksSvg(const EvaluationResult& r, const IntraObserverReference& ref,
                          const BarFrame& f) {
    QString s;
    for (int i = 0; i < r.landmarkCountTotal(); ++i) {
        if (ref.rangeKeys.contains(r.schema->key(i))) {
            s += QStringLiteral("<rect class=\"refband\" x=\"%1\" y=\"%2\" width=\"%3\" "
                                "height=\"%4\"><title>intra-observer %5 mm (range for %6)"
                                "</title></rect>\n")
                     .arg(px(f.xOf(i)), px(f.yOf(ref.rangeHighMm)), px(f.slot),
                          px(f.yOf(ref.rangeLowMm) - f.yOf(ref.rangeHighMm)),
                          esc(num(ref.rangeLowMm, 1) + QStringLiteral("–") +
                              num(ref.rangeHighMm, 1)),
                          esc(ref.rangeDescription));
        }
    }
    for (const IntraObserverValue& v : ref.named) {
        const int i = r.schema->indexOfKey(v.key);
        if (i < 0) {
            continue;
        }
        s += QStringLiteral("<line class=\"refmark\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\">"
                            "<title>intra-observer %4: about %5 mm (%6)</title></line>\n")
                 .arg(px(f.xOf(i) + 1), px(f.xOf(i) + f.slot - 1), px(f.yOf(v.mm)), esc(v.key),
                      num(v.mm, 2), esc(v.description));
    }
    return s;
}

// Reference and model means across the plot, labelled in the right margin; the labels move
// apart when the lines are close.
QString meanLinesSvg(const EvaluationResult& r, const IntraObserverReference& ref,
                     const BarFrame& f) {
    QString s;
    const double yRef = f.yOf(ref.meanMm), yModel = f.yOf(r.pointwise);
    s += QStringLiteral("<line class=\"intra\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>\n")
             .arg(px(f.left), px(f.left + f.pw), px(yRef));
    if (std::isfinite(r.pointwise)) {
        s += QStringLiteral("<line class=\"modelmean\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>\n")
                 .arg(px(f.left), px(f.left + f.pw), px(yModel));
    }
    double lRef = yRef + 4, lModel = yModel + 4;
    if (std::isfinite(r.pointwise) && std::abs(lRef - lModel) < 26) {
        const double mid = (lRef + lModel) / 2;
        lRef = yRef >= yModel ? mid + 13 : mid - 13;
        lModel = yRef >= yModel ? mid - 13 : mid + 13;
    }
    s += QStringLiteral("<text class=\"lbl intra-lbl\" x=\"%1\" y=\"%2\">intra-observer"
                        "<tspan x=\"%1\" dy=\"12\">mean %3 mm</tspan></text>\n")
             .arg(px(f.left + f.pw + 6), px(lRef - 6), num(ref.meanMm, 2));
    if (std::isfinite(r.pointwise)) {
        s += QStringLiteral("<text class=\"lbl model-lbl\" x=\"%1\" y=\"%2\">model"
                            "<tspan x=\"%1\" dy=\"12\">mean %3 mm</tspan></text>\n")
                 .arg(px(f.left + f.pw + 6), px(lModel - 6), num(r.pointwise, 2));
    }
    return s;
}

} // namespace

QString barChartSvg(const EvaluationResult& r, const IntraObserverReference& ref) {
    const BarFrame f = barFrame(r, ref);
    QString s;
    s += QStringLiteral("<svg class=\"chart\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                        "role=\"img\" aria-label=\"Point-wise error per landmark, %3\">\n")
             .arg(f.W)
             .arg(f.H)
             .arg(esc(r.variant));
    s += barGridSvg(f);
    s += barsSvg(r, f);
    s += referenceMarksSvg(r, ref, f);
    s += meanLinesSvg(r, ref, f);
    s += QStringLiteral("<line class=\"axisline\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>\n")
             .arg(px(f.left), px(f.left + f.pw), px(f.yOf(0)));
    s += QStringLiteral("</svg>\n");
    return s;
}

namespace {

// The heatmap's layout: one square cell per landmark pair, the colour scale to the right.
struct HeatFrame {
    int L = 0, cell = 0, grid = 0, left = 50, top = 50, legendX = 0, legendW = 16, W = 0, H = 0;
    double font = 0;
    double vmax = 0;
    bool anyMissing = false;
};

HeatFrame heatFrame(const EvaluationResult& r) {
    HeatFrame f;
    f.L = r.landmarkCountTotal();
    f.cell = std::clamp(500 / std::max(f.L, 1), 6, 40);
    f.grid = f.cell * f.L;
    f.legendX = f.left + f.grid + 28;
    f.W = f.legendX + f.legendW + 64;
    f.H = f.top + f.grid + 34;
    f.font = std::min(f.cell * 0.85, 11.0);
    for (Eigen::Index k = 0; k < r.pairwise.size(); ++k) {
        const double v = r.pairwise.data()[k];
        if (std::isfinite(v)) {
            f.vmax = std::max(f.vmax, v);
        } else {
            f.anyMissing = true;
        }
    }
    if (!(f.vmax > 0)) {
        f.vmax = 1;
    }
    return f;
}

QString gradientSvg(const QString& gradId) {
    QString s =
        QStringLiteral("<defs><linearGradient id=\"%1\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">")
            .arg(gradId);
    for (std::size_t k = 0; k < kViridis.size(); ++k) {
        const double t = static_cast<double>(k) / (kViridis.size() - 1);
        s += QStringLiteral("<stop offset=\"%1\" stop-color=\"%2\"/>")
                 .arg(QString::number(t, 'f', 3), viridis(t));
    }
    s += QStringLiteral("</linearGradient></defs>\n");
    return s;
}

// The keys along both edges, then the cells.
QString heatCellsSvg(const EvaluationResult& r, const HeatFrame& f) {
    QString s;
    QStringList keys;
    for (int i = 0; i < f.L; ++i) {
        keys << esc(r.schema->key(i));
    }
    for (int i = 0; i < f.L; ++i) {
        const double c = i * f.cell + f.cell / 2.0;
        s += QStringLiteral("<text class=\"hkey\" x=\"%1\" y=\"%2\" text-anchor=\"end\" "
                            "font-size=\"%3\">%4</text>")
                 .arg(f.left - 3)
                 .arg(px(f.top + c + f.font * 0.35))
                 .arg(px(f.font), keys[i]);
        s += QStringLiteral("<text class=\"hkey\" x=\"%1\" y=\"%2\" font-size=\"%3\" "
                            "transform=\"rotate(-90 %1 %2)\">%4</text>\n")
                 .arg(px(f.left + c + f.font * 0.35))
                 .arg(f.top - 3)
                 .arg(px(f.font), keys[i]);
    }
    for (int a = 0; a < f.L; ++a) {
        for (int b = 0; b < f.L; ++b) {
            const double v = r.pairwise(a, b);
            const QString fill = std::isfinite(v) ? viridis(v / f.vmax) : QStringLiteral("#cccccc");
            s += QStringLiteral("<rect class=\"cell\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" "
                                "fill=\"%4\"><title>%5 – %6: %7 mm</title></rect>\n")
                     .arg(f.left + b * f.cell)
                     .arg(f.top + a * f.cell)
                     .arg(f.cell)
                     .arg(fill, keys[a], keys[b], num(v, 2));
        }
    }
    return s;
}

// Colour scale legend: 0 at the bottom, the largest entry at the top.
QString heatLegendSvg(const HeatFrame& f, const QString& gradId) {
    QString s;
    s += QStringLiteral("<text class=\"axis\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">mm</text>\n")
             .arg(f.legendX + f.legendW / 2)
             .arg(f.top - 8);
    s += QStringLiteral("<rect class=\"legend\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                        "fill=\"url(#%5)\"/>\n")
             .arg(f.legendX)
             .arg(f.top)
             .arg(f.legendW)
             .arg(f.grid)
             .arg(gradId);
    const double step = niceStep(f.vmax, 5);
    const auto yOf = [&](double v) { return f.top + f.grid * (1.0 - v / f.vmax); };
    for (double v = 0; v <= f.vmax + step * 1e-6; v += step) {
        s += QStringLiteral("<line class=\"lt\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>"
                            "<text class=\"tick\" x=\"%4\" y=\"%5\">%6</text>\n")
                 .arg(f.legendX + f.legendW)
                 .arg(f.legendX + f.legendW + 4)
                 .arg(px(yOf(v)))
                 .arg(f.legendX + f.legendW + 7)
                 .arg(px(yOf(v) + 4))
                 .arg(QString::number(v, 'g', 4));
    }
    s += QStringLiteral("<text class=\"tick\" x=\"%1\" y=\"%2\">max %3</text>\n")
             .arg(f.legendX - 4)
             .arg(f.top + f.grid + 16)
             .arg(num(f.vmax, 2));
    if (f.anyMissing) {
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"#cccccc\"/>"
                            "<text class=\"tick\" x=\"%3\" y=\"%4\">no case had both "
                            "landmarks</text>\n")
                 .arg(f.left)
                 .arg(f.top + f.grid + 8)
                 .arg(f.left + 14)
                 .arg(f.top + f.grid + 17);
    }
    return s;
}

} // namespace

QString heatmapSvg(const EvaluationResult& r, const QString& idSuffix) {
    const HeatFrame f = heatFrame(r);
    QString s;
    s.reserve(160 * f.L * f.L + 4096);
    s += QStringLiteral("<svg class=\"heatmap\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                        "role=\"img\" aria-label=\"Distance-wise error per landmark pair, %3\">\n")
             .arg(f.W)
             .arg(f.H)
             .arg(esc(r.variant));
    const QString gradId = QStringLiteral("scale-") + idSuffix;
    s += gradientSvg(gradId);
    s += heatCellsSvg(r, f);
    s += heatLegendSvg(f, gradId);
    s += QStringLiteral("</svg>\n");
    return s;
}

} // namespace pal::report
