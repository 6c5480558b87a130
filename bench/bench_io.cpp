// Loading big meshes and many landmark files. The inputs are generated here (a 1000 x 1000
// grid on a half-ellipsoid, face-sized in mm: 1,000,000 vertices, 1,996,002 triangles) and
// written to a temporary folder once per run.
//   build/ci/bin/bench_io --benchmark_min_time=1

#include "core/landmarks/LafasFile.h"
#include "core/mesh/MeshIO.h"

#include <QDir>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

#include <cmath>

namespace {

constexpr int kGrid = 1000;

pal::Mesh makeBigMesh() {
    pal::Mesh m;
    m.vertices.resize(kGrid * kGrid, 3);
    for (int i = 0; i < kGrid; ++i) {
        const double theta = M_PI * (0.05 + 0.9 * i / (kGrid - 1));
        for (int j = 0; j < kGrid; ++j) {
            const double phi = M_PI * (0.05 + 0.9 * j / (kGrid - 1));
            m.vertices.row(i * kGrid + j) << 75 * std::cos(phi) * std::sin(theta),
                100 * std::cos(theta), 60 * std::sin(phi) * std::sin(theta);
        }
    }
    m.triangles.resize(2 * (kGrid - 1) * (kGrid - 1), 3);
    Eigen::Index f = 0;
    for (int i = 0; i + 1 < kGrid; ++i) {
        for (int j = 0; j + 1 < kGrid; ++j) {
            const int a = i * kGrid + j;
            m.triangles.row(f++) << a, a + kGrid, a + 1;
            m.triangles.row(f++) << a + 1, a + kGrid, a + kGrid + 1;
        }
    }
    return m;
}

struct Inputs {
    QTemporaryDir dir;
    QString obj;
    QString ply;
    QString landmarks;
    Inputs() {
        const pal::Mesh m = makeBigMesh();
        obj = dir.filePath(QStringLiteral("big.obj"));
        ply = dir.filePath(QStringLiteral("big.ply"));
        pal::writeMesh(m, obj);
        pal::writeMesh(m, ply);
        QDir().mkpath(dir.filePath(QStringLiteral("lm")));
        landmarks = dir.filePath(QStringLiteral("lm"));
        pal::LandmarkSet set;
        for (int i = 0; i < 50; ++i) {
            set.setPosition(i, m.vertices.row(i * 19997).transpose(), pal::LandmarkStatus::Placed);
        }
        for (int k = 0; k < 1000; ++k) {
            pal::writeLafas(QStringLiteral("%1/%2.txt").arg(landmarks).arg(k), set,
                            pal::LafasLayout::standard(set.schema()));
        }
    }
};

Inputs& inputs() {
    static Inputs in;
    return in;
}

void BM_ReadObj1M(benchmark::State& state) {
    const QString path = inputs().obj;
    for (auto _ : state) {
        const pal::Mesh m = pal::readObj(path);
        benchmark::DoNotOptimize(m.vertices.data());
    }
    state.counters["vertices"] = kGrid * kGrid;
}
BENCHMARK(BM_ReadObj1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadPlyBinary1M(benchmark::State& state) {
    const QString path = inputs().ply;
    for (auto _ : state) {
        const pal::Mesh m = pal::readPly(path);
        benchmark::DoNotOptimize(m.vertices.data());
    }
}
BENCHMARK(BM_ReadPlyBinary1M)->Unit(benchmark::kMillisecond)->UseRealTime();

// For scale: the same OBJ through Assimp (JoinIdenticalVertices | Triangulate).
void BM_ReadObj1MWithAssimp(benchmark::State& state) {
    const QString path = inputs().obj;
    for (auto _ : state) {
        const pal::Mesh m = pal::readWithAssimp(path);
        benchmark::DoNotOptimize(m.vertices.data());
    }
}
BENCHMARK(BM_ReadObj1MWithAssimp)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_Parse1000LandmarkFiles(benchmark::State& state) {
    const QString dir = inputs().landmarks;
    for (auto _ : state) {
        int present = 0;
        for (int k = 0; k < 1000; ++k) {
            present += pal::readLafas(QStringLiteral("%1/%2.txt").arg(dir).arg(k))
                           .landmarks.presentCount();
        }
        benchmark::DoNotOptimize(present);
    }
}
BENCHMARK(BM_Parse1000LandmarkFiles)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
