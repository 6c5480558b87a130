// TrainJob (core/workflow): the trainer in a worker thread. Epoch reports arrive on the owner's
// thread, a finished run leaves its bundle, a cancelled one a checkpoint that resumes. All data
// here is GENERATED.

#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/engine/TorchEngine.h"
#include "core/engine/Trainer.h"
#include "core/workflow/TrainJob.h"

#include "tests/TestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <numeric>

using namespace pal;
using namespace pal::engine;

class TestTrainingJob : public QObject {
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
        o.seed = 3;
        o.device = Device::Cpu;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 8);
    }

    void epochsArriveOnTheOwnerThreadAndTheBundleIsWritten() {
        TrainJob job(options(QStringLiteral("a"), 3), &torchEngine());
        std::vector<EpochReport> reports;
        bool onOwnerThread = true;
        connect(&job, &TrainJob::epochEnded, this, [&](const EpochReport& r) {
            onOwnerThread = onOwnerThread && QThread::currentThread() == thread();
            reports.push_back(r);
        });
        QSignalSpy states(&job, &TrainJob::stateChanged);
        QSignalSpy ended(&job, &TrainJob::ended);
        job.start();
        QCOMPARE(job.state(), TrainJob::State::Running);
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.count(), 1);
        QVERIFY2(job.state() == TrainJob::State::Finished, qPrintable(job.error()));
        QVERIFY(onOwnerThread);
        QCOMPARE(reports.size(), std::size_t{3});
        for (std::size_t i = 0; i < reports.size(); ++i) {
            QCOMPARE(reports[i].epoch, static_cast<int>(i) + 1);
            QCOMPARE(reports[i].epochs, 3);
            QVERIFY(std::isfinite(reports[i].trainLoss) && reports[i].trainLoss > 0);
            QVERIFY(std::isfinite(reports[i].validationLoss) && reports[i].validationLoss > 0);
        }
        QCOMPARE(job.result().epochsRun, 3);
        QVERIFY(!job.result().cancelled);
        QVERIFY(QFile::exists(job.result().bundlePath));
        QCOMPARE(states.count(), 2); // Running, Finished
    }

    void aCancelledJobLeavesACheckpointThatResumes() {
        TrainJob job(options(QStringLiteral("b"), 50), &torchEngine());
        int epochs = 0;
        connect(&job, &TrainJob::epochEnded, this, [&](const EpochReport&) {
            if (++epochs == 1) {
                job.cancel();
            }
        });
        QSignalSpy ended(&job, &TrainJob::ended);
        job.start();
        QVERIFY(ended.wait(120000));
        QCOMPARE(job.state(), TrainJob::State::Cancelled);
        QVERIFY(job.result().cancelled);
        QVERIFY(job.result().epochsRun >= 1 && job.result().epochsRun < 50);
        QVERIFY(QFile::exists(job.result().checkpointPath));

        TrainOptions more = options(QStringLiteral("b"), job.result().epochsRun + 1);
        more.resume = job.result().checkpointPath;
        std::vector<int> trained;  // epochs the resumed run trains
        std::vector<int> replayed; // and those it reports from the checkpoint's history
        const TrainResult r = Trainer(more).run([&](const EpochReport& e) {
            (e.fromCheckpoint ? replayed : trained).push_back(e.epoch);
        });
        QCOMPARE(trained, std::vector<int>{job.result().epochsRun + 1});
        std::vector<int> before(static_cast<std::size_t>(job.result().epochsRun));
        std::iota(before.begin(), before.end(), 1);
        QCOMPARE(replayed, before);
        QVERIFY(QFile::exists(r.bundlePath));
    }

    void cancellingAQueuedJobEndsIt() {
        TrainJob job(options(QStringLiteral("c"), 1), &torchEngine());
        QSignalSpy ended(&job, &TrainJob::ended);
        job.cancel();
        QCOMPARE(job.state(), TrainJob::State::Cancelled);
        QCOMPARE(ended.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTrainingJob)
#include "tst_training_job.moc"
