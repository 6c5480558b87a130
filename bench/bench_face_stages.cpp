// The geometry stages of one face's prediction, each timed on its own and in the two ways the
// engine could do it, side by side in one run (bench/README.md, "One face alone"): the OBJ
// parse on one thread and on two, the KD-tree built on one and on two, the 50 patch queries
// nearest-first (a heap of K) and in any order (a sized radius search), the surface locator
// building its own KD-tree and sharing the patches' tree, and 50 surface snaps. The face is a
// generated demo case (66,701 vertices); the snaps are of the template's landmarks, which lie on
// the face as a trained model's do.
//   build/release/bin/bench_face_stages [--repeats N]   (default 21; medians printed)

#include "bench/DemoFace.h"
#include "core/demo/Resources.h"
#include "core/geometry/KdTree.h"
#include "core/geometry/MeshOps.h"
#include "core/geometry/Snapping.h"
#include "core/geometry/SurfaceLocator.h"
#include "core/landmarks/LandmarkIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>

using namespace pal;

namespace {

// The patch queries as the engine makes them (core/geometry/Patches.cpp), in either order.
std::size_t patchQueries(const Vertices& vertices, const KdTree3& tree,
                         const Eigen::MatrixX3d& templ, int K, KdTree3::Order order) {
    std::size_t found = 0;
    for (Eigen::Index l = 0; l < templ.rows(); ++l) {
        const int snapped = tree.nearest(templ.row(l).transpose());
        found += tree.knn(vertices.row(snapped).transpose(), K, nullptr, order).size();
    }
    return found;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int repeats = 21;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--repeats") {
            repeats = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    double load[3] = {-1, -1, -1};
    getloadavg(load, 3);
    std::printf("machine: %d hardware threads, load average %.2f %.2f %.2f at the start\n",
                QThread::idealThreadCount(), load[0], load[1], load[2]);
    QTemporaryDir dir;
    const Case face = bench::writeDemoFace(dir.path());
    const Eigen::MatrixX3d templ =
        readLandmarks(QDir(demo::defaultTemplateDir()).filePath(QStringLiteral("landmarks.txt")))
            .landmarks.positions();
    auto mesh = std::make_shared<Mesh>(face.readMesh(nullptr, true));
    weldVertices(*mesh);
    const auto tree = std::make_shared<const KdTree3>(mesh->vertices);
    const SurfaceLocator locator(mesh, tree);

    // Each stage's variants run in turn within every repeat, so that both see the same load.
    const std::vector<std::pair<std::string, std::function<void()>>> stages = {
        {"read OBJ, 1 thread", [&] { face.readMesh(nullptr, true, nullptr, 1); }},
        {"read OBJ, 2 threads", [&] { face.readMesh(nullptr, true, nullptr, 2); }},
        {"KD-tree over the vertices, 1 thread", [&] { KdTree3 t(mesh->vertices, 1); }},
        {"KD-tree over the vertices, 2 threads", [&] { KdTree3 t(mesh->vertices, 2); }},
        {"50 patch queries, nearest first",
         [&] { patchQueries(mesh->vertices, *tree, templ, 1000, KdTree3::Order::NearestFirst); }},
        {"50 patch queries, any order",
         [&] { patchQueries(mesh->vertices, *tree, templ, 1000, KdTree3::Order::Any); }},
        {"surface locator, own tree", [&] { SurfaceLocator own(mesh); }},
        {"surface locator, tree shared", [&] { SurfaceLocator shared(mesh, tree); }},
        {"50 surface snaps", [&] { snapToMesh(templ, locator); }},
    };
    std::map<std::string, std::vector<double>> ms;
    for (int r = 0; r < repeats; ++r) {
        for (const auto& [name, run] : stages) {
            QElapsedTimer t;
            t.start();
            run();
            ms[name].push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
    }
    std::printf("demo face: %lld vertices; ms, median of %d (min)\n",
                static_cast<long long>(mesh->vertexCount()), repeats);
    for (const auto& [name, run] : stages) {
        std::vector<double>& v = ms[name];
        std::sort(v.begin(), v.end());
        std::printf("%-34s %7.2f  (%.2f)\n", name.c_str(), v[v.size() / 2], v.front());
    }
    return 0;
}
