#pragma once

// Helpers shared by the Qt Test executables.

#include "core/demo/DemoGenerator.h"
#include "core/demo/FaceScapeDemo.h"
#include "core/demo/Resources.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <filesystem>

namespace pal::test {

// Removes a folder given by its bytes when it goes out of scope: QTemporaryDir cannot remove a
// folder whose name Qt cannot represent (core/io/NativePath.h); std::filesystem takes bytes.
struct RemoveTree {
    QByteArray path;
    ~RemoveTree() { std::filesystem::remove_all(path.toStdString()); }
};

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

// A generated stand-in for a FaceScape dataset (core/demo/FaceScapeDemo.h) in folder.
inline QString generatedFaceScape(const QString& folder, int cases, int subdivisions = 1) {
    demo::DemoOptions o;
    o.cases = cases;
    o.subdivisions = subdivisions;
    o.defects = false;
    demo::writeFaceScapeDataset(demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o),
                                folder);
    return folder;
}

} // namespace pal::test
