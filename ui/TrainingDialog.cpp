// TrainingDialog: the choices, the controls and closing; runs are in TrainingDialogRun.cpp.

#include "ui/TrainingDialog.h"

#include "core/errors/Error.h"
#include "core/io/InstallPaths.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/JobCentre.h"
#include "core/workflow/TrainJob.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
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

namespace pal::ui {

namespace {

QString currentModelPath() {
    const QString path = QSettings().value(QStringLiteral("model/path")).toString();
    return path.isEmpty() ? defaultModelPath() : path;
}

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
    m_allCases = new QRadioButton(tr("Every annotated case"));
    m_reviewed = new QRadioButton(tr("Only reviewed cases (every landmark reviewed)"));
    m_allCases->setChecked(true);
    auto* casesBox = new QVBoxLayout;
    casesBox->addWidget(m_allCases);
    casesBox->addWidget(m_reviewed);
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

    m_patch = new QSpinBox;
    m_patch->setRange(10, 20000);
    m_patch->setValue(1000);
    m_patch->setSuffix(tr(" vertices"));
    form->addRow(tr("Patch size:"), m_patch);
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 10000);
    m_epochs->setValue(50);
    form->addRow(tr("Epochs:"), m_epochs);
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000000);
    m_seed->setValue(1);
    form->addRow(tr("Seed:"), m_seed);

    m_output = new QLineEdit;
    auto* chooseOut = new QPushButton(tr("Browse..."));
    connect(chooseOut, &QPushButton::clicked, this, &TrainingDialog::chooseOutput);
    connect(m_output, &QLineEdit::textChanged, this, &TrainingDialog::updateControls);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_output, 1);
    outRow->addWidget(chooseOut);
    form->addRow(tr("Write to:"), outRow);
    m_inputs = {changeData, m_allCases, m_reviewed, m_init,   chooseInit,
                m_patch,    m_epochs,   m_seed,     m_output, chooseOut};

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
    layout->addLayout(buttons);

    const QString model = currentModelPath();
    if (QFileInfo::exists(model)) {
        setInitModel(model); // fine-tune the model in use by default
    }
    setDatasetFolder(datasetFolder);
    resize(640, 760);
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
    updateControls();
}

QString TrainingDialog::datasetFolder() const {
    return m_dataset->property("folder").toString();
}

void TrainingDialog::setReviewedOnly(bool on) {
    (on ? m_reviewed : m_allCases)->setChecked(true);
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
}

TrainOptions TrainingDialog::options() const {
    TrainOptions o = m_base;
    o.dataDir = datasetFolder();
    o.out = outputPath();
    o.reviewedOnly = m_reviewed->isChecked();
    o.init = m_init->currentData().toString();
    o.patchSize = m_patch->value();
    o.epochs = m_epochs->value();
    o.seed = static_cast<quint64>(m_seed->value());
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

void TrainingDialog::updateInitModel() {
    const QString init = m_init->currentData().toString();
    m_patch->setEnabled(init.isEmpty() && !isRunning());
    if (!init.isEmpty()) {
        try {
            m_patch->setValue(readModelManifest(init).patchSize); // the model's own
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
    const bool ready = !datasetFolder().isEmpty() && !outputPath().isEmpty();
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
                                                      QFileInfo(currentModelPath()).path(),
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
