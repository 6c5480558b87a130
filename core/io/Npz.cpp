#include "core/io/Npz.h"

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"
#include "core/io/ZipEntries.h"

namespace pal {

void writeNpz(const QString& path, const std::vector<std::pair<QString, QByteArray>>& arrays) {
    AtomicFile out(path);
    out.openForWriting();
    try {
        QuaZip zip(&out);
        zip.setAutoClose(false);
        if (!zip.open(QuaZip::mdCreate)) {
            throw IoError(path,
                          QStringLiteral("cannot write: zip error %1").arg(zip.getZipError()));
        }
        for (const auto& array : arrays) {
            // Not a structured binding: clang before 16 cannot capture one in a lambda.
            const QByteArray& bytes = array.second;
            const QString& name = array.first;
            writeZipEntry(zip, name + QStringLiteral(".npy"), false, path, [&](QuaZipFile& f) {
                if (f.write(bytes) != bytes.size()) {
                    throw IoError(path, QStringLiteral("cannot write: %1").arg(out.errorString()));
                }
            });
        }
        zip.close();
        if (zip.getZipError() != ZIP_OK) {
            throw IoError(path,
                          QStringLiteral("cannot write: zip error %1").arg(zip.getZipError()));
        }
    } catch (const IoError&) {
        out.throwIfAWriteFailed(); // a full disk, say: its reason rather than the zip's
        throw;
    }
    out.commit();
}

NpzFile NpzFile::read(const QString& path, const QStringList& only) {
    QFile file;
    QuaZip zip;
    openZip(zip, file, path,
            QStringLiteral("not a zip archive (a NumPy .npz file is a zip of .npy arrays)"));
    NpzFile out;
    out.m_path = path;
    qint64 total = 0;
    const QStringList entries = zip.getFileNameList();
    for (const QString& entry : entries) {
        if (entry.endsWith(QLatin1Char('/'))) {
            continue; // a folder entry
        }
        if (!entry.endsWith(QLatin1String(".npy"))) {
            throw FormatError(path, QStringLiteral("%1 is not a .npy array (a NumPy .npz file "
                                                   "holds .npy arrays only)")
                                        .arg(entry));
        }
        const QString name = entry.chopped(4);
        if (!only.isEmpty() && !only.contains(name)) {
            out.m_order << name;
            continue;
        }
        const QuaZipFileInfo64 info =
            selectEntry(zip, entry, path, QStringLiteral("the archive has no %1"));
        if (info.uncompressedSize > quint64(kMaxEntryBytes)) {
            throw FormatError(path, QStringLiteral("%1 is %2 bytes; at most %3 are read")
                                        .arg(entry)
                                        .arg(info.uncompressedSize)
                                        .arg(kMaxEntryBytes));
        }
        // The sizes in a zip's directory are claims: deflate cannot expand data more than about
        // 1032 to 1, so a larger claim is a damaged or hostile file, refused before allocating.
        if (info.method != 0 && info.uncompressedSize > info.compressedSize * 1100 + 4096) {
            throw FormatError(path, QStringLiteral("%1 claims %2 bytes from %3 compressed, more "
                                                   "than deflate can give (damaged file?)")
                                        .arg(entry)
                                        .arg(info.uncompressedSize)
                                        .arg(info.compressedSize));
        }
        if (info.method == 0 && info.uncompressedSize != info.compressedSize) {
            throw FormatError(path, QStringLiteral("%1 is stored with %2 bytes but claims %3 "
                                                   "(damaged file?)")
                                        .arg(entry)
                                        .arg(info.compressedSize)
                                        .arg(info.uncompressedSize));
        }
        total += static_cast<qint64>(info.uncompressedSize);
        if (total > kMaxTotalBytes) {
            throw FormatError(path, QStringLiteral("the arrays hold more than %1 bytes, more than "
                                                   "PAL Studio reads from one file")
                                        .arg(kMaxTotalBytes));
        }
        QByteArray bytes(static_cast<qsizetype>(info.uncompressedSize), Qt::Uninitialized);
        {
            EntryReader reader(zip, entry, path);
            reader.read(bytes.data(), bytes.size());
            reader.finish();
        }
        try {
            out.m_arrays[name] = parseNpyArray(bytes, QString());
        } catch (const Error& e) {
            throw FormatError(path, QStringLiteral("%1: %2").arg(entry, e.problem()));
        }
        out.m_order << name;
    }
    return out;
}

QStringList NpzFile::names() const {
    return m_order;
}

const NpyArray& NpzFile::array(const QString& name) const {
    const auto it = m_arrays.find(name);
    if (it == m_arrays.end()) {
        throw FormatError(m_path,
                          QStringLiteral("no array \"%1\" (the file holds: %2)")
                              .arg(name, m_order.isEmpty() ? QStringLiteral("nothing")
                                                           : m_order.join(QStringLiteral(", "))));
    }
    return it->second;
}

} // namespace pal
