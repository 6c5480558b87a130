#include "ui/review/LandmarkDisplayState.h"

#include <QStringList>

namespace pal::ui {
namespace {

QString listOf(const std::vector<bool>& flags, bool value) {
    QStringList out;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        if (flags[i] == value) {
            out << QString::number(i);
        }
    }
    return out.join(QLatin1Char(','));
}

// Indices out of range or not numbers are skipped: a settings file from another schema.
std::vector<int> indicesOf(const QString& list, int size) {
    std::vector<int> out;
    for (const QString& part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int i = part.trimmed().toInt(&ok);
        if (ok && i >= 0 && i < size) {
            out.push_back(i);
        }
    }
    return out;
}

} // namespace

LandmarkDisplayState::LandmarkDisplayState(const QString& schemaId, int landmarks, QObject* parent)
    : QObject(parent), m_schemaId(schemaId), m_shown(static_cast<std::size_t>(landmarks), true),
      m_locked(static_cast<std::size_t>(landmarks), false) {}

void LandmarkDisplayState::useSchema(const QString& schemaId, int landmarks) {
    if (schemaId == m_schemaId && landmarks == size()) {
        return;
    }
    m_other[m_schemaId] = {m_shown, m_locked};
    m_schemaId = schemaId;
    const auto n = static_cast<std::size_t>(landmarks);
    const auto it = m_other.find(schemaId);
    if (it != m_other.end() && it->second.first.size() == n) {
        m_shown = it->second.first;
        m_locked = it->second.second;
    } else {
        m_shown.assign(n, true);
        m_locked.assign(n, false);
    }
    for (int i = 0; i < landmarks; ++i) {
        Q_EMIT shownChanged(i, isShown(i));
        Q_EMIT lockedChanged(i, isLocked(i));
    }
}

bool LandmarkDisplayState::isShown(int index) const {
    return index < 0 || index >= size() || m_shown[static_cast<std::size_t>(index)];
}

bool LandmarkDisplayState::isLocked(int index) const {
    return index >= 0 && index < size() && m_locked[static_cast<std::size_t>(index)];
}

void LandmarkDisplayState::setShown(int index, bool shown) {
    if (index < 0 || index >= size() || isShown(index) == shown) {
        return;
    }
    m_shown[static_cast<std::size_t>(index)] = shown;
    Q_EMIT shownChanged(index, shown);
}

void LandmarkDisplayState::setLocked(int index, bool locked) {
    if (index < 0 || index >= size() || isLocked(index) == locked) {
        return;
    }
    m_locked[static_cast<std::size_t>(index)] = locked;
    Q_EMIT lockedChanged(index, locked);
}

QString LandmarkDisplayState::hiddenList() const {
    return listOf(m_shown, false);
}

QString LandmarkDisplayState::lockedList() const {
    return listOf(m_locked, true);
}

QString LandmarkDisplayState::hiddenList(const QString& schemaId) const {
    if (schemaId == m_schemaId) {
        return hiddenList();
    }
    const auto it = m_other.find(schemaId);
    return it == m_other.end() ? QString() : listOf(it->second.first, false);
}

QString LandmarkDisplayState::lockedList(const QString& schemaId) const {
    if (schemaId == m_schemaId) {
        return lockedList();
    }
    const auto it = m_other.find(schemaId);
    return it == m_other.end() ? QString() : listOf(it->second.second, true);
}

void LandmarkDisplayState::setHiddenList(const QString& list) {
    for (const int i : indicesOf(list, size())) {
        setShown(i, false);
    }
}

void LandmarkDisplayState::setLockedList(const QString& list) {
    for (const int i : indicesOf(list, size())) {
        setLocked(i, true);
    }
}

} // namespace pal::ui
