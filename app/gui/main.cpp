// palstudio: the desktop application. Thin: arguments, QApplication, the main window.
//   palstudio [PATH] [--screenshot PNG] [--view front|left|right|top|bottom] [--no-labels]

#include "core/demo/Resources.h"
#include "core/i18n/Translations.h"
#include "core/workflow/VersionReport.h"
#include "ui/LanguageMenu.h"
#include "ui/MainWindow.h"
#include "ui/PredictionController.h"
#include "ui/Screenshot.h"
#include "ui/UserFolders.h"
#include "ui/ViewportWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSurfaceFormat>

#include <cstdio>

int main(int argc, char** argv) {
    // The engine (LibTorch) is not loaded here: the first prediction or training opens its
    // module (core/workflow/EngineLoader.h), so the window appears without waiting for it.
    // Before QApplication: the format every GL context gets (VTK needs 3.2 core).
    pal::ui::ViewportWidget::setDefaultSurfaceFormat();

    QApplication app(argc, argv);
    pal::ui::setApplicationNames(); // settings in ~/.config/palstudio/palstudio.conf
    QApplication::setApplicationVersion(QStringLiteral(PALSTUDIO_VERSION));
    // Help > Language, or the system's language: before any text is made.
    pal::installTranslations(pal::ui::languagePreference());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "PAL Studio: review 3D facial landmarks on face scans."));
    parser.addHelpOption();
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate(
            "main", "Print the versions of PAL Studio, Qt, VTK and LibTorch, and the model "
                    "predictions use, then exit."));
    parser.addOption(version);
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate("main", "A mesh file or a case folder to open."),
        QStringLiteral("[PATH]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Open PATH, render the window once, save it to PNG and exit."),
        QStringLiteral("PNG"));
    parser.addOption(screenshot);
    const QCommandLineOption view(
        QStringLiteral("view"),
        QCoreApplication::translate(
            "main", "Frame the case from this side: front (default), left, right, top or "
                    "bottom (the subject's left and right)."),
        QStringLiteral("SIDE"), QStringLiteral("front"));
    parser.addOption(view);
    const QCommandLineOption noLabels(
        QStringLiteral("no-labels"),
        QCoreApplication::translate("main", "Hide the landmark labels."));
    parser.addOption(noLabels);
    parser.process(app); // exits with 1 on unknown options
    if (parser.isSet(version)) {
        std::fputs(qPrintable(pal::versionReport(QStringLiteral("palstudio"),
                                                 QStringLiteral(PALSTUDIO_VERSION),
                                                 pal::ui::ViewportWidget::vtkVersion(),
                                                 pal::ui::PredictionController::activeModelPath())),
                   stdout);
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1) {
        std::fprintf(stderr, "palstudio: one PATH at most\n%s", qPrintable(parser.helpText()));
        return 1;
    }
    // With no PATH: the generated demo dataset that setup made, when there is one.
    const QString path = args.isEmpty() ? pal::demo::defaultDemoDataset() : args.value(0);
    pal::ui::StandardView initialView = pal::ui::StandardView::Front;
    if (!pal::ui::parseStandardView(parser.value(view), initialView)) {
        std::fprintf(stderr,
                     "palstudio: --view must be front, left, right, top or bottom, not '%s'\n%s",
                     qPrintable(parser.value(view)), qPrintable(parser.helpText()));
        return 1;
    }

    if (!parser.isSet(screenshot)) {
        pal::ui::migrateUserFolders(); // a journal left by an older version is offered back
    }
    pal::ui::MainWindow window;
    if (parser.isSet(screenshot)) {
        window.resize(1280, 800); // the same picture whatever size the window was left at
    }
    window.setDefaultView(initialView);
    window.setLabelsVisible(!parser.isSet(noLabels));
    if (parser.isSet(screenshot)) {
        const pal::ui::ScreenshotOutcome outcome =
            pal::ui::takeScreenshot(window, path, parser.value(screenshot));
        for (const QString& warning : window.lastWarnings()) {
            std::fprintf(stderr, "warning: %s\n", qPrintable(warning));
        }
        std::fprintf(outcome.exitCode == 0 ? stdout : stderr, "%s\n", qPrintable(outcome.message));
        return outcome.exitCode;
    }
    window.show();
    if (!path.isEmpty()) {
        window.openPath(path);
    }
    return QApplication::exec();
}
