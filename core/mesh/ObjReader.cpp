// Wavefront OBJ reader that keeps the file's vertex order and sharing (Assimp does not, see
// docs/stack.md, "Assimp reorders vertices"). Polygons are fan-triangulated. Texture: the map_Kd of
// the first material used, from the first mtllib. A big file may be parsed in runs of lines on
// several threads, with the same result and messages as one run (parseInParts).

#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"
#include "core/io/TextScan.h"
#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"
#include "core/util/Parallel.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <exception>
#include <optional>

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

// What the statements of an OBJ file (or of a run of its lines) define, in flat arrays. Face
// corners hold indices into the whole file's arrays.
struct ObjData {
    std::vector<double> v;
    std::vector<double> vt;
    std::vector<double> vn;
    std::vector<std::int32_t> tri;
    std::vector<std::int32_t> triUV;
    std::vector<std::int32_t> cornerNormal; // per vertex: index into vn, -1 when none
    bool allFacesHaveUV = true;
    QString mtllib;
    QString firstMaterial;
};

// How many statements of each kind come before a run of lines, and how many lines.
struct ObjCounts {
    std::size_t v = 0;
    std::size_t vt = 0;
    std::size_t vn = 0;
    int lines = 0;
};

// The statements of one OBJ file, or of a run of its lines that starts after `before`,
// parsed line by line into flat arrays.
class ObjParser {
public:
    ObjParser(const QString& path, std::string_view text, ObjCounts before = {})
        : m_path(path), m_lines(text), m_before(before) {
        const std::size_t estimate = text.size() / 64;
        m_d.v.reserve(estimate * 3);
        m_d.tri.reserve(estimate * 6);
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

    ObjData& data() { return m_d; }

private:
    [[noreturn]] void fail(const QString& problem) const {
        throw FormatError(m_path, m_before.lines + m_lines.lineNumber(), problem);
    }

    // Statements of each kind defined so far in the whole file.
    std::size_t vertices() const { return m_before.v + m_d.v.size() / 3; }
    std::size_t uvs() const { return m_before.vt + m_d.vt.size() / 2; }
    std::size_t normals() const { return m_before.vn + m_d.vn.size() / 3; }

    void parseLine(std::string_view rest) {
        text::skipSpaces(rest);
        if (rest.empty() || rest.front() == '#') {
            return;
        }
        const std::string_view key = nextToken(rest);
        if (key == "v") {
            readNumbers(rest, key, m_d.v, 3);
        } else if (key == "vt") {
            readNumbers(rest, key, m_d.vt, 2);
        } else if (key == "vn") {
            readNumbers(rest, key, m_d.vn, 3);
        } else if (key == "f") {
            parseFace(rest);
        } else if (key == "mtllib" && m_d.mtllib.isEmpty()) {
            // File names inside the file are bytes too (core/io/NativePath.h).
            const std::string_view lib = text::trimmed(rest);
            m_d.mtllib = pathFromNative(QByteArray(lib.data(), qsizetype(lib.size())));
        } else if (key == "usemtl" && m_d.firstMaterial.isEmpty()) {
            m_d.firstMaterial = QString::fromUtf8(text::trimmed(rest));
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
        c.v = resolveIndex(idx[0], vertices());
        if (c.v < 0) {
            fail(QStringLiteral("face refers to vertex %1, but %2 vertices are defined before it")
                     .arg(idx[0])
                     .arg(vertices()));
        }
        if (idx[1] != 0) {
            c.vt = resolveIndex(idx[1], uvs());
            if (c.vt < 0) {
                fail(QStringLiteral("face refers to texture coordinate %1, but %2 are defined "
                                    "before it")
                         .arg(idx[1])
                         .arg(uvs()));
            }
        }
        if (idx[2] != 0) {
            c.vn = resolveIndex(idx[2], normals());
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
                m_d.tri.push_back(c.v);
                m_d.triUV.push_back(c.vt);
                m_d.allFacesHaveUV = m_d.allFacesHaveUV && c.vt >= 0;
                if (c.vn >= 0) {
                    if (m_d.cornerNormal.size() < vertices()) {
                        m_d.cornerNormal.resize(vertices(), -1);
                    }
                    m_d.cornerNormal[static_cast<std::size_t>(c.v)] = c.vn;
                }
            }
        }
    }

    const QString& m_path;
    text::LineReader m_lines;
    ObjCounts m_before;
    ObjData m_d;
    std::vector<ObjCorner> m_poly;
};

// Counts the lines of `text` and its v, vt and vn statements (the key as the parser reads it:
// the first token of a line).
ObjCounts countStatements(std::string_view text) {
    ObjCounts n;
    text::LineReader lines(text);
    std::string_view line;
    while (lines.next(line)) {
        text::skipSpaces(line);
        if (line.empty() || line.front() != 'v') {
            continue;
        }
        const std::string_view key = nextToken(line);
        if (key == "v") {
            ++n.v;
        } else if (key == "vt") {
            ++n.vt;
        } else if (key == "vn") {
            ++n.vn;
        }
    }
    n.lines = lines.lineNumber();
    return n;
}

// Appends the arrays of a later run of lines to those of the runs before it.
void append(ObjData& to, ObjData&& from) {
    auto add = [](auto& a, auto& b) { a.insert(a.end(), b.begin(), b.end()); };
    add(to.v, from.v);
    add(to.vt, from.vt);
    add(to.vn, from.vn);
    add(to.tri, from.tri);
    add(to.triUV, from.triUV);
    to.allFacesHaveUV = to.allFacesHaveUV && from.allFacesHaveUV;
    // Later corners name a vertex's normal over earlier ones, as when read in one run.
    if (to.cornerNormal.size() < from.cornerNormal.size()) {
        to.cornerNormal.resize(from.cornerNormal.size(), -1);
    }
    for (std::size_t i = 0; i < from.cornerNormal.size(); ++i) {
        if (from.cornerNormal[i] >= 0) {
            to.cornerNormal[i] = from.cornerNormal[i];
        }
    }
    if (to.mtllib.isEmpty()) {
        to.mtllib = std::move(from.mtllib);
    }
    if (to.firstMaterial.isEmpty()) {
        to.firstMaterial = std::move(from.firstMaterial);
    }
}

// Parses `text` in `parts` runs of whole lines on as many threads: each run first counts its
// statements, then is parsed knowing how many of each kind come before it, so that indices,
// their checks and the line numbers of messages are those of one run over the whole file. The
// first error in the file's order is the one thrown.
ObjData parseInParts(const QString& path, std::string_view text, int parts,
                     const std::atomic<bool>* cancel) {
    std::vector<std::string_view> runs;
    std::size_t begin = 0;
    for (int p = 1; p <= parts && begin < text.size(); ++p) {
        std::size_t end = text.size() * std::size_t(p) / std::size_t(parts);
        end = std::max(end, begin);
        const std::size_t nl = p == parts ? std::string_view::npos : text.find('\n', end);
        end = nl == std::string_view::npos ? text.size() : nl + 1;
        runs.push_back(text.substr(begin, end - begin));
        begin = end;
    }
    std::vector<ObjCounts> counts(runs.size());
    std::vector<std::optional<ObjData>> data(runs.size());
    std::vector<std::exception_ptr> failure(runs.size());
    runParts(runs.size(), [&](std::size_t r) { counts[r] = countStatements(runs[r]); });
    runParts(runs.size(), [&](std::size_t r) {
        ObjCounts before;
        for (std::size_t q = 0; q < r; ++q) {
            before.v += counts[q].v;
            before.vt += counts[q].vt;
            before.vn += counts[q].vn;
            before.lines += counts[q].lines;
        }
        try {
            ObjParser parser(path, runs[r], before);
            parser.parse(cancel);
            data[r] = std::move(parser.data());
        } catch (...) {
            failure[r] = std::current_exception();
        }
    });
    for (const std::exception_ptr& f : failure) {
        if (f) {
            std::rethrow_exception(f); // the earliest run's: the file's first error
        }
    }
    ObjData all = std::move(*data[0]);
    for (std::size_t r = 1; r < data.size(); ++r) {
        append(all, std::move(*data[r]));
    }
    return all;
}

// Per-vertex normals when every vertex has one.
void attachNormals(Mesh& mesh, const ObjData& d) {
    if (d.vn.empty() || d.cornerNormal.size() != d.v.size() / 3) {
        return;
    }
    std::vector<double> normals(d.v.size(), 0.0);
    for (std::size_t i = 0; i < d.cornerNormal.size(); ++i) {
        const std::int32_t n = d.cornerNormal[i];
        if (n < 0) {
            return;
        }
        for (int k = 0; k < 3; ++k) {
            normals[i * 3 + k] = d.vn[static_cast<std::size_t>(n) * 3 + k];
        }
    }
    detail::assignNormals(mesh, normals);
}

// The map_Kd of the first material, when the file names a material library.
void attachTexture(Mesh& mesh, const ObjData& d, const QString& path, Warnings* warnings) {
    if (d.mtllib.isEmpty()) {
        return;
    }
    const QDir dir(folderOf(path));
    const QString mtlPath = dir.filePath(d.mtllib);
    const QString texture = textureFromMtl(mtlPath, d.firstMaterial, warnings);
    if (texture.isEmpty()) {
        return;
    }
    detail::attachTexture(mesh, QDir(folderOf(mtlPath)).filePath(texture),
                          QStringLiteral("'%1' named by '%2'").arg(texture, d.mtllib), warnings);
}

Mesh meshOf(const ObjData& d, const QString& path, Warnings* warnings) {
    Mesh mesh = detail::meshFromArrays(path, d.v, d.tri, {});
    if (!d.vt.empty() && d.allFacesHaveUV) {
        mesh.uvs =
            Eigen::Map<const UVs>(d.vt.data(), static_cast<Eigen::Index>(d.vt.size() / 2), 2);
        mesh.triangleUVs = Eigen::Map<const Triangles>(d.triUV.data(), mesh.triangleCount(), 3);
    }
    attachNormals(mesh, d);
    attachTexture(mesh, d, path, warnings);
    return mesh;
}

} // namespace

Mesh readObj(const QString& path, Warnings* warnings, const std::atomic<bool>* cancel,
             int threads) {
    const FileBytes bytes(path);
    return parseObj(bytes.view(), path, warnings, cancel, threads);
}

Mesh parseObj(std::string_view text, const QString& path, Warnings* warnings,
              const std::atomic<bool>* cancel, int threads) {
    const std::string_view head = text.substr(0, 4096);
    if (const std::size_t nul = head.find('\0'); nul != std::string_view::npos) {
        throw FormatError(path,
                          QStringLiteral("not a text OBJ file (binary data at byte %1)").arg(nul));
    }
    // Runs of at least 1 MB: below that, threads cost more than they save.
    constexpr std::size_t runBytes = std::size_t(1) << 20;
    const int parts =
        int(std::clamp<std::size_t>(text.size() / runBytes, 1, std::size_t(std::max(1, threads))));
    if (parts > 1) {
        return meshOf(parseInParts(path, text, parts, cancel), path, warnings);
    }
    ObjParser parser(path, text);
    parser.parse(cancel);
    return meshOf(parser.data(), path, warnings);
}

} // namespace pal
