#pragma once

// Per-landmark display choices of the review window, as in 3D Slicer's point list: a landmark
// can be hidden (no glyph, label or error line in the view; it cannot be picked) and locked
// (it cannot be dragged or placed; its status can still be set). They are view settings, not
// review data: they are not undo steps, are not written to the review sidecar, and stay the
// same from case to case (a reviewer who hides the ear landmarks wants them hidden in the next
// case too). By landmark index of the schema.

#include <QObject>

#include <vector>

namespace pal::ui {

class LandmarkDisplayState : public QObject {
    Q_OBJECT
public:
    explicit LandmarkDisplayState(int landmarks, QObject* parent = nullptr);

    int size() const { return static_cast<int>(m_shown.size()); }
    bool isShown(int index) const;
    bool isLocked(int index) const;
    void setShown(int index, bool shown);
    void setLocked(int index, bool locked);

    // The indices hidden / locked, for the settings ("3,17,20").
    QString hiddenList() const;
    QString lockedList() const;
    void setHiddenList(const QString& list);
    void setLockedList(const QString& list);

Q_SIGNALS:
    void shownChanged(int index, bool shown);
    void lockedChanged(int index, bool locked);

private:
    std::vector<bool> m_shown;
    std::vector<bool> m_locked;
};

} // namespace pal::ui
