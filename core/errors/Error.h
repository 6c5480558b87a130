#pragma once

// Typed errors of the core library. Every error names the file it concerns, the line where
// there is one, and the problem; the application and the CLI catch them at the edge.

#include <QString>

#include <exception>
#include <string>

namespace pal {

class Error : public std::exception {
public:
    Error(QString file, int line, QString problem);
    Error(QString file, QString problem) : Error(std::move(file), 0, std::move(problem)) {}

    const QString& file() const { return m_file; }
    int line() const { return m_line; } // 1-based; 0 when the problem has no line
    const QString& problem() const { return m_problem; }

    // "FILE:LINE: PROBLEM", "FILE: PROBLEM" without a line, "PROBLEM" without a file.
    QString message() const;
    const char* what() const noexcept override { return m_what.c_str(); }

private:
    QString m_file;
    int m_line = 0;
    QString m_problem;
    std::string m_what;
};

// The file could not be opened, read or written.
class IoError : public Error {
    using Error::Error;
};

// The file was read but its content is malformed or unsupported.
class FormatError : public Error {
    using Error::Error;
};

// The content is well formed but not acceptable (wrong landmark count, unknown label, ...).
class ValidationError : public Error {
    using Error::Error;
};

// A long operation stopped because its caller asked it to.
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

// The system's words for an errno value ("No space left on device"), for IoError messages.
QString systemReason(int error);

} // namespace pal
