// The viewport's frame budget: when moving frames give up detail, and when they get it back.
// Pure logic, no GL (the viewport's own test drives it with real mouse events).

#include "ui/ViewportFrameBudget.h"

#include <QTest>

using pal::ui::ViewportFrameBudget;

class TestFrameBudget : public QObject {
    Q_OBJECT

    static constexpr double kTarget = 1000.0 / 30.0;

    // Frames of ms each until the level changes or count frames have passed.
    static int framesUntilChange(ViewportFrameBudget& budget, double ms, int count) {
        for (int i = 1; i <= count; ++i) {
            if (budget.frameTook(ms)) {
                return i;
            }
        }
        return -1;
    }

private Q_SLOTS:
    void levelsGiveUpPixelsThenTriangles() {
        // Each level draws no more pixels than the one before, and the coarse mesh, once
        // taken, stays.
        for (int l = 1; l < ViewportFrameBudget::kLevels; ++l) {
            QVERIFY(ViewportFrameBudget::kPixels[l] <= ViewportFrameBudget::kPixels[l - 1]);
            QVERIFY(ViewportFrameBudget::kCoarseMesh[l] ||
                    !ViewportFrameBudget::kCoarseMesh[l - 1]);
            QVERIFY(ViewportFrameBudget::kPixels[l] < ViewportFrameBudget::kPixels[l - 1] ||
                    ViewportFrameBudget::kCoarseMesh[l] != ViewportFrameBudget::kCoarseMesh[l - 1]);
        }
        ViewportFrameBudget budget;
        QCOMPARE(budget.level(), 0);
        QCOMPARE(budget.pixels(), 640.0 * 400.0); // what moving frames drew before the budget
        QVERIFY(!budget.coarseMesh());
        QCOMPARE(budget.targetMs(), kTarget);
    }

    void framesWithinTheTargetKeepTheLevel() {
        ViewportFrameBudget budget;
        QCOMPARE(framesUntilChange(budget, 0.9 * kTarget, 50), -1);
        QCOMPARE(budget.level(), 0);
    }

    void slowFramesStepDownToTheCoarsest() {
        ViewportFrameBudget budget;
        budget.startMove();
        for (int level = 1; level < ViewportFrameBudget::kLevels; ++level) {
            // Three slow frames, the median of three, make one step.
            QCOMPARE(framesUntilChange(budget, 2 * kTarget, 10), 3);
            QCOMPARE(budget.level(), level);
        }
        QVERIFY(budget.coarseMesh());
        QCOMPARE(budget.pixels(), ViewportFrameBudget::kPixels.back());
        // Nothing coarser than the last level.
        QCOMPARE(framesUntilChange(budget, 10 * kTarget, 20), -1);
        QCOMPARE(budget.level(), ViewportFrameBudget::kLevels - 1);
    }

    void oneSlowFrameIsNotATrend() {
        ViewportFrameBudget budget;
        for (int i = 0; i < 30; ++i) {
            QVERIFY(!budget.frameTook(i % 3 == 0 ? 5 * kTarget : 0.7 * kTarget));
        }
        QCOMPARE(budget.level(), 0);
    }

    void fastFramesBringDetailBack() {
        ViewportFrameBudget budget;
        QCOMPARE(framesUntilChange(budget, 2 * kTarget, 3), 3);
        QCOMPARE(framesUntilChange(budget, 2 * kTarget, 3), 3);
        QCOMPARE(budget.level(), 2);
        // Under the target but not well under it: the finer level would not fit.
        QCOMPARE(framesUntilChange(budget, 0.8 * kTarget, 40), -1);
        QCOMPARE(budget.level(), 2);
        // Well under it for kRiseFrames frames: one step finer.
        QCOMPARE(framesUntilChange(budget, 0.3 * kTarget, 40), ViewportFrameBudget::kRiseFrames);
        QCOMPARE(budget.level(), 1);
        QCOMPARE(framesUntilChange(budget, 0.3 * kTarget, 40), ViewportFrameBudget::kRiseFrames);
        QCOMPARE(budget.level(), 0);
        QCOMPARE(framesUntilChange(budget, 0.1 * kTarget, 40), -1);
    }

    void aRiseThatDoesNotFitIsNotRetriedInTheSameMove() {
        ViewportFrameBudget budget;
        budget.startMove();
        QCOMPARE(framesUntilChange(budget, 2 * kTarget, 3), 3);
        QCOMPARE(budget.level(), 1);
        QCOMPARE(framesUntilChange(budget, 0.5 * kTarget, 20), ViewportFrameBudget::kRiseFrames);
        QCOMPARE(budget.level(), 0);
        // Level 0 is too slow after all: back to 1, and it stays there in this move however
        // fast its frames are.
        QCOMPARE(framesUntilChange(budget, 1.2 * kTarget, 3), 3);
        QCOMPARE(budget.level(), 1);
        QCOMPARE(framesUntilChange(budget, 0.5 * kTarget, 40), -1);
        QCOMPARE(budget.level(), 1);
        // The next move may try again; the level reached is where it starts, and the fast
        // frames of the last move count (a wheel step is a move of a frame or two).
        budget.startMove();
        QCOMPARE(budget.level(), 1);
        QCOMPARE(framesUntilChange(budget, 0.5 * kTarget, 40), 1);
        QCOMPARE(budget.level(), 0);
    }

    void shortMovesAddUp() {
        ViewportFrameBudget budget;
        QCOMPARE(framesUntilChange(budget, 2 * kTarget, 3), 3);
        QCOMPARE(budget.level(), 1);
        // Moves of two fast frames each: the fourth move's second frame is the eighth.
        int frames = 0;
        for (int move = 0; move < 4 && budget.level() == 1; ++move) {
            budget.startMove();
            for (int f = 0; f < 2; ++f) {
                ++frames;
                if (budget.frameTook(0.3 * kTarget)) {
                    break;
                }
            }
        }
        QCOMPARE(budget.level(), 0);
        QCOMPARE(frames, ViewportFrameBudget::kRiseFrames);
    }

    void theTargetIsASetting() {
        ViewportFrameBudget budget;
        budget.setTargetMs(100);
        QCOMPARE(framesUntilChange(budget, 80, 30), -1); // 12.5 frames/s is fine at 10
        budget.setTargetMs(50);
        QCOMPARE(framesUntilChange(budget, 80, 30), 3);
        budget.setTargetMs(0); // nonsense is clamped, not a division by zero later
        QCOMPARE(budget.targetMs(), 1.0);
    }

    void offAndResetMeanLevelZero() {
        ViewportFrameBudget budget;
        QCOMPARE(framesUntilChange(budget, 2 * kTarget, 3), 3);
        budget.reset();
        QCOMPARE(budget.level(), 0);
        QCOMPARE(framesUntilChange(budget, 2 * kTarget, 3), 3);
        budget.setAdaptive(false);
        QCOMPARE(budget.level(), 0);
        QCOMPARE(budget.pixels(), ViewportFrameBudget::kPixels[0]);
        QCOMPARE(framesUntilChange(budget, 10 * kTarget, 30), -1);
        QCOMPARE(budget.level(), 0);
        budget.setAdaptive(true); // where it was
        QCOMPARE(budget.level(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFrameBudget)
#include "tst_frame_budget.moc"
