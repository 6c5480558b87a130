// Object File Format (OFF, COFF, NOFF) reader, ascii. Keeps the file's vertex order.

#include "core/io/FileBytes.h"
#include "core/io/TextScan.h"
#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"

#include <cmath>

namespace pal {

namespace {

// The lines of one OFF file: header, counts, vertex lines, face lines.
class OffParser {
public:
    OffParser(const QString& path, std::string_view text) : m_path(path), m_lines(text) {}

    Mesh parse() {
        readHeader();
        // A vertex line holds at least "x y z" (5 bytes with its end), a face "3 a b c" (7):
        // counts the rest of the file cannot hold are refused before anything is allocated.
        const double rest = double(m_lines.rest().size());
        if (double(m_nv) * 5 + double(m_nf) * 7 > rest + 1) {
            throw FormatError(m_path, m_lines.lineNumber(),
                              QStringLiteral("the header declares %1 vertices and %2 faces, more "
                                             "than the remaining %3 bytes can hold (truncated "
                                             "file or wrong counts?)")
                                  .arg(m_nv)
                                  .arg(m_nf)
                                  .arg(qint64(rest)));
        }
        m_xyz.reserve(m_nv * 3);
        for (std::size_t i = 0; i < m_nv; ++i) {
            readVertex();
        }
        for (std::size_t i = 0; i < m_nf; ++i) {
            readFace();
        }
        return detail::meshFromArrays(m_path, m_xyz, m_tri, m_nxyz);
    }

private:
    // Next non-empty, non-comment line; throws at the end of the file.
    std::string_view nextLine(const char* what) {
        std::string_view line;
        while (m_lines.next(line)) {
            const std::size_t hash = line.find('#');
            std::string_view l = text::trimmed(line.substr(0, hash));
            if (!l.empty()) {
                return l;
            }
        }
        throw FormatError(m_path, QStringLiteral("file ends early: %1 is missing (truncated file?)")
                                      .arg(QLatin1String(what)));
    }

    template <typename T> void number(std::string_view& s, T& out) const {
        const std::string_view tok = text::nextToken(s);
        if (!text::parseNumber(tok, out)) {
            throw FormatError(
                m_path, m_lines.lineNumber(),
                tok.empty()
                    ? QStringLiteral("too few values on the line")
                    : QStringLiteral("expected a number, found %1").arg(detail::quoted(tok)));
        }
    }

    // "OFF", "COFF", "NOFF"... then the vertex and face counts (same line or the next).
    void readHeader() {
        std::string_view l = nextLine("the OFF header");
        const std::string_view head = text::nextToken(l);
        if (head.size() < 3 || head.substr(head.size() - 3) != "OFF") {
            throw FormatError(m_path, 1,
                              QStringLiteral("not an OFF file (it does not start with 'OFF')"));
        }
        m_withNormals = head.find('N') != std::string_view::npos;
        if (text::trimmed(l).empty()) {
            l = nextLine("the vertex and face counts");
        }
        if (!text::parseNumber(text::nextToken(l), m_nv) ||
            !text::parseNumber(text::nextToken(l), m_nf)) {
            throw FormatError(m_path, m_lines.lineNumber(),
                              QStringLiteral("expected vertex and face counts"));
        }
    }

    void readVertex() {
        std::string_view s = nextLine("a vertex");
        double d = 0;
        for (int k = 0; k < 3; ++k) {
            number(s, d);
            if (!std::isfinite(d)) {
                throw FormatError(m_path, m_lines.lineNumber(),
                                  QStringLiteral("vertex coordinate %1 is not finite").arg(k + 1));
            }
            m_xyz.push_back(d);
        }
        if (m_withNormals) {
            for (int k = 0; k < 3; ++k) {
                number(s, d);
                m_nxyz.push_back(d);
            }
        }
    }

    // "n i0 i1 ... i(n-1)", fan-triangulated.
    void readFace() {
        std::string_view s = nextLine("a face");
        std::size_t n = 0;
        number(s, n);
        if (n > s.size() / 2 + 1) { // each index takes a digit and a separator at least
            throw FormatError(
                m_path, m_lines.lineNumber(),
                QStringLiteral("a face of %1 corners does not fit on its line").arg(n));
        }
        std::vector<std::int32_t> poly(n);
        for (std::size_t k = 0; k < n; ++k) {
            long long idx = 0;
            number(s, idx);
            if (idx < 0 || idx >= static_cast<long long>(m_nv)) {
                throw FormatError(
                    m_path, m_lines.lineNumber(),
                    QStringLiteral("face refers to vertex %1, but the file has %2 vertices")
                        .arg(idx)
                        .arg(m_nv));
            }
            poly[k] = static_cast<std::int32_t>(idx);
        }
        for (std::size_t k = 1; k + 1 < n; ++k) {
            m_tri.insert(m_tri.end(), {poly[0], poly[k], poly[k + 1]});
        }
    }

    const QString& m_path;
    text::LineReader m_lines;
    bool m_withNormals = false;
    std::size_t m_nv = 0;
    std::size_t m_nf = 0;
    std::vector<double> m_xyz;
    std::vector<double> m_nxyz;
    std::vector<std::int32_t> m_tri;
};

} // namespace

Mesh readOff(const QString& path, Warnings* warnings) {
    const FileBytes bytes(path);
    return parseOff(bytes.view(), path, warnings);
}

Mesh parseOff(std::string_view text, const QString& path, Warnings* /*warnings*/) {
    if (text.empty()) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    return OffParser(path, text).parse();
}

} // namespace pal
