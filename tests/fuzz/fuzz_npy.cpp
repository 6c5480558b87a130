// Fuzz target: the .npy reader (core/io/Npy.cpp). Any accepted matrix survives a write and a
// read bit for bit; one accepted as a transform is 4x4 and finite.
#include "FuzzSupport.h"
#include "core/io/Npy.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const QByteArray input = pal::fuzz::asByteArray(bytes);
        const Eigen::MatrixXd m = pal::parseNpyMatrix(input, pal::fuzz::kPath);
        const Eigen::MatrixXd back = pal::parseNpyMatrix(pal::formatNpyMatrix(m), pal::fuzz::kPath);
        pal::fuzz::require(back.rows() == m.rows() && back.cols() == m.cols());
        pal::fuzz::require(m.size() == 0 ||
                           std::memcmp(back.data(), m.data(), sizeof(double) * m.size()) == 0);
        const Eigen::Matrix4d transform = pal::parseNpyMatrix4(input, pal::fuzz::kPath);
        pal::fuzz::require(transform.allFinite());
    });
}
