#pragma once

#include <QString>
#include <QStringList>

namespace pal {

// Problems that do not stop a read (a texture that is missing, a normal that is ignored).
// Readers append "FILE: problem" lines; the caller decides how to show them.
struct Warnings {
    QStringList messages;
    void add(const QString& file, const QString& problem) {
        messages.append(QStringLiteral("%1: %2").arg(file, problem));
    }
    bool isEmpty() const { return messages.isEmpty(); }
};

} // namespace pal
