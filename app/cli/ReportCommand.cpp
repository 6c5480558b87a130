#include "app/cli/Cli.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandParser.h"
#include "core/errors/Error.h"
#include "core/report/ReviewReport.h"
#include "core/workflow/CaseFiles.h"

#include <QFileInfo>

namespace pal::cli {

int runReport(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    Cli::tr("The PDF file to write."), QStringLiteral("FILE.pdf"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   Cli::tr("Replace the PDF file if it exists."));
    parser.addOptions({output, force});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 Cli::tr("Case folders, mesh files or dataset folders."));
    if (!parseCommand(
            parser, args, io,
            Cli::tr("Write a review report to print and sign: one A4 page per case, with front "
                    "and side views of the face and its landmarks, the landmark table (status, "
                    "error, tolerance, checks), the anatomical checks, the audit trail and the "
                    "sign-off. It shows the saved review (or the saved prediction when there is "
                    "no review), never unsaved edits. Needs no display."))) {
        return Success;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        throw UsageProblem{Cli::tr("give at least one case, mesh or dataset folder")};
    }
    if (!parser.isSet(output)) {
        throw UsageProblem{Cli::tr("-o FILE.pdf is required")};
    }
    const QString pdf = parser.value(output);
    if (!pdf.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        //: %1 the file name as given
        throw UsageProblem{Cli::tr("the report is a PDF file: '%1' does not end in .pdf").arg(pdf)};
    }
    if (QFileInfo::exists(pdf) && !parser.isSet(force)) {
        throw UsageProblem{Cli::tr("'%1' exists; give --force to replace it").arg(pdf)};
    }
    const std::vector<Case> cases = reviewCasesOf(paths);

    InterruptGuard interrupt;
    report::ReportOptions options;
    options.generator = QStringLiteral("PAL Studio %1").arg(QStringLiteral(PALSTUDIO_VERSION));
    // Results in English, for scripts: "CASE: LANDMARKS, N finding(s), STATE".
    report::writeReviewReport(
        pdf, cases, options,
        [&](const CaseReport& r, int done, int total) {
            const char* set = r.reportedSet == ReportedSet::Review ? "review"
                              : r.reportedSet == ReportedSet::Prediction
                                  ? "prediction"
                                  : "no prediction or review";
            io.out << r.caseId << ": " << set << ", " << r.findings << " finding(s), "
                   << reviewStateName(r.state) << " (page " << done << " of " << total << ")\n";
            for (const QString& w : r.warnings) {
                io.err << "warning: " << r.caseId << ": " << w << "\n";
            }
            io.out.flush();
        },
        &interrupt.flag());
    io.out << "wrote " << pdf << ": " << cases.size() << " page(s)\n";
    return Success;
}

} // namespace pal::cli
