// What a training run learns from (core/workflow/TrainingData.h) and how a new model is judged
// against the one it would replace (core/workflow/ModelComparison.h): the verdict of paired
// per-case differences, and the text the dialog and the CLI show. On GENERATED cases.

#include "core/review/ReviewStore.h"
#include "core/workflow/ModelComparison.h"
#include "core/workflow/TrainingData.h"

#include "tests/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace pal;

namespace {

void writeReviewOf(const QString& folder, int reviewed, int missing = 0) {
    const Case c = Case::open(folder);
    ReviewSnapshot review;
    review.working = c.readLandmarks().landmarks;
    for (int i = 0; i < review.working.size(); ++i) {
        review.working.at(i).status =
            i < reviewed ? LandmarkStatus::Corrected : LandmarkStatus::Predicted;
    }
    for (int i = 0; i < missing; ++i) {
        review.working.at(i).position = Eigen::Vector3d::Constant(std::nan(""));
        review.working.at(i).status = LandmarkStatus::Missing;
        review.working.at(i).provenance.user = QStringLiteral("reviewer"); // marked by a person
    }
    review.working.at(0).position.x() += missing ? 0.0 : 1.5; // a correction
    writeReview(sidecarPath(c), review, c.id());
}

EvaluationResult resultOf(const QStringList& ids, const std::vector<double>& caseMeans) {
    EvaluationResult r;
    r.variant = QStringLiteral("closest");
    r.schema = LandmarkSchema::lafas50();
    r.caseIds = ids;
    r.caseMean = Eigen::Map<const Eigen::VectorXd>(caseMeans.data(),
                                                   static_cast<Eigen::Index>(caseMeans.size()));
    r.landmarkMean = Eigen::VectorXd::Constant(50, caseMeans.front());
    r.pointwise = r.landmarkMean.mean();
    r.distancewise = r.pointwise / 2;
    return r;
}

} // namespace

class TestModelComparison : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;

private Q_SLOTS:
    void initTestCase() {
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 5);
        writeReviewOf(m_data + QStringLiteral("/D002"), 50);    // complete
        writeReviewOf(m_data + QStringLiteral("/D003"), 12);    // 12 of 50
        writeReviewOf(m_data + QStringLiteral("/D004"), 50, 2); // two marked missing
        QVERIFY(QFile::remove(m_data + QStringLiteral("/D005/landmarks.txt")));
        writeReviewOf(m_data + QStringLiteral("/D001"), 50);
    }

    void theThreeSourcesCountTheirCases() {
        const Dataset ds = Dataset::open(m_data);
        const TrainingData truth = trainingData(ds, TrainingSource::GroundTruth);
        QCOMPARE(truth.samples.size(), std::size_t{4}); // D005 has no landmarks.txt
        QCOMPARE(truth.fromReview(), 0);
        QCOMPARE(truth.notQualifying, QStringList{QStringLiteral("D005: no landmarks.txt")});

        const TrainingData reviewed = trainingData(ds, TrainingSource::Reviewed);
        QCOMPARE(reviewed.samples.size(), std::size_t{2}); // D001, D002
        QCOMPARE(reviewed.fromReview(), 2);
        QVERIFY2(reviewed.notQualifying.contains(
                     QStringLiteral("D003: review not complete (12 of 50 landmarks reviewed)")),
                 qPrintable(reviewed.notQualifying.join(QLatin1Char('\n'))));
        QVERIFY(
            reviewed.notQualifying.contains(QStringLiteral("D004: 2 landmark(s) marked missing")));
        QVERIFY(reviewed.notQualifying.contains(QStringLiteral("D005: not reviewed")));

        const TrainingData both = trainingData(ds, TrainingSource::Both, {QStringLiteral("D003")});
        QCOMPARE(both.samples.size(), std::size_t{3}); // D001, D002 reviewed; D004 ground truth
        QCOMPARE(both.fromReview(), 2);
        QCOMPARE(both.fromGroundTruth(), 1);
        QCOMPARE(both.excluded, QStringList{QStringLiteral("D003")});
        QCOMPARE(both.notQualifying,
                 QStringList{QStringLiteral("D005: not reviewed, no landmarks.txt")});
    }

    // The review's correction is what a reviewed sample learns, in the common frame and (for
    // comparisons) in the case's own.
    void aReviewedSampleCarriesTheCorrection() {
        const Dataset ds = Dataset::open(m_data);
        const Case d2 = Case::open(m_data + QStringLiteral("/D002"));
        const Eigen::MatrixX3d truth = d2.readLandmarks().landmarks.positions();
        for (TrainingSource source : {TrainingSource::GroundTruth, TrainingSource::Reviewed}) {
            const std::vector<EvaluationTarget> t =
                comparisonTargets(ds, {QStringLiteral("D002")}, source);
            QCOMPARE(t.size(), std::size_t{1});
            const double moved = (t.front().truth.row(0) - truth.row(0)).norm();
            QVERIFY2(std::abs(moved - (source == TrainingSource::Reviewed ? 1.5 : 0.0)) < 1e-9,
                     qPrintable(QString::number(moved)));
        }
    }

    void noCaseGivesAReasonPerSource() {
        QTemporaryDir empty;
        pal::test::generatedDataset(empty.filePath(QStringLiteral("d")), 2);
        const Dataset ds = Dataset::open(empty.filePath(QStringLiteral("d")));
        QVERIFY(trainingData(ds, TrainingSource::Reviewed).samples.empty());
        QCOMPARE(noTrainingDataReason(TrainingSource::Reviewed),
                 QStringLiteral("no case has a completed review to train on (every landmark "
                                "reviewed, none marked missing)"));
        QCOMPARE(trainingSourceFromName(QStringLiteral("both")), TrainingSource::Both);
        QVERIFY(!trainingSourceFromName(QStringLiteral("all")));
    }

    void theVerdictNeedsTwoStandardErrors() {
        double mean = 0, se = 0;
        QCOMPARE(compareDifferences({-0.30, -0.25, -0.35, -0.30}, mean, se),
                 ComparisonVerdict::Better);
        QVERIFY(std::abs(mean + 0.30) < 1e-12);
        QCOMPARE(compareDifferences({0.5, 0.6, 0.4}, mean, se), ComparisonVerdict::Worse);
        // Lower on average, but the cases disagree: not shown better.
        QCOMPARE(compareDifferences({-0.8, 0.5, -0.3, 0.4}, mean, se),
                 ComparisonVerdict::NoClearDifference);
        QVERIFY(mean < 0);
        // One case tells nothing about the noise.
        QCOMPARE(compareDifferences({-2.0}, mean, se), ComparisonVerdict::NoClearDifference);
        QVERIFY(std::isinf(se));
        QCOMPARE(compareDifferences({0.0, 0.0}, mean, se), ComparisonVerdict::NoClearDifference);
    }

    void theTextSaysWhichIsBetter() {
        ModelComparison c;
        c.referenceName = QStringLiteral("default.palnet");
        c.candidateName = QStringLiteral("finetuned.palnet");
        const QStringList ids{QStringLiteral("D001"), QStringLiteral("D002")};
        c.reference = resultOf(ids, {1.80, 1.90});
        c.candidate = resultOf(ids, {22.85, 20.1});
        c.verdict = compareDifferences({21.05, 18.2}, c.meanDifference, c.standardError);
        const QString text = describeComparison(c, QStringLiteral("validation case(s)"));
        QVERIFY2(text.startsWith(QStringLiteral("On 2 validation case(s) (closest "
                                                "post-processing):\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("point-wise              1.80 mm          22.85 mm")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("finetuned.palnet is worse: 19.63 mm higher per "
                                              "case (standard error 1.43 mm); default.palnet "
                                              "stays the better model.")),
                 qPrintable(text));
        const QString rows = describeLandmarks(c);
        QCOMPARE(rows.count(QLatin1Char('\n')), 51); // a header and the 50 landmarks
        QVERIFY2(rows.startsWith(QStringLiteral("landmark    default.palnet  finetuned.palnet    "
                                                "change\n")),
                 qPrintable(rows));
        QVERIFY2(
            rows.contains(QStringLiteral("Prn                1.80 mm          22.85 mm    +21.05")),
            qPrintable(rows));
    }

    // Two folds of two cases each are pooled case by case: the means and the paired verdict
    // run over all four cases.
    void foldsArePooledCaseByCase() {
        auto fold = [](const QStringList& ids, std::vector<double> ref, std::vector<double> cand) {
            ModelComparison c;
            c.referenceName = QStringLiteral("default.palnet");
            c.candidateName = QStringLiteral("m.fold.palnet");
            c.reference = resultOf(ids, ref);
            c.candidate = resultOf(ids, cand);
            return c;
        };
        const std::vector<ModelComparison> folds{
            fold({QStringLiteral("D001"), QStringLiteral("D002")}, {2.0, 2.2}, {1.7, 1.95}),
            fold({QStringLiteral("D003"), QStringLiteral("D004")}, {1.8, 2.4}, {1.5, 2.05})};
        const PooledComparison p = poolComparisons(folds);
        QCOMPARE(p.folds, 2);
        QCOMPARE(p.cases, 4);
        QVERIFY(std::abs(p.referenceMean - 2.1) < 1e-12);
        QVERIFY(std::abs(p.candidateMean - 1.8) < 1e-12);
        QVERIFY(std::abs(p.meanDifference + 0.3) < 1e-12);
        QCOMPARE(p.verdict, ComparisonVerdict::Better);
        const QString text = describePooled(p);
        QVERIFY2(text.startsWith(QStringLiteral(
                     "Across 2 fold(s) (4 case(s), each predicted by a fold model that did not "
                     "train on it), mean error per case: default.palnet 2.10 mm, the fold models "
                     "1.80 mm; the fold models are better: 0.30 mm lower per case")),
                 qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestModelComparison)
#include "tst_model_comparison.moc"
