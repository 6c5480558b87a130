#pragma once

// A strict reader and a writer for NumPy .npy files holding one small float matrix, such as
// LA-FAS's transformation_matrix.npy (4x4 float64). Accepts float64 and float32, either byte
// order, C and Fortran order, format versions 1.0, 2.0 and 3.0.

#include <Eigen/Core>
#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace pal {

// Parses a 2-D float matrix of any shape and values (NaN and infinities included); path is used
// in messages. Throws FormatError naming the problem.
Eigen::MatrixXd parseNpyMatrix(const QByteArray& data, const QString& path);
Eigen::MatrixXd readNpyMatrix(const QString& path);

// Reads a finite 4x4 matrix; any other shape, or a NaN or infinite value, is a FormatError.
Eigen::Matrix4d readNpyMatrix4(const QString& path);
Eigen::Matrix4d parseNpyMatrix4(const QByteArray& data, const QString& path);

// Any array of up to 4 dimensions: floats (float64, float32) or integers (signed or unsigned,
// 1 to 8 bytes), either byte order, C or Fortran order, the element count checked against the
// bytes present before anything is allocated. Values come back in C order.
struct NpyArray {
    std::vector<Eigen::Index> shape;
    bool isInteger = false;
    std::vector<double> values;         // float arrays
    std::vector<std::int64_t> integers; // integer arrays (a uint64 past int64's range reads -1)
    std::size_t count() const { return isInteger ? integers.size() : values.size(); }
};
inline constexpr std::size_t kMaxNpyArrayValues = std::size_t(1) << 27; // 1 GiB as float64
NpyArray parseNpyArray(const QByteArray& data, const QString& path);

// Float64, little endian, C order, version 1.0; the bytes NumPy's np.save writes.
QByteArray formatNpyMatrix(const Eigen::MatrixXd& m);
void writeNpyMatrix(const QString& path, const Eigen::MatrixXd& m);
// A 1-D int64 array (little endian, version 1.0), as np.save writes np.array([...]).
QByteArray formatNpyIntegers(const std::vector<std::int64_t>& values);
// A 2-D int64 array, e.g. a mesh's triangles.
QByteArray formatNpyIntegerMatrix(
    const Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>& m);

} // namespace pal
