// The review window's writers on a real full disk (a filled tmpfs, tests/FullDisk.h), driven by
// real input: the journal of unsaved edits, Save (Ctrl+S) and Export (Ctrl+E through the file
// dialog). Each failure is said with the file and the system's reason, the files that were
// there keep their bytes, the edits stay unsaved (and Save works once there is room again).
// Skipped where a tmpfs cannot be mounted (not root). Also the review report (Ctrl+P), which
// saves unsaved edits first through the same writer, and the reviewer's name those edits and
// the sign-off are saved under.

#include "ReviewWindowSupport.h"
#include "UiTestSupport.h"
#include "core/review/ReviewStore.h"
#include "tests/FullDisk.h"
#include "tests/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/UserFolders.h"
#include "ui/review/Reviewer.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pal;
using pal::test::readAll;
using pal::ui::MainWindow;

namespace {

// Clicks the landmark's row in the table, then presses C (confirm): one edit, by real input.
void confirmLandmark(MainWindow& w, int index) {
    QTableView* table = pal::test::landmarkTable(w);
    QVERIFY(table);
    const QRect row = table->visualRect(table->model()->index(index, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, row.center());
    QCOMPARE(w.selectedLandmark(), index);
    QTest::keyClick(&w, Qt::Key_C);
}

// Once the file dialog is up: notes the file name it suggests and presses Return on it.
void acceptFileDialog(QString* suggested, bool* asked) {
    auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
    if (!dialog || !dialog->isVisible()) {
        QTimer::singleShot(20, [suggested, asked] { acceptFileDialog(suggested, asked); });
        return;
    }
    *asked = true;
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    *suggested = QDir(dialog->directory()).filePath(name->text());
    QTest::keyClick(name, Qt::Key_Return);
}

// Once a message box with an OK button is up (an error, not a question): notes its text, OK.
void acknowledgeError(bool* told, QString* text) {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box || !box->isVisible() || !box->button(QMessageBox::Ok)) {
        QTimer::singleShot(20, [told, text] { acknowledgeError(told, text); });
        return;
    }
    *told = true;
    *text = box->text();
    box->button(QMessageBox::Ok)->click();
}

// Once an input dialog is up: types text over what it holds and presses Return.
void typeIntoInputDialog(const QString& text, bool* done) {
    auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
    if (!dialog || !dialog->isVisible()) {
        QTimer::singleShot(20, [text, done] { typeIntoInputDialog(text, done); });
        return;
    }
    auto* edit = dialog->findChild<QLineEdit*>();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    *done = true;
}

// After a message box, the window is active again (without a window manager, under Xvfb,
// nobody else makes it so), as a user's click on it would make it.
void activateAgain(MainWindow& w) {
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

} // namespace

class TestReviewFullDisk : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the settings too: under ~/.qttest
        ui::setApplicationNames();
    }

    void journalSaveAndExportOnAFullDisk() {
        pal::test::FullDisk disk(64 << 20);
        if (!disk.available()) {
            QSKIP(qPrintable(disk.whyNot()));
        }
        const QString data =
            pal::test::generatedReviewDataset(disk.filePath(QStringLiteral("data")), 1);
        const QString caseDir = data + QStringLiteral("/D001");
        const QString journal = disk.filePath(QStringLiteral("journal"));
        MainWindow w;
        pal::test::openInWindow(w, caseDir, journal);

        // An earlier review, saved while there was room, and an earlier export.
        confirmLandmark(w, 0);
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!w.isWindowModified());
        const QString sidecar = caseDir + QStringLiteral("/palstudio-review.json");
        const QByteArray saved = readAll(sidecar);
        QVERIFY(!saved.isEmpty());
        const QString exported = caseDir + QStringLiteral("/landmarks.corrected.txt");
        pal::test::writeAll(exported, "an earlier export\n");
        const QStringList filesBefore = QDir(caseDir).entryList(QDir::Files | QDir::Hidden);
        QVERIFY(disk.fill());

        // An edit: its journal cannot be written, and the status bar says so.
        confirmLandmark(w, 1);
        QVERIFY(w.isWindowModified());
        QTRY_VERIFY_WITH_TIMEOUT(
            w.statusBar()->currentMessage().startsWith(QStringLiteral("Cannot journal")), 5000);
        QVERIFY2(
            w.statusBar()->currentMessage().contains(journal) &&
                w.statusBar()->currentMessage().contains(QStringLiteral("No space left on device")),
            qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(QDir(journal).entryList(QDir::Files | QDir::Hidden).isEmpty());

        // Save: an error naming the sidecar and the reason; the saved review is as it was and
        // the edit is still unsaved.
        bool asked = false;
        QString text;
        QTimer::singleShot(0, this, [&] { acknowledgeError(&asked, &text); });
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(asked);
        QVERIFY2(text.contains(sidecar) && text.contains(QStringLiteral("No space left on device")),
                 qPrintable(text));
        QCOMPARE(readAll(sidecar), saved);
        QVERIFY(w.isWindowModified());

        // Export over the earlier one (the file dialog's suggestion, "Replace?" yes): an error
        // naming the file and the reason; the earlier export is as it was.
        bool named = false;
        QString suggested;
        bool replace = false;
        bool told = false;
        QString error;
        activateAgain(w);
        QTimer::singleShot(0, this, [&] { acceptFileDialog(&suggested, &named); });
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Yes, &replace); });
        QTimer::singleShot(0, this, [&] { acknowledgeError(&told, &error); });
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(told);
        QVERIFY(named && replace);
        QCOMPARE(suggested, exported);
        QVERIFY2(error.contains(exported) &&
                     error.contains(QStringLiteral("No space left on device")),
                 qPrintable(error));
        QCOMPARE(readAll(exported), QByteArray("an earlier export\n"));
        QCOMPARE(QDir(caseDir).entryList(QDir::Files | QDir::Hidden), filesBefore);

        // With room again, Save goes through, and the journal's warning is gone with the edits.
        disk.empty();
        activateAgain(w); // shortcuts need it: the message box was active
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!w.isWindowModified());
        const std::optional<ReviewSnapshot> back = readReview(sidecar);
        QVERIFY(back.has_value());
        QCOMPARE(back->working.at(1).status, LandmarkStatus::Confirmed);
    }

    // File > Print Review Report (Ctrl+P) on a case with an unsaved edit: the window asks to
    // save first (the report shows what is saved), then for the PDF's name (the suggestion
    // beside the case), and writes one page in a job; the saved review has the edit.
    void printReportSavesFirstAndWritesThePage() {
        QTemporaryDir dir;
        const QString data =
            pal::test::generatedReviewDataset(dir.filePath(QStringLiteral("data")), 1);
        const QString caseDir = data + QStringLiteral("/D001");
        MainWindow w;
        pal::test::openInWindow(w, caseDir, dir.filePath(QStringLiteral("journal")));
        confirmLandmark(w, 2);
        QVERIFY(w.isWindowModified());

        bool saveAsked = false;
        QString question;
        bool named = false;
        QString suggested;
        QSignalSpy finished(&w, &MainWindow::reportFinished);
        QTimer::singleShot(
            0, this, [&] { pal::test::answerModal(QMessageBox::Save, &saveAsked, &question); });
        QTimer::singleShot(0, this, [&] { acceptFileDialog(&suggested, &named); });
        QTest::keyClick(&w, Qt::Key_P, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(saveAsked && named);
        QVERIFY2(question.contains(QStringLiteral("unsaved changes")), qPrintable(question));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(suggested, caseDir + QStringLiteral("/D001-review-report.pdf"));
        QVERIFY(!w.isWindowModified());
        const std::optional<ReviewSnapshot> saved =
            readReview(caseDir + QStringLiteral("/palstudio-review.json"));
        QVERIFY(saved.has_value());
        QCOMPARE(saved->working.at(2).status, LandmarkStatus::Confirmed);
        const QByteArray pdf = readAll(suggested);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(QString::fromLatin1(pdf).count(
                     QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))),
                 1);
        QCOMPARE(QString::fromLatin1(pdf).count(
                     QRegularExpression(QStringLiteral("/Subtype\\s*/Image"))),
                 2);
        QVERIFY2(w.statusBar()->currentMessage().contains(suggested),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    // Case > Reviewer Name (opened from the keyboard: Alt+C, R): the name typed is the one the
    // confirm, the sign-off (Ctrl+D) and their history entries record, saved in the review.
    void theReviewerNameIsWhatTheSignOffRecords() {
        QTemporaryDir dir;
        const QString data =
            pal::test::generatedReviewDataset(dir.filePath(QStringLiteral("data")), 1);
        const QString caseDir = data + QStringLiteral("/D001");
        MainWindow w;
        pal::test::openInWindow(w, caseDir, dir.filePath(QStringLiteral("journal")));

        const QString before = ui::configuredReviewerName();
        const auto restore = qScopeGuard([before] { ui::setReviewerName(before); });
        bool named = false;
        QTimer::singleShot(0, this,
                           [&] { typeIntoInputDialog(QStringLiteral("Dr. Anna Rossi"), &named); });
        activateAgain(w);
        QTest::keyClick(&w, Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(QApplication::activePopupWidget() != nullptr);
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_R);
        QTRY_VERIFY(named);
        QCOMPARE(ui::reviewerName(), QStringLiteral("Dr. Anna Rossi"));

        activateAgain(w);
        confirmLandmark(w, 4);
        bool asked = false;
        QTimer::singleShot(0, this, [&] { pal::test::answerModal(QMessageBox::Yes, &asked); });
        QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(asked); // 49 landmarks not reviewed: "Mark the case done anyway?"
        activateAgain(w);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("Dr. Anna Rossi")),
                 qPrintable(w.statusBar()->currentMessage()));
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        const std::optional<ReviewSnapshot> saved =
            readReview(caseDir + QStringLiteral("/palstudio-review.json"));
        QVERIFY(saved.has_value());
        QCOMPARE(saved->state, ReviewState::Done);
        QCOMPARE(saved->stamp.user, QStringLiteral("Dr. Anna Rossi"));
        QCOMPARE(saved->working.at(4).provenance.user, QStringLiteral("Dr. Anna Rossi"));
        QCOMPARE(saved->audit.size(), std::size_t(2)); // the confirm and the sign-off
        for (const AuditEntry& e : saved->audit) {
            QCOMPARE(e.user, QStringLiteral("Dr. Anna Rossi"));
        }
        QCOMPARE(saved->audit.back().action, AuditAction::SignOff);
        // Spaces only: back to the login name.
        ui::setReviewerName(QStringLiteral("   "));
        QCOMPARE(ui::reviewerName(), ui::loginName());
    }
};

int main(int argc, char** argv) {
    pal::test::FullDisk::isolateMounts(); // before any thread: see tests/FullDisk.h
    pal::test::setDefaultGlFormat();
    QApplication app(argc, argv);
    TestReviewFullDisk t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_review_full_disk.moc"
