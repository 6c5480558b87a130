#include "core/model/Float16.h"

#include <bit>
#include <cmath>

namespace pal {

std::uint16_t floatToHalf(float value) {
    const auto x = std::bit_cast<std::uint32_t>(value);
    const auto sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
    const std::uint32_t abs = x & 0x7fffffffu;
    if (abs >= 0x7f800000u) { // infinity, or NaN: keep the top payload bits, force quiet
        if (abs == 0x7f800000u) {
            return sign | 0x7c00u;
        }
        return static_cast<std::uint16_t>(sign | 0x7e00u | ((abs >> 13) & 0x3ffu));
    }
    if (abs >= 0x477ff000u) { // 65520 and up: halfway to 65536 or beyond, rounds to infinity
        return sign | 0x7c00u;
    }
    const std::uint32_t exponent = abs >> 23; // biased by 127
    if (exponent < 113) {
        // Below 2^-14: a float16 subnormal (units of 2^-24) or zero. Under 2^-25 is zero.
        if (exponent < 102) {
            return sign;
        }
        const std::uint32_t significand = (abs & 0x7fffffu) | 0x800000u;
        const std::uint32_t shift = 126 - exponent; // 14..24
        std::uint32_t q = significand >> shift;
        const std::uint32_t rest = significand & ((1u << shift) - 1);
        const std::uint32_t halfway = 1u << (shift - 1);
        if (rest > halfway || (rest == halfway && (q & 1u))) {
            ++q; // may carry into the smallest normal, 0x0400, which is right
        }
        return static_cast<std::uint16_t>(sign | q);
    }
    // Normal: rebias the exponent (127 -> 15) and round the 23-bit mantissa to 10 bits; a
    // carry out of the mantissa moves into the exponent, which is right.
    std::uint32_t h = ((exponent - 112) << 10) | ((abs & 0x7fffffu) >> 13);
    const std::uint32_t rest = abs & 0x1fffu;
    if (rest > 0x1000u || (rest == 0x1000u && (h & 1u))) {
        ++h;
    }
    return static_cast<std::uint16_t>(sign | h);
}

float halfToFloat(std::uint16_t bits) {
    const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
    const std::uint32_t exponent = (bits >> 10) & 0x1fu;
    const std::uint32_t mantissa = bits & 0x3ffu;
    if (exponent == 0) { // zero or subnormal: mantissa x 2^-24, exact in float
        const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
        return std::bit_cast<float>(sign | std::bit_cast<std::uint32_t>(magnitude));
    }
    if (exponent == 31) {
        return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
    }
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

} // namespace pal
