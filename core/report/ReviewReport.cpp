#include "core/report/ReviewReport.h"

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"
#include "core/workflow/CaseReview.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>

#include <cmath>
#include <optional>

namespace pal::report {

namespace {

// The texts' Qt Linguist context, "Report" (as core/workflow/CaseReport's).
struct Report {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

constexpr double kMarginMm = 12.0;
constexpr double kRenderMm = 90.0; // each view's square
constexpr int kRenderDpi = 200;
constexpr int kTableRows = 25; // two columns of 25 rows: 50 landmarks
constexpr double kRowMm = 3.55;
constexpr double kUnderMm = 15.0; // deeper under the surface than this: behind the head

const QColor kReviewed(235, 50, 220); // as the review window draws the prediction
const QColor kTruth(40, 200, 70);     // and the ground truth
const QColor kWarning(190, 40, 30);
const QColor kMuted(90, 90, 90);

QColor errorColor(double mm) {
    return QColor::fromHsvF(static_cast<float>(errorHueDegrees(mm) / 360.0), 0.85f, 0.75f);
}

QString dateOf(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                       : QStringLiteral("?");
}

// Millimetres to the device's pixels, and the fonts, for one page.
class Page {
public:
    Page(QPainter& p, int dpi) : m_p(p), m_dpi(dpi) {}
    double px(double mm) const { return mm * m_dpi / 25.4; }
    QRectF rect(double x, double y, double w, double h) const {
        return {px(x), px(y), px(w), px(h)};
    }
    void font(double points, bool bold = false) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(points);
        f.setBold(bold);
        m_p.setFont(f);
    }
    // Text in a box (mm), elided to its width when `elide`; returns the height used (mm).
    double text(double x, double y, double w, const QString& s, int flags = Qt::AlignLeft,
                const QColor& colour = Qt::black, Qt::TextElideMode elide = Qt::ElideRight) {
        m_p.setPen(colour);
        const QFontMetricsF fm(m_p.font(), m_p.device());
        const QString shown = fm.elidedText(s, elide, px(w));
        const QRectF box(px(x), px(y), px(w), fm.height());
        m_p.drawText(box, flags | Qt::AlignVCenter, shown);
        return fm.height() * 25.4 / m_dpi;
    }
    double lineMm() const {
        return QFontMetricsF(m_p.font(), m_p.device()).height() * 25.4 / m_dpi;
    }
    double widthMm(const QString& s) const {
        return QFontMetricsF(m_p.font(), m_p.device()).horizontalAdvance(s) * 25.4 / m_dpi;
    }
    // Wrapped text, at most maxLines lines (the rest is cut); returns the height used (mm).
    double paragraph(double x, double y, double w, const QString& s,
                     const QColor& colour = Qt::black, int maxLines = 3) {
        m_p.setPen(colour);
        const QRectF box(px(x), px(y), px(w), px(lineMm() * maxLines));
        QRectF used;
        m_p.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, s, &used);
        return used.height() * 25.4 / m_dpi;
    }
    void line(double x0, double y0, double x1, double y1, const QColor& c, double widthMm = 0.2) {
        m_p.setPen(QPen(c, px(widthMm)));
        m_p.drawLine(QPointF(px(x0), px(y0)), QPointF(px(x1), px(y1)));
    }
    QPainter& painter() { return m_p; }

private:
    QPainter& m_p;
    int m_dpi;
};

QString setDescription(const CaseReport& r) {
    switch (r.reportedSet) {
    case ReportedSet::Review:
        //: %1 the review state (done, in review...), %2 when it was saved
        return Report::tr("the saved review (%1), saved %2")
            .arg(reviewStateTitle(r.state), dateOf(r.saved));
    case ReportedSet::Prediction:
        //: %1 the model's name
        return r.model.isEmpty() ? Report::tr("a saved prediction, not reviewed")
                                 : Report::tr("the prediction of %1, not reviewed")
                                       .arg(QFileInfo(r.model).fileName());
    case ReportedSet::None:
        break;
    }
    return Report::tr("none (no prediction and no review saved)");
}

double meanOf(const std::vector<ReportRow>& rows, int* count) {
    double sum = 0;
    int n = 0;
    for (const ReportRow& r : rows) {
        if (std::isfinite(r.errorMm)) {
            sum += r.errorMm;
            ++n;
        }
    }
    *count = n;
    return n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

// The landmarks on one view, in page millimetres: error lines, ground truth, the reviewed set,
// then the labels, placed where they overlap neither another label nor the page's other views.
void paintLandmarks(Page& page, const CaseReport& r, const MeshRender& view, const QRectF& boxMm) {
    QPainter& p = page.painter();
    const double scale = boxMm.width() / view.camera.size.width(); // mm per render pixel
    auto at = [&](const Eigen::Vector3d& x) {
        const QPointF q = view.camera.project(x);
        return QPointF(page.px(boxMm.x() + q.x() * scale), page.px(boxMm.y() + q.y() * scale));
    };
    const LandmarkSet& shown = r.reviewed;
    // The ground truth only when it pairs with the reviewed set landmark by landmark.
    const LandmarkSet* truth = r.truth && r.truth->size() == shown.size() ? &*r.truth : nullptr;
    // Drawn: a filled dot where the surface does not hide the landmark; a ring where it lies
    // under the surface by up to kUnderMm (a landmark inside the face: often the worst); not at
    // all behind the head.
    enum class Seen { No, Under, Yes };
    auto seen = [&](const LandmarkSet* set, int i) {
        if (set == nullptr || i >= set->size() || !set->at(i).isPresent()) {
            return Seen::No;
        }
        const double hidden = view.hiddenBy(set->at(i).position);
        return hidden <= 1.5 ? Seen::Yes : hidden <= kUnderMm ? Seen::Under : Seen::No;
    };
    auto marker = [&](const Eigen::Vector3d& x, const QColor& colour, Seen how) {
        if (how == Seen::Yes) {
            p.setPen(QPen(Qt::white, page.px(0.12)));
            p.setBrush(colour);
        } else {
            p.setPen(QPen(colour, page.px(0.3)));
            p.setBrush(Qt::NoBrush);
        }
        p.drawEllipse(at(x), page.px(0.6), page.px(0.6));
    };
    p.save();
    p.setClipRect(QRectF(page.px(boxMm.x()), page.px(boxMm.y()), page.px(boxMm.width()),
                         page.px(boxMm.height())));
    p.setRenderHint(QPainter::Antialiasing);
    if (truth != nullptr) {
        for (int i = 0; i < shown.size(); ++i) {
            if (shown.at(i).isPresent() && truth->at(i).isPresent() &&
                (seen(&shown, i) != Seen::No || seen(truth, i) != Seen::No)) {
                const double err = (shown.at(i).position - truth->at(i).position).norm();
                p.setPen(QPen(errorColor(err), page.px(0.35)));
                p.drawLine(at(shown.at(i).position), at(truth->at(i).position));
            }
        }
        for (int i = 0; i < truth->size(); ++i) {
            if (const Seen how = seen(truth, i); how != Seen::No) {
                marker(truth->at(i).position, kTruth, how);
            }
        }
    }
    std::vector<QRectF> taken;
    for (int i = 0; i < shown.size(); ++i) {
        if (const Seen how = seen(&shown, i); how != Seen::No) {
            marker(shown.at(i).position, kReviewed, how);
            const QPointF c = at(shown.at(i).position);
            taken.emplace_back(c.x() - page.px(0.7), c.y() - page.px(0.7), page.px(1.4),
                               page.px(1.4));
        }
    }
    page.font(4.6);
    const QFontMetricsF fm(p.font(), p.device());
    const QRectF bounds(page.px(boxMm.x()), page.px(boxMm.y()), page.px(boxMm.width()),
                        page.px(boxMm.height()));
    for (int i = 0; i < shown.size(); ++i) {
        const LandmarkSet* set = seen(&shown, i) != Seen::No  ? &shown
                                 : seen(truth, i) != Seen::No ? truth
                                                              : nullptr;
        if (set == nullptr) {
            continue;
        }
        const QString key = shown.schema().key(i);
        const QPointF c = at(set->at(i).position);
        const double w = fm.horizontalAdvance(key);
        const double h = fm.height() * 0.8;
        const double g = page.px(0.9);
        const QPointF offsets[] = {{g, -h / 2}, {-g - w, -h / 2}, {-w / 2, -g - h}, {-w / 2, g},
                                   {g, -g - h}, {-g - w, -g - h}, {g, g},           {-g - w, g}};
        for (const QPointF& o : offsets) {
            const QRectF box(c + o, QSizeF(w, h));
            bool free = bounds.contains(box);
            for (const QRectF& t : taken) {
                free = free && !t.intersects(box);
            }
            if (free) {
                p.setPen(QColor(20, 20, 20));
                p.drawText(box, Qt::AlignCenter, key);
                taken.push_back(box);
                break;
            }
        }
    }
    p.restore();
}

void paintTable(Page& page, const CaseReport& r, double top) {
    const double colW = (kPageWidthMm - 2 * kMarginMm - 4) / 2;
    // # | key | status | error | tolerance | in? | checks
    const double widths[] = {5, 11, 15, 10, 9.5, 13.5, colW - 64};
    const QString heads[] = {Report::tr("#"),     Report::tr("Key"),  Report::tr("Status"),
                             Report::tr("Error"), Report::tr("Tol."), Report::tr("T / C"),
                             Report::tr("Checks")};
    const LandmarkSchema& schema = r.reviewed.schema();
    const int rows = static_cast<int>(r.rows.size());
    const int perColumn = std::max(kTableRows, (rows + 1) / 2);
    const double rowMm = std::min(kRowMm, kRowMm * kTableRows / perColumn);
    const double points = 6.0 * rowMm / kRowMm; // more landmarks than 50: smaller rows and text
    for (int col = 0; col < 2; ++col) {
        const double x0 = kMarginMm + col * (colW + 4);
        page.font(points, true);
        double x = x0;
        for (int c = 0; c < 7; ++c) {
            page.text(x + (c == 5 ? 1.0 : 0.0), top, widths[c] - 0.5, heads[c],
                      c == 3 || c == 4 ? Qt::AlignRight : Qt::AlignLeft);
            x += widths[c];
        }
        page.line(x0, top + rowMm, x0 + colW, top + rowMm, Qt::black, 0.25);
        page.font(points);
        for (int k = 0; k < perColumn; ++k) {
            const int i = col * perColumn + k;
            if (i >= rows) {
                break;
            }
            const ReportRow& row = r.rows[static_cast<std::size_t>(i)];
            const double y = top + rowMm * (k + 1) + 0.2;
            if (k % 2 == 1) {
                page.painter().fillRect(page.rect(x0, y - 0.1, colW, rowMm), QColor(242, 242, 242));
            }
            QString cells[7];
            cells[0] = QString::number(schema.at(i).number);
            cells[1] = schema.key(i);
            cells[2] = statusTitle(row.status);
            cells[3] = std::isfinite(row.errorMm) ? QString::number(row.errorMm, 'f', 2)
                                                  : QStringLiteral("-");
            if (row.tolerance) {
                cells[4] = QString::number(row.tolerance->toleranceMm, 'f', 2);
                QStringList tc;
                //: T: the ground truth; in/out: inside or outside the tolerance
                tc << (!row.tolerance->truthMm        ? QStringLiteral("-")
                       : row.tolerance->truthInside() ? Report::tr("in")
                                                      : Report::tr("out"));
                tc << (!row.tolerance->correctionMm        ? QStringLiteral("-")
                       : row.tolerance->correctionInside() ? Report::tr("in")
                                                           : Report::tr("out"));
                cells[5] = tc.join(QStringLiteral(" / "));
            } else {
                cells[4] = cells[5] = QStringLiteral("-");
            }
            cells[6] = row.findings.titles.join(QStringLiteral(", "));
            x = x0;
            for (int c = 0; c < 7; ++c) {
                QColor colour = Qt::black;
                if (c == 3 && std::isfinite(row.errorMm)) {
                    colour = errorColor(row.errorMm);
                } else if (c == 6 || (c == 5 && cells[5].contains(Report::tr("out")))) {
                    colour = kWarning;
                }
                page.text(x + (c == 5 ? 1.0 : 0.0), y, widths[c] - 1.0, cells[c],
                          c == 3 || c == 4 ? Qt::AlignRight : Qt::AlignLeft, colour);
                x += widths[c];
            }
        }
    }
}

} // namespace

CaseRenders renderCase(const CaseReport& r, int pixels) {
    Eigen::Vector3d up = Eigen::Vector3d::UnitY();
    Eigen::Vector3d forward = Eigen::Vector3d::UnitZ();
    Eigen::Vector3d left = Eigen::Vector3d::UnitX();
    if (const auto frame = reportFrame(r)) {
        up = frame->up;
        forward = frame->forward;
        left = frame->left;
    }
    QImage texture;
    if (!r.mesh->texturePath.isEmpty()) {
        QImageReader reader(r.mesh->texturePath);
        texture = reader.read(); // null when unreadable: the face is drawn in skin tone
    }
    // Framed on the landmarks when there are some (the face, with room for the labels), else on
    // the whole mesh.
    std::vector<Eigen::Vector3d> points;
    for (const LandmarkSet* set : {&r.reviewed, r.truth ? &*r.truth : nullptr}) {
        for (int i = 0; set != nullptr && i < set->size(); ++i) {
            if (set->at(i).isPresent()) {
                points.push_back(set->at(i).position);
            }
        }
    }
    const QSize size(pixels, pixels);
    const auto camera = [&](const Eigen::Vector3d& toViewer) {
        return points.size() >= 3 ? fitCamera(points, toViewer, up, size, 0.1, 40.0)
                                  : fitCamera(*r.mesh, toViewer, up, size);
    };
    CaseRenders out;
    out.front = renderMesh(*r.mesh, camera(forward), texture);
    out.side = renderMesh(*r.mesh, camera(-left), texture);
    return out;
}

void paintCasePage(QPainter& painter, const CaseReport& r, const CaseRenders& renders, int page,
                   int pages, const ReportOptions& options) {
    Page pg(painter, options.dpi);
    const double left = kMarginMm;
    const double width = kPageWidthMm - 2 * kMarginMm;
    double y = kMarginMm;

    // The heading: what this is, which case, what its landmarks are.
    pg.font(12.5, true);
    pg.text(left, y, width * 0.6, Report::tr("Landmark review report"));
    //: %1 a case's id
    pg.text(left + width * 0.6, y, width * 0.4, Report::tr("Case %1").arg(r.caseId), Qt::AlignRight,
            Qt::black, Qt::ElideMiddle);
    y += 6.5;
    pg.font(7.2);
    //: %1 a mesh file's path
    y += pg.text(left, y, width, Report::tr("Mesh: %1").arg(r.meshFile), Qt::AlignLeft, kMuted,
                 Qt::ElideMiddle);
    //: %1 what the landmarks are: "the saved review (done), saved ...", "the prediction of ..."
    y += pg.text(left, y, width, Report::tr("Landmarks: %1").arg(setDescription(r)));
    int errors = 0;
    const double mean = meanOf(r.rows, &errors);
    const int reviewed = reviewedCount(r.reviewed);
    QString truthLine;
    if (!r.truth) {
        truthLine = Report::tr("Ground truth: none; errors cannot be given.");
    } else {
        //: %1 a mean error in mm, %2 and %3 counts of landmarks
        truthLine = errors > 0 ? Report::tr("Ground truth: mean error %1 mm (%2 of %3 landmarks).")
                                     .arg(mean, 0, 'f', 2)
                                     .arg(errors)
                                     .arg(r.reviewed.size())
                               : Report::tr("Ground truth: no landmark in common.");
    }
    y += pg.text(left, y, width, truthLine);
    //: %1 and %2 counts of landmarks, %3 the number of findings of the anatomical checks or
    //: "none"
    y += pg.text(left, y, width,
                 Report::tr("Reviewed by a person: %1 of %2 landmarks. Findings of the anatomical "
                            "checks: %3.")
                     .arg(reviewed)
                     .arg(r.reviewed.size())
                     .arg(r.findings == 0 ? Report::tr("none") : QString::number(r.findings)),
                 Qt::AlignLeft, r.findings == 0 ? QColor(Qt::black) : kWarning);
    if (!r.generatedNotice.isEmpty()) {
        pg.font(7.2, true);
        y += pg.paragraph(left, y, width, r.generatedNotice, kWarning, 2);
    }
    pg.font(6.4);
    if (!r.warnings.isEmpty()) {
        //: %1 a problem met while reading the case (a missing texture...)
        y += pg.text(left, y, width, Report::tr("Note: %1").arg(r.warnings.first()), Qt::AlignLeft,
                     kMuted);
    }
    if (r.warnings.size() > 1) {
        //: %1 how many more problems were met (palstudio-cli report prints them all)
        y += pg.text(left, y, width,
                     Report::tr("Notes not shown: %1 more.").arg(r.warnings.size() - 1),
                     Qt::AlignLeft, kMuted);
    }
    y += 1.5;

    // The two views.
    pg.font(7.2, true);
    const double gap = width - 2 * kRenderMm;
    const QString captions[] = {Report::tr("Front"), Report::tr("Right side")};
    const MeshRender* views[] = {&renders.front, &renders.side};
    for (int v = 0; v < 2; ++v) {
        const double x = left + v * (kRenderMm + gap);
        pg.text(x, y, kRenderMm, captions[v]);
        const QRectF box(x, y + 4, kRenderMm, kRenderMm);
        painter.drawImage(pg.rect(box.x(), box.y(), box.width(), box.height()), views[v]->image);
        paintLandmarks(pg, r, *views[v], box);
        painter.setPen(QPen(QColor(170, 170, 170), pg.px(0.2)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(pg.rect(box.x(), box.y(), box.width(), box.height()));
    }
    y += 4 + kRenderMm + 1.2;
    // The legend.
    pg.font(6.2);
    double lx = left;
    const auto dot = [&](const QColor& c, const QString& label) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(c);
        painter.drawEllipse(QPointF(pg.px(lx + 1), pg.px(y + 1.6)), pg.px(0.8), pg.px(0.8));
        lx += 2.5;
        pg.text(lx, y, 60, label);
        lx += pg.widthMm(label) + 4;
    };
    if (r.reportedSet != ReportedSet::None) {
        dot(kReviewed, r.reportedSet == ReportedSet::Review ? Report::tr("reviewed landmarks")
                                                            : Report::tr("predicted landmarks"));
    }
    if (r.truth) {
        dot(kTruth, Report::tr("ground truth"));
    }
    if (r.truth && r.reportedSet != ReportedSet::None) { // error lines are drawn
        pg.line(lx, y + 1.6, lx + 4, y + 1.6, errorColor(1.0), 0.35);
        pg.line(lx + 4, y + 1.6, lx + 8, y + 1.6, errorColor(5.0), 0.35);
        lx += 9;
        const QString err = Report::tr("error, green 1 mm to red 5 mm");
        pg.text(lx, y, 80, err);
        lx += pg.widthMm(err) + 4;
    }
    painter.setPen(QPen(kMuted, pg.px(0.3)));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(pg.px(lx + 1), pg.px(y + 1.6)), pg.px(0.7), pg.px(0.7));
    pg.text(lx + 2.5, y, kPageWidthMm - kMarginMm - lx - 2.5,
            Report::tr("ring: under the surface (up to 15 mm)"));
    y += 4.2;

    // The table.
    paintTable(pg, r, y);
    const int perColumn = std::max(kTableRows, (static_cast<int>(r.rows.size()) + 1) / 2);
    y += std::min(kRowMm, kRowMm * kTableRows / perColumn) * (perColumn + 1) + 1.2;
    pg.font(5.6);
    y += pg.paragraph(
        left, y, width,
        Report::tr("Error: to the ground truth, mm. Tol.: the landmark's repeatability, mm (how "
                   "far apart one person's two placements typically are). T / C: whether the "
                   "ground truth and a person's correction lie within it around the model's "
                   "prediction."),
        kMuted);
    y += 1.2;

    // The findings, the audit trail and the sign-off share what is left above the sign-off.
    const double signOffTop = kPageHeightMm - kMarginMm - 19;
    QStringList findings;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        for (const QString& line : r.rows[i].findings.lines) {
            if (!findings.contains(line)) {
                findings << line;
            }
        }
    }
    // Lines of 6.2 pt that fit between here and the sign-off, less the two headings: the
    // findings take up to half (at least one line), the audit trail the rest; what does not fit
    // is counted, never drawn over the sign-off.
    pg.font(7.2, true);
    const double headingMm = pg.lineMm();
    pg.font(6.2);
    const double lineMm = pg.lineMm();
    const int lines =
        std::max(4, static_cast<int>((signOffTop - y - 2 * headingMm - 1.2) / lineMm));
    const int findingLines = std::min(std::max<int>(findings.size(), 1), std::max(1, lines / 2));
    const int auditLines = lines - findingLines;

    pg.font(7.2, true);
    y += pg.text(left, y, width, Report::tr("Anatomical checks"));
    pg.font(6.2);
    if (findings.isEmpty()) {
        y += pg.text(left, y, width, Report::tr("No finding on these landmarks."));
    }
    const int listed =
        findings.size() <= findingLines ? static_cast<int>(findings.size()) : findingLines - 1;
    for (int i = 0; i < listed; ++i) {
        y += pg.text(left, y, width, findings[i], Qt::AlignLeft, kWarning);
    }
    if (listed < findings.size()) {
        //: %1 how many findings are not listed
        y += pg.text(left, y, width,
                     Report::tr("Not listed here: %1 more (palstudio-cli check lists them all).")
                         .arg(findings.size() - listed),
                     Qt::AlignLeft, kWarning);
    }
    y += 1.2;
    pg.font(7.2, true);
    y += pg.text(left, y, width, Report::tr("Audit trail"));
    pg.font(6.2);
    // The summary's first line counts everything; then the entries that fit, newest last, after
    // a line that counts those left out.
    const QStringList audit =
        auditSummary(r.audit, r.reviewed.schema(), std::max(auditLines - 2, 0));
    for (int i = 0; i < audit.size() && i < auditLines; ++i) {
        y += pg.text(left, y, width, audit[i]);
    }

    // The sign-off, and lines to sign on paper.
    y = signOffTop;
    pg.line(left, y, left + width, y, Qt::black, 0.25);
    y += 1;
    pg.font(7.2, true);
    pg.text(left, y, width, Report::tr("Sign-off"));
    pg.font(7.2);
    y += 4;
    if (r.state == ReviewState::Done) {
        //: %1 who signed the case off, %2 when
        pg.text(left, y, width,
                Report::tr("Signed off in PAL Studio by %1 on %2.")
                    .arg(r.stamp.user.isEmpty() ? QStringLiteral("?") : r.stamp.user,
                         dateOf(r.stamp.when)));
    } else {
        pg.text(left, y, width,
                Report::tr("Not signed off in PAL Studio (review state: %1).")
                    .arg(reviewStateTitle(r.state)),
                Qt::AlignLeft, kWarning);
    }
    y += 7;
    const double third = width / 3;
    const QString blanks[] = {Report::tr("Reviewer"), Report::tr("Signature"), Report::tr("Date")};
    for (int i = 0; i < 3; ++i) {
        const double x = left + i * third;
        pg.line(x, y + 3, x + third - 5, y + 3, Qt::black, 0.2);
        pg.font(6.0);
        pg.text(x, y + 3.3, third - 5, blanks[i], Qt::AlignLeft, kMuted);
    }

    // The footer.
    pg.font(5.8);
    const double fy = kPageHeightMm - kMarginMm + 2;
    //: %1 the program and its version, %2 when the report was made
    pg.text(left, fy, width * 0.7,
            Report::tr("%1, report made %2").arg(options.generator, dateOf(options.made)),
            Qt::AlignLeft, kMuted);
    //: %1 this page's number, %2 how many there are
    pg.text(left + width * 0.7, fy, width * 0.3, Report::tr("Page %1 of %2").arg(page).arg(pages),
            Qt::AlignRight, kMuted);
}

void writeReviewReport(const QString& pdfPath, const std::vector<Case>& cases,
                       const ReportOptions& options,
                       const std::function<void(const CaseReport&, int, int)>& onPage,
                       const std::atomic<bool>* cancel) {
    if (cases.empty()) {
        throw ValidationError(pdfPath, QStringLiteral("no case to report on"));
    }
    AtomicFile file(pdfPath);
    file.openForWriting();
    {
        QPdfWriter writer(&file);
        writer.setResolution(options.dpi);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QStringLiteral("Landmark review report"));
        writer.setCreator(options.generator);
        QPainter painter;
        const int pages = static_cast<int>(cases.size());
        for (int i = 0; i < pages; ++i) {
            if (cancel != nullptr && cancel->load()) {
                throw Cancelled();
            }
            const CaseReport r = caseReportOf(
                openCaseForReview(cases[static_cast<std::size_t>(i)], QString(), cancel));
            const CaseRenders renders =
                renderCase(r, static_cast<int>(std::lround(kRenderMm / 25.4 * kRenderDpi)));
            if (i == 0) {
                if (!painter.begin(&writer)) {
                    throw IoError(pdfPath, QStringLiteral("the PDF writer could not start"));
                }
            } else if (!writer.newPage()) {
                throw IoError(pdfPath, QStringLiteral("the PDF writer could not add a page"));
            }
            paintCasePage(painter, r, renders, i + 1, pages, options);
            if (onPage) {
                onPage(r, i + 1, pages);
            }
        }
        painter.end();
    }
    file.commit();
}

} // namespace pal::report
