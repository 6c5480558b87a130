#pragma once

// Per-landmark display choices of the review window, as in 3D Slicer's point list: a landmark
// can be hidden (no glyph, label or error line in the view; it cannot be picked) and locked
// (it cannot be dragged or placed; its status can still be set). They are view settings, not
// review data: they are not undo steps, are not written to the review sidecar, and stay the
// same from case to case (a reviewer who hides the ear landmarks wants them hidden in the next
// case too). By landmark index of the schema; each schema keeps its own choices (index 12 of
// LA-FAS-50 is another landmark than index 12 of FaceScape-68).

#include <QObject>
#include <QString>

#include <map>
#include <utility>
#include <vector>

namespace pal::ui {

class LandmarkDisplayState : public QObject {
    Q_OBJECT
public:
    LandmarkDisplayState(const QString& schemaId, int landmarks, QObject* parent = nullptr);

    // Switches to another schema's choices (all shown and unlocked the first time), keeping
    // this one's for when it comes back. Emits shownChanged and lockedChanged for every index.
    void useSchema(const QString& schemaId, int landmarks);
    const QString& schemaId() const { return m_schemaId; }

    int size() const { return static_cast<int>(m_shown.size()); }
    bool isShown(int index) const;
    bool isLocked(int index) const;
    void setShown(int index, bool shown);
    void setLocked(int index, bool locked);

    // The indices hidden / locked, for the settings ("3,17,20"); of the current schema, or of
    // the one named (empty when it was never used).
    QString hiddenList() const;
    QString lockedList() const;
    QString hiddenList(const QString& schemaId) const;
    QString lockedList(const QString& schemaId) const;
    void setHiddenList(const QString& list);
    void setLockedList(const QString& list);

Q_SIGNALS:
    void shownChanged(int index, bool shown);
    void lockedChanged(int index, bool locked);

private:
    QString m_schemaId;
    std::vector<bool> m_shown;
    std::vector<bool> m_locked;
    std::map<QString, std::pair<std::vector<bool>, std::vector<bool>>> m_other; // by schema id
};

} // namespace pal::ui
