#pragma once

// Runs palstudio-cli (PALSTUDIO_CLI, set by tests/cli/CMakeLists.txt) as a user would and
// collects its exit code and output.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace pal::test {

struct Run {
    int code = -1; // -1 when the program crashed or did not end in time
    QString out;
    QString err;
};

inline Run cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(PALSTUDIO_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace pal::test
