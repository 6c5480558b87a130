#include "core/eval/Metrics.h"

#include "core/errors/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace pal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireSameShape(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth,
                      const QString& what) {
    if (predicted.rows() != truth.rows()) {
        throw ValidationError(QString(), QStringLiteral("%1: %2 predicted landmarks, %3 true ones")
                                             .arg(what)
                                             .arg(predicted.rows())
                                             .arg(truth.rows()));
    }
}

bool rowPresent(const Eigen::MatrixX3d& m, Eigen::Index i) {
    return m.row(i).allFinite();
}

// Mean of the finite entries; NaN when there is none.
double finiteMean(const double* begin, const double* end) {
    double sum = 0;
    long n = 0;
    for (const double* p = begin; p != end; ++p) {
        if (std::isfinite(*p)) {
            sum += *p;
            ++n;
        }
    }
    return n == 0 ? kNaN : sum / static_cast<double>(n);
}

} // namespace

Eigen::VectorXd landmarkErrors(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth) {
    requireSameShape(predicted, truth, QStringLiteral("landmark errors"));
    Eigen::VectorXd e(predicted.rows());
    for (Eigen::Index i = 0; i < predicted.rows(); ++i) {
        e[i] = rowPresent(predicted, i) && rowPresent(truth, i)
                   ? (predicted.row(i) - truth.row(i)).norm()
                   : kNaN;
    }
    return e;
}

Eigen::MatrixXd pairwiseDistances(const Eigen::MatrixX3d& points) {
    const Eigen::Index n = points.rows();
    Eigen::MatrixXd d(n, n);
    for (Eigen::Index a = 0; a < n; ++a) {
        const bool aPresent = rowPresent(points, a);
        d(a, a) = aPresent ? 0.0 : kNaN;
        for (Eigen::Index b = a + 1; b < n; ++b) {
            const double v =
                aPresent && rowPresent(points, b) ? (points.row(a) - points.row(b)).norm() : kNaN;
            d(a, b) = v;
            d(b, a) = v;
        }
    }
    return d;
}

double localisationLoss(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth) {
    requireSameShape(predicted, truth, QStringLiteral("localisation loss"));
    if (predicted.rows() == 0) {
        return kNaN;
    }
    // No skipping: NaN in, NaN out (the reference's loss has no notion of a missing landmark).
    return (predicted - truth).rowwise().norm().mean();
}

double distanceLoss(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth) {
    requireSameShape(predicted, truth, QStringLiteral("distance loss"));
    if (predicted.rows() == 0) {
        return kNaN;
    }
    return (pairwiseDistances(predicted) - pairwiseDistances(truth)).cwiseAbs().mean();
}

double combinedLoss(const Eigen::MatrixX3d& predicted, const Eigen::MatrixX3d& truth,
                    double locWeight, double distWeight) {
    return locWeight * localisationLoss(predicted, truth) +
           distWeight * distanceLoss(predicted, truth);
}

EvaluationResult evaluate(const std::vector<EvaluationCase>& cases, const QString& variant,
                          std::shared_ptr<const LandmarkSchema> schema) {
    if (!schema) {
        throw ValidationError(QString(), QStringLiteral("evaluation needs a landmark schema"));
    }
    if (cases.empty()) {
        throw ValidationError(QString(), QStringLiteral("no cases to evaluate"));
    }
    const Eigen::Index L = schema->size();
    const Eigen::Index N = static_cast<Eigen::Index>(cases.size());
    for (const EvaluationCase& c : cases) {
        if (c.predicted.rows() != L || c.truth.rows() != L) {
            throw ValidationError(
                QString(),
                QStringLiteral("case %1: %2 predicted and %3 true landmarks; the schema %4 has %5")
                    .arg(c.id)
                    .arg(c.predicted.rows())
                    .arg(c.truth.rows())
                    .arg(schema->id())
                    .arg(L));
        }
    }

    EvaluationResult r;
    r.variant = variant;
    r.schema = std::move(schema);
    r.caseMean.resize(N);

    // Sums over cases; the counts say how many cases each entry had.
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(L);
    Eigen::VectorXd sumSq = Eigen::VectorXd::Zero(L);
    r.landmarkCount = Eigen::VectorXi::Zero(L);
    Eigen::MatrixXd pairSum = Eigen::MatrixXd::Zero(L, L);
    Eigen::MatrixXi pairCount = Eigen::MatrixXi::Zero(L, L);

    for (Eigen::Index k = 0; k < N; ++k) {
        const EvaluationCase& c = cases[static_cast<std::size_t>(k)];
        r.caseIds << c.id;
        const Eigen::VectorXd e = landmarkErrors(c.predicted, c.truth);
        r.caseMean[k] = finiteMean(e.data(), e.data() + e.size());
        for (Eigen::Index i = 0; i < L; ++i) {
            if (std::isfinite(e[i])) {
                sum[i] += e[i];
                sumSq[i] += e[i] * e[i];
                ++r.landmarkCount[i];
            }
        }
        const Eigen::MatrixXd diff =
            (pairwiseDistances(c.predicted) - pairwiseDistances(c.truth)).cwiseAbs();
        for (Eigen::Index b = 0; b < L; ++b) {
            for (Eigen::Index a = 0; a < L; ++a) {
                if (std::isfinite(diff(a, b))) {
                    pairSum(a, b) += diff(a, b);
                    ++pairCount(a, b);
                }
            }
        }
    }

    r.landmarkMean.resize(L);
    r.landmarkStd.resize(L);
    for (Eigen::Index i = 0; i < L; ++i) {
        const int n = r.landmarkCount[i];
        if (n == 0) {
            r.landmarkMean[i] = kNaN;
            r.landmarkStd[i] = kNaN;
            continue;
        }
        const double mean = sum[i] / n;
        r.landmarkMean[i] = mean;
        r.landmarkStd[i] = std::sqrt(std::max(0.0, sumSq[i] / n - mean * mean));
    }
    r.pairwise.resize(L, L);
    for (Eigen::Index b = 0; b < L; ++b) {
        for (Eigen::Index a = 0; a < L; ++a) {
            r.pairwise(a, b) = pairCount(a, b) == 0 ? kNaN : pairSum(a, b) / pairCount(a, b);
        }
    }
    r.pointwise = finiteMean(r.landmarkMean.data(), r.landmarkMean.data() + L);
    r.distancewise = finiteMean(r.pairwise.data(), r.pairwise.data() + L * L);
    return r;
}

std::vector<int> worstCases(const EvaluationResult& result, int n) {
    std::vector<int> order;
    for (int k = 0; k < static_cast<int>(result.caseMean.size()); ++k) {
        if (std::isfinite(result.caseMean[k])) {
            order.push_back(k);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return result.caseMean[a] > result.caseMean[b]; });
    if (n >= 0 && static_cast<std::size_t>(n) < order.size()) {
        order.resize(static_cast<std::size_t>(n));
    }
    return order;
}

IntraObserverReference intraObserverReference() {
    IntraObserverReference ref;
    ref.source = QStringLiteral(
        "intra-observer error reported with the PAL-Net reference (manual re-annotation)");
    ref.meanMm = 2.25;
    ref.named = {{QStringLiteral("Sto"), QStringLiteral("lowest"), 1.75},
                 {QStringLiteral("Pra_L"), QStringLiteral("highest"), 3.58}};
    ref.rangeDescription = QStringLiteral("ear landmarks (Pra, Sa, Pa, Sba) and malar cheek (Chk)");
    for (const char* abbr : {"Pra", "Sa", "Pa", "Sba", "Chk"}) {
        for (const char* side : {"_R", "_L"}) {
            ref.rangeKeys << QString::fromLatin1(abbr) + QString::fromLatin1(side);
        }
    }
    ref.rangeLowMm = 2.6;
    ref.rangeHighMm = 3.6;
    return ref;
}

namespace {

// Average ranks (1-based) of v, ties sharing the mean of their ranks.
std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) {
            ++j;
        }
        const double mean = (double(i) + double(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k) {
            r[order[k]] = mean;
        }
        i = j + 1;
    }
    return r;
}

} // namespace

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size() || a.size() < 2) {
        return NAN;
    }
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double n = double(a.size());
    const double mean = (n + 1) / 2;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - mean) * (rb[i] - mean);
        saa += (ra[i] - mean) * (ra[i] - mean);
        sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : NAN;
}

RankingQuality rankingQuality(const std::vector<double>& scores, const std::vector<double>& errors,
                              double reviewShare, double thresholdMm) {
    RankingQuality q;
    q.reviewShare = reviewShare;
    q.threshold = thresholdMm;
    std::vector<double> s, e;
    for (std::size_t i = 0; i < std::min(scores.size(), errors.size()); ++i) {
        if (std::isfinite(scores[i]) && std::isfinite(errors[i])) {
            s.push_back(scores[i]);
            e.push_back(errors[i]);
        }
    }
    q.count = static_cast<int>(s.size());
    q.spearman = spearman(s, e);
    std::vector<std::size_t> order(s.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Highest score first; equal scores in their given order.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return s[a] > s[b]; });
    const auto reviewed =
        static_cast<std::size_t>(std::llround(reviewShare * static_cast<double>(s.size())));
    int found = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (e[order[k]] > thresholdMm) {
            ++q.large;
            found += k < reviewed ? 1 : 0;
        }
    }
    q.largeFound = q.large > 0 ? double(found) / q.large : NAN;
    return q;
}

} // namespace pal
