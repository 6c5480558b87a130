// Wavefront OBJ reader that keeps the file's vertex order and sharing (Assimp does not, see
// docs/stack.md, "Assimp reorders vertices"). Polygons are fan-triangulated. Texture: the map_Kd of
// the first material used, from the first mtllib.

#include "core/io/FileBytes.h"
#include "core/io/TextScan.h"
#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"

#include <QDir>
#include <QFileInfo>

#include <array>

namespace pal {
namespace {

using text::nextToken;
using text::parseNumber;

struct ObjCorner {
    std::int32_t v = -1;
    std::int32_t vt = -1;
    std::int32_t vn = -1;
};

// Resolves a 1-based or negative (relative) OBJ index against count; -1 when out of range.
std::int32_t resolveIndex(long long idx, std::size_t count) {
    long long r = idx > 0 ? idx - 1 : static_cast<long long>(count) + idx;
    if (idx == 0 || r < 0 || r >= static_cast<long long>(count)) {
        return -1;
    }
    return static_cast<std::int32_t>(r);
}

// The texture named by map_Kd for material `wanted` (or the first map_Kd when wanted is empty).
QString textureFromMtl(const QString& mtlPath, const QString& wanted, Warnings* warnings) {
    std::unique_ptr<FileBytes> bytes;
    try {
        bytes = std::make_unique<FileBytes>(mtlPath);
    } catch (const IoError& e) {
        if (warnings) {
            warnings->add(mtlPath, QStringLiteral("material file not found; the mesh is shown "
                                                  "without texture"));
        }
        return {};
    }
    text::LineReader lines(bytes->view());
    std::string_view line;
    QString current;
    QString first;
    while (lines.next(line)) {
        std::string_view rest = line;
        const std::string_view key = nextToken(rest);
        if (key == "newmtl") {
            current = QString::fromUtf8(text::trimmed(rest));
        } else if (key == "map_Kd") {
            // Options (-bm 1 ...) may precede the file name; the name is the last token.
            std::string_view name = text::trimmed(rest);
            while (!name.empty() && name.front() == '-') {
                nextToken(name);
                nextToken(name);
                text::skipSpaces(name);
            }
            // Files written on Windows may name ".\\skin.jpg".
            QString file = QString::fromUtf8(name);
            file.replace(QLatin1Char('\\'), QLatin1Char('/'));
            if (first.isEmpty()) {
                first = file;
            }
            if (!wanted.isEmpty() && current == wanted) {
                return file;
            }
        }
    }
    return first;
}

} // namespace

Mesh readObj(const QString& path, Warnings* warnings, const std::atomic<bool>* cancel) {
    const FileBytes bytes(path);
    const std::string_view head = bytes.view().substr(0, 4096);
    if (const std::size_t nul = head.find('\0'); nul != std::string_view::npos) {
        throw FormatError(path,
                          QStringLiteral("not a text OBJ file (binary data at byte %1)").arg(nul));
    }
    const std::size_t estimate = bytes.size() / 64;
    std::vector<double> v;
    std::vector<double> vt;
    std::vector<double> vn;
    std::vector<std::int32_t> tri;
    std::vector<std::int32_t> triUV;
    std::vector<std::int32_t> cornerNormal; // per vertex: index into vn, -1 when none
    v.reserve(estimate * 3);
    tri.reserve(estimate * 6);
    bool allFacesHaveUV = true;
    QString mtllib;
    QString firstMaterial;

    text::LineReader lines(bytes.view());
    std::string_view line;
    std::vector<ObjCorner> poly;
    while (lines.next(line)) {
        if (cancel && (lines.lineNumber() & 0xffff) == 0 && cancel->load()) {
            throw Cancelled();
        }
        std::string_view rest = line;
        text::skipSpaces(rest);
        if (rest.empty() || rest.front() == '#') {
            continue;
        }
        const std::string_view key = nextToken(rest);
        auto fail = [&](const QString& problem) -> void {
            throw FormatError(path, lines.lineNumber(), problem);
        };
        auto readNumbers = [&](std::vector<double>& out, int count, int optional) {
            for (int i = 0; i < count + optional; ++i) {
                const std::string_view tok = nextToken(rest);
                if (tok.empty()) {
                    if (i < count) {
                        fail(QStringLiteral("expected %1 numbers after '%2', found %3")
                                 .arg(count)
                                 .arg(QString::fromUtf8(key.data(), qsizetype(key.size())))
                                 .arg(i));
                    }
                    return;
                }
                double d = 0;
                if (!parseNumber(tok, d)) {
                    fail(QStringLiteral("expected a number, found %1").arg(detail::quoted(tok)));
                }
                if (i < count) {
                    out.push_back(d);
                }
            }
        };
        if (key == "v") {
            readNumbers(v, 3, 0);
        } else if (key == "vt") {
            readNumbers(vt, 2, 0);
        } else if (key == "vn") {
            readNumbers(vn, 3, 0);
        } else if (key == "f") {
            poly.clear();
            for (std::string_view tok = nextToken(rest); !tok.empty(); tok = nextToken(rest)) {
                ObjCorner c;
                std::array<long long, 3> idx{0, 0, 0};
                for (int part = 0; part < 3 && !tok.empty(); ++part) {
                    const std::size_t slash = tok.find('/');
                    const std::string_view num = tok.substr(0, slash);
                    if (!num.empty() && !parseNumber(num, idx[part])) {
                        fail(QStringLiteral("bad face index %1").arg(detail::quoted(num)));
                    }
                    if (part == 0 && num.empty()) {
                        fail(QStringLiteral("face corner without a vertex index"));
                    }
                    tok = slash == std::string_view::npos ? std::string_view{}
                                                          : tok.substr(slash + 1);
                }
                c.v = resolveIndex(idx[0], v.size() / 3);
                if (c.v < 0) {
                    fail(QStringLiteral("face refers to vertex %1, but %2 vertices are defined "
                                        "before it")
                             .arg(idx[0])
                             .arg(v.size() / 3));
                }
                if (idx[1] != 0) {
                    c.vt = resolveIndex(idx[1], vt.size() / 2);
                    if (c.vt < 0) {
                        fail(QStringLiteral("face refers to texture coordinate %1, but %2 are "
                                            "defined before it")
                                 .arg(idx[1])
                                 .arg(vt.size() / 2));
                    }
                }
                if (idx[2] != 0) {
                    c.vn = resolveIndex(idx[2], vn.size() / 3);
                }
                poly.push_back(c);
            }
            if (poly.size() < 3) {
                fail(QStringLiteral("face with %1 corners (at least 3 needed)").arg(poly.size()));
            }
            for (std::size_t k = 1; k + 1 < poly.size(); ++k) {
                for (const ObjCorner& c : {poly[0], poly[k], poly[k + 1]}) {
                    tri.push_back(c.v);
                    triUV.push_back(c.vt);
                    allFacesHaveUV = allFacesHaveUV && c.vt >= 0;
                    if (c.vn >= 0) {
                        if (cornerNormal.size() < v.size() / 3) {
                            cornerNormal.resize(v.size() / 3, -1);
                        }
                        cornerNormal[static_cast<std::size_t>(c.v)] = c.vn;
                    }
                }
            }
        } else if (key == "mtllib" && mtllib.isEmpty()) {
            mtllib = QString::fromUtf8(text::trimmed(rest));
        } else if (key == "usemtl" && firstMaterial.isEmpty()) {
            firstMaterial = QString::fromUtf8(text::trimmed(rest));
        }
        // o, g, s, l, p and unknown statements carry nothing PAL Studio uses.
    }

    Mesh mesh;
    mesh.sourcePath = path;
    detail::assignVertices(mesh, v);
    detail::assignTriangles(mesh, tri);
    detail::requireFaces(mesh, path);
    if (!vt.empty() && allFacesHaveUV) {
        mesh.uvs = Eigen::Map<const UVs>(vt.data(), static_cast<Eigen::Index>(vt.size() / 2), 2);
        mesh.triangleUVs = Eigen::Map<const Triangles>(triUV.data(), mesh.triangleCount(), 3);
    }
    if (!vn.empty() && cornerNormal.size() == v.size() / 3) {
        std::vector<double> normals(v.size(), 0.0);
        bool complete = true;
        for (std::size_t i = 0; i < cornerNormal.size() && complete; ++i) {
            const std::int32_t n = cornerNormal[i];
            complete = n >= 0;
            for (int k = 0; k < 3 && complete; ++k) {
                normals[i * 3 + k] = vn[static_cast<std::size_t>(n) * 3 + k];
            }
        }
        if (complete) {
            detail::assignNormals(mesh, normals);
        }
    }
    if (!mtllib.isEmpty()) {
        const QDir dir = QFileInfo(path).absoluteDir();
        const QString mtlPath = dir.filePath(mtllib);
        const QString texture = textureFromMtl(mtlPath, firstMaterial, warnings);
        if (!texture.isEmpty()) {
            const QString texPath = QFileInfo(mtlPath).absoluteDir().filePath(texture);
            if (QFileInfo::exists(texPath)) {
                mesh.texturePath = QFileInfo(texPath).absoluteFilePath();
            } else if (warnings) {
                warnings->add(path, QStringLiteral("texture '%1' named by '%2' was not found; "
                                                   "the mesh is shown without texture")
                                        .arg(texture, mtllib));
            }
        }
    }
    return mesh;
}

} // namespace pal
