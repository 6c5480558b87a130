#pragma once

// Where PAL Studio keeps its per-user files on Linux: the settings in
// ~/.config/palstudio/palstudio.conf (organisation and application name "palstudio"; the
// window shows "PAL Studio") and the crash journal of unsaved edits in
// ~/.local/share/palstudio/journal. Versions up to 0.x used "PAL Studio" for both names, which
// doubled the folders (~/.local/share/PAL Studio/PAL Studio); migrateUserFolders moves what
// they left to the new places once.

#include <QString>

namespace pal::ui {

// Sets the organisation, application and display names. Call right after the QApplication.
void setApplicationNames();

// The journal folder: <generic data location>/palstudio/journal.
QString journalFolder();

// Moves the old settings file and journal entries to the new places when the new ones do not
// exist yet; never overwrites a file. Returns what it moved, one line each ("" when nothing).
QString migrateUserFolders();

} // namespace pal::ui
