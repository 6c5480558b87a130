#include "ui/CaseLoader.h"

#include "core/dataset/Dataset.h"
#include "core/demo/Resources.h"
#include "core/errors/Error.h"
#include "core/landmarks/LandmarkIO.h"

#include <QDir>
#include <QFileInfo>

namespace pal::ui {

QString predictedPath(const Case& c) {
    return QDir(c.files().folder)
        .filePath(c.isFolder() ? QString::fromLatin1(kPredictedFile)
                               : c.id() + QLatin1Char('.') + QLatin1String(kPredictedFile));
}

LoadedCase loadCaseFiles(const QString& path, const QString& journalDir, const QString& caseId,
                         std::shared_ptr<const std::atomic<bool>> cancel) {
    LoadedCase out;
    out.path = path;
    try {
        QString casePath = path;
        if (QFileInfo(path).isDir() && !Case::isCaseFolder(path) &&
            Dataset::isDatasetFolder(path)) {
            const Dataset ds = Dataset::open(path);
            out.datasetFolder = path;
            casePath = ds.cases().front().files().folder;
            for (const Case& c : ds.cases()) {
                if (c.id() == caseId) {
                    casePath = c.files().folder;
                }
            }
        }
        const Case c = Case::open(casePath);
        out.source = c;
        out.caseId = c.id();
        out.generatedNotice = demo::generatedDataNotice(c.files().folder);
        Warnings warnings;
        out.mesh = c.readMesh(&warnings, false, cancel.get());
        if (c.hasLandmarks()) {
            try {
                LandmarkFile f = c.readLandmarks();
                out.groundTruth = std::move(f.landmarks);
                out.layout = std::move(f.lafasLayout);
            } catch (const Error& e) {
                warnings.messages.append(e.message()); // the mesh is still worth showing
            }
        }
        if (QFileInfo::exists(predictedPath(c))) {
            try {
                LandmarkSet p = readLandmarks(predictedPath(c)).landmarks;
                for (int i = 0; i < p.size(); ++i) {
                    if (p.at(i).isPresent()) {
                        p.at(i).status = LandmarkStatus::Predicted;
                    }
                }
                out.predicted = std::move(p);
            } catch (const Error& e) {
                warnings.messages.append(e.message());
            }
        }
        try {
            out.sidecar = readReview(sidecarPath(c));
        } catch (const Error& e) {
            warnings.messages.append(e.message());
        }
        if (!journalDir.isEmpty()) {
            out.journalFile = journalPath(c, journalDir);
            try {
                std::optional<ReviewSnapshot> j = readReview(out.journalFile);
                if (j && (!out.sidecar || j->saved > out.sidecar->saved)) {
                    out.journal = std::move(j);
                }
            } catch (const Error& e) {
                warnings.messages.append(e.message());
            }
        }
        out.warnings = warnings.messages;
    } catch (const Cancelled&) {
        out.cancelled = true;
        out.error = QStringLiteral("%1: opening cancelled").arg(path);
    } catch (const Error& e) {
        out.error = e.message();
    } catch (const std::bad_alloc&) {
        out.error = QStringLiteral("%1: not enough memory to read it").arg(path);
    } catch (const std::exception& e) {
        out.error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
    }
    return out;
}

} // namespace pal::ui
