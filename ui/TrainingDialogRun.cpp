// TrainingDialog: a run (start, resume, cancel, the live loss curve) and the evaluation of the
// new model on its validation cases, in a worker.

#include "core/dataset/Dataset.h"
#include "core/engine/Predictor.h"
#include "core/engine/TrainingJob.h"
#include "core/errors/Error.h"
#include "core/eval/Metrics.h"
#include "core/geometry/Transform.h"
#include "core/review/ReviewStore.h"
#include "ui/TrainingDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <Eigen/LU>

#include <algorithm>

namespace pal::ui {

using engine::TrainingJob;

namespace {

QString mm(double v) {
    return QStringLiteral("%1 mm").arg(v, 0, 'f', 2);
}

} // namespace

void TrainingDialog::startTraining() {
    run(options());
}

void TrainingDialog::resumeTraining() {
    engine::TrainOptions o = options();
    o.resume = o.out + QStringLiteral(".ckpt.json");
    run(o);
}

void TrainingDialog::run(engine::TrainOptions o) {
    if (isRunning() || o.dataDir.isEmpty() || o.out.isEmpty()) {
        return;
    }
    if (!o.init.isEmpty() &&
        QFileInfo(o.init).absoluteFilePath() == QFileInfo(o.out).absoluteFilePath()) {
        m_state->setText(tr("Write the new model to another file: the model you start from "
                            "stays untouched."));
        return;
    }
    QDir().mkpath(QFileInfo(o.out).absolutePath());
    m_trainSeries->clear();
    m_validationSeries->clear();
    m_log->clear();
    m_summary.clear();
    m_summaryLabel->clear();
    m_trained.clear();
    m_axisX->setRange(1, std::max(2, o.epochs));
    m_axisX->setTickInterval(std::max(1, (o.epochs + 8) / 10));
    m_state->setText(o.resume.isEmpty() ? tr("Training...") : tr("Resuming..."));
    m_job = std::make_unique<TrainingJob>(o);
    connect(m_job.get(), &TrainingJob::epochEnded, this, [this](const engine::EpochReport& e) {
        m_trainSeries->append(e.epoch, e.trainLoss);
        m_validationSeries->append(e.epoch, e.validationLoss);
        double lo = e.trainLoss, hi = e.trainLoss;
        for (const QLineSeries* s : {m_trainSeries, m_validationSeries}) {
            for (const QPointF& p : s->points()) {
                lo = std::min(lo, p.y());
                hi = std::max(hi, p.y());
            }
        }
        const double pad = std::max(1e-6, 0.08 * (hi - lo));
        m_axisY->setRange(std::max(0.0, lo - pad), hi + pad);
        m_axisY->applyNiceNumbers();
        const int first = static_cast<int>(m_trainSeries->at(0).x());
        const int last = std::max({first + 1, e.epochs, e.epoch});
        m_axisX->setRange(first, last);
        m_axisX->setTickInterval(std::max(1, (last - first + 9) / 10)); // whole epochs
        const QString line = tr("Epoch %1/%2: training %3, validation %4, learning rate %5, "
                                "%6 s%7")
                                 .arg(e.epoch)
                                 .arg(e.epochs)
                                 .arg(e.trainLoss, 0, 'f', 4)
                                 .arg(e.validationLoss, 0, 'f', 4)
                                 .arg(e.learningRate, 0, 'g', 3)
                                 .arg(e.seconds, 0, 'f', 1)
                                 .arg(e.best ? tr(" (best)") : QString());
        m_log->appendPlainText(line);
        m_state->setText(line);
    });
    connect(m_job.get(), &TrainingJob::ended, this, &TrainingDialog::onEnded);
    m_job->start();
    updateControls();
}

void TrainingDialog::cancelTraining() {
    if (m_job) {
        m_job->cancel();
        m_state->setText(tr("Cancelling after the current batch..."));
        updateControls();
    }
}

void TrainingDialog::onEnded() {
    const engine::TrainResult result = m_job->result();
    const engine::TrainOptions o = m_job->options();
    const TrainingJob::State state = m_job->state();
    const QString error = m_job->error();
    m_job.release()->deleteLater(); // we are inside its ended() signal
    const bool finished = state == TrainingJob::State::Finished;
    if (state == TrainingJob::State::Failed) {
        m_state->setText(tr("Training failed: %1").arg(error));
    } else if (!finished) {
        m_state->setText(tr("Cancelled after %1 epoch(s): Resume continues from the checkpoint.")
                             .arg(result.epochsRun));
    } else if (QFileInfo::exists(result.bundlePath)) {
        m_trained = result.bundlePath;
        m_state->setText(tr("Trained %1 epoch(s), best %2; evaluating on the validation cases...")
                             .arg(result.epochsRun)
                             .arg(result.bestEpoch));
        m_evaluation.setFuture(QtConcurrent::run([o, result] { return evaluateModel(o, result); }));
    }
    updateControls();
    Q_EMIT trainingEnded(finished);
}

TrainingDialog::Evaluation TrainingDialog::evaluateModel(const engine::TrainOptions& o,
                                                         const engine::TrainResult& result) {
    Evaluation out;
    try {
        std::vector<Case> cases;
        std::vector<Eigen::MatrixX3d> truths;
        const Dataset dataset = Dataset::open(o.dataDir);
        for (const Case& c : dataset.cases()) {
            if (!result.validationCases.contains(c.id())) {
                continue;
            }
            std::optional<ReviewSnapshot> review;
            if (o.reviewedOnly) {
                review = readReview(sidecarPath(c)); // the target it was trained on
            }
            if (review) {
                truths.push_back(review->working.positions());
            } else if (c.hasLandmarks()) {
                truths.push_back(c.readLandmarks().landmarks.positions());
            } else {
                continue;
            }
            cases.push_back(c);
        }
        if (cases.empty()) {
            out.error = tr("the run has no validation case to evaluate on");
            return out;
        }
        engine::PredictorOptions po;
        po.snap = SnapMode::Closest;
        po.device = o.device;
        const engine::Predictor predictor = engine::Predictor::fromBundle(result.bundlePath, po);
        const std::vector<engine::Prediction> predictions = predictor.predictAll(cases);
        std::vector<EvaluationCase> evaluated, baseline;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const auto p = std::find_if(predictions.begin(), predictions.end(),
                                        [&](const auto& x) { return x.caseId == cases[i].id(); });
            if (p == predictions.end()) {
                continue;
            }
            evaluated.push_back({cases[i].id(), p->landmarks.positions(), truths[i]});
            // The baseline: the model's mean template, placed in the case's frame.
            const Eigen::Matrix4d back = cases[i].readTransform().inverse();
            Eigen::MatrixX3d t = predictor.manifest().templateLandmarks;
            for (Eigen::Index r = 0; r < t.rows(); ++r) {
                t.row(r) = transformPoint(back, t.row(r).transpose()).transpose();
            }
            baseline.push_back({cases[i].id(), t, truths[i]});
        }
        const EvaluationResult model = evaluate(evaluated, QStringLiteral("closest"));
        const EvaluationResult base = evaluate(baseline, QStringLiteral("template"));
        out.text = tr("Evaluation on %1 validation case(s), closest post-processing:\n"
                      "  new model: point-wise %2, distance-wise %3\n"
                      "  mean template (baseline): point-wise %4, distance-wise %5")
                       .arg(cases.size())
                       .arg(mm(model.pointwise), mm(model.distancewise), mm(base.pointwise),
                            mm(base.distancewise));
    } catch (const Error& e) {
        out.error = e.message();
    } catch (const std::exception& e) {
        out.error = QString::fromLocal8Bit(e.what());
    }
    return out;
}

} // namespace pal::ui
