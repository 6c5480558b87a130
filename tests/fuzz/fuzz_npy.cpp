// Fuzz target: the .npy reader (core/io/Npy.cpp). Any accepted array's element count is its
// shape's product; any accepted matrix survives a write and a read bit for bit; one accepted as
// a transform is 4x4 and finite.
#include "FuzzSupport.h"
#include "core/errors/Error.h"
#include "core/io/Npy.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        const QByteArray input = pal::fuzz::asByteArray(bytes);
        try {
            const pal::NpyArray a = pal::parseNpyArray(input, pal::fuzz::kPath);
            std::size_t n = 1;
            for (const Eigen::Index d : a.shape) {
                n *= static_cast<std::size_t>(d);
            }
            pal::fuzz::require(a.count() == n);
        } catch (const pal::Error&) {
            // refused with a message: what the arrays' reader is for; the matrix reader below
            // is stricter still
        }
        const Eigen::MatrixXd m = pal::parseNpyMatrix(input, pal::fuzz::kPath);
        const Eigen::MatrixXd back = pal::parseNpyMatrix(pal::formatNpyMatrix(m), pal::fuzz::kPath);
        pal::fuzz::require(back.rows() == m.rows() && back.cols() == m.cols());
        pal::fuzz::require(m.size() == 0 ||
                           std::memcmp(back.data(), m.data(), sizeof(double) * m.size()) == 0);
        const Eigen::Matrix4d transform = pal::parseNpyMatrix4(input, pal::fuzz::kPath);
        pal::fuzz::require(transform.allFinite());
    });
}
