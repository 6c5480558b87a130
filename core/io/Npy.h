#pragma once

// A strict reader and a writer for NumPy .npy files holding one small float matrix, such as
// LA-FAS's transformation_matrix.npy (4x4 float64). Accepts float64 and float32, either byte
// order, C and Fortran order, format versions 1.0, 2.0 and 3.0.

#include <Eigen/Core>
#include <QByteArray>
#include <QString>

namespace pal {

// Parses a 2-D float matrix of any shape and values (NaN and infinities included); path is used
// in messages. Throws FormatError naming the problem.
Eigen::MatrixXd parseNpyMatrix(const QByteArray& data, const QString& path);
Eigen::MatrixXd readNpyMatrix(const QString& path);

// Reads a finite 4x4 matrix; any other shape, or a NaN or infinite value, is a FormatError.
Eigen::Matrix4d readNpyMatrix4(const QString& path);
Eigen::Matrix4d parseNpyMatrix4(const QByteArray& data, const QString& path);

// Float64, little endian, C order, version 1.0; the bytes NumPy's np.save writes.
QByteArray formatNpyMatrix(const Eigen::MatrixXd& m);
void writeNpyMatrix(const QString& path, const Eigen::MatrixXd& m);

} // namespace pal
