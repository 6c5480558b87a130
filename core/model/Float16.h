#pragma once

// IEEE 754 binary16 ("float16", "half") conversions for model bundles' weights.

#include <cstdint>

namespace pal {

// The nearest float16, ties to even. Beyond the largest finite float16 (65504) values round to
// infinity as IEEE 754 says (from 65520 up); NaN stays NaN (quiet), the sign is kept.
std::uint16_t floatToHalf(float value);

// The float16's exact value.
float halfToFloat(std::uint16_t bits);

} // namespace pal
