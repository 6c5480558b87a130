// Three generated demo faces side by side (issue: demo data). Saves demo_faces.png in the
// build folder for a person to look at, and checks that each panel shows a face-sized,
// distinct shape. All faces here are GENERATED, not scans of real people.

#include "UiTestSupport.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/geometry/Transform.h"
#include "ui/ViewportWidget.h"

#include <QApplication>
#include <QPainter>
#include <QTest>

using namespace pal;

class TestDemoFaces : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threeGeneratedFacesSideBySide() {
        demo::DemoOptions o;
        o.subdivisions = 1;
        const demo::DemoGenerator g =
            demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o);
        const QSize panel(420, 520);
        QImage sheet(panel.width() * 3, panel.height(), QImage::Format_RGB32);
        QPainter painter(&sheet);
        std::vector<QImage> panels;
        for (int i = 0; i < 3; ++i) {
            demo::GeneratedCase c = g.makeCase(i);
            // Shown in the common frame, so that the faces compare.
            c.mesh.vertices = transformPoints(c.toCommon, c.mesh.vertices);
            transformLandmarks(c.toCommon, c.landmarks);
            ui::ViewportWidget view;
            view.resize(panel);
            view.setMesh(c.mesh);
            view.setLandmarks(c.landmarks, QColor(255, 200, 0));
            view.setLabelsVisible(false);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.resetCamera();
            const int before = view.renderedFrameCount();
            view.update();
            QVERIFY(QTest::qWaitFor([&] { return view.renderedFrameCount() > before; }, 20000));
            const QImage img =
                view.grabFramebuffer().scaled(panel).convertToFormat(QImage::Format_RGB32);
            // The face fills the middle of the panel: the centre is lit skin, not background.
            const QColor centre = img.pixelColor(panel.width() / 2, panel.height() / 2);
            const QColor corner = img.pixelColor(5, 5);
            QVERIFY2(test::colourDistance(centre, corner) > 60,
                     qPrintable(QStringLiteral("panel %1").arg(i)));
            QVERIFY(test::distinctColours(img) > 50);
            panels.push_back(img);
            painter.drawImage(i * panel.width(), 0, img);
        }
        painter.end();
        // Three different faces: the panels differ pixel by pixel.
        for (int a = 0; a < 3; ++a) {
            for (int b = a + 1; b < 3; ++b) {
                QVERIFY(panels[static_cast<std::size_t>(a)] != panels[static_cast<std::size_t>(b)]);
            }
        }
        const QString out = QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/demo_faces.png");
        QVERIFY(sheet.save(out));
        qInfo("three generated faces: %s", qPrintable(out));
    }
};

int main(int argc, char** argv) {
    test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestDemoFaces t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_demo_faces.moc"
