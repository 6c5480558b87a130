#pragma once

// Numbers written as text that reads back exactly: the shortest decimal form of a double
// that round-trips (std::to_chars), locale-free. The landmark and CSV writers use it so a
// written file keeps every bit of a coordinate.

#include <QByteArray>

#include <charconv>

namespace pal {

inline QByteArray shortestNumber(double v) {
    char tmp[64];
    const auto [end, ec] = std::to_chars(tmp, tmp + sizeof(tmp), v);
    (void)ec;
    return QByteArray(tmp, static_cast<qsizetype>(end - tmp));
}

} // namespace pal
