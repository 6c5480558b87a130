#pragma once

// A placeholder of the review window: the viewport, a File menu and a status bar. Cases are
// read off the GUI thread and handed to the viewport as values.

#include "ui/ViewportWidget.h"

#include <QMainWindow>
#include <QString>

#include <memory>

namespace pal::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ViewportWidget* viewport() const;

    // The view each opened case is framed from (View > Front by default).
    void setDefaultView(StandardView view);
    StandardView defaultView() const;
    // Landmark labels on or off (View > Landmark Labels).
    void setLabelsVisible(bool visible);

    // In screenshot mode errors go to the status bar (and lastError()) instead of a dialog.
    void setScreenshotMode(bool on);
    bool isLoading() const;
    // The id of the case on screen; empty when none.
    QString caseId() const;
    // "FILE:LINE: problem" of the last failed open; empty after a successful one.
    QString lastError() const;
    // Non-fatal problems of the last open (a missing texture, unreadable landmarks).
    QStringList lastWarnings() const;

public Q_SLOTS:
    // Reads a mesh file or a case folder in a worker thread, then shows it. An open asked for
    // while another runs replaces it.
    void openPath(const QString& path);
    void showOpenFileDialog();
    void showOpenFolderDialog();

Q_SIGNALS:
    // After an open ends: ok is false when it failed (see lastError()).
    void loadFinished(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    static QString earlyBuildText();
    void finishLoad();
    void showError(const QString& message);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::ui
