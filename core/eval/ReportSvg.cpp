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

QString barChartSvg(const EvaluationResult& r, const IntraObserverReference& ref) {
    const int L = r.landmarkCountTotal();
    const double W = 1160, H = 360, left = 56, right = 96, top = 14, bottom = 58;
    const double pw = W - left - right, ph = H - top - bottom;
    const double slot = pw / std::max(L, 1), barW = slot * 0.7;

    double maxV = std::max(ref.meanMm, ref.rangeHighMm);
    for (int i = 0; i < L; ++i) {
        const double hi =
            r.landmarkMean[i] + (std::isfinite(r.landmarkStd[i]) ? r.landmarkStd[i] : 0);
        if (std::isfinite(hi)) {
            maxV = std::max(maxV, hi);
        }
    }
    const double step = niceStep(maxV, 6);
    const double yMax = std::ceil(maxV / step) * step;
    const auto yOf = [&](double v) { return top + ph * (1.0 - std::clamp(v, 0.0, yMax) / yMax); };
    const auto xOf = [&](int i) { return left + slot * i; };

    QString s;
    s += QStringLiteral("<svg class=\"chart\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                        "role=\"img\" aria-label=\"Point-wise error per landmark, %3\">\n")
             .arg(W)
             .arg(H)
             .arg(esc(r.variant));
    // Grid and y axis.
    for (double v = 0; v <= yMax + step * 1e-6; v += step) {
        s +=
            QStringLiteral("<line class=\"grid\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>"
                           "<text class=\"tick\" x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>\n")
                .arg(px(left), px(left + pw), px(yOf(v)), px(left - 6), px(yOf(v) + 4),
                     QString::number(v, 'g', 4));
    }
    s += QStringLiteral("<text class=\"axis\" transform=\"translate(16 %1) rotate(-90)\" "
                        "text-anchor=\"middle\">mean error (mm)</text>\n")
             .arg(px(top + ph / 2));

    // Bars with ±1 SD whiskers, and the key under each.
    for (int i = 0; i < L; ++i) {
        const LandmarkDefinition& d = r.schema->at(i);
        const QString key = r.schema->key(i);
        const double cx = xOf(i) + slot / 2;
        const double mean = r.landmarkMean[i];
        if (std::isfinite(mean)) {
            s += QStringLiteral("<rect class=\"bar\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                                "fill=\"%5\"><title>%6 (%7): %8 ± %9 mm, n = %10</title></rect>\n")
                     .arg(px(cx - barW / 2), px(yOf(mean)), px(barW), px(yOf(0) - yOf(mean)),
                          sideColour(d.side), esc(key), esc(d.name), num(mean, 2),
                          num(r.landmarkStd[i], 2), QString::number(r.landmarkCount[i]));
            const double sd = r.landmarkStd[i];
            if (std::isfinite(sd) && sd > 0) {
                const double y1 = yOf(mean - sd), y2 = yOf(mean + sd);
                s += QStringLiteral("<path class=\"sd\" d=\"M%1 %2V%3M%4 %2H%5M%4 %3H%5\"/>\n")
                         .arg(px(cx), px(y1), px(y2), px(cx - 3), px(cx + 3));
            }
        } else {
            s += QStringLiteral("<text class=\"na\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">"
                                "n/a</text>\n")
                     .arg(px(cx), px(yOf(0) - 4));
        }
        const double ly = top + ph + 8;
        s += QStringLiteral("<text class=\"key\" x=\"%1\" y=\"%2\" text-anchor=\"end\" "
                            "transform=\"rotate(-60 %1 %2)\">%3</text>\n")
                 .arg(px(cx + 3), px(ly), esc(key));
    }

    // The intra-observer range of the ear and cheek landmarks, drawn over their bars.
    for (int i = 0; i < L; ++i) {
        if (ref.rangeKeys.contains(r.schema->key(i))) {
            s += QStringLiteral("<rect class=\"refband\" x=\"%1\" y=\"%2\" width=\"%3\" "
                                "height=\"%4\"><title>intra-observer %5 mm (range for %6)"
                                "</title></rect>\n")
                     .arg(px(xOf(i)), px(yOf(ref.rangeHighMm)), px(slot),
                          px(yOf(ref.rangeLowMm) - yOf(ref.rangeHighMm)),
                          esc(num(ref.rangeLowMm, 1) + QStringLiteral("–") +
                              num(ref.rangeHighMm, 1)),
                          esc(ref.rangeDescription));
        }
    }

    // The intra-observer values the reference names for single landmarks.
    for (const IntraObserverValue& v : ref.named) {
        const int i = r.schema->indexOfKey(v.key);
        if (i < 0) {
            continue;
        }
        s += QStringLiteral("<line class=\"refmark\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\">"
                            "<title>intra-observer %4: about %5 mm (%6)</title></line>\n")
                 .arg(px(xOf(i) + 1), px(xOf(i) + slot - 1), px(yOf(v.mm)), esc(v.key),
                      num(v.mm, 2), esc(v.description));
    }

    // Reference and model means across the plot, labelled in the right margin; the labels
    // move apart when the lines are close.
    double yRef = yOf(ref.meanMm), yModel = yOf(r.pointwise);
    s += QStringLiteral("<line class=\"intra\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>\n")
             .arg(px(left), px(left + pw), px(yRef));
    if (std::isfinite(r.pointwise)) {
        s += QStringLiteral("<line class=\"modelmean\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>\n")
                 .arg(px(left), px(left + pw), px(yModel));
    }
    double lRef = yRef + 4, lModel = yModel + 4;
    if (std::isfinite(r.pointwise) && std::abs(lRef - lModel) < 26) {
        const double mid = (lRef + lModel) / 2;
        lRef = yRef >= yModel ? mid + 13 : mid - 13;
        lModel = yRef >= yModel ? mid - 13 : mid + 13;
    }
    s += QStringLiteral("<text class=\"lbl intra-lbl\" x=\"%1\" y=\"%2\">intra-observer"
                        "<tspan x=\"%1\" dy=\"12\">mean %3 mm</tspan></text>\n")
             .arg(px(left + pw + 6), px(lRef - 6), num(ref.meanMm, 2));
    if (std::isfinite(r.pointwise)) {
        s += QStringLiteral("<text class=\"lbl model-lbl\" x=\"%1\" y=\"%2\">model"
                            "<tspan x=\"%1\" dy=\"12\">mean %3 mm</tspan></text>\n")
                 .arg(px(left + pw + 6), px(lModel - 6), num(r.pointwise, 2));
    }
    s += QStringLiteral("<line class=\"axisline\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>\n")
             .arg(px(left), px(left + pw), px(yOf(0)));
    s += QStringLiteral("</svg>\n");
    return s;
}

QString heatmapSvg(const EvaluationResult& r, const QString& idSuffix) {
    const int L = r.landmarkCountTotal();
    const int cell = std::clamp(500 / std::max(L, 1), 6, 40);
    const int grid = cell * L;
    const int left = 50, top = 50;
    const int legendX = left + grid + 28, legendW = 16;
    const int W = legendX + legendW + 64, H = top + grid + 34;
    const double font = std::min(cell * 0.85, 11.0);

    double vmax = 0;
    bool anyMissing = false;
    for (Eigen::Index k = 0; k < r.pairwise.size(); ++k) {
        const double v = r.pairwise.data()[k];
        if (std::isfinite(v)) {
            vmax = std::max(vmax, v);
        } else {
            anyMissing = true;
        }
    }
    if (!(vmax > 0)) {
        vmax = 1;
    }

    QString s;
    s.reserve(160 * L * L + 4096);
    s += QStringLiteral("<svg class=\"heatmap\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                        "role=\"img\" aria-label=\"Distance-wise error per landmark pair, %3\">\n")
             .arg(W)
             .arg(H)
             .arg(esc(r.variant));
    const QString gradId = QStringLiteral("scale-") + idSuffix;
    s += QStringLiteral("<defs><linearGradient id=\"%1\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">")
             .arg(gradId);
    for (std::size_t k = 0; k < kViridis.size(); ++k) {
        const double t = static_cast<double>(k) / (kViridis.size() - 1);
        s += QStringLiteral("<stop offset=\"%1\" stop-color=\"%2\"/>")
                 .arg(QString::number(t, 'f', 3), viridis(t));
    }
    s += QStringLiteral("</linearGradient></defs>\n");

    QStringList keys;
    for (int i = 0; i < L; ++i) {
        keys << esc(r.schema->key(i));
    }
    for (int i = 0; i < L; ++i) {
        const double c = i * cell + cell / 2.0;
        s += QStringLiteral("<text class=\"hkey\" x=\"%1\" y=\"%2\" text-anchor=\"end\" "
                            "font-size=\"%3\">%4</text>")
                 .arg(left - 3)
                 .arg(px(top + c + font * 0.35))
                 .arg(px(font), keys[i]);
        s += QStringLiteral("<text class=\"hkey\" x=\"%1\" y=\"%2\" font-size=\"%3\" "
                            "transform=\"rotate(-90 %1 %2)\">%4</text>\n")
                 .arg(px(left + c + font * 0.35))
                 .arg(top - 3)
                 .arg(px(font), keys[i]);
    }
    for (int a = 0; a < L; ++a) {
        for (int b = 0; b < L; ++b) {
            const double v = r.pairwise(a, b);
            const QString fill = std::isfinite(v) ? viridis(v / vmax) : QStringLiteral("#cccccc");
            s += QStringLiteral("<rect class=\"cell\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" "
                                "fill=\"%4\"><title>%5 – %6: %7 mm</title></rect>\n")
                     .arg(left + b * cell)
                     .arg(top + a * cell)
                     .arg(cell)
                     .arg(fill, keys[a], keys[b], num(v, 2));
        }
    }

    // Colour scale legend: 0 at the bottom, the largest entry at the top.
    s += QStringLiteral("<text class=\"axis\" x=\"%1\" y=\"%2\" text-anchor=\"middle\">mm</text>\n")
             .arg(legendX + legendW / 2)
             .arg(top - 8);
    s += QStringLiteral("<rect class=\"legend\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                        "fill=\"url(#%5)\"/>\n")
             .arg(legendX)
             .arg(top)
             .arg(legendW)
             .arg(grid)
             .arg(gradId);
    const double step = niceStep(vmax, 5);
    const auto yOf = [&](double v) { return top + grid * (1.0 - v / vmax); };
    for (double v = 0; v <= vmax + step * 1e-6; v += step) {
        s += QStringLiteral("<line class=\"lt\" x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\"/>"
                            "<text class=\"tick\" x=\"%4\" y=\"%5\">%6</text>\n")
                 .arg(legendX + legendW)
                 .arg(legendX + legendW + 4)
                 .arg(px(yOf(v)))
                 .arg(legendX + legendW + 7)
                 .arg(px(yOf(v) + 4))
                 .arg(QString::number(v, 'g', 4));
    }
    s += QStringLiteral("<text class=\"tick\" x=\"%1\" y=\"%2\">max %3</text>\n")
             .arg(legendX - 4)
             .arg(top + grid + 16)
             .arg(num(vmax, 2));
    if (anyMissing) {
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"#cccccc\"/>"
                            "<text class=\"tick\" x=\"%3\" y=\"%4\">no case had both "
                            "landmarks</text>\n")
                 .arg(left)
                 .arg(top + grid + 8)
                 .arg(left + 14)
                 .arg(top + grid + 17);
    }
    s += QStringLiteral("</svg>\n");
    return s;
}

} // namespace pal::report
