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

} // namespace

Eigen::MatrixXd parseNpyMatrix(const QByteArray& data, const QString& path) {
    auto fail = [&](const QString& problem) { return FormatError(path, problem); };
    if (data.isEmpty()) {
        throw fail(QStringLiteral("file is empty"));
    }
    static const QByteArray magic("\x93NUMPY", 6);
    if (!data.startsWith(magic)) {
        throw fail(QStringLiteral("not a NumPy .npy file (bad magic bytes)"));
    }
    if (data.size() < 10) {
        throw fail(QStringLiteral("truncated .npy header"));
    }
    const auto major = static_cast<unsigned char>(data[6]);
    std::size_t headerLen = 0;
    std::size_t offset = 0;
    if (major == 1) {
        headerLen = loadSwapped<std::uint16_t>(data.constData() + 8,
                                               std::endian::native != std::endian::little);
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (data.size() < 12) {
            throw fail(QStringLiteral("truncated .npy header"));
        }
        headerLen = loadSwapped<std::uint32_t>(data.constData() + 8,
                                               std::endian::native != std::endian::little);
        offset = 12;
    } else {
        throw fail(QStringLiteral("unsupported .npy format version %1").arg(major));
    }
    if (static_cast<std::size_t>(data.size()) < offset + headerLen) {
        throw fail(QStringLiteral("truncated .npy header"));
    }
    const QString header =
        QString::fromLatin1(data.constData() + offset, static_cast<qsizetype>(headerLen));
    static const QRegularExpression descrRe(QStringLiteral("'descr'\\s*:\\s*'([^']*)'"));
    static const QRegularExpression fortranRe(
        QStringLiteral("'fortran_order'\\s*:\\s*(True|False)"));
    static const QRegularExpression shapeRe(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)"));
    const auto dm = descrRe.match(header);
    const auto fm = fortranRe.match(header);
    const auto sm = shapeRe.match(header);
    if (!dm.hasMatch() || !fm.hasMatch() || !sm.hasMatch()) {
        throw fail(QStringLiteral("malformed .npy header: %1").arg(header.trimmed()));
    }
    const QString descr = dm.captured(1);
    const bool fortran = fm.captured(1) == QLatin1String("True");
    std::vector<Eigen::Index> shape;
    for (const QString& part : sm.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong n = part.trimmed().toLongLong(&ok);
        if (!ok || n < 0) {
            throw fail(QStringLiteral("malformed .npy shape (%1)").arg(sm.captured(1)));
        }
        shape.push_back(static_cast<Eigen::Index>(n));
    }
    std::size_t itemSize = 0;
    bool isDouble = false;
    bool bigEndian = false;
    if (descr == QLatin1String("<f8") || descr == QLatin1String(">f8")) {
        itemSize = 8;
        isDouble = true;
    } else if (descr == QLatin1String("<f4") || descr == QLatin1String(">f4")) {
        itemSize = 4;
    } else {
        throw fail(
            QStringLiteral("unsupported dtype '%1' (expected float64 or float32)").arg(descr));
    }
    bigEndian = descr.startsWith(QLatin1Char('>'));
    if (shape.size() != 2) {
        QStringList dims;
        for (Eigen::Index d : shape) {
            dims << QString::number(d);
        }
        throw fail(QStringLiteral("expected a 2-D matrix, found shape (%1)")
                       .arg(dims.join(QStringLiteral(", "))));
    }
    const Eigen::Index rows = shape[0];
    const Eigen::Index cols = shape[1];
    const std::size_t need = static_cast<std::size_t>(rows * cols) * itemSize;
    const std::size_t have = static_cast<std::size_t>(data.size()) - offset - headerLen;
    if (have < need) {
        throw fail(
            QStringLiteral("truncated: %1 bytes of data expected, %2 found").arg(need).arg(have));
    }
    if (have > need) {
        throw fail(QStringLiteral("%1 bytes of unexpected data after the matrix").arg(have - need));
    }
    const bool swap = bigEndian == (std::endian::native == std::endian::little);
    const char* p = data.constData() + offset + headerLen;
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index k = 0; k < rows * cols; ++k) {
        const double v = isDouble ? loadSwapped<double>(p + k * 8, swap)
                                  : static_cast<double>(loadSwapped<float>(p + k * 4, swap));
        const Eigen::Index r = fortran ? k % rows : k / cols;
        const Eigen::Index c = fortran ? k / rows : k % cols;
        m(r, c) = v;
    }
    return m;
}

Eigen::MatrixXd readNpyMatrix(const QString& path) {
    const FileBytes bytes(path);
    return parseNpyMatrix(
        QByteArray::fromRawData(bytes.view().data(), static_cast<qsizetype>(bytes.size())), path);
}

Eigen::Matrix4d readNpyMatrix4(const QString& path) {
    const Eigen::MatrixXd m = readNpyMatrix(path);
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
