#pragma once

// LA-FAS landmarks.txt, as docs/formats.md ("landmarks.txt") describes it:
//   optional header line starting with "landmark names", blank lines allowed,
//   50 rows "LABEL<TAB>(x, y, z)".
// Rows are mapped to landmarks by their numeric label; files whose labels are not numbers are
// mapped by row position in the reference's order (numbers sorted as text: 1, 10, 11, ..., 9).
// The layout that was read (header, line ends, row order, untouched row text) is kept, so
// writing an untouched set reproduces the file byte for byte.

#include "core/landmarks/LandmarkSet.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace pal {

struct LafasLayout {
    struct Item {
        int landmark = -1; // schema index for a landmark row; -1 for a verbatim line
        QByteArray text;   // the line as read, without its line end
        Eigen::Vector3d value = Eigen::Vector3d::Zero(); // the row's parsed value
    };
    std::vector<Item> items;
    QByteArray eol = "\n";
    bool finalEol = true;
    int decimals = 6;
    QByteArray separator = ", ";

    // The layout of a new file: a header, then the rows in the reference's order.
    static LafasLayout standard(const LandmarkSchema& schema);
};

struct LafasFile {
    LandmarkSet landmarks;
    LafasLayout layout;
};

// The landmark numbers in the reference's row order ("1", "10", "11", ..., "9" as text).
std::vector<int> lafasRowOrder(int count);

// Parses file content; path is used in messages only. Throws FormatError / ValidationError.
LafasFile parseLafas(const QByteArray& data, const QString& path);
LafasFile readLafas(const QString& path);

// Formats a complete set; rows whose value is unchanged keep their original text.
// Throws ValidationError when a landmark is missing (LA-FAS files hold all 50).
QByteArray formatLafas(const LandmarkSet& set, const LafasLayout& layout);
// Writes atomically (AtomicFile): on any failure IoError, and the old file stays.
void writeLafas(const QString& path, const LandmarkSet& set, const LafasLayout& layout);

} // namespace pal
