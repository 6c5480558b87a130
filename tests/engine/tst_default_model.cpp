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

// Two faces of the default demo dataset (generated, seed 1), which training held out: D001, D002.
void writeHeldOutFaces(const QString& folder) {
    demo::DemoOptions o;
    o.cases = 2;
    o.seed = 1;
    o.defects = false;
    demo::DemoGenerator::fromResources(demo::defaultTemplateDir(), o).writeDataset(folder);
}
} // namespace

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
        QTemporaryDir dir;
        writeHeldOutFaces(dir.path());
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

    // The default model is stored in float16, so its first Linear layer is read as float16 on
    // the CPU (PredictorOptions::float16FirstLayer): the same weights, so the same landmarks as
    // in float32 up to the order of the sums (compared unsnapped: snapping could move a point
    // that sits between two samples to either).
    void float16FirstLayerPredictsTheSame() {
        QTemporaryDir dir;
        writeHeldOutFaces(dir.path());
        engine::PredictorOptions half;
        half.snap = SnapMode::None;
        half.device = Device::Cpu;
        engine::PredictorOptions plain = half;
        plain.float16FirstLayer = false;
        const engine::Predictor a = engine::Predictor::fromBundle(kModel, half);
        const engine::Predictor b = engine::Predictor::fromBundle(kModel, plain);
        for (const char* id : {"/D001", "/D002"}) {
            const Case c = Case::open(dir.path() + QLatin1String(id));
            const Eigen::MatrixX3d pa = a.predict(c).landmarks.positions();
            const Eigen::MatrixX3d pb = b.predict(c).landmarks.positions();
            const double apart = (pa - pb).rowwise().norm().maxCoeff();
            QVERIFY2(apart < 1e-3, qPrintable(QStringLiteral("%1 mm apart").arg(apart)));
        }
    }
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "tst_default_model.moc"
