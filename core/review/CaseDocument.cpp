#include "core/review/CaseDocument.h"

#include "core/checks/LandmarkChecks.h"

#include <QCoreApplication>

#include <array>
#include <cmath>
#include <limits>

namespace pal {

namespace {
constexpr std::array<const char*, 3> kReviewNames = {"unreviewed", "in review", "done"};
}

QString reviewStateName(ReviewState state) {
    return QString::fromLatin1(kReviewNames.at(static_cast<std::size_t>(state)));
}

QString reviewStateTitle(ReviewState state) {
    static constexpr std::array<const char*, 3> kTitles = {
        QT_TRANSLATE_NOOP("Landmarks", "unreviewed"), QT_TRANSLATE_NOOP("Landmarks", "in review"),
        QT_TRANSLATE_NOOP("Landmarks", "done")};
    return QCoreApplication::translate("Landmarks", kTitles.at(static_cast<std::size_t>(state)));
}

bool reviewStateFromName(const QString& name, ReviewState& state) {
    for (std::size_t i = 0; i < kReviewNames.size(); ++i) {
        if (name == QLatin1String(kReviewNames[i])) {
            state = static_cast<ReviewState>(i);
            return true;
        }
    }
    return false;
}

CaseDocument::CaseDocument(QObject* parent) : QObject(parent) {}

void CaseDocument::load(const Case& c, std::optional<LandmarkSet> groundTruth,
                        std::optional<LafasLayout> layout, std::optional<LandmarkSet> predicted) {
    m_case = c;
    m_groundTruth = std::move(groundTruth);
    m_layout = std::move(layout);
    m_predicted = std::move(predicted);
    // The working set starts from the prediction, or empty: the ground truth is what it is
    // compared with, never what is reviewed (a copy would show 0.00 mm and count as placed).
    m_working = m_predicted     ? *m_predicted
                : m_groundTruth ? LandmarkSet(m_groundTruth->schemaPtr())
                                : LandmarkSet(c.schema());
    m_review = ReviewState::Unreviewed;
    m_stamp = {};
    m_audit.clear();
    m_modified = false;
    Q_EMIT auditChanged();
    Q_EMIT predictedReplaced();
    Q_EMIT workingReplaced();
    Q_EMIT reviewStateChanged();
    Q_EMIT modifiedChanged(false);
}

double CaseDocument::error(int index) const {
    if (!m_groundTruth || !m_groundTruth->at(index).isPresent() ||
        !m_working.at(index).isPresent()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return (m_groundTruth->at(index).position - m_working.at(index).position).norm();
}

double CaseDocument::meanError() const {
    return m_groundTruth ? meanLandmarkDistance(*m_groundTruth, m_working)
                         : std::numeric_limits<double>::quiet_NaN();
}

bool isReviewed(const Landmark& l) {
    switch (l.status) {
    case LandmarkStatus::Confirmed:
    case LandmarkStatus::Corrected:
        return true;
    case LandmarkStatus::Placed:
    case LandmarkStatus::Missing:
        return !l.provenance.user.isEmpty();
    case LandmarkStatus::Predicted:
        return false;
    }
    return false;
}

int reviewedCount(const LandmarkSet& set) {
    int n = 0;
    for (int i = 0; i < set.size(); ++i) {
        n += isReviewed(set.at(i)) ? 1 : 0;
    }
    return n;
}

int CaseDocument::nextNeedingReview(int from) const {
    for (int step = 1; step <= size(); ++step) {
        const int i = ((from < 0 ? -1 : from) + step) % size();
        if (!isReviewed(m_working.at(i))) {
            return i;
        }
    }
    return -1;
}

int CaseDocument::nextToReview(int from) const {
    int worst = -1;
    double worstError = -1;
    for (int step = 1; step <= size(); ++step) {
        const int i = ((from < 0 ? -1 : from) + step) % size();
        const double e = error(i);
        if (!isReviewed(m_working.at(i)) && std::isfinite(e) && e > worstError) {
            worst = i;
            worstError = e;
        }
    }
    if (worst >= 0) {
        return worst;
    }
    // Without errors to go by: the landmarks the anatomical checks flag first, then the
    // hardest to place (the largest repeatability), ties in order after `from`.
    std::vector<double> risk(static_cast<std::size_t>(size()), 0.0);
    for (int i = 0; i < size(); ++i) {
        const double r = repeatabilityOf(m_working.schema(), i);
        risk[std::size_t(i)] = std::isfinite(r) ? r : 0.0;
    }
    std::vector<bool> flagged(static_cast<std::size_t>(size()), false);
    for (const CheckFinding& f : checkLandmarks(m_working)) {
        for (const int i : {f.landmark, f.other}) {
            if (i >= 0 && i < size()) {
                flagged[std::size_t(i)] = true;
            }
        }
    }
    for (int i = 0; i < size(); ++i) {
        if (flagged[std::size_t(i)]) {
            risk[std::size_t(i)] += 1000.0; // above any repeatability
        }
    }
    double highest = -1;
    for (int step = 1; step <= size(); ++step) {
        const int i = ((from < 0 ? -1 : from) + step) % size();
        if (!isReviewed(m_working.at(i)) && risk[std::size_t(i)] > highest) {
            worst = i;
            highest = risk[std::size_t(i)];
        }
    }
    return worst;
}

void CaseDocument::touched() {
    if (!m_modified) {
        m_modified = true;
        Q_EMIT modifiedChanged(true);
    }
    Q_EMIT changed();
}

void CaseDocument::setPosition(int index, const Eigen::Vector3d& p, LandmarkStatus status,
                               const Provenance& provenance) {
    Landmark& l = m_working.at(index);
    const bool statusChanged = l.status != status;
    l.position = p;
    l.status = status;
    l.provenance = provenance;
    Q_EMIT landmarkMoved(index);
    if (statusChanged) {
        Q_EMIT landmarkStatusChanged(index);
    }
    touched();
}

void CaseDocument::setStatus(int index, LandmarkStatus status, const Provenance& provenance) {
    Landmark& l = m_working.at(index);
    l.status = status;
    l.provenance = provenance;
    Q_EMIT landmarkStatusChanged(index);
    touched();
}

void CaseDocument::setLandmark(int index, const Landmark& landmark) {
    const bool statusChanged = m_working.at(index).status != landmark.status;
    m_working.at(index) = landmark;
    Q_EMIT landmarkMoved(index);
    if (statusChanged) {
        Q_EMIT landmarkStatusChanged(index);
    }
    touched();
}

void CaseDocument::setReviewState(ReviewState state, const ReviewStamp& stamp) {
    m_review = state;
    m_stamp = stamp;
    Q_EMIT reviewStateChanged();
    touched();
}

void CaseDocument::setPredicted(const LandmarkSet& predicted) {
    m_predicted = predicted;
    if (!predicted.schema().sameLandmarks(m_working.schema())) {
        // A bare mesh predicted by a model of another schema: the working set takes the
        // prediction's landmarks (the caller keeps edits from being dropped, hasEdits()).
        m_working = predicted;
        Q_EMIT predictedReplaced();
        Q_EMIT workingReplaced();
        touched();
        return;
    }
    for (int i = 0; i < size(); ++i) {
        // Only what nobody reviewed: a landmark a person marked missing stays missing.
        if (!isReviewed(m_working.at(i)) && m_working.at(i).status != LandmarkStatus::Placed) {
            m_working.at(i) = predicted.at(i);
        }
    }
    Q_EMIT predictedReplaced();
    Q_EMIT workingReplaced();
    touched();
}

bool CaseDocument::hasEdits() const {
    for (int i = 0; i < m_working.size(); ++i) {
        if (isReviewed(m_working.at(i)) || m_working.at(i).status == LandmarkStatus::Placed) {
            return true;
        }
    }
    return false;
}

void CaseDocument::restorePrediction(const std::optional<LandmarkSet>& predicted,
                                     const LandmarkSet& working) {
    m_predicted = predicted;
    m_working = working;
    Q_EMIT predictedReplaced();
    Q_EMIT workingReplaced();
    touched();
}

void CaseDocument::setWorking(const LandmarkSet& working) {
    m_working = working;
    Q_EMIT workingReplaced();
    touched();
}

void CaseDocument::record(const AuditEntry& entry) {
    m_audit.push_back(entry);
    Q_EMIT auditChanged();
    touched();
}

void CaseDocument::setAudit(std::vector<AuditEntry> audit) {
    m_audit = std::move(audit);
    Q_EMIT auditChanged();
    touched();
}

void CaseDocument::beginBatch() {
    ++m_batchDepth;
}

void CaseDocument::endBatch() {
    if (m_batchDepth > 0 && --m_batchDepth == 0) {
        Q_EMIT batchEnded();
    }
}

void CaseDocument::markSaved() {
    if (m_modified) {
        m_modified = false;
        Q_EMIT modifiedChanged(false);
    }
}

} // namespace pal
