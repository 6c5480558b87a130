#include "ui/HelpDialogs.h"

#include "core/errors/Error.h"
#include "core/model/ModelBundle.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <vtkVersion.h>

// The manual lives in a resource of this static library: registered explicitly, since the
// linker may drop an object file nothing refers to (outside any namespace, as Qt requires).
static void initHelpResource() {
    Q_INIT_RESOURCE(help);
}

namespace pal::ui {
namespace {

// The help windows' translatable texts (Qt Linguist context "Help").
struct Help {
    Q_DECLARE_TR_FUNCTIONS(Help)
};

// A non-modal help window that deletes itself on close: content above a Close button.
void showHelpWindow(QDialog* dialog, const QString& name, const QString& title, QWidget* content,
                    const QSize& size) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(name);
    dialog->setWindowTitle(title);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(content);
    layout->addWidget(buttons);
    dialog->resize(size);
    dialog->show();
}

} // namespace

void showShortcutSheet(QWidget* window) {
    auto* dialog = new QDialog(window);
    auto* table = new QTableWidget(0, 3, dialog);
    table->setHorizontalHeaderLabels({Help::tr("Key"), Help::tr("Action"), Help::tr("Menu")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    if (auto* main = qobject_cast<QMainWindow*>(window)) {
        for (QAction* menuAction : main->menuBar()->actions()) {
            QMenu* menu = menuAction->menu();
            if (!menu) {
                continue;
            }
            for (QAction* a : menu->actions()) {
                if (a->shortcut().isEmpty()) {
                    continue;
                }
                const int row = table->rowCount();
                table->insertRow(row);
                table->setItem(
                    row, 0, new QTableWidgetItem(a->shortcut().toString(QKeySequence::NativeText)));
                table->setItem(row, 1, new QTableWidgetItem(a->text().remove(QLatin1Char('&'))));
                table->setItem(row, 2,
                               new QTableWidgetItem(menu->title().remove(QLatin1Char('&'))));
            }
        }
    }
    table->resizeColumnsToContents();
    showHelpWindow(dialog, QStringLiteral("ShortcutSheet"), Help::tr("Keyboard Shortcuts"), table,
                   {560, 620});
}

void showManual(QWidget* window) {
    auto* dialog = new QDialog(window);
    initHelpResource();
    auto* text = new QTextBrowser(dialog);
    text->setOpenExternalLinks(true); // web links open in the browser, the manual's own here
    // docs/manual.md, compiled in with its pictures and the documents it links to (formats.md,
    // and landmarks.md and method.md that formats.md links to).
    const QString manual = QStringLiteral(":/help/manual.md");
    if (QFile::exists(manual)) {
        text->setSource(QUrl(QStringLiteral("qrc") + manual), QTextDocument::MarkdownResource);
    } else {
        text->setPlainText(Help::tr("(the manual is missing)"));
    }
    showHelpWindow(dialog, QStringLiteral("Manual"), Help::tr("PAL Studio Manual"), text,
                   {860, 760});
}

QString modelCardHtml(const QString& modelPath) {
    if (modelPath.isEmpty()) {
        return Help::tr("<p>Model: none chosen (Model &gt; Choose Model).</p>");
    }
    const QFileInfo file(modelPath);
    QString html = QStringLiteral("<p><b>%1</b> %2<br>")
                       .arg(Help::tr("Model:"), file.fileName().toHtmlEscaped());
    try {
        const ModelManifest m = readModelManifest(modelPath);
        const QJsonObject& p = m.provenance;
        if (p.contains(QStringLiteral("notice"))) {
            html += QStringLiteral("<b>%1</b><br>")
                        .arg(p.value(QStringLiteral("notice")).toString().toHtmlEscaped());
        }
        html += Help::tr("PAL-Net (%1), patch size %2, %3 landmarks, %4 weights<br>")
                    .arg(m.variant)
                    .arg(m.patchSize)
                    .arg(m.landmarks)
                    .arg(m.weightsDtype);
        html += Help::tr("Made by %1 on %2 from %3 training and %4 validation case(s)")
                    .arg(p.value(QStringLiteral("createdBy")).toString().toHtmlEscaped(),
                         p.value(QStringLiteral("created")).toString().toHtmlEscaped())
                    .arg(p.value(QStringLiteral("trainCases")).toArray().size())
                    .arg(p.value(QStringLiteral("validationCases")).toArray().size());
        if (m.metrics.contains(QStringLiteral("bestValidationLoss"))) {
            html += Help::tr("; best validation loss %1 at epoch %2")
                        .arg(m.metrics.value(QStringLiteral("bestValidationLoss")).toDouble(), 0,
                             'f', 3)
                        .arg(m.metrics.value(QStringLiteral("bestEpoch")).toInt());
        }
        html += QStringLiteral("<br>");
    } catch (const Error& e) {
        html += Help::tr("It cannot be read: %1<br>").arg(e.message().toHtmlEscaped());
    }
    const QString card =
        file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral(".md"));
    if (QFileInfo::exists(card)) {
        html += Help::tr("Model card: <a href=\"%1\">%2</a>")
                    .arg(QUrl::fromLocalFile(card).toString(), card.toHtmlEscaped());
    }
    return html + QStringLiteral("</p>");
}

void showAbout(QWidget* window, const QString& modelPath) {
    const QString text =
        Help::tr(
            "<h3>PAL Studio %1</h3>"
            "<p>Review, correct and predict facial landmarks on 3D face scans with PAL-Net: "
            "the 50 of LA-FAS, the 68 of FaceScape, or a schema of your own.</p>"
            "<p>Qt %2, VTK %3. The PAL-Net engine (LibTorch) is loaded on the first prediction "
            "or training.</p>"
            "%4"
            "<p>The demo dataset and the default model are generated by this project: they are "
            "not measurements of real people and not for clinical use.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 QString::fromLatin1(vtkVersion::GetVTKVersion()), modelCardHtml(modelPath));
    QMessageBox::about(window, Help::tr("About PAL Studio"), text);
}

} // namespace pal::ui
