// The training dialog on a few GENERATED cases with a small network (K = 100): a run fills the
// loss curve, a cancel leaves a checkpoint that Resume continues, a completed run shows the
// evaluation summary and its model can be used; Model > Train or Fine-tune... opens it.

#include "UiTestSupport.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/workflow/EngineLoader.h"
#include "ui/MainWindow.h"
#include "ui/TrainingDialog.h"

#include "tests/TestSupport.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace pal;
using pal::ui::TrainingDialog;

namespace {

QPushButton* button(const QWidget& w, const QString& text) {
    for (QPushButton* b : w.findChildren<QPushButton*>()) {
        if (b->text() == text) {
            return b;
        }
    }
    return nullptr;
}

} // namespace

class TestTrainingDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    void preset(TrainingDialog& dialog, const QString& name, int epochs) {
        TrainOptions base;
        base.batchSize = 4;
        base.device = Device::Cpu;
        dialog.setBaseOptions(base);
        dialog.setInitModel(QString()); // from scratch
        dialog.setPatchSize(100);
        dialog.setEpochs(epochs);
        dialog.setSeed(7);
        dialog.setOutputPath(m_dir.filePath(name + QStringLiteral(".palnet")));
    }

private Q_SLOTS:
    void initTestCase() {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 8);
    }

    void theDefaultsFollowTheDataset() {
        TrainingDialog dialog(m_data);
        QVERIFY(dialog.outputPath().startsWith(QDir(m_data).filePath("models/finetuned-")));
        QVERIFY(dialog.outputPath().endsWith(QStringLiteral(".palnet")));
        QCOMPARE(dialog.options().dataDir, m_data);
        dialog.setReviewedOnly(true);
        QVERIFY(dialog.options().reviewedOnly);
    }

    void aCancelledRunResumes() {
        TrainingDialog dialog(m_data);
        preset(dialog, QStringLiteral("cancelled"), 50);
        dialog.show();
        QVERIFY(!button(dialog, QStringLiteral("Resume"))->isEnabled());
        QSignalSpy ended(&dialog, &TrainingDialog::trainingEnded);
        dialog.startTraining();
        QVERIFY(dialog.isRunning());
        QVERIFY(!dialog.findChild<QSpinBox*>()->isEnabled()); // inputs locked while it runs
        QTRY_VERIFY_WITH_TIMEOUT(dialog.chartPointCount() >= 1, 120000);
        dialog.cancelTraining();
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.first().first().toBool(), false);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.chartPointCount() < 50);
        QVERIFY(dialog.statusText().contains(QStringLiteral("Epoch 1/50")));
        QVERIFY(button(dialog, QStringLiteral("Resume"))->isEnabled());

        const int done = dialog.chartPointCount();
        dialog.setEpochs(done + 1);
        QSignalSpy evaluated(&dialog, &TrainingDialog::evaluationFinished);
        dialog.resumeTraining();
        QVERIFY(evaluated.wait(120000));
        // The whole history: the epochs the checkpoint holds, then the resumed one (the curve
        // and the log used to restart at the resumed epoch).
        QCOMPARE(dialog.chartPointCount(), done + 1);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Epoch 1/%1").arg(done + 1)) &&
                     dialog.statusText().contains(QStringLiteral("(from the checkpoint)")),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Epoch %1/%1").arg(done + 1)));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("point-wise")),
                 qPrintable(dialog.summaryText()));
        QTest::qWait(200); // let the chart repaint; the picture is for a person to look at
        QVERIFY(dialog.grab().save(
            QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog_resumed.png")));
    }

    void aCompletedRunIsEvaluatedAndCanBeUsed() {
        TrainingDialog dialog(m_data);
        preset(dialog, QStringLiteral("done"), 2);
        dialog.show();
        QSignalSpy evaluated(&dialog, &TrainingDialog::evaluationFinished);
        dialog.startTraining();
        QVERIFY(evaluated.wait(180000));
        QCOMPARE(dialog.chartPointCount(), 2);
        const QString summary = dialog.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("point-wise")) &&
                     summary.contains(QStringLiteral("mean template")),
                 qPrintable(summary));
        QVERIFY(QFile::exists(dialog.trainedModel()));
        QTest::qWait(200); // let the chart repaint
        QVERIFY(
            dialog.grab().save(QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog.png")));

        QSignalSpy chosen(&dialog, &TrainingDialog::modelChosen);
        QPushButton* use = button(dialog, QStringLiteral("Use This Model"));
        QVERIFY(use && use->isEnabled());
        use->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(QSettings().value(QStringLiteral("model/path")).toString(), dialog.trainedModel());

        // Fine-tuning from it: the patch size is the model's, and the bundle is not overwritten.
        dialog.setInitModel(dialog.trainedModel());
        QCOMPARE(dialog.options().init, dialog.trainedModel());
        QCOMPARE(dialog.options().patchSize, 100);
        dialog.setOutputPath(dialog.trainedModel());
        dialog.startTraining();
        QVERIFY(!dialog.isRunning()); // refused: the model to start from stays untouched
    }

    void theModelMenuOpensTheDialog() {
        ui::MainWindow w;
        w.setScreenshotMode(true);
        w.show();
        w.showTrainingDialog();
        auto* dialog = w.findChild<TrainingDialog*>();
        QVERIFY(dialog && dialog->isVisible() && !dialog->isModal());
        w.showTrainingDialog(); // the same one again
        QCOMPARE(w.findChildren<TrainingDialog*>().size(), 1);
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    pal::setEngineThreads(0); // the dialog's jobs open the engine module
    TestTrainingDialog t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_training_dialog.moc"
