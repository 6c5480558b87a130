#pragma once

// Runs palstudio-cli (PALSTUDIO_CLI, set by tests/cli/CMakeLists.txt) as a user would and
// collects its exit code and output.

#include <QProcess>
#include <QString>
#include <QStringList>

#include <csignal>

#include <sys/resource.h>

namespace pal::test {

struct Run {
    int code = -1; // -1 when the program crashed or did not end in time
    QString out;
    QString err;
};

// maxFileBytes > 0: the program may write no file beyond that size (RLIMIT_FSIZE, SIGXFSZ
// ignored), so its writes fail as on a full disk, with a real error from the kernel.
// language: when not empty, the program runs as under a system set to it (LANG=language, no
// LANGUAGE or LC_ALL to override it), e.g. "it_IT.UTF-8".
inline Run cli(const QStringList& args, long maxFileBytes = 0, const QString& language = {}) {
    QProcess p;
    if (!language.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.insert(QStringLiteral("LANG"), language);
        p.setProcessEnvironment(env);
    }
    if (maxFileBytes > 0) {
        p.setChildProcessModifier([maxFileBytes] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{static_cast<rlim_t>(maxFileBytes),
                               static_cast<rlim_t>(maxFileBytes)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    p.start(QStringLiteral(PALSTUDIO_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace pal::test
