#include "core/dataset/Dataset.h"

#include "core/errors/Error.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace pal {
namespace {

// Case folders in natural order (S2 before S10).
QStringList subfolders(const QString& folder) {
    QStringList names = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

} // namespace

bool Dataset::isDatasetFolder(const QString& folder) {
    if (!QFileInfo(folder).isDir()) {
        return false;
    }
    const QDir dir(folder);
    const QStringList names = subfolders(folder);
    return std::any_of(names.begin(), names.end(),
                       [&](const QString& n) { return Case::isCaseFolder(dir.filePath(n)); });
}

Dataset Dataset::open(const QString& folder) {
    const QFileInfo info(folder);
    if (!info.exists()) {
        throw IoError(folder, QStringLiteral("no such folder"));
    }
    if (!info.isDir()) {
        throw FormatError(folder, QStringLiteral("is a file, not a dataset folder"));
    }
    Dataset ds;
    ds.m_folder = folder;
    const QDir dir(folder);
    for (const QString& name : subfolders(folder)) {
        const QString sub = dir.filePath(name);
        if (Case::isCaseFolder(sub)) {
            ds.m_cases.push_back(Case::open(sub));
        } else {
            ds.m_skipped.append(name);
        }
    }
    if (ds.m_cases.empty()) {
        throw ValidationError(folder, QStringLiteral("no case folders found (a case folder holds a "
                                                     "mesh file, e.g. mesh.obj)"));
    }
    return ds;
}

} // namespace pal
