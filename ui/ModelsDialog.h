#pragma once

// Model > Models...: every model at hand (the installed default, the open dataset's
// models/ folder, every bundle used or trained here before), what each is (parent, data, date,
// validation loss, card) and what it costs on disk. "Use This Model" switches in one step and
// "Back to ..." reverts the last switch; neither touches the open case's landmarks (Ctrl+R
// predicts again, as one undo step). Checkpoint files a cancelled run left can be removed here.
// The entries come from core/workflow/ModelCatalogue; the list widget only shows them.

#include "core/workflow/ModelCatalogue.h"

#include <QDialog>

#include <functional>
#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pal::ui {

class PredictionController;

class ModelsDialog : public QDialog {
    Q_OBJECT
public:
    ModelsDialog(PredictionController& prediction, QString datasetFolder,
                 QWidget* parent = nullptr);

    // Reads the models again (after a run, a switch or a removal).
    void refresh();
    // The dataset whose models/ folder is listed (the one open in the window).
    void setDatasetFolder(const QString& folder);
    // The bundles training runs are writing now: their checkpoint files are in use, so they
    // are shown as such and cannot be removed here.
    void setRunningOutputs(std::function<QStringList()> outputs);
    const std::vector<ModelEntry>& entries() const { return m_entries; }
    QString selectedPath() const;
    QString totalText() const; // the disk-use line under the list

private:
    void useSelected();
    void revert();
    void addModel();
    void showCard();
    void removeCheckpoints();
    void updateButtons();
    const ModelEntry* selected() const;

    PredictionController& m_prediction;
    QString m_dataset;
    std::function<QStringList()> m_runningOutputs;
    bool isRunning(const QString& bundle) const;
    std::vector<ModelEntry> m_entries;
    QTreeWidget* m_list = nullptr;
    QLabel* m_total = nullptr;
    QPushButton* m_use = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_card = nullptr;
    QPushButton* m_removeCheckpoints = nullptr;
};

} // namespace pal::ui
