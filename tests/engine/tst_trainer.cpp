// The trainer on a few generated cases with a small network (K = 100): the loss goes down,
// a resumed run repeats the uninterrupted one exactly, a cancel leaves a usable checkpoint,
// the bundle records where it came from. All data here is GENERATED.

#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/engine/Trainer.h"
#include "core/errors/Error.h"
#include "core/model/ModelBundle.h"
#include "core/model/TrainingFiles.h"
#include "core/review/ReviewStore.h"

#include "tests/TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using namespace pal::engine;

class TestTrainer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    TrainOptions options(const QString& name, int epochs) const {
        TrainOptions o;
        o.dataDir = m_data;
        o.out = m_dir.filePath(name + QStringLiteral(".palnet"));
        o.patchSize = 100;
        o.epochs = epochs;
        o.batchSize = 4;
        o.seed = 5;
        o.device = Device::Cpu;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 10);
    }

    void lossGoesDownAndTheBundleSaysWhereItCameFrom() {
        std::vector<EpochReport> epochs;
        // Another model's checkpoint whose name starts like this run's: never touched.
        {
            QFile other(m_dir.filePath(QStringLiteral("a.palnet2.ckpt.json")));
            QVERIFY(other.open(QIODevice::WriteOnly));
            other.write("another run's");
        }
        Trainer t(options(QStringLiteral("a"), 6));
        const TrainResult r = t.run([&](const EpochReport& e) { epochs.push_back(e); });
        QCOMPARE(r.epochsRun, 6);
        QCOMPARE(r.trainCases.size(), 8);
        QCOMPARE(r.validationCases.size(), 2);
        QVERIFY2(epochs.back().trainLoss < 0.7 * epochs.front().trainLoss,
                 qPrintable(QStringLiteral("%1 -> %2")
                                .arg(epochs.front().trainLoss)
                                .arg(epochs.back().trainLoss)));
        const ModelBundle b = readModelBundle(r.bundlePath);
        QCOMPARE(b.manifest.patchSize, 100);
        QCOMPARE(b.manifest.provenance.value(QStringLiteral("generatedData")).toBool(), true);
        QCOMPARE(b.manifest.provenance.value(QStringLiteral("generatorVersion")).toInt(),
                 demo::kGeneratorVersion);
        QCOMPARE(b.manifest.metrics.value(QStringLiteral("bestEpoch")).toInt(), r.bestEpoch);
        // The run ended: its checkpoint files are gone, the bundle alone is left.
        QVERIFY(r.removedBytes > 0);
        QCOMPARE(trainingFilesOf(r.bundlePath), QStringList{});
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("a.palnet*")}, QDir::Files),
                 (QStringList{QStringLiteral("a.palnet"), QStringLiteral("a.palnet2.ckpt.json")}));
        // The template is the mean of the training split only: not the template head.
        QVERIFY(b.manifest.templateLandmarks.allFinite());
        // The patch cache was filled, one file per case.
        QCOMPARE(QDir(m_data + QStringLiteral("/.palstudio-cache")).entryList(QDir::Files).size(),
                 10);
    }

    void resumeRepeatsTheUninterruptedRun() {
        std::vector<double> straight;
        Trainer(options(QStringLiteral("straight"), 4)).run([&](const EpochReport& e) {
            straight.push_back(e.trainLoss);
        });
        std::vector<double> resumed;
        TrainOptions shorter = options(QStringLiteral("resumed"), 2);
        shorter.keepCheckpoint = true; // to continue it with more epochs
        const TrainResult first =
            Trainer(shorter).run([&](const EpochReport& e) { resumed.push_back(e.trainLoss); });
        // One state file, the one the checkpoint names.
        const QStringList states =
            QDir(m_dir.path())
                .entryList({QStringLiteral("resumed.palnet.ckpt.e*.pt")}, QDir::Files);
        QCOMPARE(states, QStringList{QStringLiteral("resumed.palnet.ckpt.e2.pt")});
        // A kill after epoch 3's state was saved but before its checkpoint was written leaves
        // a newer state file behind; the checkpoint (epoch 2) still names its own, and the
        // resumed run repeats the uninterrupted one.
        {
            QFile stray(m_dir.filePath(QStringLiteral("resumed.palnet.ckpt.e3.pt")));
            QVERIFY(stray.open(QIODevice::WriteOnly));
            stray.write("epoch 3, never checkpointed");
        }
        TrainOptions more = options(QStringLiteral("resumed"), 4);
        more.resume = first.checkpointPath;
        // The resumed run reports the two epochs it continues first (its whole history, for the
        // curve and the log), then epochs 3 and 4.
        std::vector<EpochReport> reports;
        const TrainResult second = Trainer(more).run([&](const EpochReport& e) {
            reports.push_back(e);
            if (!e.fromCheckpoint) {
                resumed.push_back(e.trainLoss);
            }
        });
        QCOMPARE(second.resumedFromEpoch, 2);
        QCOMPARE(int(reports.size()), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(reports[std::size_t(i)].epoch, i + 1);
            QCOMPARE(reports[std::size_t(i)].fromCheckpoint, i < 2);
            QCOMPARE(reports[std::size_t(i)].epochs, 4);
        }
        QCOMPARE(reports[0].trainLoss, resumed[0]); // as the first run reported it
        QCOMPARE(reports[1].trainLoss, resumed[1]);
        QCOMPARE(resumed.size(), straight.size());
        for (std::size_t i = 0; i < straight.size(); ++i) {
            QVERIFY2(std::abs(resumed[i] - straight[i]) <= 1e-6 * straight[i],
                     qPrintable(QStringLiteral("epoch %1: %2 vs %3")
                                    .arg(i + 1)
                                    .arg(resumed[i], 0, 'g', 12)
                                    .arg(straight[i], 0, 'g', 12)));
        }
    }

    // A checkpoint knows its network: a run of an ablation resumes as that ablation even when
    // the options name none (the dialog's choice may have changed since).
    void aResumeKeepsTheCheckpointsNetwork() {
        TrainOptions first = options(QStringLiteral("ablation"), 1);
        first.variant = NetworkVariant::TwoBlocks;
        first.keepCheckpoint = true;
        const TrainResult r = Trainer(first).run();
        TrainOptions more = options(QStringLiteral("ablation"), 2);
        more.resume = r.checkpointPath; // variant left at the default
        const TrainResult second = Trainer(more).run();
        QCOMPARE(second.resumedFromEpoch, 1);
        QCOMPARE(readModelManifest(second.bundlePath).variant, QStringLiteral("two-blocks"));
    }

    // Runs before 2026-12 kept their best weights as a bundle (M.best.palnet), where runs now
    // keep M.best.pt: a resume of such a run still builds its bundle from them, and a finished
    // run removes that file with the others.
    void aRunFromBeforeKeepsItsBestBundle() {
        TrainOptions o = options(QStringLiteral("legacy"), 2);
        o.keepCheckpoint = true;
        const TrainResult r = Trainer(o).run();
        const QString best = r.bundlePath + QStringLiteral(".best.pt");
        const QString legacy = r.bundlePath + QStringLiteral(".best.palnet");
        QVERIFY(QFile::exists(best));
        // As an older run would have left it: the best weights in a bundle, no M.best.pt.
        const ModelBundle written = readModelBundle(r.bundlePath);
        writeModelBundle(legacy, written);
        QVERIFY(QFile::remove(best));
        QVERIFY(QFile::remove(r.bundlePath));
        QVERIFY(trainingFilesOf(r.bundlePath).contains(legacy));

        TrainOptions again = options(QStringLiteral("legacy"), 2); // nothing left to train
        again.resume = r.checkpointPath;
        const TrainResult second = Trainer(again).run();
        const ModelBundle rebuilt = readModelBundle(second.bundlePath);
        QCOMPARE(rebuilt.tensors.size(), written.tensors.size());
        for (std::size_t t = 0; t < written.tensors.size(); ++t) {
            QCOMPARE(rebuilt.tensors[t].name, written.tensors[t].name);
            QVERIFY(rebuilt.tensors[t].data == written.tensors[t].data);
        }
        QVERIFY(!QFile::exists(legacy)); // removed with the run's other files
        QVERIFY(trainingFilesOf(r.bundlePath).isEmpty());
    }

    // A checkpoint whose state file is gone is refused, naming the epoch and the file.
    void aTornCheckpointIsRefused() {
        TrainOptions o = options(QStringLiteral("torn"), 1);
        o.keepCheckpoint = true;
        const TrainResult r = Trainer(o).run();
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("torn.palnet.ckpt.e1.pt"))));
        TrainOptions more = options(QStringLiteral("torn"), 2);
        more.resume = r.checkpointPath;
        QString message;
        try {
            Trainer(more).run();
        } catch (const ValidationError& e) {
            message = e.message();
        }
        QCOMPARE(message, r.checkpointPath +
                              QStringLiteral(": the checkpoint of epoch 1 names "
                                             "torn.palnet.ckpt.e1.pt, which is missing: it cannot "
                                             "be resumed"));
    }

    // Fine-tuning: from a bundle, on the cases whose review corrected or confirmed every
    // landmark; the parent bundle stays as it was and the new one says where it came from.
    void fineTunesOnReviewedCasesOnly() {
        const TrainResult parent = Trainer(options(QStringLiteral("parent"), 2)).run();
        const QByteArray parentBytes = [&] {
            QFile f(parent.bundlePath);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        for (const char* id : {"D002", "D004", "D007", "D009"}) {
            const Case c = Case::open(m_data + QLatin1Char('/') + QLatin1String(id));
            ReviewSnapshot review;
            review.state = ReviewState::Done;
            review.working = c.readLandmarks().landmarks;
            for (int i = 0; i < 50; ++i) {
                review.working.at(i).status =
                    i % 2 ? LandmarkStatus::Corrected : LandmarkStatus::Confirmed;
            }
            review.saved = QDateTime::currentDateTimeUtc();
            writeReview(sidecarPath(c), review, c.id());
        }
        { // a review with a landmark still "predicted" does not count
            const Case c = Case::open(m_data + QStringLiteral("/D001"));
            ReviewSnapshot review;
            review.working = c.readLandmarks().landmarks;
            review.working.at(3).status = LandmarkStatus::Predicted;
            writeReview(sidecarPath(c), review, c.id());
        }
        TrainOptions o = options(QStringLiteral("finetuned"), 2);
        o.init = parent.bundlePath;
        o.source = TrainingSource::Reviewed;
        o.patchSize = 300; // ignored: the parent's patch size rules
        const TrainResult r = Trainer(o).run();
        QStringList used = r.trainCases + r.validationCases;
        used.sort();
        QCOMPARE(used, (QStringList{QStringLiteral("D002"), QStringLiteral("D004"),
                                    QStringLiteral("D007"), QStringLiteral("D009")}));
        const ModelBundle b = readModelBundle(r.bundlePath);
        QCOMPARE(b.manifest.patchSize, 100);
        QCOMPARE(b.manifest.provenance.value(QStringLiteral("parentModel")).toString(),
                 QStringLiteral("parent.palnet"));
        QCOMPARE(b.manifest.provenance.value(QStringLiteral("trainedOn")).toString(),
                 QStringLiteral("reviewed"));
        const ModelBundle p = readModelBundle(parent.bundlePath);
        QCOMPARE(b.manifest.templateLandmarks,
                 p.manifest.templateLandmarks); // the parent's template
        QFile f(parent.bundlePath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), parentBytes);
        for (const QString& id :
             {QStringLiteral("D001"), QStringLiteral("D002"), QStringLiteral("D004"),
              QStringLiteral("D007"), QStringLiteral("D009")}) {
            QFile::remove(m_data + QLatin1Char('/') + id +
                          QStringLiteral("/palstudio-review.json"));
        }
    }

    void cancelLeavesAUsableCheckpoint() {
        std::atomic<bool> cancel{false};
        Trainer t(options(QStringLiteral("cancelled"), 50));
        const TrainResult r = t.run([&](const EpochReport& e) { cancel = e.epoch >= 2; }, &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.epochsRun, 2);
        QVERIFY(QFile::exists(r.checkpointPath));
        TrainOptions more = options(QStringLiteral("cancelled"), 3);
        more.resume = r.checkpointPath;
        const TrainResult done = Trainer(more).run();
        QCOMPARE(done.epochsRun, 3);
        QVERIFY(readModelBundle(done.bundlePath).tensors.size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
