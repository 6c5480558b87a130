#pragma once

// NumPy .npz archives (what np.savez and np.savez_compressed write): a zip whose entries are
// NAME.npy arrays, read with the strict .npy reader of core/io/Npy.h. Each entry's size is
// checked against a limit before anything is allocated.

#include "core/io/Npy.h"

#include <QString>
#include <QStringList>

#include <map>
#include <utility>
#include <vector>

namespace pal {

// Writes the arrays (name, .npy bytes) as an uncompressed .npz, atomically (a full disk keeps the
// old file), as np.savez does.
void writeNpz(const QString& path, const std::vector<std::pair<QString, QByteArray>>& arrays);

class NpzFile {
public:
    // Reads every array. Throws IoError (cannot open) or FormatError (not a zip, a damaged or
    // encrypted entry, an entry that is not .npy, a malformed array), naming the file and the
    // entry ("landmark_indices.npz: v10.npy: truncated: ...").
    // only: the arrays to read (others are listed by names() but not read); empty: all.
    static NpzFile read(const QString& path, const QStringList& only = {});

    const QString& path() const { return m_path; }
    QStringList names() const; // without ".npy", in archive order
    bool has(const QString& name) const { return m_arrays.count(name) > 0; }
    // Throws FormatError naming the file and the arrays it holds when there is no such array.
    const NpyArray& array(const QString& name) const;

    static constexpr qint64 kMaxEntryBytes = qint64(1) << 30;
    static constexpr qint64 kMaxTotalBytes = qint64(2) << 30; // the arrays read from one file

private:
    QString m_path;
    QStringList m_order;
    std::map<QString, NpyArray> m_arrays;
};

} // namespace pal
