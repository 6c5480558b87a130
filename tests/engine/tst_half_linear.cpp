// The first Linear layer in float16 (core/engine/HalfLinear.h): the kernel against sums in
// double, the exact conversion, and PalNet with the layer held in float16 against the same
// network in float32, including a copy left stale by new weights.

#include "core/engine/HalfLinear.h"
#include "core/engine/PalNet.h"
#include "core/model/Float16.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using namespace pal;
using namespace pal::engine;

namespace {

// Weights that are float16 values exactly, as a bundle stored in float16 gives them.
std::vector<float> halfValues(std::size_t n, std::mt19937& rng, float scale) {
    std::normal_distribution<float> g(0.0f, scale);
    std::vector<float> v(n);
    for (float& x : v) {
        x = halfToFloat(floatToHalf(g(rng)));
    }
    return v;
}

std::vector<NamedTensor> roundedToHalf(std::vector<NamedTensor> weights) {
    for (NamedTensor& t : weights) {
        for (float& x : t.data) {
            x = halfToFloat(floatToHalf(x));
        }
    }
    return weights;
}

std::vector<float> randomPatches(int batch, const PalNetConfig& c, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-80.0f, 80.0f);
    std::vector<float> p(std::size_t(batch) * c.landmarks * c.patchSize * 3);
    for (float& x : p) {
        x = u(rng);
    }
    return p;
}

double largestDifference(const std::vector<float>& a, const std::vector<float>& b) {
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, std::abs(double(a[i]) - double(b[i])));
    }
    return worst;
}

} // namespace

class TestHalfLinear : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!halfLinearSupported()) {
            QSKIP("this processor lacks AVX2, FMA or F16C: the layer stays in float32 here");
        }
    }

    // Every output of the rows asked for, for 1 to 4 faces, against the sums in double; rows
    // outside the range are left alone. 1,003 inputs: the last three go through the scalar tail.
    void kernelMatchesSumsInDouble() {
        const std::int64_t in = 1003;
        const std::int64_t out = 37;
        std::mt19937 rng(7);
        const std::vector<float> w = halfValues(std::size_t(in * out), rng, 0.05f);
        std::vector<std::uint16_t> half(w.size());
        QVERIFY(toHalfExactly(w.data(), w.size(), half.data()));
        for (int batch = 1; batch <= kHalfLinearMaxBatch; ++batch) {
            std::uniform_real_distribution<float> u(-3.0f, 3.0f);
            std::vector<float> x(std::size_t(batch * in));
            for (float& v : x) {
                v = u(rng);
            }
            const std::int64_t first = 3;
            const std::int64_t last = 34; // 31 rows: four at a time and a remainder
            std::vector<float> y(std::size_t(batch * out), std::numeric_limits<float>::quiet_NaN());
            halfLinearRows(half.data(), in, out, first, last, x.data(), batch, y.data());
            for (int b = 0; b < batch; ++b) {
                for (std::int64_t o = 0; o < out; ++o) {
                    const float got = y[std::size_t(b * out + o)];
                    if (o < first || o >= last) {
                        QVERIFY2(std::isnan(got), "a row outside the range was written");
                        continue;
                    }
                    double sum = 0;
                    double magnitude = 0;
                    for (std::int64_t i = 0; i < in; ++i) {
                        const double term =
                            double(w[std::size_t(o * in + i)]) * double(x[std::size_t(b * in + i)]);
                        sum += term;
                        magnitude += std::abs(term);
                    }
                    QVERIFY2(std::abs(got - sum) <= 1e-5 * magnitude,
                             qPrintable(QStringLiteral("batch %1, face %2, row %3: %4 against %5")
                                            .arg(batch)
                                            .arg(b)
                                            .arg(o)
                                            .arg(got)
                                            .arg(sum)));
                }
            }
        }
    }

    // float16 values (subnormal ones, the largest, both zeros) convert exactly, bit for bit;
    // one value that is not, in the vector part or in the tail, refuses the whole.
    void onlyExactValuesConvert() {
        std::vector<float> v = {
            0.0f,        -0.0f, 65504.0f, -65504.0f, halfToFloat(0x0001), halfToFloat(0x83ff),
            1.0f / 1024, 0.5f,  -2.25f,   1.5f,      halfToFloat(0x3555)};
        std::vector<std::uint16_t> h(v.size());
        QVERIFY(toHalfExactly(v.data(), v.size(), h.data()));
        for (std::size_t i = 0; i < v.size(); ++i) {
            const float back = halfToFloat(h[i]);
            QVERIFY(std::memcmp(&back, &v[i], sizeof back) == 0);
        }
        for (std::size_t at : {std::size_t(3), v.size() - 1}) {
            std::vector<float> w = v;
            w[at] = 0.1f; // not a float16
            QVERIFY(!toHalfExactly(w.data(), w.size(), h.data()));
        }
    }

    // The network with its first layer in float16 predicts what the float32 one predicts, to
    // float rounding, when the weights are float16 values; with float32 weights it refuses.
    void networkPredictsTheSameInHalf() {
        const PalNetConfig c{200, 50};
        const std::vector<NamedTensor> weights =
            roundedToHalf(PalNet(c, 3, Device::Cpu).exportWeights());
        PalNet plain(c, 0, Device::Cpu);
        plain.importWeights(weights);
        PalNet half(c, 0, Device::Cpu);
        half.importWeights(weights);
        QVERIFY(half.holdFirstLayerInFloat16());
        QVERIFY(half.holdsFirstLayerInFloat16());
        for (int batch : {1, 3, kHalfLinearMaxBatch + 2}) {
            const std::vector<float> patches = randomPatches(batch, c, 11);
            const std::vector<float> a = plain.predict(patches.data(), batch);
            const std::vector<float> b = half.predict(patches.data(), batch);
            QCOMPARE(a.size(), b.size());
            QVERIFY2(largestDifference(a, b) < 1e-3,
                     qPrintable(QStringLiteral("batch %1: %2 mm apart")
                                    .arg(batch)
                                    .arg(largestDifference(a, b))));
            // Up to kHalfLinearMaxBatch faces the float16 product ran (its sums in another
            // order leave some last digits different); beyond, both took the float32 product.
            if (batch <= kHalfLinearMaxBatch) {
                QVERIFY(a != b);
            } else {
                QCOMPARE(a, b);
            }
        }
        PalNet unrounded(c, 3, Device::Cpu);
        QVERIFY(!unrounded.holdFirstLayerInFloat16());
        QVERIFY(!unrounded.holdsFirstLayerInFloat16());
    }

    // New weights leave the float16 copy unused: the network then predicts exactly what a
    // float32 network with those weights predicts.
    void newWeightsLeaveTheCopyUnused() {
        const PalNetConfig c{200, 50};
        PalNet net(c, 0, Device::Cpu);
        net.importWeights(roundedToHalf(PalNet(c, 3, Device::Cpu).exportWeights()));
        QVERIFY(net.holdFirstLayerInFloat16());
        const std::vector<NamedTensor> other =
            roundedToHalf(PalNet(c, 4, Device::Cpu).exportWeights());
        net.importWeights(other);
        QVERIFY(!net.holdsFirstLayerInFloat16());
        PalNet reference(c, 0, Device::Cpu);
        reference.importWeights(other);
        const std::vector<float> patches = randomPatches(1, c, 12);
        QCOMPARE(net.predict(patches.data(), 1), reference.predict(patches.data(), 1));
    }

    // So does a training step (the optimiser changes the weights in place).
    void aTrainingStepLeavesTheCopyUnused() {
        const PalNetConfig c{200, 50};
        PalNet net(c, 0, Device::Cpu);
        net.importWeights(roundedToHalf(PalNet(c, 3, Device::Cpu).exportWeights()));
        QVERIFY(net.holdFirstLayerInFloat16());
        net.startTraining(1e-3);
        const std::vector<float> patches = randomPatches(2, c, 13);
        const std::vector<float> targets(std::size_t(2) * c.landmarks * 3, 1.0f);
        net.trainStep(patches.data(), targets.data(), 2);
        QVERIFY(!net.holdsFirstLayerInFloat16());
    }
};

QTEST_GUILESS_MAIN(TestHalfLinear)
#include "tst_half_linear.moc"
