#pragma once

// Where the files PAL Studio ships are found. An installed PAL Studio is laid out as
//   <prefix>/bin/palstudio, <prefix>/bin/palstudio-cli
//   <prefix>/lib/palstudio/libpalstudio_engine.so        the engine (LibTorch) module
//   <prefix>/share/palstudio/models/default.palnet       the default model
//   <prefix>/share/palstudio/demo/template/              the demo template head
// and the build tree has the same shape (build/<preset>/bin, lib/palstudio, share/palstudio),
// so every path is found from the running executable's folder: no source or build path is
// compiled in. An environment variable overrides each.

#include <QString>

namespace pal {

// $PALSTUDIO_DATA, or <exe dir>/../share/palstudio.
QString installedDataDir();
// $PALSTUDIO_MODEL, or <data dir>/models/default.palnet (whether or not it exists).
QString defaultModelPath();
// $PALSTUDIO_ENGINE, or <exe dir>/../lib/palstudio/libpalstudio_engine.so.
QString engineModulePath();

} // namespace pal
