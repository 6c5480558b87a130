// Float16 conversion of model weights: IEEE 754 binary16, round to nearest even, every one
// of the 65,536 half values round-tripped.

#include "core/model/Float16.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>

using namespace pal;

class TestFloat16 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void float16KnownValues_data() {
        QTest::addColumn<float>("value");
        QTest::addColumn<int>("bits");
        const auto p2 = [](int e) { return std::ldexp(1.0f, e); };
        QTest::newRow("1") << 1.0f << 0x3c00;
        QTest::newRow("-2.5") << -2.5f << 0xc100;
        QTest::newRow("0.1") << 0.1f << 0x2e66;
        QTest::newRow("65504, largest finite") << 65504.0f << 0x7bff;
        QTest::newRow("65519 rounds down") << 65519.0f << 0x7bff;
        QTest::newRow("65520 rounds to infinity") << 65520.0f << 0x7c00;
        QTest::newRow("-0") << -0.0f << 0x8000;
        QTest::newRow("infinity") << std::numeric_limits<float>::infinity() << 0x7c00;
        QTest::newRow("2^-24, smallest subnormal") << p2(-24) << 0x0001;
        QTest::newRow("2^-25 ties to even zero") << p2(-25) << 0x0000;
        QTest::newRow("-2^-25 ties to even -0") << -p2(-25) << 0x8000;
        QTest::newRow("just above 2^-25 rounds up") << std::nextafter(p2(-25), 1.0f) << 0x0001;
        QTest::newRow("1.5 x 2^-24 ties to even 2") << 1.5f * p2(-24) << 0x0002;
        QTest::newRow("2.5 x 2^-24 ties to even 2") << 2.5f * p2(-24) << 0x0002;
        QTest::newRow("1023 x 2^-24, largest subnormal") << 1023.0f * p2(-24) << 0x03ff;
        QTest::newRow("2^-14 - 2^-25 ties up to smallest normal") << p2(-14) - p2(-25) << 0x0400;
        QTest::newRow("2^-14, smallest normal") << p2(-14) << 0x0400;
        QTest::newRow("1 + 2^-11 ties to even 1") << 1.0f + p2(-11) << 0x3c00;
        QTest::newRow("1 + 3 x 2^-11 ties to even 1 + 2^-9") << 1.0f + 3.0f * p2(-11) << 0x3c02;
        QTest::newRow("2047.5 carries into the exponent") << 2047.5f << 0x6800;
    }
    void float16KnownValues() {
        QFETCH(float, value);
        QFETCH(int, bits);
        QCOMPARE(int(floatToHalf(value)), bits);
    }

    void float16NaNStaysNaN() {
        const std::uint16_t h = floatToHalf(std::numeric_limits<float>::quiet_NaN());
        QCOMPARE(h & 0x7c00, 0x7c00);
        QVERIFY((h & 0x3ff) != 0);
        QVERIFY(std::isnan(halfToFloat(h)));
    }

    void float16EveryValueRoundTrips() {
        for (std::uint32_t h = 0; h <= 0xffff; ++h) {
            const float f = halfToFloat(static_cast<std::uint16_t>(h));
            if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0) {
                QVERIFY(std::isnan(f));
                continue;
            }
            if (floatToHalf(f) != h) {
                QFAIL(qPrintable(QStringLiteral("0x%1 -> %2 -> 0x%3")
                                     .arg(h, 4, 16, QLatin1Char('0'))
                                     .arg(double(f))
                                     .arg(floatToHalf(f), 4, 16, QLatin1Char('0'))));
            }
        }
        QCOMPARE(halfToFloat(0x0001), std::ldexp(1.0f, -24));
        QCOMPARE(halfToFloat(0xfbff), -65504.0f);
    }
};

QTEST_GUILESS_MAIN(TestFloat16)
#include "tst_float16.moc"
