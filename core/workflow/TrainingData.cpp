#include "core/workflow/TrainingData.h"

#include "core/errors/Error.h"
#include "core/geometry/Transform.h"
#include "core/review/CaseDocument.h"
#include "core/review/ReviewStore.h"

namespace pal {

QString trainingSourceName(TrainingSource source) {
    switch (source) {
    case TrainingSource::GroundTruth:
        return QStringLiteral("ground-truth");
    case TrainingSource::Reviewed:
        return QStringLiteral("reviewed");
    case TrainingSource::Both:
        return QStringLiteral("both");
    }
    return {};
}

std::optional<TrainingSource> trainingSourceFromName(const QString& name) {
    for (TrainingSource s :
         {TrainingSource::GroundTruth, TrainingSource::Reviewed, TrainingSource::Both}) {
        if (name == trainingSourceName(s)) {
            return s;
        }
    }
    return std::nullopt;
}

int TrainingData::fromReview() const {
    int n = 0;
    for (const TrainingSample& s : samples) {
        n += s.fromReview ? 1 : 0;
    }
    return n;
}

int TrainingData::fromGroundTruth() const {
    return static_cast<int>(samples.size()) - fromReview();
}

namespace {

// The completed review of a case, or why it does not count.
std::optional<LandmarkSet> completedReview(const Case& c, QString& why) {
    const std::optional<ReviewSnapshot> review = readReview(sidecarPath(c), c);
    if (!review) {
        why = QStringLiteral("not reviewed");
        return std::nullopt;
    }
    const int reviewed = reviewedCount(review->working);
    const int size = review->working.size();
    if (reviewed != size) {
        why = QStringLiteral("review not complete (%1 of %2 landmarks reviewed)")
                  .arg(reviewed)
                  .arg(size);
        return std::nullopt;
    }
    if (review->working.presentCount() != size) {
        why = QStringLiteral("%1 landmark(s) marked missing")
                  .arg(size - review->working.presentCount());
        return std::nullopt;
    }
    return review->working;
}

} // namespace

TrainingData trainingData(const Dataset& dataset, TrainingSource source,
                          const QStringList& excludeCases) {
    TrainingData out;
    for (const Case& c : dataset.cases()) {
        if (excludeCases.contains(c.id())) {
            out.excluded << c.id();
            continue;
        }
        std::optional<LandmarkSet> set;
        bool fromReview = false;
        QString why;
        if (source != TrainingSource::GroundTruth) {
            set = completedReview(c, why);
            fromReview = set.has_value();
        }
        if (!set && source != TrainingSource::Reviewed) {
            if (c.hasLandmarks()) {
                set = c.readLandmarks().landmarks;
            } else {
                why = source == TrainingSource::Both ? why + QStringLiteral(", no landmarks.txt")
                                                     : QStringLiteral("no landmarks.txt");
            }
        }
        if (!set) {
            out.notQualifying << QStringLiteral("%1: %2").arg(c.id(), why);
            continue;
        }
        const Eigen::MatrixX3d ownFrame = set->positions();
        transformLandmarks(c.readTransform(), *set);
        out.samples.push_back({c, set->positions(), ownFrame, fromReview});
    }
    return out;
}

QString noTrainingDataReason(TrainingSource source) {
    switch (source) {
    case TrainingSource::GroundTruth:
        return QStringLiteral("no case has ground-truth landmarks (landmarks.txt) to train on");
    case TrainingSource::Reviewed:
        return QStringLiteral("no case has a completed review to train on (every landmark "
                              "reviewed, none marked missing)");
    case TrainingSource::Both:
        return QStringLiteral("no case has a completed review or ground-truth landmarks to "
                              "train on");
    }
    return {};
}

} // namespace pal
