#pragma once

#include <QString>

namespace pal::demo {

// The folder of the shipped template head (mesh.obj + landmarks.txt): $PALSTUDIO_RESOURCES/demo/
// template when set, otherwise demo/template in the installed data folder
// (core/io/InstallPaths.h; the build tree links it there from resources/demo/template).
QString defaultTemplateDir();

// Where setup writes the default generated demo dataset: $PALSTUDIO_DEMO when set, otherwise
// <folder of the running executable>/../demo (build/ci/demo for build/ci/bin/palstudio).
// Empty when no dataset is there.
QString defaultDemoDataset();

// The notice of generated data when folder (a case or a dataset) belongs to a dataset that
// make-demo wrote (its manifest.json says "generated": true); empty otherwise.
QString generatedDataNotice(const QString& folder);

} // namespace pal::demo
