// Evaluation metrics and loss terms against values computed by hand on tiny inputs, the
// skipping of missing landmarks, the intra-observer reference, and the exact CSV output.

#include "core/errors/Error.h"
#include "core/eval/EvaluationCsv.h"
#include "core/eval/Metrics.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace pal;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool near(double a, double b, double tol = 1e-12) {
    return std::abs(a - b) <= tol;
}

// Three landmarks: "A" on the midline, "B_R" and "B_L" a pair.
std::shared_ptr<const LandmarkSchema> tinySchema() {
    return std::make_shared<const LandmarkSchema>(
        QStringLiteral("tiny-3"),
        std::vector<LandmarkDefinition>{
            {1, QStringLiteral("Alpha"), QStringLiteral("A"), Side::Midline, 0, {}, {}},
            {2, QStringLiteral("Beta"), QStringLiteral("B"), Side::Right, 3, {}, {}},
            {3, QStringLiteral("Beta"), QStringLiteral("B"), Side::Left, 2, {}, {}}});
}

Eigen::MatrixX3d rows3(const Eigen::Vector3d& a, const Eigen::Vector3d& b,
                       const Eigen::Vector3d& c) {
    Eigen::MatrixX3d m(3, 3);
    m.row(0) = a;
    m.row(1) = b;
    m.row(2) = c;
    return m;
}

// Truth: a 3-4-5 right triangle. Case 1 moves A by 1 along x; case 2 moves B by 3 along x and
// C by 3 along z.
Eigen::MatrixX3d triangle() {
    return rows3({0, 0, 0}, {3, 0, 0}, {0, 4, 0});
}
Eigen::MatrixX3d case1() {
    return rows3({1, 0, 0}, {3, 0, 0}, {0, 4, 0});
}
Eigen::MatrixX3d case2() {
    return rows3({0, 0, 0}, {6, 0, 0}, {0, 4, 3});
}

// Landmarks on a line: truth x = 0, 10, 20. Case "c1" moves A to x = 2, case "case,2" moves
// C to x = 24. Errors: A 2, 0; B 0, 0; C 0, 4. Pair errors: AB 2, 0; AC 2, 4; BC 0, 4.
std::vector<EvaluationCase> lineCases() {
    const Eigen::MatrixX3d truth = rows3({0, 0, 0}, {10, 0, 0}, {20, 0, 0});
    return {{QStringLiteral("c1"), rows3({2, 0, 0}, {10, 0, 0}, {20, 0, 0}), truth},
            {QStringLiteral("case,2"), rows3({0, 0, 0}, {10, 0, 0}, {24, 0, 0}), truth}};
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void landmarkErrorsAndPairwiseDistances() {
        const Eigen::VectorXd e = landmarkErrors(case2(), triangle());
        QCOMPARE(e.size(), Eigen::Index(3));
        QVERIFY(near(e[0], 0) && near(e[1], 3) && near(e[2], 3));

        const Eigen::MatrixXd d = pairwiseDistances(triangle());
        QVERIFY(near(d(0, 1), 3) && near(d(1, 0), 3));
        QVERIFY(near(d(0, 2), 4) && near(d(1, 2), 5));
        QVERIFY(near(d(0, 0), 0) && near(d(1, 1), 0) && near(d(2, 2), 0));

        Eigen::MatrixX3d missing = triangle();
        missing.row(1).setConstant(kNaN);
        const Eigen::MatrixXd dm = pairwiseDistances(missing);
        QVERIFY(std::isnan(dm(0, 1)) && std::isnan(dm(1, 2)) && std::isnan(dm(1, 1)));
        QVERIFY(near(dm(0, 2), 4));
        QVERIFY(std::isnan(landmarkErrors(missing, triangle())[1]));
        QVERIFY(std::isnan(landmarkErrors(triangle(), missing)[1]));
    }

    void lossTerms() {
        // Case 1: errors 1, 0, 0. Pair distances 2, sqrt(17), 5 against 3, 4, 5.
        const double loc = 1.0 / 3.0;
        const double dist = 2.0 * (1.0 + (std::sqrt(17.0) - 4.0) + 0.0) / 9.0; // 9 entries
        QVERIFY(near(localisationLoss(case1(), triangle()), loc));
        QVERIFY(near(distanceLoss(case1(), triangle()), dist));
        QVERIFY(near(combinedLoss(case1(), triangle()), 0.6 * loc + 0.4 * dist));
        QVERIFY(near(combinedLoss(case1(), triangle(), 1.0, 0.0), loc));
        QVERIFY(near(combinedLoss(case1(), triangle(), 0.0, 1.0), dist));

        // Case 2: errors 0, 3, 3; pair distances 6, 5, sqrt(61) against 3, 4, 5.
        QVERIFY(near(localisationLoss(case2(), triangle()), 2.0));
        QVERIFY(near(distanceLoss(case2(), triangle()),
                     2.0 * (3.0 + 1.0 + (std::sqrt(61.0) - 5.0)) / 9.0));

        // The loss skips nothing: a missing landmark gives NaN.
        Eigen::MatrixX3d missing = case1();
        missing(2, 0) = kNaN;
        QVERIFY(std::isnan(localisationLoss(missing, triangle())));
        QVERIFY(std::isnan(distanceLoss(missing, triangle())));
        QVERIFY(std::isnan(combinedLoss(missing, triangle())));

        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 localisationLoss(case1(), Eigen::MatrixX3d::Zero(2, 3)));
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 distanceLoss(case1(), Eigen::MatrixX3d::Zero(4, 3)));
    }

    void evaluateByHand() {
        const EvaluationResult r = evaluate({{QStringLiteral("one"), case1(), triangle()},
                                             {QStringLiteral("two"), case2(), triangle()}},
                                            QStringLiteral("closest"), tinySchema());
        QCOMPARE(r.variant, QStringLiteral("closest"));
        QCOMPARE(r.caseIds, QStringList({QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(r.landmarkCountTotal(), 3);
        QCOMPARE(r.caseCount(), 2);

        // Per landmark: A 1, 0; B 0, 3; C 0, 3.
        QVERIFY(near(r.landmarkMean[0], 0.5) && near(r.landmarkStd[0], 0.5));
        QVERIFY(near(r.landmarkMean[1], 1.5) && near(r.landmarkStd[1], 1.5));
        QVERIFY(near(r.landmarkMean[2], 1.5) && near(r.landmarkStd[2], 1.5));
        QCOMPARE(r.landmarkCount, Eigen::Vector3i(2, 2, 2));
        QVERIFY(near(r.pointwise, 3.5 / 3.0));

        // Per case: 1/3 and 2.
        QVERIFY(near(r.caseMean[0], 1.0 / 3.0) && near(r.caseMean[1], 2.0));

        // Pairs: AB (1 + 3) / 2, AC (sqrt(17) - 4 + 1) / 2, BC (0 + sqrt(61) - 5) / 2.
        const double ab = 2.0, ac = (std::sqrt(17.0) - 3.0) / 2.0,
                     bc = (std::sqrt(61.0) - 5.0) / 2.0;
        QCOMPARE(r.pairwise.rows(), Eigen::Index(3));
        QCOMPARE(r.pairwise.cols(), Eigen::Index(3));
        QVERIFY(near(r.pairwise(0, 1), ab) && near(r.pairwise(1, 0), ab));
        QVERIFY(near(r.pairwise(0, 2), ac) && near(r.pairwise(2, 0), ac));
        QVERIFY(near(r.pairwise(1, 2), bc) && near(r.pairwise(2, 1), bc));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(r.pairwise(i, i), 0.0);
        }
        // Mean over all 9 entries, the zero diagonal included (not over the 6 off it).
        QVERIFY(near(r.distancewise, 2.0 * (ab + ac + bc) / 9.0));

        // One case: the headline distance-wise error is the distance loss.
        const EvaluationResult one = evaluate({{QStringLiteral("one"), case1(), triangle()}},
                                              QStringLiteral("x"), tinySchema());
        QVERIFY(near(one.distancewise, distanceLoss(case1(), triangle())));
        QVERIFY(near(one.pointwise, localisationLoss(case1(), triangle())));
    }

    void evaluateLafas50() {
        // Truth on a line, 10 mm apart; case 1 moves Prn (index 3) 5 mm along the line,
        // case 2 is exact. Every pair with Prn then differs by 5 mm in case 1, others by 0.
        Eigen::MatrixX3d truth = Eigen::MatrixX3d::Zero(50, 3);
        for (int i = 0; i < 50; ++i) {
            truth(i, 0) = 10.0 * i;
        }
        Eigen::MatrixX3d pred = truth;
        pred(3, 0) += 5.0;
        const EvaluationResult r = evaluate(
            {{QStringLiteral("moved"), pred, truth}, {QStringLiteral("exact"), truth, truth}},
            QStringLiteral("average"));
        QCOMPARE(r.landmarkCountTotal(), 50);
        QCOMPARE(r.schema->key(3), QStringLiteral("Prn"));
        QVERIFY(near(r.landmarkMean[3], 2.5) && near(r.landmarkStd[3], 2.5));
        QVERIFY(near(r.landmarkMean[4], 0.0) && near(r.landmarkStd[4], 0.0));
        QVERIFY(near(r.pointwise, 2.5 / 50.0));
        QVERIFY(near(r.caseMean[0], 5.0 / 50.0) && near(r.caseMean[1], 0.0));
        QVERIFY(near(r.pairwise(3, 0), 2.5) && near(r.pairwise(49, 3), 2.5));
        QVERIFY(near(r.pairwise(3, 3), 0.0) && near(r.pairwise(0, 1), 0.0));
        // 98 entries of 2.5 over 2,500 entries: 0.098 (over the 2,450 off the diagonal it
        // would be 0.1).
        QVERIFY(near(r.distancewise, 98 * 2.5 / 2500.0));
    }

    void missingLandmarksAreSkipped() {
        // A third case: A 2 mm off along z, B exact, C missing from the prediction.
        Eigen::MatrixX3d pred3 = rows3({0, 0, 2}, {3, 0, 0}, {kNaN, kNaN, kNaN});
        const EvaluationResult r = evaluate({{QStringLiteral("one"), case1(), triangle()},
                                             {QStringLiteral("two"), case2(), triangle()},
                                             {QStringLiteral("three"), pred3, triangle()}},
                                            QStringLiteral("closest"), tinySchema());
        QCOMPARE(r.landmarkCount, Eigen::Vector3i(3, 3, 2));
        QVERIFY(near(r.landmarkMean[0], (1.0 + 0.0 + 2.0) / 3.0));
        QVERIFY(near(r.landmarkMean[1], 1.0));
        QVERIFY(near(r.landmarkMean[2], 1.5)); // cases one and two only
        QVERIFY(near(r.caseMean[2], 1.0));     // (2 + 0) / 2
        // AB counts all three cases (|sqrt(13) - 3| in case three), AC and BC only two.
        QVERIFY(near(r.pairwise(0, 1), (1.0 + 3.0 + (std::sqrt(13.0) - 3.0)) / 3.0));
        QVERIFY(near(r.pairwise(0, 2), (std::sqrt(17.0) - 3.0) / 2.0));
        QVERIFY(near(r.pairwise(2, 2), 0.0));

        // A missing true landmark counts the same way; a landmark no case has is NaN and
        // left out of the headlines.
        Eigen::MatrixX3d truthNoC = triangle();
        truthNoC.row(2).setConstant(kNaN);
        const EvaluationResult none = evaluate({{QStringLiteral("one"), case1(), truthNoC},
                                                {QStringLiteral("two"), case2(), truthNoC}},
                                               QStringLiteral("closest"), tinySchema());
        QCOMPARE(none.landmarkCount[2], 0);
        QVERIFY(std::isnan(none.landmarkMean[2]) && std::isnan(none.landmarkStd[2]));
        QVERIFY(near(none.pointwise, (0.5 + 1.5) / 2.0));
        QVERIFY(std::isnan(none.pairwise(0, 2)) && std::isnan(none.pairwise(2, 2)));
        // The 4 entries among A and B: AB (1 + 3) / 2 twice, two zeros.
        QVERIFY(near(none.distancewise, 2.0 * 2.0 / 4.0));
        QVERIFY(near(none.caseMean[0], 0.5) && near(none.caseMean[1], 1.5));
    }

    void evaluateRefusesBadInput() {
        QVERIFY_THROWS_EXCEPTION(ValidationError, evaluate({}, QStringLiteral("closest")));
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 evaluate({{QStringLiteral("one"), case1(), triangle()}},
                                          QStringLiteral("closest"))); // 3 rows, LA-FAS has 50
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 evaluate({{QStringLiteral("one"), case1(), triangle()}},
                                          QStringLiteral("closest"), nullptr));
        try {
            evaluate({{QStringLiteral("S07"), case1(), Eigen::MatrixX3d::Zero(2, 3)}},
                     QStringLiteral("closest"), tinySchema());
            QFAIL("no exception");
        } catch (const ValidationError& e) {
            QCOMPARE(e.message(),
                     QStringLiteral("case S07: 3 predicted and 2 true landmarks; the schema "
                                    "tiny-3 has 3"));
        }
    }

    void worstCasesOrder() {
        Eigen::MatrixX3d allMissing = Eigen::MatrixX3d::Constant(3, 3, kNaN);
        const EvaluationResult r = evaluate({{QStringLiteral("one"), case1(), triangle()},
                                             {QStringLiteral("two"), case2(), triangle()},
                                             {QStringLiteral("gone"), allMissing, triangle()},
                                             {QStringLiteral("same"), case2(), triangle()}},
                                            QStringLiteral("closest"), tinySchema());
        QVERIFY(std::isnan(r.caseMean[2]));
        QCOMPARE(worstCases(r, 10), (std::vector<int>{1, 3, 0})); // ties keep input order
        QCOMPARE(worstCases(r, 2), (std::vector<int>{1, 3}));
        QCOMPARE(worstCases(r, 0), std::vector<int>{});
    }

    void intraObserver() {
        const IntraObserverReference ref = intraObserverReference();
        QCOMPARE(ref.meanMm, 2.25);
        QCOMPARE(ref.named.size(), std::size_t(2));
        QCOMPARE(ref.named[0].key, QStringLiteral("Sto"));
        QCOMPARE(ref.named[0].mm, 1.75);
        QCOMPARE(ref.named[1].key, QStringLiteral("Pra_L"));
        QCOMPARE(ref.named[1].mm, 3.58);
        QCOMPARE(ref.rangeLowMm, 2.6);
        QCOMPARE(ref.rangeHighMm, 3.6);
        QCOMPARE(ref.rangeKeys.size(), 10);
        const auto schema = LandmarkSchema::lafas50();
        QVERIFY(schema->indexOfKey(ref.named[0].key) >= 0);
        QVERIFY(schema->indexOfKey(ref.named[1].key) >= 0);
        for (const QString& key : ref.rangeKeys) {
            QVERIFY2(schema->indexOfKey(key) >= 0, qPrintable(key));
        }
    }

    void csvContent() {
        const EvaluationResult r = evaluate(lineCases(), QStringLiteral("closest"), tinySchema());
        QCOMPARE(formatPerLandmarkCsv(r), QByteArray("number,key,name,mean_mm,std_mm,n\n"
                                                     "1,A,Alpha,1,1,2\n"
                                                     "2,B_R,Beta,0,0,2\n"
                                                     "3,B_L,Beta,2,2,2\n"));
        QCOMPARE(formatPerCaseCsv(r), QByteArray("case,mean_mm\n"
                                                 "c1,0.6666666666666666\n"
                                                 "\"case,2\",1.3333333333333333\n"));
        QCOMPARE(formatPairwiseCsv(r), QByteArray(",A,B_R,B_L\n"
                                                  "A,0,1,3\n"
                                                  "B_R,1,0,2\n"
                                                  "B_L,3,2,0\n"));
        QCOMPARE(formatSummaryCsv({r}), QByteArray("variant,pointwise_mm,distancewise_mm,cases\n"
                                                   "closest,1,1.3333333333333333,2\n"));

        // A landmark no case has: empty fields.
        std::vector<EvaluationCase> cases = lineCases();
        for (EvaluationCase& c : cases) {
            c.truth.row(1).setConstant(kNaN);
        }
        const EvaluationResult gap = evaluate(cases, QStringLiteral("closest"), tinySchema());
        QVERIFY(formatPerLandmarkCsv(gap).contains("\n2,B_R,Beta,,,0\n"));
        QVERIFY(formatPairwiseCsv(gap).contains("\nB_R,,,\n"));
    }

    void csvFiles() {
        QTemporaryDir dir;
        const EvaluationResult closest =
            evaluate(lineCases(), QStringLiteral("closest"), tinySchema());
        const EvaluationResult average =
            evaluate(lineCases(), QStringLiteral("average"), tinySchema());
        const QStringList written = writeEvaluationCsv(dir.path(), {closest, average});
        QCOMPARE(written.size(), 9);
        for (const char* name :
             {"closest_per_landmark.csv", "closest_per_case.csv", "closest_pairwise.csv",
              "closest_summary.csv", "average_per_landmark.csv", "average_per_case.csv",
              "average_pairwise.csv", "average_summary.csv", "summary.csv"}) {
            QVERIFY2(QFile::exists(dir.filePath(QString::fromLatin1(name))), name);
        }
        QCOMPARE(test::readAll(dir.filePath(QStringLiteral("closest_pairwise.csv"))),
                 formatPairwiseCsv(closest));
        QCOMPARE(test::readAll(dir.filePath(QStringLiteral("summary.csv"))),
                 QByteArray("variant,pointwise_mm,distancewise_mm,cases\n"
                            "closest,1,1.3333333333333333,2\n"
                            "average,1,1.3333333333333333,2\n"));

        QCOMPARE(variantFilePrefix(QStringLiteral("Closest (k=1)")),
                 QStringLiteral("closest__k_1_"));
        QCOMPARE(variantFilePrefix(QString()), QStringLiteral("variant"));
        QVERIFY_THROWS_EXCEPTION(ValidationError,
                                 writeEvaluationCsv(dir.path(), {closest, closest}));
        QVERIFY_THROWS_EXCEPTION(
            IoError, writeEvaluationCsv(dir.filePath(QStringLiteral("no/such/folder")), {closest}));
    }

    // Spearman's rho against values worked by hand, and the share of large errors a ranking
    // finds among the pairs it puts first.
    void rankingOfErrorsByAScore() {
        QCOMPARE(spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
        QCOMPARE(spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
        // Ranks (1, 2.5, 2.5, 4) and (1, 3, 2, 4): rho = 4.5 / sqrt(4.5 * 5).
        QVERIFY(std::abs(spearman({1, 2, 2, 3}, {1, 3, 2, 4}) - 4.5 / std::sqrt(4.5 * 5.0)) <
                1e-12);
        QVERIFY(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));
        QVERIFY(std::isnan(spearman({1}, {1})));

        // Ten pairs, errors over 2 mm at scores 0.9, 0.8 and 0.1: reviewing the top 20 % (two
        // pairs) finds two of the three.
        const std::vector<double> scores = {0.9, 0.1, 0.8, 0.2, 0.3, 0.4, 0.5, 0.6, 0.05, 0.01};
        const std::vector<double> errors = {3.0, 2.5, 4.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, NAN};
        const RankingQuality q = rankingQuality(scores, errors, 0.2, 2.0);
        QCOMPARE(q.count, 9); // the NaN error is left out
        QCOMPARE(q.large, 3);
        QVERIFY(std::abs(q.largeFound - 2.0 / 3.0) < 1e-12);
        QVERIFY(q.spearman > 0 && q.spearman < 1);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
