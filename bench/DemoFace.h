#pragma once

// The face the engine benchmarks time: one generated demo case (66,701 vertices, no defects;
// made by the project's demo generator, not a real scan), written into a folder of the caller.

#include "core/dataset/Case.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"

#include <QDir>

namespace pal::bench {

inline Case writeDemoFace(const QString& folder) {
    demo::DemoOptions o;
    o.cases = 1;
    o.defects = false;
    demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o)
        .writeDataset(QDir(folder).filePath(QStringLiteral("data")));
    return Case::open(QDir(folder).filePath(QStringLiteral("data/D001")));
}

} // namespace pal::bench
