#include "core/errors/Error.h"
#include "core/io/Npy.h"
#include "core/io/Npz.h"
#include "tests/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using pal::test::dataPath;

class TestNpy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The fixtures were written by NumPy's np.save (tests/data/make_fixtures.py).
    void readsEveryLayoutNumpyWrites_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("float64, C order") << QStringLiteral("npy/transform_f8_c.npy");
        QTest::newRow("float32, C order") << QStringLiteral("npy/transform_f4_c.npy");
        QTest::newRow("float64, Fortran order") << QStringLiteral("npy/transform_f8_fortran.npy");
        QTest::newRow("float64, big endian") << QStringLiteral("npy/transform_f8_big_endian.npy");
    }
    void readsEveryLayoutNumpyWrites() {
        QFETCH(QString, file);
        Eigen::Matrix4d expected;
        expected << 0, -1, 0, 10, 1, 0, 0, -5, 0, 0, 1, 2.5, 0, 0, 0, 1;
        const Eigen::Matrix4d m = readNpyMatrix4(dataPath(file));
        QCOMPARE(m, expected);
    }

    void writerMatchesNumpyByteForByte() {
        const Eigen::Matrix4d m =
            readNpyMatrix4(dataPath(QStringLiteral("npy/transform_f8_c.npy")));
        QCOMPARE(formatNpyMatrix(m),
                 test::readAll(dataPath(QStringLiteral("npy/transform_f8_c.npy"))));
    }

    void roundTripsOtherShapes() {
        Eigen::MatrixXd m(2, 5);
        m << 1, 2, 3, 4, 5, -1e-300, 1e300, 0.1, -0.0, 7;
        const Eigen::MatrixXd back = parseNpyMatrix(formatNpyMatrix(m), QStringLiteral("memory"));
        QCOMPARE(back, m);
    }

    void rejectsTrailingData() {
        QByteArray data = formatNpyMatrix(Eigen::Matrix4d::Identity());
        data.append("xx");
        try {
            parseNpyMatrix(data, QStringLiteral("t.npy"));
            QFAIL("expected a FormatError");
        } catch (const FormatError& e) {
            QCOMPARE(e.message(),
                     QStringLiteral("t.npy: 2 bytes of unexpected data after the matrix"));
        }
    }

    // Arrays of any shape and dtype, as NumPy writes them: values come back in C order.
    void arraysOfIntegersAndFloats() {
        const std::vector<std::int64_t> v{0, 7, 123456789, 42};
        const NpyArray a = parseNpyArray(formatNpyIntegers(v), QStringLiteral("a.npy"));
        QVERIFY(a.isInteger);
        QCOMPARE(a.shape, (std::vector<Eigen::Index>{4}));
        QCOMPARE(a.integers, v);
        // A Fortran-order 2 x 3 uint8 array holding 0..5 in C order.
        QByteArray f("\x93NUMPY\x01\x00", 8);
        QByteArray header("{'descr': '|u1', 'fortran_order': True, 'shape': (2, 3), }");
        header.append(QByteArray(64 - 10 - header.size() - 1, ' ')).append('\n');
        f.append(char(header.size() & 0xff)).append(char(header.size() >> 8)).append(header);
        f.append(QByteArray("\x00\x03\x01\x04\x02\x05", 6)); // column by column
        const NpyArray b = parseNpyArray(f, QStringLiteral("b.npy"));
        QCOMPARE(b.shape, (std::vector<Eigen::Index>{2, 3}));
        QCOMPARE(b.integers, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
        const NpyArray m = parseNpyArray(formatNpyMatrix(Eigen::Matrix2d{{1, 2}, {3, 4}}),
                                         QStringLiteral("m.npy"));
        QVERIFY(!m.isInteger);
        QCOMPARE(m.values, (std::vector<double>{1, 2, 3, 4}));
        // The matrix reader still wants floats.
        try {
            parseNpyMatrix(formatNpyIntegers(v), QStringLiteral("i.npy"));
            QFAIL("integers read as a float matrix");
        } catch (const FormatError& e) {
            QCOMPARE(e.problem(),
                     QStringLiteral("unsupported dtype '<i8' (expected float64 or float32)"));
        }
    }

    void arrayCountsAreCheckedBeforeAllocating() {
        QByteArray data = formatNpyIntegers({1, 2, 3});
        data.replace("(3,)", "(9,)");
        try {
            parseNpyArray(data, QStringLiteral("c.npy"));
            QFAIL("accepted");
        } catch (const FormatError& e) {
            QCOMPARE(e.problem(), QStringLiteral("truncated: 72 bytes of data expected, 24 found"));
        }
    }

    void npzArchivesRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.npz"));
        writeNpz(path, {{QStringLiteral("v10"), formatNpyIntegers({5, 6})},
                        {QStringLiteral("t"), formatNpyMatrix(Eigen::Matrix4d::Identity())}});
        const NpzFile npz = NpzFile::read(path);
        QCOMPARE(npz.names(), (QStringList{"v10", "t"}));
        QCOMPARE(npz.array(QStringLiteral("v10")).integers, (std::vector<std::int64_t>{5, 6}));
        QCOMPARE(npz.array(QStringLiteral("t")).values.size(), std::size_t(16));
        try {
            npz.array(QStringLiteral("landmarks"));
            QFAIL("a missing array was found");
        } catch (const FormatError& e) {
            QCOMPARE(e.message(), path + QStringLiteral(": no array \"landmarks\" (the file "
                                                        "holds: v10, t)"));
        }
        test::writeAll(path, "not a zip");
        try {
            NpzFile::read(path);
            QFAIL("accepted");
        } catch (const FormatError& e) {
            QCOMPARE(e.problem(), QStringLiteral("not a zip archive (a NumPy .npz file is a zip "
                                                 "of .npy arrays)"));
        }
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
