#pragma once

// TPS, the text format of morphometrics tools (tpsDig, MorphoJ, R's geomorph; docs/formats.md,
// "TPS"): per specimen "LM3=N" (or "LM=N") and N rows of x y z in the schema's order, then
// "ID=..." and "SCALE=..." (coordinates are multiplied by SCALE when read). No labels: row i is
// landmark i. A missing landmark is written as -9999 -9999 -9999, the negative placeholder
// geomorph reads as missing (readland.tps, negNA); since face coordinates are often negative,
// only a row whose three values are equal and at most -99 is read as missing.

#include "core/landmarks/LandmarkSet.h"

#include <QByteArray>
#include <QString>

namespace pal {

// One specimen; id: the ID= line (the case id), may be empty. Throws ValidationError naming
// path when a present landmark would read back as the missing placeholder (three equal values
// at most -99).
QByteArray formatTps(const LandmarkSet& set, const QString& id, const QString& path = {});
// Reads a file of one specimen in the schema's order (values separated by spaces or tabs).
// Throws FormatError (no LM line, a row that is not 3 numbers, more than one specimen) or
// ValidationError (another landmark count), naming path and line.
LandmarkSet parseTps(const QByteArray& data, const QString& path,
                     const SchemaPtr& schema = LandmarkSchema::lafas50());

} // namespace pal
