#pragma once

// The landmark table of the review window: one row per landmark of the schema, columns
// number, key, name, status, error (mm), shown and locked (check boxes), ground truth,
// prediction (the working set). A view of the CaseDocument and the LandmarkDisplayState: it
// holds no landmark data of its own. Sorting and filtering: ReviewFilterProxy's roles.

#include "core/review/CaseDocument.h"

#include <QAbstractTableModel>

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

    // The colour an error is drawn in (table and error lines agree): green below 2 mm,
    // yellow at 3.5, red from 5.
    static QColor errorColor(double mm);

private:
    void rowChanged(int row);
    CaseDocument* m_doc;
    LandmarkDisplayState* m_display;
};

} // namespace pal::ui
