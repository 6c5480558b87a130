#include "core/model/ModelBundle.h"

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"
#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"
#include "core/io/ZipEntries.h"
#include "core/model/BundleManifest.h"
#include "core/model/Float16.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>

#include <unistd.h>

namespace pal {

using bundle::kManifestEntry;
using bundle::kWeightsEntry;

const NamedTensor* ModelBundle::find(std::string_view name) const {
    const auto it = std::find_if(tensors.begin(), tensors.end(),
                                 [&](const NamedTensor& t) { return t.name == name; });
    return it == tensors.end() ? nullptr : &*it;
}

namespace {

constexpr qint64 kMaxManifestBytes = 16 << 20;
constexpr qint64 kChunkValues = 1 << 20; // values converted or hashed at a time
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

template <typename T> T byteSwapped(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    std::reverse(b, b + sizeof(T));
    std::memcpy(&v, b, sizeof(T));
    return v;
}

// ---- Reading --------------------------------------------------------------------------------

// Opens the bundle, parses its manifest and checks weights.bin's entry (not its data); leaves
// weights.bin the current entry.
bundle::ParsedManifest openBundle(QuaZip& zip, QFile& file, const QString& path) {
    openZip(zip, file, path,
            QStringLiteral("not a zip archive (a .palnet model bundle is a zip file)"));
    const QuaZipFileInfo64 manifestInfo =
        selectEntry(zip, kManifestEntry, path, QStringLiteral("the bundle has no %1"));
    if (manifestInfo.uncompressedSize > quint64(kMaxManifestBytes)) {
        throw FormatError(path, QStringLiteral("manifest.json is too large (%1 bytes)")
                                    .arg(manifestInfo.uncompressedSize));
    }
    QByteArray json(static_cast<qsizetype>(manifestInfo.uncompressedSize), Qt::Uninitialized);
    {
        EntryReader reader(zip, kManifestEntry, path);
        reader.read(json.data(), json.size());
        reader.finish();
    }
    bundle::ParsedManifest parsed = bundle::parseManifest(json, path);

    const QuaZipFileInfo64 weightsInfo =
        selectEntry(zip, kWeightsEntry, path, QStringLiteral("the bundle has no %1"));
    if (weightsInfo.uncompressedSize != quint64(parsed.weightsBytes)) {
        const int valueSize = bundle::dtypeSize(parsed.manifest.weightsDtype);
        throw FormatError(path,
                          QStringLiteral("weights.bin holds %1 bytes; the manifest's tensors need "
                                         "%2 (%3 %4 values)")
                              .arg(weightsInfo.uncompressedSize)
                              .arg(parsed.weightsBytes)
                              .arg(parsed.weightsBytes / valueSize)
                              .arg(parsed.manifest.weightsDtype));
    }
    return parsed;
}

std::vector<NamedTensor> readWeights(QuaZip& zip, const bundle::ParsedManifest& parsed,
                                     const QString& path) {
    EntryReader reader(zip, kWeightsEntry, path);
    const bool half = parsed.manifest.weightsDtype == QLatin1String("float16");
    std::vector<std::uint16_t> buffer;
    std::vector<NamedTensor> out;
    out.reserve(parsed.tensors.size());
    for (const bundle::TensorEntry& entry : parsed.tensors) {
        NamedTensor t{entry.name, entry.shape,
                      std::vector<float>(static_cast<std::size_t>(entry.count))};
        for (qint64 begin = 0; begin < entry.count; begin += kChunkValues) {
            const qint64 n = std::min(kChunkValues, entry.count - begin);
            float* dst = t.data.data() + begin;
            if (!half) {
                reader.read(reinterpret_cast<char*>(dst), n * 4);
                if constexpr (!kLittleEndian) {
                    std::transform(dst, dst + n, dst, byteSwapped<float>);
                }
                continue;
            }
            buffer.resize(static_cast<std::size_t>(n));
            reader.read(reinterpret_cast<char*>(buffer.data()), n * 2);
            std::transform(buffer.begin(), buffer.end(), dst, [](std::uint16_t h) {
                return halfToFloat(kLittleEndian ? h : byteSwapped(h));
            });
        }
        out.push_back(std::move(t));
    }
    if (reader.finish() != parsed.manifest.weightsSha256) {
        throw FormatError(path,
                          QStringLiteral("weights.bin does not match its checksum (corrupted or "
                                         "edited bundle)"));
    }
    return out;
}

// ---- Writing --------------------------------------------------------------------------------

ValidationError invalidBundle(const QString& path, const QString& problem) {
    return ValidationError(path, QStringLiteral("cannot write an invalid bundle: ") + problem);
}

// Calls sink(bytes, size) with weights.bin's content, piece by piece.
template <typename Sink>
void encodeWeights(const std::vector<NamedTensor>& tensors, bool half, const QString& path,
                   Sink&& sink) {
    std::vector<std::uint16_t> halves;
    std::vector<float> swapped;
    for (const NamedTensor& t : tensors) {
        const auto count = static_cast<qint64>(t.data.size());
        for (qint64 begin = 0; begin < count; begin += kChunkValues) {
            const qint64 n = std::min(kChunkValues, count - begin);
            const float* src = t.data.data() + begin;
            if (!half) {
                if constexpr (kLittleEndian) {
                    sink(reinterpret_cast<const char*>(src), n * 4);
                } else {
                    swapped.assign(src, src + n);
                    std::transform(swapped.begin(), swapped.end(), swapped.begin(),
                                   byteSwapped<float>);
                    sink(reinterpret_cast<const char*>(swapped.data()), n * 4);
                }
                continue;
            }
            halves.resize(static_cast<std::size_t>(n));
            for (qint64 i = 0; i < n; ++i) {
                const std::uint16_t h = floatToHalf(src[i]);
                if ((h & 0x7fffu) == 0x7c00u && std::isfinite(src[i])) {
                    throw invalidBundle(
                        path, QStringLiteral("tensor \"%1\" holds %2, beyond float16's range "
                                             "(65504); store it as float32")
                                  .arg(QString::fromStdString(t.name))
                                  .arg(double(src[i])));
                }
                halves[static_cast<std::size_t>(i)] = kLittleEndian ? h : byteSwapped(h);
            }
            sink(reinterpret_cast<const char*>(halves.data()), n * 2);
        }
    }
}

void checkBeforeWriting(const QString& path, const ModelBundle& bundle) {
    const ModelManifest& m = bundle.manifest;
    for (const NamedTensor& t : bundle.tensors) {
        std::int64_t product = 1;
        for (std::int64_t d : t.shape) {
            product *= d < 0 ? 0 : d;
        }
        if (product != static_cast<std::int64_t>(t.data.size()) ||
            std::any_of(t.shape.begin(), t.shape.end(), [](std::int64_t d) { return d < 0; })) {
            throw invalidBundle(
                path, QStringLiteral("tensor \"%1\": shape %2 does not hold its %3 values")
                          .arg(QString::fromStdString(t.name), bundle::shapeText(t.shape))
                          .arg(t.data.size()));
        }
    }
    if (!m.templateLandmarks.allFinite()) {
        throw invalidBundle(path, QStringLiteral("the template holds NaN or infinite values"));
    }
    // Everything the reader checks, on the manifest about to be written.
    try {
        bundle::parseManifest(
            bundle::formatManifest(m, bundle.tensors, QString(64, QLatin1Char('0'))), path);
    } catch (const Error& e) {
        QString problem = e.problem();
        problem.remove(QRegularExpression(QStringLiteral("^manifest\\.json: ")));
        throw invalidBundle(path, problem);
    }
}

void writeZip(AtomicFile& out, const QString& path, const QByteArray& manifest,
              const std::vector<NamedTensor>& tensors, bool half, qint64 weightsBytes) {
    QuaZip zip(&out);
    zip.setAutoClose(false);
    zip.setZip64Enabled(weightsBytes >= 0xffff0000LL);
    if (!zip.open(QuaZip::mdCreate)) {
        throw IoError(path, QStringLiteral("cannot write: zip error %1").arg(zip.getZipError()));
    }
    auto writeAll = [&](QuaZipFile& file, const char* p, qint64 n) {
        if (file.write(p, n) != n) {
            throw IoError(path, QStringLiteral("cannot write: %1").arg(out.errorString()));
        }
    };
    writeZipEntry(zip, kManifestEntry, true, path,
                  [&](QuaZipFile& file) { writeAll(file, manifest.constData(), manifest.size()); });
    writeZipEntry(zip, kWeightsEntry, false, path, [&](QuaZipFile& file) {
        encodeWeights(tensors, half, path, [&](const char* p, qint64 n) { writeAll(file, p, n); });
    });
    zip.close();
    if (zip.getZipError() != ZIP_OK) {
        throw IoError(path, QStringLiteral("cannot write: zip error %1").arg(zip.getZipError()));
    }
}

} // namespace

ModelManifest readModelManifest(const QString& path) {
    QFile file;
    QuaZip zip;
    return openBundle(zip, file, path).manifest;
}

ModelBundle readModelBundle(const QString& path) {
    QFile file;
    QuaZip zip;
    bundle::ParsedManifest parsed = openBundle(zip, file, path);
    ModelBundle out;
    out.tensors = readWeights(zip, parsed, path);
    out.manifest = std::move(parsed.manifest);
    return out;
}

void writeModelBundle(const QString& path, const ModelBundle& bundle) {
    checkBeforeWriting(path, bundle);
    const bool half = bundle.manifest.weightsDtype == QLatin1String("float16");
    QCryptographicHash sha(QCryptographicHash::Sha256);
    qint64 weightsBytes = 0;
    encodeWeights(bundle.tensors, half, path, [&](const char* p, qint64 n) {
        sha.addData(QByteArrayView(p, n));
        weightsBytes += n;
    });
    const QByteArray manifest = bundle::formatManifest(bundle.manifest, bundle.tensors,
                                                       QString::fromLatin1(sha.result().toHex()));

    // AtomicFile writes beside path and renames on commit(); QuaZip must not close it, so
    // autoClose is off and commit() is ours (it also throws for any failed write).
    AtomicFile out(path);
    out.openForWriting();
    try {
        writeZip(out, path, manifest, bundle.tensors, half, weightsBytes);
    } catch (const IoError&) {
        out.throwIfAWriteFailed(); // a full disk, say: its reason rather than the zip's
        throw;
    }
    out.commit();
}

} // namespace pal
