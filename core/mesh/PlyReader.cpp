// Stanford PLY reader: ascii, binary little and big endian. Reads the vertex element (x, y, z,
#include "core/io/NativePath.h"
// optional normals and texture coordinates) and the face element (vertex_indices list,
// fan-triangulated); other elements and properties are skipped.

#include "core/io/FileBytes.h"
#include "core/io/TextScan.h"
#include "core/mesh/MeshIO.h"
#include "core/mesh/MeshReaderCommon.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace pal {
namespace {

enum class Type { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float32, Float64 };

bool typeFromName(std::string_view n, Type& t) {
    struct Entry {
        std::string_view name;
        Type type;
    };
    static constexpr Entry table[] = {
        {"char", Type::Int8},      {"int8", Type::Int8},       {"uchar", Type::UInt8},
        {"uint8", Type::UInt8},    {"short", Type::Int16},     {"int16", Type::Int16},
        {"ushort", Type::UInt16},  {"uint16", Type::UInt16},   {"int", Type::Int32},
        {"int32", Type::Int32},    {"uint", Type::UInt32},     {"uint32", Type::UInt32},
        {"float", Type::Float32},  {"float32", Type::Float32}, {"double", Type::Float64},
        {"float64", Type::Float64}};
    for (const Entry& e : table) {
        if (e.name == n) {
            t = e.type;
            return true;
        }
    }
    return false;
}

std::size_t sizeOf(Type t) {
    switch (t) {
    case Type::Int8:
    case Type::UInt8:
        return 1;
    case Type::Int16:
    case Type::UInt16:
        return 2;
    case Type::Int32:
    case Type::UInt32:
    case Type::Float32:
        return 4;
    case Type::Float64:
        return 8;
    }
    return 0;
}

struct Property {
    std::string_view name;
    Type type = Type::Float32;
    bool isList = false;
    Type countType = Type::UInt8;
};

struct Element {
    std::string_view name;
    std::size_t count = 0;
    std::vector<Property> properties;
};

enum class Format { Ascii, BinaryLE, BinaryBE };

template <typename T> T loadAs(const char* p, bool swap) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    if (swap) {
        char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i) {
            std::swap(b[i], b[sizeof(T) - 1 - i]);
        }
        std::memcpy(&v, b, sizeof(T));
    }
    return v;
}

double loadValue(const char* p, Type t, bool swap) {
    switch (t) {
    case Type::Int8:
        return loadAs<std::int8_t>(p, false);
    case Type::UInt8:
        return loadAs<std::uint8_t>(p, false);
    case Type::Int16:
        return loadAs<std::int16_t>(p, swap);
    case Type::UInt16:
        return loadAs<std::uint16_t>(p, swap);
    case Type::Int32:
        return loadAs<std::int32_t>(p, swap);
    case Type::UInt32:
        return loadAs<std::uint32_t>(p, swap);
    case Type::Float32:
        return loadAs<float>(p, swap);
    case Type::Float64:
        return loadAs<double>(p, swap);
    }
    return 0;
}

// Where each property the mesh needs sits in the vertex element; -1 when absent.
struct VertexLayout {
    int x = -1, y = -1, z = -1, nx = -1, ny = -1, nz = -1, u = -1, v = -1;
    void assign(std::string_view n, int i) {
        if (n == "x")
            x = i;
        else if (n == "y")
            y = i;
        else if (n == "z")
            z = i;
        else if (n == "nx")
            nx = i;
        else if (n == "ny")
            ny = i;
        else if (n == "nz")
            nz = i;
        else if (n == "s" || n == "u" || n == "texture_u" || n == "texture_s")
            u = i;
        else if (n == "t" || n == "v" || n == "texture_v" || n == "texture_t")
            v = i;
    }
    bool hasNormals() const { return nx >= 0 && ny >= 0 && nz >= 0; }
    bool hasUV() const { return u >= 0 && v >= 0; }
};

class PlyParser {
public:
    PlyParser(const QString& path, std::string_view data, const std::atomic<bool>* cancel)
        : m_path(path), m_all(data), m_cancel(cancel) {}

    Mesh parse(Warnings* warnings);

private:
    [[noreturn]] void fail(int line, const QString& problem) const {
        throw FormatError(m_path, line, problem);
    }
    void parseHeader();
    // Reads one element instance into values (one per property; lists go to listValues).
    void readAsciiInstance(const Element& e, std::size_t index, std::vector<double>& values,
                           std::vector<double>& list);
    void readBinaryInstance(const Element& e, std::size_t index, std::vector<double>& values,
                            std::vector<double>& list);
    // Where the vertex element keeps x, y, z, normals and UVs; the face element's index list.
    struct ElementRoles {
        VertexLayout layout;
        int faceList = -1;
    };
    ElementRoles rolesOf(const Element& e);
    void checkCountsAgainstSize() const;
    std::size_t listLength(double n, std::size_t maxLength, int line) const;
    void readElement(const Element& e, const ElementRoles& roles);
    void addFace(const Element& e, std::size_t index, int faceList);
    Mesh buildMesh(Warnings* warnings) const;
    [[noreturn]] void truncated(const Element& e, std::size_t index) const {
        throw FormatError(m_path,
                          QStringLiteral("file ends inside element '%1' %2 of %3 (truncated file?)")
                              .arg(QString::fromUtf8(e.name.data(), qsizetype(e.name.size())))
                              .arg(index + 1)
                              .arg(e.count));
    }

    QString m_path;
    std::string_view m_all;
    const std::atomic<bool>* m_cancel = nullptr;
    std::string_view m_body;
    Format m_format = Format::Ascii;
    std::vector<Element> m_elements;
    QString m_texture;
    text::LineReader m_lines{{}};
    int m_headerLines = 0;
    // What the body holds, in flat arrays.
    std::vector<double> m_xyz;
    std::vector<double> m_nxyz;
    std::vector<double> m_uv;
    std::vector<std::int32_t> m_tri;
    std::vector<double> m_values; // one instance: a value per property (a list's is its size)
    std::vector<double> m_list;   // one instance: the values of its list properties, in order
    std::size_t m_vertexCount = 0;
    bool m_sawVertex = false;
};

void PlyParser::parseHeader() {
    text::LineReader lines(m_all);
    std::string_view line;
    if (!lines.next(line) || text::trimmed(line) != "ply") {
        fail(0, QStringLiteral("not a PLY file (it does not start with 'ply')"));
    }
    bool haveFormat = false;
    while (true) {
        if (!lines.next(line)) {
            fail(0, QStringLiteral("header has no 'end_header' line"));
        }
        std::string_view rest = line;
        const std::string_view key = text::nextToken(rest);
        const int ln = lines.lineNumber();
        if (key == "end_header") {
            break;
        }
        if (key == "format") {
            const std::string_view f = text::nextToken(rest);
            if (f == "ascii") {
                m_format = Format::Ascii;
            } else if (f == "binary_little_endian") {
                m_format = Format::BinaryLE;
            } else if (f == "binary_big_endian") {
                m_format = Format::BinaryBE;
            } else {
                fail(ln, QStringLiteral("unknown PLY format %1").arg(detail::quoted(f)));
            }
            haveFormat = true;
        } else if (key == "comment") {
            std::string_view c = rest;
            if (text::nextToken(c) == "TextureFile") {
                const std::string_view file = text::trimmed(c); // bytes, as a file name is
                m_texture = pathFromNative(QByteArray(file.data(), qsizetype(file.size())));
            }
        } else if (key == "element") {
            Element e;
            e.name = text::nextToken(rest);
            if (!text::parseNumber(text::nextToken(rest), e.count)) {
                fail(ln,
                     QStringLiteral("element %1 has no valid count").arg(detail::quoted(e.name)));
            }
            m_elements.push_back(e);
        } else if (key == "property") {
            if (m_elements.empty()) {
                fail(ln, QStringLiteral("property before any element"));
            }
            Property p;
            std::string_view t = text::nextToken(rest);
            if (t == "list") {
                p.isList = true;
                if (!typeFromName(text::nextToken(rest), p.countType)) {
                    fail(ln, QStringLiteral("unknown list count type"));
                }
                t = text::nextToken(rest);
            }
            if (!typeFromName(t, p.type)) {
                fail(ln, QStringLiteral("unknown property type %1").arg(detail::quoted(t)));
            }
            p.name = text::nextToken(rest);
            m_elements.back().properties.push_back(p);
        } else if (key == "obj_info" || key.empty()) {
            continue;
        } else {
            fail(ln, QStringLiteral("unexpected header line %1").arg(detail::quoted(line)));
        }
    }
    if (!haveFormat) {
        fail(0, QStringLiteral("header has no 'format' line"));
    }
    m_headerLines = lines.lineNumber();
    m_body = lines.rest();
    m_lines = text::LineReader(m_body);
}

void PlyParser::readAsciiInstance(const Element& e, std::size_t index, std::vector<double>& values,
                                  std::vector<double>& list) {
    std::string_view line;
    do {
        if (!m_lines.next(line)) {
            truncated(e, index);
        }
    } while (text::trimmed(line).empty());
    const int ln = m_headerLines + m_lines.lineNumber();
    std::string_view rest = line;
    values.clear();
    list.clear();
    auto number = [&]() {
        const std::string_view tok = text::nextToken(rest);
        double d = 0;
        if (tok.empty()) {
            fail(ln, QStringLiteral("too few values for element '%1'")
                         .arg(QString::fromUtf8(e.name.data(), qsizetype(e.name.size()))));
        }
        if (!text::parseNumber(tok, d)) {
            fail(ln, QStringLiteral("expected a number, found %1").arg(detail::quoted(tok)));
        }
        return d;
    };
    for (const Property& p : e.properties) {
        if (p.isList) {
            const std::size_t n = listLength(number(), rest.size() / 2 + 1, ln);
            values.push_back(static_cast<double>(n));
            for (std::size_t i = 0; i < n; ++i) {
                list.push_back(number());
            }
        } else {
            values.push_back(number());
        }
    }
}

void PlyParser::readBinaryInstance(const Element& e, std::size_t index, std::vector<double>& values,
                                   std::vector<double>& list) {
    const bool swap =
        (m_format == Format::BinaryBE) == (std::endian::native == std::endian::little);
    values.clear();
    list.clear();
    for (const Property& p : e.properties) {
        if (p.isList) {
            const std::size_t cs = sizeOf(p.countType);
            if (m_body.size() < cs) {
                truncated(e, index);
            }
            const double n = loadValue(m_body.data(), p.countType, swap);
            m_body.remove_prefix(cs);
            const std::size_t is = sizeOf(p.type);
            // A negative or fractional length is refused; one longer than the rest of the file
            // is a truncated file.
            const std::size_t count = listLength(n, std::numeric_limits<std::uint32_t>::max(), 0);
            if (m_body.size() / is < count) {
                truncated(e, index);
            }
            values.push_back(static_cast<double>(count));
            for (std::size_t i = 0; i < count; ++i) {
                list.push_back(loadValue(m_body.data() + i * is, p.type, swap));
            }
            m_body.remove_prefix(is * count);
        } else {
            const std::size_t s = sizeOf(p.type);
            if (m_body.size() < s) {
                truncated(e, index);
            }
            values.push_back(loadValue(m_body.data(), p.type, swap));
            m_body.remove_prefix(s);
        }
    }
}

PlyParser::ElementRoles PlyParser::rolesOf(const Element& e) {
    const bool isVertex = e.name == "vertex";
    const bool isFace = e.name == "face";
    ElementRoles roles;
    for (std::size_t i = 0; i < e.properties.size(); ++i) {
        if (isVertex) {
            roles.layout.assign(e.properties[i].name, static_cast<int>(i));
        }
        if (isFace && e.properties[i].isList &&
            (e.properties[i].name == "vertex_indices" || e.properties[i].name == "vertex_index")) {
            roles.faceList = static_cast<int>(i);
        }
    }
    if (isVertex) {
        const VertexLayout& layout = roles.layout;
        if (layout.x < 0 || layout.y < 0 || layout.z < 0) {
            fail(0, QStringLiteral("the vertex element has no x, y and z properties"));
        }
        m_sawVertex = true;
        m_vertexCount = e.count;
        m_xyz.reserve(e.count * 3);
        if (layout.hasNormals()) {
            m_nxyz.reserve(e.count * 3);
        }
        if (layout.hasUV()) {
            m_uv.reserve(e.count * 2);
        }
    }
    if (isFace) {
        if (roles.faceList < 0) {
            fail(0, QStringLiteral("the face element has no vertex_indices list"));
        }
        if (!m_sawVertex) {
            fail(0, QStringLiteral("the face element comes before the vertex element"));
        }
        m_tri.reserve(e.count * 3);
    }
    return roles;
}

void PlyParser::readElement(const Element& e, const ElementRoles& roles) {
    const bool isVertex = e.name == "vertex";
    const bool isFace = e.name == "face";
    const VertexLayout& layout = roles.layout;
    for (std::size_t i = 0; i < e.count; ++i) {
        if (m_cancel && (i & 0xffff) == 0 && m_cancel->load()) {
            throw Cancelled();
        }
        if (m_format == Format::Ascii) {
            readAsciiInstance(e, i, m_values, m_list);
        } else {
            readBinaryInstance(e, i, m_values, m_list);
        }
        if (isVertex) {
            for (const int c : {layout.x, layout.y, layout.z}) {
                if (!std::isfinite(m_values[static_cast<std::size_t>(c)])) {
                    fail(0, QStringLiteral("vertex %1 has a coordinate that is not finite").arg(i));
                }
            }
            m_xyz.insert(m_xyz.end(), {m_values[layout.x], m_values[layout.y], m_values[layout.z]});
            if (layout.hasNormals()) {
                m_nxyz.insert(m_nxyz.end(),
                              {m_values[layout.nx], m_values[layout.ny], m_values[layout.nz]});
            }
            if (layout.hasUV()) {
                m_uv.insert(m_uv.end(), {m_values[layout.u], m_values[layout.v]});
            }
        } else if (isFace) {
            addFace(e, i, roles.faceList);
        }
    }
}

// The face's vertex list, fan-triangulated. m_list holds the values of every list property in
// order; the vertex list is the first list unless another list comes before it.
void PlyParser::addFace(const Element& e, std::size_t index, int faceList) {
    std::size_t offset = 0;
    for (int k = 0; k < faceList; ++k) {
        if (e.properties[k].isList) {
            offset += static_cast<std::size_t>(m_values[k]);
        }
    }
    const auto n = static_cast<std::size_t>(m_values[faceList]);
    if (n < 3) {
        fail(0, QStringLiteral("face %1 has %2 corners (at least 3 needed)").arg(index).arg(n));
    }
    for (std::size_t k = 0; k < n; ++k) {
        const double idx = m_list[offset + k];
        if (idx < 0 || idx >= static_cast<double>(m_vertexCount)) {
            fail(0, QStringLiteral("face %1 refers to vertex %2, but the file has %3 vertices")
                        .arg(index)
                        .arg(idx)
                        .arg(m_vertexCount));
        }
    }
    for (std::size_t k = 1; k + 1 < n; ++k) {
        m_tri.insert(m_tri.end(), {static_cast<std::int32_t>(m_list[offset]),
                                   static_cast<std::int32_t>(m_list[offset + k]),
                                   static_cast<std::int32_t>(m_list[offset + k + 1])});
    }
}

Mesh PlyParser::buildMesh(Warnings* warnings) const {
    Mesh mesh = detail::meshFromArrays(m_path, m_xyz, m_tri, m_nxyz);
    if (!m_uv.empty()) {
        mesh.uvs =
            Eigen::Map<const UVs>(m_uv.data(), static_cast<Eigen::Index>(m_uv.size() / 2), 2);
        mesh.triangleUVs = mesh.triangles;
    }
    if (!m_texture.isEmpty()) {
        detail::attachTexture(mesh, QDir(folderOf(m_path)).filePath(m_texture),
                              QStringLiteral("'%1'").arg(m_texture), warnings);
    }
    return mesh;
}

// Every instance takes at least some bytes (binary: its fixed-size properties and each list's
// count; ascii: a number and a separator per property): a header that declares more instances
// than the body can hold is refused before anything is allocated for them.
void PlyParser::checkCountsAgainstSize() const {
    double needed = 0;
    for (const Element& e : m_elements) {
        double perInstance = 0;
        for (const Property& p : e.properties) {
            perInstance +=
                m_format == Format::Ascii ? 2.0 : double(sizeOf(p.isList ? p.countType : p.type));
        }
        needed += double(e.count) * std::max(perInstance, 1.0);
    }
    if (needed > double(m_body.size())) {
        const Element& big =
            *std::max_element(m_elements.begin(), m_elements.end(),
                              [](const Element& a, const Element& b) { return a.count < b.count; });
        fail(0, QStringLiteral("the header declares %1 '%2' elements, more than the file's %3 "
                               "bytes can hold (truncated file or wrong count?)")
                    .arg(big.count)
                    .arg(QString::fromUtf8(big.name.data(), qsizetype(big.name.size())))
                    .arg(m_body.size()));
    }
}

// A list's length as stored: a whole number from 0 to what the rest of the data can hold.
std::size_t PlyParser::listLength(double n, std::size_t maxLength, int line) const {
    if (!(n >= 0) || n != std::floor(n) || n > double(maxLength)) {
        fail(line, QStringLiteral("a list length of %1 is impossible here (at most %2)")
                       .arg(n)
                       .arg(maxLength));
    }
    return static_cast<std::size_t>(n);
}

Mesh PlyParser::parse(Warnings* warnings) {
    parseHeader();
    checkCountsAgainstSize();
    for (const Element& e : m_elements) {
        readElement(e, rolesOf(e));
    }
    if (!m_sawVertex) {
        fail(0, QStringLiteral("the file has no vertex element"));
    }
    return buildMesh(warnings);
}

} // namespace

Mesh readPly(const QString& path, Warnings* warnings, const std::atomic<bool>* cancel) {
    const FileBytes bytes(path);
    return parsePly(bytes.view(), path, warnings, cancel);
}

Mesh parsePly(std::string_view data, const QString& path, Warnings* warnings,
              const std::atomic<bool>* cancel) {
    if (data.empty()) {
        throw FormatError(path, QStringLiteral("file is empty"));
    }
    PlyParser parser(path, data, cancel);
    return parser.parse(warnings);
}

} // namespace pal
