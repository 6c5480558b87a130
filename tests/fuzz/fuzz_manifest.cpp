// Fuzz target: a model bundle's manifest.json (core/model/BundleManifest.cpp). An accepted
// manifest describes tensors that lie back to back inside weights.bin.
#include "FuzzSupport.h"
#include "core/model/BundleManifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const pal::bundle::ParsedManifest parsed =
            pal::bundle::parseManifest(pal::fuzz::asByteArray(bytes), pal::fuzz::kPath);
        std::int64_t end = 0;
        for (const pal::bundle::TensorEntry& t : parsed.tensors) {
            pal::fuzz::require(t.offset == end && t.count >= 0);
            end = t.offset + t.count * pal::bundle::dtypeSize(parsed.manifest.weightsDtype);
        }
        pal::fuzz::require(end == parsed.weightsBytes);
    });
}
