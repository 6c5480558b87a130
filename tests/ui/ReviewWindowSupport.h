#pragma once

// Shared by the review window's GUI tests: a GENERATED dataset with stand-in predictions, the
// window opened on a case as a user would see it, and the window's parts found by name.

#include "core/landmarks/LandmarkIO.h"
#include "core/review/CaseDocument.h"
#include "tests/TestSupport.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace pal::test {

// A GENERATED dataset of `cases` cases (D001...) in folder, each with a stand-in prediction
// (GENERATED too: its ground truth 1.5 mm to the side) for the working set to start from.
inline QString generatedReviewDataset(const QString& folder, int cases) {
    const QString data = generatedDataset(folder, cases);
    for (int c = 1; c <= cases; ++c) {
        const QString caseFolder = data + QStringLiteral("/D%1").arg(c, 3, 10, QLatin1Char('0'));
        LandmarkSet p = readLandmarks(caseFolder + QStringLiteral("/landmarks.txt")).landmarks;
        for (int i = 0; i < p.size(); ++i) {
            p.setPosition(i, p.at(i).position + Eigen::Vector3d(1.5, 0, 0),
                          LandmarkStatus::Predicted);
        }
        writeLandmarks(caseFolder + QStringLiteral("/landmarks.predicted.txt"), p);
    }
    return data;
}

// The window at 1200 x 800, shown and active, with path open and its mesh analysed for
// picking. Fails the calling test (QVERIFY) when any step does not happen.
inline void openInWindow(ui::MainWindow& w, const QString& path, const QString& journal) {
    w.setJournalFolder(journal);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QSignalSpy loaded(&w, &ui::MainWindow::loadFinished);
    w.openPath(path);
    QVERIFY(loaded.wait(30000));
    QVERIFY2(loaded.first().at(0).toBool(), qPrintable(w.lastError()));
    QVERIFY(w.viewport()->waitForMeshAnalysis());
}

// The landmark table and the dataset browser of the window.
inline QTableView* landmarkTable(ui::MainWindow& w) {
    return w.findChild<QTableView*>(QStringLiteral("LandmarkTable"));
}
inline QTableView* datasetTable(ui::MainWindow& w) {
    return w.findChild<QTableView*>(QStringLiteral("DatasetTable"));
}

// Where a working landmark is drawn in the viewport.
inline QPoint glyphOf(ui::MainWindow& w, int index) {
    return w.viewport()->projectToWidget(w.document()->working().at(index).position).toPoint();
}

// The window's action with this text (with its '&'), or null.
inline QAction* findAction(ui::MainWindow& w, const QString& text) {
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->text() == text) {
            return a;
        }
    }
    return nullptr;
}

} // namespace pal::test
