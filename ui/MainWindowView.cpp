// MainWindow's View menu: the standard views, what the viewport shows, the legend's corner,
// the display settings and the tips bar.

#include "ui/DisplaySettings.h"
#include "ui/MainWindowImpl.h"

#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

namespace pal::ui {

void MainWindow::createViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    const struct {
        StandardView view;
        QString text;
        QKeySequence key;
    } views[] = {
        {StandardView::Front, tr("&Front"), QKeySequence(Qt::Key_1)},
        {StandardView::Left, tr("&Left Side"), QKeySequence(tr("Ctrl+3"))},
        {StandardView::Right, tr("&Right Side"), QKeySequence(Qt::Key_3)},
        {StandardView::Top, tr("&Top"), QKeySequence(Qt::Key_7)},
        {StandardView::Bottom, tr("&Bottom"), QKeySequence(tr("Ctrl+7"))},
    };
    for (const auto& entry : views) {
        QAction* a = view->addAction(entry.text, this,
                                     [this, v = entry.view] { d->viewport->setStandardView(v); });
        a->setShortcut(entry.key); // window-wide: also when the table has the focus
    }
    view->addSeparator();
    auto toggle = [&](const QString& text, bool on) {
        QAction* a = view->addAction(text);
        a->setCheckable(true);
        a->setChecked(on);
        return a;
    };
    d->showLabels = toggle(tr("Landmark &Labels"), true);
    connect(d->showLabels, &QAction::toggled, d->viewport, &ViewportWidget::setLabelsVisible);
    d->showTruth = toggle(tr("&Ground Truth"), true);
    d->showPredicted = toggle(tr("&Prediction"), true);
    d->showErrors = toggle(tr("&Error Lines"), true);
    connect(d->showTruth, &QAction::toggled, this, &MainWindow::refreshViewport);
    connect(d->showPredicted, &QAction::toggled, this, &MainWindow::refreshViewport);
    connect(d->showErrors, &QAction::toggled, d->viewport, &ViewportWidget::setErrorLinesVisible);
    d->showLegend = toggle(tr("Error L&egend"), true);
    connect(d->showLegend, &QAction::toggled, d->viewport, &ViewportWidget::setErrorLegendVisible);
    // Around the model's prediction, the landmark's repeatability (Landmarks table: Tolerance).
    d->showTolerance = toggle(tr("T&olerance Spheres"), false);
    d->showTolerance->setShortcut(QKeySequence(tr("Shift+T")));
    connect(d->showTolerance, &QAction::toggled, d->viewport,
            &ViewportWidget::setToleranceSpheresVisible);
    createLegendCornerMenu(view);
    view->addSeparator();
    view->addAction(tr("&Display Settings..."), this, [this] {
        if (!d->displaySettings) {
            d->displaySettings = new DisplaySettingsDialog(d->viewport, this);
        }
        d->displaySettings->show();
        d->displaySettings->raise();
    });
    d->showBanner = toggle(tr("&Tips Bar"), true);
    connect(d->showBanner, &QAction::toggled, d->bannerBar, &QWidget::setVisible);
}

// View > Error Legend Position: the legend's corner; the standard views frame the face clear
// of it.
void MainWindow::createLegendCornerMenu(QMenu* view) {
    QMenu* corners = view->addMenu(tr("Error Legend &Position"));
    auto* group = new QActionGroup(this);
    const Qt::Corner saved = static_cast<Qt::Corner>(
        QSettings().value(QStringLiteral("view/legendCorner"), int(Qt::BottomRightCorner)).toInt());
    const std::pair<Qt::Corner, QString> entries[] = {
        {Qt::BottomRightCorner, tr("Bottom Right")},
        {Qt::TopRightCorner, tr("Top Right")},
        {Qt::BottomLeftCorner, tr("Bottom Left")},
        {Qt::TopLeftCorner, tr("Top Left")},
    };
    for (const auto& [corner, text] : entries) {
        QAction* a = corners->addAction(text);
        a->setCheckable(true);
        a->setChecked(corner == saved);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, corner = corner] {
            d->viewport->setErrorLegendCorner(corner);
            d->viewport->setStandardView(d->defaultView);
            if (!d->screenshotMode) {
                QSettings().setValue(QStringLiteral("view/legendCorner"), int(corner));
            }
        });
        if (corner == saved) {
            d->viewport->setErrorLegendCorner(corner);
        }
    }
}

} // namespace pal::ui
