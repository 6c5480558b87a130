// The predictor on generated cases with a small untrained network (K = 100): frames, snapping,
// batching, provenance, the worker job with progress and cancel. Accuracy is not the point
// here (the weights are random); the pipeline is.

#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/engine/PalNet.h"
#include "core/engine/Predictor.h"
#include "core/engine/Runtime.h"
#include "core/errors/Error.h"
#include "core/geometry/MeshOps.h"
#include "core/geometry/Transform.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/mesh/MeshIO.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/Job.h"
#include "core/workflow/PredictCases.h"

#include "tests/TestSupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using namespace pal::engine;

namespace {

ModelBundle untrainedBundle(int K, std::uint64_t seed) {
    const PalNet net(PalNetConfig{K, 50}, seed, Device::Cpu);
    ModelBundle b;
    b.manifest.patchSize = K;
    b.manifest.templateLandmarks =
        readLandmarks(QDir(demo::defaultTemplateDir()).filePath(QStringLiteral("landmarks.txt")))
            .landmarks.positions();
    b.manifest.schemaKeys = LandmarkSchema::lafas50()->keys();
    b.manifest.provenance.insert(QStringLiteral("notice"),
                                 QStringLiteral("untrained test network"));
    b.tensors = net.exportWeights();
    return b;
}

} // namespace

class TestPredictor : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bundle;
    QString m_dataset;

private Q_SLOTS:
    void initTestCase() {
        // Three threads whatever the machine: a batch's cases are then prepared on several
        // threads (Predictor::predictAll), and a lone case's patches cut on several.
        initializeRuntime(3);
        m_bundle = m_dir.filePath(QStringLiteral("k100.palnet"));
        writeModelBundle(m_bundle, untrainedBundle(100, 5));
        m_dataset = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("demo")), 3);
    }

    void predictsFiftyLandmarksOnTheSurfaceInTheCaseFrame() {
        PredictorOptions o;
        o.snap = SnapMode::Closest;
        o.samples = 20000;
        o.device = Device::Cpu;
        const Predictor p = Predictor::fromBundle(m_bundle, o);
        const Case c = Case::open(m_dataset + QStringLiteral("/D002"));
        const Prediction pred = p.predict(c);
        QCOMPARE(pred.caseId, QStringLiteral("D002"));
        QCOMPARE(pred.landmarks.presentCount(), 50);
        QCOMPARE(pred.landmarks.at(0).status, LandmarkStatus::Predicted);
        QVERIFY(pred.landmarks.at(0).provenance.source.startsWith(
            QStringLiteral("k100.palnet (sha256 ")));
        // Snapped to surface samples, then moved back to the case's own (posed) frame: every
        // landmark lies on the case's mesh as stored.
        const Mesh mesh = c.readMesh();
        for (int i = 0; i < 50; ++i) {
            QVERIFY(closestPointOnMesh(mesh, pred.landmarks.at(i).position).distance < 1e-6);
        }
        QVERIFY(pred.times.total() > 0);
    }

    // Uncertainty by test-time augmentation or Monte-Carlo dropout: one non-negative, finite
    // spread per landmark, the same on every run; the landmarks themselves exactly those of a
    // prediction without it.
    void uncertaintyLeavesThePredictionAsItIs() {
        PredictorOptions o;
        o.snap = SnapMode::Surface;
        o.device = Device::Cpu;
        const std::vector<Case> cases = {Case::open(m_dataset + QStringLiteral("/D001")),
                                         Case::open(m_dataset + QStringLiteral("/D003"))};
        const std::vector<Prediction> plain = Predictor::fromBundle(m_bundle, o).predictAll(cases);
        for (const UncertaintyMethod method :
             {UncertaintyMethod::Augment, UncertaintyMethod::Dropout}) {
            PredictorOptions u = o;
            u.uncertainty = method;
            u.uncertaintyPasses = 4;
            const Predictor p = Predictor::fromBundle(m_bundle, u);
            const std::vector<Prediction> first = p.predictAll(cases);
            const std::vector<Prediction> again = p.predictAll(cases);
            for (std::size_t c = 0; c < cases.size(); ++c) {
                QVERIFY(first[c].ok());
                QCOMPARE(first[c].uncertainty.size(), std::size_t(50));
                QCOMPARE(first[c].uncertainty, again[c].uncertainty);
                double sum = 0;
                for (const double mm : first[c].uncertainty) {
                    QVERIFY(std::isfinite(mm) && mm >= 0);
                    sum += mm;
                }
                QVERIFY(sum > 0); // the passes differ
                for (int l = 0; l < 50; ++l) {
                    QCOMPARE(first[c].landmarks.at(l).position, plain[c].landmarks.at(l).position);
                }
            }
            // A case's moves (or dropout masks) do not depend on the cases predicted with it.
            QCOMPARE(p.predictAll({cases[1]}).front().uncertainty, first[1].uncertainty);
        }
        QVERIFY(plain[0].uncertainty.empty());
    }

    // "surface": each landmark is the exact closest point of the mesh to the network's output
    // (no sampling), so it lies on the surface, and never farther from the raw output than the
    // nearest of the closest mode's samples.
    void surfaceSnappingIsTheExactFoot() {
        PredictorOptions o;
        o.device = Device::Cpu;
        o.samples = 20000;
        const Case c = Case::open(m_dataset + QStringLiteral("/D002"));
        o.snap = SnapMode::None;
        const Prediction raw = Predictor::fromBundle(m_bundle, o).predict(c);
        o.snap = SnapMode::Surface;
        const Predictor p = Predictor::fromBundle(m_bundle, o);
        QCOMPARE(p.snapMode(), SnapMode::Surface);
        const Prediction surface = p.predict(c);
        o.snap = SnapMode::Closest;
        const Prediction closest = Predictor::fromBundle(m_bundle, o).predict(c);
        const Mesh mesh = c.readMesh();
        for (int i = 0; i < 50; ++i) {
            const Eigen::Vector3d r = raw.landmarks.at(i).position;
            const SurfacePoint foot = closestPointOnMesh(mesh, r);
            // The case's mesh is posed: the foot is found in the common frame and moved back.
            QVERIFY2((surface.landmarks.at(i).position - foot.position).norm() < 1e-6,
                     qPrintable(QString::number(
                         (surface.landmarks.at(i).position - foot.position).norm())));
            QVERIFY((surface.landmarks.at(i).position - r).norm() <=
                    (closest.landmarks.at(i).position - r).norm() + 1e-9);
        }
    }

    // The transform is applied for the network and undone for the output: the same face
    // stored posed (with its matrix) or already in the common frame gives the same landmarks.
    void theCaseTransformIsAppliedAndUndone() {
        PredictorOptions o;
        o.snap = SnapMode::None;
        o.device = Device::Cpu;
        const Predictor p = Predictor::fromBundle(m_bundle, o);
        const Case posed = Case::open(m_dataset + QStringLiteral("/D001"));
        QVERIFY(posed.hasTransform());
        const QString flatDir = m_dir.filePath(QStringLiteral("flat"));
        QDir().mkpath(flatDir);
        Mesh common = posed.readMesh(nullptr, true);
        writeMesh(common, flatDir + QStringLiteral("/mesh.ply")); // binary, exact doubles
        const Prediction a = p.predict(posed);
        const Prediction b = p.predict(Case::open(flatDir));
        LandmarkSet aCommon = a.landmarks;
        transformLandmarks(posed.readTransform(), aCommon);
        const double worst =
            (aCommon.positions() - b.landmarks.positions()).rowwise().norm().maxCoeff();
        QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
        QVERIFY((a.landmarks.positions() - b.landmarks.positions()).rowwise().norm().maxCoeff() >
                1.0);
    }

    // Batches (whose cases are read and cut on several threads, what snapping needs built
    // beside them) give each case the answer it gets alone, in the cases' order.
    void batchesGiveTheSameAnswerAsSingleCases_data() {
        QTest::addColumn<int>("snap");
        QTest::newRow("no snapping") << int(SnapMode::None);
        QTest::newRow("surface") << int(SnapMode::Surface);
        QTest::newRow("closest") << int(SnapMode::Closest);
    }
    void batchesGiveTheSameAnswerAsSingleCases() {
        QFETCH(int, snap);
        PredictorOptions o;
        o.snap = SnapMode(snap);
        o.batchSize = 2;
        o.device = Device::Cpu;
        const Predictor p = Predictor::fromBundle(m_bundle, o);
        std::vector<Case> cases;
        for (const char* id : {"D001", "D002", "D003"}) {
            cases.push_back(Case::open(m_dataset + QLatin1Char('/') + QLatin1String(id)));
        }
        int calls = 0;
        const std::vector<Prediction> all =
            p.predictAll(cases, [&](int done, int total, const Prediction&) {
                ++calls;
                return done <= total;
            });
        QCOMPARE(calls, 3);
        for (int i = 0; i < 3; ++i) {
            const Prediction one = p.predict(cases[static_cast<std::size_t>(i)]);
            QCOMPARE(all[static_cast<std::size_t>(i)].caseId,
                     cases[static_cast<std::size_t>(i)].id());
            QVERIFY(
                (one.landmarks.positions() - all[static_cast<std::size_t>(i)].landmarks.positions())
                    .cwiseAbs()
                    .maxCoeff() < 1e-3);
        }
        // A progress callback that says stop cancels between cases.
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, p.predictAll(cases, [](int, int, const Prediction&) { return false; }));
    }

    // A mesh too small for the patch size fails alone: the others are predicted, in order,
    // and the failure names the mesh file.
    void aTooSmallMeshFailsAloneAndNamesItsFile() {
        PredictorOptions o;
        o.samples = 5000;
        o.batchSize = 2;
        o.device = Device::Cpu;
        const Predictor p = Predictor::fromBundle(m_bundle, o);
        QTemporaryDir dir;
        const QString tiny = dir.filePath(QStringLiteral("tiny.ply"));
        QVERIFY(QFile::copy(QStringLiteral(PALSTUDIO_TEST_DATA "/mesh/tetra_binary.ply"), tiny));
        const std::vector<Case> cases = {Case::open(m_dataset + QStringLiteral("/D001")),
                                         Case::open(tiny),
                                         Case::open(m_dataset + QStringLiteral("/D002"))};
        const std::vector<Prediction> all = p.predictAll(cases);
        QCOMPARE(all.size(), std::size_t(3));
        QVERIFY(all[0].ok() && all[2].ok());
        QCOMPARE(all[0].caseId, QStringLiteral("D001"));
        QCOMPARE(all[2].caseId, QStringLiteral("D002"));
        QVERIFY(!all[1].ok());
        QCOMPARE(all[1].caseId, QStringLiteral("tiny"));
        QVERIFY2(all[1].error.startsWith(tiny + QStringLiteral(": ")), qPrintable(all[1].error));
        QVERIFY_THROWS_EXCEPTION(ValidationError, p.predict(cases[1]));
    }

    void aJobReportsProgressAndCanBeCancelled() {
        PredictorOptions o;
        o.samples = 5000;
        o.batchSize = 1;
        o.device = Device::Cpu;
        auto p = std::make_shared<const Predictor>(Predictor::fromBundle(m_bundle, o));
        std::vector<Case> cases;
        for (const char* id : {"D001", "D002", "D003"}) {
            cases.push_back(Case::open(m_dataset + QLatin1Char('/') + QLatin1String(id)));
        }
        QTemporaryDir out;
        auto task = [p, cases, dir = out.path()](const std::atomic<bool>& cancel,
                                                 const TaskJob<PredictionRun>::Progress& progress) {
            return predictAndWrite(
                *p, cases, dir,
                [&](int done, int total, const QString& id, bool) { progress(done, total, id); },
                &cancel);
        };
        TaskJob<PredictionRun> job(QStringLiteral("predict"), task);
        QSignalSpy progress(&job, &Job::progress);
        QSignalSpy ended(&job, &Job::ended);
        job.start();
        QVERIFY(ended.wait(120000));
        QCOMPARE(job.state(), Job::State::Finished);
        QCOMPARE(progress.count(), 3);
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(job.result().written.size(), 3);

        TaskJob<PredictionRun> cancelled(QStringLiteral("cancelled"), task);
        QSignalSpy cancelledEnd(&cancelled, &Job::ended);
        cancelled.start();
        cancelled.cancel();
        QCOMPARE(cancelled.state(), Job::State::Cancelling);
        QVERIFY(cancelledEnd.wait(120000));
        // predictAndWrite keeps what was written before the cancel and says it was cancelled.
        QVERIFY(cancelled.result().cancelled);
        QVERIFY(cancelled.result().predictions.size() < 3);
    }

    void aBundleForAnotherPatchSizeIsRefused() {
        ModelBundle b = untrainedBundle(100, 1);
        b.manifest.patchSize = 200; // the manifest says 200, the weights are for 100
        const QString path = m_dir.filePath(QStringLiteral("mismatch.palnet"));
        writeModelBundle(path, b);
        try {
            Predictor::fromBundle(path);
            QFAIL("expected a ValidationError");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(),
                     path +
                         QStringLiteral(": tensor 'att1.b' has shape (5000, 1) but a network with "
                                        "patch size 200 needs (10000, 1)"));
        }
    }
};

QTEST_GUILESS_MAIN(TestPredictor)
#include "tst_predictor.moc"
