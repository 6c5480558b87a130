#pragma once

#include "app/cli/Cli.h"

#include <QCommandLineParser>

namespace pal::cli {

// A QCommandLineParser for one subcommand that turns parse errors into UsageProblem and
// answers --help itself. Returns false when --help was answered (the command should exit 0).
inline bool parseCommand(QCommandLineParser& parser, const QStringList& args, Streams io,
                         const QString& description) {
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Cli::tr("Show this help."));
    parser.addOption(help);
    QStringList full = args;
    full.first() = QStringLiteral("palstudio-cli ") + args.first();
    if (!parser.parse(full)) {
        throw UsageProblem{parser.errorText()};
    }
    if (parser.isSet(help)) {
        // Qt's usage line names the executable as it was started (in Qt's words for "Usage:",
        // which are translated too); name it and the subcommand instead.
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
        if (at >= 0 && at < text.indexOf(QLatin1Char('\n'))) {
            text.replace(at, program.size(), full.first());
        }
        io.out << text;
        return false;
    }
    return true;
}

} // namespace pal::cli
