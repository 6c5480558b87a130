#pragma once

// Reading zip archives safely (model bundles, NumPy .npz files) through QuaZip: opening one by
// its native name, selecting an entry with its checks (not encrypted, stored or deflated), and
// reading an entry in pieces with a hash and a CRC check at its end. Included by the few .cpp
// files that read zips, never by a header.

#include "core/errors/Error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <functional>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

namespace pal {

// Opens file by its native name (core/io/NativePath.h: any bytes; QuaZip(path) would open it
// through QFile's lossy encoding) and zip on it. Throws IoError, or FormatError with
// notZipProblem when the file is not a zip at all.
void openZip(QuaZip& zip, QFile& file, const QString& path, const QString& notZipProblem);

// Makes the entry current and returns its description; missingProblem ("the bundle has no %1")
// names the entry when there is none.
QuaZipFileInfo64 selectEntry(QuaZip& zip, const QString& name, const QString& path,
                             const QString& missingProblem);

// Adds the entry name to a zip open for writing (stored, or deflated), fill writing its bytes.
// Throws IoError naming path.
void writeZipEntry(QuaZip& zip, const QString& name, bool deflate, const QString& path,
                   const std::function<void(QuaZipFile&)>& fill);

// Reads the current entry in pieces, hashing what it reads.
class EntryReader {
public:
    EntryReader(QuaZip& zip, QString name, QString path)
        : m_file(&zip), m_name(std::move(name)), m_path(std::move(path)) {
        if (!m_file.open(QIODevice::ReadOnly)) {
            throw FormatError(
                m_path, QStringLiteral("%1 cannot be read (damaged zip archive)").arg(m_name));
        }
    }

    void read(char* dst, qint64 n) {
        for (qint64 done = 0; done < n;) {
            const qint64 got = m_file.read(dst + done, n - done);
            if (got <= 0) {
                throw FormatError(m_path, QStringLiteral("%1 is truncated or damaged").arg(m_name));
            }
            done += got;
        }
        m_hash.addData(QByteArrayView(dst, n));
    }

    // Checks that nothing follows and that the zip CRC matches; returns the sha256 (hex).
    QString finish() {
        char extra = 0;
        if (m_file.read(&extra, 1) != 0) {
            throw FormatError(m_path,
                              QStringLiteral("%1 is longer than its zip entry says").arg(m_name));
        }
        m_file.close();
        if (m_file.getZipError() != UNZ_OK) {
            throw FormatError(m_path,
                              QStringLiteral("%1 is damaged (zip CRC mismatch)").arg(m_name));
        }
        return QString::fromLatin1(m_hash.result().toHex());
    }

private:
    QuaZipFile m_file;
    QString m_name;
    QString m_path;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace pal
