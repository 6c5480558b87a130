// Fuzz target: the OFF reader (core/mesh/OffReader.cpp) over arbitrary bytes.
#include "FuzzSupport.h"
#include "core/mesh/MeshIO.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        pal::fuzz::requireValidMesh(pal::parseOff(bytes, pal::fuzz::kPath));
    });
}
