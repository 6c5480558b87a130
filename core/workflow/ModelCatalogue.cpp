#include "core/workflow/ModelCatalogue.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/model/TrainingFiles.h"
#include "core/workflow/ModelCard.h"

#include <QJsonArray>

#include <set>

namespace pal {

namespace {

QString provenanceString(const ModelEntry& e, const char* key) {
    return e.manifest ? e.manifest->provenance.value(QLatin1String(key)).toString() : QString();
}

} // namespace

QString ModelEntry::name() const {
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}
QString ModelEntry::parent() const {
    return provenanceString(*this, "parentModel");
}
QString ModelEntry::trainingData() const {
    return provenanceString(*this, "trainingData");
}
QString ModelEntry::trainedOn() const {
    return provenanceString(*this, "trainedOn");
}
QString ModelEntry::created() const {
    return provenanceString(*this, "created");
}
std::optional<double> ModelEntry::validationLoss() const {
    if (!manifest || !manifest->metrics.contains(QStringLiteral("bestValidationLoss"))) {
        return std::nullopt;
    }
    return manifest->metrics.value(QStringLiteral("bestValidationLoss")).toDouble();
}
int ModelEntry::bestEpoch() const {
    return manifest ? manifest->metrics.value(QStringLiteral("bestEpoch")).toInt() : 0;
}
int ModelEntry::trainCaseCount() const {
    return manifest ? int(manifest->provenance.value(QStringLiteral("trainCases")).toArray().size())
                    : 0;
}
bool ModelEntry::generatedData() const {
    return manifest && manifest->provenance.value(QStringLiteral("generatedData")).toBool();
}

QStringList modelsInFolder(const QString& datasetFolder) {
    QStringList out;
    if (datasetFolder.isEmpty()) {
        return out;
    }
    const QString folder = datasetFolder + QStringLiteral("/models");
    for (const QString& name : folderEntries(folder, PathKind::File)) {
        if (name.endsWith(QLatin1String(".palnet")) &&
            !name.endsWith(QLatin1String(".best.palnet"))) {
            out << folder + QLatin1Char('/') + name;
        }
    }
    return out;
}

ModelEntry readModelEntry(const QString& path, bool isDefault) {
    ModelEntry e;
    e.path = path;
    e.isDefault = isDefault;
    qint64 modified = 0;
    fileStamp(path, e.bundleBytes, modified);
    try {
        e.manifest = readModelManifest(path);
    } catch (const Error& error) {
        e.problem = error.message();
    }
    e.trainingFiles = trainingFilesOf(path);
    e.trainingBytes = diskUse(e.trainingFiles);
    if (const QString card = modelCardPath(path); pathKind(card) == PathKind::File) {
        e.cardPath = card;
    }
    return e;
}

std::vector<ModelEntry> listModels(const QStringList& paths, const QString& defaultModel) {
    std::vector<ModelEntry> out;
    std::set<QString> seen;
    const QString defaultKey = defaultModel.isEmpty() ? QString() : canonicalPath(defaultModel);
    for (const QString& p : paths) {
        if (p.isEmpty() || pathKind(p) != PathKind::File) {
            continue;
        }
        const QString key = canonicalPath(p);
        if (!seen.insert(key).second) {
            continue;
        }
        out.push_back(readModelEntry(p, key == defaultKey));
    }
    return out;
}

QString formatBytes(qint64 bytes) {
    const double b = static_cast<double>(bytes);
    if (b >= 1e9) {
        return QStringLiteral("%1 GB").arg(b / 1e9, 0, 'f', 1);
    }
    if (b >= 1e6) {
        return QStringLiteral("%1 MB").arg(b / 1e6, 0, 'f', 1);
    }
    if (b >= 1e3) {
        return QStringLiteral("%1 kB").arg(b / 1e3, 0, 'f', 0);
    }
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace pal
