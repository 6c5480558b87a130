#include "app/cli/Cli.h"
#include "app/cli/CommandParser.h"
#include "core/errors/Error.h"
#include "core/workflow/CaseFiles.h"
#include "core/workflow/CheckCases.h"

namespace pal::cli {
namespace {

int setsOf(const QString& value) {
    int sets = 0;
    for (const QString& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString n = name.trimmed();
        if (n == QLatin1String("all")) {
            sets |= CheckAllSets;
        } else if (n == checkedSetName(CheckTruth)) {
            sets |= CheckTruth;
        } else if (n == checkedSetName(CheckPrediction)) {
            sets |= CheckPrediction;
        } else if (n == checkedSetName(CheckReview)) {
            sets |= CheckReview;
        } else {
            //: %1 is what the user typed after --sets
            throw UsageProblem{
                Cli::tr("--sets takes truth, prediction, review or all (comma-separated), not '%1'")
                    .arg(n)};
        }
    }
    if (sets == 0) {
        throw UsageProblem{Cli::tr("--sets names no set")};
    }
    return sets;
}

double mmValue(const QCommandLineParser& p, const QCommandLineOption& o, double fallback) {
    if (!p.isSet(o)) {
        return fallback;
    }
    bool ok = false;
    const double v = p.value(o).toDouble(&ok);
    if (!ok || !(v >= 0)) {
        //: %1 is an option name such as --surface-mm, %2 what the user typed
        throw UsageProblem{Cli::tr("%1 takes a distance in millimetres, not '%2'")
                               .arg(QStringLiteral("--") + o.names().first(), p.value(o))};
    }
    return v;
}

} // namespace

int runCheck(const QStringList& args, Streams io) {
    QCommandLineParser parser;
    const QCommandLineOption sets(
        QStringLiteral("sets"),
        Cli::tr("Which landmarks to check: truth, prediction, review or all (default all)."),
        QStringLiteral("LIST"), QStringLiteral("all"));
    const QCommandLineOption noSurface(
        QStringLiteral("no-surface"),
        Cli::tr("Do not read the meshes (skips the off-surface check; faster)."));
    const QCommandLineOption surfaceMm(
        QStringLiteral("surface-mm"),
        Cli::tr("How far from the surface a landmark may lie (default 2)."), QStringLiteral("MM"));
    const QCommandLineOption sideMm(
        QStringLiteral("side-mm"),
        Cli::tr("How far past the mid-sagittal plane a paired landmark may lie (default 2)."),
        QStringLiteral("MM"));
    parser.addOptions({sets, noSurface, surfaceMm, sideMm});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 Cli::tr("A case folder, a mesh file or a dataset folder."));
    if (!parseCommand(
            parser, args, io,
            Cli::tr("Check landmarks against the anatomy (docs/landmarks.md, \"Sanity rules\"): "
                    "left/right swaps, sides, the midline's order, the nose tip foremost, eye "
                    "and mouth corners, mirror symmetry, distance to the surface. Each of a "
                    "case's ground truth, saved prediction and review is checked on its own. One "
                    "line per finding; the exit code is 5 when there is any, 2 when a case could "
                    "not be read."))) {
        return Success;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.size() != 1) {
        throw UsageProblem{Cli::tr("give one case, mesh or dataset folder")};
    }
    CaseCheckOptions options;
    options.sets = setsOf(parser.value(sets));
    options.surface = !parser.isSet(noSurface);
    options.limits.surfaceMm = mmValue(parser, surfaceMm, options.limits.surfaceMm);
    options.limits.sideMm = mmValue(parser, sideMm, options.limits.sideMm);

    const std::vector<Case> cases = reviewCasesOf(paths.first());

    // Results in English, for scripts: "CASE SET KEY KIND: text".
    int findings = 0, casesWithFindings = 0, setsChecked = 0, unreadable = 0;
    for (const Case& c : cases) {
        const CaseCheck check = checkCase(c, options);
        bool any = false;
        for (const SetCheck& s : check.sets) {
            ++setsChecked;
            if (!s.framed) {
                io.err << "warning: " << c.id() << " " << checkedSetName(s.set) << ": " << s.present
                       << " landmarks present, too few for the face's frame; only the "
                          "off-surface check ran\n";
            }
            for (const CheckFinding& f : s.findings) {
                io.out << c.id() << " " << checkedSetName(s.set) << " " << s.schema->key(f.landmark)
                       << " " << checkKindName(f.kind) << ": "
                       << describeFinding(f, *s.schema, false) << "\n";
                ++findings;
                any = true;
            }
        }
        casesWithFindings += any ? 1 : 0;
        if (!check.error.isEmpty()) {
            io.err << "error: " << c.id() << ": " << check.error << "\n";
            ++unreadable;
        }
    }
    io.out << QStringLiteral("%1 finding(s) in %2 of %3 case(s); %4 landmark set(s) checked\n")
                  .arg(findings)
                  .arg(casesWithFindings)
                  .arg(cases.size())
                  .arg(setsChecked);
    if (unreadable > 0) {
        return BadInput;
    }
    return findings > 0 ? ChecksFailed : Success;
}

} // namespace pal::cli
