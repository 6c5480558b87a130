// File names that are not UTF-8 (core/io/NativePath.h): every byte survives the round trip
// through QString, ordinary names decode exactly as Qt decodes them, and a dataset whose case
// folder is named in Latin-1 is listed, read and written beside, where Qt's own file classes
// answered "no such file or folder".

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"
#include "core/workflow/CaseFiles.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace pal;

namespace {

bool existsAsBytes(const QByteArray& path) {
    struct stat st {};
    return ::stat(path.constData(), &st) == 0;
}

// Copies a file (ordinary name) to a path given as raw bytes.
bool copyTo(const QString& from, const QByteArray& to) {
    const QByteArray bytes = test::readAll(from);
    FILE* f = std::fopen(to.constData(), "wb");
    if (!f) {
        return false;
    }
    const bool ok = std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), f) ==
                    std::size_t(bytes.size());
    return std::fclose(f) == 0 && ok;
}

} // namespace

class TestNativePath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyByteSurvives() {
        QRandomGenerator random(7);
        for (int round = 0; round < 20000; ++round) {
            QByteArray bytes(1 + int(random.bounded(12)), Qt::Uninitialized);
            for (char& b : bytes) {
                // Mostly the bytes of UTF-8 and Latin-1 text, with some of anything but NUL.
                b = char(random.bounded(4) == 0 ? random.bounded(1, 256)
                                                : 0x41 + random.bounded(0xBF));
            }
            QCOMPARE(nativePath(pathFromNative(bytes)), bytes);
        }
        // No file name holds a NUL (it would cut the name short): such a name names nothing.
        QCOMPARE(nativePath(QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")),
                 QByteArray());
    }

    void ordinaryNamesAreQtsOwn() {
        for (const char* name : {"S001/mesh.obj", "caso_\xc3\xa9/landmarks.txt", "\xe9\x9d\xa2/x",
                                 "emoji_\xf0\x9f\x98\x80.ply", ""}) {
            const QByteArray bytes(name);
            QCOMPARE(pathFromNative(bytes), QFile::decodeName(bytes));
            QCOMPARE(nativePath(QFile::decodeName(bytes)), bytes);
        }
        // Latin-1 'é' alone is not UTF-8: Qt makes it U+FFFD, which leads nowhere.
        QCOMPARE(QFile::encodeName(QFile::decodeName("caso_\xe9")),
                 QByteArray("caso_\xef\xbf\xbd"));
        QCOMPARE(nativePath(pathFromNative("caso_\xe9")), QByteArray("caso_\xe9"));
        // Overlong forms and encoded surrogates are not UTF-8 either: kept byte for byte.
        for (const char* odd : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"}) {
            QCOMPARE(nativePath(pathFromNative(odd)), QByteArray(odd));
        }
    }

    void pathsAreMadeAbsoluteWithoutLosingBytes() {
        const QString name = pathFromNative("caso_\xe9");
        QCOMPARE(absolutePath(QStringLiteral("/data/") + name + QStringLiteral("/./mesh.obj")),
                 QStringLiteral("/data/") + name + QStringLiteral("/mesh.obj"));
        QCOMPARE(folderOf(QStringLiteral("/data/") + name + QStringLiteral("/mesh.obj")),
                 QStringLiteral("/data/") + name);
        QVERIFY(absolutePath(name).startsWith(QLatin1Char('/')));
        QVERIFY(absolutePath(name).endsWith(name));
    }

    void aCaseFolderNamedInLatin1() {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        const QByteArray caseBytes = root + "/caso_\xe9";
        const pal::test::RemoveTree remove{
            caseBytes}; // QTemporaryDir cannot remove what Qt cannot name
        QCOMPARE(::mkdir(caseBytes.constData(), 0755), 0);
        QVERIFY(copyTo(test::dataPath(QStringLiteral("mesh/tetra_binary.ply")),
                       caseBytes + "/mesh.ply"));
        QVERIFY(copyTo(test::dataPath(QStringLiteral("lafas/valid.txt")),
                       caseBytes + "/landmarks.txt"));
        QVERIFY(copyTo(test::dataPath(QStringLiteral("npy/transform_f8_c.npy")),
                       caseBytes + "/transformation_matrix.npy"));

        // Listed and opened with its name intact; Qt alone cannot find what it lists.
        const Dataset ds = Dataset::open(dir.path());
        QCOMPARE(int(ds.cases().size()), 1);
        const Case& c = ds.cases().front();
        QCOMPARE(nativePath(c.id()), QByteArray("caso_\xe9"));
        QVERIFY(!QFileInfo::exists(c.files().mesh));
        QCOMPARE(c.readMesh(nullptr, false).vertexCount(), Eigen::Index(4));
        QVERIFY(c.hasTransform());
        QCOMPARE(c.readLandmarks().landmarks.presentCount(), 50);

        // Written beside it, under the same bytes, atomically.
        const QString predicted = predictionPath(c);
        writeLandmarks(predicted, c.readLandmarks().landmarks);
        QVERIFY(existsAsBytes(caseBytes + "/landmarks.predicted.txt"));
        QCOMPARE(folderEntries(dir.path(), PathKind::Folder), QStringList{c.id()}); // no other
        // Also opened by its own path, as the command line gets it.
        QCOMPARE(Case::open(pathFromNative(caseBytes)).id(), c.id());
    }
};

QTEST_GUILESS_MAIN(TestNativePath)
#include "tst_native_path.moc"
