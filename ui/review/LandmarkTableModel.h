#pragma once

// The landmark table of the review window: one row per landmark of the schema, columns
// number, key, name, status, ground truth, prediction (the working set), error (mm). A view
// of the CaseDocument: it holds no landmark data of its own.

#include "core/review/CaseDocument.h"

#include <QAbstractTableModel>

namespace pal::ui {

class LandmarkTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, Key, Name, Status, Error, GroundTruth, Prediction, ColumnCount };

    explicit LandmarkTableModel(CaseDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The colour an error is drawn in (table and error lines agree): green below 2 mm,
    // yellow at 3.5, red from 5.
    static QColor errorColor(double mm);

private:
    void rowChanged(int row);
    CaseDocument* m_doc;
};

} // namespace pal::ui
