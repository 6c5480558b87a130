#pragma once

// A dataset: a folder whose sub-folders are cases. Listing is lazy: opening a dataset of 500
// cases lists files only and reads no mesh.

#include "core/dataset/Case.h"

#include <QString>

#include <vector>

namespace pal {

class Dataset {
public:
    // Throws IoError when the folder does not exist, ValidationError when it holds no case.
    static Dataset open(const QString& folder);
    // True when folder has at least one sub-folder that is a case.
    static bool isDatasetFolder(const QString& folder);

    const QString& folder() const { return m_folder; }
    const std::vector<Case>& cases() const { return m_cases; }
    int size() const { return static_cast<int>(m_cases.size()); }
    // Sub-folders that are not cases (no mesh), by name: shown, never silently dropped.
    const QStringList& skipped() const { return m_skipped; }

private:
    QString m_folder;
    std::vector<Case> m_cases;
    QStringList m_skipped;
};

} // namespace pal
