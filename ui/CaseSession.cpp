#include "ui/CaseSession.h"

#include "core/errors/Error.h"
#include "core/io/NativePath.h"
#include "core/review/ReviewStore.h"
#include "ui/UserFolders.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>

namespace pal::ui {

CaseSession::CaseSession(QObject* parent) : QObject(parent) {
    m_journalDir = journalFolder();
    m_journalTimer.setSingleShot(true);
    m_journalTimer.setInterval(300); // edits reach the journal within a second
    connect(&m_doc, &CaseDocument::changed, &m_journalTimer, qOverload<>(&QTimer::start));
    connect(&m_journalTimer, &QTimer::timeout, this, &CaseSession::writeJournal);
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean && !m_switching) {
            m_doc.markSaved(); // undone back to the saved state
            clearJournal();
        }
        Q_EMIT modifiedChanged(!clean);
    });
}

CaseSession::~CaseSession() {
    m_journalTimer.stop();
    m_undo.disconnect(this); // ~QUndoStack clears itself: not a return to the saved state
}

void CaseSession::open(const CaseForReview& loaded, bool recoverJournal) {
    const bool wasModified = isModified();
    m_journalTimer.stop();
    // Leaving a case is not a return to its saved state: its journal, if any, stays (the
    // window asked before; a discard cleared it explicitly).
    m_switching = true;
    m_undo.clear();
    m_undo.setClean(); // also after a recovered case, whose stack had no clean state
    m_switching = false;
    m_caseId = loaded.caseId;
    m_open = true;
    m_sidecarUnreadable = loaded.sidecarUnreadable;
    m_journalFile = loaded.journalFile;
    m_doc.load(*loaded.source, loaded.groundTruth, loaded.layout, loaded.predicted);
    if (loaded.sidecar) {
        applySnapshot(m_doc, *loaded.sidecar);
    }
    m_doc.markSaved();
    if (loaded.journal && recoverJournal) {
        applySnapshot(m_doc, *loaded.journal);
        m_undo.resetClean(); // unsaved: no undo step leads back to a saved state
    } else if (loaded.journal) {
        QFile::remove(loaded.journalFile);
    }
    m_journalTimer.stop(); // loading is not an edit
    if (wasModified != isModified()) {
        Q_EMIT modifiedChanged(isModified());
    }
}

void CaseSession::save() {
    if (!m_open) {
        return;
    }
    const QString path = sidecarPath(m_doc.caseInfo());
    if (m_sidecarUnreadable && pathExists(path)) {
        // A review that could not be read (damaged, from a newer version, of another schema)
        // is someone's work: it is moved aside, never written over.
        const QString aside =
            path + QStringLiteral(".unreadable-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        if (std::rename(nativePath(path).constData(), nativePath(aside).constData()) != 0) {
            throw IoError(path, QStringLiteral("not saved: the unreadable review could not be "
                                               "kept aside as %1 (%2)")
                                    .arg(aside, systemReason(errno)));
        }
    }
    writeReview(path, snapshotOf(m_doc), m_caseId);
    m_sidecarUnreadable = false;
    m_doc.markSaved();
    if (m_undo.isClean()) {
        clearJournal();
    } else {
        m_undo.setClean(); // clears the journal through cleanChanged
    }
}

void CaseSession::writeJournal() {
    if (!isModified() || m_journalFile.isEmpty()) {
        return;
    }
    try {
        writeReview(m_journalFile, snapshotOf(m_doc), m_caseId);
    } catch (const Error& e) {
        Q_EMIT journalFailed(e.message());
    }
}

void CaseSession::clearJournal() {
    m_journalTimer.stop();
    if (!m_journalFile.isEmpty()) {
        QFile::remove(m_journalFile);
    }
}

} // namespace pal::ui
