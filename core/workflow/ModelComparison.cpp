#include "core/workflow/ModelComparison.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"

#include <QFileInfo>

#include <cmath>
#include <limits>
#include <set>

namespace pal {

ComparisonVerdict compareDifferences(const std::vector<double>& differences, double& mean,
                                     double& standardError) {
    const auto n = static_cast<double>(differences.size());
    mean = 0;
    for (double d : differences) {
        mean += d;
    }
    mean = differences.empty() ? 0.0 : mean / n;
    if (differences.size() < 2) {
        standardError = std::numeric_limits<double>::infinity();
        return ComparisonVerdict::NoClearDifference;
    }
    double ss = 0;
    for (double d : differences) {
        ss += (d - mean) * (d - mean);
    }
    standardError = std::sqrt(ss / (n - 1.0)) / std::sqrt(n);
    if (std::abs(mean) < 2.0 * standardError || mean == 0.0) {
        return ComparisonVerdict::NoClearDifference;
    }
    return mean < 0 ? ComparisonVerdict::Better : ComparisonVerdict::Worse;
}

std::vector<EvaluationTarget> comparisonTargets(const Dataset& dataset, const QStringList& caseIds,
                                                TrainingSource source) {
    std::vector<EvaluationTarget> out;
    for (const TrainingSample& s : trainingData(dataset, source).samples) {
        if (caseIds.contains(s.source.id())) {
            out.push_back({s.source, s.ownFrame});
        }
    }
    return out;
}

ModelComparison compareModels(const EngineApi& engine, const QString& referenceBundle,
                              const QString& candidateBundle,
                              const std::vector<EvaluationTarget>& targets, SnapMode mode,
                              PredictorOptions options, const EvaluationProgress& progress,
                              const std::atomic<bool>* cancel) {
    ModelComparison out;
    out.referenceName = QFileInfo(referenceBundle).fileName();
    out.candidateName = QFileInfo(candidateBundle).fileName();
    options.snap = mode;
    std::vector<std::vector<Prediction>> predictions;
    std::set<QString> failed; // caseKey: cases of one folder (.npz files) fail alone
    SchemaPtr schema;
    for (const QString& bundle : {referenceBundle, candidateBundle}) {
        const std::unique_ptr<ModelPredictor> model = engine.loadModel(bundle, options);
        if (schema && !schema->sameLandmarks(*model->manifest().schema)) {
            throw ValidationError(bundle, QStringLiteral("predicts the %1; %2 predicts the %3: "
                                                         "models of different landmarks cannot "
                                                         "be compared")
                                              .arg(model->manifest().schema->describe(),
                                                   referenceBundle, schema->describe()));
        }
        schema = model->manifest().schema;
        predictions.push_back(
            predictTargets(*model, targets, QFileInfo(bundle).fileName(), progress, cancel));
        for (const Prediction& p : predictions.back()) {
            if (!p.ok() && failed.insert(caseKey(p.caseFolder, p.caseId)).second) {
                out.failures.push_back({p.caseId, p.error});
            }
        }
    }
    std::vector<EvaluationCase> reference, candidate;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if (failed.count(caseKey(targets[i].source.files().folder, targets[i].source.id()))) {
            continue;
        }
        const QString id = targets[i].source.id();
        reference.push_back({id, predictions[0][i].landmarks.positions(), targets[i].truth});
        candidate.push_back({id, predictions[1][i].landmarks.positions(), targets[i].truth});
    }
    if (candidate.empty()) {
        throw ValidationError(candidateBundle, QStringLiteral("no case could be compared"));
    }
    out.reference = evaluate(reference, snapModeName(mode), schema);
    out.candidate = evaluate(candidate, snapModeName(mode), schema);
    std::vector<double> differences;
    for (Eigen::Index i = 0; i < out.candidate.caseMean.size(); ++i) {
        const double d = out.candidate.caseMean(i) - out.reference.caseMean(i);
        if (std::isfinite(d)) {
            differences.push_back(d);
        }
    }
    out.verdict = compareDifferences(differences, out.meanDifference, out.standardError);
    return out;
}

QString verdictName(ComparisonVerdict verdict) {
    switch (verdict) {
    case ComparisonVerdict::Better:
        return QStringLiteral("better");
    case ComparisonVerdict::Worse:
        return QStringLiteral("worse");
    case ComparisonVerdict::NoClearDifference:
        return QStringLiteral("no clear difference");
    }
    return {};
}

namespace {

QString mm(double v) {
    return QStringLiteral("%1 mm").arg(v, 0, 'f', 2);
}

QString se(double v) {
    return std::isfinite(v) ? mm(v) : QStringLiteral("unknown with one case");
}

} // namespace

QString describeComparison(const ModelComparison& c, const QString& casesLabel) {
    const int width = std::max<int>(
        {14, static_cast<int>(c.referenceName.size()), static_cast<int>(c.candidateName.size())});
    auto row = [&](const QString& label, const QString& a, const QString& b) {
        return QStringLiteral("  %1  %2  %3\n").arg(label, -13).arg(a, width).arg(b, width);
    };
    QString text = QStringLiteral("On %1 %2 (%3 post-processing):\n")
                       .arg(c.caseCount())
                       .arg(casesLabel, c.candidate.variant);
    text += row(QString(), c.referenceName, c.candidateName);
    text += row(QStringLiteral("point-wise"), mm(c.reference.pointwise), mm(c.candidate.pointwise));
    text += row(QStringLiteral("distance-wise"), mm(c.reference.distancewise),
                mm(c.candidate.distancewise));
    const QString amount = mm(std::abs(c.meanDifference));
    const QString direction =
        c.meanDifference <= 0 ? QStringLiteral("lower") : QStringLiteral("higher");
    const QString error = QStringLiteral("standard error %1").arg(se(c.standardError));
    switch (c.verdict) {
    case ComparisonVerdict::Better:
        text += QStringLiteral("%1 is better: %2 lower per case (%3)")
                    .arg(c.candidateName, amount, error);
        break;
    case ComparisonVerdict::Worse:
        text += QStringLiteral("%1 is worse: %2 higher per case (%3); %4 stays the better model")
                    .arg(c.candidateName, amount, error, c.referenceName);
        break;
    case ComparisonVerdict::NoClearDifference:
        text += QStringLiteral("no clear difference: %1 is %2 %3 per case (%4), within the noise "
                               "of %5 case(s)")
                    .arg(c.candidateName, amount, direction, error)
                    .arg(c.caseCount());
        break;
    }
    text += QLatin1Char('.');
    if (!c.failures.empty()) {
        text += QLatin1Char('\n') +
                describeFailures(c.failures, c.caseCount() + static_cast<int>(c.failures.size()));
    }
    return text;
}

PooledComparison poolComparisons(const std::vector<ModelComparison>& folds) {
    PooledComparison out;
    std::vector<double> differences;
    double reference = 0, candidate = 0;
    for (const ModelComparison& c : folds) {
        out.referenceName = c.referenceName;
        ++out.folds;
        for (Eigen::Index i = 0; i < c.candidate.caseMean.size(); ++i) {
            const double a = c.reference.caseMean(i);
            const double b = c.candidate.caseMean(i);
            if (std::isfinite(a) && std::isfinite(b)) {
                reference += a;
                candidate += b;
                differences.push_back(b - a);
            }
        }
    }
    out.cases = static_cast<int>(differences.size());
    if (out.cases > 0) {
        out.referenceMean = reference / out.cases;
        out.candidateMean = candidate / out.cases;
    }
    out.verdict = compareDifferences(differences, out.meanDifference, out.standardError);
    return out;
}

QString describePooled(const PooledComparison& p) {
    QString text =
        QStringLiteral("Across %1 fold(s) (%2 case(s), each predicted by a fold model that did not "
                       "train on it), mean error per case: %3 %4, the fold models %5; ")
            .arg(p.folds)
            .arg(p.cases)
            .arg(p.referenceName, mm(p.referenceMean), mm(p.candidateMean));
    const QString error = QStringLiteral("standard error %1").arg(se(p.standardError));
    switch (p.verdict) {
    case ComparisonVerdict::Better:
        text += QStringLiteral("the fold models are better: %1 lower per case (%2).")
                    .arg(mm(std::abs(p.meanDifference)), error);
        break;
    case ComparisonVerdict::Worse:
        text += QStringLiteral("the fold models are worse: %1 higher per case (%2); %3 stays the "
                               "better model.")
                    .arg(mm(std::abs(p.meanDifference)), error, p.referenceName);
        break;
    case ComparisonVerdict::NoClearDifference:
        text += QStringLiteral("no clear difference (%1 %2 per case, %3).")
                    .arg(mm(std::abs(p.meanDifference)),
                         p.meanDifference <= 0 ? QStringLiteral("lower") : QStringLiteral("higher"),
                         error);
        break;
    }
    return text;
}

QString describeLandmarks(const ModelComparison& c) {
    const int w = std::max<int>(
        {10, static_cast<int>(c.referenceName.size()), static_cast<int>(c.candidateName.size())});
    QString text = QStringLiteral("%1  %2  %3  %4\n")
                       .arg(QStringLiteral("landmark"), -8)
                       .arg(c.referenceName, w)
                       .arg(c.candidateName, w)
                       .arg(QStringLiteral("change"), 8);
    const QStringList keys = c.candidate.schema->keys();
    for (int i = 0; i < c.candidate.landmarkCountTotal(); ++i) {
        const double a = c.reference.landmarkMean(i);
        const double b = c.candidate.landmarkMean(i);
        text +=
            QStringLiteral("%1  %2  %3  %4\n")
                .arg(keys.value(i), -8)
                .arg(mm(a), w)
                .arg(mm(b), w)
                .arg(QStringLiteral("%1%2").arg(b - a >= 0 ? "+" : "").arg(b - a, 0, 'f', 2), 8);
    }
    return text;
}

} // namespace pal
