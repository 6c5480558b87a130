#pragma once

// Small helpers for the hand-written text readers: line iteration with line numbers and
// number parsing with std::from_chars (locale-independent, no allocation).

#include <charconv>
#include <cstddef>
#include <string_view>
#include <system_error>

namespace pal::text {

inline bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

inline std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (isSpace(s.front()) || s.front() == '\n')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

inline void skipSpaces(std::string_view& s) {
    std::size_t i = 0;
    while (i < s.size() && isSpace(s[i])) {
        ++i;
    }
    s.remove_prefix(i);
}

// The next whitespace-separated token of s (removed from s); empty at the end.
inline std::string_view nextToken(std::string_view& s) {
    skipSpaces(s);
    std::size_t i = 0;
    while (i < s.size() && !isSpace(s[i])) {
        ++i;
    }
    std::string_view tok = s.substr(0, i);
    s.remove_prefix(i);
    return tok;
}

// Parses a whole token as a number. from_chars does not accept a leading '+'.
template <typename T> inline bool parseNumber(std::string_view tok, T& out) {
    if (!tok.empty() && tok.front() == '+') {
        tok.remove_prefix(1);
    }
    if (tok.empty()) {
        return false;
    }
    auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), out);
    return ec == std::errc() && ptr == tok.data() + tok.size();
}

// Iterates the lines of a buffer; handles LF and CRLF (the CR is left for trimming).
class LineReader {
public:
    explicit LineReader(std::string_view data) : m_rest(data) {}
    bool next(std::string_view& line) {
        if (m_rest.empty()) {
            return false;
        }
        const std::size_t nl = m_rest.find('\n');
        if (nl == std::string_view::npos) {
            line = m_rest;
            m_rest = {};
        } else {
            line = m_rest.substr(0, nl);
            m_rest.remove_prefix(nl + 1);
        }
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        ++m_line;
        return true;
    }
    int lineNumber() const { return m_line; }
    std::string_view rest() const { return m_rest; }

private:
    std::string_view m_rest;
    int m_line = 0;
};

} // namespace pal::text
