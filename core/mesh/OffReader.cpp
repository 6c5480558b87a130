// Object File Format (OFF, COFF, NOFF) reader, ascii. Keeps the file's vertex order.

#include "core/io/FileBytes.h"
#include "core/io/TextScan.h"
#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"

namespace pal {

Mesh readOff(const QString& path, Warnings* /*warnings*/) {
    const FileBytes bytes(path);
    text::LineReader lines(bytes.view());
    std::string_view line;
    // Next non-empty, non-comment line; throws at the end of the file.
    auto nextLine = [&](const char* what) {
        while (lines.next(line)) {
            const std::size_t hash = line.find('#');
            std::string_view l = text::trimmed(line.substr(0, hash));
            if (!l.empty()) {
                return l;
            }
        }
        throw FormatError(path, QStringLiteral("file ends early: %1 is missing (truncated file?)")
                                    .arg(QLatin1String(what)));
    };
    if (bytes.size() == 0) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    std::string_view l = nextLine("the OFF header");
    std::string_view head = text::nextToken(l);
    if (head.size() < 3 || head.substr(head.size() - 3) != "OFF") {
        throw FormatError(path, 1,
                          QStringLiteral("not an OFF file (it does not start with 'OFF')"));
    }
    const bool withNormals = head.find('N') != std::string_view::npos;
    if (text::trimmed(l).empty()) {
        l = nextLine("the vertex and face counts");
    }
    std::size_t nv = 0;
    std::size_t nf = 0;
    if (!text::parseNumber(text::nextToken(l), nv) || !text::parseNumber(text::nextToken(l), nf)) {
        throw FormatError(path, lines.lineNumber(),
                          QStringLiteral("expected vertex and face counts"));
    }
    std::vector<double> xyz;
    std::vector<double> nxyz;
    std::vector<std::int32_t> tri;
    xyz.reserve(nv * 3);
    auto number = [&](std::string_view& s, auto& out) {
        const std::string_view tok = text::nextToken(s);
        if (!text::parseNumber(tok, out)) {
            throw FormatError(
                path, lines.lineNumber(),
                tok.empty()
                    ? QStringLiteral("too few values on the line")
                    : QStringLiteral("expected a number, found %1").arg(detail::quoted(tok)));
        }
    };
    for (std::size_t i = 0; i < nv; ++i) {
        std::string_view s = nextLine("a vertex");
        double d = 0;
        for (int k = 0; k < 3; ++k) {
            number(s, d);
            xyz.push_back(d);
        }
        if (withNormals) {
            for (int k = 0; k < 3; ++k) {
                number(s, d);
                nxyz.push_back(d);
            }
        }
    }
    for (std::size_t i = 0; i < nf; ++i) {
        std::string_view s = nextLine("a face");
        std::size_t n = 0;
        number(s, n);
        std::vector<std::int32_t> poly(n);
        for (std::size_t k = 0; k < n; ++k) {
            long long idx = 0;
            number(s, idx);
            if (idx < 0 || idx >= static_cast<long long>(nv)) {
                throw FormatError(path, lines.lineNumber(),
                                  QStringLiteral("face refers to vertex %1, but the file has %2 "
                                                 "vertices")
                                      .arg(idx)
                                      .arg(nv));
            }
            poly[k] = static_cast<std::int32_t>(idx);
        }
        for (std::size_t k = 1; k + 1 < n; ++k) {
            tri.insert(tri.end(), {poly[0], poly[k], poly[k + 1]});
        }
    }
    Mesh mesh;
    mesh.sourcePath = path;
    detail::assignVertices(mesh, xyz);
    detail::assignTriangles(mesh, tri);
    detail::requireFaces(mesh, path);
    if (!nxyz.empty()) {
        detail::assignNormals(mesh, nxyz);
    }
    return mesh;
}

} // namespace pal
