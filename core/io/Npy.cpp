#include "core/io/Npy.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"

#include <QRegularExpression>

#include <bit>
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
    bool bigEndian = false;
    bool fortran = false;
    std::size_t itemSize = 0;
    Eigen::Index rows = 0;
    Eigen::Index cols = 0;
};

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

// A float64 or float32 2-D array, C or Fortran order, either byte order.
NpyHeader parseHeader(const QString& header, const QString& path) {
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
    const std::vector<Eigen::Index> shape = parseShape(sm.captured(1), path);
    if (descr == QLatin1String("<f8") || descr == QLatin1String(">f8")) {
        h.itemSize = 8;
        h.isDouble = true;
    } else if (descr == QLatin1String("<f4") || descr == QLatin1String(">f4")) {
        h.itemSize = 4;
    } else {
        throw FormatError(
            path,
            QStringLiteral("unsupported dtype '%1' (expected float64 or float32)").arg(descr));
    }
    h.bigEndian = descr.startsWith(QLatin1Char('>'));
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
    return h;
}

} // namespace

Eigen::MatrixXd parseNpyMatrix(const QByteArray& data, const QString& path) {
    const NpyPreamble pre = readPreamble(data, path);
    const NpyHeader h = parseHeader(
        QString::fromLatin1(data.constData() + pre.offset, static_cast<qsizetype>(pre.headerLen)),
        path);
    const std::size_t start = pre.offset + pre.headerLen;
    // An empty shape such as (2305843009213693968, 0) needs no bytes, so the size check below
    // cannot bound it, and a loop over its rows would not end: no matrix here is empty.
    if (h.rows == 0 || h.cols == 0) {
        throw FormatError(path,
                          QStringLiteral("shape (%1, %2) holds no values").arg(h.rows).arg(h.cols));
    }
    // rows x cols x itemSize, checked: a shape whose product overflows would otherwise wrap
    // to a small size, pass the size check and allocate the wrapped-around product.
    std::size_t elements = 0;
    std::size_t need = 0;
    if (__builtin_mul_overflow(static_cast<std::size_t>(h.rows), static_cast<std::size_t>(h.cols),
                               &elements) ||
        __builtin_mul_overflow(elements, h.itemSize, &need)) {
        throw FormatError(path, QStringLiteral("shape (%1, %2) is larger than any file can hold")
                                    .arg(h.rows)
                                    .arg(h.cols));
    }
    const std::size_t have = static_cast<std::size_t>(data.size()) - start;
    if (have < need) {
        throw FormatError(
            path,
            QStringLiteral("truncated: %1 bytes of data expected, %2 found").arg(need).arg(have));
    }
    if (have > need) {
        throw FormatError(
            path, QStringLiteral("%1 bytes of unexpected data after the matrix").arg(have - need));
    }
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

QByteArray formatNpyMatrix(const Eigen::MatrixXd& m) {
    QByteArray header =
        QStringLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (%1, %2), }")
            .arg(m.rows())
            .arg(m.cols())
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
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const double v = m(r, c);
            char b[8];
            std::memcpy(b, &v, 8);
            if constexpr (std::endian::native != std::endian::little) {
                std::reverse(b, b + 8);
            }
            out.append(b, 8);
        }
    }
    return out;
}

void writeNpyMatrix(const QString& path, const Eigen::MatrixXd& m) {
    writeFileAtomically(path, formatNpyMatrix(m));
}

} // namespace pal
