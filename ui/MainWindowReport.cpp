// File > Print Review Report: the open case's saved review as a printable PDF page, written by
// core/report in a job (the same pages as `palstudio-cli report`); Case > Reviewer Name: who
// the edits and the sign-off on it are recorded under.

#include "core/errors/Error.h"
#include "core/report/ReviewReport.h"
#include "ui/MainWindow.h"
#include "ui/MainWindowImpl.h"
#include "ui/review/Reviewer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

namespace pal::ui {

void MainWindow::showReportDialog() {
    if (!d->session.isOpen()) {
        return;
    }
    if (d->session.isModified()) {
        // The report is what is saved, as the command line's is: never edits that may yet be
        // thrown away.
        const auto answer = QMessageBox::question(
            this, tr("Save before the report?"),
            tr("The report shows the review as it is saved, and %1 has unsaved changes. Save "
               "them first?")
                .arg(d->caseId()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
        if (answer != QMessageBox::Save || !saveReview()) {
            statusBar()->showMessage(tr("No report written"), 8000);
            return;
        }
    }
    const QString suggested = QDir(d->doc().caseInfo().files().folder)
                                  .filePath(d->caseId() + QStringLiteral("-review-report.pdf"));
    // A name typed without .pdf gets it before the dialog asks about replacing a file.
    QFileDialog dialog(this, tr("Print review report"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("PDF (*.pdf)"));
    dialog.setDefaultSuffix(QStringLiteral("pdf"));
    dialog.selectFile(suggested);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return;
    }
    const QString path = dialog.selectedFiles().first();
    writeReport(path);
}

bool MainWindow::writeReport(const QString& pdfPath) {
    if (!d->session.isOpen()) {
        return false;
    }
    if (d->session.isModified()) {
        d->lastError =
            tr("%1: no report written: the case has unsaved changes (save first)").arg(pdfPath);
        showError(d->lastError);
        return false;
    }
    const Case c = d->doc().caseInfo();
    report::ReportOptions options;
    options.generator = QStringLiteral("PAL Studio %1").arg(QCoreApplication::applicationVersion());
    auto job = std::make_unique<TaskJob<bool>>(
        tr("Report on %1").arg(c.id()),
        [c, pdfPath, options](const std::atomic<bool>& cancel, const auto& progress) {
            report::writeReviewReport(
                pdfPath, {c}, options,
                [&](const CaseReport&, int done, int total) { progress(done, total, QString()); },
                &cancel);
            return true;
        });
    auto* raw = job.get();
    connect(raw, &Job::ended, this, [this, raw, pdfPath] {
        const bool ok = raw->state() == Job::State::Finished;
        if (ok) {
            statusBar()->showMessage(tr("Wrote the review report %1").arg(pdfPath), 8000);
        } else if (raw->state() == Job::State::Failed) {
            d->lastError = raw->error();
            showError(d->lastError);
        } else {
            statusBar()->showMessage(tr("No report written (cancelled)"), 8000);
        }
        Q_EMIT reportFinished(ok);
    });
    d->jobs.start(std::move(job));
    return true;
}

void MainWindow::showReviewerNameDialog() {
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Reviewer name"),
        //: %1 the login name, used when no name is set
        tr("Your changes and sign-offs are recorded under this name, in the history and on the "
           "printed report. Leave it empty to use the login name (%1).")
            .arg(loginName()),
        QLineEdit::Normal, configuredReviewerName(), &ok);
    if (!ok) {
        return;
    }
    setReviewerName(name);
    updateSummary();
    //: %1 the reviewer's name
    statusBar()->showMessage(tr("Changes are recorded as %1").arg(reviewerName()), 8000);
}

} // namespace pal::ui
