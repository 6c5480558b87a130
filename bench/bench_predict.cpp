// Per-face prediction time by stage (load, sample, patches, forward, snap) for K = 1000, batch 1
// and batch 16, and the peak memory. A timing harness of its own: the predictor times its
// stages itself (Predictor::StageTimes). The face is a generated demo case (66,701 vertices);
// the network has random weights (timing does not depend on their values).
//   build/release/bin/bench_predict --write-model /tmp/k1000.palnet    (once: a random K=1000
//   bundle) build/release/bin/bench_predict --model /tmp/k1000.palnet [--repeats N]
//   [--snap closest|average|surface|none] (default closest, the reference's)
//   [--device auto|cpu|cuda] (default auto: the GPU when LibTorch sees one)
//   [--weights float32|float16] (the bundle written), [--first-layer float16|float32] (with a
//   float16 bundle, PredictorOptions::float16FirstLayer; default float16)
// The peak memory printed is the predicting process's own (the bundle is written by another).

#include "bench/DemoFace.h"
#include "bench/MachineFacts.h"
#include "core/demo/Resources.h"
#include "core/engine/PalNet.h"
#include "core/engine/Predictor.h"
#include "core/engine/Runtime.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/model/ModelBundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace pal;

namespace {

engine::StageTimes median(std::vector<engine::StageTimes> t) {
    auto med = [&](double engine::StageTimes::*field) {
        std::vector<double> v;
        for (const auto& s : t) {
            v.push_back(s.*field);
        }
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    engine::StageTimes m;
    m.load = med(&engine::StageTimes::load);
    m.sample = med(&engine::StageTimes::sample);
    m.patches = med(&engine::StageTimes::patches);
    m.forward = med(&engine::StageTimes::forward);
    m.snap = med(&engine::StageTimes::snap);
    return m;
}

void print(const char* label, const engine::StageTimes& t) {
    std::printf("%-22s %8.1f %8.1f %8.1f %8.1f %8.1f %9.1f\n", label, t.load, t.sample, t.patches,
                t.forward, t.snap, t.total());
}

double peakMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// An untrained bundle of patch size K (the network's time does not depend on its weights).
void writeBenchModel(const QString& path, int K, const QString& dtype) {
    ModelBundle b;
    b.manifest.patchSize = K;
    b.manifest.weightsDtype = dtype;
    b.manifest.templateLandmarks =
        readLandmarks(QDir(demo::defaultTemplateDir()).filePath(QStringLiteral("landmarks.txt")))
            .landmarks.positions();
    b.manifest.schemaKeys = LandmarkSchema::lafas50()->keys();
    b.tensors = engine::PalNet(engine::PalNetConfig{K, 50}, 1).exportWeights();
    writeModelBundle(path, b);
}

// One face at a time: the stages and the wall clock per face.
void measureBatch1(const QString& bundle, const Case& face, int repeats,
                   engine::PredictorOptions opts) {
    opts.batchSize = 1;
    const SnapMode snap = *opts.snap;
    const engine::Predictor p1 = engine::Predictor::fromBundle(bundle, opts);
    std::printf("PAL-Net K=%d, %s, %d torch threads, snap %s; face: %lld vertices (generated "
                "demo case)\n",
                p1.manifest().patchSize, qPrintable(p1.deviceName()), engine::runtimeInfo().threads,
                qPrintable(snapModeName(snap)),
                static_cast<long long>(face.readMesh().vertexCount()));
    std::printf("%-22s %8s %8s %8s %8s %8s %9s   (ms per face, median of %d)\n", "", "load",
                "sample", "patches", "forward", "snap", "total", repeats);
    p1.predict(face); // warm-up
    std::vector<engine::StageTimes> single;
    std::vector<double> singleWall;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer w;
        w.start();
        single.push_back(p1.predict(face).times);
        singleWall.push_back(static_cast<double>(w.nsecsElapsed()) / 1e6);
    }
    std::sort(singleWall.begin(), singleWall.end());
    print("batch 1", median(single));
    std::printf("batch 1 wall clock per face: %.1f ms (median)\n",
                singleWall[singleWall.size() / 2]);
    std::printf("peak resident memory after batch 1: %.0f MB\n", peakMb());
}

// Sixteen faces per forward pass.
void measureBatch16(const QString& bundle, const Case& face, int repeats,
                    engine::PredictorOptions opts) {
    opts.batchSize = 16;
    const engine::Predictor p16 = engine::Predictor::fromBundle(bundle, opts);
    const std::vector<Case> sixteen(16, face);
    std::vector<engine::StageTimes> batched;
    QElapsedTimer wall;
    wall.start();
    for (int r = 0; r < std::max(1, repeats / 2); ++r) {
        for (const auto& pred : p16.predictAll(sixteen)) {
            batched.push_back(pred.times);
        }
    }
    const double wallPerFace =
        static_cast<double>(wall.elapsed()) / static_cast<double>(batched.size());
    print("batch 16", median(batched));
    std::printf("batch 16 wall clock per face: %.1f ms\n", wallPerFace);
    std::printf("peak resident memory after batch 16: %.0f MB\n", peakMb());
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int repeats = 5;
    int K = 1000;
    QString model;
    QString writeModel;
    SnapMode snap = SnapMode::Closest;
    Device device = Device::Auto;
    QString weights = QStringLiteral("float32");
    bool float16FirstLayer = true;
    for (int i = 1; i + 1 < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--repeats") {
            repeats = std::atoi(argv[i + 1]);
        } else if (a == "--patch-size") {
            K = std::atoi(argv[i + 1]);
        } else if (a == "--model") {
            model = QString::fromLocal8Bit(argv[i + 1]);
        } else if (a == "--snap") {
            const std::optional<SnapMode> m = parseSnapMode(QString::fromLocal8Bit(argv[i + 1]));
            if (!m) {
                std::fprintf(stderr, "--snap: closest, average, surface or none\n");
                return 1;
            }
            snap = *m;
        } else if (a == "--device") {
            device = bench::parseDeviceArgument(argv[i + 1]);
        } else if (a == "--weights") {
            weights = QString::fromLocal8Bit(argv[i + 1]);
        } else if (a == "--first-layer") {
            float16FirstLayer = QByteArray(argv[i + 1]) != "float32";
        } else if (a == "--write-model") {
            writeModel = QString::fromLocal8Bit(argv[i + 1]);
        }
    }
    engine::initializeRuntime();
    bench::printMachineFacts();
    QTemporaryDir dir;
    const Case face = bench::writeDemoFace(dir.path());
    if (!writeModel.isEmpty()) {
        writeBenchModel(writeModel, K, weights);
        std::printf("wrote %s\n", qPrintable(writeModel));
        return 0;
    }
    if (model.isEmpty()) {
        model = dir.filePath(QStringLiteral("bench.palnet"));
        writeBenchModel(model, K, weights);
    }
    engine::PredictorOptions opts;
    opts.snap = snap;
    opts.device = device;
    opts.float16FirstLayer = float16FirstLayer;
    std::printf("bundle weights %s; first Linear layer read as %s when the bundle's are float16\n",
                qPrintable(readModelManifest(model).weightsDtype),
                float16FirstLayer ? "float16" : "float32");
    measureBatch1(model, face, repeats, opts);
    measureBatch16(model, face, repeats, opts);
    return 0;
}
