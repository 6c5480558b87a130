#pragma once

// The printed review report: one A4 page per case, for a clinician to read, print and sign.
// Each page has the case and what its landmarks are (the saved review, or a prediction nobody
// reviewed yet), front and right-side renders of the face with the landmarks, the ground truth
// and the error between them, the landmark table (status, error, tolerance, checks), the
// anatomical checks' findings, the audit trail's summary and the sign-off with lines to sign
// on paper. Written as PDF through Qt's PDF writer, atomically (AtomicFile: a failure keeps
// the old file). Painting needs a QGuiApplication (fonts); the command line makes one on the
// "offscreen" platform, so no display is needed. Any thread.

#include "core/dataset/Case.h"
#include "core/report/MeshRender.h"
#include "core/workflow/CaseReport.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

class QPainter;

namespace pal::report {

struct ReportOptions {
    QString generator = QStringLiteral("PAL Studio"); // with its version: each page's footer
    QDateTime made = QDateTime::currentDateTimeUtc();
    int dpi = 300; // of the page; the renders are drawn at 200 dots per inch
};

// The two views of a case's page, looked at in the face's own frame (reportFrame).
struct CaseRenders {
    MeshRender front;
    MeshRender side; // the subject's right side
};
CaseRenders renderCase(const CaseReport& report, int pixels);

// The page's size in millimetres (A4 portrait).
inline constexpr double kPageWidthMm = 210.0;
inline constexpr double kPageHeightMm = 297.0;

// Paints one case's page on `painter`, whose device is an A4 page at options.dpi (a PDF page,
// or an image of 2480 x 3508 pixels at 300 dpi). page and pages: 1-based page number, count.
void paintCasePage(QPainter& painter, const CaseReport& report, const CaseRenders& renders,
                   int page, int pages, const ReportOptions& options);

// Writes the report of `cases` to pdfPath, one page each, in the given order. Each case is read
// from its saved files (openCaseForReview without a journal, caseReportOf). Throws the first
// case's error that cannot be read (pal::Error naming the file), IoError when the PDF cannot be
// written, Cancelled when *cancel is set; the old file stays in each case. onPage(case, done,
// total) after each page (progress, a line per case).
void writeReviewReport(const QString& pdfPath, const std::vector<Case>& cases,
                       const ReportOptions& options = {},
                       const std::function<void(const CaseReport&, int, int)>& onPage = {},
                       const std::atomic<bool>* cancel = nullptr);

} // namespace pal::report
