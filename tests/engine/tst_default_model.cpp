// The shipped default model (models/default.palnet, trained on GENERATED data): its manifest
// says so and names the generator version it was trained on, and it predicts held-out
// generated faces better than its own mean template does.

#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/engine/Predictor.h"
#include "core/eval/Metrics.h"
#include "core/geometry/Transform.h"
#include "core/model/ModelBundle.h"

#include <Eigen/LU>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;

namespace {
const QString kModel = QStringLiteral(PALSTUDIO_SOURCE_DIR "/models/default.palnet");
}

class TestDefaultModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void manifestMatchesTheGenerator() {
        const ModelManifest m = readModelManifest(kModel);
        QCOMPARE(m.provenance.value(QStringLiteral("generatedData")).toBool(), true);
        QCOMPARE(m.provenance.value(QStringLiteral("generatorVersion")).toInt(),
                 demo::kGeneratorVersion);
        QVERIFY(m.provenance.value(QStringLiteral("notice"))
                    .toString()
                    .contains(QStringLiteral("not for clinical use")));
        QCOMPARE(m.patchSize, 200);
        QCOMPARE(m.weightsDtype, QStringLiteral("float16"));
        QVERIFY(QFileInfo(kModel).size() < 60 * 1024 * 1024);
    }

    // The default demo dataset (seed 1) was held out of training.
    void beatsTheMeanTemplateOnHeldOutFaces() {
        demo::DemoOptions o;
        o.cases = 2;
        o.seed = 1;
        o.defects = false;
        QTemporaryDir dir;
        demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o).writeDataset(dir.path());
        const engine::Predictor p = engine::Predictor::fromBundle(kModel);
        double model = 0;
        double baseline = 0;
        for (const char* id : {"/D001", "/D002"}) {
            const Case c = Case::open(dir.path() + QLatin1String(id));
            const Eigen::MatrixX3d truth = c.readLandmarks().landmarks.positions();
            model += landmarkErrors(p.predict(c).landmarks.positions(), truth).mean();
            LandmarkSet templ;
            for (int i = 0; i < 50; ++i) {
                templ.setPosition(i, p.manifest().templateLandmarks.row(i).transpose(),
                                  LandmarkStatus::Predicted);
            }
            transformLandmarks(c.readTransform().inverse(), templ);
            baseline += landmarkErrors(templ.positions(), truth).mean();
        }
        QVERIFY2(
            model < 0.8 * baseline,
            qPrintable(
                QStringLiteral("model %1 mm, template %2 mm").arg(model / 2).arg(baseline / 2)));
    }
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "tst_default_model.moc"
