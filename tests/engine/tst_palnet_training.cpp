// Training steps of PAL-Net: the loss goes down on a small learnable problem, the loss
// matches the spec's definition computed by hand, a checkpoint resumes exactly, and steps reuse
// the memory of the steps before them without holding more than their peak.

#include "core/engine/PalNet.h"
#include "core/engine/TensorMemory.h"
#include "core/errors/Error.h"

#include <Eigen/Core>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <barrier>
#include <mutex>
#include <random>
#include <thread>

using namespace pal;
using namespace pal::engine;

namespace {

constexpr int L = 50;
constexpr int K = 100;

// Patches of random points; the target of a landmark is the centroid of its patch (a
// function the network can learn).
void makeBatch(int batch, unsigned seed, std::vector<float>& patches, std::vector<float>& targets) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, 1.0f);
    patches.assign(static_cast<std::size_t>(batch) * L * K * 3, 0.0f);
    targets.assign(static_cast<std::size_t>(batch) * L * 3, 0.0f);
    for (int b = 0; b < batch; ++b) {
        for (int l = 0; l < L; ++l) {
            const float cx = 10.0f * n(rng);
            const float cy = 10.0f * n(rng);
            const float cz = 10.0f * n(rng);
            for (int k = 0; k < K; ++k) {
                float* p = &patches[((static_cast<std::size_t>(b) * L + l) * K + k) * 3];
                p[0] = cx + n(rng);
                p[1] = cy + n(rng);
                p[2] = cz + n(rng);
                for (int c = 0; c < 3; ++c) {
                    targets[(static_cast<std::size_t>(b) * L + l) * 3 + c] += p[c] / K;
                }
            }
        }
    }
}

double handLoss(const std::vector<float>& pred, const std::vector<float>& target, int batch) {
    double loc = 0;
    double dist = 0;
    for (int b = 0; b < batch; ++b) {
        Eigen::MatrixX3d p(L, 3);
        Eigen::MatrixX3d t(L, 3);
        for (int l = 0; l < L; ++l) {
            for (int c = 0; c < 3; ++c) {
                p(l, c) = pred[(static_cast<std::size_t>(b) * L + l) * 3 + c];
                t(l, c) = target[(static_cast<std::size_t>(b) * L + l) * 3 + c];
            }
        }
        loc += (p - t).rowwise().norm().mean();
        for (int i = 0; i < L; ++i) {
            for (int j = 0; j < L; ++j) {
                dist +=
                    std::abs((p.row(i) - p.row(j)).norm() - (t.row(i) - t.row(j)).norm()) / (L * L);
            }
        }
    }
    return 0.6 * loc / batch + 0.4 * dist / batch;
}

// Two "processes" in one: threads that each train their part of a batch and sum their
// gradient arrays through this, as a process group's allreduce would.
class TwoParts {
public:
    void sum(float* data, std::size_t n) {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_total.empty()) {
                m_total.assign(n, 0.0f);
            }
            for (std::size_t i = 0; i < n; ++i) {
                m_total[i] += data[i];
            }
        }
        m_sync.arrive_and_wait(); // both added
        std::copy(m_total.begin(), m_total.end(), data);
        m_sync.arrive_and_wait(); // both copied; the total is cleared for the next sum
    }

private:
    struct Clear {
        TwoParts* self;
        void operator()() noexcept {
            if (++self->m_phase % 2 == 0) {
                self->m_total.clear();
            }
        }
    };
    std::mutex m_mutex;
    std::vector<float> m_total;
    int m_phase = 0;
    std::barrier<Clear> m_sync{2, Clear{this}};
};

// The largest difference between two sets of weights, and how many differ by more than 1e-5.
struct WeightDifference {
    std::size_t total = 0, apart = 0;
    float worst = 0;
    QString worstTensor;
    QString summary() const {
        return QStringLiteral("%1 of %2 weights differ by more than 1e-5; the most, by %3, in %4")
            .arg(apart)
            .arg(total)
            .arg(static_cast<double>(worst))
            .arg(worstTensor);
    }
};
WeightDifference compareWeights(const std::vector<NamedTensor>& a,
                                const std::vector<NamedTensor>& b) {
    WeightDifference d;
    for (std::size_t t = 0; t < a.size() && t < b.size(); ++t) {
        for (std::size_t i = 0; i < a[t].data.size() && i < b[t].data.size(); ++i) {
            const float e = std::abs(a[t].data[i] - b[t].data[i]);
            ++d.total;
            d.apart += e > 1e-5f ? 1 : 0;
            if (e > d.worst) {
                d.worst = e;
                d.worstTensor = QString::fromStdString(a[t].name);
            }
        }
    }
    return d;
}

} // namespace

Q_DECLARE_METATYPE(pal::NetworkVariant)

class TestPalNetTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossIsTheSpecsLoss() {
        PalNet net(PalNetConfig{K, L}, 1, Device::Cpu);
        std::vector<float> patches, targets;
        makeBatch(3, 5, patches, targets);
        const PalNet::Loss loss = net.evaluate(patches.data(), targets.data(), 3);
        const std::vector<float> pred = net.predict(patches.data(), 3);
        QVERIFY2(
            std::abs(loss.total - handLoss(pred, targets, 3)) < 1e-3 * loss.total,
            qPrintable(QStringLiteral("%1 vs %2").arg(loss.total).arg(handLoss(pred, targets, 3))));
        QVERIFY(std::abs(loss.total - (0.6 * loss.localisation + 0.4 * loss.distance)) <
                1e-6 * loss.total);
    }

    void lossGoesDown() {
        PalNet::seedRandom(3);
        PalNet net(PalNetConfig{K, L}, 3, Device::Cpu);
        net.startTraining(1e-3);
        std::vector<float> patches, targets;
        makeBatch(4, 11, patches, targets);
        const double before = net.evaluate(patches.data(), targets.data(), 4).total;
        for (int step = 0; step < 40; ++step) {
            net.trainStep(patches.data(), targets.data(), 4);
        }
        const double after = net.evaluate(patches.data(), targets.data(), 4).total;
        QVERIFY2(after < 0.5 * before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QVERIFY(std::abs(net.learningRate() - 1e-3) < 1e-12);
        net.setLearningRate(5e-4);
        QVERIFY(std::abs(net.learningRate() - 5e-4) < 1e-12);
    }

    // Every variant trains (its loss halves in 40 steps on one batch); without dropout the
    // training pass is the evaluation pass (the loss trainStep reports before its step is the
    // one evaluate gives), with it the two differ.
    void everyVariantTrains_data() {
        QTest::addColumn<NetworkVariant>("variant");
        for (const QString& name : variantNames()) {
            QTest::newRow(qPrintable(name)) << *variantFromName(name);
        }
    }
    void everyVariantTrains() {
        QFETCH(NetworkVariant, variant);
        PalNet::seedRandom(3);
        PalNet net(PalNetConfig{K, L, variant}, 3, Device::Cpu);
        net.startTraining(1e-3);
        std::vector<float> patches, targets;
        makeBatch(4, 11, patches, targets);
        const double before = net.evaluate(patches.data(), targets.data(), 4).total;
        const double firstStep = net.trainStep(patches.data(), targets.data(), 4).total;
        if (variant == NetworkVariant::NoDropout) {
            QVERIFY2(std::abs(firstStep - before) <= 1e-6 * before,
                     qPrintable(QStringLiteral("%1 vs %2").arg(firstStep).arg(before)));
        } else {
            QVERIFY2(std::abs(firstStep - before) > 1e-4 * before,
                     qPrintable(QStringLiteral("%1 vs %2").arg(firstStep).arg(before)));
        }
        for (int step = 1; step < 40; ++step) {
            net.trainStep(patches.data(), targets.data(), 4);
        }
        const double after = net.evaluate(patches.data(), targets.data(), 4).total;
        QVERIFY2(after < 0.5 * before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }

    // A step in micro-batches (the first Linear layer's gradient formed by the optimiser, a
    // few rows at a time) is the plain autograd step: same losses and weights after 3 steps,
    // up to float rounding, whatever the micro-batch (one face, uneven, the whole batch), with
    // every block training or the convolution blocks frozen (fine-tuning).
    void microBatchesMakeThePlainStep_data() {
        QTest::addColumn<int>("microBatch");
        QTest::addColumn<int>("frozenBlocks");
        QTest::newRow("1 face") << 1 << 0;
        QTest::newRow("3 faces of 7") << 3 << 0;
        QTest::newRow("the whole batch") << 7 << 0;
        QTest::newRow("more than the batch") << 16 << 0;
        QTest::newRow("3 faces, blocks frozen") << 3 << 3;
    }
    void microBatchesMakeThePlainStep() {
        QFETCH(int, microBatch);
        QFETCH(int, frozenBlocks);
        std::vector<float> patches, targets;
        makeBatch(7, 21, patches, targets);
        auto run = [&](int faces, std::vector<double>& losses) {
            PalNet net(PalNetConfig{K, L, NetworkVariant::NoDropout}, 5, Device::Cpu);
            net.setMicroBatch(faces);
            net.startTraining(1e-3, frozenBlocks);
            for (int step = 0; step < 3; ++step) {
                losses.push_back(net.trainStep(patches.data(), targets.data(), 7).total);
            }
            return net.exportWeights();
        };
        {
            PalNet net(PalNetConfig{K, L}, 5, Device::Cpu);
            QCOMPARE(net.microBatch(), PalNet::kDefaultMicroBatch);
            net.setMicroBatch(microBatch);
            QCOMPARE(net.microBatch(), microBatch);
        }
        // The validation loss, a micro-batch at a time, is the whole batch's.
        {
            PalNet net(PalNetConfig{K, L, NetworkVariant::NoDropout}, 5, Device::Cpu);
            net.setMicroBatch(0);
            const double whole = net.evaluate(patches.data(), targets.data(), 7).total;
            net.setMicroBatch(microBatch);
            const double parts = net.evaluate(patches.data(), targets.data(), 7).total;
            QVERIFY2(
                std::abs(parts - whole) <= 1e-6 * whole,
                qPrintable(QStringLiteral("%1 vs %2").arg(parts, 0, 'g', 9).arg(whole, 0, 'g', 9)));
        }
        std::vector<double> plainLosses, losses;
        const std::vector<NamedTensor> plain = run(0, plainLosses);
        const std::vector<NamedTensor> split = run(microBatch, losses);
        for (std::size_t i = 0; i < losses.size(); ++i) {
            QVERIFY2(std::abs(losses[i] - plainLosses[i]) <= 1e-5 * plainLosses[i],
                     qPrintable(QStringLiteral("step %1: %2 vs %3")
                                    .arg(i)
                                    .arg(losses[i], 0, 'g', 9)
                                    .arg(plainLosses[i], 0, 'g', 9)));
        }
        // Float sums in another order: almost every weight agrees to rounding; Adam divides
        // each gradient by its own running size, so a weight whose gradient is a near-cancelling
        // (rounding-sized) sum can step differently, by at most about the learning rate.
        QCOMPARE(split.size(), plain.size());
        for (std::size_t t = 0; t < plain.size(); ++t) {
            QCOMPARE(split[t].name, plain[t].name);
        }
        const WeightDifference d = compareWeights(split, plain);
        QVERIFY2(d.apart * 100000 <= d.total, qPrintable(d.summary()));
        qInfo("%s", qPrintable(d.summary()));
        // The steps changed the weights: the comparison is not between two untouched networks.
        const std::vector<NamedTensor> untouched =
            PalNet(PalNetConfig{K, L, NetworkVariant::NoDropout}, 5, Device::Cpu).exportWeights();
        const auto fc1 = std::find_if(plain.begin(), plain.end(),
                                      [](const NamedTensor& t) { return t.name == "fc1.weight"; });
        QVERIFY(fc1 != plain.end());
        const auto before =
            std::find_if(untouched.begin(), untouched.end(),
                         [](const NamedTensor& t) { return t.name == "fc1.weight"; });
        QVERIFY(fc1->data != before->data);
    }

    // Two parts of a batch trained side by side (faces at positions 0, 2, 4, ... and 1, 3, ...,
    // as the processes of a data-parallel run take them), their gradients summed and the first
    // Linear layer's rows gathered: both parts end with the same weights, which are the one
    // plain step's on the whole batch, whatever the micro-batch; a part may have no face.
    void partsOfABatchMakeTheWholeStep_data() {
        QTest::addColumn<int>("faces");
        QTest::addColumn<int>("microBatch");
        QTest::newRow("7 faces, micro-batches of 1") << 7 << 1;
        QTest::newRow("7 faces, micro-batches of 3") << 7 << 3;
        QTest::newRow("1 face: the second part has none") << 1 << 8;
        QTest::newRow("7 faces, each part's plain step (gradients summed)") << 7 << 0;
    }
    void partsOfABatchMakeTheWholeStep() {
        QFETCH(int, faces);
        QFETCH(int, microBatch);
        const PalNetConfig config{K, L, NetworkVariant::NoDropout};
        std::vector<float> patches, targets;
        makeBatch(faces, 23, patches, targets);
        const std::size_t faceFloats = std::size_t(L) * K * 3;
        PalNet whole(config, 5, Device::Cpu);
        whole.setMicroBatch(0);
        whole.startTraining(1e-3);
        std::vector<double> wholeLosses;
        for (int step = 0; step < 3; ++step) {
            wholeLosses.push_back(whole.trainStep(patches.data(), targets.data(), faces).total);
        }
        TwoParts group;
        std::array<std::vector<NamedTensor>, 2> weights;
        std::array<std::vector<double>, 2> losses;
        std::array<QString, 2> errors;
        // Made one after the other: initialisation draws from torch's one random generator.
        std::array<PalNet, 2> nets{PalNet(config, 5, Device::Cpu), PalNet(config, 5, Device::Cpu)};
        auto part = [&](int rank) {
            try {
                std::vector<float> p, t;
                int mine = 0;
                for (int f = rank; f < faces; f += 2, ++mine) {
                    p.insert(p.end(), patches.begin() + std::ptrdiff_t(f * faceFloats),
                             patches.begin() + std::ptrdiff_t((f + 1) * faceFloats));
                    t.insert(t.end(), targets.begin() + f * L * 3,
                             targets.begin() + (f + 1) * L * 3);
                }
                PalNet& net = nets[std::size_t(rank)];
                net.setMicroBatch(microBatch);
                net.startTraining(1e-3);
                const PalNet::GradientSum sum{
                    double(mine) / faces,
                    [&group](float* values, std::size_t n) { group.sum(values, n); }, faces, rank,
                    2};
                for (int step = 0; step < 3; ++step) {
                    losses[std::size_t(rank)].push_back(
                        net.trainStep(p.data(), t.data(), mine, sum).total * mine / faces);
                }
                weights[std::size_t(rank)] = net.exportWeights();
            } catch (const std::exception& e) {
                errors[std::size_t(rank)] = QString::fromUtf8(e.what());
            }
        };
        std::thread second(part, 1);
        part(0);
        second.join();
        QCOMPARE(errors[0], QString());
        QCOMPARE(errors[1], QString());
        // The same arrays summed on both sides: the same weights, to the bit.
        QCOMPARE(compareWeights(weights[0], weights[1]).worst, 0.0f);
        // Each part's loss weighted by its share adds up to the whole batch's.
        for (int step = 0; step < 3; ++step) {
            const double sumOfParts = losses[0][std::size_t(step)] + losses[1][std::size_t(step)];
            QVERIFY2(std::abs(sumOfParts - wholeLosses[std::size_t(step)]) <=
                         1e-5 * wholeLosses[std::size_t(step)],
                     qPrintable(QStringLiteral("step %1: %2 vs %3")
                                    .arg(step)
                                    .arg(sumOfParts, 0, 'g', 9)
                                    .arg(wholeLosses[std::size_t(step)], 0, 'g', 9)));
        }
        const WeightDifference d = compareWeights(weights[0], whole.exportWeights());
        QVERIFY2(d.total > 0 && d.apart * 100000 <= d.total, qPrintable(d.summary()));
        qInfo("%s", qPrintable(d.summary()));
    }

    // A part that does not say its rows, or rows outside the batch, is refused before any
    // work (the other processes would otherwise wait in the sum for a failed one).
    void partsMustSayTheirRows() {
        std::vector<float> patches, targets;
        makeBatch(2, 3, patches, targets);
        PalNet net(PalNetConfig{K, L}, 5, Device::Cpu);
        net.startTraining(1e-3);
        int calls = 0;
        auto count = [&calls](float*, std::size_t) { ++calls; };
        const std::vector<NamedTensor> before = net.exportWeights();
        try {
            net.trainStep(patches.data(), targets.data(), 2, {0.5, count});
            QFAIL("no error");
        } catch (const ValidationError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("must say its rows")),
                     qPrintable(e.message()));
        }
        try {
            net.trainStep(patches.data(), targets.data(), 2, {0.5, count, 3, 1, 2});
            QFAIL("no error");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(), QStringLiteral("trainStep: rows 1, 3, ... of 2 faces do not "
                                                 "fit a batch of 3"));
        }
        QCOMPARE(calls, 0);
        QCOMPARE(compareWeights(net.exportWeights(), before).worst, 0.0f);
    }

    void checkpointResumesExactly() {
        QTemporaryDir dir;
        std::vector<float> patches, targets;
        makeBatch(2, 7, patches, targets);
        PalNet::seedRandom(9);
        PalNet a(PalNetConfig{K, L}, 9, Device::Cpu);
        a.startTraining(1e-3);
        for (int i = 0; i < 3; ++i) {
            a.trainStep(patches.data(), targets.data(), 2);
        }
        const QString ckpt = dir.filePath(QStringLiteral("epoch3.pt"));
        a.saveState(ckpt);
        PalNet::seedRandom(100);
        std::vector<double> straight;
        for (int i = 0; i < 3; ++i) {
            straight.push_back(a.trainStep(patches.data(), targets.data(), 2).total);
        }
        PalNet b(PalNetConfig{K, L}, 1234, Device::Cpu); // other initial weights
        b.startTraining(1e-3);
        b.loadState(ckpt);
        PalNet::seedRandom(100);
        for (int i = 0; i < 3; ++i) {
            const double resumed = b.trainStep(patches.data(), targets.data(), 2).total;
            QVERIFY2(std::abs(resumed - straight[static_cast<std::size_t>(i)]) <=
                         1e-9 * straight[static_cast<std::size_t>(i)],
                     qPrintable(QStringLiteral("step %1: %2 vs %3")
                                    .arg(i)
                                    .arg(resumed, 0, 'g', 17)
                                    .arg(straight[static_cast<std::size_t>(i)], 0, 'g', 17)));
        }
        // A checkpoint of another patch size is refused with the file's name.
        PalNet c(PalNetConfig{200, L}, 1, Device::Cpu);
        c.startTraining(1e-3);
        try {
            c.loadState(ckpt);
            QFAIL("expected a FormatError");
        } catch (const pal::FormatError& e) {
            QVERIFY2(e.message().startsWith(
                         ckpt + QStringLiteral(": not a PAL-Net checkpoint for this network")),
                     qPrintable(e.message()));
        }
    }

    void stepsReuseTheirMemory() {
        // K = 200 (block-1 tensors of 10 MB, which the cache keeps): patches of that size.
        std::vector<float> patches(std::size_t{8} * L * 200 * 3), targets(std::size_t{8} * L * 3);
        std::mt19937 rng(3);
        std::normal_distribution<float> n(0.0f, 10.0f);
        for (float& v : patches) {
            v = n(rng);
        }
        for (float& v : targets) {
            v = n(rng);
        }
        TensorMemoryStats last;
        {
            PalNet net(PalNetConfig{200, L}, 1, Device::Cpu);
            net.startTraining(1e-3);
            net.trainStep(patches.data(), targets.data(), 8);
            for (int step = 2; step <= 4; ++step) {
                const TensorMemoryStats before = tensorMemoryStats();
                net.trainStep(patches.data(), targets.data(), 8);
                last = tensorMemoryStats();
                const std::size_t reused = last.reused - before.reused;
                const std::size_t fresh = last.fresh - before.fresh;
                QVERIFY2(reused > fresh, qPrintable(QStringLiteral("step %1: %2 reused, %3 new")
                                                        .arg(step)
                                                        .arg(reused)
                                                        .arg(fresh)));
                // Never more than the peak and an eighth: what is in use and what is cached.
                QVERIFY(last.inUse + last.cached <= last.highWater + last.highWater / 8);
                QVERIFY(last.cached > 0);
            }
        }
        // The network gone, the cache is given back.
        QCOMPARE(tensorMemoryStats().cached, std::size_t{0});
        QVERIFY(tensorMemoryStats().highWater < last.highWater);
    }
};

QTEST_GUILESS_MAIN(TestPalNetTraining)
#include "tst_palnet_training.moc"
