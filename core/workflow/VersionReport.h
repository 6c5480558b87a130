#pragma once

// What `palstudio --version` and `palstudio-cli --version` print: the program's version, the Qt
// it runs with (and was built with), VTK, the LibTorch of the engine module (loaded to ask it;
// a module that cannot be loaded is said, not an error), and the model a prediction would use,
// with its schema, patch size and network.

#include <QString>

namespace pal {

// vtk: the VTK version, or a sentence saying why there is none; modelPath: the active model.
QString versionReport(const QString& program, const QString& version, const QString& vtk,
                      const QString& modelPath);

} // namespace pal
