#pragma once

// A dataset: a folder whose sub-folders are cases (LA-FAS layout), or a FaceScape root whose
// *_neutral.obj meshes are cases (core/dataset/FaceScape.h). Every case follows the dataset's
// landmark schema: LA-FAS-50, FaceScape-68, or the folder's own landmark-schema.json. Listing
// is lazy: opening a dataset of 500 cases lists files only and reads no mesh.

#include "core/dataset/Case.h"

#include <QString>

#include <vector>

namespace pal {

class Dataset {
public:
    // Throws IoError when the folder does not exist, ValidationError when it holds no case.
    static Dataset open(const QString& folder);
    // True when folder has at least one sub-folder that is a case, or is a FaceScape root.
    static bool isDatasetFolder(const QString& folder);

    const QString& folder() const { return m_folder; }
    const std::vector<Case>& cases() const { return m_cases; }
    int size() const { return static_cast<int>(m_cases.size()); }
    const SchemaPtr& schema() const { return m_schema; }
    // "LA-FAS", "FaceScape" or "NumPy .npz" (every case an .npz file).
    const QString& layout() const { return m_layout; }
    // FaceScape: meshes of expressions other than neutral, not taken as cases.
    int skippedExpressions() const { return m_skippedExpressions; }
    // Sub-folders that are not cases (no mesh), by name: shown, never silently dropped.
    const QStringList& skipped() const { return m_skipped; }

private:
    QString m_folder;
    std::vector<Case> m_cases;
    QStringList m_skipped;
    SchemaPtr m_schema = LandmarkSchema::lafas50();
    QString m_layout = QStringLiteral("LA-FAS");
    int m_skippedExpressions = 0;
};

} // namespace pal
