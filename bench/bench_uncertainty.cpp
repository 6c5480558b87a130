// How well each uncertainty estimate ranks the real errors of a model's predictions
// (docs/method.md, "Uncertainty"): over every landmark of every case with ground truth,
// Spearman's rank correlation between uncertainty and error, and the share of the errors over
// 2 mm found by reviewing the 20 % most uncertain landmarks. The baseline ranks by the
// landmark alone: its mean error on the other cases (what a reviewer who knows which landmarks
// are hard would check first). The data should be held out from the model's training, e.g.
// GENERATED cases of another seed:
//   build/ci/bin/palstudio-cli make-demo --out /tmp/held-out --cases 60 --seed 3
//   build/ci/bin/bench_uncertainty --model models/default.palnet --data /tmp/held-out
//       [--passes 8] [--methods augment,dropout] [--degrees 3] [--mm 2] (augment's moves)

#include "bench/MachineFacts.h"
#include "core/dataset/Dataset.h"
#include "core/engine/Predictor.h"
#include "core/engine/Runtime.h"
#include "core/eval/Metrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace pal;

namespace {

QString option(const QStringList& args, const char* name, const QString& fallback) {
    const qsizetype i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

void printRow(const char* method, int passes, const RankingQuality& q, double secondsPerCase) {
    std::printf("%-28s %6d %8.3f %7d %10.1f %%  %8.2f s\n", method, passes, q.spearman, q.large,
                100.0 * q.largeFound, secondsPerCase);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString model = option(args, "--model", QStringLiteral("models/default.palnet"));
    const QString data = option(args, "--data", QString());
    const int passes = option(args, "--passes", QStringLiteral("8")).toInt();
    const QStringList methods =
        option(args, "--methods", QStringLiteral("augment,dropout")).split(QLatin1Char(','));
    if (data.isEmpty()) {
        std::fprintf(stderr, "usage: bench_uncertainty --model M --data DIR [--passes N] "
                             "[--methods augment,dropout]\n");
        return 1;
    }
    bench::printMachineFacts();
    std::vector<Case> cases;
    std::vector<LandmarkSet> truth;
    const Dataset dataset = Dataset::open(data);
    for (const Case& c : dataset.cases()) {
        if (c.hasLandmarks()) {
            cases.push_back(c);
            truth.push_back(c.readLandmarks().landmarks);
        }
    }
    std::printf("model %s, %zu cases with ground truth in %s, %d passes\n", qPrintable(model),
                cases.size(), qPrintable(data), passes);
    std::printf("%-28s %6s %8s %7s %12s %10s\n", "uncertainty", "passes", "spearman", ">2 mm",
                "found top 20", "time/case");

    std::vector<double> errors; // by case, then landmark
    bool haveErrors = false;
    std::vector<double> firstScores; // the first method's, for the combinations below
    for (const QString& method : methods) {
        engine::PredictorOptions o;
        o.uncertainty = method == QLatin1String("dropout") ? UncertaintyMethod::Dropout
                                                           : UncertaintyMethod::Augment;
        o.uncertaintyPasses = passes;
        o.augmentDegrees = option(args, "--degrees", QString::number(o.augmentDegrees)).toDouble();
        o.augmentMm = option(args, "--mm", QString::number(o.augmentMm)).toDouble();
        const engine::Predictor predictor = engine::Predictor::fromBundle(model, o);
        QElapsedTimer clock;
        clock.start();
        const std::vector<Prediction> predictions = predictor.predictAll(cases);
        const double seconds = clock.nsecsElapsed() / 1e9 / double(cases.size());
        std::vector<double> scores, errs;
        for (std::size_t c = 0; c < predictions.size(); ++c) {
            const Prediction& p = predictions[c];
            for (int l = 0; l < truth[c].size(); ++l) {
                const bool both = p.ok() && truth[c].at(l).isPresent();
                errs.push_back(both ? (p.landmarks.at(l).position - truth[c].at(l).position).norm()
                                    : NAN);
                scores.push_back(p.ok() && !p.uncertainty.empty() ? p.uncertainty[std::size_t(l)]
                                                                  : NAN);
            }
        }
        if (!haveErrors) {
            errors = errs;
            firstScores = scores;
            haveErrors = true;
        }
        printRow(qPrintable(QStringLiteral("%1 (spread, mm)").arg(method)), passes,
                 rankingQuality(scores, errs), seconds);
    }
    if (haveErrors) {
        // The landmark's mean error over the other cases.
        const std::size_t L = truth.empty() ? 0 : std::size_t(truth.front().size());
        std::vector<double> sum(L, 0.0), count(L, 0.0);
        for (std::size_t i = 0; i < errors.size(); ++i) {
            if (std::isfinite(errors[i])) {
                sum[i % L] += errors[i];
                count[i % L] += 1;
            }
        }
        std::vector<double> prior(errors.size(), NAN);
        for (std::size_t i = 0; i < errors.size(); ++i) {
            if (std::isfinite(errors[i]) && count[i % L] > 1) {
                prior[i] = (sum[i % L] - errors[i]) / (count[i % L] - 1);
            }
        }
        printRow("landmark's mean error", 0, rankingQuality(prior, errors), 0.0);
        // What is known without any prediction: the schema's repeatability of the landmark.
        std::vector<double> repeatability(errors.size(), NAN);
        for (std::size_t i = 0; i < errors.size(); ++i) {
            repeatability[i] = repeatabilityOf(truth.front().schema(), int(i % L));
        }
        printRow("landmark's repeatability", 0, rankingQuality(repeatability, errors), 0.0);
        // The first method's spread relative to the same landmark's median spread over the
        // cases (unusually uncertain for this landmark), alone and times the prior.
        std::vector<std::vector<double>> byLandmark(L);
        for (std::size_t i = 0; i < firstScores.size(); ++i) {
            if (std::isfinite(firstScores[i])) {
                byLandmark[i % L].push_back(firstScores[i]);
            }
        }
        std::vector<double> median(L, NAN);
        for (std::size_t l = 0; l < L; ++l) {
            auto& v = byLandmark[l];
            if (!v.empty()) {
                std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
                median[l] = v[v.size() / 2];
            }
        }
        std::vector<double> ratio(errors.size(), NAN), combined(errors.size(), NAN);
        for (std::size_t i = 0; i < errors.size(); ++i) {
            if (median[i % L] > 0) {
                ratio[i] = firstScores[i] / median[i % L];
                combined[i] = ratio[i] * prior[i];
            }
        }
        printRow("spread / landmark's median", passes, rankingQuality(ratio, errors), 0.0);
        printRow("that x landmark's mean error", passes, rankingQuality(combined, errors), 0.0);
    }
    return 0;
}
