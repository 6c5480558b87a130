// Fuzz target: NumPy .npz archives (core/io/Npz.cpp) and .npz cases (core/dataset/NpzCase.cpp).
// Each input is written to a file of this process (the zip reader reads files). Every accepted
// array's count is its shape's product; an accepted case mesh is sound (its faces index its
// vertices, its coordinates are finite).
#include "FuzzSupport.h"
#include "core/dataset/NpzCase.h"
#include "core/errors/Error.h"
#include "core/io/Npz.h"

#include <QDir>
#include <QFile>

#include <fstream>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const QString path =
        QDir::temp().filePath(QStringLiteral("palstudio-fuzz-npz-%1.npz").arg(::getpid()));
    static const struct RemoveAtExit {
        ~RemoveAtExit() { QFile::remove(path); }
    } removeAtExit;
    return pal::fuzz::run(data, size, [](std::string_view bytes) {
        {
            std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        const pal::NpzFile npz = pal::NpzFile::read(path);
        for (const QString& name : npz.names()) {
            const pal::NpyArray& a = npz.array(name);
            std::size_t n = 1;
            for (const Eigen::Index d : a.shape) {
                n *= static_cast<std::size_t>(d);
            }
            pal::fuzz::require(a.count() == n);
        }
        const pal::Mesh mesh = pal::readNpzMesh(path);
        pal::fuzz::require(mesh.vertices.allFinite());
        for (Eigen::Index k = 0; k < mesh.triangles.size(); ++k) {
            pal::fuzz::require(mesh.triangles.data()[k] >= 0 &&
                               mesh.triangles.data()[k] < mesh.vertexCount());
        }
    });
}
