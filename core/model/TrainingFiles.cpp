#include "core/model/TrainingFiles.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"

#include <QRegularExpression>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace pal {

QStringList trainingFilesOf(const QString& bundle) {
    const QString folder = folderOf(bundle);
    const QString name = bundle.mid(bundle.lastIndexOf(QLatin1Char('/')) + 1);
    const QRegularExpression state(
        QStringLiteral("^%1\\.ckpt\\.e[0-9]+\\.pt$").arg(QRegularExpression::escape(name)));
    QStringList out;
    for (const QString& entry : folderEntries(folder, PathKind::File)) {
        if (entry == name + QStringLiteral(".ckpt.json") ||
            entry == name + QStringLiteral(".best.pt") ||
            entry == name + QStringLiteral(".best.palnet") || state.match(entry).hasMatch()) {
            out << folder + QLatin1Char('/') + entry;
        }
    }
    return out;
}

qint64 diskUse(const QStringList& files) {
    qint64 total = 0;
    for (const QString& f : files) {
        qint64 size = 0, modified = 0;
        if (fileStamp(f, size, modified)) {
            total += size;
        }
    }
    return total;
}

void removeTrainingFiles(const QString& bundle) {
    // The checkpoint first: once it is gone nothing names the state files, so a failure part
    // way never leaves a checkpoint that points at a removed state.
    QStringList files = trainingFilesOf(bundle);
    std::stable_partition(files.begin(), files.end(),
                          [](const QString& f) { return f.endsWith(QLatin1String(".ckpt.json")); });
    for (const QString& f : files) {
        if (::unlink(nativePath(f).constData()) != 0 && errno != ENOENT) {
            throw IoError(f, QStringLiteral("cannot be removed: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
        }
    }
}

} // namespace pal
