// Renders a Markdown document into a standalone HTML page with Qt's own Markdown reader (the
// one Help > Manual uses, so the package's manual.html and the window's manual are the same
// text). Pictures stay relative links. Run at build time (packaging/tools/CMakeLists.txt):
//   palstudio_markdown_to_html IN.md OUT.html TITLE

#include <QFile>
#include <QGuiApplication>
#include <QSaveFile>
#include <QTextDocument>

#include <cstdio>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine has no display
    QGuiApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: palstudio_markdown_to_html IN.md OUT.html TITLE\n");
        return 1;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], qPrintable(in.errorString()));
        return 2;
    }
    QTextDocument document;
    document.setMarkdown(QString::fromUtf8(in.readAll()));
    document.setMetaInformation(QTextDocument::DocumentTitle, QString::fromLocal8Bit(argv[3]));
    QSaveFile out(QString::fromLocal8Bit(argv[2]));
    if (!out.open(QIODevice::WriteOnly) || out.write(document.toHtml().toUtf8()) < 0 ||
        !out.commit()) {
        std::fprintf(stderr, "%s: %s\n", argv[2], qPrintable(out.errorString()));
        return 2;
    }
    return 0;
}
