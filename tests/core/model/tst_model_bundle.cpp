#include "core/errors/Error.h"
#include "core/landmarks/LandmarkSchema.h"
#include "core/model/Float16.h"
#include "core/model/ModelBundle.h"
#include "tests/FullDisk.h"
#include "tests/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>

using namespace pal;
using pal::test::dataPath;

namespace {

// A small bundle: the real schema and a template, a few tensors of awkward shapes.
ModelBundle sampleBundle(const QString& dtype) {
    ModelBundle b;
    ModelManifest& m = b.manifest;
    m.variant = QStringLiteral("no-attention");
    m.patchSize = 300;
    m.landmarks = 50;
    const auto schema = LandmarkSchema::lafas50();
    m.schemaId = schema->id();
    for (int i = 0; i < schema->size(); ++i) {
        m.schemaKeys << schema->key(i);
    }
    m.templateLandmarks.resize(50, 3);
    for (int i = 0; i < 50; ++i) {
        m.templateLandmarks.row(i) << 0.1 * i - 2.5, 1.0 / (i + 3), -1e-7 * i * i + 42.125;
    }
    m.postProcessing = QStringLiteral("average");
    m.provenance =
        QJsonObject{{QStringLiteral("createdBy"), QStringLiteral("tst_model_bundle")},
                    {QStringLiteral("created"), QStringLiteral("2024-05-01")},
                    {QStringLiteral("seed"), 1234},
                    {QStringLiteral("cases"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                    {QStringLiteral("notice"), QStringLiteral("Ünïcödé, \"quotes\"")}};
    m.metrics = QJsonObject{{QStringLiteral("meanErrorMm"), 2.345678901234},
                            {QStringLiteral("folds"), QJsonArray{1.5, 2.5}}};
    m.weightsDtype = dtype;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> uniform(-3.0f, 3.0f);
    NamedTensor conv{"conv1a.weight", {32, 3, 1, 1}, std::vector<float>(96)};
    for (float& v : conv.data) {
        v = uniform(rng);
    }
    NamedTensor bias{"conv1a.bias", {5}, {1.0f, -2.5f, 65504.0f, std::ldexp(1.0f, -24), -0.0f}};
    NamedTensor scalar{"scale", {}, {0.1f}};
    NamedTensor empty{"unused", {0, 4}, {}};
    b.tensors = {conv, bias, scalar, empty};
    return b;
}

// The entries of a zip, in order.
using Entries = std::vector<std::pair<QString, QByteArray>>;

Entries readEntries(const QString& path) {
    Entries out;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip)) {
        return out;
    }
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFile f(&zip);
        f.open(QIODevice::ReadOnly);
        out.emplace_back(zip.getCurrentFileName(), f.readAll());
    }
    return out;
}

void writeEntries(const QString& path, const Entries& entries) {
    QuaZip zip(path);
    QVERIFY(zip.open(QuaZip::mdCreate));
    for (const auto& [name, data] : entries) {
        QuaZipFile f(&zip);
        QVERIFY(f.open(QIODevice::WriteOnly, QuaZipNewInfo(name)));
        QCOMPARE(f.write(data), data.size());
        f.close();
    }
    zip.close();
    QCOMPARE(zip.getZipError(), 0);
}

QByteArray* entry(Entries& entries, const QString& name) {
    for (auto& [n, data] : entries) {
        if (n == name) {
            return &data;
        }
    }
    return nullptr;
}

// Rewrites manifest.json through edit (a zip whose other entries are unchanged).
void rewriteManifest(const QString& from, const QString& to,
                     const std::function<void(QJsonObject&)>& edit) {
    Entries entries = readEntries(from);
    QByteArray* manifest = entry(entries, QStringLiteral("manifest.json"));
    QVERIFY(manifest);
    QJsonObject root = QJsonDocument::fromJson(*manifest).object();
    edit(root);
    *manifest = QJsonDocument(root).toJson();
    writeEntries(to, entries);
}

// Runs f, expecting an error of type E whose message() is exactly message.
template <typename E> void expectError(const std::function<void()>& f, const QString& message) {
    try {
        f();
        QFAIL(qPrintable(QStringLiteral("expected an error: ") + message));
    } catch (const E& e) {
        QCOMPARE(e.message(), message);
    } catch (const Error& e) {
        QFAIL(qPrintable(QStringLiteral("wrong error type: ") + e.message()));
    }
}

// Spacing of float16 values around v (for |v| in the normal range), and half of it.
float halfUlp(float v) {
    const int e = std::max(std::ilogb(v), -14);
    return std::ldexp(1.0f, e - 11);
}

} // namespace

using ManifestEdit = std::function<void(QJsonObject&)>;
Q_DECLARE_METATYPE(ManifestEdit)

class TestModelBundle : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_valid; // a float32 bundle written by writeModelBundle

    QString tmp(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_valid = tmp(QStringLiteral("valid.palnet"));
        writeModelBundle(m_valid, sampleBundle(QStringLiteral("float32")));
    }

    // ---- round trips --------------------------------------------------------------------

    void roundTripFloat32IsBitExact() {
        const ModelBundle original = sampleBundle(QStringLiteral("float32"));
        const ModelBundle back = readModelBundle(m_valid);
        QCOMPARE(back.tensors.size(), original.tensors.size());
        for (std::size_t i = 0; i < original.tensors.size(); ++i) {
            const NamedTensor& a = original.tensors[i];
            const NamedTensor& b = back.tensors[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.shape, a.shape);
            QCOMPARE(b.data.size(), a.data.size());
            QVERIFY(a.data.empty() || // memcmp must not be given the null data of an empty tensor
                    std::memcmp(a.data.data(), b.data.data(), a.data.size() * sizeof(float)) == 0);
        }
        QVERIFY(std::signbit(back.find("conv1a.bias")->data[4])); // -0 kept
        QCOMPARE(back.find("scale")->data, std::vector<float>{0.1f});
        QVERIFY(back.find("scale")->shape.empty());
        QVERIFY(back.find("nothing") == nullptr);
    }

    void manifestFieldsRoundTrip() {
        const ModelManifest a = sampleBundle(QStringLiteral("float32")).manifest;
        const ModelManifest b = readModelBundle(m_valid).manifest;
        QCOMPARE(b.formatVersion, kBundleFormatVersion);
        QCOMPARE(b.variant, a.variant);
        QCOMPARE(b.patchSize, a.patchSize);
        QCOMPARE(b.landmarks, a.landmarks);
        QCOMPARE(b.schemaId, a.schemaId);
        QCOMPARE(b.schemaKeys, a.schemaKeys);
        QCOMPARE(b.templateLandmarks, a.templateLandmarks); // doubles exactly, through JSON
        QCOMPARE(b.postProcessing, a.postProcessing);
        QCOMPARE(b.provenance, a.provenance);
        QCOMPARE(b.metrics, a.metrics);
        QCOMPARE(b.weightsDtype, QStringLiteral("float32"));
        // The checksum is that of weights.bin as stored.
        Entries entries = readEntries(m_valid);
        QCOMPARE(entries.size(), std::size_t{2});
        QCOMPARE(entries[0].first, QStringLiteral("manifest.json"));
        QCOMPARE(entries[1].first, QStringLiteral("weights.bin"));
        QCOMPARE(
            b.weightsSha256,
            QString::fromLatin1(
                QCryptographicHash::hash(entries[1].second, QCryptographicHash::Sha256).toHex()));
        // Offsets and counts: back to back, little endian float32.
        const QJsonObject manifest = QJsonDocument::fromJson(entries[0].second).object();
        const QJsonArray tensors =
            manifest[QStringLiteral("weights")][QStringLiteral("tensors")].toArray();
        QCOMPARE(tensors.size(), 4);
        QCOMPARE(tensors[1][QStringLiteral("offset")].toInteger(), 96 * 4);
        QCOMPARE(tensors[1][QStringLiteral("count")].toInteger(), 5);
        QCOMPARE(tensors[2][QStringLiteral("offset")].toInteger(), 101 * 4);
        QCOMPARE(entries[1].second.size(), 102 * 4);
        QCOMPARE(entries[1].second.mid(96 * 4 + 4, 4), QByteArray("\x00\x00\x20\xc0", 4)); // -2.5f
    }

    void writingIsDeterministic() {
        const QString again = tmp(QStringLiteral("again.palnet"));
        writeModelBundle(again, readModelBundle(m_valid));
        QCOMPARE(test::readAll(again), test::readAll(m_valid));
    }

    void roundTripFloat16() {
        ModelBundle original = sampleBundle(QStringLiteral("float16"));
        const QString path = tmp(QStringLiteral("half.palnet"));
        writeModelBundle(path, original);
        const ModelBundle back = readModelBundle(path);
        QCOMPARE(back.manifest.weightsDtype, QStringLiteral("float16"));
        QCOMPARE(back.tensors.size(), original.tensors.size());
        for (std::size_t t = 0; t < original.tensors.size(); ++t) {
            const std::vector<float>& a = original.tensors[t].data;
            const std::vector<float>& b = back.tensors[t].data;
            QCOMPARE(b.size(), a.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QVERIFY2(
                    std::abs(a[i] - b[i]) <= halfUlp(a[i]),
                    qPrintable(QStringLiteral("%1 -> %2").arg(double(a[i])).arg(double(b[i]))));
            }
        }
        // Values float16 holds exactly come back exactly.
        QCOMPARE(back.find("conv1a.bias")->data,
                 (std::vector<float>{1.0f, -2.5f, 65504.0f, std::ldexp(1.0f, -24), -0.0f}));
        QCOMPARE(back.find("scale")->data[0], halfToFloat(0x2e66));
        // weights.bin holds little endian float16: 1.0 is 00 3c.
        const Entries entries = readEntries(path);
        QCOMPARE(entries[1].second.size(), 102 * 2);
        QCOMPARE(entries[1].second.mid(96 * 2, 10),
                 QByteArray("\x00\x3c\x00\xc1\xff\x7b\x01\x00\x00\x80", 10));
    }

    void readsManifestWithoutWeights() {
        // weights.bin with a wrong checksum: readModelManifest does not read the weights.
        const QString path = tmp(QStringLiteral("manifest_only.palnet"));
        Entries entries = readEntries(m_valid);
        (*entry(entries, QStringLiteral("weights.bin")))[0] ^= 1;
        writeEntries(path, entries);
        const ModelManifest m = readModelManifest(path);
        QCOMPARE(m.patchSize, 300);
        QCOMPARE(m.variant, QStringLiteral("no-attention"));
        QCOMPARE(m.templateLandmarks.rows(), 50);
        QCOMPARE(m.weightsSha256, readModelManifest(m_valid).weightsSha256);
        QVERIFY_THROWS_EXCEPTION(FormatError, readModelBundle(path));
    }

    void readsAFixtureWrittenByPython() {
        // tests/data/bundles/make_bundles.py, with Python's zipfile, json, hashlib and
        // struct ('<e' is float16, rounding to nearest even): deflated entries.
        const ModelBundle b =
            readModelBundle(dataPath(QStringLiteral("bundles/tiny_float16.palnet")));
        QCOMPARE(b.manifest.variant, QStringLiteral("attention"));
        QCOMPARE(b.manifest.patchSize, 100);
        QCOMPARE(b.manifest.postProcessing, QStringLiteral("closest"));
        QCOMPARE(b.manifest.provenance[QStringLiteral("createdBy")].toString(),
                 QStringLiteral("make_bundles.py"));
        QCOMPARE(b.manifest.templateLandmarks(49, 2), 49.5);
        QCOMPARE(b.tensors.size(), std::size_t{3});
        const NamedTensor* w = b.find("head.weight");
        QVERIFY(w);
        QCOMPARE(w->shape, (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(w->data, (std::vector<float>{1.0f, -2.5f, 65504.0f, std::ldexp(1.0f, -24), 0.0f,
                                              halfToFloat(0x2e66)}));
        QCOMPARE(b.find("head.bias")->data, (std::vector<float>{0.5f}));
        // Python rounded 1e-3, 2^-25 and 1 + 2^-11 as floatToHalf does.
        const std::vector<float> expected{1e-3f, std::ldexp(1.0f, -25),
                                          1.0f + std::ldexp(1.0f, -11)};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(b.find("rounding")->data[i], halfToFloat(floatToHalf(expected[i])));
        }
    }

    // ---- broken bundles -----------------------------------------------------------------

    void rejectsTruncatedZip() {
        const QString path = tmp(QStringLiteral("truncated.palnet"));
        const QByteArray whole = test::readAll(m_valid);
        test::writeAll(path, whole.left(whole.size() / 2));
        const QString message =
            path +
            QStringLiteral(": truncated or damaged zip archive (its central directory is missing)");
        expectError<FormatError>([&] { readModelBundle(path); }, message);
        expectError<FormatError>([&] { readModelManifest(path); }, message);
    }

    void rejectsOtherFiles() {
        const QString text = tmp(QStringLiteral("text.palnet"));
        test::writeAll(text, "{\"format\": \"palnet-bundle\"}");
        expectError<FormatError>(
            [&] { readModelBundle(text); },
            text + QStringLiteral(": not a zip archive (a .palnet model bundle is a zip file)"));
        const QString empty = tmp(QStringLiteral("empty.palnet"));
        test::writeAll(empty, QByteArray());
        expectError<FormatError>([&] { readModelBundle(empty); },
                                 empty + QStringLiteral(": file is empty"));
        const QString missing = tmp(QStringLiteral("missing.palnet"));
        expectError<IoError>([&] { readModelBundle(missing); },
                             missing + QStringLiteral(": file not found"));
    }

    void rejectsWrongChecksum() {
        const QString path = tmp(QStringLiteral("edited.palnet"));
        Entries entries = readEntries(m_valid);
        (*entry(entries, QStringLiteral("weights.bin")))[17] ^= 0x40;
        writeEntries(path, entries);
        expectError<FormatError>(
            [&] { readModelBundle(path); },
            path + QStringLiteral(
                       ": weights.bin does not match its checksum (corrupted or edited bundle)"));
    }

    void rejectsDamagedZipData() {
        // A byte flipped in the file itself: the zip's own CRC catches it.
        const QString path = tmp(QStringLiteral("flipped.palnet"));
        QByteArray bytes = test::readAll(m_valid);
        const QByteArray weights = readEntries(m_valid)[1].second;
        const qsizetype at = bytes.indexOf(weights); // stored, so the data appear as they are
        QVERIFY(at > 0);
        bytes[at + 100] = static_cast<char>(bytes[at + 100] ^ 0x01);
        test::writeAll(path, bytes);
        expectError<FormatError>([&] { readModelBundle(path); },
                                 path +
                                     QStringLiteral(": weights.bin is damaged (zip CRC mismatch)"));
    }

    void rejectsMissingEntries() {
        const QString noWeights = tmp(QStringLiteral("no_weights.palnet"));
        Entries entries = readEntries(m_valid);
        writeEntries(noWeights, {entries[0]});
        expectError<FormatError>([&] { readModelBundle(noWeights); },
                                 noWeights + QStringLiteral(": the bundle has no weights.bin"));
        expectError<FormatError>([&] { readModelManifest(noWeights); },
                                 noWeights + QStringLiteral(": the bundle has no weights.bin"));
        const QString noManifest = tmp(QStringLiteral("no_manifest.palnet"));
        writeEntries(noManifest, {entries[1]});
        expectError<FormatError>([&] { readModelBundle(noManifest); },
                                 noManifest + QStringLiteral(": the bundle has no manifest.json"));
    }

    void rejectsManifestThatIsNotJson() {
        const QString path = tmp(QStringLiteral("not_json.palnet"));
        Entries entries = readEntries(m_valid);
        entries[0].second = "{\"format\": \"palnet-bundle\",";
        writeEntries(path, entries);
        expectError<FormatError>(
            [&] { readModelBundle(path); },
            path + QStringLiteral(": manifest.json is not valid JSON (unterminated "
                                  "object at byte 27)"));
    }

    void rejectsWrongWeightsSize() {
        const QString path = tmp(QStringLiteral("short.palnet"));
        Entries entries = readEntries(m_valid);
        entries[1].second.chop(4);
        writeEntries(path, entries);
        expectError<FormatError>(
            [&] { readModelBundle(path); },
            path + QStringLiteral(": weights.bin holds 404 bytes; the manifest's tensors "
                                  "need 408 (102 float32 values)"));
    }

    void rejectsBrokenManifests_data() {
        QTest::addColumn<ManifestEdit>("edit");
        QTest::addColumn<bool>("validation"); // ValidationError, else FormatError
        QTest::addColumn<QString>("problem");
        const auto set = [](const QString& section, const QString& key, const QJsonValue& v) {
            return ManifestEdit([=](QJsonObject& root) {
                QJsonObject o = root[section].toObject();
                o[key] = v;
                root[section] = o;
            });
        };
        QTest::newRow("manifest from the future")
            << ManifestEdit([](QJsonObject& r) { r[QStringLiteral("formatVersion")] = 2; }) << false
            << QStringLiteral(
                   "made by a newer PAL Studio (bundle format 2; this version reads format 1)");
        QTest::newRow("future manifest with other fields")
            << ManifestEdit([](QJsonObject& r) {
                   r = QJsonObject{{QStringLiteral("format"), QStringLiteral("palnet-bundle")},
                                   {QStringLiteral("formatVersion"), 7}};
               })
            << false
            << QStringLiteral(
                   "made by a newer PAL Studio (bundle format 7; this version reads format 1)");
        QTest::newRow("format version 0")
            << ManifestEdit([](QJsonObject& r) { r[QStringLiteral("formatVersion")] = 0; }) << false
            << QStringLiteral("manifest.json: field \"formatVersion\" must be a positive integer");
        QTest::newRow("another format")
            << ManifestEdit(
                   [](QJsonObject& r) { r[QStringLiteral("format")] = QStringLiteral("onnx"); })
            << false
            << QStringLiteral("not a PAL Studio model bundle (\"format\" is \"onnx\", expected "
                              "\"palnet-bundle\")");
        QTest::newRow("no format")
            << ManifestEdit([](QJsonObject& r) { r.remove(QStringLiteral("format")); }) << false
            << QStringLiteral("not a PAL Studio model bundle (manifest.json has no \"format\")");
        QTest::newRow("K not a multiple of 100")
            << set(QStringLiteral("architecture"), QStringLiteral("patchSize"), 250) << true
            << QStringLiteral(
                   "manifest.json: \"architecture.patchSize\" is 250; the patch size must be a "
                   "positive multiple of 100");
        QTest::newRow("K of a billion")
            << set(QStringLiteral("architecture"), QStringLiteral("patchSize"), 1000000000) << true
            << QStringLiteral("manifest.json: \"architecture.patchSize\" is 1000000000; at most "
                              "20000 points per patch are supported");
        QTest::newRow("K not an integer")
            << set(QStringLiteral("architecture"), QStringLiteral("patchSize"), 300.5) << false
            << QStringLiteral("manifest.json: field \"architecture.patchSize\" must be an integer");
        QTest::newRow("no variant") << ManifestEdit([](QJsonObject& r) {
            QJsonObject a = r[QStringLiteral("architecture")].toObject();
            a.remove(QStringLiteral("variant"));
            r[QStringLiteral("architecture")] = a;
        }) << false << QStringLiteral("manifest.json: missing field \"architecture.variant\"");
        QTest::newRow("unknown variant")
            << set(QStringLiteral("architecture"), QStringLiteral("variant"),
                   QStringLiteral("top-k"))
            << true
            << QStringLiteral("manifest.json: \"architecture.variant\" is \"top-k\"; expected "
                              "one of attention, no-attention, top-k-attention, two-blocks, "
                              "no-dropout");
        QTest::newRow("another network")
            << set(QStringLiteral("architecture"), QStringLiteral("name"), QStringLiteral("ResNet"))
            << true
            << QStringLiteral("manifest.json: \"architecture.name\" is \"ResNet\"; this version "
                              "runs \"PALNET\"");
        QTest::newRow("49 landmarks")
            << set(QStringLiteral("architecture"), QStringLiteral("landmarks"), 49) << true
            << QStringLiteral(
                   "manifest.json: \"architecture.landmarks\" is 49; the LA-FAS-50 schema has 50 "
                   "landmarks");
        QTest::newRow("unknown schema")
            << set(QStringLiteral("schema"), QStringLiteral("id"), QStringLiteral("ibug-68"))
            << true
            << QStringLiteral("manifest.json: \"schema.id\" is \"ibug-68\"; this version knows "
                              "\"LA-FAS-50\", \"FaceScape-68\" and schemas the bundle defines "
                              "(\"schema.definition\")");
        QTest::newRow("schema keys in another order")
            << ManifestEdit([](QJsonObject& r) {
                   QJsonObject s = r[QStringLiteral("schema")].toObject();
                   QJsonArray keys = s[QStringLiteral("keys")].toArray();
                   const QJsonValue first = keys[0];
                   keys[0] = keys[1];
                   keys[1] = first;
                   s[QStringLiteral("keys")] = keys;
                   r[QStringLiteral("schema")] = s;
               })
            << true
            << QStringLiteral(
                   "manifest.json: \"schema.keys[0]\" is \"%1\"; LA-FAS-50 has \"%2\" there")
                   .arg(LandmarkSchema::lafas50()->key(1), LandmarkSchema::lafas50()->key(0));
        QTest::newRow("template with 49 rows")
            << ManifestEdit([](QJsonObject& r) {
                   QJsonArray t = r[QStringLiteral("template")].toArray();
                   t.removeLast();
                   r[QStringLiteral("template")] = t;
               })
            << true
            << QStringLiteral("manifest.json: \"template\" has 49 rows; expected 50 (one [x, y, z] "
                              "per landmark)");
        QTest::newRow("template row of 2")
            << ManifestEdit([](QJsonObject& r) {
                   QJsonArray t = r[QStringLiteral("template")].toArray();
                   t[3] = QJsonArray{1.0, 2.0};
                   r[QStringLiteral("template")] = t;
               })
            << false
            << QStringLiteral("manifest.json: field \"template[3]\" must be [x, y, z] (3 numbers)");
        QTest::newRow("template value 1e308")
            << ManifestEdit([](QJsonObject& r) {
                   QJsonArray t = r[QStringLiteral("template")].toArray();
                   t[7] = QJsonArray{1.0, 1e308, 2.0};
                   r[QStringLiteral("template")] = t;
               })
            << true
            << QStringLiteral("manifest.json: \"template[7]\" holds 1e+308; template coordinates "
                              "are millimetres within 1000 of the origin");
        QTest::newRow("unknown post-processing")
            << ManifestEdit([](QJsonObject& r) {
                   r[QStringLiteral("postProcessing")] = QStringLiteral("snap");
               })
            << true
            << QStringLiteral("manifest.json: \"postProcessing\" is \"snap\"; expected "
                              "\"closest\", \"average\", \"surface\" or \"none\"");
        QTest::newRow("provenance not an object") << ManifestEdit([](QJsonObject& r) {
            r[QStringLiteral("provenance")] = QStringLiteral("me");
        }) << false << QStringLiteral("manifest.json: field \"provenance\" must be an object");
        QTest::newRow("int8 weights")
            << set(QStringLiteral("weights"), QStringLiteral("dtype"), QStringLiteral("int8"))
            << false
            << QStringLiteral("manifest.json: \"weights.dtype\" is \"int8\"; expected \"float32\" "
                              "or \"float16\"");
        QTest::newRow("checksum not hex")
            << set(QStringLiteral("weights"), QStringLiteral("sha256"), QStringLiteral("abc"))
            << false
            << QStringLiteral(
                   "manifest.json: field \"weights.sha256\" must be 64 hexadecimal digits");
        const auto editTensor = [](int i, const QString& key, const QJsonValue& v) {
            return ManifestEdit([=](QJsonObject& r) {
                QJsonObject w = r[QStringLiteral("weights")].toObject();
                QJsonArray list = w[QStringLiteral("tensors")].toArray();
                QJsonObject t = list[i].toObject();
                t[key] = v;
                list[i] = t;
                w[QStringLiteral("tensors")] = list;
                r[QStringLiteral("weights")] = w;
            });
        };
        QTest::newRow("shape product is not the count")
            << editTensor(0, QStringLiteral("shape"), QJsonArray{32, 3, 1, 2}) << false
            << QStringLiteral("tensor \"conv1a.weight\": shape [32, 3, 1, 2] holds 192 values but "
                              "its count is 96");
        QTest::newRow("duplicate tensor names")
            << editTensor(1, QStringLiteral("name"), QStringLiteral("conv1a.weight")) << false
            << QStringLiteral("tensor \"conv1a.weight\" is listed twice in manifest.json");
        QTest::newRow("overlapping offsets")
            << editTensor(1, QStringLiteral("offset"), 380) << false
            << QStringLiteral("tensor \"conv1a.bias\": offset 380, expected 384 (tensors are "
                              "stored back to back "
                              "in manifest order)");
        QTest::newRow("negative count")
            << editTensor(2, QStringLiteral("count"), -1) << false
            << QStringLiteral("manifest.json: field \"weights.tensors[2].count\" must be a "
                              "non-negative integer");
        QTest::newRow("tensor without a name") << ManifestEdit([](QJsonObject& r) {
            QJsonObject w = r[QStringLiteral("weights")].toObject();
            QJsonArray list = w[QStringLiteral("tensors")].toArray();
            QJsonObject t = list[3].toObject();
            t.remove(QStringLiteral("name"));
            list[3] = t;
            w[QStringLiteral("tensors")] = list;
            r[QStringLiteral("weights")] = w;
        }) << false << QStringLiteral("manifest.json: missing field \"weights.tensors[3].name\"");
    }
    void rejectsBrokenManifests() {
        QFETCH(ManifestEdit, edit);
        QFETCH(bool, validation);
        QFETCH(QString, problem);
        const QString path = tmp(QStringLiteral("broken.palnet"));
        rewriteManifest(m_valid, path, edit);
        const QString message = path + QStringLiteral(": ") + problem;
        if (validation) {
            expectError<ValidationError>([&] { readModelBundle(path); }, message);
            expectError<ValidationError>([&] { readModelManifest(path); }, message);
        } else {
            expectError<FormatError>([&] { readModelBundle(path); }, message);
            expectError<FormatError>([&] { readModelManifest(path); }, message);
        }
    }

    // ---- writing ------------------------------------------------------------------------

    void writerRefusesInvalidBundles_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("problem");
        QTest::newRow("K not a multiple of 100")
            << 0
            << QStringLiteral("\"architecture.patchSize\" is 250; the patch size must be a "
                              "positive multiple of 100");
        QTest::newRow("data not matching the shape")
            << 1 << QStringLiteral("tensor \"scale\": shape [2] does not hold its 1 values");
        QTest::newRow("beyond float16")
            << 2
            << QStringLiteral("tensor \"conv1a.bias\" holds 100000, beyond float16's range "
                              "(65504); store it as "
                              "float32");
        QTest::newRow("NaN in the template")
            << 3 << QStringLiteral("the template holds NaN or infinite values");
        QTest::newRow("no schema keys")
            << 4 << QStringLiteral("\"schema.keys\" has 0 keys; LA-FAS-50 has 50");
    }
    void writerRefusesInvalidBundles() {
        QFETCH(int, which);
        QFETCH(QString, problem);
        ModelBundle b = sampleBundle(QStringLiteral("float32"));
        switch (which) {
        case 0:
            b.manifest.patchSize = 250;
            break;
        case 1:
            b.tensors[2].shape = {2};
            break;
        case 2:
            b.manifest.weightsDtype = QStringLiteral("float16");
            b.tensors[1].data[2] = 1e5f;
            break;
        case 3:
            b.manifest.templateLandmarks(7, 1) = std::nan("");
            break;
        default:
            b.manifest.schemaKeys.clear();
            break;
        }
        // Writing over an existing bundle: it stays as it was, and nothing is left beside it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.palnet"));
        QVERIFY(QFile::copy(m_valid, path));
        expectError<ValidationError>([&] { writeModelBundle(path, b); },
                                     path + QStringLiteral(": cannot write an invalid bundle: ") +
                                         problem);
        QCOMPARE(test::readAll(path), test::readAll(m_valid));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("model.palnet")});
    }

    void writerReportsUnwritablePaths() {
        const QString path = tmp(QStringLiteral("no/such/folder/model.palnet"));
        try {
            writeModelBundle(path, sampleBundle(QStringLiteral("float32")));
            QFAIL("expected an IoError");
        } catch (const IoError& e) {
            QCOMPARE(e.file(), path);
            QVERIFY(e.problem().startsWith(QStringLiteral("cannot write: ")));
        }
    }

    void writerReplacesAnExistingBundle() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.palnet"));
        QVERIFY(QFile::copy(m_valid, path));
        writeModelBundle(path, sampleBundle(QStringLiteral("float16")));
        QCOMPARE(readModelManifest(path).weightsDtype, QStringLiteral("float16"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("model.palnet")});
    }

    // Onto a real full disk (tests/FullDisk.h; skipped where no tmpfs can be mounted): the
    // bundle that was there stays byte for byte, the error names it and the system's reason.
    void aFullDiskKeepsTheOldBundle() {
        test::FullDisk disk;
        if (!disk.available()) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const QString path = disk.filePath(QStringLiteral("model.palnet"));
        QVERIFY(QFile::copy(m_valid, path));
        QVERIFY(disk.fill());
        QString message;
        try {
            writeModelBundle(path, sampleBundle(QStringLiteral("float16")));
        } catch (const IoError& e) {
            message = e.message();
        }
        QVERIFY2(message.startsWith(path) &&
                     message.contains(QStringLiteral("No space left on device")) &&
                     message.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(message));
        QCOMPARE(test::readAll(path), test::readAll(m_valid));
        QCOMPARE(QDir(disk.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("model.palnet")});
    }
};

int main(int argc, char** argv) {
    pal::test::FullDisk::isolateMounts(); // before any thread: see tests/FullDisk.h
    QCoreApplication app(argc, argv);
    TestModelBundle t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_model_bundle.moc"
