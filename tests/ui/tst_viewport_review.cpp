// The viewport's review features: ground truth and predicted landmarks at once, error lines and
// their legend, selection, clicking and dragging glyphs, placement clicks, hover, and the level
// of detail of big meshes. Runs under Xvfb with QT_QPA_PLATFORM=xcb (tests/ui/CMakeLists.txt).

#include "UiTestSupport.h"

#include "core/landmarks/LandmarkSet.h"
#include "ui/ViewportWidget.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QWindow>
#include <QtTest>

#include <functional>

using pal::test::colourDistance;
using pal::test::countAround;
using pal::test::isMagenta;
using pal::test::spherePoint;
using pal::ui::ViewportWidget;

namespace {
constexpr double kRadius = 40.0;

bool isGreen(QColor c) {
    return c.green() > c.red() + 50 && c.green() > c.blue() + 50;
}
bool isCyan(QColor c) {
    return c.blue() > c.red() + 80 && c.green() > c.red() + 80;
}

QImage renderFrame(ViewportWidget& view) {
    const int before = view.renderedFrameCount();
    view.update();
    if (!QTest::qWaitFor([&] { return view.renderedFrameCount() > before; }, 20000)) {
        return {};
    }
    return view.grabFramebuffer();
}

// On the sphere, distance mm along its parallel east of (phi, lat).
Eigen::Vector3d eastOf(double phiDeg, double latDeg, double mm) {
    const double arc = mm / (kRadius * std::cos(latDeg * std::numbers::pi / 180));
    return spherePoint(kRadius, phiDeg + arc * 180 / std::numbers::pi, latDeg);
}

QPoint at(const ViewportWidget& view, const Eigen::Vector3d& p) {
    return view.projectToWidget(p).toPoint();
}

// The scene of most tests: a finely tessellated sphere seen from the front and two sets.
struct Scene {
    pal::LandmarkSet truth, predicted;
    // Index: 0 error 1.5 mm, 1 4 mm, 2 8 mm (the prediction east of the truth); 3 truth only,
    // 4 predicted only, 5 both on the back of the sphere (hidden).
    Scene() {
        const auto both = [&](int i, double phi, double lat, double mm) {
            truth.setPosition(i, spherePoint(kRadius, phi, lat), pal::LandmarkStatus::Placed);
            predicted.setPosition(i, eastOf(phi, lat, mm), pal::LandmarkStatus::Predicted);
        };
        both(0, -5, 12, 1.5);
        both(1, -35, 20, 4.0);
        both(2, 20, -22, 8.0);
        truth.setPosition(3, spherePoint(kRadius, -25, -30), pal::LandmarkStatus::Placed);
        predicted.setPosition(4, spherePoint(kRadius, 28, 28), pal::LandmarkStatus::Predicted);
        both(5, 180, 0, 3.0);
    }
    double error(int i) const { return (predicted.at(i).position - truth.at(i).position).norm(); }
};

void showScene(ViewportWidget& view, const Scene& scene) {
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setMesh(pal::test::uvSphere(kRadius, 90, 180));
    view.setGroundTruth(scene.truth);
    view.setPredicted(scene.predicted);
    view.resetCamera();
    QVERIFY(view.waitForMeshAnalysis());
    QVERIFY(!renderFrame(view).isNull());
}
} // namespace

class TestViewportReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void drawsBothSetsAndTheErrorLines() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QVERIFY(view.hasGroundTruth() && view.hasPredicted());
        QCOMPARE(view.landmarkRadius(), 1.6);
        const QImage image = renderFrame(view);
        image.save(QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/viewport_review.png"));

        // (The ring of pair 0, 1.5 mm off, covers its sphere's centre: it is drawn in front.)
        QVERIFY(countAround(image, at(view, scene.truth.at(0).position), 6, isGreen) > 20);
        for (int i : {1, 2, 3}) {
            const QColor c = image.pixelColor(at(view, scene.truth.at(i).position));
            QVERIFY2(isGreen(c), qPrintable(QStringLiteral("truth %1: %2").arg(i).arg(c.name())));
        }
        for (int i : {0, 1, 2, 4}) {
            const QPoint p = at(view, scene.predicted.at(i).position);
            QVERIFY2(countAround(image, p, 2, isMagenta) > 3, qPrintable(QString::number(i)));
        }
        // Nothing drawn for the hidden pair, nor where there is no landmark.
        QCOMPARE(countAround(image, at(view, {0, 0, kRadius}), 4, isMagenta), 0);
        QCOMPARE(countAround(image, at(view, {0, 0, kRadius}), 4, isGreen), 0);

        // One line per pair (the hidden pair's too), coloured by the error.
        QCOMPARE(view.errorLineCount(), 4);
        QVERIFY(view.errorLegendVisible());
        QVERIFY(colourDistance(ViewportWidget::errorColor(1.0), QColor(38, 217, 64)) < 10);
        QVERIFY(ViewportWidget::errorColor(3.0).red() > 230 &&
                ViewportWidget::errorColor(3.0).green() > 200); // yellow
        QVERIFY(isGreen(ViewportWidget::errorColor(1.5)));
        const QColor red = ViewportWidget::errorColor(8.0);
        QVERIFY(red.red() > 200 && red.green() < 60);
        for (int i : {1, 2}) {
            const QPointF mid = (view.projectToWidget(scene.truth.at(i).position) +
                                 view.projectToWidget(scene.predicted.at(i).position)) /
                                2;
            const QColor want = ViewportWidget::errorColor(scene.error(i));
            const int near =
                countAround(image, mid, 1, [&](QColor c) { return colourDistance(c, want) < 60; });
            QVERIFY2(near >= 2,
                     qPrintable(QStringLiteral("line %1 at %2,%3: %4 want %5")
                                    .arg(i)
                                    .arg(mid.x())
                                    .arg(mid.y())
                                    .arg(image.pixelColor(mid.toPoint()).name(), want.name())));
        }

        // Lines off: no line, no legend.
        const QPointF mid2 = (view.projectToWidget(scene.truth.at(2).position) +
                              view.projectToWidget(scene.predicted.at(2).position)) /
                             2;
        view.setErrorLinesVisible(false);
        QCOMPARE(view.errorLineCount(), 0);
        QVERIFY(!view.errorLegendVisible());
        QCOMPARE(countAround(renderFrame(view), mid2, 1,
                             [&](QColor c) { return colourDistance(c, red) < 60; }),
                 0);
        view.setErrorLinesVisible(true);
        QCOMPARE(view.errorLineCount(), 4);

        // One set alone: no lines.
        view.clearGroundTruth();
        QCOMPARE(view.errorLineCount(), 0);
        QVERIFY(!view.errorLegendVisible());
        const QImage predictedOnly = renderFrame(view);
        QVERIFY(!isGreen(predictedOnly.pixelColor(at(view, scene.truth.at(3).position))));
        QVERIFY(countAround(predictedOnly, at(view, scene.predicted.at(4).position), 2, isMagenta) >
                3);
    }

    // Labels and the legend are pictures drawn into the frame: white text on dark boxes where
    // labelRects() says, the colour bar (green at its foot, red at its head) in the legend's
    // rectangle; nothing of either once switched off.
    void labelsAndTheLegendAreDrawn() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QImage image = renderFrame(view);
        const double dpr = image.devicePixelRatio();
        auto pixels = [&](const QImage& img, const QRectF& r, auto&& want) {
            int n = 0;
            const QRect px = QRectF(r.topLeft() * dpr, r.size() * dpr).toRect() & img.rect();
            for (int y = px.top(); y <= px.bottom(); ++y) {
                for (int x = px.left(); x <= px.right(); ++x) {
                    n += want(img.pixelColor(x, y)) ? 1 : 0;
                }
            }
            return n;
        };
        const auto white = [](QColor c) {
            return c.red() > 235 && c.green() > 235 && c.blue() > 235;
        };
        const auto red = [](QColor c) { return c.red() > 200 && c.green() < 80 && c.blue() < 80; };
        const QList<QRectF> labels = view.labelRects();
        QCOMPARE(view.visibleLabelCount(), 5); // landmarks 0-4; 5 is behind the sphere
        int withText = 0;
        for (const QRectF& r : labels) {
            if (!r.isNull()) {
                withText += pixels(image, r, white) >= 6 ? 1 : 0;
            }
        }
        QCOMPARE(withText, view.visibleLabelCount());

        const QRectF legend = view.errorLegendRect();
        QVERIFY(!legend.isNull());
        QVERIFY(pixels(image, legend, red) > 20);
        QVERIFY(pixels(image, legend, isGreen) > 20);
        QVERIFY(pixels(image, legend, white) > 10); // title and ticks

        view.setLabelsVisible(false);
        view.setErrorLegendVisible(false);
        image = renderFrame(view);
        for (const QRectF& r : labels) {
            if (!r.isNull()) {
                QCOMPARE(pixels(image, r, white), 0);
            }
        }
        QCOMPARE(pixels(image, legend, red), 0);
    }

    void updatingOneLandmarkMovesItsGlyphAndLine() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        const Eigen::Vector3d target = spherePoint(kRadius, 0, -10);
        QCOMPARE(countAround(renderFrame(view), at(view, target), 2, isMagenta), 0);
        pal::Landmark moved = scene.predicted.at(4);
        moved.position = target;
        moved.status = pal::LandmarkStatus::Corrected;
        view.updatePredictedLandmark(4, moved);
        QImage image = renderFrame(view);
        QVERIFY(countAround(image, at(view, target), 2, isMagenta) > 3);
        QCOMPARE(countAround(image, at(view, scene.predicted.at(4).position), 2, isMagenta), 0);

        // A ground truth appears for it: a fifth line.
        pal::Landmark truth;
        truth.position = eastOf(0, -10, -6.0);
        truth.status = pal::LandmarkStatus::Placed;
        view.updateGroundTruthLandmark(4, truth);
        QCOMPARE(view.errorLineCount(), 5);
        image = renderFrame(view);
        QVERIFY(isGreen(image.pixelColor(at(view, truth.position))));
        // Removed again.
        truth.status = pal::LandmarkStatus::Missing;
        view.updateGroundTruthLandmark(4, truth);
        QCOMPARE(view.errorLineCount(), 4);
        QVERIFY(!isGreen(renderFrame(view).pixelColor(at(view, eastOf(0, -10, -6.0)))));
    }

    void selectionHighlightsBothGlyphs() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QCOMPARE(view.selectedLandmark(), -1);
        const QPointF truth = view.projectToWidget(scene.truth.at(2).position);
        const QPointF predicted = view.projectToWidget(scene.predicted.at(2).position);
        const QImage before = renderFrame(view);
        QCOMPARE(countAround(before, truth, 16, isCyan), 0);
        const int greenBefore = countAround(before, truth, 16, isGreen);
        view.setSelectedLandmark(2);
        QCOMPARE(view.selectedLandmark(), 2);
        const QImage selected = renderFrame(view);
        QVERIFY(countAround(selected, truth, 16, isCyan) > 10);
        QVERIFY(countAround(selected, predicted, 16, isCyan) > 10);
        QVERIFY(countAround(selected, truth, 16, isGreen) > greenBefore); // bigger
        view.setSelectedLandmark(-1);
        QCOMPARE(countAround(renderFrame(view), truth, 16, isCyan), 0);
    }

    void clickingAGlyphEmitsItsIndex() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        view.setDragEnabled(false);
        QSignalSpy clicked(&view, &ViewportWidget::landmarkClicked);
        const QPointF front = view.projectToWidget({0, 0, kRadius});

        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier,
                          at(view, scene.truth.at(3).position));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 3);
        QCOMPARE(clicked.at(0).at(1).toBool(), true);
        QTest::qWait(600); // no double click
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier,
                          at(view, scene.predicted.at(1).position));
        QCOMPARE(clicked.count(), 2);
        QCOMPARE(clicked.at(1).at(0).toInt(), 1);
        QCOMPARE(clicked.at(1).at(1).toBool(), false);

        int index = -1;
        bool groundTruth = false;
        QVERIFY(view.landmarkAt(view.projectToWidget(scene.truth.at(2).position), &index,
                                &groundTruth));
        QCOMPARE(index, 2);
        QVERIFY(groundTruth);
        // The hidden pair projects onto the centre: nothing there.
        QVERIFY(!view.landmarkAt(front, &index, &groundTruth));
        QCOMPARE((view.projectToWidget({0, 0, kRadius}) - front).manhattanLength(), 0.0);
    }

    // The view draws into a native child window: events the window system sends there (QTest
    // on the QWindow goes through the same path) must reach the view's handlers.
    void theWindowsInputReachesTheView() {
        Scene scene;
        QWidget top;
        auto* focusElsewhere = new QLineEdit(&top);
        auto* view = new ViewportWidget(&top);
        view->setGeometry(0, 40, 640, 480);
        top.resize(640, 520);
        top.show();
        QVERIFY(QTest::qWaitForWindowExposed(&top));
        QWindow* window = view->surfaceWindow();
        QVERIFY(window != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        view->setMesh(pal::test::uvSphere(kRadius, 90, 180));
        view->setGroundTruth(scene.truth);
        view->setPredicted(scene.predicted);
        view->resetCamera();
        QVERIFY(view->waitForMeshAnalysis());
        QVERIFY(!view->grabFramebuffer().isNull());
        focusElsewhere->setFocus();
        view->setDragEnabled(false);
        QSignalSpy clicked(view, &ViewportWidget::landmarkClicked);

        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier,
                          at(*view, scene.truth.at(3).position));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 3);
        QVERIFY(view->hasFocus()); // keys now go to the view, not the line edit

        const Eigen::Vector3d front(0, 0, kRadius);
        const QPointF before = view->projectToWidget(front);
        QTest::qWait(600); // no double click
        QTest::mousePress(window, Qt::LeftButton, Qt::NoModifier, QPoint(30, 240));
        for (int step = 1; step <= 5; ++step) {
            QTest::mouseMove(window, QPoint(30 + 20 * step, 240));
        }
        QTest::mouseRelease(window, Qt::LeftButton, Qt::NoModifier, QPoint(130, 240));
        QVERIFY(view->projectToWidget(front).x() > before.x() + 30); // the camera turned
        QCOMPARE(clicked.count(), 1);
        QVERIFY(!view->grabFramebuffer().isNull());
    }

    void draggingMovesThePredictedGlyphOnTheSurface() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QVERIFY(view.dragEnabled());
        QSignalSpy started(&view, &ViewportWidget::dragStarted);
        QSignalSpy moved(&view, &ViewportWidget::dragMoved);
        QSignalSpy finished(&view, &ViewportWidget::dragFinished);
        QSignalSpy clicked(&view, &ViewportWidget::landmarkClicked);
        const Eigen::Vector3d front(0, 0, kRadius);
        const QPointF frontBefore = view.projectToWidget(front);

        const QPoint from = at(view, scene.predicted.at(4).position);
        const QPoint to = at(view, spherePoint(kRadius, -10, -5));
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, from);
        QVERIFY(!view.isDragging()); // a click until the mouse moves
        QCOMPARE(started.count(), 0);
        for (int step = 1; step <= 8; ++step) {
            QTest::mouseMove(&view, from + (to - from) * step / 8);
        }
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, to);
        QVERIFY(!view.isDragging());

        QCOMPARE(clicked.count(), 1);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toInt(), 4);
        QVERIFY(moved.count() >= 6);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 4);
        const auto point = finished.at(0).at(1).value<Eigen::Vector3d>();
        QVERIFY2(std::abs(point.norm() - kRadius) < 0.05,
                 qPrintable(QString::number(point.norm())));
        QVERIFY(point.z() > 0); // the front of the sphere, under the mouse
        QVERIFY((view.projectToWidget(point) - QPointF(to)).manhattanLength() < 1.5);
        for (const QList<QVariant>& args : moved) {
            QVERIFY(std::abs(args.at(1).value<Eigen::Vector3d>().norm() - kRadius) < 0.05);
        }
        // The camera did not move (to a fraction of a pixel: the frames of a drag are drawn at a
        // reduced resolution, whose rounded size shifts projections a little); the glyph did.
        QVERIFY((view.projectToWidget(front) - frontBefore).manhattanLength() < 0.5);
        const QImage image = renderFrame(view);
        QVERIFY(countAround(image, to, 2, isMagenta) > 3);
        QCOMPARE(countAround(image, from, 2, isMagenta), 0);

        // A ground-truth glyph does not drag, and the camera stays.
        QTest::qWait(600);
        const QPoint truth = at(view, scene.truth.at(3).position);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, truth);
        QVERIFY(!view.isDragging());
        QTest::mouseMove(&view, truth + QPoint(40, 0));
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, truth + QPoint(40, 0));
        QCOMPARE(started.count(), 1);
        QCOMPARE(view.projectToWidget(front), frontBefore);

        // The background still turns the camera.
        QTest::qWait(600);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, QPoint(30, 240));
        for (int step = 1; step <= 5; ++step) {
            QTest::mouseMove(&view, QPoint(30 + 20 * step, 240));
        }
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, QPoint(130, 240));
        QVERIFY(view.projectToWidget(front).x() > frontBefore.x() + 30);
        QCOMPARE(started.count(), 1);
    }

    // A press and release on a predicted glyph, with the mouse still or moving less than the
    // click slop, selects it and moves nothing: no drag signal at all.
    void aClickOnAGlyphNeverDrags() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QSignalSpy started(&view, &ViewportWidget::dragStarted);
        QSignalSpy moved(&view, &ViewportWidget::dragMoved);
        QSignalSpy finished(&view, &ViewportWidget::dragFinished);
        QSignalSpy clicked(&view, &ViewportWidget::landmarkClicked);
        const QPoint glyph = at(view, scene.predicted.at(4).position);
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, glyph);
        QTest::qWait(600); // no double click
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, glyph);
        QTest::mouseMove(&view, glyph + QPoint(2, 1)); // a hand's tremor, not a drag
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, glyph + QPoint(2, 1));
        QCOMPARE(clicked.count(), 2);
        QCOMPARE(clicked.at(0).at(0).toInt(), 4);
        QCOMPARE(started.count(), 0);
        QCOMPARE(moved.count(), 0);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!view.isDragging());
    }

    void placementModeEmitsTheSurfacePoint() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QSignalSpy placed(&view, &ViewportWidget::surfaceClicked);
        const Eigen::Vector3d front(0, 0, kRadius);
        const QPointF frontBefore = view.projectToWidget(front);
        const Eigen::Vector3d target = spherePoint(kRadius, 12, 5);

        // Off: a click on the surface places nothing.
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, at(view, target));
        QCOMPARE(placed.count(), 0);

        view.setPlacementEnabled(true);
        QVERIFY(view.placementEnabled());
        QTest::qWait(600);
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, at(view, target));
        QCOMPARE(placed.count(), 1);
        const auto point = placed.at(0).at(0).value<Eigen::Vector3d>();
        QVERIFY(std::abs(point.norm() - kRadius) < 0.05);
        QVERIFY2((point - target).norm() < 0.5,
                 qPrintable(QString::number((point - target).norm())));
        QCOMPARE(view.projectToWidget(front), frontBefore);
        Eigen::Vector3d again;
        QVERIFY(view.surfaceAt(view.projectToWidget(target), &again));
        QVERIFY((again - target).norm() < 0.1);

        // The background, and glyphs, place nothing.
        QTest::qWait(600);
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(20, 20));
        QTest::qWait(600);
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier,
                          at(view, scene.truth.at(3).position));
        QCOMPARE(placed.count(), 1);
        // A drag from the surface turns the camera instead.
        QTest::qWait(600);
        const QPoint start = at(view, target);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 5; ++step) {
            QTest::mouseMove(&view, start + QPoint(20 * step, 0));
        }
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, start + QPoint(100, 0));
        QCOMPARE(placed.count(), 1);
        QVERIFY(view.projectToWidget(front).x() > frontBefore.x() + 30);
    }

    void hoverReportsWhatIsUnderTheMouse() {
        Scene scene;
        ViewportWidget view;
        showScene(view, scene);
        QSignalSpy glyph(&view, &ViewportWidget::hoveredLandmark);
        QSignalSpy surface(&view, &ViewportWidget::hoveredSurface);
        QSignalSpy nothing(&view, &ViewportWidget::hoveredNothing);
        QSignalSpy text(&view, &ViewportWidget::hovered);

        QTest::mouseMove(&view, at(view, scene.predicted.at(2).position));
        QTRY_COMPARE_WITH_TIMEOUT(glyph.count(), 1, 2000);
        QCOMPARE(glyph.at(0).at(0).toInt(), 2);
        QCOMPARE(glyph.at(0).at(1).toBool(), false);
        QVERIFY(text.count() >= 1);
        const QString said = text.last().at(0).toString();
        QVERIFY2(said.contains(QStringLiteral("predicted")) &&
                     said.contains(QStringLiteral("8.0 mm")),
                 qPrintable(said));

        QTest::mouseMove(&view, at(view, spherePoint(kRadius, 0, -10)));
        QTRY_VERIFY_WITH_TIMEOUT(surface.count() >= 1, 2000);
        const auto point = surface.last().at(0).value<Eigen::Vector3d>();
        QVERIFY(std::abs(point.norm() - kRadius) < 0.05);

        QTest::mouseMove(&view, QPoint(10, 10));
        QTRY_COMPARE_WITH_TIMEOUT(nothing.count(), 1, 2000);
        QVERIFY(text.last().at(0).toString().isEmpty());
    }

    void bigMeshesTurnWithALevelOfDetail() {
        ViewportWidget view;
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const pal::Mesh mesh = pal::test::uvSphere(kRadius, 320, 640); // 409k triangles
        QVERIFY(mesh.triangleCount() > 400000);
        view.setMesh(mesh);
        view.resetCamera();
        QVERIFY(view.waitForMeshAnalysis());
        const long lod = view.levelOfDetailTriangleCount();
        // About kLodTargetTriangles (25,000).
        QVERIFY2(lod > 15000 && lod < 40000, qPrintable(QString::number(lod)));
        QVERIFY(!view.showingLevelOfDetail());
        const QImage still = renderFrame(view);
        const QPointF front = view.projectToWidget({0, 0, kRadius});

        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, front.toPoint());
        QTest::mouseMove(&view, front.toPoint() + QPoint(20, 0));
        QVERIFY(view.showingLevelOfDetail());
        const QImage moving = renderFrame(view);
        // The copy looks like the mesh: the centre is surface, not background.
        QVERIFY(colourDistance(moving.pixelColor(front.toPoint()),
                               still.pixelColor(front.toPoint())) < 40);
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, front.toPoint() + QPoint(20, 0));
        QTRY_VERIFY_WITH_TIMEOUT(!view.showingLevelOfDetail(), 2000);

        // A small mesh has none.
        view.setMesh(pal::test::uvSphere(kRadius));
        QVERIFY(view.waitForMeshAnalysis());
        QCOMPARE(view.levelOfDetailTriangleCount(), 0L);
    }

    // The detail of moving frames follows their measured time: a frame rate no frame can
    // reach takes the coarsest level, one every frame reaches brings level 0 back; a still
    // view is full detail whatever the level.
    void movingDetailFollowsTheFrameRate() {
        ViewportWidget view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setMesh(pal::test::uvSphere(kRadius, 320, 640)); // 409k triangles
        view.resetCamera();
        QVERIFY(view.waitForMeshAnalysis());
        const long fineCopy = view.levelOfDetailTriangleCount();
        QVERIFY(view.adaptiveDetail());
        QCOMPARE(view.detailLevel(), 0);
        renderFrame(view);
        const QPoint from(view.width() / 3, view.height() / 2);

        // Turns the camera with steps mouse moves (a frame each) until done() holds.
        auto turn = [&](int steps, const std::function<bool()>& done) {
            QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, from);
            for (int i = 1; i <= steps && !done(); ++i) {
                const int before = view.renderedFrameCount();
                // Never the same place twice in a row: each move turns the camera.
                QTest::mouseMove(&view, from + QPoint(4 * (1 + i % 10), 0));
                if (!QTest::qWaitFor([&] { return view.renderedFrameCount() > before; }, 5000)) {
                    break;
                }
            }
        };
        auto release = [&] {
            QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, from);
            QTRY_VERIFY_WITH_TIMEOUT(!view.showingLevelOfDetail(), 2000);
        };
        const double dpr = view.devicePixelRatioF();
        const double viewPixels = view.width() * dpr * view.height() * dpr;

        // Level 0 at 1000 x 700: about 640 x 400 pixels.
        turn(2, [] { return false; });
        QVERIFY(view.showingLevelOfDetail());
        QCOMPARE(view.detailLevel(), 0);
        QVERIFY(std::abs(view.renderScale() - std::sqrt(256000 / viewPixels)) < 0.01);
        release();

        view.setMovingFrameRate(1e6);
        turn(40, [&] { return view.detailLevel() == 4; });
        QCOMPARE(view.detailLevel(), 4);
        QVERIFY(view.showingLevelOfDetail());
        QVERIFY2(std::abs(view.renderScale() - std::max(0.25, std::sqrt(80000 / viewPixels))) <
                     0.01,
                 qPrintable(QString::number(view.renderScale())));
        const long coarseCopy = view.levelOfDetailTriangleCount();
        QVERIFY2(coarseCopy > 3000 && coarseCopy < fineCopy / 2,
                 qPrintable(QStringLiteral("%1 / %2").arg(coarseCopy).arg(fineCopy)));
        release();
        QCOMPARE(view.renderScale(), 1.0); // still: full resolution and the full mesh
        QCOMPARE(view.detailLevel(), 4);   // kept for the next move

        view.setMovingFrameRate(0.1); // ten seconds a frame: every frame is well within it
        turn(80, [&] { return view.detailLevel() == 0; });
        QCOMPARE(view.detailLevel(), 0);
        QCOMPARE(view.levelOfDetailTriangleCount(), fineCopy);
        release();

        // Off: level 0 whatever the frames take.
        view.setMovingFrameRate(1e6);
        view.setAdaptiveDetail(false);
        turn(12, [] { return false; });
        QCOMPARE(view.detailLevel(), 0);
        QCOMPARE(view.levelOfDetailTriangleCount(), fineCopy);
        release();
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestViewportReview test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_viewport_review.moc"
