#include "core/landmarks/LafasFile.h"

#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/TextScan.h"

#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace pal {
namespace {

constexpr int kLafasCount = 50;

QString q(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(std::min<std::size_t>(s.size(), 40)));
}

bool isHeader(std::string_view line) {
    const std::string_view t = text::trimmed(line);
    constexpr std::string_view head = "landmark names";
    if (t.size() < head.size()) {
        return false;
    }
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(t[i])) != head[i]) {
            return false;
        }
    }
    return true;
}

int countDecimals(std::string_view num) {
    const std::size_t dot = num.find('.');
    if (dot == std::string_view::npos) {
        return 0;
    }
    std::size_t i = dot + 1;
    while (i < num.size() && num[i] >= '0' && num[i] <= '9') {
        ++i;
    }
    return static_cast<int>(i - dot - 1);
}

void appendNumber(QByteArray& out, double v, int decimals) {
    char tmp[64];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof(tmp), v, std::chars_format::fixed, decimals);
    (void)ec;
    out.append(tmp, static_cast<qsizetype>(end - tmp));
}

} // namespace

std::vector<int> lafasRowOrder(int count) {
    std::vector<int> numbers(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        numbers[static_cast<std::size_t>(i)] = i + 1;
    }
    std::sort(numbers.begin(), numbers.end(),
              [](int a, int b) { return std::to_string(a) < std::to_string(b); });
    return numbers;
}

LafasLayout LafasLayout::standard(const LandmarkSchema& schema) {
    LafasLayout layout;
    layout.items.push_back({-1, "landmark names\tcoordinates (x, y, z)", Eigen::Vector3d::Zero()});
    for (int number : lafasRowOrder(schema.size())) {
        layout.items.push_back(
            {schema.indexOfNumber(number), QByteArray(), Eigen::Vector3d::Zero()});
    }
    return layout;
}

namespace {

// One landmark row as read, before it is matched to the schema.
struct LafasRow {
    int line;
    std::string_view label;
    bool numeric;
    int number;
    Eigen::Vector3d value;
    std::size_t item; // its place in the layout
};

// The text of a whole file: not empty, not binary; its line ends kept for writing back.
void checkLafasText(std::string_view all, const QString& path, LafasLayout& layout) {
    if (text::trimmed(all).empty()) {
        throw FormatError(path,
                          QStringLiteral("file is empty (expected %1 landmarks)").arg(kLafasCount));
    }
    if (const std::size_t nul = all.find('\0'); nul != std::string_view::npos) {
        throw FormatError(path,
                          QStringLiteral("not a text file (binary data at byte %1)").arg(nul));
    }
    layout.finalEol = all.back() == '\n';
    const std::size_t firstNl = all.find('\n');
    layout.eol = (firstNl != std::string_view::npos && firstNl > 0 && all[firstNl - 1] == '\r')
                     ? QByteArray("\r\n")
                     : QByteArray("\n");
}

// "(x, y, z)" without its parentheses: three finite numbers. The first row sets the layout's
// number format (decimals, separator) for writing back.
Eigen::Vector3d parseCoordinates(std::string_view field, const QString& path, int ln,
                                 LafasLayout& layout, bool& formatSeen) {
    Eigen::Vector3d value;
    int parts = 0;
    std::string_view rest = field;
    while (true) {
        const std::size_t comma = rest.find(',');
        const std::string_view tok = text::trimmed(rest.substr(0, comma));
        if (parts < 3) {
            double d = 0;
            if (!text::parseNumber(tok, d)) {
                throw FormatError(path, ln,
                                  QStringLiteral("coordinate %1 is not a number: '%2'")
                                      .arg(parts + 1)
                                      .arg(q(tok)));
            }
            if (!std::isfinite(d)) {
                throw FormatError(
                    path, ln,
                    QStringLiteral("coordinate %1 is not finite: '%2'").arg(parts + 1).arg(q(tok)));
            }
            value[parts] = d;
            if (!formatSeen) {
                layout.decimals = countDecimals(tok);
            }
        }
        ++parts;
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    if (parts != 3) {
        throw FormatError(path, ln, QStringLiteral("expected 3 coordinates, found %1").arg(parts));
    }
    if (!formatSeen) {
        layout.separator = field.find(", ") != std::string_view::npos ? ", " : ",";
        formatSeen = true;
    }
    return value;
}

// "LABEL<TAB>(x, y, z)"; anything after a second tab is ignored.
LafasRow parseRow(std::string_view line, int ln, const QString& path, LafasLayout& layout,
                  bool& formatSeen) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
        // Before the first row the file may be anything (a link to some other file, say):
        // its text is not repeated in the message, which may end up in a log or a report.
        if (!formatSeen) {
            throw FormatError(path, ln,
                              QStringLiteral("not a landmark row (expected 'LABEL<TAB>(x, y, z)'; "
                                             "is this an LA-FAS landmarks file?)"));
        }
        throw FormatError(
            path, ln, QStringLiteral("expected 'LABEL<TAB>(x, y, z)', found '%1'").arg(q(line)));
    }
    const std::string_view label = text::trimmed(line.substr(0, tab));
    std::string_view field = line.substr(tab + 1);
    field = text::trimmed(field.substr(0, field.find('\t')));
    if (field.empty() || field.front() != '(') {
        throw FormatError(path, ln, QStringLiteral("missing '(' before the coordinates"));
    }
    if (field.back() != ')') {
        throw FormatError(path, ln, QStringLiteral("missing ')' after the coordinates"));
    }
    field = field.substr(1, field.size() - 2);
    const Eigen::Vector3d value = parseCoordinates(field, path, ln, layout, formatSeen);
    int number = 0;
    const bool numeric = text::parseNumber(label, number);
    return {ln, label, numeric, number, value, layout.items.size()};
}

// Rows to landmarks: by their numeric labels, or by position in the LA-FAS row order when
// the labels are names. Every landmark once.
void assignRows(const std::vector<LafasRow>& rows, const QString& path, LafasFile& file) {
    if (static_cast<int>(rows.size()) != kLafasCount) {
        throw ValidationError(
            path,
            QStringLiteral("expected %1 landmarks, found %2").arg(kLafasCount).arg(rows.size()));
    }
    const LandmarkSchema& schema = file.landmarks.schema();
    const bool byLabel = rows.front().numeric;
    const std::vector<int> order = lafasRowOrder(kLafasCount);
    std::map<int, int> seen; // landmark number -> line
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const LafasRow& row = rows[r];
        if (row.numeric != byLabel) {
            throw FormatError(
                path, row.line,
                QStringLiteral("label '%1' breaks the file's labelling: the first row's "
                               "label is %2")
                    .arg(q(row.label),
                         byLabel ? QStringLiteral("a number") : QStringLiteral("not a number")));
        }
        const int number = byLabel ? row.number : order[r];
        const int index = schema.indexOfNumber(number);
        if (index < 0) {
            throw ValidationError(path, row.line,
                                  QStringLiteral("unknown landmark label '%1' (expected 1 to %2)")
                                      .arg(q(row.label))
                                      .arg(kLafasCount));
        }
        if (auto it = seen.find(number); it != seen.end()) {
            throw ValidationError(path, row.line,
                                  QStringLiteral("duplicate landmark label '%1' (first on line %2)")
                                      .arg(q(row.label))
                                      .arg(it->second));
        }
        seen[number] = row.line;
        file.layout.items[row.item].landmark = index;
        Landmark& l = file.landmarks.at(index);
        l.position = row.value;
        l.status = LandmarkStatus::Placed;
        l.provenance.source = path;
    }
}

} // namespace

LafasFile parseLafas(const QByteArray& data, const QString& path) {
    const std::string_view all(data.constData(), static_cast<std::size_t>(data.size()));
    LafasFile file{LandmarkSet(LandmarkSchema::lafas50()), LafasLayout{}};
    LafasLayout& layout = file.layout;
    checkLafasText(all, path, layout);
    std::vector<LafasRow> rows;
    bool formatSeen = false;
    text::LineReader lines(all);
    std::string_view line;
    while (lines.next(line)) {
        LafasLayout::Item item;
        item.text = QByteArray(line.data(), static_cast<qsizetype>(line.size()));
        if (!text::trimmed(line).empty() && !isHeader(line)) {
            rows.push_back(parseRow(line, lines.lineNumber(), path, layout, formatSeen));
            item.value = rows.back().value;
        }
        layout.items.push_back(item);
    }
    assignRows(rows, path, file);
    return file;
}

LafasFile readLafas(const QString& path) {
    const FileBytes bytes(path);
    return parseLafas(bytes.bytes(), path);
}

QByteArray formatLafas(const LandmarkSet& set, const LafasLayout& layout) {
    QByteArray out;
    out.reserve(4096);
    for (std::size_t i = 0; i < layout.items.size(); ++i) {
        const LafasLayout::Item& item = layout.items[i];
        if (item.landmark < 0) {
            out += item.text;
        } else {
            const Landmark& l = set.at(item.landmark);
            const LandmarkDefinition& def = set.schema().at(item.landmark);
            if (!l.isPresent()) {
                throw ValidationError(QString(), QStringLiteral("landmark %1 (%2) is missing; an "
                                                                "LA-FAS file holds all %3")
                                                     .arg(def.number)
                                                     .arg(def.name)
                                                     .arg(set.size()));
            }
            if (!item.text.isEmpty() && l.position == item.value) {
                out += item.text;
            } else {
                out += QByteArray::number(def.number);
                out += "\t(";
                for (int k = 0; k < 3; ++k) {
                    appendNumber(out, l.position[k], layout.decimals);
                    out += k < 2 ? layout.separator : QByteArray(")");
                }
            }
        }
        if (i + 1 < layout.items.size() || layout.finalEol) {
            out += layout.eol;
        }
    }
    return out;
}

void writeLafas(const QString& path, const LandmarkSet& set, const LafasLayout& layout) {
    QByteArray data;
    try {
        data = formatLafas(set, layout);
    } catch (const ValidationError& e) {
        throw ValidationError(path, e.problem());
    }
    writeFileAtomically(path, data);
}

} // namespace pal
