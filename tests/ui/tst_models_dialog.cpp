// Model > Models... through real mouse events: the list shows every model at hand with its
// parent, data, date, validation loss and disk use (checkpoint files a cancelled run left
// included); "Use This Model" switches in one click and the status bar says which model is in
// use; "Back to ..." reverts in one click; checkpoint files are removed only after a yes, the
// bundle staying; a bundle that cannot be read is listed with its problem and cannot be used.
// The bundles here are tiny stand-ins written by the test (one weight), never run.

#include "UiTestSupport.h"
#include "core/io/InstallPaths.h"
#include "core/landmarks/LandmarkSchema.h"
#include "core/model/ModelBundle.h"
#include "core/model/TrainingFiles.h"
#include "core/review/CaseDocument.h"
#include "tests/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/ModelsDialog.h"
#include "ui/PredictionController.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace pal;
using pal::ui::MainWindow;
using pal::ui::ModelsDialog;

namespace {

// A manifest-only stand-in: the list reads manifests, never weights.
void writeStandIn(const QString& path, const QJsonObject& provenance, double loss) {
    ModelBundle b;
    b.manifest.patchSize = 200;
    b.manifest.templateLandmarks = Eigen::MatrixX3d::Zero(50, 3);
    b.manifest.schemaKeys = LandmarkSchema::lafas50()->keys();
    b.manifest.weightsDtype = QStringLiteral("float16");
    b.manifest.provenance = provenance;
    b.manifest.metrics = QJsonObject{{QStringLiteral("bestValidationLoss"), loss},
                                     {QStringLiteral("bestEpoch"), 7},
                                     {QStringLiteral("epochsRun"), 9}};
    b.tensors.push_back(NamedTensor{"x", {1}, {0.5f}});
    writeModelBundle(path, b);
}

void writeBytes(const QString& path, qint64 n) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.write(QByteArray(int(n), 'x')) == n);
}

void clearModelSettings() {
    QSettings s;
    for (const char* key : {"model/path", "model/previous", "model/known"}) {
        s.remove(QLatin1String(key));
    }
}

} // namespace

class TestModelsDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    QString model(const QString& name) const { return m_data + QStringLiteral("/models/") + name; }

    static QTreeWidgetItem* row(QTreeWidget* list, const QString& namePrefix) {
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0).startsWith(namePrefix)) {
                return list->topLevelItem(i);
            }
        }
        return nullptr;
    }
    static void clickRow(QTreeWidget* list, QTreeWidgetItem* item) {
        QVERIFY(item);
        const QRect r = list->visualItemRect(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(list->currentItem(), item);
    }
    static QPushButton* button(QWidget& w, const QString& prefix) {
        for (QPushButton* b : w.findChildren<QPushButton*>()) {
            if (b->text().startsWith(prefix)) {
                return b;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        clearModelSettings();
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 2);
        QVERIFY(QDir(m_data).mkpath(QStringLiteral("models")));
        const QJsonObject generated{{QStringLiteral("generatedData"), true},
                                    {QStringLiteral("trainingData"), m_data},
                                    {QStringLiteral("trainCases"), QJsonArray{"D001", "D002"}}};
        QJsonObject tuned = generated;
        tuned.insert(QStringLiteral("parentModel"), QStringLiteral("default.palnet"));
        tuned.insert(QStringLiteral("trainedOn"), QStringLiteral("reviewed"));
        tuned.insert(QStringLiteral("created"), QStringLiteral("2026-12-01T10:00:00Z"));
        writeStandIn(model(QStringLiteral("tuned.palnet")), tuned, 1.234);
        QJsonObject scratch = generated;
        scratch.insert(QStringLiteral("trainedOn"), QStringLiteral("ground-truth"));
        scratch.insert(QStringLiteral("created"), QStringLiteral("2026-12-02T10:00:00Z"));
        writeStandIn(model(QStringLiteral("cancelled.palnet")), scratch, 2.5);
        // What a cancelled run leaves beside its bundle: 3 MB of checkpoint files.
        writeBytes(model(QStringLiteral("cancelled.palnet.ckpt.json")), 1000);
        writeBytes(model(QStringLiteral("cancelled.palnet.ckpt.e4.pt")), 2000000);
        writeBytes(model(QStringLiteral("cancelled.palnet.best.palnet")), 999000);
        writeBytes(model(QStringLiteral("broken.palnet")), 100); // not a zip
    }
    void cleanupTestCase() { clearModelSettings(); }

    void theListSwitchesRevertsAndFreesSpace() {
        MainWindow w;
        w.setJournalFolder(m_dir.filePath(QStringLiteral("journal")));
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(m_data);
        QVERIFY(loaded.wait(30000));
        auto* status = w.statusBar();
        auto modelShown = [status] {
            for (QLabel* l : status->findChildren<QLabel*>()) {
                if (l->text().startsWith(QStringLiteral("Model: "))) {
                    return l->text();
                }
            }
            return QString();
        };
        QVERIFY2(modelShown().contains(QStringLiteral("default.palnet")), qPrintable(modelShown()));

        w.showModelsDialog();
        auto* dialog = w.findChild<ModelsDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* list = dialog->findChild<QTreeWidget*>();
        // The default model (in use), the dataset's three bundles.
        QCOMPARE(list->topLevelItemCount(), 4);
        QTreeWidgetItem* def = row(list, QStringLiteral("default.palnet"));
        QVERIFY(def);
        QVERIFY(def->text(0).contains(QStringLiteral("(default) - in use")));
        QTreeWidgetItem* tuned = row(list, QStringLiteral("tuned.palnet"));
        QVERIFY(tuned);
        QCOMPARE(tuned->text(1), QStringLiteral("default.palnet"));
        QCOMPARE(tuned->text(2), QStringLiteral("data (reviewed, 2 cases), generated"));
        QCOMPARE(tuned->text(3), QStringLiteral("2026-12-01"));
        QCOMPARE(tuned->text(4), QStringLiteral("1.234 (epoch 7)"));
        QTreeWidgetItem* cancelled = row(list, QStringLiteral("cancelled.palnet"));
        QVERIFY(cancelled);
        QCOMPARE(cancelled->text(1), QStringLiteral("none (from scratch)"));
        QVERIFY2(cancelled->text(5).endsWith(QStringLiteral("+ 3.0 MB checkpoint files")),
                 qPrintable(cancelled->text(5)));
        QTreeWidgetItem* broken = row(list, QStringLiteral("broken.palnet"));
        QVERIFY(broken);
        QCOMPARE(broken->text(1), QStringLiteral("cannot be read"));
        QVERIFY(broken->toolTip(0).contains(model(QStringLiteral("broken.palnet")) +
                                            QStringLiteral(": ")));
        QVERIFY2(dialog->totalText().startsWith(QStringLiteral("4 model(s), ")) &&
                     dialog->totalText().contains(
                         QStringLiteral("of which 3.0 MB are training checkpoint files")),
                 qPrintable(dialog->totalText()));

        // A bundle that cannot be read cannot be used.
        clickRow(list, broken);
        QVERIFY(!button(*dialog, QStringLiteral("Use This Model"))->isEnabled());
        // Nothing to go back to yet.
        QVERIFY(!button(*dialog, QStringLiteral("Back to"))->isEnabled());

        // Switch in one click; the window says so.
        clickRow(list, row(list, QStringLiteral("tuned.palnet")));
        QPushButton* use = button(*dialog, QStringLiteral("Use This Model"));
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        auto* prediction = w.findChild<ui::PredictionController*>();
        QCOMPARE(prediction->modelPath(), model(QStringLiteral("tuned.palnet")));
        QVERIFY2(modelShown().contains(QStringLiteral("tuned.palnet")), qPrintable(modelShown()));
        QVERIFY(row(list, QStringLiteral("tuned.palnet"))
                    ->text(0)
                    .endsWith(QStringLiteral("- in use")));
        QVERIFY(!use->isEnabled()); // it is the one in use
        QVERIFY(w.statusBar()->grab().save(
            QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/models_status_bar.png")));

        // Revert in one click.
        QPushButton* back = button(*dialog, QStringLiteral("Back to"));
        QCOMPARE(back->text(), QStringLiteral("Back to default.palnet"));
        QVERIFY(back->isEnabled());
        QTest::mouseClick(back, Qt::LeftButton);
        QCOMPARE(prediction->modelPath(), defaultModelPath());
        QVERIFY2(modelShown().contains(QStringLiteral("default.palnet")), qPrintable(modelShown()));
        QCOMPARE(button(*dialog, QStringLiteral("Back to"))->text(),
                 QStringLiteral("Back to tuned.palnet"));

        // The window's Model menu goes back too (mouse clicks on the menu bar and the item).
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QMenuBar* bar = w.menuBar();
        QAction* modelMenu = nullptr;
        for (QAction* a : bar->actions()) {
            if (a->text() == QStringLiteral("&Model")) {
                modelMenu = a;
            }
        }
        QVERIFY(modelMenu && modelMenu->menu());
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(modelMenu).center());
        QMenu* menu = modelMenu->menu();
        QTRY_VERIFY(menu->isVisible());
        QAction* backAction = nullptr;
        for (QAction* a : menu->actions()) {
            if (a->text().startsWith(QStringLiteral("&Back to"))) {
                backAction = a;
            }
        }
        QVERIFY(backAction);
        QCOMPARE(backAction->text(), QStringLiteral("&Back to tuned.palnet"));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(backAction).center());
        QTRY_COMPARE(prediction->modelPath(), model(QStringLiteral("tuned.palnet")));
        QVERIFY2(modelShown().contains(QStringLiteral("tuned.palnet")), qPrintable(modelShown()));
        QVERIFY(prediction->revert()); // and back to the default for what follows
        QCOMPARE(prediction->modelPath(), defaultModelPath());
        dialog->activateWindow();

        QTest::qWait(100); // the buttons' new texts laid out; the picture is for a person
        QVERIFY(dialog->grab().save(QStringLiteral(PALSTUDIO_TEST_OUTPUT_DIR "/models_list.png")));

        // The files of a run in progress are not offered for removal.
        const QString cancelledPath = model(QStringLiteral("cancelled.palnet"));
        dialog->setRunningOutputs([cancelledPath] { return QStringList{cancelledPath}; });
        clickRow(list, row(list, QStringLiteral("cancelled.palnet")));
        QPushButton* remove = button(*dialog, QStringLiteral("Remove Checkpoint Files"));
        QVERIFY(!remove->isEnabled());
        QVERIFY2(row(list, QStringLiteral("cancelled.palnet"))
                     ->text(5)
                     .endsWith(QStringLiteral("checkpoint files (a run in progress)")),
                 qPrintable(row(list, QStringLiteral("cancelled.palnet"))->text(5)));
        dialog->setRunningOutputs([] { return QStringList{}; });

        // Checkpoint files go only after a yes; the bundle stays.
        clickRow(list, row(list, QStringLiteral("cancelled.palnet")));
        QVERIFY(remove->isEnabled());
        bool asked = false;
        QString question;
        QTimer::singleShot(0, [&] { pal::test::answerModal(QMessageBox::No, &asked, &question); });
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY2(question.contains(QStringLiteral("3 checkpoint file(s)")), qPrintable(question));
        QCOMPARE(trainingFilesOf(model(QStringLiteral("cancelled.palnet"))).size(), 3);
        asked = false;
        QTimer::singleShot(0, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(trainingFilesOf(model(QStringLiteral("cancelled.palnet"))), QStringList{});
        QVERIFY(QFile::exists(model(QStringLiteral("cancelled.palnet"))));
        QVERIFY2(!dialog->totalText().contains(QStringLiteral("checkpoint")),
                 qPrintable(dialog->totalText()));
        QVERIFY(!row(list, QStringLiteral("cancelled.palnet"))
                     ->text(5)
                     .contains(QStringLiteral("checkpoint")));
    }

    // What a file manager hands over (packaging/linux/palstudio.desktop): a bundle is offered
    // for predictions, saying what it predicts, and used only after a yes; a landmarks file
    // opens its case.
    void filesFromAFileManager() {
        MainWindow w;
        w.setJournalFolder(m_dir.filePath(QStringLiteral("journal-open")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* prediction = w.findChild<ui::PredictionController*>();
        const QString before = prediction->modelPath();
        const QString tuned = model(QStringLiteral("tuned.palnet"));
        bool asked = false;
        QString question;
        QTimer::singleShot(0,
                           [&] { pal::test::answerModal(QMessageBox::Cancel, &asked, &question); });
        w.openPath(tuned);
        QVERIFY(asked);
        QVERIFY2(question.contains(QStringLiteral("It predicts the LA-FAS-50 (50 landmarks)")),
                 qPrintable(question));
        QCOMPARE(prediction->modelPath(), before); // cancelled: nothing changed
        QTimer::singleShot(0, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        w.openPath(tuned);
        QCOMPARE(prediction->modelPath(), tuned);
        QVERIFY(prediction->revert());

        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.openPath(m_data + QStringLiteral("/D002/landmarks.txt"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(w.caseId(), QStringLiteral("D002"));
        QVERIFY(w.document()->groundTruth().has_value());
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestModelsDialog t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_models_dialog.moc"
