// TrainingDialog: a run (start, resume, cancel, the live loss curve) and the evaluation of the
// new model on its validation cases against the mean template, both as jobs of the JobCentre.

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/JobCentre.h"
#include "core/workflow/ModelEvaluation.h"
#include "core/workflow/TrainJob.h"
#include "ui/TrainingDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QValueAxis>

#include <algorithm>

namespace pal::ui {

namespace {

QString mm(double v) {
    return QStringLiteral("%1 mm").arg(v, 0, 'f', 2);
}

} // namespace

void TrainingDialog::startTraining() {
    run(options());
}

void TrainingDialog::resumeTraining() {
    TrainOptions o = options();
    o.resume = o.out + QStringLiteral(".ckpt.json");
    run(o);
}

void TrainingDialog::run(TrainOptions o) {
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
    auto job = std::make_unique<TrainJob>(o);
    connect(job.get(), &TrainJob::epochEnded, this, [this](const EpochReport& e) {
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
                                "%6 s%7%8")
                                 .arg(e.epoch)
                                 .arg(e.epochs)
                                 .arg(e.trainLoss, 0, 'f', 4)
                                 .arg(e.validationLoss, 0, 'f', 4)
                                 .arg(e.learningRate, 0, 'g', 3)
                                 .arg(e.seconds, 0, 'f', 1)
                                 .arg(e.best ? tr(" (best)") : QString(),
                                      e.fromCheckpoint ? tr(" (from the checkpoint)") : QString());
        m_log->appendPlainText(line);
        m_state->setText(line);
    });
    connect(job.get(), &TrainJob::ended, this, &TrainingDialog::onEnded);
    m_job = m_jobs->start(std::move(job));
    updateControls();
}

void TrainingDialog::cancelTraining() {
    if (m_job) {
        m_job->cancel();
        m_state->setText(tr("Cancelling after the current batch..."));
        updateControls();
    }
    if (m_evaluation) {
        m_evaluation->cancel();
    }
}

void TrainingDialog::onEnded() {
    const TrainResult result = m_job->result();
    const TrainOptions o = m_job->options();
    const Job::State state = m_job->state();
    const QString error = m_job->error();
    m_job = nullptr; // the JobCentre deletes it
    const bool finished = state == Job::State::Finished;
    if (state == Job::State::Failed) {
        m_state->setText(tr("Training failed: %1").arg(error));
    } else if (!finished) {
        m_state->setText(tr("Cancelled after %1 epoch(s): Resume continues from the checkpoint.")
                             .arg(result.epochsRun));
    } else if (QFileInfo::exists(result.bundlePath)) {
        m_trained = result.bundlePath;
        m_state->setText(tr("Trained %1 epoch(s), best %2; evaluating on the validation cases...")
                             .arg(result.epochsRun)
                             .arg(result.bestEpoch));
        startEvaluation(o, result);
    }
    updateControls();
    Q_EMIT trainingEnded(finished);
}

// The new model and the mean template on the run's validation cases, against what it was
// trained on (the reviewed landmarks when it was fine-tuned on reviewed cases).
void TrainingDialog::startEvaluation(const TrainOptions& o, const TrainResult& result) {
    auto job = std::make_unique<TaskJob<QString>>(
        tr("Evaluating %1").arg(QFileInfo(result.bundlePath).fileName()),
        [o, result](const std::atomic<bool>& cancel, const auto& progress) {
            const std::vector<EvaluationTarget> targets =
                evaluationTargets(Dataset::open(o.dataDir), result.validationCases, o.reviewedOnly);
            if (targets.empty()) {
                throw ValidationError(o.dataDir,
                                      tr("the run has no validation case to evaluate on"));
            }
            PredictorOptions po;
            po.device = o.device;
            const ModelEvaluation ev = evaluateModel(
                loadEngine(), result.bundlePath, targets, {SnapMode::Closest}, po,
                [&](const QString& stage, int done, int total) { progress(done, total, stage); },
                &cancel);
            const EvaluationResult& model = ev.variants.front();
            QString text = tr("Evaluation on %1 validation case(s), closest post-processing:\n"
                              "  new model: point-wise %2, distance-wise %3\n"
                              "  mean template (baseline): point-wise %4, distance-wise %5")
                               .arg(ev.evaluatedCases)
                               .arg(mm(model.pointwise), mm(model.distancewise),
                                    mm(ev.baseline.pointwise), mm(ev.baseline.distancewise));
            if (!ev.failures.empty()) {
                text += QLatin1Char('\n') +
                        describeFailures(ev.failures, static_cast<int>(targets.size()));
            }
            return text;
        });
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw] {
        m_evaluation = nullptr;
        m_summary = raw->state() == Job::State::Finished ? raw->result()
                    : raw->state() == Job::State::Cancelled
                        ? tr("Evaluation cancelled")
                        : tr("Evaluation failed: %1").arg(raw->error());
        m_summaryLabel->setText(m_summary);
        m_state->setText(tr("Done: %1").arg(QDir::toNativeSeparators(m_trained)));
        updateControls();
        Q_EMIT evaluationFinished();
    });
    m_evaluation = m_jobs->start(std::move(job));
}

} // namespace pal::ui
