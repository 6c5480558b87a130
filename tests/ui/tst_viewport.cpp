// The viewport draws a mesh, its texture, landmark spheres where the camera projects them and
// their labels, and frames the standard views.
// Runs under Xvfb with QT_QPA_PLATFORM=xcb (tests/ui/CMakeLists.txt).

#include "UiTestSupport.h"

#include "core/landmarks/LandmarkSet.h"
#include "core/mesh/MeshIO.h"
#include "ui/ViewportWidget.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

using pal::test::colourDistance;
using pal::test::countAround;
using pal::test::isMagenta;
using pal::ui::StandardView;
using pal::ui::ViewportWidget;

namespace {
constexpr double kRadius = 80.0;
const QColor kMagenta(255, 0, 255);

// Label text: near-white grey. The lit skin tone is never that grey, the background never
// that light.
bool isTextWhite(QColor c) {
    const int lo = std::min({c.red(), c.green(), c.blue()});
    const int hi = std::max({c.red(), c.green(), c.blue()});
    return lo > 205 && hi - lo < 30;
}

// Pixels in the square of half-size r around at that are label text in on but not in off.
int newTextPixels(const QImage& on, const QImage& off, QPointF at, int r) {
    int n = 0;
    for (int y = int(at.y()) - r; y <= int(at.y()) + r; ++y) {
        for (int x = int(at.x()) - r; x <= int(at.x()) + r; ++x) {
            if (on.rect().contains(x, y) && isTextWhite(on.pixelColor(x, y)) &&
                !isTextWhite(off.pixelColor(x, y))) {
                ++n;
            }
        }
    }
    return n;
}

int countInImage(const QImage& image, bool (*pred)(QColor)) {
    return countAround(image, QPointF(image.width() / 2.0, image.height() / 2.0),
                       std::max(image.width(), image.height()) / 2 + 1, pred);
}
} // namespace

class TestViewport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_plyPath;
    QString m_objPath;

    // Shows the widget's next frame; fails the test when none comes.
    static QImage renderFrame(ViewportWidget& view) {
        const int before = view.renderedFrameCount();
        view.update();
        if (!QTest::qWaitFor([&] { return view.renderedFrameCount() > before; }, 20000)) {
            return {};
        }
        return view.grabFramebuffer();
    }

    static void showViewport(ViewportWidget& view) {
        view.resize(640, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(QTest::qWaitFor([&] { return view.renderedFrameCount() > 0; }, 20000));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const pal::Mesh sphere = pal::test::uvSphere(kRadius);
        QVERIFY(sphere.vertexCount() > 1500);

        pal::Mesh plain = sphere; // no UVs: the viewport computes normals, no texture
        plain.uvs.resize(0, 2);
        plain.triangleUVs.resize(0, 3);
        m_plyPath = m_dir.filePath(QStringLiteral("sphere.ply"));
        pal::writeMesh(plain, m_plyPath);

        // A texture whose left half (u < 0.5) is red and right half blue.
        QImage texture(64, 32, QImage::Format_RGB32);
        for (int x = 0; x < texture.width(); ++x) {
            for (int y = 0; y < texture.height(); ++y) {
                texture.setPixelColor(x, y, x < 32 ? QColor(230, 30, 30) : QColor(30, 30, 230));
            }
        }
        const QString texturePath = m_dir.filePath(QStringLiteral("halves.png"));
        QVERIFY(texture.save(texturePath));
        pal::Mesh textured = sphere;
        textured.texturePath = texturePath;
        m_objPath = m_dir.filePath(QStringLiteral("textured.obj"));
        pal::writeMesh(textured, m_objPath);
    }

    void drawsTheMeshOverTheBackground() {
        ViewportWidget view;
        showViewport(view);
        const QImage empty = renderFrame(view);
        QVERIFY(!empty.isNull());
        const QPoint centre(empty.width() / 2, empty.height() / 2);
        const QColor background = empty.pixelColor(centre);
        // The gradient: lighter at the top than at the bottom.
        QVERIFY(empty.pixelColor(centre.x(), 2).lightness() >
                empty.pixelColor(centre.x(), empty.height() - 3).lightness());

        const pal::Mesh mesh = pal::readMesh(m_plyPath);
        QVERIFY(!mesh.hasNormals());
        view.setMesh(mesh);
        view.resetCamera();
        QVERIFY(view.hasMesh());
        const QImage image = renderFrame(view);
        QVERIFY(!image.isNull());
        const QColor surface = image.pixelColor(centre);
        QVERIFY2(colourDistance(surface, background) > 90,
                 qPrintable(QStringLiteral("centre %1 vs background %2")
                                .arg(surface.name(), background.name())));
        QVERIFY(surface.red() > surface.blue()); // the skin tone, lit
        // The front view frames the sphere: corners stay background, its silhouette is round.
        QCOMPARE(image.pixelColor(3, 3), empty.pixelColor(3, 3));
        const QPointF top = view.projectToWidget({0, kRadius, 0});
        QVERIFY(std::abs(top.x() - centre.x()) < 2);
        QVERIFY(top.y() > 20 && top.y() < centre.y() - 100);
        QVERIFY(colourDistance(image.pixelColor(centre.x(), int(top.y()) + 15),
                               empty.pixelColor(centre.x(), int(top.y()) + 15)) > 40);
        QCOMPARE(image.pixelColor(centre.x(), int(top.y()) - 15),
                 empty.pixelColor(centre.x(), int(top.y()) - 15));

        view.clearMesh();
        QVERIFY(!view.hasMesh());
        QCOMPARE(renderFrame(view).pixelColor(centre), background);
    }

    void drawsLandmarksWhereTheyProject() {
        ViewportWidget view;
        showViewport(view);
        view.setMesh(pal::readMesh(m_plyPath));
        view.resetCamera();

        const Eigen::Vector3d front(0, 0, kRadius);
        const Eigen::Vector3d side = pal::test::spherePoint(kRadius, 35, 20);
        const QImage before = renderFrame(view);
        const QPointF frontAt = view.projectToWidget(front);
        const QPointF sideAt = view.projectToWidget(side);
        QVERIFY(std::abs(frontAt.x() - before.width() / 2.0) < 2);
        QVERIFY(std::abs(frontAt.y() - before.height() / 2.0) < 2);
        QVERIFY(sideAt.x() > frontAt.x() + 50); // +X is to the right,
        QVERIFY(sideAt.y() < frontAt.y() - 30); // +Y up
        QCOMPARE(countAround(before, sideAt, 3, isMagenta), 0);

        pal::LandmarkSet set;
        set.setPosition(0, front, pal::LandmarkStatus::Placed);
        set.setPosition(7, side, pal::LandmarkStatus::Predicted);
        view.setLandmarks(set, kMagenta);
        const QImage image = renderFrame(view);
        QVERIFY(isMagenta(image.pixelColor(frontAt.toPoint())));
        QVERIFY(isMagenta(image.pixelColor(sideAt.toPoint())));
        // Small spheres: nothing magenta 25 px away.
        QCOMPARE(countAround(image, frontAt + QPointF(0, 25), 3, isMagenta), 0);
        QCOMPARE(countAround(image, frontAt + QPointF(-60, 0), 3, isMagenta), 0);

        // The radius is in millimetres: 3x the radius, about 9x the area.
        const int small = countAround(image, frontAt, 40, isMagenta);
        QVERIFY(small > 12);
        view.setLandmarkRadius(4.5);
        QCOMPARE(view.landmarkRadius(), 4.5);
        const int large = countAround(renderFrame(view), frontAt, 40, isMagenta);
        QVERIFY2(large > 5 * small, qPrintable(QStringLiteral("%1 vs %2").arg(large).arg(small)));

        view.clearLandmarks();
        QCOMPARE(countAround(renderFrame(view), frontAt, 40, isMagenta), 0);
    }

    void mouseAndKeysMoveTheCamera() {
        ViewportWidget view;
        showViewport(view);
        view.setMesh(pal::readMesh(m_plyPath));
        view.resetCamera();
        renderFrame(view);
        const Eigen::Vector3d front(0, 0, kRadius);
        const QPointF centre(view.width() / 2.0, view.height() / 2.0);
        QVERIFY((view.projectToWidget(front) - centre).manhattanLength() < 2);

        // A left drag to the right turns the sphere: its front point follows the mouse.
        const QPoint start = centre.toPoint();
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 5; ++step) {
            QTest::mouseMove(&view, start + QPoint(20 * step, 0));
        }
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, start + QPoint(100, 0));
        const QPointF turned = view.projectToWidget(front);
        QVERIFY2(turned.x() > centre.x() + 30, qPrintable(QString::number(turned.x())));
        QVERIFY(std::abs(turned.y() - centre.y()) < 5);
        const QColor midBackground(
            (ViewportWidget::backgroundTop().red() + ViewportWidget::backgroundBottom().red()) / 2,
            (ViewportWidget::backgroundTop().green() + ViewportWidget::backgroundBottom().green()) /
                2,
            (ViewportWidget::backgroundTop().blue() + ViewportWidget::backgroundBottom().blue()) /
                2);
        QVERIFY(colourDistance(renderFrame(view).pixelColor(start), midBackground) >
                90); // still drawn

        // R brings back the front view; the wheel zooms in around the centre.
        QTest::keyClick(&view, Qt::Key_R);
        QVERIFY((view.projectToWidget(front) - centre).manhattanLength() < 2);
        const Eigen::Vector3d side = pal::test::spherePoint(kRadius, 30, 0);
        const double before = view.projectToWidget(side).x() - centre.x();
        QWheelEvent wheel(centre, view.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.projectToWidget(side).x() - centre.x() > before * 1.05);
    }

    void labelsShowTheKeyNextToTheLandmark() {
        ViewportWidget view;
        showViewport(view);
        view.setMesh(pal::readMesh(m_plyPath));
        view.resetCamera();
        QVERIFY(view.labelsVisible());

        pal::LandmarkSet set;
        const int prn = set.schema().indexOfKey(QStringLiteral("Prn"));
        const int exL = set.schema().indexOfKey(QStringLiteral("Ex_L"));
        QVERIFY(prn >= 0 && exL >= 0);
        const Eigen::Vector3d point = pal::test::spherePoint(kRadius, -25, 15);
        set.setPosition(prn, point, pal::LandmarkStatus::Placed);
        // On the back of the sphere: the mesh hides it, and its label with it.
        set.setPosition(exL, {0, 0, -kRadius}, pal::LandmarkStatus::Placed);
        view.setLandmarks(set, kMagenta);
        const QImage on = renderFrame(view);
        QVERIFY(!on.isNull());
        QCOMPARE(view.visibleLabelCount(), 1);

        view.setLabelsVisible(false);
        QVERIFY(!view.labelsVisible());
        const QImage off = renderFrame(view);
        QCOMPARE(view.visibleLabelCount(), 0);

        const QPointF at = view.projectToWidget(point);
        const int text = newTextPixels(on, off, at, 40);
        QVERIFY2(text > 15, qPrintable(QStringLiteral("%1 text pixels").arg(text)));
        // The text starts right of the marker, which stays uncovered.
        QVERIFY(newTextPixels(on, off, at + QPointF(25, 0), 18) > text / 2);
        QCOMPARE(newTextPixels(on, off, at - QPointF(25, 0), 15), 0);
        QVERIFY(isMagenta(on.pixelColor(at.toPoint())));
        // Nothing drawn for the hidden landmark, which projects onto the centre.
        QCOMPARE(newTextPixels(on, off, view.projectToWidget({0, 0, -kRadius}), 30), 0);

        // Back on; cleared with the landmarks.
        view.setLabelsVisible(true);
        QVERIFY(newTextPixels(renderFrame(view), off, at, 40) > 15);
        QCOMPARE(view.visibleLabelCount(), 1);
        view.clearLandmarks();
        QCOMPARE(newTextPixels(renderFrame(view), off, at, 40), 0);
        QCOMPARE(view.visibleLabelCount(), 0);
    }

    void standardViewsFrameEachSide() {
        StandardView parsed = StandardView::Front;
        QVERIFY(pal::ui::parseStandardView(QStringLiteral("Left"), parsed));
        QCOMPARE(parsed, StandardView::Left);
        QVERIFY(!pal::ui::parseStandardView(QStringLiteral("back"), parsed));
        for (StandardView v : {StandardView::Front, StandardView::Left, StandardView::Right,
                               StandardView::Top, StandardView::Bottom}) {
            QVERIFY(pal::ui::parseStandardView(pal::ui::standardViewName(v), parsed));
            QCOMPARE(parsed, v);
        }

        ViewportWidget view;
        showViewport(view);
        view.setMesh(pal::readMesh(m_plyPath));
        // A marker on the subject's left (+X).
        const Eigen::Vector3d left(kRadius, 0, 0);
        pal::LandmarkSet set;
        set.setPosition(set.schema().indexOfKey(QStringLiteral("Zy_L")), left,
                        pal::LandmarkStatus::Placed);
        view.setLandmarks(set, kMagenta);
        const QPointF centre(view.width() / 2.0, view.height() / 2.0);
        const Eigen::Vector3d front(0, 0, kRadius), top(0, kRadius, 0), bottom(0, -kRadius, 0);
        auto near = [](QPointF a, QPointF b) { return (a - b).manhattanLength() < 3; };

        view.setStandardView(StandardView::Left);
        QImage image = renderFrame(view);
        QVERIFY(near(view.projectToWidget(left), centre));
        QVERIFY(isMagenta(image.pixelColor(centre.toPoint())));
        QCOMPARE(view.visibleLabelCount(), 1);
        QVERIFY(view.projectToWidget(front).x() < centre.x() - 100); // the face to the left
        QVERIFY(view.projectToWidget(top).y() < centre.y() - 100);   // +Y up
        // The whole sphere in view: its rim inside the image, the corners background.
        QVERIFY(view.projectToWidget(top).y() > 5);
        QVERIFY(colourDistance(image.pixelColor(3, 3), image.pixelColor(image.width() - 4, 3)) <
                10);

        view.setStandardView(StandardView::Right);
        image = renderFrame(view);
        QVERIFY(near(view.projectToWidget({-kRadius, 0, 0}), centre));
        QCOMPARE(countInImage(image, isMagenta), 0); // behind the sphere
        QCOMPARE(view.visibleLabelCount(), 0);
        QVERIFY(view.projectToWidget(front).x() > centre.x() + 100); // the face to the right

        view.setStandardView(StandardView::Top);
        image = renderFrame(view);
        QVERIFY(near(view.projectToWidget(top), centre));
        QVERIFY(view.projectToWidget(front).y() > centre.y() + 100); // the face at the bottom
        QVERIFY(view.projectToWidget(left).x() > centre.x() + 100);  // the subject's left right

        view.setStandardView(StandardView::Bottom);
        image = renderFrame(view);
        QVERIFY(near(view.projectToWidget(bottom), centre));
        QVERIFY(view.projectToWidget(front).y() < centre.y() - 100); // the face at the top
        QVERIFY(view.projectToWidget(left).x() > centre.x() + 100);

        view.setStandardView(StandardView::Front);
        renderFrame(view);
        QVERIFY(near(view.projectToWidget(front), centre));
        QVERIFY(view.projectToWidget(left).x() > centre.x() + 100);

        // The keys: Ctrl+3 left, 3 right, 7 top, Ctrl+7 bottom, 1 front.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_3, Qt::ControlModifier);
        QVERIFY(near(view.projectToWidget(left), centre));
        QTest::keyClick(&view, Qt::Key_3);
        QVERIFY(near(view.projectToWidget({-kRadius, 0, 0}), centre));
        QTest::keyClick(&view, Qt::Key_7);
        QVERIFY(near(view.projectToWidget(top), centre));
        QTest::keyClick(&view, Qt::Key_7, Qt::ControlModifier);
        QVERIFY(near(view.projectToWidget(bottom), centre));
        QTest::keyClick(&view, Qt::Key_1);
        QVERIFY(near(view.projectToWidget(front), centre));
    }

    void drawsTheTextureAcrossTheSeam() {
        const pal::Mesh mesh = pal::readMesh(m_objPath);
        QVERIFY(mesh.hasUVs());
        QVERIFY(!mesh.texturePath.isEmpty());
        ViewportWidget view;
        showViewport(view);
        view.setMesh(mesh);
        view.resetCamera();
        const QImage image = renderFrame(view);
        // The seam runs down the front (phi = 0); segments are 6 degrees wide. Just right of
        // it u is near 0 (red), just left near 1 (blue): a vertex shared across the seam with
        // one UV would smear the whole texture over those triangles.
        auto isRed = [](QColor c) { return c.red() > c.blue() + 60 && c.red() > c.green() + 60; };
        auto isBlue = [](QColor c) { return c.blue() > c.red() + 60 && c.blue() > c.green() + 60; };
        for (double lat : {-20.0, 0.0, 20.0}) {
            const QPoint right =
                view.projectToWidget(pal::test::spherePoint(kRadius, 3, lat)).toPoint();
            const QPoint left =
                view.projectToWidget(pal::test::spherePoint(kRadius, -3, lat)).toPoint();
            QVERIFY2(isRed(image.pixelColor(right)), qPrintable(image.pixelColor(right).name()));
            QVERIFY2(isBlue(image.pixelColor(left)), qPrintable(image.pixelColor(left).name()));
        }
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestViewport test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_viewport.moc"
