#pragma once

// Helpers shared by the Qt Test executables.

#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"

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

// A GENERATED dataset (make-demo's generator, seed 1, no holes or missing ears) of `cases`
// faces in `folder`; subdivisions 1 gives small faces (about 17k vertices), 2 full-size ones.
inline QString generatedDataset(const QString& folder, int cases, int subdivisions = 1) {
    demo::DemoOptions o;
    o.cases = cases;
    o.subdivisions = subdivisions;
    o.defects = false;
    demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o).writeDataset(folder);
    return folder;
}

} // namespace pal::test
