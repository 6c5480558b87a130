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
        // Qt names the executable only; name the subcommand too.
        QString text = parser.helpText();
        const qsizetype end = text.indexOf(QLatin1String(" [options]"));
        if (text.startsWith(QLatin1String("Usage: ")) && end > 0) {
            text.replace(7, end - 7, full.first());
        }
        io.out << text;
        return false;
    }
    return true;
}

} // namespace pal::cli
