// The training dialog on a few GENERATED cases with a small network (K = 100): the data choice
// counts the cases that qualify, a run fills the loss curve, a cancel leaves a checkpoint that
// Resume continues, a completed run is compared with the model it would replace and "Use This
// Model" asks first when it is not better; a fine-tune that beats nothing writes nothing;
// Model > Train or Fine-tune... opens the dialog.

#include "UiTestSupport.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/Resources.h"
#include "core/io/InstallPaths.h"
#include "core/model/TrainingFiles.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/ModelCard.h"
#include "ui/MainWindow.h"
#include "ui/TrainingDialog.h"

#include "tests/TestSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

QRadioButton* radio(const QWidget& w, const QString& startsWith) {
    for (QRadioButton* b : w.findChildren<QRadioButton*>()) {
        if (b->text().startsWith(startsWith)) {
            return b;
        }
    }
    return nullptr;
}

// A click on the radio button's indicator, as a person makes it.
void clickRadio(QRadioButton* b) {
    QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(8, b->height() / 2));
}

} // namespace

namespace {
QString readText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
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
        dialog.show();
        QVERIFY(dialog.outputPath().startsWith(QDir(m_data).filePath("models/finetuned-")));
        QVERIFY(dialog.outputPath().endsWith(QStringLiteral(".palnet")));
        QCOMPARE(dialog.options().dataDir, m_data);
        QVERIFY2(dialog.dataText().startsWith(QStringLiteral("8 case(s) qualify")),
                 qPrintable(dialog.dataText()));
        QPushButton* start = button(dialog, QStringLiteral("Start"));
        QVERIFY(start->isEnabled());

        // No case has a review: the reviewed landmarks give nothing to train on, and Start says
        // so by being disabled, with the reason next to the choice.
        clickRadio(radio(dialog, QStringLiteral("The clinician's reviewed")));
        QVERIFY(dialog.options().source == TrainingSource::Reviewed);
        QVERIFY2(dialog.dataText().startsWith(QStringLiteral("No case qualifies: no case has a "
                                                             "completed review")),
                 qPrintable(dialog.dataText()));
        QVERIFY(!start->isEnabled());
        clickRadio(radio(dialog, QStringLiteral("Both")));
        QVERIFY2(dialog.dataText().startsWith(
                     QStringLiteral("8 case(s) qualify (0 from reviews, 8 ground truth)")),
                 qPrintable(dialog.dataText()));
        QVERIFY(start->isEnabled());
    }

    // Fine-tuning the model in use is the default, with the fine-tuning recipe's learning rate.
    void fineTuningHasItsOwnRecipe() {
        TrainingDialog dialog(m_data);
        dialog.setInitModel(defaultModelPath());
        QCOMPARE(dialog.options().init, defaultModelPath());
        QCOMPARE(dialog.options().learningRate, kFineTuneLearningRate);
        dialog.setFrozenBlocks(2);
        QCOMPARE(dialog.options().freezeBlocks, 2);
        dialog.setInitModel(QString());
        QCOMPARE(dialog.options().learningRate, kScratchLearningRate);
        QCOMPARE(dialog.options().freezeBlocks, 0); // nothing to keep from scratch
    }

    // The network is chosen from scratch only (a key on the combo box); a fine-tune shows its
    // model's network and keeps it.
    void theNetworkIsChosenFromScratchOnly() {
        TrainingDialog dialog(m_data);
        dialog.show();
        QComboBox* network = nullptr;
        for (QComboBox* c : dialog.findChildren<QComboBox*>()) {
            if (c->itemText(0) == QStringLiteral("PAL-Net (attention)")) {
                network = c;
            }
        }
        QVERIFY(network);
        dialog.setInitModel(QString());
        QVERIFY(network->isEnabled());
        QVERIFY(dialog.options().variant == NetworkVariant::Attention);
        network->setFocus();
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(network, Qt::Key_Down);
        }
        QCOMPARE(network->currentText(), QStringLiteral("Ablation: two blocks"));
        QVERIFY(dialog.options().variant == NetworkVariant::TwoBlocks);
        dialog.setInitModel(defaultModelPath());
        QVERIFY(!network->isEnabled());
        QCOMPARE(network->currentText(), QStringLiteral("PAL-Net (attention)")); // the model's
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
        QTRY_VERIFY_WITH_TIMEOUT(dialog.chartPointCount() >= 3, 120000);
        // During the run: the curve grows, the log follows; the picture is for a person.
        QVERIFY(dialog.grab().save(
            QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog_running.png")));
        dialog.cancelTraining();
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.first().first().toBool(), false);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.chartPointCount() < 50);
        QVERIFY(dialog.statusText().contains(QStringLiteral("Epoch 1/50")));
        QVERIFY(button(dialog, QStringLiteral("Resume"))->isEnabled());
        // The best epoch so far was written, with its card (nothing compared yet).
        const QString card = modelCardPath(dialog.options().out);
        QVERIFY(QFileInfo::exists(dialog.options().out));
        QVERIFY2(readText(card).contains(QStringLiteral("Not compared with another model.")),
                 qPrintable(readText(card)));

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
        // The run ended: its checkpoint files are removed (nothing left to resume), the
        // bundle stays.
        QVERIFY(dialog.statusText().contains(QStringLiteral("Removed the run's checkpoint")));
        QCOMPARE(trainingFilesOf(dialog.options().out), QStringList{});
        QVERIFY(QFileInfo::exists(dialog.options().out));
        QVERIFY(!button(dialog, QStringLiteral("Resume"))->isEnabled());
        QVERIFY2(readText(card).contains(QStringLiteral("## Compared with `")),
                 qPrintable(readText(card)));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("point-wise")),
                 qPrintable(dialog.summaryText()));
        QTest::qWait(200); // let the chart repaint; the picture is for a person to look at
        QVERIFY(dialog.grab().save(
            QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog_resumed.png")));
    }

    // A 2-epoch model is far worse than the default model it would replace: the dialog shows
    // both on the validation cases, and "Use This Model" asks before switching.
    void aWorseModelIsComparedAndUseAsksFirst() {
        TrainingDialog dialog(m_data);
        preset(dialog, QStringLiteral("done"), 2);
        dialog.show();
        QSignalSpy evaluated(&dialog, &TrainingDialog::evaluationFinished);
        dialog.startTraining();
        QVERIFY(evaluated.wait(180000));
        QCOMPARE(dialog.chartPointCount(), 2);
        const QString summary = dialog.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("default.palnet")) &&
                     summary.contains(QStringLiteral("done.palnet is worse")) &&
                     summary.contains(QStringLiteral("point-wise")),
                 qPrintable(summary));
        QVERIFY(!dialog.newModelIsBetter());
        QVERIFY2(dialog.landmarkText().contains(QStringLiteral("Prn ")),
                 qPrintable(dialog.landmarkText()));
        QVERIFY(QFile::exists(dialog.trainedModel()));
        QTest::qWait(200); // let the chart repaint
        QVERIFY(
            dialog.grab().save(QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog.png")));

        QSignalSpy chosen(&dialog, &TrainingDialog::modelChosen);
        QPushButton* use = button(dialog, QStringLiteral("Use This Model"));
        QVERIFY(use && use->isEnabled());
        bool asked = false;
        QString told;
        QTimer::singleShot(0, this, [&] {
            pal::test::answerModalWith(QStringLiteral("Keep default.palnet"), &asked, &told);
        });
        QTest::mouseClick(use, Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY2(told.contains(QStringLiteral("not clearly better than default.palnet")) &&
                     told.contains(QStringLiteral("done.palnet is worse")),
                 qPrintable(told));
        QCOMPARE(chosen.count(), 0);
        QVERIFY(QSettings().value(QStringLiteral("model/path")).toString().isEmpty());

        asked = false;
        QTimer::singleShot(0, this, [&] {
            pal::test::answerModalWith(QStringLiteral("Use Anyway"), &asked, &told);
        });
        QTest::mouseClick(use, Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(QSettings().value(QStringLiteral("model/path")).toString(), dialog.trainedModel());
        QSettings().remove(QStringLiteral("model/path"));

        // Fine-tuning from it: the patch size is the model's, and the bundle is not overwritten.
        dialog.setInitModel(dialog.trainedModel());
        QCOMPARE(dialog.options().init, dialog.trainedModel());
        QCOMPARE(dialog.options().patchSize, 100);
        dialog.setOutputPath(dialog.trainedModel());
        dialog.startTraining();
        QVERIFY(!dialog.isRunning()); // refused: the model to start from stays untouched
    }

    // The old failure: the full learning rate of training from scratch on top of the default
    // model. The parent's validation loss is epoch 0 of the run; no epoch beats it, so no model
    // is written and there is nothing to use.
    void aFineTuneThatBeatsNothingWritesNothing() {
        TrainingDialog dialog(m_data);
        preset(dialog, QStringLiteral("nothing"), 2);
        dialog.setInitModel(defaultModelPath());
        dialog.setLearningRate(1e-3);
        dialog.show();
        QTest::qWait(100);
        QVERIFY(dialog.grab().save(
            QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog_before.png")));
        QSignalSpy ended(&dialog, &TrainingDialog::trainingEnded);
        QTest::mouseClick(button(dialog, QStringLiteral("Start")), Qt::LeftButton);
        QVERIFY(ended.wait(180000));
        QCOMPARE(dialog.chartPointCount(), 3); // the parent (epoch 0), then 1 and 2
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Epoch 0/2: the parent")),
                 qPrintable(dialog.statusText()));
        QVERIFY2(dialog.summaryText().startsWith(
                     QStringLiteral("No epoch beat default.palnet on the validation cases")),
                 qPrintable(dialog.summaryText()));
        QVERIFY(!QFile::exists(dialog.outputPath()));
        QVERIFY(dialog.trainedModel().isEmpty());
        QVERIFY(!button(dialog, QStringLiteral("Use This Model"))->isEnabled());
        QTest::qWait(200);
        QVERIFY(dialog.grab().save(
            QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/training_dialog_nothing_better.png")));
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
