// Fuzz target: the PLY reader, ascii and binary (core/mesh/PlyReader.cpp), over arbitrary bytes.
#include "FuzzSupport.h"
#include "core/mesh/MeshIO.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        pal::Warnings warnings;
        pal::fuzz::requireValidMesh(pal::parsePly(bytes, pal::fuzz::kPath, &warnings));
    });
}
