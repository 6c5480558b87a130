#include "core/workflow/VersionReport.h"

#include "core/errors/Error.h"
#include "core/io/InstallPaths.h"
#include "core/model/ModelBundle.h"
#include "core/workflow/EngineLoader.h"

#include <QtGlobal>

namespace pal {

QString versionReport(const QString& program, const QString& version, const QString& vtk,
                      const QString& modelPath) {
    QString out = QStringLiteral("%1 %2\n").arg(program, version);
    out += QStringLiteral("Qt %1 (built with %2)\n")
               .arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR));
    out += QStringLiteral("VTK %1\n").arg(vtk);
    try {
        const RuntimeInfo rt = loadEngine().runtimeInfo();
        out += QStringLiteral("LibTorch %1 (%2 threads, device %3; %4)\n")
                   .arg(rt.torchVersion)
                   .arg(rt.threads)
                   .arg(rt.device, engineModulePath());
        out +=
            !rt.cudaCompiled
                ? QStringLiteral("CUDA: not compiled in (this LibTorch is CPU-only; README.md, "
                                 "\"CUDA\", says how to build with one that has it)\n")
                : QStringLiteral("CUDA: compiled in, %1 device(s) visible\n").arg(rt.cudaDevices);
    } catch (const Error& e) {
        out += QStringLiteral("LibTorch: the engine is not available: %1\n").arg(e.message());
    }
    try {
        const ModelManifest m = readModelManifest(modelPath);
        out += QStringLiteral("model: %1: %2, patch size %3, %4 network%5\n")
                   .arg(modelPath, m.schema->describe())
                   .arg(m.patchSize)
                   .arg(m.variant,
                        m.provenance.value(QStringLiteral("generatedData")).toBool()
                            ? QStringLiteral("; trained on generated data, not for clinical use")
                            : QString());
    } catch (const Error& e) {
        out += QStringLiteral("model: %1\n").arg(e.message());
    }
    return out;
}

} // namespace pal
