#include "ui/DisplaySettings.h"

#include "ui/ViewportWidget.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace pal::ui {
namespace {

const QString kRadiusKey = QStringLiteral("view/landmarkRadius");
const QString kLabelKey = QStringLiteral("view/labelSize");
const QString kOpacityKey = QStringLiteral("view/meshOpacity");
constexpr double kDefaultRadius = 1.6;
constexpr int kDefaultLabelSize = 13;
constexpr int kDefaultOpacity = 100;

} // namespace

void applySavedDisplaySettings(ViewportWidget* viewport) {
    const QSettings settings;
    viewport->setLandmarkRadius(
        std::clamp(settings.value(kRadiusKey, kDefaultRadius).toDouble(), 0.5, 5.0));
    viewport->setLabelFontSize(settings.value(kLabelKey, kDefaultLabelSize).toInt());
    viewport->setMeshOpacity(settings.value(kOpacityKey, kDefaultOpacity).toInt() / 100.0);
}

DisplaySettingsDialog::DisplaySettingsDialog(ViewportWidget* viewport, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("DisplaySettings"));
    setWindowTitle(tr("Display Settings"));
    auto* radius = new QDoubleSpinBox;
    radius->setObjectName(QStringLiteral("LandmarkSize"));
    radius->setRange(0.5, 5.0);
    radius->setSingleStep(0.1);
    radius->setDecimals(1);
    radius->setSuffix(tr(" mm"));
    radius->setValue(viewport->landmarkRadius());
    auto* label = new QSpinBox;
    label->setObjectName(QStringLiteral("LabelSize"));
    label->setRange(8, 28);
    label->setSuffix(tr(" px"));
    label->setValue(viewport->labelFontSize());
    auto* opacity = new QSlider(Qt::Horizontal);
    opacity->setObjectName(QStringLiteral("MeshOpacity"));
    opacity->setRange(10, 100);
    opacity->setValue(static_cast<int>(std::lround(viewport->meshOpacity() * 100)));
    opacity->setToolTip(tr("Below 100 %, landmarks behind the surface show through it"));

    connect(radius, &QDoubleSpinBox::valueChanged, viewport, [viewport](double mm) {
        viewport->setLandmarkRadius(mm);
        QSettings().setValue(kRadiusKey, mm);
    });
    connect(label, &QSpinBox::valueChanged, viewport, [viewport](int px) {
        viewport->setLabelFontSize(px);
        QSettings().setValue(kLabelKey, px);
    });
    connect(opacity, &QSlider::valueChanged, viewport, [viewport](int percent) {
        viewport->setMeshOpacity(percent / 100.0);
        QSettings().setValue(kOpacityKey, percent);
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Landmark size:"), radius);
    form->addRow(tr("Label size:"), label);
    form->addRow(tr("Surface opacity:"), opacity);
    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::RestoreDefaults | QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [=] {
        radius->setValue(kDefaultRadius);
        label->setValue(kDefaultLabelSize);
        opacity->setValue(kDefaultOpacity);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace pal::ui
