// palstudio-cli: a thin dispatcher; the work is in core/ and core/engine/.

#include "app/cli/Cli.h"
#include "core/errors/Error.h"
#include "core/i18n/Translations.h"
#include "core/io/NativePath.h"
#include "core/report/PaintingApplication.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/VersionReport.h"

#include <QCoreApplication>

#include <cstdio>
#include <functional>
#include <map>
#include <memory>

namespace {

using pal::cli::Cli;

QString usage() {
    //: The command names and option names (info, --model, ...) are typed as they are.
    return Cli::tr(
        "Usage: palstudio-cli <command> [options]\n"
        "\n"
        "Commands:\n"
        "  info PATH        summary of a mesh, case folder, dataset folder or landmark file\n"
        "  convert IN OUT   convert landmark files (LA-FAS .txt, .csv), chosen by extension\n"
        "  predict [--model M] INPUT...  predict landmarks of cases and datasets\n"
        "  train --data DIR --out M     train or fine-tune (--init M0) a model\n"
        "  evaluate --model M --data DIR --report DIR   errors, CSV files and an HTML report\n"
        "  check PATH       anatomical checks of a case's or dataset's landmarks\n"
        "  report PATH... -o FILE.pdf   a review report to print and sign, a page per case\n"
        "  make-demo        generate a demo dataset (generated faces, not for clinical use)\n"
        "  make-template    derive the demo template head from Debian's MakeHuman model\n"
        "\n"
        "Run 'palstudio-cli <command> --help' for a command's options.\n"
        "Exit codes: 0 success, 1 usage error, 2 bad input, 3 cancelled, 4 internal error,\n"
        "5 checks found problems.\n");
}

} // namespace

int main(int argc, char** argv) {
    // Reports paint (fonts need a QGuiApplication: offscreen, no display); the rest needs only
    // the core.
    const bool paints = argc > 1 && QByteArray(argv[1]) == "report";
    const std::unique_ptr<QCoreApplication> app =
        paints ? pal::report::makePaintingApplication(argc, argv)
               : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("palstudio-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PALSTUDIO_VERSION));
    // Help and argument errors in the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG);
    // results stay in English, for the scripts that read them.
    pal::installTranslations(QString());
    QTextStream out(stdout);
    QTextStream err(stderr);
    const pal::cli::Streams io{out, err};

    // The arguments as the system gives them (file names may be any bytes: core/io/NativePath.h);
    // QCoreApplication::arguments() would turn bytes that are not UTF-8 into U+FFFD.
    QStringList args;
    for (int i = 1; i < argc; ++i) {
        args << pal::pathFromNative(QByteArray(argv[i]));
    }
    if (args.isEmpty()) {
        err << usage();
        return pal::cli::UsageFailure;
    }
    const QString command = args.first();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out << usage();
        return pal::cli::Success;
    }
    if (command == QLatin1String("--version")) {
#ifdef PALSTUDIO_VTK_VERSION
        const QString vtk = QStringLiteral("%1 (the review window's; the command line draws "
                                           "nothing)")
                                .arg(QLatin1String(PALSTUDIO_VTK_VERSION));
#else
        const QString vtk = QStringLiteral("none (built without the review window)");
#endif
        // The model predict uses without --model: $PALSTUDIO_MODEL or the installed default.
        out << pal::versionReport(QStringLiteral("palstudio-cli"),
                                  QStringLiteral(PALSTUDIO_VERSION), vtk, pal::defaultModelPath());
        return pal::cli::Success;
    }
    const std::map<QString, std::function<int(const QStringList&, pal::cli::Streams)>> commands = {
        {QStringLiteral("info"), pal::cli::runInfo},
        {QStringLiteral("convert"), pal::cli::runConvert},
        {QStringLiteral("make-template"), pal::cli::runMakeTemplate},
        {QStringLiteral("make-demo"), pal::cli::runMakeDemo},
        {QStringLiteral("predict"), pal::cli::runPredict},
        {QStringLiteral("train"), pal::cli::runTrain},
        {QStringLiteral("evaluate"), pal::cli::runEvaluate},
        {QStringLiteral("check"), pal::cli::runCheck},
        {QStringLiteral("report"), pal::cli::runReport},
    };
    const auto it = commands.find(command);
    if (it == commands.end()) {
        //: %1 is the command name as typed
        err << Cli::tr("palstudio-cli: unknown command '%1'").arg(command) << "\n\n" << usage();
        return pal::cli::UsageFailure;
    }
    try {
        return it->second(args, io);
    } catch (const pal::cli::UsageProblem& p) {
        err << "palstudio-cli " << command << ": " << p.message << "\n";
        //: %1 is a command name such as predict
        err << Cli::tr("Run 'palstudio-cli %1 --help' for usage.").arg(command) << "\n";
        return pal::cli::UsageFailure;
    } catch (const pal::Error& e) {
        //: %1 is the error message (already in its final form)
        err << Cli::tr("error: %1").arg(e.message()) << "\n";
        return pal::cli::BadInput;
    } catch (const pal::Cancelled&) {
        //: Printed when the user stopped the command (Ctrl+C)
        err << Cli::tr("cancelled") << "\n";
        return pal::cli::CancelledByUser;
    } catch (const std::exception& e) {
        //: %1 is a technical message from the program
        err << Cli::tr("internal error: %1").arg(QString::fromUtf8(e.what())) << "\n";
        return pal::cli::InternalError;
    }
}
