// Wavefront OBJ reader that keeps the file's vertex order and sharing (Assimp does not, see
#include "core/io/NativePath.h"
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
            QString file = pathFromNative(QByteArray(name.data(), qsizetype(name.size())));
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

// The statements of one OBJ file, parsed line by line into flat arrays.
class ObjParser {
public:
    ObjParser(const QString& path, std::string_view text) : m_path(path), m_lines(text) {
        const std::size_t estimate = text.size() / 64;
        m_v.reserve(estimate * 3);
        m_tri.reserve(estimate * 6);
    }

    void parse(const std::atomic<bool>* cancel) {
        std::string_view line;
        while (m_lines.next(line)) {
            if (cancel && (m_lines.lineNumber() & 0xffff) == 0 && cancel->load()) {
                throw Cancelled();
            }
            parseLine(line);
        }
    }

    Mesh mesh(Warnings* warnings) const {
        Mesh mesh = detail::meshFromArrays(m_path, m_v, m_tri, {});
        if (!m_vt.empty() && m_allFacesHaveUV) {
            mesh.uvs =
                Eigen::Map<const UVs>(m_vt.data(), static_cast<Eigen::Index>(m_vt.size() / 2), 2);
            mesh.triangleUVs = Eigen::Map<const Triangles>(m_triUV.data(), mesh.triangleCount(), 3);
        }
        attachNormals(mesh);
        attachTexture(mesh, warnings);
        return mesh;
    }

private:
    [[noreturn]] void fail(const QString& problem) const {
        throw FormatError(m_path, m_lines.lineNumber(), problem);
    }

    void parseLine(std::string_view rest) {
        text::skipSpaces(rest);
        if (rest.empty() || rest.front() == '#') {
            return;
        }
        const std::string_view key = nextToken(rest);
        if (key == "v") {
            readNumbers(rest, key, m_v, 3);
        } else if (key == "vt") {
            readNumbers(rest, key, m_vt, 2);
        } else if (key == "vn") {
            readNumbers(rest, key, m_vn, 3);
        } else if (key == "f") {
            parseFace(rest);
        } else if (key == "mtllib" && m_mtllib.isEmpty()) {
            // File names inside the file are bytes too (core/io/NativePath.h).
            const std::string_view lib = text::trimmed(rest);
            m_mtllib = pathFromNative(QByteArray(lib.data(), qsizetype(lib.size())));
        } else if (key == "usemtl" && m_firstMaterial.isEmpty()) {
            m_firstMaterial = QString::fromUtf8(text::trimmed(rest));
        }
        // o, g, s, l, p and unknown statements carry nothing PAL Studio uses.
    }

    // `count` numbers (more on the line are ignored, e.g. a vertex colour or w).
    void readNumbers(std::string_view& rest, std::string_view key, std::vector<double>& out,
                     int count) const {
        for (int i = 0; i < count; ++i) {
            const std::string_view tok = nextToken(rest);
            if (tok.empty()) {
                fail(QStringLiteral("expected %1 numbers after '%2', found %3")
                         .arg(count)
                         .arg(QString::fromUtf8(key.data(), qsizetype(key.size())))
                         .arg(i));
            }
            double d = 0;
            if (!parseNumber(tok, d)) {
                fail(QStringLiteral("expected a number, found %1").arg(detail::quoted(tok)));
            }
            out.push_back(d);
        }
    }

    // One corner "v", "v/vt", "v//vn" or "v/vt/vn"; indices may be negative (relative).
    ObjCorner parseCorner(std::string_view tok) const {
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
            tok = slash == std::string_view::npos ? std::string_view{} : tok.substr(slash + 1);
        }
        c.v = resolveIndex(idx[0], m_v.size() / 3);
        if (c.v < 0) {
            fail(QStringLiteral("face refers to vertex %1, but %2 vertices are defined before it")
                     .arg(idx[0])
                     .arg(m_v.size() / 3));
        }
        if (idx[1] != 0) {
            c.vt = resolveIndex(idx[1], m_vt.size() / 2);
            if (c.vt < 0) {
                fail(QStringLiteral("face refers to texture coordinate %1, but %2 are defined "
                                    "before it")
                         .arg(idx[1])
                         .arg(m_vt.size() / 2));
            }
        }
        if (idx[2] != 0) {
            c.vn = resolveIndex(idx[2], m_vn.size() / 3);
        }
        return c;
    }

    // A polygon, fan-triangulated.
    void parseFace(std::string_view rest) {
        m_poly.clear();
        for (std::string_view tok = nextToken(rest); !tok.empty(); tok = nextToken(rest)) {
            m_poly.push_back(parseCorner(tok));
        }
        if (m_poly.size() < 3) {
            fail(QStringLiteral("face with %1 corners (at least 3 needed)").arg(m_poly.size()));
        }
        for (std::size_t k = 1; k + 1 < m_poly.size(); ++k) {
            for (const ObjCorner& c : {m_poly[0], m_poly[k], m_poly[k + 1]}) {
                m_tri.push_back(c.v);
                m_triUV.push_back(c.vt);
                m_allFacesHaveUV = m_allFacesHaveUV && c.vt >= 0;
                if (c.vn >= 0) {
                    if (m_cornerNormal.size() < m_v.size() / 3) {
                        m_cornerNormal.resize(m_v.size() / 3, -1);
                    }
                    m_cornerNormal[static_cast<std::size_t>(c.v)] = c.vn;
                }
            }
        }
    }

    // Per-vertex normals when every vertex has one.
    void attachNormals(Mesh& mesh) const {
        if (m_vn.empty() || m_cornerNormal.size() != m_v.size() / 3) {
            return;
        }
        std::vector<double> normals(m_v.size(), 0.0);
        for (std::size_t i = 0; i < m_cornerNormal.size(); ++i) {
            const std::int32_t n = m_cornerNormal[i];
            if (n < 0) {
                return;
            }
            for (int k = 0; k < 3; ++k) {
                normals[i * 3 + k] = m_vn[static_cast<std::size_t>(n) * 3 + k];
            }
        }
        detail::assignNormals(mesh, normals);
    }

    // The map_Kd of the first material, when the file names a material library.
    void attachTexture(Mesh& mesh, Warnings* warnings) const {
        if (m_mtllib.isEmpty()) {
            return;
        }
        const QDir dir(folderOf(m_path));
        const QString mtlPath = dir.filePath(m_mtllib);
        const QString texture = textureFromMtl(mtlPath, m_firstMaterial, warnings);
        if (texture.isEmpty()) {
            return;
        }
        detail::attachTexture(mesh, QDir(folderOf(mtlPath)).filePath(texture),
                              QStringLiteral("'%1' named by '%2'").arg(texture, m_mtllib),
                              warnings);
    }

    const QString& m_path;
    text::LineReader m_lines;
    std::vector<double> m_v;
    std::vector<double> m_vt;
    std::vector<double> m_vn;
    std::vector<std::int32_t> m_tri;
    std::vector<std::int32_t> m_triUV;
    std::vector<std::int32_t> m_cornerNormal; // per vertex: index into vn, -1 when none
    std::vector<ObjCorner> m_poly;
    bool m_allFacesHaveUV = true;
    QString m_mtllib;
    QString m_firstMaterial;
};

} // namespace

Mesh readObj(const QString& path, Warnings* warnings, const std::atomic<bool>* cancel) {
    const FileBytes bytes(path);
    return parseObj(bytes.view(), path, warnings, cancel);
}

Mesh parseObj(std::string_view text, const QString& path, Warnings* warnings,
              const std::atomic<bool>* cancel) {
    const std::string_view head = text.substr(0, 4096);
    if (const std::size_t nul = head.find('\0'); nul != std::string_view::npos) {
        throw FormatError(path,
                          QStringLiteral("not a text OBJ file (binary data at byte %1)").arg(nul));
    }
    ObjParser parser(path, text);
    parser.parse(cancel);
    return parser.mesh(warnings);
}

} // namespace pal
