// The viewport with a big mesh: frame times while the camera turns (with and without the
// level of detail) and when still, glyph drags, and click-to-placed latency.
//
//     xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb
//     build/release/bin/bench_viewport
//
// Options: --rings N (the sphere's rings; 500 gives 998,000 triangles), --size WxH (the view),
// --fps N (the frame rate moving frames keep; 30 by default), --shots DIR (pictures).
// A plain timing harness: the interaction is synthesized with QTest mouse events, so the
// figures include event handling, picking and the render of each frame.

#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/Mesh.h"
#include "ui/ViewportWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSurfaceFormat>
#include <QTest>

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

using pal::ui::ViewportWidget;

namespace {

constexpr double kRadius = 80.0;

// A UV sphere of rings x 2 rings segments: 2 * rings * segments - 2 * segments triangles.
pal::Mesh sphere(int rings) {
    const int segments = 2 * rings;
    pal::Mesh mesh;
    const int count = 2 + (rings - 1) * segments;
    mesh.vertices.resize(count, 3);
    mesh.vertices.row(0) << 0, kRadius, 0;
    mesh.vertices.row(count - 1) << 0, -kRadius, 0;
    for (int r = 1; r < rings; ++r) {
        const double theta = std::numbers::pi * r / rings;
        for (int s = 0; s < segments; ++s) {
            const double phi = 2 * std::numbers::pi * s / segments;
            mesh.vertices.row(1 + (r - 1) * segments + s)
                << kRadius * std::sin(theta) * std::sin(phi),
                kRadius * std::cos(theta), kRadius * std::sin(theta) * std::cos(phi);
        }
    }
    auto id = [&](int r, int s) {
        return r == 0 ? 0 : r == rings ? count - 1 : 1 + (r - 1) * segments + s % segments;
    };
    std::vector<std::array<int, 3>> faces;
    faces.reserve(static_cast<std::size_t>(2 * rings * segments));
    for (int r = 0; r < rings; ++r) {
        for (int s = 0; s < segments; ++s) {
            if (r != 0) {
                faces.push_back({id(r, s), id(r + 1, s), id(r, s + 1)});
            }
            if (r != rings - 1) {
                faces.push_back({id(r + 1, s), id(r + 1, s + 1), id(r, s + 1)});
            }
        }
    }
    mesh.triangles.resize(static_cast<Eigen::Index>(faces.size()), 3);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        mesh.triangles.row(static_cast<Eigen::Index>(f)) << faces[f][0], faces[f][1], faces[f][2];
    }
    return mesh;
}

Eigen::Vector3d spherePoint(double phiDeg, double latDeg) {
    const double phi = phiDeg * std::numbers::pi / 180, lat = latDeg * std::numbers::pi / 180;
    return {kRadius * std::cos(lat) * std::sin(phi), kRadius * std::sin(lat),
            kRadius * std::cos(lat) * std::cos(phi)};
}

// Waits for the next frame; returns false after 20 s.
bool nextFrame(ViewportWidget& view, int before) {
    QElapsedTimer clock;
    clock.start();
    while (view.renderedFrameCount() <= before) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (clock.elapsed() > 20000) {
            return false;
        }
    }
    return true;
}

struct Stats {
    double mean = 0, median = 0, max = 0;
};

Stats stats(std::vector<double> ms) {
    Stats s;
    if (ms.empty()) {
        return s;
    }
    for (double v : ms) {
        s.mean += v / double(ms.size());
    }
    std::sort(ms.begin(), ms.end());
    s.median = ms[ms.size() / 2];
    s.max = ms.back();
    return s;
}

void print(const char* what, const Stats& s, bool fps = false) {
    std::printf("%-44s mean %7.1f ms  median %7.1f ms  max %7.1f ms", what, s.mean, s.median,
                s.max);
    if (fps && s.mean > 0) {
        std::printf("  (%.1f frames/s)", 1000.0 / s.mean);
    }
    std::printf("\n");
}

// The render scale of the last moving frame rotate() saw.
double g_lastMovingScale = 1.0;

// Turns the camera with a left drag from the view's left third: steps moves of dx pixels,
// each followed by its frame. Returns the time per step (event + render).
std::vector<double> rotate(ViewportWidget& view, int steps, int dx, bool* sawLod) {
    const QPoint start(view.width() / 3, view.height() / 2 + 40);
    QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, start);
    std::vector<double> ms;
    QElapsedTimer clock;
    for (int i = 1; i <= steps; ++i) {
        const int before = view.renderedFrameCount();
        clock.start();
        QTest::mouseMove(&view, start + QPoint(dx * (i % 20 < 10 ? i % 10 : 10 - i % 10), 0));
        nextFrame(view, before);
        ms.push_back(clock.nsecsElapsed() / 1e6);
        *sawLod = *sawLod || view.showingLevelOfDetail();
        g_lastMovingScale = view.renderScale();
    }
    QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, start);
    QTest::qWait(400); // full detail again
    return ms;
}

struct Options {
    int rings = 500;
    QSize size{960, 720};
    QString shots;  // --shots DIR: still.png, moving.png and moving-level<N>.png
    double fps = 0; // --fps N: the moving frame rate to keep (default: the viewport's, 30)
};

Options parseOptions() {
    Options o;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--rings")) {
            o.rings = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--fps")) {
            o.fps = args[i + 1].toDouble();
        } else if (args[i] == QLatin1String("--shots")) {
            o.shots = args[i + 1];
        } else if (args[i] == QLatin1String("--size")) {
            const QStringList wh = args[i + 1].split(QLatin1Char('x'));
            if (wh.size() == 2) {
                o.size = QSize(wh[0].toInt(), wh[1].toInt());
            }
        }
    }
    return o;
}

// 50 ground-truth landmarks over the front and a prediction 0-6 mm from each.
void makeLandmarks(pal::LandmarkSet& truth, pal::LandmarkSet& predicted) {
    for (int i = 0; i < truth.size(); ++i) {
        const double phi = -60 + 120.0 * (i % 10) / 9, lat = -45 + 90.0 * (i / 10) / 4;
        truth.setPosition(i, spherePoint(phi, lat), pal::LandmarkStatus::Placed);
        const double off = 6.0 * (i % 7) / 6 / kRadius * 180 / std::numbers::pi;
        predicted.setPosition(i, spherePoint(phi + off, lat - off / 2),
                              pal::LandmarkStatus::Predicted);
    }
}

void measureFirstFrame(ViewportWidget& view, const pal::Mesh& mesh, const pal::LandmarkSet& truth,
                       const pal::LandmarkSet& predicted) {
    QElapsedTimer clock;
    clock.start();
    view.setMesh(mesh);
    const double setMeshMs = clock.nsecsElapsed() / 1e6;
    view.setGroundTruth(truth);
    view.setPredicted(predicted);
    view.resetCamera();
    const int before = view.renderedFrameCount();
    view.update();
    nextFrame(view, before);
    const double firstFrameMs = clock.nsecsElapsed() / 1e6;
    view.waitForMeshAnalysis();
    const double analysedMs = clock.nsecsElapsed() / 1e6;
    std::printf("setMesh %.0f ms; first frame after %.0f ms; locator + level of detail ready "
                "after %.0f ms (%ld triangles while moving)\n",
                setMeshMs, firstFrameMs, analysedMs, view.levelOfDetailTriangleCount());
    std::printf("landmarks: %d ground truth + %d predicted, %d error lines\n", truth.presentCount(),
                predicted.presentCount(), view.errorLineCount());
}

// Still frames: full detail; with --shots, a still and a moving picture.
void measureStill(ViewportWidget& view, const QString& shots) {
    QElapsedTimer clock;
    std::vector<double> still;
    for (int i = 0; i < 8; ++i) {
        const int before = view.renderedFrameCount();
        clock.start();
        view.update();
        nextFrame(view, before);
        still.push_back(clock.nsecsElapsed() / 1e6);
    }
    print("still frame (full detail)", stats(still), true);
    if (!shots.isEmpty()) {
        view.grabFramebuffer().save(shots + QStringLiteral("/still.png"));
        const QPoint from(view.width() / 3, view.height() / 2 + 40);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(&view, from + QPoint(4, 0));
        view.grabFramebuffer().save(shots + QStringLiteral("/moving.png"));
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, from + QPoint(4, 0));
        view.resetCamera();
        QTest::qWait(400);
    }
}

void measureRotation(ViewportWidget& view, const pal::LandmarkSet& truth,
                     const pal::LandmarkSet& predicted) {
    bool sawLod = false;
    // The default: the detail of moving frames follows their time (ViewportFrameBudget). The
    // first move finds the level; the rounds after it start there, as a user's next move does.
    const Stats first = stats(rotate(view, 30, 8, &sawLod));
    print(sawLod ? "rotating, adaptive detail, first move" : "rotating (no LOD drawn!)", first,
          true);
    std::printf("detail level reached: %d (renderScale %.2f while moving, %ld triangles)\n",
                view.detailLevel(), g_lastMovingScale, view.levelOfDetailTriangleCount());
    // Adaptive against level 0 fixed (the level of detail before the budget), alternated in
    // rounds so that the machine's load falls on both alike.
    std::vector<double> adaptive, fixed;
    for (int round = 0; round < 3; ++round) {
        view.setAdaptiveDetail(true);
        const std::vector<double> a = rotate(view, 20, 8, &sawLod);
        adaptive.insert(adaptive.end(), a.begin(), a.end());
        view.setAdaptiveDetail(false);
        const std::vector<double> f = rotate(view, 20, 8, &sawLod);
        fixed.insert(fixed.end(), f.begin(), f.end());
    }
    view.setAdaptiveDetail(true);
    std::printf("detail level after the rounds: %d\n", view.detailLevel());
    print("rotating, adaptive detail (the default)", stats(adaptive), true);
    print("rotating, level 0 fixed", stats(fixed), true);

    // The parts of a level-0 frame (adaptive detail off, so each row is comparable).
    view.setAdaptiveDetail(false);
    std::vector<double> full;
    for (int round = 0; round < 2; ++round) {
        view.setReducedResolutionWhileMoving(false);
        const std::vector<double> f = rotate(view, 20, 8, &sawLod);
        full.insert(full.end(), f.begin(), f.end());
    }
    view.setReducedResolutionWhileMoving(true);
    print("rotating, level 0, full resolution", stats(full), true);
    view.setLabelsVisible(false);
    print("rotating, level 0, labels off", stats(rotate(view, 20, 8, &sawLod)), true);
    view.clearGroundTruth();
    view.clearPredicted();
    print("rotating, level 0, no landmarks", stats(rotate(view, 20, 8, &sawLod)), true);
    view.setGroundTruth(truth);
    view.setPredicted(predicted);
    view.setLabelsVisible(true);
    view.setLevelOfDetailEnabled(false);
    bool unused = false;
    print("rotating, full detail (LOD off)", stats(rotate(view, 10, 8, &unused)), true);
    view.setLevelOfDetailEnabled(true);
    view.setAdaptiveDetail(true);
}

// Dragging a predicted glyph across the surface.
void measureDrag(ViewportWidget& view, const pal::LandmarkSet& predicted) {
    view.resetCamera();
    QTest::qWait(600); // past the double-click interval: a press, not a double click
    QElapsedTimer clock;
    const QPoint from = view.projectToWidget(predicted.at(22).position).toPoint();
    std::vector<double> ms;
    QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, from);
    bool dragging = false; // a press is a click until the mouse moves past a few pixels
    for (int i = 1; i <= 20; ++i) {
        const int before = view.renderedFrameCount();
        clock.start();
        QTest::mouseMove(&view, from + QPoint(3 * i, 2 * i));
        dragging = dragging || view.isDragging();
        nextFrame(view, before);
        ms.push_back(clock.nsecsElapsed() / 1e6);
    }
    QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, from + QPoint(60, 40));
    print(dragging ? "dragging a glyph (move + frame)" : "drag did not start!", stats(ms), true);
    QTest::qWait(400);
}

// Hover picks: the glyph test and the surface ray, as the throttled hover runs them.
void measureHover(ViewportWidget& view) {
    QElapsedTimer clock;
    std::vector<double> ms;
    for (int i = 0; i < 50; ++i) {
        const QPointF p(view.width() * (0.3 + 0.4 * (i % 10) / 9.0),
                        view.height() * (0.3 + 0.4 * (i / 10) / 4.0));
        int index = -1;
        bool gt = false;
        Eigen::Vector3d point;
        clock.start();
        if (!view.landmarkAt(p, &index, &gt)) {
            view.surfaceAt(p, &point);
        }
        ms.push_back(clock.nsecsElapsed() / 1e6);
    }
    print("hover pick (glyphs, then surface)", stats(ms));
}

// Click to placed: a click on the surface to surfaceClicked, and to the frame that shows the
// landmark placed there (the window's answer, simulated).
void measureClicks(ViewportWidget& view) {
    view.setPlacementEnabled(true);
    QElapsedTimer clock;
    std::vector<double> toSignal, toFrame;
    double emittedAt = 0;
    int placedCount = 0;
    QObject::connect(&view, &ViewportWidget::surfaceClicked, &view, [&](const Eigen::Vector3d& p) {
        emittedAt = clock.nsecsElapsed() / 1e6;
        pal::Landmark l;
        l.position = p;
        l.status = pal::LandmarkStatus::Placed;
        view.updatePredictedLandmark(49, l);
        ++placedCount;
    });
    for (int i = 0; i < 10; ++i) {
        const Eigen::Vector3d target = spherePoint(-50 + 10.0 * i, 52);
        const QPoint p = view.projectToWidget(target).toPoint();
        QTest::qWait(300); // no double click
        const int before = view.renderedFrameCount();
        const int placedBefore = placedCount;
        clock.start();
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, p);
        if (placedCount == placedBefore) {
            continue;
        }
        toSignal.push_back(emittedAt);
        nextFrame(view, before);
        toFrame.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::printf("placement clicks: %zu of 10 placed\n", toSignal.size());
    print("click to surfaceClicked", stats(toSignal));
    print("click to the frame showing it", stats(toFrame));
}

} // namespace

int main(int argc, char** argv) {
    pal::ui::ViewportWidget::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    const Options o = parseOptions();

    QElapsedTimer clock;
    clock.start();
    const pal::Mesh mesh = sphere(o.rings);
    std::printf("mesh: %ld vertices, %ld triangles (generated in %.0f ms); view %dx%d\n",
                long(mesh.vertexCount()), long(mesh.triangleCount()), clock.elapsed() * 1.0,
                o.size.width(), o.size.height());
    pal::LandmarkSet truth, predicted;
    makeLandmarks(truth, predicted);

    ViewportWidget view;
    view.resize(o.size);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        std::fprintf(stderr, "no window\n");
        return 1;
    }
    measureFirstFrame(view, mesh, truth, predicted);
    measureStill(view, o.shots);
    if (o.fps > 0) {
        view.setMovingFrameRate(o.fps);
    }
    measureRotation(view, truth, predicted);
    if (!o.shots.isEmpty()) { // a moving frame at the level the rotation reached
        const QPoint from(view.width() / 3, view.height() / 2 + 40);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(&view, from + QPoint(4, 0));
        view.grabFramebuffer().save(o.shots +
                                    QStringLiteral("/moving-level%1.png").arg(view.detailLevel()));
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, from + QPoint(4, 0));
        QTest::qWait(400);
    }
    measureDrag(view, predicted);
    measureHover(view);
    measureClicks(view);
    return 0;
}
