#include "ui/ModelsDialog.h"

#include "core/errors/Error.h"
#include "core/io/InstallPaths.h"
#include "core/io/NativePath.h"
#include "core/model/TrainingFiles.h"
#include "core/workflow/ModelCard.h"
#include "ui/PredictionController.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace pal::ui {

namespace {

enum Column { Name, Parent, Data, Made, Loss, Disk, Columns };

QString dateOf(const QString& iso) {
    return iso.left(10); // 2026-12-03T08:41:00Z -> 2026-12-03
}

} // namespace

ModelsDialog::ModelsDialog(PredictionController& prediction, QString datasetFolder, QWidget* parent)
    : QDialog(parent), m_prediction(prediction), m_dataset(std::move(datasetFolder)) {
    setWindowTitle(tr("Models"));
    m_list = new QTreeWidget;
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setColumnCount(Columns);
    m_list->setHeaderLabels({tr("Model"), tr("Parent"), tr("Trained on"), tr("Made"),
                             tr("Validation loss"), tr("On disk")});
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ModelsDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ModelsDialog::useSelected);
    m_total = new QLabel;
    m_total->setWordWrap(true);

    m_use = new QPushButton(tr("Use This Model"));
    m_revert = new QPushButton;
    m_card = new QPushButton(tr("Model Card"));
    m_removeCheckpoints = new QPushButton(tr("Remove Checkpoint Files"));
    auto* add = new QPushButton(tr("Add..."));
    connect(m_use, &QPushButton::clicked, this, &ModelsDialog::useSelected);
    connect(m_revert, &QPushButton::clicked, this, &ModelsDialog::revert);
    connect(m_card, &QPushButton::clicked, this, &ModelsDialog::showCard);
    connect(m_removeCheckpoints, &QPushButton::clicked, this, &ModelsDialog::removeCheckpoints);
    connect(add, &QPushButton::clicked, this, &ModelsDialog::addModel);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_use, m_revert, m_card, m_removeCheckpoints, add}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_total);
    layout->addLayout(buttons);
    resize(980, 380);
    connect(&m_prediction, &PredictionController::modelChanged, this, &ModelsDialog::refresh);
    refresh();
}

void ModelsDialog::refresh() {
    const QString keep = selectedPath();
    QStringList paths{m_prediction.modelPath(), defaultModelPath()};
    paths << modelsInFolder(m_dataset) << m_prediction.knownModels();
    m_entries = listModels(paths, defaultModelPath());
    const QString inUse = canonicalPath(m_prediction.modelPath());

    m_list->clear();
    qint64 total = 0, leftover = 0;
    for (const ModelEntry& e : m_entries) {
        auto* item = new QTreeWidgetItem(m_list);
        const bool current = canonicalPath(e.path) == inUse;
        QString name = e.name();
        if (e.isDefault) {
            name += tr(" (default)");
        }
        if (current) {
            name += tr(" - in use");
            QFont bold = item->font(Name);
            bold.setBold(true);
            item->setFont(Name, bold);
        }
        item->setText(Name, name);
        item->setData(Name, Qt::UserRole, e.path);
        QString tip = QDir::toNativeSeparators(e.path);
        if (!e.manifest) {
            item->setText(Parent, tr("cannot be read"));
            tip += QStringLiteral("\n") + e.problem;
        } else {
            item->setText(Parent, e.parent().isEmpty() ? tr("none (from scratch)") : e.parent());
            const QString data = QFileInfo(e.trainingData()).fileName();
            QString on =
                e.trainedOn().isEmpty()
                    ? data
                    : tr("%1 (%2, %3 cases)").arg(data, e.trainedOn()).arg(e.trainCaseCount());
            if (e.generatedData()) {
                on += tr(", generated");
            }
            item->setText(Data, on);
            item->setText(Made, dateOf(e.created()));
            if (const std::optional<double> loss = e.validationLoss()) {
                item->setText(Loss, tr("%1 (epoch %2)").arg(*loss, 0, 'f', 3).arg(e.bestEpoch()));
            }
            tip += tr("\nPAL-Net (%1), patch size %2, %3 weights")
                       .arg(e.manifest->variant)
                       .arg(e.manifest->patchSize)
                       .arg(e.manifest->weightsDtype);
            if (e.generatedData()) {
                tip += tr("\nTrained on generated data: not for clinical use.");
            }
        }
        QString disk = formatBytes(e.bundleBytes);
        if (e.trainingBytes > 0 && isRunning(e.path)) {
            disk +=
                tr(" + %1 checkpoint files (a run in progress)").arg(formatBytes(e.trainingBytes));
        } else if (e.trainingBytes > 0) {
            disk += tr(" + %1 checkpoint files").arg(formatBytes(e.trainingBytes));
            tip += tr("\nA cancelled run left %1 file(s) beside it (%2): Resume in the training "
                      "dialog continues it, Remove Checkpoint Files frees the space.")
                       .arg(e.trainingFiles.size())
                       .arg(formatBytes(e.trainingBytes));
        }
        item->setText(Disk, disk);
        item->setTextAlignment(Loss, Qt::AlignRight | Qt::AlignVCenter);
        for (int c = 0; c < Columns; ++c) {
            item->setToolTip(c, tip);
        }
        total += e.diskBytes();
        leftover += e.trainingBytes;
        if (e.path == keep || (keep.isEmpty() && current)) {
            item->setSelected(true);
            m_list->setCurrentItem(item);
        }
    }
    int width = 0;
    for (int c = 0; c < Columns; ++c) {
        m_list->resizeColumnToContents(c);
        width += m_list->columnWidth(c);
    }
    // Every column in view (up to a screen's width): the disk use is the last one.
    m_list->setMinimumWidth(std::min(width + 2 * m_list->frameWidth() + 24, 1500));
    QString text =
        tr("%n model(s), %1 on disk", nullptr, int(m_entries.size())).arg(formatBytes(total));
    if (leftover > 0) {
        text += tr(", of which %1 are training checkpoint files").arg(formatBytes(leftover));
    }
    m_total->setText(text + QStringLiteral("."));
    updateButtons();
}

void ModelsDialog::setDatasetFolder(const QString& folder) {
    if (folder != m_dataset) {
        m_dataset = folder;
        refresh();
    }
}

void ModelsDialog::setRunningOutputs(std::function<QStringList()> outputs) {
    m_runningOutputs = std::move(outputs);
    refresh();
}

bool ModelsDialog::isRunning(const QString& bundle) const {
    if (!m_runningOutputs) {
        return false;
    }
    for (const QString& out : m_runningOutputs()) {
        if (canonicalPath(out) == canonicalPath(bundle)) {
            return true;
        }
    }
    return false;
}

const ModelEntry* ModelsDialog::selected() const {
    const QString path = selectedPath();
    for (const ModelEntry& e : m_entries) {
        if (e.path == path) {
            return &e;
        }
    }
    return nullptr;
}

QString ModelsDialog::selectedPath() const {
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Name, Qt::UserRole).toString();
}

QString ModelsDialog::totalText() const {
    return m_total->text();
}

void ModelsDialog::updateButtons() {
    const ModelEntry* e = selected();
    const bool inUse = e && canonicalPath(e->path) == canonicalPath(m_prediction.modelPath());
    m_use->setEnabled(e && e->manifest && !inUse);
    m_card->setEnabled(e && e->manifest);
    m_removeCheckpoints->setEnabled(e && e->trainingBytes > 0 && !isRunning(e->path));
    const QString previous = m_prediction.revertTarget();
    m_revert->setText(previous.isEmpty() ? tr("Back to Previous")
                                         : tr("Back to %1").arg(QFileInfo(previous).fileName()));
    m_revert->setEnabled(!previous.isEmpty());
}

void ModelsDialog::useSelected() {
    const ModelEntry* e = selected();
    if (!e || !e->manifest) {
        return;
    }
    m_prediction.setModelPath(e->path); // refresh() follows through modelChanged
}

void ModelsDialog::revert() {
    m_prediction.revert();
}

void ModelsDialog::addModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Add a PAL-Net model"), m_dataset,
                                                      tr("Model bundles (*.palnet)"));
    if (path.isEmpty()) {
        return;
    }
    const ModelEntry e = readModelEntry(path);
    if (!e.manifest) {
        QMessageBox::warning(
            this, tr("Add Model"),
            tr("%1 cannot be used: %2").arg(QDir::toNativeSeparators(path), e.problem));
        return;
    }
    m_prediction.setModelPath(path);
}

void ModelsDialog::showCard() {
    const ModelEntry* e = selected();
    if (!e || !e->manifest) {
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Model Card: %1").arg(e->name()));
    auto* text = new QTextBrowser;
    if (!e->cardPath.isEmpty()) {
        QFile card(e->cardPath);
        if (card.open(QIODevice::ReadOnly)) {
            text->setMarkdown(QString::fromUtf8(card.readAll()));
        } else {
            text->setPlainText(tr("%1 cannot be read: %2").arg(e->cardPath, card.errorString()));
        }
    } else {
        text->setPlainText(tr("%1 has no model card (%2 is missing).")
                               .arg(e->name(), QFileInfo(modelCardPath(e->path)).fileName()));
    }
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    dialog->resize(760, 620);
    dialog->show();
}

void ModelsDialog::removeCheckpoints() {
    const ModelEntry* e = selected();
    if (!e || e->trainingFiles.isEmpty()) {
        return;
    }
    // Copies: the list may be read again while the question is open.
    const QString path = e->path;
    const QString name = e->name();
    const auto answer = QMessageBox::question(
        this, tr("Remove Checkpoint Files"),
        tr("Remove the %n checkpoint file(s) a cancelled run of %1 left (%2)? The run can then "
           "no longer be resumed; %1 itself stays.",
           nullptr, int(e->trainingFiles.size()))
            .arg(name, formatBytes(e->trainingBytes)));
    if (answer != QMessageBox::Yes || isRunning(path)) {
        return;
    }
    try {
        removeTrainingFiles(path);
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Remove Checkpoint Files"), error.message());
    }
    refresh();
}

} // namespace pal::ui
