#pragma once

// The case open for review and what belongs to it alone: its document (landmarks, statuses,
// review state), its undo stack, its crash journal and its files. "Modified" is the undo
// stack's clean state: undoing back to the last save is clean again. No widget here; the
// window asks the questions (recover the journal? keep unsaved edits?) and shows the answers.

#include "core/review/CaseDocument.h"
#include "core/workflow/CaseReview.h"

#include <QObject>
#include <QTimer>
#include <QUndoStack>

namespace pal::ui {

class CaseSession : public QObject {
    Q_OBJECT
public:
    explicit CaseSession(QObject* parent = nullptr);
    // Leaves the journal on disk: a session that ends without a save or a discard (the
    // program is killed, or quits on a crash) is offered back at the next opening.
    ~CaseSession() override;

    CaseDocument& document() { return m_doc; }
    const CaseDocument& document() const { return m_doc; }
    QUndoStack& undoStack() { return m_undo; }

    bool isOpen() const { return m_open; }
    const QString& caseId() const { return m_caseId; }
    bool isModified() const { return m_open && !m_undo.isClean(); }

    // Where unsaved edits are journaled (default: the application's data folder).
    void setJournalFolder(const QString& folder) { m_journalDir = folder; }
    const QString& journalFolder() const { return m_journalDir; }

    // Shows a case read by openCaseForReview (its error must be empty). recoverJournal: apply
    // the journal's unsaved edits (the case is then modified) or delete the journal.
    void open(const CaseForReview& loaded, bool recoverJournal);
    // Writes the review sidecar beside the case (atomic) and clears the journal. Throws
    // pal::Error naming the file; the old sidecar is kept then.
    void save();
    // Forgets the unsaved edits' journal (the user chose to discard them, or closed cleanly).
    void clearJournal();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    // The journal could not be written: edits are not protected against a crash.
    void journalFailed(const QString& message);

private:
    void writeJournal();

    CaseDocument m_doc;
    QUndoStack m_undo;
    QTimer m_journalTimer;
    QString m_journalDir;
    QString m_journalFile;
    QString m_caseId;
    bool m_open = false;
    bool m_sidecarUnreadable = false; // kept aside at the first save, never written over
    bool m_switching = false;         // open() clears the stack: not an undo back to a save
};

} // namespace pal::ui
