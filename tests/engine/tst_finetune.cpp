// Fine-tuning the shipped default model (K = 200, itself trained on GENERATED 67,000-vertex
// heads) on 16 GENERATED coarser heads (about 17,000 vertices: another scanner), as a
// clinician's fine-tune would run, then judging it on 8 other generated cases it never saw. The
// recipe (docs/method.md, "Fine-tuning") must never hand over a model worse than its parent beyond
// noise; the old recipe (the full learning rate of training from scratch) made the model about ten
// times worse, and must now be caught: no model is written.

#include "core/engine/Trainer.h"
#include "core/io/InstallPaths.h"
#include "core/model/TrainingFiles.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/ModelComparison.h"

#include "tests/TestSupport.h"

#include <QDebug>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;

namespace {

const QStringList kHeldOut{QStringLiteral("D017"), QStringLiteral("D018"), QStringLiteral("D019"),
                           QStringLiteral("D020"), QStringLiteral("D021"), QStringLiteral("D022"),
                           QStringLiteral("D023"), QStringLiteral("D024")};

} // namespace

class TestFineTune : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    TrainOptions fineTune(const QString& name, int epochs) const {
        TrainOptions o;
        o.dataDir = m_data;
        o.out = m_dir.filePath(name + QStringLiteral(".palnet"));
        o.init = defaultModelPath();
        o.epochs = epochs;
        o.seed = 1;
        o.excludeCases = kHeldOut; // 16 cases: 13 train, 3 validate
        o.device = Device::Cpu;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFile::exists(defaultModelPath()));
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 24);
        setEngineThreads(0);
    }

    void theRecipeNeverHandsOverAWorseModel() {
        const TrainOptions o = fineTune(QStringLiteral("recipe"), 6);
        QCOMPARE(startLearningRate(o), kFineTuneLearningRate);
        const TrainResult r = engine::Trainer(o).run();
        QCOMPARE(r.trainCases.size() + r.validationCases.size(), 16);
        QVERIFY(r.parentValidationLoss.has_value());
        if (!r.improvedOnParent()) {
            qInfo("no epoch beat the parent (validation loss %.3f): no model written",
                  *r.parentValidationLoss);
            QVERIFY(!QFile::exists(o.out)); // the parent stays: nothing worse is offered
            return;
        }
        QVERIFY(r.bestValidationLoss < *r.parentValidationLoss);
        const std::vector<EvaluationTarget> heldOut =
            comparisonTargets(Dataset::open(m_data), kHeldOut, TrainingSource::GroundTruth);
        QCOMPARE(heldOut.size(), std::size_t{8});
        const ModelComparison c =
            compareModels(loadEngine(), o.init, o.out, heldOut, SnapMode::Closest);
        const QString text = describeComparison(c, QStringLiteral("held-out cases"));
        qInfo().noquote() << text;
        // Noise on 8 cases: a model chosen on 3 validation cases was seen 0.06 mm worse
        // (docs/method.md, "Fine-tuning"); twice that is the margin.
        QVERIFY2(c.candidate.pointwise <= c.reference.pointwise + 0.12, qPrintable(text));
        QVERIFY2(c.verdict != ComparisonVerdict::Worse, qPrintable(text));
    }

    // The failure this recipe replaces: Adam at 1e-3 on the pretrained weights. The first
    // step throws them off (validation loss tens of mm); no epoch comes back below the parent,
    // so no model is written.
    void theOldLearningRateIsCaught() {
        TrainOptions o = fineTune(QStringLiteral("old"), 2);
        o.learningRate = kScratchLearningRate;
        const TrainResult r = engine::Trainer(o).run();
        QVERIFY(r.parentValidationLoss.has_value());
        QCOMPARE(r.bestEpoch, 0);
        QVERIFY(!r.improvedOnParent());
        QVERIFY(!QFile::exists(o.out));
        // Nor any of the run's files: the parent stays, and nothing is left to fill the disk.
        QCOMPARE(trainingFilesOf(o.out), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestFineTune)
#include "tst_finetune.moc"
