#pragma once

// The first Linear layer's product for a few faces on the CPU with its weights held as IEEE
// float16: the layer is bound by reading its weights (256 MB in float32 at K = 1000, a few
// multiply-adds per weight), so half the bytes is nearly half the time. Only for weights that
// are float16 values exactly (a bundle stored in float16): then the layer computes with the same
// weights, bit for bit, and only the order of the float32 sums differs from at::mm's
// (docs/method.md, "Engine speed"). No torch here: plain arrays, AVX2 + FMA + F16C.

#include <cstddef>
#include <cstdint>

namespace pal::engine {

// True when this processor has the instructions the product and the conversion use (AVX2, FMA,
// F16C); without them the layer stays in float32.
bool halfLinearSupported();

// Writes n floats as float16 into `half` and returns true when every one is a float16 value
// exactly (read back bit for bit; a negative zero stays negative); false at the first that is
// not, with `half` partly written. Needs halfLinearSupported().
bool toHalfExactly(const float* values, std::size_t n, std::uint16_t* half);

// The most faces one call takes: beyond a few, the product is no longer bound by the weights'
// bytes, and the float32 matrix product is the faster.
constexpr int kHalfLinearMaxBatch = 4;

// y[b * out + o] = sum over i of w[o * in + i] * x[b * in + i], in float32, for the rows o in
// [rowBegin, rowEnd) and the faces b < batch (1 to kHalfLinearMaxBatch): w is (out, in) float16,
// x is (batch, in) and y is (batch, out), both row-major float32. No bias. Each row of w is read
// once for all the faces. Vectorised with halfLinearSupported(); without, plain scalar sums.
void halfLinearRows(const std::uint16_t* w, std::int64_t in, std::int64_t out,
                    std::int64_t rowBegin, std::int64_t rowEnd, const float* x, int batch,
                    float* y);

} // namespace pal::engine
