// The review window's view and tables, through real mouse and key events on the widgets: the
// tables sort and filter; a landmark can be hidden and locked; labels never overlap each other
// or the legend; the legend stays clear of the face and can be moved; a double click zooms in;
// the display settings apply and are kept; the tips bar closes; the manual and the model card.
// On GENERATED demo faces.

#include "ReviewWindowSupport.h"
#include "UiTestSupport.h"
#include "core/io/InstallPaths.h"
#include "ui/HelpDialogs.h"
#include "ui/UserFolders.h"
#include "ui/review/LandmarkTableModel.h"
#include "ui/review/ReviewFilterProxy.h"

#include <QCheckBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

using namespace pal;
using pal::ui::LandmarkTableModel;
using pal::ui::MainWindow;

class TestReviewView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

    // The dataset (its first case on screen, the browser filled) or one case of it.
    // Each test function keeps its own journal of unsaved edits: a journal one function left
    // behind (written by the edit timer, sooner or later depending on the machine's load)
    // would make the next function's open ask "Recover unsaved edits?" and wait for an answer.
    QString journalOfThisTest() const {
        return m_dir.filePath(QStringLiteral("journal-") +
                              QLatin1String(QTest::currentTestFunction()));
    }
    void openCase(MainWindow& w, const QString& id = {}) {
        pal::test::openInWindow(w, id.isEmpty() ? m_data : m_data + QLatin1Char('/') + id,
                                journalOfThisTest());
    }

    // The error (mm) the landmark table shows in a row as it is sorted now.
    static double errorInRow(QTableView* table, int row) {
        return table->model()->index(row, LandmarkTableModel::Error).data(ui::SortRole).toDouble();
    }

    // Clicks the check box of a cell (at the left of the cell, where the style draws it).
    static void clickCheckBox(QTableView* table, int row, int column) {
        const QRect cell = table->visualRect(table->model()->index(row, column));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(cell.left() + 10, cell.center().y()));
    }

    // The table row (as sorted now) showing landmark index.
    static int rowOf(QTableView* table, int index) {
        return static_cast<ui::ReviewFilterProxy*>(table->model())->proxyRow(index);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::setApplicationNames();
        QSettings().clear();
        m_data = pal::test::generatedReviewDataset(m_dir.filePath(QStringLiteral("data")), 3);
    }

    void cleanup() {
        QSettings().clear(); // each test starts from the default view settings
        // and with no journal of unsaved edits to offer back
        QDir(journalOfThisTest()).removeRecursively();
    }

    // A window saved bigger than the screen it opens on is made to fit it.
    void aWindowSavedBiggerThanTheScreenFitsIt() {
        {
            MainWindow big;
            big.resize(4000, 3000);
            QSettings().setValue(QStringLiteral("window/geometry"), big.saveGeometry());
        }
        MainWindow w;
        const QRect room = w.screen()->availableGeometry();
        QVERIFY2(w.width() <= room.width() && w.height() <= room.height(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                .arg(w.width())
                                .arg(w.height())
                                .arg(room.width())
                                .arg(room.height())));
    }

    // A click on the Error header sorts by error, a second click worst first; "Unreviewed only"
    // keeps the landmarks still to review, and one leaves it when it is confirmed.
    void theTablesSortAndFilter() {
        MainWindow w;
        openCase(w);
        QTableView* table = pal::test::landmarkTable(w);
        QVERIFY(table);
        const int errorX =
            table->horizontalHeader()->sectionViewportPosition(LandmarkTableModel::Error) + 10;
        QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(errorX, 5));
        QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(errorX, 5));
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        double worst = 0;
        for (int i = 0; i < 50; ++i) {
            const double e = w.document()->error(i);
            worst = std::isnan(e) ? worst : std::max(worst, e);
        }
        QCOMPARE(errorInRow(table, 0), worst);
        for (int row = 1; row < 50; ++row) {
            QVERIFY(errorInRow(table, row) <= errorInRow(table, row - 1));
        }
        // A click on row 0 selects the landmark it shows, not landmark 0.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                          table->visualRect(table->model()->index(0, 1)).center());
        QCOMPARE(w.document()->error(w.selectedLandmark()), worst);

        auto* unreviewed = w.findChild<QCheckBox*>(QStringLiteral("UnreviewedLandmarks"));
        QVERIFY(unreviewed);
        QTest::mouseClick(unreviewed, Qt::LeftButton, Qt::NoModifier,
                          QPoint(8, unreviewed->height() / 2));
        QVERIFY(unreviewed->isChecked());
        QCOMPARE(table->model()->rowCount(), 50);
        const int confirmed = w.selectedLandmark();
        QTest::keyClick(table, Qt::Key_C);
        QCOMPARE(table->model()->rowCount(), 49);
        QCOMPARE(rowOf(table, confirmed), -1);
        QCOMPARE(table->model()->rowCount(), 50 - reviewedCount(w.document()->working()));

        // The browser: "Not done only" hides the case marked done.
        auto* notDone = w.findChild<QCheckBox*>(QStringLiteral("UnreviewedCases"));
        QVERIFY(notDone);
        QTableView* browser = pal::test::datasetTable(w);
        QTRY_COMPARE_WITH_TIMEOUT(browser->model()->rowCount(), 3, 30000);
        QTest::mouseClick(notDone, Qt::LeftButton, Qt::NoModifier,
                          QPoint(8, notDone->height() / 2));
        QCOMPARE(browser->model()->rowCount(), 3);
        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(asked);
        QCOMPARE(browser->model()->rowCount(), 2);
    }

    // Show and Lock in the landmark table: a hidden landmark has no glyph or label and cannot
    // be picked; a locked one is selected by a click but a drag or a placement moves nothing.
    void aLandmarkCanBeHiddenAndLocked() {
        MainWindow w;
        openCase(w);
        QTableView* table = pal::test::landmarkTable(w);
        const int prn = 3;
        const QPoint glyph = pal::test::glyphOf(w, prn);
        int picked = -1;
        QVERIFY(w.viewport()->landmarkAt(glyph, &picked, nullptr));
        QCOMPARE(picked, prn);
        w.viewport()->grabFramebuffer(); // the labels are placed at each render
        QVERIFY(!w.viewport()->labelRects().at(prn).isNull());

        clickCheckBox(table, rowOf(table, prn), LandmarkTableModel::Shown);
        QVERIFY(!w.viewport()->isLandmarkShown(prn));
        picked = -1;
        w.viewport()->landmarkAt(glyph, &picked, nullptr);
        QVERIFY(picked != prn);
        w.viewport()->grabFramebuffer();
        QVERIFY(w.viewport()->labelRects().at(prn).isNull());
        clickCheckBox(table, rowOf(table, prn), LandmarkTableModel::Shown);
        QVERIFY(w.viewport()->isLandmarkShown(prn));

        clickCheckBox(table, rowOf(table, prn), LandmarkTableModel::Locked);
        QVERIFY(w.viewport()->isLandmarkLocked(prn));
        const Eigen::Vector3d before = w.document()->working().at(prn).position;
        QTest::mousePress(w.viewport(), Qt::LeftButton, Qt::NoModifier, glyph);
        for (int step = 1; step <= 6; ++step) {
            QTest::mouseMove(w.viewport(), glyph + QPoint(3 * step, 2 * step));
        }
        QTest::mouseRelease(w.viewport(), Qt::LeftButton, Qt::NoModifier, glyph + QPoint(18, 12));
        QCOMPARE(w.selectedLandmark(), prn);
        QCOMPARE(w.undoStack()->count(), 0);
        QCOMPARE(w.document()->working().at(prn).position, before);
        // Place mode refuses it too.
        QTest::keyClick(&w, Qt::Key_1);
        const QPoint forehead = (pal::test::glyphOf(w, 0) + pal::test::glyphOf(w, 1)) / 2;
        QTest::keyClick(&w, Qt::Key_P);
        QTest::mouseClick(w.viewport(), Qt::LeftButton, Qt::NoModifier, forehead);
        QCOMPARE(w.undoStack()->count(), 0);
        QCOMPARE(w.document()->working().at(prn).position, before);
    }

    // The labels drawn never overlap one another or the legend, in the front and side views,
    // and stay inside the view; most of the 50 find a place.
    void labelsDoNotOverlap() {
        MainWindow w;
        openCase(w);
        for (const Qt::Key view : {Qt::Key_1, Qt::Key_3}) {
            QTest::keyClick(&w, view);
            w.viewport()->grabFramebuffer();
            const QList<QRectF> rects = w.viewport()->labelRects();
            const QRectF legend = w.viewport()->errorLegendRect();
            QVERIFY(!legend.isNull());
            const QRectF inside(0, 0, w.viewport()->width(), w.viewport()->height());
            int drawn = 0;
            for (int i = 0; i < rects.size(); ++i) {
                if (rects[i].isNull()) {
                    continue;
                }
                ++drawn;
                QVERIFY(inside.contains(rects[i]));
                QVERIFY2(!rects[i].intersects(legend), qPrintable(QString::number(i)));
                for (int j = i + 1; j < rects.size(); ++j) {
                    QVERIFY2(rects[j].isNull() || !rects[i].intersects(rects[j]),
                             qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
                }
            }
            QVERIFY2(drawn >= (view == Qt::Key_1 ? 35 : 15), qPrintable(QString::number(drawn)));
            QCOMPARE(drawn, w.viewport()->visibleLabelCount());
        }
    }

    // In every standard view each landmark projects outside the legend; the legend moves to
    // another corner (View > Error Legend Position) and the views make room on that side.
    void theLegendStaysClearOfTheFace() {
        MainWindow w;
        openCase(w);
        auto clear = [&](const char* what) {
            const QRectF legend = w.viewport()->errorLegendRect().adjusted(-4, -4, 4, 4);
            QVERIFY(!legend.isNull());
            for (int i = 0; i < 50; ++i) {
                for (const LandmarkSet* set :
                     {&w.document()->working(), &*w.document()->groundTruth()}) {
                    if (set->at(i).isPresent()) {
                        const QPointF p = w.viewport()->projectToWidget(set->at(i).position);
                        QVERIFY2(!legend.contains(p),
                                 qPrintable(QStringLiteral("%1: %2").arg(what).arg(i)));
                    }
                }
            }
        };
        for (const auto& [key, mods, name] : {std::tuple{Qt::Key_1, Qt::NoModifier, "front"},
                                              std::tuple{Qt::Key_3, Qt::NoModifier, "right"},
                                              std::tuple{Qt::Key_3, Qt::ControlModifier, "left"}}) {
            QTest::keyClick(&w, key, mods);
            clear(name);
        }
        const QRectF bottomRight = w.viewport()->errorLegendRect();
        QAction* topLeft = pal::test::findAction(w, QStringLiteral("Top Left"));
        QVERIFY(topLeft);
        topLeft->trigger();
        const QRectF moved = w.viewport()->errorLegendRect();
        QVERIFY(moved.center().x() < w.viewport()->width() / 2.0);
        QVERIFY(moved.center().y() < w.viewport()->height() / 2.0);
        QVERIFY(bottomRight.center().x() > w.viewport()->width() / 2.0);
        QTest::keyClick(&w, Qt::Key_3);
        clear("right, legend top left");
    }

    // A double click on a landmark selects it and zooms in on it: it comes to the middle and
    // the camera halves its distance (the eyes, deeper than the nose tip, grow about 1.5x).
    void aDoubleClickZoomsIn() {
        MainWindow w;
        openCase(w);
        const int prn = 3, exR = 14, exL = 15;
        auto span = [&] {
            return QLineF(w.viewport()->projectToWidget(w.document()->working().at(exR).position),
                          w.viewport()->projectToWidget(w.document()->working().at(exL).position))
                .length();
        };
        const double before = span();
        QTest::mouseDClick(w.viewport(), Qt::LeftButton, Qt::NoModifier,
                           pal::test::glyphOf(w, prn));
        QCOMPARE(w.selectedLandmark(), prn);
        QCOMPARE(w.undoStack()->count(), 0);
        const QPointF middle(w.viewport()->width() / 2.0, w.viewport()->height() / 2.0);
        QVERIFY((QPointF(pal::test::glyphOf(w, prn)) - middle).manhattanLength() < 3);
        QVERIFY2(span() > 1.4 * before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(span())));
    }

    // View > Display Settings: the landmark size, label size and surface opacity change the
    // view as they are edited and are there again in the next window.
    void displaySettingsApplyAndStay() {
        {
            MainWindow w;
            openCase(w);
            pal::test::findAction(w, QStringLiteral("&Display Settings..."))->trigger();
            auto* dialog = w.findChild<QDialog*>(QStringLiteral("DisplaySettings"));
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->isVisible());
            auto* size = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("LandmarkSize"));
            QVERIFY(size);
            auto tallestLabel = [&] {
                w.viewport()->grabFramebuffer(); // labels are placed as a frame is drawn
                double tallest = 0;
                for (const QRectF& r : w.viewport()->labelRects()) {
                    tallest = std::max(tallest, r.height());
                }
                return tallest;
            };
            const double labelHeight = tallestLabel();
            QVERIFY(labelHeight > 0);
            size->setFocus();
            for (int i = 0; i < 9; ++i) {
                QTest::keyClick(size, Qt::Key_Up); // 0.1 mm a step
            }
            QCOMPARE(w.viewport()->landmarkRadius(), 2.5);
            auto* label = dialog->findChild<QSpinBox*>(QStringLiteral("LabelSize"));
            label->setFocus();
            for (int i = 0; i < 7; ++i) {
                QTest::keyClick(label, Qt::Key_Up);
            }
            QCOMPARE(w.viewport()->labelFontSize(), 20);
            QVERIFY(tallestLabel() > labelHeight * 1.3);
            auto* opacity = dialog->findChild<QSlider*>(QStringLiteral("MeshOpacity"));
            opacity->setFocus();
            for (int i = 0; i < 10; ++i) {
                QTest::keyClick(opacity, Qt::Key_Left); // 1 % a step
            }
            QCOMPARE(w.viewport()->meshOpacity(), 0.9);
        }
        MainWindow again;
        QCOMPARE(again.viewport()->landmarkRadius(), 2.5);
        QCOMPARE(again.viewport()->labelFontSize(), 20);
        QCOMPARE(again.viewport()->meshOpacity(), 0.9);
    }

    // The tips bar closes with its button and View > Tips Bar brings it back; the title still
    // says the case is generated demo data.
    void theTipsBarCloses() {
        MainWindow w;
        openCase(w);
        auto* close = w.findChild<QToolButton*>(QStringLiteral("CloseTips"));
        QVERIFY(close && close->isVisible());
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!close->isVisible());
        QVERIFY(w.windowTitle().contains(QStringLiteral("generated demo data")));
        QAction* tips = pal::test::findAction(w, QStringLiteral("&Tips Bar"));
        QVERIFY(tips && !tips->isChecked());
        tips->trigger();
        QVERIFY(close->isVisible());
    }

    // Help > Manual shows the manual; About's model card reads the bundle's
    // manifest and points to its card file.
    void theManualAndTheModelCard() {
        MainWindow w;
        pal::test::findAction(w, QStringLiteral("&Manual"))->trigger();
        auto* manual = w.findChild<QDialog*>(QStringLiteral("Manual"));
        QVERIFY(manual);
        auto* browser = manual->findChild<QTextBrowser*>();
        const QString text = browser->toPlainText();
        for (const char* part : {"Reviewing a case", "Statuses and colours", "Exporting landmarks",
                                 "Training and fine-tuning", "The command line", "File formats"}) {
            QVERIFY2(text.contains(QLatin1String(part)), part);
        }
        // Its pictures and the formats document it links to come with it.
        for (const char* picture : {"images/review-front.png", "images/review-left.png"}) {
            const QVariant image =
                browser->loadResource(QTextDocument::ImageResource, QUrl(QLatin1String(picture)));
            QVERIFY2(!image.isNull(), picture);
        }
        QVERIFY(
            !browser
                 ->loadResource(QTextDocument::MarkdownResource, QUrl(QStringLiteral("formats.md")))
                 .isNull());
        manual->close();

        const QString card = ui::modelCardHtml(pal::defaultModelPath());
        QVERIFY2(card.contains(QStringLiteral("not for clinical use")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("patch size 200")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("default.md")), qPrintable(card));
        const QString broken = m_dir.filePath(QStringLiteral("broken.palnet"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a zip");
        f.close();
        QVERIFY(ui::modelCardHtml(broken).contains(QStringLiteral("cannot be read")));
    }

    // The settings and journal of a version that doubled its folders move to the new places.
    void oldUserFoldersMove() {
        const QString config =
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        QDir().mkpath(config + QStringLiteral("/PAL Studio"));
        QDir().mkpath(data + QStringLiteral("/PAL Studio/PAL Studio/journal"));
        QFile::remove(QSettings().fileName());
        {
            QFile conf(config + QStringLiteral("/PAL Studio/PAL Studio.conf"));
            QVERIFY(conf.open(QIODevice::WriteOnly));
            conf.write("[view]\nlabels=false\n");
            QFile journal(data + QStringLiteral("/PAL Studio/PAL Studio/journal/D001-x.json"));
            QVERIFY(journal.open(QIODevice::WriteOnly));
            journal.write("{}");
        }
        const QString moved = ui::migrateUserFolders();
        QVERIFY2(moved.count(QLatin1Char('\n')) == 1, qPrintable(moved));
        QCOMPARE(QSettings().value(QStringLiteral("view/labels")).toBool(), false);
        QVERIFY(QFile::exists(ui::journalFolder() + QStringLiteral("/D001-x.json")));
        QVERIFY(!QDir(data + QStringLiteral("/PAL Studio")).exists());
        QVERIFY(!QFile::exists(config + QStringLiteral("/PAL Studio/PAL Studio.conf")));
        QVERIFY(ui::migrateUserFolders().isEmpty()); // once
        QFile::remove(ui::journalFolder() + QStringLiteral("/D001-x.json"));
    }
};

int main(int argc, char** argv) {
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestReviewView t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_review_view.moc"
