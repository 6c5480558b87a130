#include "core/io/Npy.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"

#include <QRegularExpression>

#include <algorithm>
#include <bit>
#include <climits>
#include <cstring>

namespace pal {
namespace {

template <typename T> T loadSwapped(const char* p, bool swap) {
    char b[sizeof(T)];
    std::memcpy(b, p, sizeof(T));
    if (swap) {
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i) {
            std::swap(b[i], b[sizeof(T) - 1 - i]);
        }
    }
    T v;
    std::memcpy(&v, b, sizeof(T));
    return v;
}

// Where the header dictionary is: after the magic, the version and its length.
struct NpyPreamble {
    std::size_t offset = 0; // of the header text
    std::size_t headerLen = 0;
};

// The header dictionary's fields that PAL Studio reads.
struct NpyHeader {
    bool isDouble = false;
    bool isInteger = false;
    bool isUnsigned = false;
    bool bigEndian = false;
    bool fortran = false;
    std::size_t itemSize = 0;
    Eigen::Index rows = 0;
    Eigen::Index cols = 0;
};

// One value of an integer array, widened.
std::int64_t loadInteger(const char* p, const NpyHeader& h, bool swap) {
    switch (h.itemSize) {
    case 1:
        return h.isUnsigned ? std::int64_t(loadSwapped<std::uint8_t>(p, swap))
                            : std::int64_t(loadSwapped<std::int8_t>(p, swap));
    case 2:
        return h.isUnsigned ? std::int64_t(loadSwapped<std::uint16_t>(p, swap))
                            : std::int64_t(loadSwapped<std::int16_t>(p, swap));
    case 4:
        return h.isUnsigned ? std::int64_t(loadSwapped<std::uint32_t>(p, swap))
                            : std::int64_t(loadSwapped<std::int32_t>(p, swap));
    default: {
        const std::uint64_t u = loadSwapped<std::uint64_t>(p, swap);
        // An unsigned value past int64's range reads as -1: never a valid index or count.
        return h.isUnsigned && u > std::uint64_t(INT64_MAX) ? -1 : std::int64_t(u);
    }
    }
}

NpyPreamble readPreamble(const QByteArray& data, const QString& path) {
    if (data.isEmpty()) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    static const QByteArray magic("\x93NUMPY", 6);
    if (!data.startsWith(magic)) {
        throw FormatError(path, QStringLiteral("not a NumPy .npy file (bad magic bytes)"));
    }
    if (data.size() < 10) {
        throw FormatError(path, QStringLiteral("truncated .npy header"));
    }
    const auto major = static_cast<unsigned char>(data[6]);
    const bool swap = std::endian::native != std::endian::little;
    NpyPreamble p;
    if (major == 1) {
        p.headerLen = loadSwapped<std::uint16_t>(data.constData() + 8, swap);
        p.offset = 10;
    } else if (major == 2 || major == 3) {
        if (data.size() < 12) {
            throw FormatError(path, QStringLiteral("truncated .npy header"));
        }
        p.headerLen = loadSwapped<std::uint32_t>(data.constData() + 8, swap);
        p.offset = 12;
    } else {
        throw FormatError(path, QStringLiteral("unsupported .npy format version %1").arg(major));
    }
    if (static_cast<std::size_t>(data.size()) < p.offset + p.headerLen) {
        throw FormatError(path, QStringLiteral("truncated .npy header"));
    }
    return p;
}

std::vector<Eigen::Index> parseShape(const QString& text, const QString& path) {
    std::vector<Eigen::Index> shape;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong n = part.trimmed().toLongLong(&ok);
        if (!ok || n < 0) {
            throw FormatError(path, QStringLiteral("malformed .npy shape (%1)").arg(text));
        }
        shape.push_back(static_cast<Eigen::Index>(n));
    }
    return shape;
}

// The header's dtype, order and shape. Floats (float64, float32) always; integers too when
// integers is set. Any number of dimensions; parseNpyMatrix asks for two.
NpyHeader parseHeader(const QString& header, const QString& path, bool integers,
                      std::vector<Eigen::Index>& shape) {
    static const QRegularExpression descrRe(QStringLiteral("'descr'\\s*:\\s*'([^']*)'"));
    static const QRegularExpression fortranRe(
        QStringLiteral("'fortran_order'\\s*:\\s*(True|False)"));
    static const QRegularExpression shapeRe(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)"));
    const auto dm = descrRe.match(header);
    const auto fm = fortranRe.match(header);
    const auto sm = shapeRe.match(header);
    if (!dm.hasMatch() || !fm.hasMatch() || !sm.hasMatch()) {
        throw FormatError(path, QStringLiteral("malformed .npy header: %1").arg(header.trimmed()));
    }
    NpyHeader h;
    const QString descr = dm.captured(1);
    h.fortran = fm.captured(1) == QLatin1String("True");
    shape = parseShape(sm.captured(1), path);
    static const QRegularExpression typeRe(QStringLiteral("^([<>|=])([fiu])([1248])$"));
    const auto tm = typeRe.match(descr);
    const QChar kind = tm.hasMatch() ? tm.captured(2).at(0) : QChar();
    const int size = tm.hasMatch() ? tm.captured(3).toInt() : 0;
    if (kind == QLatin1Char('f') && (size == 8 || size == 4)) {
        h.isDouble = size == 8;
    } else if (integers && (kind == QLatin1Char('i') || kind == QLatin1Char('u'))) {
        h.isInteger = true;
        h.isUnsigned = kind == QLatin1Char('u');
    } else {
        throw FormatError(path, integers ? QStringLiteral("unsupported dtype '%1' (expected "
                                                          "float64, float32 or an integer type)")
                                               .arg(descr)
                                         : QStringLiteral("unsupported dtype '%1' (expected "
                                                          "float64 or float32)")
                                               .arg(descr));
    }
    h.itemSize = static_cast<std::size_t>(size);
    h.bigEndian = tm.captured(1) == QLatin1String(">") ||
                  (tm.captured(1) == QLatin1String("=") && std::endian::native == std::endian::big);
    return h;
}

// rows x cols x ... x itemSize, checked against overflow and against the bytes present.
std::size_t checkedElements(const std::vector<Eigen::Index>& shape, const NpyHeader& h,
                            std::size_t have, const QString& path, const char* noun) {
    std::size_t elements = 1;
    for (Eigen::Index d : shape) {
        if (__builtin_mul_overflow(elements, static_cast<std::size_t>(d), &elements)) {
            elements = 0;
            break;
        }
    }
    std::size_t need = 0;
    QStringList dims;
    for (Eigen::Index d : shape) {
        dims << QString::number(d);
    }
    if ((elements == 0 && std::find(shape.begin(), shape.end(), 0) == shape.end()) ||
        __builtin_mul_overflow(elements, h.itemSize, &need)) {
        throw FormatError(path, QStringLiteral("shape (%1) is larger than any file can hold")
                                    .arg(dims.join(QStringLiteral(", "))));
    }
    if (have < need) {
        throw FormatError(
            path,
            QStringLiteral("truncated: %1 bytes of data expected, %2 found").arg(need).arg(have));
    }
    if (have > need) {
        throw FormatError(path, QStringLiteral("%1 bytes of unexpected data after the %2")
                                    .arg(have - need)
                                    .arg(QLatin1String(noun)));
    }
    return elements;
}

} // namespace

Eigen::MatrixXd parseNpyMatrix(const QByteArray& data, const QString& path) {
    const NpyPreamble pre = readPreamble(data, path);
    std::vector<Eigen::Index> shape;
    NpyHeader h = parseHeader(
        QString::fromLatin1(data.constData() + pre.offset, static_cast<qsizetype>(pre.headerLen)),
        path, false, shape);
    if (shape.size() != 2) {
        QStringList dims;
        for (Eigen::Index d : shape) {
            dims << QString::number(d);
        }
        throw FormatError(path, QStringLiteral("expected a 2-D matrix, found shape (%1)")
                                    .arg(dims.join(QStringLiteral(", "))));
    }
    h.rows = shape[0];
    h.cols = shape[1];
    const std::size_t start = pre.offset + pre.headerLen;
    // An empty shape such as (2305843009213693968, 0) needs no bytes, so the size check below
    // cannot bound it, and a loop over its rows would not end: no matrix here is empty.
    if (h.rows == 0 || h.cols == 0) {
        throw FormatError(path,
                          QStringLiteral("shape (%1, %2) holds no values").arg(h.rows).arg(h.cols));
    }
    checkedElements(shape, h, static_cast<std::size_t>(data.size()) - start, path, "matrix");
    const bool swap = h.bigEndian == (std::endian::native == std::endian::little);
    const char* p = data.constData() + start;
    Eigen::MatrixXd m(h.rows, h.cols);
    for (Eigen::Index k = 0; k < h.rows * h.cols; ++k) {
        const double v = h.isDouble ? loadSwapped<double>(p + k * 8, swap)
                                    : static_cast<double>(loadSwapped<float>(p + k * 4, swap));
        const Eigen::Index r = h.fortran ? k % h.rows : k / h.cols;
        const Eigen::Index c = h.fortran ? k / h.rows : k % h.cols;
        m(r, c) = v;
    }
    return m;
}

NpyArray parseNpyArray(const QByteArray& data, const QString& path) {
    const NpyPreamble pre = readPreamble(data, path);
    NpyArray a;
    std::vector<Eigen::Index> shape;
    const NpyHeader h = parseHeader(
        QString::fromLatin1(data.constData() + pre.offset, static_cast<qsizetype>(pre.headerLen)),
        path, true, shape);
    if (shape.size() > 4) {
        throw FormatError(
            path, QStringLiteral("%1 dimensions; at most 4 are read here").arg(shape.size()));
    }
    const std::size_t start = pre.offset + pre.headerLen;
    const std::size_t n =
        checkedElements(shape, h, static_cast<std::size_t>(data.size()) - start, path, "array");
    // Every value is widened to 8 bytes: a cap on the count bounds what a small dtype costs.
    if (n > kMaxNpyArrayValues) {
        throw FormatError(path, QStringLiteral("%1 values; at most %2 are read from one array")
                                    .arg(n)
                                    .arg(kMaxNpyArrayValues));
    }
    a.shape = shape;
    a.isInteger = h.isInteger;
    const bool swap = h.bigEndian == (std::endian::native == std::endian::little);
    const char* p = data.constData() + start;
    // C order out: a Fortran-order array's element k sits at the transposed position.
    std::vector<std::size_t> stride(shape.size(), 1); // C-order strides
    for (std::size_t d = shape.size(); d-- > 1;) {
        stride[d - 1] = stride[d] * static_cast<std::size_t>(shape[d]);
    }
    auto target = [&](std::size_t k) {
        if (!h.fortran || shape.size() < 2) {
            return k;
        }
        std::size_t out = 0;
        for (std::size_t d = 0; d < shape.size(); ++d) {
            const auto dim = static_cast<std::size_t>(shape[d]);
            out += (k % dim) * stride[d];
            k /= dim;
        }
        return out;
    };
    if (h.isInteger) {
        a.integers.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            a.integers[target(k)] = loadInteger(p + k * h.itemSize, h, swap);
        }
    } else {
        a.values.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            a.values[target(k)] = h.isDouble
                                      ? loadSwapped<double>(p + k * 8, swap)
                                      : static_cast<double>(loadSwapped<float>(p + k * 4, swap));
        }
    }
    return a;
}

Eigen::MatrixXd readNpyMatrix(const QString& path) {
    const FileBytes bytes(path);
    return parseNpyMatrix(bytes.bytes(), path);
}

Eigen::Matrix4d readNpyMatrix4(const QString& path) {
    const FileBytes bytes(path);
    return parseNpyMatrix4(bytes.bytes(), path);
}

Eigen::Matrix4d parseNpyMatrix4(const QByteArray& data, const QString& path) {
    const Eigen::MatrixXd m = parseNpyMatrix(data, path);
    if (m.rows() != 4 || m.cols() != 4) {
        throw FormatError(path, QStringLiteral("expected a 4x4 matrix, found shape (%1, %2)")
                                    .arg(m.rows())
                                    .arg(m.cols()));
    }
    if (!m.allFinite()) {
        throw FormatError(path, QStringLiteral("the matrix holds NaN or infinite values"));
    }
    return m;
}

namespace {

// The .npy preamble and header for descr and shape ("4, 4" or "68,"), padded as NumPy pads it.
QByteArray npyHeader(const char* descr, const QString& shape) {
    QByteArray header = QStringLiteral("{'descr': '%1', 'fortran_order': False, 'shape': (%2), }")
                            .arg(QLatin1String(descr), shape)
                            .toLatin1();
    // Pad so that magic + version + length + header is a multiple of 64, ending in '\n'.
    const qsizetype total = 10 + header.size() + 1;
    header.append(QByteArray((64 - total % 64) % 64, ' '));
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    const auto len = static_cast<std::uint16_t>(header.size());
    out.append(static_cast<char>(len & 0xff));
    out.append(static_cast<char>(len >> 8));
    out.append(header);
    return out;
}

template <typename T> void appendLittleEndian(QByteArray& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    if constexpr (std::endian::native != std::endian::little) {
        std::reverse(b, b + sizeof(T));
    }
    out.append(b, sizeof(T));
}

} // namespace

QByteArray formatNpyMatrix(const Eigen::MatrixXd& m) {
    QByteArray out = npyHeader("<f8", QStringLiteral("%1, %2").arg(m.rows()).arg(m.cols()));
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            appendLittleEndian(out, m(r, c));
        }
    }
    return out;
}

QByteArray formatNpyIntegers(const std::vector<std::int64_t>& values) {
    QByteArray out = npyHeader("<i8", QStringLiteral("%1,").arg(values.size()));
    for (const std::int64_t v : values) {
        appendLittleEndian(out, v);
    }
    return out;
}

QByteArray formatNpyIntegerMatrix(
    const Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>& m) {
    QByteArray out = npyHeader("<i8", QStringLiteral("%1, %2").arg(m.rows()).arg(m.cols()));
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            appendLittleEndian(out, m(r, c));
        }
    }
    return out;
}

void writeNpyMatrix(const QString& path, const Eigen::MatrixXd& m) {
    writeFileAtomically(path, formatNpyMatrix(m));
}

} // namespace pal
