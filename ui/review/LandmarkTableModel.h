#pragma once

// The landmark table of the review window: one row per landmark of the schema, columns
// number, key, name, status, error (mm), checks (the anatomical checks' findings on the working
// set and the ground truth, core/checks/LandmarkChecks.h, the off-surface check included once
// setSurface gave the case's surface; the same as the printed report's: short titles, the full
// lines in the tooltip), tolerance (whether the ground truth and a correction lie within the
// landmark's repeatability of the model's prediction: the tolerance sphere), shown and locked
// (check boxes), ground truth, prediction (the working set). A view of the CaseDocument and the
// LandmarkDisplayState: it holds no landmark data of its own, only the findings derived from it,
// computed again after every change (50 landmarks: microseconds). Sorting and filtering:
// ReviewFilterProxy's roles.

#include "core/review/CaseDocument.h"
#include "core/review/ReviewRows.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

#include <vector>

namespace pal {
class SurfaceLocator;
}

namespace pal::ui {

class LandmarkDisplayState;

class LandmarkTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Number,
        Key,
        Name,
        Status,
        Error,
        Checks,
        Tolerance,
        Shown,
        Locked,
        GroundTruth,
        Prediction,
        ColumnCount
    };

    // display may be null (no Shown / Locked check boxes then).
    explicit LandmarkTableModel(CaseDocument* doc, LandmarkDisplayState* display = nullptr,
                                QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The findings that name this row's landmark (as the one at fault or the other one
    // involved), one line each; ground-truth findings start with "Ground truth: ".
    QStringList findings(int row) const;

    // "truth inside, correction outside": the ground truth and a person's correction against
    // the tolerance sphere around the model's prediction (repeatabilityOf); with numbers when
    // `detailed` (the tooltip). Empty without a prediction or a known repeatability.
    QString toleranceText(int row, bool detailed = false) const;

    // The case's surface, for the off-surface check (core/checks): built off the GUI thread
    // with the case and set once the document has taken it (null before: no off-surface
    // findings). Rechecks.
    void setSurface(std::shared_ptr<const SurfaceLocator> surface);

    // The colour an error is drawn in (table and error lines agree): green below 2 mm,
    // yellow at 3.5, red from 5.
    static QColor errorColor(double mm);

private:
    void rowChanged(int row);
    std::vector<LandmarkFindings> computeFindings() const; // the working set's + m_truthFindings
    void computeTruthFindings();
    void recheck(); // the findings again, and the Checks column's rows that changed
    CaseDocument* m_doc;
    LandmarkDisplayState* m_display;
    std::shared_ptr<const SurfaceLocator> m_surface;
    std::vector<LandmarkFindings> m_truthFindings; // by row; no edit changes them
    std::vector<LandmarkFindings> m_findings;      // by row
};

} // namespace pal::ui
