#pragma once

// palstudio-cli: subcommands for batch work. Each subcommand parses its own arguments and
// returns an exit code of the design: 0 success, 1 usage error, 2 bad input, 3 cancelled,
// 4 internal error, 5 checks found problems (check). pal::Error is caught at the edge (main), never
// inside a command.

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace pal::cli {

// The command line's translatable texts (Qt Linguist context "Cli"; translations/README.md).
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

enum ExitCode {
    Success = 0,
    UsageFailure = 1,
    BadInput = 2,
    CancelledByUser = 3,
    InternalError = 4,
    ChecksFailed = 5
};

// An argument error: main prints the message and the subcommand's usage, exits 1.
struct UsageProblem {
    QString message;
};

struct Streams {
    QTextStream& out;
    QTextStream& err;
};

// args: the subcommand's own arguments, the subcommand name first.
int runInfo(const QStringList& args, Streams io);
int runConvert(const QStringList& args, Streams io);
int runMakeTemplate(const QStringList& args, Streams io);
int runMakeDemo(const QStringList& args, Streams io);
int runPredict(const QStringList& args, Streams io);
int runTrain(const QStringList& args, Streams io);
int runEvaluate(const QStringList& args, Streams io);
int runCheck(const QStringList& args, Streams io);
int runReport(const QStringList& args, Streams io);

} // namespace pal::cli
