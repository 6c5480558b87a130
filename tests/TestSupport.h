#pragma once

// Helpers shared by the Qt Test executables.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace pal::test {

// A file of tests/data.
inline QString dataPath(const QString& relative) {
    return QStringLiteral(PALSTUDIO_TEST_DATA "/") + relative;
}

inline QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

inline void writeAll(const QString& path, const QByteArray& data) {
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(data);
    }
}

} // namespace pal::test
