// TrainingDialog: the choices, the controls and closing; runs are in TrainingDialogRun.cpp.

#include "ui/TrainingDialog.h"

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/io/InstallPaths.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/JobCentre.h"
#include "core/workflow/TrainJob.h"
#include "core/workflow/TrainingData.h"
#include "ui/PredictionController.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>

#include <QDate>
#include <QDir>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace pal::ui {

namespace {

// <dataset>/models/finetuned-<date>.palnet, or -2, -3, ... when a run already used the name.
QString defaultOutput(const QString& dataset) {
    if (dataset.isEmpty()) {
        return {};
    }
    const QString base = QDir(dataset).filePath(
        QStringLiteral("models/finetuned-%1").arg(QDate::currentDate().toString(Qt::ISODate)));
    QString path = base + QStringLiteral(".palnet");
    for (int n = 2; QFileInfo::exists(path) || QFileInfo::exists(path + ".ckpt.json"); ++n) {
        path = QStringLiteral("%1-%2.palnet").arg(base).arg(n);
    }
    return path;
}

} // namespace

TrainingDialog::TrainingDialog(const QString& datasetFolder, QWidget* parent, JobCentre* jobs)
    : QDialog(parent), m_ownJobs(jobs ? nullptr : std::make_unique<JobCentre>()),
      m_jobs(jobs ? jobs : m_ownJobs.get()) {
    setWindowTitle(tr("Train or Fine-tune PAL-Net"));
    auto* form = new QFormLayout;

    m_dataset = new QLabel;
    m_dataset->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* changeData = new QPushButton(tr("Change..."));
    connect(changeData, &QPushButton::clicked, this, &TrainingDialog::chooseDataset);
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(m_dataset, 1);
    dataRow->addWidget(changeData);
    form->addRow(tr("Dataset:"), dataRow);
    m_groundTruth = new QRadioButton(tr("Ground truth (each case's landmarks.txt)"));
    m_reviewed = new QRadioButton(tr("The clinician's reviewed landmarks (complete reviews only)"));
    m_both = new QRadioButton(tr("Both: the review where it is complete, else the ground truth"));
    m_groundTruth->setChecked(true);
    m_qualifying = new QLabel;
    m_qualifying->setWordWrap(true);
    auto* casesBox = new QVBoxLayout;
    for (QRadioButton* b : {m_groundTruth, m_reviewed, m_both}) {
        casesBox->addWidget(b);
        connect(b, &QRadioButton::toggled, this, [this](bool on) {
            if (on) { // once per choice, not again for the button that turned off
                updateData();
            }
        });
    }
    casesBox->addWidget(m_qualifying);
    form->addRow(tr("Train on:"), casesBox);

    m_init = new QComboBox;
    m_init->addItem(tr("None: train from scratch"), QString());
    auto* chooseInit = new QPushButton(tr("Choose..."));
    connect(chooseInit, &QPushButton::clicked, this, &TrainingDialog::chooseInitModel);
    connect(m_init, &QComboBox::currentIndexChanged, this, &TrainingDialog::updateInitModel);
    auto* initRow = new QHBoxLayout;
    initRow->addWidget(m_init, 1);
    initRow->addWidget(chooseInit);
    form->addRow(tr("Start from:"), initRow);

    m_learningRate = new QComboBox;
    m_learningRate->setEditable(true);
    m_learningRate->setValidator(new QDoubleValidator(1e-9, 1.0, 12, m_learningRate));
    m_learningRate->setToolTip(
        tr("Adam's starting learning rate. Fine-tuning needs a much lower one than training "
           "from scratch: a high rate throws the parent's weights off in the first step."));
    form->addRow(tr("Learning rate:"), m_learningRate);
    m_freeze = new QSpinBox;
    m_freeze->setRange(0, 3);
    m_freeze->setSuffix(tr(" of 3 blocks"));
    m_freeze->setToolTip(tr("Fine-tuning: the first convolution blocks (and their attention) "
                            "keep the parent's weights"));
    form->addRow(tr("Frozen:"), m_freeze);

    m_patch = new QSpinBox;
    m_patch->setRange(10, 20000);
    m_patch->setValue(1000);
    m_patch->setSuffix(tr(" vertices"));
    form->addRow(tr("Patch size:"), m_patch);
    m_variant = new QComboBox;
    m_variant->addItem(tr("PAL-Net (attention)"), QStringLiteral("attention"));
    m_variant->addItem(tr("Ablation: no attention"), QStringLiteral("no-attention"));
    m_variant->addItem(tr("Ablation: top-k attention"), QStringLiteral("top-k-attention"));
    m_variant->addItem(tr("Ablation: two blocks"), QStringLiteral("two-blocks"));
    m_variant->addItem(tr("Ablation: no dropout"), QStringLiteral("no-dropout"));
    m_variant->setToolTip(tr("The network trained from scratch; a fine-tune keeps its "
                             "model's network"));
    form->addRow(tr("Network:"), m_variant);
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 10000);
    m_epochs->setValue(50);
    form->addRow(tr("Epochs:"), m_epochs);
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000000);
    m_seed->setValue(1);
    form->addRow(tr("Seed:"), m_seed);

    m_weights = new QComboBox;
    m_weights->addItem(tr("float16 (half the size; errors change by about 0.002 mm)"),
                       QStringLiteral("float16"));
    m_weights->addItem(tr("float32"), QStringLiteral("float32"));
    m_weights->setToolTip(tr("The precision of the weights in the model written. The run's "
                             "checkpoint files are removed when it ends; only this bundle "
                             "stays."));
    form->addRow(tr("Weights:"), m_weights);

    m_output = new QLineEdit;
    auto* chooseOut = new QPushButton(tr("Browse..."));
    connect(chooseOut, &QPushButton::clicked, this, &TrainingDialog::chooseOutput);
    connect(m_output, &QLineEdit::textChanged, this, &TrainingDialog::updateControls);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_output, 1);
    outRow->addWidget(chooseOut);
    form->addRow(tr("Write to:"), outRow);
    m_inputs = {changeData, m_groundTruth,  m_reviewed, m_both,   m_init,
                chooseInit, m_learningRate, m_freeze,   m_patch,  m_variant,
                m_epochs,   m_seed,         m_weights,  m_output, chooseOut};

    // The loss curve: one point per epoch for each split.
    m_trainSeries = new QLineSeries;
    m_trainSeries->setName(tr("training loss"));
    m_validationSeries = new QLineSeries;
    m_validationSeries->setName(tr("validation loss"));
    auto* chart = new QChart;
    chart->addSeries(m_trainSeries);
    chart->addSeries(m_validationSeries);
    m_axisX = new QValueAxis;
    m_axisX->setTitleText(tr("epoch"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisX->setTickInterval(1);
    m_axisY = new QValueAxis;
    m_axisY->setTitleText(tr("loss"));
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QLineSeries* s : {m_trainSeries, m_validationSeries}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* chartView = new QChartView(chart);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumSize(420, 240);

    m_state = new QLabel;
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(10000);
    m_log->setFixedHeight(90);
    m_summaryLabel = new QLabel;
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_landmarks = new QPlainTextEdit;
    m_landmarks->setReadOnly(true);
    m_landmarks->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_landmarks->setFixedHeight(110);
    m_landmarks->setPlaceholderText(tr("Per landmark, after a run: the model it would replace "
                                       "and the new one, side by side"));

    m_start = new QPushButton(tr("Start"));
    m_resume = new QPushButton(tr("Resume"));
    m_resume->setToolTip(tr("Continue the run whose checkpoint is <output>.ckpt.json"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_use = new QPushButton(tr("Use This Model"));
    auto* close = new QPushButton(tr("Close"));
    connect(m_start, &QPushButton::clicked, this, &TrainingDialog::startTraining);
    connect(m_resume, &QPushButton::clicked, this, &TrainingDialog::resumeTraining);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingDialog::cancelTraining);
    connect(m_use, &QPushButton::clicked, this, &TrainingDialog::useModel);
    connect(close, &QPushButton::clicked, this, &TrainingDialog::reject);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_start, m_resume, m_cancel}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_use);
    buttons->addWidget(close);
    m_start->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(chartView, 1);
    layout->addWidget(m_state);
    layout->addWidget(m_log);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_landmarks);
    layout->addLayout(buttons);

    const QString model = modelInUse();
    if (QFileInfo::exists(model)) {
        setInitModel(model); // fine-tune the model in use by default
    }
    setDatasetFolder(datasetFolder);
    updateInitModel();
    resize(680, 900);
}

TrainingDialog::~TrainingDialog() {
    cancelTraining(); // the dialog's own JobCentre waits for its workers when it goes
    if (m_job) {
        m_job->disconnect(this);
    }
    if (m_evaluation) {
        m_evaluation->disconnect(this);
    }
}

void TrainingDialog::setDatasetFolder(const QString& folder) {
    m_dataset->setText(folder.isEmpty() ? tr("(none: choose a dataset folder)")
                                        : QDir::toNativeSeparators(folder));
    m_dataset->setProperty("folder", folder);
    m_output->setText(defaultOutput(folder));
    updateData();
}

QString TrainingDialog::datasetFolder() const {
    return m_dataset->property("folder").toString();
}

QString TrainingDialog::modelInUse() {
    const QString path = QSettings().value(QStringLiteral("model/path")).toString();
    return path.isEmpty() ? defaultModelPath() : path;
}

void TrainingDialog::setTrainingSource(TrainingSource source) {
    (source == TrainingSource::Reviewed ? m_reviewed
     : source == TrainingSource::Both   ? m_both
                                        : m_groundTruth)
        ->setChecked(true);
}

TrainingSource TrainingDialog::trainingSource() const {
    return m_reviewed->isChecked() ? TrainingSource::Reviewed
           : m_both->isChecked()   ? TrainingSource::Both
                                   : TrainingSource::GroundTruth;
}

void TrainingDialog::setLearningRate(double rate) {
    m_learningRate->setCurrentText(rate > 0 ? QString::number(rate, 'g', 3) : QString());
    if (rate <= 0) {
        updateInitModel(); // the recipe's
    }
}

void TrainingDialog::setFrozenBlocks(int blocks) {
    m_freeze->setValue(blocks);
}

void TrainingDialog::setInitModel(const QString& bundle) {
    int index = m_init->findData(bundle);
    if (index < 0) {
        m_init->addItem(QFileInfo(bundle).fileName(), bundle);
        index = m_init->count() - 1;
        m_init->setItemData(index, QDir::toNativeSeparators(bundle), Qt::ToolTipRole);
    }
    m_init->setCurrentIndex(index);
    updateInitModel();
}

void TrainingDialog::setPatchSize(int k) {
    m_patch->setValue(k);
}
void TrainingDialog::setEpochs(int epochs) {
    m_epochs->setValue(epochs);
}
void TrainingDialog::setSeed(int seed) {
    m_seed->setValue(seed);
}
void TrainingDialog::setOutputPath(const QString& path) {
    m_output->setText(path);
}
QString TrainingDialog::outputPath() const {
    return m_output->text().trimmed();
}
void TrainingDialog::setBaseOptions(const TrainOptions& base) {
    m_base = base;
    updateData(); // the excluded cases
}

TrainOptions TrainingDialog::options() const {
    TrainOptions o = m_base;
    o.dataDir = datasetFolder();
    o.out = outputPath();
    o.source = trainingSource();
    o.learningRate = m_learningRate->currentText().toDouble();
    o.init = m_init->currentData().toString();
    o.freezeBlocks = o.init.isEmpty() ? 0 : m_freeze->value();
    o.variant = variantFromName(m_variant->currentData().toString())
                    .value_or(NetworkVariant::Attention); // with init the parent's is used
    o.patchSize = m_patch->value();
    o.epochs = m_epochs->value();
    o.seed = static_cast<quint64>(m_seed->value());
    o.weightsDtype = m_weights->currentData().toString();
    o.device = PredictionController::devicePreference(); // Model > Device
    o.resume.clear();
    return o;
}

bool TrainingDialog::isRunning() const {
    return m_job || m_evaluation;
}
int TrainingDialog::chartPointCount() const {
    return static_cast<int>(m_trainSeries->count());
}
QString TrainingDialog::statusText() const {
    return m_log->toPlainText();
}
QString TrainingDialog::summaryText() const {
    return m_summary;
}
QString TrainingDialog::trainedModel() const {
    return m_trained;
}
QString TrainingDialog::landmarkText() const {
    return m_landmarks->toPlainText();
}
QString TrainingDialog::dataText() const {
    return m_qualifying->text();
}

// Counted on the GUI thread: it reads each case's landmarks, transform and review sidecar (not
// its mesh), a few milliseconds for the datasets the dialog is used with.
void TrainingDialog::updateData() {
    m_qualifyingCount = 0;
    const QString folder = datasetFolder();
    if (folder.isEmpty()) {
        m_qualifying->clear();
        updateControls();
        return;
    }
    try {
        const TrainingData data =
            trainingData(Dataset::open(folder), trainingSource(), m_base.excludeCases);
        m_qualifyingCount = static_cast<int>(data.samples.size());
        QString text =
            m_qualifyingCount == 0
                ? tr("No case qualifies: %1.").arg(noTrainingDataReason(trainingSource()))
                : tr("%n case(s) qualify", nullptr, m_qualifyingCount);
        if (m_qualifyingCount > 0 && trainingSource() == TrainingSource::Both) {
            text += tr(" (%1 from reviews, %2 ground truth)")
                        .arg(data.fromReview())
                        .arg(data.fromGroundTruth());
        }
        if (m_qualifyingCount > 0) {
            text += tr("; about 20 % of them are held out for validation and the comparison.");
        }
        if (!data.notQualifying.isEmpty()) {
            text += QLatin1Char(' ') + tr("%n case(s) do not qualify", nullptr,
                                          static_cast<int>(data.notQualifying.size()));
            m_qualifying->setToolTip(data.notQualifying.join(QLatin1Char('\n')));
        } else {
            m_qualifying->setToolTip(QString());
        }
        if (!data.excluded.isEmpty()) {
            text += QLatin1Char(' ') +
                    tr("(%n excluded)", nullptr, static_cast<int>(data.excluded.size()));
        }
        m_qualifying->setText(text);
    } catch (const Error& e) {
        m_qualifying->setText(tr("Cannot count the cases: %1").arg(e.message()));
    }
    updateControls();
}

void TrainingDialog::updateInitModel() {
    const QString init = m_init->currentData().toString();
    m_patch->setEnabled(init.isEmpty() && !isRunning());
    m_variant->setEnabled(init.isEmpty() && !isRunning());
    m_freeze->setEnabled(!init.isEmpty() && !isRunning());
    // The recipe's learning rate, with the other recipe's one step away.
    const double recipe = init.isEmpty() ? kScratchLearningRate : kFineTuneLearningRate;
    m_learningRate->clear();
    for (double rate : {1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6}) {
        m_learningRate->addItem(QString::number(rate, 'g', 3));
    }
    m_learningRate->setCurrentText(QString::number(recipe, 'g', 3));
    if (!init.isEmpty()) {
        try {
            const ModelManifest m = readModelManifest(init);
            m_patch->setValue(m.patchSize); // the model's own
            m_variant->setCurrentIndex(std::max(0, m_variant->findData(m.variant)));
        } catch (const Error& e) {
            m_state->setText(e.message());
        }
    }
}

void TrainingDialog::updateControls() {
    const bool running = isRunning();
    for (QWidget* w : m_inputs) {
        w->setEnabled(!running);
    }
    m_patch->setEnabled(!running && m_init->currentData().toString().isEmpty());
    m_variant->setEnabled(!running && m_init->currentData().toString().isEmpty());
    m_freeze->setEnabled(!running && !m_init->currentData().toString().isEmpty());
    const bool ready =
        !datasetFolder().isEmpty() && !outputPath().isEmpty() && m_qualifyingCount > 0;
    m_start->setEnabled(!running && ready);
    m_resume->setEnabled(!running && ready && QFileInfo::exists(outputPath() + ".ckpt.json"));
    m_cancel->setEnabled((m_job && m_job->state() == Job::State::Running) ||
                         (m_evaluation && m_evaluation->state() == Job::State::Running));
    m_use->setEnabled(!running && !m_trained.isEmpty() && QFileInfo::exists(m_trained));
}

void TrainingDialog::chooseDataset() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Dataset to Train On"), datasetFolder());
    if (!dir.isEmpty()) {
        setDatasetFolder(dir);
    }
}

void TrainingDialog::chooseInitModel() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Model to Start From"),
                                                      QFileInfo(modelInUse()).path(),
                                                      tr("PAL-Net models (*.palnet)"));
    if (!file.isEmpty()) {
        setInitModel(file);
    }
}

void TrainingDialog::chooseOutput() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Write the Model To"), outputPath(),
                                                      tr("PAL-Net models (*.palnet)"));
    if (!file.isEmpty()) {
        setOutputPath(file.endsWith(QStringLiteral(".palnet")) ? file : file + ".palnet");
    }
}

void TrainingDialog::useModel() {
    if (m_trained.isEmpty()) {
        return;
    }
    if (!m_better) {
        QMessageBox box(QMessageBox::Warning, tr("Use This Model"),
                        tr("%1 is not clearly better than %2, the model it would replace.")
                            .arg(QFileInfo(m_trained).fileName(), m_reference),
                        QMessageBox::NoButton, this);
        box.setInformativeText(m_summary);
        box.setDetailedText(m_landmarks->toPlainText());
        QPushButton* keep = box.addButton(tr("Keep %1").arg(m_reference), QMessageBox::RejectRole);
        box.addButton(tr("Use Anyway"), QMessageBox::AcceptRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == keep) {
            m_state->setText(tr("Predictions still use %1").arg(m_reference));
            return;
        }
    }
    QSettings().setValue(QStringLiteral("model/path"), m_trained);
    m_state->setText(tr("Predictions now use %1").arg(QFileInfo(m_trained).fileName()));
    Q_EMIT modelChosen(m_trained);
}

void TrainingDialog::reject() {
    if (m_job) {
        const auto answer = QMessageBox::question(
            this, tr("Training"),
            tr("Training is running. Cancel it and close? The last checkpoint stays, and "
               "Resume continues from it."));
        if (answer != QMessageBox::Yes) {
            return;
        }
        cancelTraining();
    }
    QDialog::reject();
}

} // namespace pal::ui
