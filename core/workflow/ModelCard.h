#pragma once

// The card of a model a training run wrote: <name>.md beside the bundle, plain Markdown for a
// person (the models list opens it). It restates the manifest (architecture, parent, data,
// date, validation loss, the generated-data notice) and, when the run was compared with the
// model it would replace, that comparison side by side and per landmark.

#include "core/workflow/ModelComparison.h"

#include <QString>

namespace pal {

// bundle "dir/name.palnet" -> "dir/name.md".
QString modelCardPath(const QString& bundle);

// The card's text; comparison may be null (none was made).
QString modelCardText(const QString& bundle, const ModelManifest& manifest,
                      const ModelComparison* comparison);

// Reads the bundle's manifest and writes its card atomically. Throws as readModelManifest
// does, or IoError naming the card when it cannot be written (the old card, if any, stays).
void writeModelCard(const QString& bundle, const ModelComparison* comparison);

} // namespace pal
