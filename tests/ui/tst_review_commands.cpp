// Undo and redo of review edits, and the landmark table as a view of the document. No GL.

#include "core/dataset/Case.h"
#include "core/demo/Resources.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/review/CaseDocument.h"
#include "ui/review/LandmarkTableModel.h"
#include "ui/review/ReviewCommands.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace pal;
using namespace pal::ui;

class TestReviewCommands : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    Case m_case;
    LandmarkSet m_truth;
    LandmarkSet m_predicted;

private Q_SLOTS:
    void initTestCase() {
        const QString folder = m_dir.filePath(QStringLiteral("S01"));
        QDir().mkpath(folder);
        QVERIFY(
            QFile::copy(QStringLiteral(PALSTUDIO_SOURCE_DIR "/tests/data/mesh/tetra_binary.ply"),
                        folder + QStringLiteral("/mesh.ply")));
        QVERIFY(QFile::copy(QStringLiteral(PALSTUDIO_SOURCE_DIR "/tests/data/lafas/valid.txt"),
                            folder + QStringLiteral("/landmarks.txt")));
        m_case = Case::open(folder);
        m_truth = m_case.readLandmarks().landmarks;
        m_predicted = m_truth;
        for (int i = 0; i < 50; ++i) {
            m_predicted.setPosition(i, m_truth.at(i).position + Eigen::Vector3d(0, 3, 4),
                                    LandmarkStatus::Predicted); // 5 mm off
        }
    }

    void threeCorrectionsAndOneUndo() {
        CaseDocument doc;
        doc.load(m_case, m_truth, std::nullopt, m_predicted);
        QUndoStack stack;
        for (int i : {3, 4, 5}) {
            // A drag: the view moves the landmark live, then pushes one command on release.
            const Landmark before = doc.working().at(i);
            doc.setPosition(i, before.position + Eigen::Vector3d(0, 1, 1), before.status,
                            before.provenance);
            doc.setPosition(i, m_truth.at(i).position, before.status, before.provenance);
            stack.push(new MoveLandmarkCommand(&doc, i, before, m_truth.at(i).position));
        }
        QCOMPARE(stack.count(), 3);
        QCOMPARE(doc.working().at(4).status, LandmarkStatus::Corrected);
        QVERIFY(doc.error(4) < 1e-9);
        QCOMPARE(doc.working().at(4).provenance.source, QStringLiteral("manual"));
        QVERIFY(!doc.working().at(4).provenance.user.isEmpty());
        QCOMPARE(stack.undoText(), QStringLiteral("Move Sn"));
        stack.undo();
        QCOMPARE(doc.working().at(5).status, LandmarkStatus::Predicted);
        QVERIFY(std::abs(doc.error(5) - 5.0) < 1e-9);
        QVERIFY(doc.error(4) < 1e-9); // the others stay corrected
        stack.redo();
        QVERIFY(doc.error(5) < 1e-9);
    }

    void statusAndReviewStateAreUndoable() {
        CaseDocument doc;
        doc.load(m_case, m_truth, std::nullopt, m_predicted);
        QUndoStack stack;
        stack.push(new SetStatusCommand(&doc, 0, LandmarkStatus::Confirmed));
        stack.push(new SetReviewStateCommand(&doc, ReviewState::Done));
        QCOMPARE(doc.reviewState(), ReviewState::Done);
        QVERIFY(doc.reviewStamp().when.isValid());
        stack.undo();
        QCOMPARE(doc.reviewState(), ReviewState::Unreviewed);
        stack.undo();
        QCOMPARE(doc.working().at(0).status, LandmarkStatus::Predicted);
        QCOMPARE(doc.nextNeedingReview(-1), 0);
    }

    void tableShowsTheDocument() {
        CaseDocument doc;
        doc.load(m_case, m_truth, std::nullopt, m_predicted);
        LandmarkTableModel model(&doc);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.columnCount(), int(LandmarkTableModel::ColumnCount));
        QCOMPARE(model.data(model.index(3, LandmarkTableModel::Key)).toString(),
                 QStringLiteral("Prn"));
        QCOMPARE(model.data(model.index(3, LandmarkTableModel::Error)).toString(),
                 QStringLiteral("5.00"));
        QCOMPARE(model.data(model.index(3, LandmarkTableModel::Status)).toString(),
                 QStringLiteral("predicted"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QUndoStack stack;
        stack.push(new MoveLandmarkCommand(&doc, 3, doc.working().at(3), m_truth.at(3).position));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(model.data(model.index(3, LandmarkTableModel::Error)).toString(),
                 QStringLiteral("0.00"));
        QCOMPARE(model.data(model.index(3, LandmarkTableModel::Status)).toString(),
                 QStringLiteral("corrected"));
        // Error colours run from green to red.
        QVERIFY(LandmarkTableModel::errorColor(0.5).green() >
                LandmarkTableModel::errorColor(0.5).red());
        QVERIFY(LandmarkTableModel::errorColor(6.0).red() >
                LandmarkTableModel::errorColor(6.0).green());
    }

    // Each command writes the audit trail: the action once, then each undo and redo, with
    // the change it made.
    void commandsWriteTheAuditTrail() {
        CaseDocument doc;
        doc.load(m_case, m_truth, std::nullopt, m_predicted);
        QUndoStack stack;
        stack.push(new MoveLandmarkCommand(&doc, 4, doc.working().at(4), m_truth.at(4).position));
        stack.undo();
        stack.redo();
        stack.push(new SetStatusCommand(&doc, 0, LandmarkStatus::Confirmed));
        stack.push(new SetReviewStateCommand(&doc, ReviewState::Done));
        stack.undo();
        const std::vector<AuditEntry>& a = doc.audit();
        QCOMPARE(a.size(), std::size_t(6));
        const AuditStep steps[] = {AuditStep::Do, AuditStep::Undo, AuditStep::Redo,
                                   AuditStep::Do, AuditStep::Do,   AuditStep::Undo};
        const AuditAction actions[] = {AuditAction::Move,    AuditAction::Move,
                                       AuditAction::Move,    AuditAction::Status,
                                       AuditAction::SignOff, AuditAction::SignOff};
        for (std::size_t k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].step, steps[k]);
            QCOMPARE(a[k].action, actions[k]);
        }
        QCOMPARE(*a[0].from, m_predicted.at(4).position);
        QCOMPARE(*a[0].to, m_truth.at(4).position);
        QCOMPARE(*a[1].from, m_truth.at(4).position); // the undo's own change
        QCOMPARE(*a[1].to, m_predicted.at(4).position);
        QCOMPARE(*a[1].toStatus, LandmarkStatus::Predicted);
        QCOMPARE(*a[2].to, m_truth.at(4).position);
        QCOMPARE(*a[3].toStatus, LandmarkStatus::Confirmed);
        QCOMPARE(a[4].detail, QStringLiteral("unreviewed -> done"));
        QCOMPARE(a[5].detail, QStringLiteral("done -> unreviewed"));
        QCOMPARE(describeAuditEntry(a[5], doc.working().schema()),
                 QStringLiteral("undo: signed off the case (done -> unreviewed)"));
    }

    // The Tolerance column: the ground truth and a correction against the landmark's
    // repeatability around the model's prediction.
    void toleranceSaysInsideOrOutside() {
        LandmarkSet predicted = m_truth;
        // Prn's prediction 1 mm from the truth (inside 2.25 mm), Sn's 5 mm (outside).
        predicted.setPosition(3, m_truth.at(3).position + Eigen::Vector3d(1, 0, 0),
                              LandmarkStatus::Predicted);
        predicted.setPosition(5, m_truth.at(5).position + Eigen::Vector3d(0, 3, 4),
                              LandmarkStatus::Predicted);
        CaseDocument doc;
        doc.load(m_case, m_truth, std::nullopt, predicted);
        LandmarkTableModel model(&doc);
        auto cell = [&](int row) {
            return model.data(model.index(row, LandmarkTableModel::Tolerance)).toString();
        };
        QCOMPARE(cell(3), QStringLiteral("truth inside"));
        QCOMPARE(cell(5), QStringLiteral("truth outside"));
        QVERIFY(
            model.data(model.index(5, LandmarkTableModel::Tolerance), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Ground truth 5.00 mm from the prediction: outside.")));
        // A correction of Sn 1.5 mm from the prediction is inside; the truth still outside.
        QUndoStack stack;
        stack.push(new MoveLandmarkCommand(&doc, 5, doc.working().at(5),
                                           predicted.at(5).position + Eigen::Vector3d(0, 1.5, 0)));
        QCOMPARE(cell(5), QStringLiteral("truth outside, correction inside"));
        stack.push(new MoveLandmarkCommand(&doc, 5, doc.working().at(5), m_truth.at(5).position));
        QCOMPARE(cell(5), QStringLiteral("truth outside, correction outside"));
        // No prediction, nothing to measure against.
        doc.load(m_case, m_truth, std::nullopt, std::nullopt);
        QVERIFY(cell(3).isEmpty());
    }

    // The Checks column: the anatomical findings of the working set and of the ground truth,
    // on the rows they name, again after every edit and undo.
    void tableFlagsAnatomicalFindings() {
        const LandmarkSet truth =
            readLandmarks(
                QDir(demo::defaultTemplateDir()).filePath(QStringLiteral("landmarks.txt")))
                .landmarks; // the generated demo template's: a valid face
        const LandmarkSchema& schema = truth.schema();
        const int exR = schema.indexOfKey(QStringLiteral("Ex_R"));
        const int exL = schema.indexOfKey(QStringLiteral("Ex_L"));
        LandmarkSet predicted = truth;
        for (int i = 0; i < predicted.size(); ++i) {
            predicted.at(i).status = LandmarkStatus::Predicted;
        }
        std::swap(predicted.at(exR).position, predicted.at(exL).position);
        CaseDocument doc;
        doc.load(m_case, truth, std::nullopt, predicted);
        LandmarkTableModel model(&doc);
        // The full lines (the cell's tooltip); the cell itself shows short titles.
        auto checks = [&](int row) { return model.findings(row).join(QLatin1Char('\n')); };
        QCOMPARE(model.headerData(LandmarkTableModel::Checks, Qt::Horizontal).toString(),
                 QStringLiteral("Checks"));
        QVERIFY2(checks(exL).startsWith(QStringLiteral("Ex_L and Ex_R are swapped")),
                 qPrintable(checks(exL)));
        QCOMPARE(checks(exR), checks(exL)); // both rows name it
        QCOMPARE(model.data(model.index(exL, LandmarkTableModel::Checks)).toString(),
                 QStringLiteral("swapped"));
        QCOMPARE(
            model.data(model.index(exL, LandmarkTableModel::Checks), Qt::ToolTipRole).toString(),
            checks(exL));
        for (int i = 0; i < 50; ++i) {
            if (i != exL && i != exR) {
                QVERIFY2(checks(i).isEmpty(), qPrintable(checks(i)));
            }
        }

        // Ex_L put right: Ex_R is still on the left side.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QUndoStack stack;
        stack.push(
            new MoveLandmarkCommand(&doc, exL, doc.working().at(exL), truth.at(exL).position));
        QVERIFY(checks(exL).isEmpty());
        QVERIFY2(checks(exR).startsWith(QStringLiteral("Ex_R lies ")) &&
                     checks(exR).endsWith(
                         QStringLiteral("mm left of the mid-sagittal plane, on the wrong side")),
                 qPrintable(checks(exR)));
        bool checksColumnChanged = false;
        for (const QList<QVariant>& args : changed) {
            checksColumnChanged = checksColumnChanged ||
                                  args.at(1).toModelIndex().column() == LandmarkTableModel::Checks;
        }
        QVERIFY(checksColumnChanged);
        stack.push(
            new MoveLandmarkCommand(&doc, exR, doc.working().at(exR), truth.at(exR).position));
        QVERIFY(checks(exR).isEmpty());
        stack.undo();
        stack.undo();
        QVERIFY(checks(exL).startsWith(QStringLiteral("Ex_L and Ex_R are swapped")));

        // Ground truth with Ls and Li exchanged: its own findings, marked as the ground truth's.
        LandmarkSet badTruth = truth;
        const int ls = schema.indexOfKey(QStringLiteral("Ls"));
        const int li = schema.indexOfKey(QStringLiteral("Li"));
        const int sto = schema.indexOfKey(QStringLiteral("Sto"));
        std::swap(badTruth.at(ls).position, badTruth.at(li).position);
        doc.load(m_case, badTruth, std::nullopt, truth);
        QVERIFY2(checks(sto).startsWith(QStringLiteral("Ground truth: Sto lies ")),
                 qPrintable(checks(sto)));
        QCOMPARE(model.data(model.index(sto, LandmarkTableModel::Checks)).toString(),
                 QStringLiteral("midline order (ground truth)"));
        QVERIFY(checks(exL).isEmpty());
    }
};

QTEST_MAIN(TestReviewCommands)
#include "tst_review_commands.moc"
