// TrainingDialog: a run (start, resume, cancel, the live loss curve) and the comparison of the
// new model with the one it would replace on the run's validation cases, both as jobs of the
// JobCentre.

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/workflow/EngineLoader.h"
#include "core/workflow/JobCentre.h"
#include "core/workflow/ModelCard.h"
#include "core/workflow/ModelComparison.h"
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

// The model a new one would replace: its parent, or the model predictions use now.
QString replacedModel(const TrainOptions& o, const QString& inUse) {
    return o.init.isEmpty() ? inUse : o.init;
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
    m_landmarks->clear();
    m_trained.clear();
    m_better = false;
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
        const QString line =
            e.epoch == 0 ? tr("Epoch 0/%1: the parent before fine-tuning: training %2, "
                              "validation %3%4")
                               .arg(e.epochs)
                               .arg(e.trainLoss, 0, 'f', 4)
                               .arg(e.validationLoss, 0, 'f', 4)
                               .arg(e.fromCheckpoint ? tr(" (from the checkpoint)") : QString())
                         : tr("Epoch %1/%2: training %3, validation %4, learning rate "
                              "%5, %6 s%7%8")
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
    if (finished && !result.cleanupProblem.isEmpty()) {
        m_log->appendPlainText(
            tr("The run's checkpoint files were not all removed: %1").arg(result.cleanupProblem));
    } else if (finished && result.removedBytes > 0) {
        m_log->appendPlainText(tr("Removed the run's checkpoint files (%1 MB).")
                                   .arg(double(result.removedBytes) / 1e6, 0, 'f', 0));
    }
    if (state == Job::State::Failed) {
        m_state->setText(tr("Training failed: %1").arg(error));
    } else if (!finished) {
        m_state->setText(tr("Cancelled after %1 epoch(s): Resume continues from the checkpoint.")
                             .arg(result.epochsRun));
    } else if (result.parentValidationLoss && !result.improvedOnParent()) {
        m_summary = tr("No epoch beat %1 on the validation cases (its loss %2 before "
                       "fine-tuning): no model was written, and %1 stays in use.")
                        .arg(QFileInfo(o.init).fileName())
                        .arg(*result.parentValidationLoss, 0, 'f', 4);
        m_summaryLabel->setText(m_summary);
        m_state->setText(tr("Done: nothing better than the parent."));
    } else if (result.bestEpoch > 0 && QFileInfo::exists(result.bundlePath)) {
        m_trained = result.bundlePath;
        m_state->setText(tr("Trained %1 epoch(s), best %2; comparing with %3 on the validation "
                            "cases...")
                             .arg(result.epochsRun)
                             .arg(result.bestEpoch)
                             .arg(QFileInfo(replacedModel(o, modelInUse())).fileName()));
        startEvaluation(o, result);
    }
    updateControls();
    Q_EMIT trainingEnded(finished);
}

// The new model and the one it would replace on the run's validation cases (which it did not
// train on), against the landmarks it was trained on.
void TrainingDialog::startEvaluation(const TrainOptions& o, const TrainResult& result) {
    const QString reference = replacedModel(o, modelInUse());
    m_reference = QFileInfo(reference).fileName();
    auto job = std::make_unique<TaskJob<ModelComparison>>(
        tr("Comparing %1 with %2").arg(QFileInfo(result.bundlePath).fileName(), m_reference),
        [o, result, reference](const std::atomic<bool>& cancel, const auto& progress) {
            const std::vector<EvaluationTarget> targets =
                comparisonTargets(Dataset::open(o.dataDir), result.validationCases, o.source);
            if (targets.empty()) {
                throw ValidationError(o.dataDir,
                                      tr("the run has no validation case to compare on"));
            }
            PredictorOptions po;
            po.device = o.device;
            ModelComparison c = compareModels(
                loadEngine(), reference, result.bundlePath, targets, SnapMode::Closest, po,
                [&](const QString& stage, int done, int total) { progress(done, total, stage); },
                &cancel);
            writeModelCard(result.bundlePath, &c); // what the models list shows
            return c;
        });
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw] {
        m_evaluation = nullptr;
        if (raw->state() == Job::State::Finished) {
            const ModelComparison& c = raw->result();
            m_summary = describeComparison(c, tr("validation case(s), not trained on"));
            m_landmarks->setPlainText(describeLandmarks(c));
            m_better = c.verdict == ComparisonVerdict::Better;
        } else {
            m_summary = raw->state() == Job::State::Cancelled
                            ? tr("Comparison cancelled: the new model was not compared with %1.")
                                  .arg(m_reference)
                            : tr("Comparison failed: %1").arg(raw->error());
            m_better = false;
        }
        m_summaryLabel->setText(m_summary);
        m_state->setText(tr("Done: %1").arg(QDir::toNativeSeparators(m_trained)));
        updateControls();
        Q_EMIT evaluationFinished();
    });
    m_evaluation = m_jobs->start(std::move(job));
}

} // namespace pal::ui
