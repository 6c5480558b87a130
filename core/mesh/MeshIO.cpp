#include "core/mesh/MeshIO.h"
#include "core/io/NativePath.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <Eigen/Geometry>

#include <charconv>
#include <cstring>
#include <string>

namespace pal {
namespace {

QString extensionOf(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}

const QStringList& assimpExtensions() {
    static const QStringList exts = {QStringLiteral("stl"), QStringLiteral("gltf"),
                                     QStringLiteral("glb"), QStringLiteral("dae"),
                                     QStringLiteral("zae"), QStringLiteral("fbx"),
                                     QStringLiteral("3ds"), QStringLiteral("x3d")};
    return exts;
}

// Appends text with std::to_chars: fast and independent of the C locale.
class TextOut {
public:
    explicit TextOut(int decimals) : m_decimals(decimals) {}
    TextOut& operator<<(std::string_view s) {
        m_buf.append(s);
        return *this;
    }
    TextOut& num(double v) {
        char tmp[64];
        auto [end, ec] =
            std::to_chars(tmp, tmp + sizeof(tmp), v, std::chars_format::fixed, m_decimals);
        (void)ec;
        // Trim trailing zeros ("1.500000" -> "1.5", "2.000000" -> "2"): smaller files, same value.
        char* p = end;
        if (m_decimals > 0) {
            while (p > tmp && p[-1] == '0') {
                --p;
            }
            if (p > tmp && p[-1] == '.') {
                --p;
            }
        }
        if (p - tmp == 2 && tmp[0] == '-' && tmp[1] == '0') {
            tmp[0] = '0';
            p = tmp + 1;
        }
        m_buf.append(tmp, static_cast<std::size_t>(p - tmp));
        return *this;
    }
    TextOut& integer(long long v) {
        char tmp[24];
        auto [end, ec] = std::to_chars(tmp, tmp + sizeof(tmp), v);
        (void)ec;
        m_buf.append(tmp, static_cast<std::size_t>(end - tmp));
        return *this;
    }
    QByteArray bytes() const {
        return QByteArray(m_buf.data(), static_cast<qsizetype>(m_buf.size()));
    }
    std::string& raw() { return m_buf; }

private:
    std::string m_buf;
    int m_decimals;
};

template <typename T> void appendBinary(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}

void writeObj(const Mesh& mesh, const QString& path, const MeshWriteOptions& o) {
    TextOut out(o.decimals);
    const bool uv = mesh.hasUVs();
    const QFileInfo info(path);
    if (!mesh.texturePath.isEmpty()) {
        const QString mtlName = info.completeBaseName() + QStringLiteral(".mtl");
        QString texName = QFileInfo(mesh.texturePath).fileName();
        const QString texTarget = QDir(folderOf(path)).filePath(texName);
        if (absolutePath(mesh.texturePath) != absolutePath(texTarget)) {
            QFile::remove(texTarget);
            if (!QFile::copy(mesh.texturePath, texTarget)) {
                throw IoError(
                    texTarget,
                    QStringLiteral("cannot copy the texture from '%1'").arg(mesh.texturePath));
            }
        }
        const QByteArray mtl = QStringLiteral("newmtl material0\nKa 1 1 1\nKd 1 1 1\nmap_Kd %1\n")
                                   .arg(texName)
                                   .toUtf8();
        writeFileAtomically(QDir(folderOf(path)).filePath(mtlName), mtl);
        out << "mtllib " << mtlName.toStdString() << "\nusemtl material0\n";
    }
    for (Eigen::Index i = 0; i < mesh.vertexCount(); ++i) {
        out << "v ";
        out.num(mesh.vertices(i, 0)) << " ";
        out.num(mesh.vertices(i, 1)) << " ";
        out.num(mesh.vertices(i, 2)) << "\n";
    }
    if (uv) {
        for (Eigen::Index i = 0; i < mesh.uvs.rows(); ++i) {
            out << "vt ";
            out.num(mesh.uvs(i, 0)) << " ";
            out.num(mesh.uvs(i, 1)) << "\n";
        }
    }
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        out << "f";
        for (int k = 0; k < 3; ++k) {
            out << " ";
            out.integer(mesh.triangles(f, k) + 1);
            if (uv) {
                out << "/";
                out.integer(mesh.triangleUVs(f, k) + 1);
            }
        }
        out << "\n";
    }
    writeFileAtomically(path, out.bytes());
}

void writePly(const Mesh& mesh, const QString& path, const MeshWriteOptions& o) {
    TextOut out(o.decimals);
    out << "ply\nformat " << (o.binary ? "binary_little_endian" : "ascii") << " 1.0\n";
    out << "comment written by PAL Studio\n";
    out << "element vertex ";
    out.integer(mesh.vertexCount())
        << "\nproperty double x\nproperty double y\nproperty double z\n";
    out << "element face ";
    out.integer(mesh.triangleCount()) << "\nproperty list uchar int vertex_indices\nend_header\n";
    std::string& raw = out.raw();
    for (Eigen::Index i = 0; i < mesh.vertexCount(); ++i) {
        for (int k = 0; k < 3; ++k) {
            if (o.binary) {
                appendBinary(raw, mesh.vertices(i, k));
            } else {
                out.num(mesh.vertices(i, k)) << (k < 2 ? " " : "\n");
            }
        }
    }
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        if (o.binary) {
            appendBinary(raw, std::uint8_t{3});
            for (int k = 0; k < 3; ++k) {
                appendBinary(raw, mesh.triangles(f, k));
            }
        } else {
            out << "3";
            for (int k = 0; k < 3; ++k) {
                out << " ";
                out.integer(mesh.triangles(f, k));
            }
            out << "\n";
        }
    }
    writeFileAtomically(path, out.bytes());
}

void writeOff(const Mesh& mesh, const QString& path, const MeshWriteOptions& o) {
    TextOut out(o.decimals);
    out << "OFF\n";
    out.integer(mesh.vertexCount()) << " ";
    out.integer(mesh.triangleCount()) << " 0\n";
    for (Eigen::Index i = 0; i < mesh.vertexCount(); ++i) {
        out.num(mesh.vertices(i, 0)) << " ";
        out.num(mesh.vertices(i, 1)) << " ";
        out.num(mesh.vertices(i, 2)) << "\n";
    }
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        out << "3 ";
        out.integer(mesh.triangles(f, 0)) << " ";
        out.integer(mesh.triangles(f, 1)) << " ";
        out.integer(mesh.triangles(f, 2)) << "\n";
    }
    writeFileAtomically(path, out.bytes());
}

// Binary STL (ascii STL is rarely wanted; o.binary is ignored). STL keeps no vertex sharing.
void writeStl(const Mesh& mesh, const QString& path, const MeshWriteOptions& /*o*/) {
    std::string raw(80, '\0');
    const char* header = "PAL Studio binary STL";
    std::memcpy(raw.data(), header, std::strlen(header));
    appendBinary(raw, static_cast<std::uint32_t>(mesh.triangleCount()));
    for (Eigen::Index f = 0; f < mesh.triangleCount(); ++f) {
        const Eigen::Vector3d a = mesh.vertices.row(mesh.triangles(f, 0));
        const Eigen::Vector3d b = mesh.vertices.row(mesh.triangles(f, 1));
        const Eigen::Vector3d c = mesh.vertices.row(mesh.triangles(f, 2));
        const Eigen::Vector3d n = (b - a).cross(c - a).normalized();
        for (const Eigen::Vector3d& v : {n, a, b, c}) {
            for (int k = 0; k < 3; ++k) {
                appendBinary(raw, static_cast<float>(v[k]));
            }
        }
        appendBinary(raw, std::uint16_t{0});
    }
    writeFileAtomically(path, QByteArray(raw.data(), static_cast<qsizetype>(raw.size())));
}

} // namespace

QStringList readableMeshExtensions() {
    QStringList exts = {QStringLiteral("obj"), QStringLiteral("ply"), QStringLiteral("off")};
    exts += assimpExtensions();
    return exts;
}

bool isReadableMeshFile(const QString& path) {
    return readableMeshExtensions().contains(extensionOf(path));
}

namespace {

Mesh readByFormat(const QString& path, Warnings* warnings, const std::atomic<bool>* cancel,
                  int threads) {
    const QString ext = extensionOf(path);
    if (ext == QLatin1String("obj")) {
        return readObj(path, warnings, cancel, threads);
    }
    if (ext == QLatin1String("ply")) {
        return readPly(path, warnings, cancel);
    }
    if (ext == QLatin1String("off")) {
        return readOff(path, warnings);
    }
    if (assimpExtensions().contains(ext)) {
        return readWithAssimp(path, warnings);
    }
    throw FormatError(path, QStringLiteral("unsupported mesh format '.%1' (supported: %2)")
                                .arg(ext, readableMeshExtensions().join(QStringLiteral(", "))));
}

// Many vertices that no triangle uses are the mark of a file cut short in its face section
// (vertices come first): the surface would open with holes and nobody would know why.
void warnUnusedVertices(const Mesh& mesh, const QString& path, Warnings* warnings) {
    if (!warnings || mesh.vertexCount() == 0) {
        return;
    }
    std::vector<bool> used(static_cast<std::size_t>(mesh.vertexCount()), false);
    for (Eigen::Index i = 0; i < mesh.triangles.size(); ++i) {
        used[static_cast<std::size_t>(mesh.triangles.data()[i])] = true;
    }
    const auto unused = std::count(used.begin(), used.end(), false);
    if (unused > 100 && unused * 100 > mesh.vertexCount()) {
        warnings->add(path, QStringLiteral("%1 of %2 vertices belong to no triangle: the file may "
                                           "be cut short, and the surface has holes there")
                                .arg(unused)
                                .arg(mesh.vertexCount()));
    }
}

} // namespace

Mesh readMesh(const QString& path, Warnings* warnings, const std::atomic<bool>* cancel,
              int threads) {
    Mesh mesh = readByFormat(path, warnings, cancel, threads);
    warnUnusedVertices(mesh, path, warnings);
    return mesh;
}

void writeMesh(const Mesh& mesh, const QString& path, const MeshWriteOptions& options) {
    const QString ext = extensionOf(path);
    if (ext == QLatin1String("obj")) {
        writeObj(mesh, path, options);
    } else if (ext == QLatin1String("ply")) {
        writePly(mesh, path, options);
    } else if (ext == QLatin1String("off")) {
        writeOff(mesh, path, options);
    } else if (ext == QLatin1String("stl")) {
        writeStl(mesh, path, options);
    } else {
        throw FormatError(path,
                          QStringLiteral("cannot write mesh format '.%1' (writable: obj, ply, "
                                         "off, stl)")
                              .arg(ext));
    }
}

} // namespace pal
