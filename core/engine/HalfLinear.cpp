#include "core/engine/HalfLinear.h"

#include "core/model/Float16.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define PALSTUDIO_HALF_X86 1
// The kernels' instructions, compiled for these functions alone: the rest of the program runs on
// any x86-64, and halfLinearSupported() says whether these may be called.
#define PALSTUDIO_HALF_TARGET __attribute__((target("avx2,fma,f16c")))
#else
#define PALSTUDIO_HALF_X86 0
#endif

namespace pal::engine {
namespace {

std::uint32_t bitsOf(float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

// toHalfExactly one value at a time, from `first` on.
bool toHalfOneByOne(const float* values, std::size_t first, std::size_t n, std::uint16_t* half) {
    for (std::size_t i = first; i < n; ++i) {
        half[i] = floatToHalf(values[i]);
        if (bitsOf(halfToFloat(half[i])) != bitsOf(values[i])) {
            return false;
        }
    }
    return true;
}

#if PALSTUDIO_HALF_X86

PALSTUDIO_HALF_TARGET inline float sum8(__m256 v) {
    const __m128 four = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 two = _mm_add_ps(four, _mm_movehl_ps(four, four));
    return _mm_cvtss_f32(_mm_add_ss(two, _mm_shuffle_ps(two, two, 1)));
}

// R rows of w from `first` against the B faces of x: each 8 weights of a row are converted once
// and multiplied into every face's sum, and each 8 inputs of a face serve all R rows.
template <int B, int R>
PALSTUDIO_HALF_TARGET void someRows(const std::uint16_t* w, std::int64_t in, std::int64_t out,
                                    std::int64_t first, const float* x, float* y) {
    __m256 acc[R][B];
    for (int r = 0; r < R; ++r) {
        for (int b = 0; b < B; ++b) {
            acc[r][b] = _mm256_setzero_ps();
        }
    }
    const std::int64_t whole = in / 8 * 8;
    for (std::int64_t i = 0; i < whole; i += 8) {
        __m256 xs[B];
        for (int b = 0; b < B; ++b) {
            xs[b] = _mm256_loadu_ps(x + b * in + i);
        }
        for (int r = 0; r < R; ++r) {
            const __m256 wr = _mm256_cvtph_ps(
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + (first + r) * in + i)));
            for (int b = 0; b < B; ++b) {
                acc[r][b] = _mm256_fmadd_ps(wr, xs[b], acc[r][b]);
            }
        }
    }
    for (int r = 0; r < R; ++r) {
        const std::uint16_t* row = w + (first + r) * in;
        for (int b = 0; b < B; ++b) {
            float s = sum8(acc[r][b]);
            for (std::int64_t i = whole; i < in; ++i) {
                s += halfToFloat(row[i]) * x[b * in + i];
            }
            y[b * out + first + r] = s;
        }
    }
}

template <int B>
PALSTUDIO_HALF_TARGET void rowsFor(const std::uint16_t* w, std::int64_t in, std::int64_t out,
                                   std::int64_t rowBegin, std::int64_t rowEnd, const float* x,
                                   float* y) {
    // Four rows at a time for one or two faces, two for more: the sums stay in registers.
    constexpr int kRows = B <= 2 ? 4 : 2;
    std::int64_t o = rowBegin;
    for (; o + kRows <= rowEnd; o += kRows) {
        someRows<B, kRows>(w, in, out, o, x, y);
    }
    for (; o < rowEnd; ++o) {
        someRows<B, 1>(w, in, out, o, x, y);
    }
}

PALSTUDIO_HALF_TARGET bool toHalfWithF16c(const float* values, std::size_t n, std::uint16_t* half) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 v = _mm256_loadu_ps(values + i);
        const __m128i h = _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        const __m256i same =
            _mm256_cmpeq_epi32(_mm256_castps_si256(v), _mm256_castps_si256(_mm256_cvtph_ps(h)));
        if (_mm256_movemask_epi8(same) != -1) {
            return false;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(half + i), h);
    }
    return toHalfOneByOne(values, i, n, half);
}

#endif

} // namespace

bool halfLinearSupported() {
#if PALSTUDIO_HALF_X86
    static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                                  __builtin_cpu_supports("f16c");
    return supported;
#else
    return false;
#endif
}

bool toHalfExactly(const float* values, std::size_t n, std::uint16_t* half) {
#if PALSTUDIO_HALF_X86
    if (halfLinearSupported()) {
        return toHalfWithF16c(values, n, half);
    }
#endif
    return toHalfOneByOne(values, 0, n, half);
}

void halfLinearRows(const std::uint16_t* w, std::int64_t in, std::int64_t out,
                    std::int64_t rowBegin, std::int64_t rowEnd, const float* x, int batch,
                    float* y) {
#if PALSTUDIO_HALF_X86
    switch (batch) {
    case 1:
        return rowsFor<1>(w, in, out, rowBegin, rowEnd, x, y);
    case 2:
        return rowsFor<2>(w, in, out, rowBegin, rowEnd, x, y);
    case 3:
        return rowsFor<3>(w, in, out, rowBegin, rowEnd, x, y);
    case 4:
        return rowsFor<4>(w, in, out, rowBegin, rowEnd, x, y);
    default:
        break;
    }
#endif
    // Not reached by PalNet (it asks for 1 to kHalfLinearMaxBatch faces on a processor that has
    // the instructions): the plain sums, so that a wrong call still computes the product.
    for (int b = 0; b < batch; ++b) {
        for (std::int64_t o = rowBegin; o < rowEnd; ++o) {
            float s = 0.0f;
            for (std::int64_t i = 0; i < in; ++i) {
                s += halfToFloat(w[o * in + i]) * x[b * in + i];
            }
            y[b * out + o] = s;
        }
    }
}

} // namespace pal::engine
