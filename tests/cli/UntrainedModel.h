#pragma once

// A small untrained model bundle for the command-line tests: K = 100, random weights (seed 3),
// the demo template as its template. It tests the pipeline, never accuracy.

#include "core/demo/Resources.h"
#include "core/engine/PalNet.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/model/ModelBundle.h"

#include <QDir>
#include <QString>

namespace pal::test {

inline void writeUntrainedModel(const QString& path) {
    const engine::PalNet net(engine::PalNetConfig{100, 50}, 3, engine::Device::Cpu);
    ModelBundle b;
    b.manifest.patchSize = 100;
    b.manifest.templateLandmarks =
        readLandmarks(QDir(demo::defaultTemplateDir()).filePath(QStringLiteral("landmarks.txt")))
            .landmarks.positions();
    b.manifest.schemaKeys = LandmarkSchema::lafas50()->keys();
    b.tensors = net.exportWeights();
    writeModelBundle(path, b);
}

} // namespace pal::test
