#include "core/errors/Error.h"

#include <cstring>

namespace pal {

Error::Error(QString file, int line, QString problem)
    : m_file(std::move(file)), m_line(line), m_problem(std::move(problem)) {
    m_what = message().toStdString();
}

QString Error::message() const {
    if (m_file.isEmpty()) {
        return m_problem;
    }
    if (m_line > 0) {
        return QStringLiteral("%1:%2: %3").arg(m_file).arg(m_line).arg(m_problem);
    }
    return QStringLiteral("%1: %2").arg(m_file, m_problem);
}

QString systemReason(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace pal
