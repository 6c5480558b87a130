#include "core/errors/Error.h"
#include "core/io/Npy.h"
#include "tests/TestSupport.h"

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
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
