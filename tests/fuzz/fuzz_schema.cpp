// Fuzz target: landmark schema files (core/landmarks/SchemaFile.cpp). An accepted schema has
// unique keys (ignoring case) and mutual partners on opposite sides, and survives a write and a
// read as the same landmarks.
#include "FuzzSupport.h"
#include "core/landmarks/SchemaFile.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const pal::SchemaPtr s =
            pal::parseLandmarkSchema(pal::fuzz::asByteArray(bytes), pal::fuzz::kPath);
        QSet<QString> keys;
        for (int i = 0; i < s->size(); ++i) {
            keys.insert(s->key(i).toLower());
            const pal::LandmarkDefinition& d = s->at(i);
            if (d.partner != 0) {
                const int j = s->indexOfNumber(d.partner);
                pal::fuzz::require(j >= 0 && s->at(j).partner == d.number &&
                                   s->at(j).side != d.side);
            }
        }
        pal::fuzz::require(keys.size() == s->size());
        const pal::SchemaPtr back =
            pal::landmarkSchemaFromJson(pal::landmarkSchemaToJson(*s), pal::fuzz::kPath, QString());
        pal::fuzz::require(back->sameLandmarks(*s));
    });
}
