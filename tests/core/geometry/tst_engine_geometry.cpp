// The PAL-Net engine's geometry: KD-tree, surface sampling, patches, the surface locator and
// snapping.

#include "core/errors/Error.h"
#include "core/geometry/KdTree.h"
#include "core/geometry/MeshOps.h"
#include "core/geometry/Patches.h"
#include "core/geometry/Sampling.h"
#include "core/geometry/Snapping.h"
#include "core/geometry/SurfaceLocator.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <utility>

using namespace pal;

namespace {

using Points = KdTree3::Points;

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * double(rng() >> 11) * 0x1.0p-53;
}

Points randomPoints(int n, quint64 seed, double extent) {
    std::mt19937_64 rng(seed);
    Points p(n, 3);
    for (int i = 0; i < n; ++i) {
        for (int c = 0; c < 3; ++c) {
            p(i, c) = uniform(rng, -extent, extent);
        }
    }
    return p;
}

// Squared distance summed in x, y, z order, as the tree computes it, so that ties compare
// exactly.
double squaredDistance(const Points& points, int i, const Eigen::Vector3d& q) {
    double d = 0;
    for (int c = 0; c < 3; ++c) {
        const double e = q(c) - points(i, c);
        d += e * e;
    }
    return d;
}

// All indices sorted by (squared distance to q, index).
std::vector<int> bruteOrder(const Points& points, const Eigen::Vector3d& q) {
    std::vector<std::pair<double, int>> all;
    for (int i = 0; i < points.rows(); ++i) {
        all.emplace_back(squaredDistance(points, i, q), i);
    }
    std::sort(all.begin(), all.end());
    std::vector<int> order;
    for (const auto& entry : all) {
        order.push_back(entry.second);
    }
    return order;
}

std::vector<int> firstN(const std::vector<int>& v, int n) {
    return {v.begin(), v.begin() + std::min<std::ptrdiff_t>(n, std::ptrdiff_t(v.size()))};
}

// The integer lattice {0..n-1}^3 in a shuffled index order, each point twice: plenty of ties.
Points shuffledLattice(int n, quint64 seed) {
    std::vector<Eigen::RowVector3d> all;
    for (int copy = 0; copy < 2; ++copy) {
        for (int x = 0; x < n; ++x) {
            for (int y = 0; y < n; ++y) {
                for (int z = 0; z < n; ++z) {
                    all.emplace_back(x, y, z);
                }
            }
        }
    }
    std::mt19937_64 rng(seed);
    std::shuffle(all.begin(), all.end(), rng);
    Points p(Eigen::Index(all.size()), 3);
    for (std::size_t i = 0; i < all.size(); ++i) {
        p.row(Eigen::Index(i)) = all[i];
    }
    return p;
}

void addQuad(Mesh& mesh, const Eigen::RowVector3d& o, const Eigen::RowVector3d& u,
             const Eigen::RowVector3d& v) {
    const auto base = std::int32_t(mesh.vertices.rows());
    mesh.vertices.conservativeResize(base + 4, 3);
    mesh.vertices.row(base) = o;
    mesh.vertices.row(base + 1) = o + u;
    mesh.vertices.row(base + 2) = o + u + v;
    mesh.vertices.row(base + 3) = o + v;
    const auto f = mesh.triangles.rows();
    mesh.triangles.conservativeResize(f + 2, 3);
    mesh.triangles.row(f) << base, base + 1, base + 2;
    mesh.triangles.row(f + 1) << base, base + 2, base + 3;
}

// A closed axis-aligned cube of the given side, corner at the origin: 24 vertices, 12 triangles.
Mesh cube(double side) {
    Mesh m;
    const Eigen::RowVector3d x(side, 0, 0), y(0, side, 0), z(0, 0, side), o(0, 0, 0);
    addQuad(m, o, y, x);
    addQuad(m, z, x, y);
    addQuad(m, o, x, z);
    addQuad(m, y, z, x);
    addQuad(m, o, z, y);
    addQuad(m, x, y, z);
    return m;
}

// A 3x3 square (faces 0-1) and, apart from it, a 1x1 square (faces 2-3): area 9 + 1.
Mesh bigAndSmallSquare() {
    Mesh m;
    addQuad(m, {0, 0, 0}, {3, 0, 0}, {0, 3, 0});
    addQuad(m, {10, 0, 0}, {1, 0, 0}, {0, 1, 0});
    return m;
}

// (i, j, 0) for i, j in 0..n-1, vertex index n * j + i.
Vertices grid(int n) {
    Vertices v(n * n, 3);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            v.row(n * j + i) << i, j, 0;
        }
    }
    return v;
}

double minimumSpacing(const Vertices& p) {
    double best = std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < p.rows(); ++i) {
        for (Eigen::Index j = i + 1; j < p.rows(); ++j) {
            best = std::min(best, (p.row(i) - p.row(j)).squaredNorm());
        }
    }
    return std::sqrt(best);
}

} // namespace

class TestEngineGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- KdTree3 ----

    void kdTreeMatchesBruteForce() {
        const Points points = randomPoints(700, 7, 50.0);
        const KdTree3 tree(points);
        QCOMPARE(tree.size(), 700);
        QCOMPARE(tree.points(), points);
        const Points queries = randomPoints(150, 8, 60.0);
        for (int q = 0; q < queries.rows(); ++q) {
            const Eigen::Vector3d p = queries.row(q).transpose();
            const std::vector<int> order = bruteOrder(points, p);
            QCOMPARE(tree.nearest(p), order.front());
            for (int k : {1, 2, 9, 33, 700, 1000}) {
                std::vector<double> d2;
                const std::vector<int> got = tree.knn(p, k, &d2);
                QCOMPARE(got, firstN(order, k));
                QCOMPARE(d2.size(), got.size());
                for (std::size_t i = 0; i < got.size(); ++i) {
                    QCOMPARE(d2[i], squaredDistance(points, got[i], p));
                }
            }
        }
    }

    // Equally distant points come by smaller index, also where the tie straddles the k-th
    // place (the tree must not keep whichever it met first).
    void kdTreeBreaksTiesBySmallerIndex() {
        const Points points = shuffledLattice(8, 3); // 1024 points, every position twice
        const KdTree3 tree(points);
        const std::vector<Eigen::Vector3d> queries = {{3, 3, 3},   {3.5, 3.5, 3.5}, {0, 0, 0},
                                                      {7, 0, 3.5}, {-1, 4, 4},      {3.5, 2, 9}};
        for (const Eigen::Vector3d& q : queries) {
            const std::vector<int> order = bruteOrder(points, q);
            QCOMPARE(tree.nearest(q), order.front());
            for (int k = 1; k <= 60; ++k) {
                QCOMPARE(tree.knn(q, k), firstN(order, k));
            }
        }
        // The two copies of (3, 3, 3): the query sits on both, smaller index first.
        const std::vector<int> two = tree.knn({3, 3, 3}, 2);
        QCOMPARE(points.row(two[0]), points.row(two[1]));
        QVERIFY(two[0] < two[1]);
    }

    // Order::Any finds the same points as the sorted query, ties at the k-th place included,
    // whether the radius it guesses is too small (a far query, a border), about right (on a
    // surface) or cannot be guessed (coincident points).
    void kdTreeUnorderedKnnIsTheSameSet() {
        auto sortedCopy = [](std::vector<int> v) {
            std::sort(v.begin(), v.end());
            return v;
        };
        // A curved sheet of 60 x 60 points (a face-like surface, with borders), a cloud, and
        // a lattice where every position comes twice (ties everywhere).
        Points sheet(3600, 3);
        for (int i = 0; i < 60; ++i) {
            for (int j = 0; j < 60; ++j) {
                sheet.row(i * 60 + j) << i, j, 0.02 * (i - 30) * (i - 30);
            }
        }
        const std::vector<std::pair<Points, std::vector<Eigen::Vector3d>>> cases = {
            {sheet, {{30, 30, 0}, {0, 0, 18}, {59, 30, 16}, {30, 30, 400}, {-80, 200, 5}}},
            {randomPoints(2000, 21, 40.0), {{0, 0, 0}, {39, -39, 39}, {500, 0, 0}}},
            {shuffledLattice(8, 5), {{3, 3, 3}, {3.5, 3.5, 3.5}, {0, 0, 0}, {-9, 4, 4}}},
        };
        for (const auto& [points, queries] : cases) {
            const KdTree3 tree(points);
            for (const Eigen::Vector3d& q : queries) {
                for (int k : {65, 100, 333, 1000, int(points.rows()) - 1}) {
                    std::vector<double> d2;
                    const std::vector<int> any = tree.knn(q, k, &d2, KdTree3::Order::Any);
                    QCOMPARE(sortedCopy(any), sortedCopy(tree.knn(q, k)));
                    for (std::size_t i = 0; i < any.size(); ++i) {
                        QCOMPARE(d2[i], squaredDistance(points, any[i], q));
                    }
                }
            }
        }
        // 300 copies of one point and 300 of another: no reach to guess a radius from.
        Points two(600, 3);
        for (int i = 0; i < 600; ++i) {
            two.row(i) << (i % 2 ? 1.0 : 0.0), 0, 0;
        }
        const KdTree3 pair(two);
        QCOMPARE(sortedCopy(pair.knn({0, 0, 0}, 400, nullptr, KdTree3::Order::Any)),
                 sortedCopy(pair.knn({0, 0, 0}, 400)));
        // Within a radius: the same points as the sorted query.
        const KdTree3 sheetTree(sheet);
        for (double r : {0.0, 1.0, 4.5, 30.0}) {
            QCOMPARE(
                sortedCopy(sheetTree.withinRadius({20, 20, 2}, r, nullptr, KdTree3::Order::Any)),
                sortedCopy(sheetTree.withinRadius({20, 20, 2}, r)));
        }
    }

    // A big set built on two threads (two halves, one tree each, walked with one result)
    // answers every query as the tree built on one: the same points, order, ties, distances.
    void kdTreeBuiltInTwoHalvesAnswersTheSame() {
        Points points(30000, 3);
        points.topRows(20000) = randomPoints(20000, 31, 30.0);
        const Points lattice = shuffledLattice(8, 13); // 1024 points, each position twice
        for (int i = 0; i < 10000; ++i) {
            points.row(20000 + i) = lattice.row(i % lattice.rows()); // ties across the halves
        }
        const KdTree3 one(points, 1);
        const KdTree3 two(points, 2);
        QCOMPARE(two.size(), 30000);
        QCOMPARE(two.points(), points);
        const Points queries = randomPoints(60, 32, 40.0);
        for (int q = 0; q < queries.rows() + 3; ++q) {
            const Eigen::Vector3d p = q < queries.rows() ? Eigen::Vector3d(queries.row(q))
                                                         : Eigen::Vector3d(3, 3, 3 + 0.5 * q);
            QCOMPARE(two.nearest(p), one.nearest(p));
            for (int k : {1, 7, 100, 1000}) {
                std::vector<double> d1;
                std::vector<double> d2;
                QCOMPARE(two.knn(p, k, &d2), one.knn(p, k, &d1));
                QCOMPARE(d2, d1);
                std::vector<int> any1 = one.knn(p, k, nullptr, KdTree3::Order::Any);
                std::vector<int> any2 = two.knn(p, k, nullptr, KdTree3::Order::Any);
                std::sort(any1.begin(), any1.end());
                std::sort(any2.begin(), any2.end());
                QCOMPARE(any2, any1);
            }
            QCOMPARE(two.withinRadius(p, 2.5), one.withinRadius(p, 2.5));
        }
    }

    void kdTreeSmallTieByHand() {
        Points p(5, 3);
        p << 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0;
        const KdTree3 tree(p);
        QCOMPARE(tree.knn({0, 0, 0}, 5), (std::vector<int>{3, 0, 1, 2, 4}));
        QCOMPARE(tree.knn({0, 0, 0}, 3), (std::vector<int>{3, 0, 1}));
        QCOMPARE(tree.nearest({0.9, 0, 0}), 0);
    }

    void kdTreeRadiusIsInclusive() {
        const Points points = shuffledLattice(6, 11);
        const KdTree3 tree(points);
        for (const Eigen::Vector3d& q :
             {Eigen::Vector3d(2, 2, 2), Eigen::Vector3d(0, 0.5, 5), Eigen::Vector3d(2.5, 2, 1)}) {
            for (double r : {0.0, 0.5, 1.0, std::sqrt(2.0), 2.0}) {
                std::vector<int> expected;
                for (int i : bruteOrder(points, q)) {
                    if (squaredDistance(points, i, q) <= r * r) {
                        expected.push_back(i);
                    }
                }
                QCOMPARE(tree.withinRadius(q, r), expected);
            }
        }
        // Radius 1 around a lattice point: itself and 6 face neighbours, each twice.
        QCOMPARE(tree.withinRadius({2, 2, 2}, 1.0).size(), std::size_t(14));
    }

    void kdTreeEmptyMovedAndNonFinite() {
        const KdTree3 empty{Points(0, 3)};
        QCOMPARE(empty.size(), 0);
        QCOMPARE(empty.nearest({1, 2, 3}), -1);
        QVERIFY(empty.knn({1, 2, 3}, 4).empty());
        QVERIFY(empty.withinRadius({1, 2, 3}, 4).empty());

        Points p(2, 3);
        p << 0, 0, 0, 5, 0, 0;
        KdTree3 a(p);
        p.setZero(); // the tree keeps its own copy
        KdTree3 b(std::move(a));
        QCOMPARE(b.nearest({4, 0, 0}), 1);
        QCOMPARE(b.knn({4, 0, 0}, 0), std::vector<int>{});
        QCOMPARE(b.nearest({std::nan(""), 0, 0}), -1);
    }

    // ---- Sampling ----

    void areas() {
        const Mesh m = cube(2.0);
        QCOMPARE(triangleAreas(m).size(), std::size_t(12));
        QCOMPARE(surfaceArea(m), 24.0);
        QCOMPARE(evenSamplingRadius(m, 2), 2.0); // sqrt(24 / 6)
    }

    void samplesLieOnTheSurface() {
        const Mesh m = cube(10.0);
        std::vector<int> faces;
        const Vertices s = sampleSurface(m, 3000, 1, &faces);
        QCOMPARE(s.rows(), Eigen::Index(3000));
        QCOMPARE(faces.size(), std::size_t(3000));
        for (Eigen::Index i = 0; i < s.rows(); ++i) {
            const SurfacePoint sp = closestPointOnMesh(m, s.row(i).transpose());
            QVERIFY2(sp.distance < 1e-9, qPrintable(QString::number(sp.distance)));
            // ... and on the triangle it reports.
            Mesh one;
            one.vertices = m.vertices;
            one.triangles = m.triangles.row(faces[std::size_t(i)]);
            QVERIFY(closestPointOnMesh(one, s.row(i).transpose()).distance < 1e-9);
        }
        const Vertices even = sampleSurfaceEvenly(m, 2000, 1);
        for (Eigen::Index i = 0; i < even.rows(); ++i) {
            QVERIFY(closestPointOnMesh(m, even.row(i).transpose()).distance < 1e-9);
        }
    }

    // Uniform inside a triangle: the mean is the centroid, and the corner triangle of half the
    // size (a quarter of the area) gets a quarter of the points.
    void uniformInsideATriangle() {
        Mesh m;
        m.vertices.resize(3, 3);
        m.vertices << 0, 0, 0, 1, 0, 0, 0, 1, 0;
        m.triangles.resize(1, 3);
        m.triangles << 0, 1, 2;
        const int n = 100000;
        const Vertices s = sampleSurface(m, n, 5);
        const Eigen::RowVector3d mean = s.colwise().mean();
        QVERIFY(std::abs(mean.x() - 1.0 / 3) < 0.004);
        QVERIFY(std::abs(mean.y() - 1.0 / 3) < 0.004);
        QCOMPARE(mean.z(), 0.0);
        const auto nearCorner = (s.col(0) + s.col(1)).array() < 0.5;
        const double fraction = double(nearCorner.count()) / n;
        QVERIFY2(std::abs(fraction - 0.25) < 0.007, qPrintable(QString::number(fraction)));
        QVERIFY((s.col(0).array() >= 0).all() && (s.col(1).array() >= 0).all());
        QVERIFY(((s.col(0) + s.col(1)).array() <= 1 + 1e-15).all());
    }

    // Faces are picked in proportion to their area: the 1x1 square of 10 units gets a tenth.
    void areaWeighted() {
        const Mesh m = bigAndSmallSquare();
        const int n = 100000;
        std::vector<int> faces;
        const Vertices s = sampleSurface(m, n, 9, &faces);
        const auto onSmall =
            std::count_if(faces.begin(), faces.end(), [](int f) { return f >= 2; });
        const double fraction = double(onSmall) / n;
        QVERIFY2(std::abs(fraction - 0.1) < 0.005, qPrintable(QString::number(fraction)));
        QCOMPARE(Eigen::Index((s.col(0).array() >= 10).count()), Eigen::Index(onSmall));

        // Evenly spaced points keep roughly the same share (edges cost the small one a little).
        std::vector<int> evenFaces;
        const Vertices even = sampleSurfaceEvenly(m, 2000, 9, &evenFaces);
        QCOMPARE(even.rows(), Eigen::Index(2000));
        const auto evenOnSmall =
            std::count_if(evenFaces.begin(), evenFaces.end(), [](int f) { return f >= 2; });
        const double evenFraction = double(evenOnSmall) / 2000;
        QVERIFY2(std::abs(evenFraction - 0.1) < 0.025, qPrintable(QString::number(evenFraction)));
        QCOMPARE(Eigen::Index((even.col(0).array() >= 10).count()), Eigen::Index(evenOnSmall));
    }

    void evenSamplesKeepTheirSpacing() {
        const Mesh m = cube(10.0);
        const int n = 1500;
        const Vertices s = sampleSurfaceEvenly(m, n, 3);
        QCOMPARE(s.rows(), Eigen::Index(n));
        const double radius = evenSamplingRadius(m, n);
        QCOMPARE(radius, std::sqrt(600.0 / (3 * n)));
        QVERIFY(minimumSpacing(s) > radius);
        // Plain sampling has no such spacing.
        QVERIFY(minimumSpacing(sampleSurface(m, n, 3)) < radius);
    }

    // The kept points are the earliest draws that pass the spacing test, in draw order.
    void evenSamplesAreTheGreedyPrefixOfTheDraws() {
        const Mesh m = bigAndSmallSquare();
        const int n = 300;
        const Vertices drawn = sampleSurface(m, 3 * n, 21);
        const double r = evenSamplingRadius(m, n);
        Vertices expected(0, 3);
        for (Eigen::Index i = 0; i < drawn.rows() && expected.rows() < n; ++i) {
            bool keep = true;
            for (Eigen::Index j = 0; j < expected.rows(); ++j) {
                keep = keep && (drawn.row(i) - expected.row(j)).norm() > r;
            }
            if (keep) {
                expected.conservativeResize(expected.rows() + 1, 3);
                expected.row(expected.rows() - 1) = drawn.row(i);
            }
        }
        QCOMPARE(sampleSurfaceEvenly(m, n, 21), expected);
    }

    // Fewer than asked where the spacing outgrows the mesh's features: two parallel unit
    // squares 0.05 apart, sampled with a spacing of 0.26, exclude each other's points. With a
    // spacing below the gap they do not.
    void fewerOnATinyMesh() {
        Mesh m;
        addQuad(m, {0, 0, 0}, {1, 0, 0}, {0, 1, 0});
        addQuad(m, {0, 0, 0.05}, {1, 0, 0}, {0, 1, 0});
        const Vertices few = sampleSurfaceEvenly(m, 10, 0);
        QVERIFY2(few.rows() > 0 && few.rows() < 10, qPrintable(QString::number(few.rows())));
        QVERIFY(minimumSpacing(few) > evenSamplingRadius(m, 10));
        QCOMPARE(sampleSurfaceEvenly(m, 1000, 0).rows(), Eigen::Index(1000));
    }

    void deterministicPerSeed() {
        const Mesh m = cube(4.0);
        const Vertices a = sampleSurfaceEvenly(m, 500, 42);
        QCOMPARE(sampleSurfaceEvenly(m, 500, 42), a);
        QVERIFY(sampleSurfaceEvenly(m, 500, 43) != a);
        QCOMPARE(sampleSurface(m, 100, 42), sampleSurface(m, 100, 42));
        QVERIFY(sampleSurface(m, 100, 42) != sampleSurface(m, 100, 0));
    }

    // Pinned values: the stream is mt19937_64 plus our own bits-to-double conversion, so these
    // hold on every platform and compiler (to rounding, should a compiler fuse multiply-adds).
    void pinnedStream() {
        Mesh m;
        m.vertices.resize(4, 3);
        m.vertices << 0, 0, 0, 4, 0, 0, 4, 4, 0, 0, 4, 1;
        m.triangles.resize(2, 3);
        m.triangles << 0, 1, 2, 0, 2, 3;
        std::vector<int> faces;
        const Vertices s = sampleSurface(m, 3, 0, &faces);
        QCOMPARE(faces, (std::vector<int>{0, 1, 1}));
        Vertices expected(3, 3);
        expected << 3.9842594486400182, 0.15765326509588706, 0,           //
            2.7772301438475462, 2.9456000271390668, 0.042092470822880125, //
            0.41064191588791277, 2.6032918541072201, 0.54816248455482686;
        QVERIFY((s - expected).cwiseAbs().maxCoeff() < 1e-12);
    }

    void degenerateInputs() {
        QCOMPARE(sampleSurfaceEvenly(cube(1.0), 0).rows(), Eigen::Index(0));
        QCOMPARE(sampleSurface(cube(1.0), -3).rows(), Eigen::Index(0));
        Mesh noFaces;
        noFaces.vertices = grid(3);
        QCOMPARE(sampleSurfaceEvenly(noFaces, 10).rows(), Eigen::Index(0));
        Mesh flat; // zero area
        flat.vertices.resize(3, 3);
        flat.vertices << 0, 0, 0, 1, 0, 0, 2, 0, 0;
        flat.triangles.resize(1, 3);
        flat.triangles << 0, 1, 2;
        QCOMPARE(sampleSurfaceEvenly(flat, 10).rows(), Eigen::Index(0));
        // A zero-area triangle among others is never picked.
        Mesh mixed = cube(1.0);
        mixed.vertices.conservativeResize(mixed.vertices.rows() + 3, 3);
        mixed.vertices.bottomRows(3) << 5, 5, 5, 6, 6, 6, 7, 7, 7;
        mixed.triangles.conservativeResize(13, 3);
        mixed.triangles.row(12) << 24, 25, 26;
        std::vector<int> faces;
        sampleSurface(mixed, 5000, 2, &faces);
        QVERIFY(std::find(faces.begin(), faces.end(), 12) == faces.end());
        Mesh broken = cube(1.0);
        broken.triangles(3, 1) = 99;
        QVERIFY_THROWS_EXCEPTION(ValidationError, sampleSurface(broken, 10));
    }

    // ---- Patches ----

    // 5x5 grid, K = 4. A landmark near (2, 2) snaps to vertex 12; its 4 nearest are 12 and the
    // first three of its equidistant neighbours by index (7, 11, 13; 17 loses the tie). Sorted
    // by distance from the origin: 7 (sqrt 5), 11 (sqrt 5, tie -> larger index later), 12
    // (sqrt 8), 13 (sqrt 13). A landmark far below (0, 0) snaps to 0: patch 0, 1, 5, 6.
    void patchesByHand() {
        const Vertices v = grid(5);
        const KdTree3 tree(v);
        Eigen::MatrixX3d lm(2, 3);
        lm << 2.1, 2.2, 0.3, -3, -3, 5;
        QCOMPARE(patchIndices(v, tree, lm, 4), (std::vector<int>{7, 11, 12, 13, 0, 1, 5, 6}));

        const std::vector<float> patches = extractPatches(v, tree, lm, 4);
        QCOMPARE(patches.size(), std::size_t(2 * 4 * 3));
        const std::vector<float> expected = {2, 1, 0, 1, 2, 0, 2, 2, 0, 3, 2, 0,
                                             0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0};
        QCOMPARE(patches, expected);
    }

    // Absolute coordinates, ordered by distance from the origin, each patch the K nearest of
    // its snapped vertex: checked against brute force on a random cloud.
    void patchesMatchBruteForce() {
        const Vertices v = randomPoints(400, 17, 30.0).rowwise() + Eigen::RowVector3d(100, -50, 20);
        const KdTree3 tree(v);
        const Eigen::MatrixX3d lm =
            randomPoints(6, 18, 30.0).rowwise() + Eigen::RowVector3d(100, -50, 20);
        const int K = 25;
        const std::vector<int> idx = patchIndices(v, tree, lm, K);
        const std::vector<float> patches = extractPatches(v, tree, lm, K);
        QCOMPARE(patches.size(), std::size_t(6 * K * 3));
        for (int l = 0; l < 6; ++l) {
            const int snapped = bruteOrder(v, lm.row(l).transpose()).front();
            std::vector<int> near = firstN(bruteOrder(v, v.row(snapped).transpose()), K);
            std::sort(near.begin(), near.end(), [&](int a, int b) {
                return std::pair(v.row(a).norm(), a) < std::pair(v.row(b).norm(), b);
            });
            for (int p = 0; p < K; ++p) {
                QCOMPARE(idx[std::size_t(l * K + p)], near[std::size_t(p)]);
                for (int c = 0; c < 3; ++c) {
                    QCOMPARE(patches[std::size_t((l * K + p) * 3 + c)], float(v(near[p], c)));
                }
            }
        }
        // Shared between threads (more threads than landmarks included): the same answer.
        for (int threads : {2, 3, 6, 9}) {
            QCOMPARE(patchIndices(v, tree, lm, K, threads), idx);
            QCOMPARE(extractPatches(v, tree, lm, K, threads), patches);
        }
    }

    // Patches of a rigidly moved mesh, cut with the unmoved mesh's tree, equal the patches of
    // the moved vertices cut with a tree of their own.
    void movedPatchesMatchPatchesOfTheMovedMesh() {
        const Vertices v = randomPoints(400, 17, 30.0).rowwise() + Eigen::RowVector3d(100, -50, 20);
        const Eigen::MatrixX3d lm =
            randomPoints(6, 18, 30.0).rowwise() + Eigen::RowVector3d(100, -50, 20);
        Eigen::Isometry3d move = Eigen::Isometry3d::Identity();
        move.translate(Eigen::Vector3d(1.5, -2.0, 0.7));
        move.rotate(Eigen::AngleAxisd(0.12, Eigen::Vector3d(0.2, 1.0, -0.4).normalized()));
        Vertices moved(v.rows(), 3);
        for (Eigen::Index i = 0; i < v.rows(); ++i) {
            moved.row(i) = (move * Eigen::Vector3d(v.row(i).transpose())).transpose();
        }
        const int K = 25;
        const std::vector<float> expected = extractPatches(moved, KdTree3(moved), lm, K);
        const std::vector<float> got = extractPatchesMoved(v, KdTree3(v), lm, K, move);
        QCOMPARE(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            QVERIFY2(
                std::abs(got[i] - expected[i]) < 1e-4f,
                qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(got[i]).arg(expected[i])));
        }
        // The identity is the plain patches exactly.
        QCOMPARE(extractPatchesMoved(v, KdTree3(v), lm, K, Eigen::Isometry3d::Identity()),
                 extractPatches(v, KdTree3(v), lm, K));
    }

    void patchesRejectBadInput() {
        const Vertices v = grid(5);
        const KdTree3 tree(v);
        Eigen::MatrixX3d lm(1, 3);
        lm << 1, 1, 0;
        QCOMPARE(extractPatches(v, tree, lm, 25).size(), std::size_t(25 * 3));
        QVERIFY_THROWS_EXCEPTION(ValidationError, extractPatches(v, tree, lm, 26));
        QVERIFY_THROWS_EXCEPTION(ValidationError, extractPatches(v, tree, lm, 0));
        const KdTree3 other(grid(4));
        QVERIFY_THROWS_EXCEPTION(ValidationError, extractPatches(v, other, lm, 4));
        lm(0, 1) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(ValidationError, extractPatches(v, tree, lm, 4));
        try {
            extractPatches(v, tree, Eigen::MatrixX3d::Zero(1, 3), 30);
            QFAIL("no error");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(),
                     QStringLiteral("the mesh has 25 vertices, fewer than the patch size 30"));
        }
        QVERIFY(extractPatches(v, tree, Eigen::MatrixX3d(0, 3), 4).empty());
    }

    // ---- Surface locator ----

    // The same answers as the brute force, ties included, on a bumpy grid with a long sliver
    // triangle (its corners far from where it passes) and an isolated vertex, and on a cube
    // (queries on its diagonal planes are equally close to two faces).
    void surfaceLocatorMatchesBruteForce() {
        std::mt19937_64 rng(11);
        auto bumpy = std::make_shared<Mesh>();
        const int n = 30;
        bumpy->vertices.resize(n * n + 4, 3);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                bumpy->vertices.row(i * n + j) << i, j, uniform(rng, -0.4, 0.4);
            }
        }
        std::vector<Eigen::RowVector3i> tris;
        for (int i = 0; i + 1 < n; ++i) {
            for (int j = 0; j + 1 < n; ++j) {
                const int a = i * n + j;
                tris.push_back({a, a + n, a + 1});
                tris.push_back({a + 1, a + n, a + n + 1});
            }
        }
        bumpy->vertices.row(n * n) << -50, 15, 3; // a sliver 100 long over the grid
        bumpy->vertices.row(n * n + 1) << 80, 15.2, 3;
        bumpy->vertices.row(n * n + 2) << 80, 15.1, 3.1;
        bumpy->vertices.row(n * n + 3) << 14, 14, -1; // isolated: not surface
        tris.push_back({n * n, n * n + 1, n * n + 2});
        bumpy->triangles.resize(Eigen::Index(tris.size()), 3);
        for (std::size_t t = 0; t < tris.size(); ++t) {
            bumpy->triangles.row(Eigen::Index(t)) = tris[t];
        }
        auto box = std::make_shared<Mesh>(cube(4.0));
        // Edges from 0.05 to about 20 long: vertices in every level of reach.
        auto graded = std::make_shared<Mesh>();
        {
            const int nx = 28;
            const int ny = 12;
            graded->vertices.resize(nx * ny, 3);
            double x = -10;
            for (int i = 0; i < nx; ++i) {
                for (int j = 0; j < ny; ++j) {
                    graded->vertices.row(i * ny + j) << x, 2.5 * j, uniform(rng, -0.3, 0.3);
                }
                x += 0.05 * std::pow(1.3, i);
            }
            graded->triangles.resize(2 * (nx - 1) * (ny - 1), 3);
            Eigen::Index t = 0;
            for (int i = 0; i + 1 < nx; ++i) {
                for (int j = 0; j + 1 < ny; ++j) {
                    const int a = i * ny + j;
                    graded->triangles.row(t++) << a, a + ny, a + 1;
                    graded->triangles.row(t++) << a + 1, a + ny, a + ny + 1;
                }
            }
        }
        for (const auto& mesh :
             {std::shared_ptr<const Mesh>(bumpy), std::shared_ptr<const Mesh>(box),
              std::shared_ptr<const Mesh>(graded)}) {
            const SurfaceLocator locator(mesh);
            QVERIFY(locator.hasSurface());
            // The same with the tree over the vertices given (the engine's patches built it;
            // the bumpy mesh has an isolated vertex, so that locator builds its own).
            const SurfaceLocator sharing(mesh, std::make_shared<const KdTree3>(mesh->vertices));
            for (int q = 0; q < 400; ++q) {
                Eigen::Vector3d p(uniform(rng, -10, 40), uniform(rng, -10, 40),
                                  uniform(rng, -6, 6));
                if (mesh == box) {
                    p = {uniform(rng, -4, 4), uniform(rng, -4, 4), uniform(rng, -4, 4)};
                    if (q % 2 == 0) {
                        p.y() = p.x(); // a diagonal plane: ties between faces
                    }
                }
                const SurfacePoint fast = locator.closest(p);
                const SurfacePoint slow = closestPointOnMesh(*mesh, p);
                QCOMPARE(fast.triangle, slow.triangle);
                QCOMPARE(fast.distance, slow.distance);
                QCOMPARE(fast.position, slow.position);
                QCOMPARE(fast.weights, slow.weights);
                const SurfacePoint shared = sharing.closest(p);
                QCOMPARE(shared.triangle, slow.triangle);
                QCOMPARE(shared.position, slow.position);
            }
        }
        // The answer on a long sliver whose corners are far, under two other long slivers whose
        // corners are nearer to the query: the triangles of the nearest corners need not hold
        // it, and the search within the first answer + the longest edge must find it (a
        // locator without that margin fails here, checked by hand).
        auto hidden = std::make_shared<Mesh>();
        hidden->vertices.resize(9, 3);
        hidden->vertices << -30, 0, 0, 30, 0, 0, 30, 0.5, 0, // the answer
            -20, -1, 5, 20, -1, 5, 20, -0.5, 5,              // decoys, above
            -20, 1, 5, 20, 1, 5, 20, 1.5, 5;
        hidden->triangles.resize(3, 3);
        hidden->triangles << 0, 1, 2, 3, 4, 5, 6, 7, 8;
        const SurfaceLocator hiddenLocator(hidden);
        for (int q = 0; q < 50; ++q) {
            const Eigen::Vector3d p(uniform(rng, -10, 10), uniform(rng, 0.05, 0.3),
                                    uniform(rng, 0.5, 1.5));
            const SurfacePoint fast = hiddenLocator.closest(p);
            QCOMPARE(fast.triangle, 0);
            QCOMPARE(fast.triangle, closestPointOnMesh(*hidden, p).triangle);
            QCOMPARE(fast.distance, closestPointOnMesh(*hidden, p).distance);
        }
        // The isolated vertex is never an answer, however close.
        const SurfaceLocator locator(bumpy);
        QVERIFY(locator.closest({14, 14, -1}).triangle >= 0);
        QVERIFY(locator.closest({14, 14, -1}).distance > 0.5);
        const SurfaceLocator given(bumpy, std::make_shared<const KdTree3>(bumpy->vertices));
        QCOMPARE(given.closest({14, 14, -1}).distance, locator.closest({14, 14, -1}).distance);
    }

    void surfaceLocatorWithoutSurface() {
        auto points = std::make_shared<Mesh>();
        points->vertices = randomPoints(10, 3, 1.0);
        const SurfaceLocator none(points);
        QVERIFY(!none.hasSurface());
        QCOMPARE(none.closest({0, 0, 0}).triangle, Eigen::Index(-1));
        const Eigen::MatrixX3d p = Eigen::MatrixX3d::Zero(1, 3);
        QVERIFY_THROWS_EXCEPTION(ValidationError, snapToMesh(p, none));
        const SurfaceLocator box(std::make_shared<Mesh>(cube(2.0)));
        QCOMPARE(box.closest({std::nan(""), 0, 0}).triangle, Eigen::Index(-1));
        auto broken = std::make_shared<Mesh>(cube(2.0));
        broken->triangles(3, 1) = 99;
        QVERIFY_THROWS_EXCEPTION(ValidationError, SurfaceLocator{broken});
    }

    // ---- Snapping ----

    void snapModesByHand() {
        Points samples(5, 3);
        samples << 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 10, 0, 0;
        const KdTree3 tree(samples);
        Eigen::MatrixX3d predicted(3, 3);
        predicted << 0.2, 0, 5, 9, 1, -1, 2.5, 0.1, 0;

        QCOMPARE(snapToSurface(predicted, samples, tree, SnapMode::None), predicted);

        Eigen::MatrixX3d closest(3, 3);
        closest << 0, 0, 0, 10, 0, 0, 2, 0, 0; // 2.5: tie between 2 and 3 -> smaller index
        QCOMPARE(snapToSurface(predicted, samples, tree, SnapMode::Closest), closest);

        Eigen::MatrixX3d average3(3, 3);
        average3 << 1, 0, 0, 5, 0, 0, 2, 0, 0; // {0,1,2}, {10,3,2}, {2,3,1}
        QCOMPARE(snapToSurface(predicted, samples, tree, SnapMode::Average, 3), average3);

        // k larger than the samples: the mean of them all.
        const Eigen::MatrixX3d all = snapToSurface(predicted, samples, tree, SnapMode::Average);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(Eigen::RowVector3d(all.row(i)), Eigen::RowVector3d(3.2, 0, 0));
        }

        Eigen::MatrixX3d missing(1, 3);
        missing << std::nan(""), 0, 0;
        QVERIFY(std::isnan(snapToSurface(missing, samples, tree, SnapMode::Closest)(0, 0)));
    }

    // "surface": the exact foot on the mesh, not a sample near it.
    void snapToMeshByHand() {
        Mesh plane;
        addQuad(plane, {0, 0, 0}, {10, 0, 0}, {0, 10, 0});
        const SurfaceLocator locator(std::make_shared<Mesh>(plane));
        Eigen::MatrixX3d p(3, 3);
        p << 2.5, 7.25, 3, 12, 5, -1, std::nan(""), 0, 0;
        const Eigen::MatrixX3d snapped = snapToMesh(p, locator);
        QCOMPARE(Eigen::RowVector3d(snapped.row(0)), Eigen::RowVector3d(2.5, 7.25, 0));
        QCOMPARE(Eigen::RowVector3d(snapped.row(1)), Eigen::RowVector3d(10, 5, 0)); // the edge
        QVERIFY(std::isnan(snapped(2, 0)));
        const Points samples = Points::Zero(1, 3);
        const KdTree3 tree(samples);
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 snapToSurface(p, samples, tree, SnapMode::Surface));
    }

    // "average" with the default k = 12 on an even sampling of a plane stays on the plane and
    // near the prediction's foot.
    void averageOnAPlane() {
        Mesh m;
        addQuad(m, {0, 0, 0}, {10, 0, 0}, {0, 10, 0});
        const Vertices s = sampleSurfaceEvenly(m, 5000, 4);
        const KdTree3 tree(s);
        Eigen::MatrixX3d p(1, 3);
        p << 5, 5, 2;
        const Eigen::MatrixX3d snapped = snapToSurface(p, s, tree, SnapMode::Average);
        QVERIFY(std::abs(snapped(0, 2)) < 1e-12);
        QVERIFY(std::hypot(snapped(0, 0) - 5, snapped(0, 1) - 5) < 0.15);
        std::vector<int> twelve = tree.knn({5, 5, 2}, 12);
        Eigen::RowVector3d mean = Eigen::RowVector3d::Zero();
        for (int i : twelve) {
            mean += s.row(i) / 12.0;
        }
        QVERIFY((Eigen::RowVector3d(snapped.row(0)) - mean).norm() < 1e-12);
    }

    void snapRejectsBadInput() {
        Points samples(2, 3);
        samples << 0, 0, 0, 1, 0, 0;
        const KdTree3 tree(samples);
        const KdTree3 empty{Points(0, 3)};
        const Eigen::MatrixX3d p = Eigen::MatrixX3d::Zero(1, 3);
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 snapToSurface(p, samples, empty, SnapMode::Closest));
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 snapToSurface(p, Points(0, 3), empty, SnapMode::Average));
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 snapToSurface(p, samples, tree, SnapMode::Average, 0));
        QCOMPARE(snapToSurface(p, Points(0, 3), empty, SnapMode::None), p);
    }

    // ---- weldVertices ----

    // By hand: the first occurrence of a position stays (order kept), later copies are
    // merged into it, triangles follow, normals go when anything merged; +0 and -0 are one
    // position; a NaN vertex is never merged (NaN != NaN).
    void weldByHand() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        Mesh m;
        m.vertices.resize(9, 3);
        m.vertices << 0, 0, 0, // 0
            1, 0, 0,           // 1
            -0.0, 0, 0,        // 2 = 0
            0, 1, 0,           // 3
            1, 0, 0,           // 4 = 1
            nan, 0, 0,         // 5
            nan, 0, 0,         // 6, not 5
            2, -0.0, -0.0,     // 7: -0 first, in y and z
            2, 0, 0;           // 8 = 7
        m.triangles.resize(4, 3);
        m.triangles << 0, 1, 3, 2, 4, 3, 5, 6, 4, 7, 8, 3;
        m.normals = Vertices::Ones(9, 3);
        QCOMPARE(weldVertices(m), Eigen::Index(3));
        QCOMPARE(m.vertexCount(), Eigen::Index(6));
        QCOMPARE(Eigen::RowVector3d(m.vertices.row(1)), Eigen::RowVector3d(1, 0, 0));
        QCOMPARE(Eigen::RowVector3d(m.vertices.row(2)), Eigen::RowVector3d(0, 1, 0));
        QVERIFY(std::isnan(m.vertices(3, 0)) && std::isnan(m.vertices(4, 0)));
        QVERIFY(std::signbit(m.vertices(5, 1)) && std::signbit(m.vertices(5, 2))); // the first kept
        Triangles expected(4, 3);
        expected << 0, 1, 2, 0, 1, 2, 3, 4, 1, 5, 5, 2;
        QCOMPARE(m.triangles, expected);
        QCOMPARE(m.normals.rows(), Eigen::Index(0));

        // Nothing to merge: the mesh is left as it is, normals included.
        Mesh plain;
        plain.vertices = randomPoints(50, 3, 10.0);
        plain.normals = Vertices::Ones(50, 3);
        const Vertices before = plain.vertices;
        QCOMPARE(weldVertices(plain), Eigen::Index(0));
        QCOMPARE(plain.vertices, before);
        QCOMPARE(plain.normals.rows(), Eigen::Index(50));
    }

    // Many copies in a random order (a grid whose positions repeat, as an OBJ with texture
    // seams splits them): the same answer as the quadratic definition.
    void weldMatchesBruteForce() {
        std::mt19937 rng(17);
        std::uniform_int_distribution<int> cell(0, 39);
        Mesh m;
        const Eigen::Index n = 5000;
        m.vertices.resize(n, 3);
        for (Eigen::Index i = 0; i < n; ++i) {
            // z of +0, -0 or 0.5: a signed zero merges with the other.
            const int z = cell(rng) % 3;
            m.vertices.row(i) << 0.5 * cell(rng), 0.25 * cell(rng),
                z == 0 ? 0.0 : (z == 1 ? -0.0 : 0.5);
        }
        m.triangles.resize(n / 3, 3);
        for (Eigen::Index f = 0; f < n / 3; ++f) {
            m.triangles.row(f) << std::int32_t(3 * f), std::int32_t(3 * f + 1),
                std::int32_t(3 * f + 2);
        }
        const Mesh original = m;
        const Eigen::Index removed = weldVertices(m);
        std::vector<Eigen::RowVector3d> firsts;
        std::vector<std::int32_t> remap(static_cast<std::size_t>(n));
        for (Eigen::Index i = 0; i < n; ++i) {
            const Eigen::RowVector3d p = original.vertices.row(i);
            const auto it = std::find(firsts.begin(), firsts.end(), p);
            remap[std::size_t(i)] = std::int32_t(it - firsts.begin());
            if (it == firsts.end()) {
                firsts.push_back(p);
            }
        }
        QVERIFY(removed > 0);
        QCOMPARE(m.vertexCount(), Eigen::Index(firsts.size()));
        QCOMPARE(removed, n - Eigen::Index(firsts.size()));
        for (std::size_t v = 0; v < firsts.size(); ++v) {
            QCOMPARE(Eigen::RowVector3d(m.vertices.row(Eigen::Index(v))), firsts[v]);
        }
        for (Eigen::Index f = 0; f < m.triangleCount(); ++f) {
            for (int k = 0; k < 3; ++k) {
                QCOMPARE(m.triangles(f, k), remap[std::size_t(original.triangles(f, k))]);
            }
        }
    }

    void snapModeNames() {
        for (SnapMode m :
             {SnapMode::None, SnapMode::Closest, SnapMode::Average, SnapMode::Surface}) {
            QCOMPARE(parseSnapMode(snapModeName(m)), std::optional<SnapMode>(m));
        }
        QCOMPARE(snapModeName(SnapMode::Surface), QStringLiteral("surface"));
        QCOMPARE(snapModeName(SnapMode::Closest), QStringLiteral("closest"));
        QCOMPARE(snapModeName(SnapMode::Average), QStringLiteral("average"));
        QCOMPARE(snapModeName(SnapMode::None), QStringLiteral("none"));
        QCOMPARE(parseSnapMode(u" Average "), std::optional<SnapMode>(SnapMode::Average));
        QCOMPARE(parseSnapMode(u"nearest"), std::nullopt);
        QCOMPARE(parseSnapMode(u""), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestEngineGeometry)
#include "tst_engine_geometry.moc"
