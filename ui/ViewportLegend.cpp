#include "ui/ViewportLegend.h"
#include "ui/ViewportWidget.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>

#include <vtkColorTransferFunction.h>

#include <algorithm>
#include <cmath>

namespace pal::ui {
namespace {

constexpr double kMaxMillimetres = 6.0; // the bar's top: red from 5 mm on

} // namespace

ViewportLegend::ViewportLegend(vtkRenderer* overlay,
                               vtkSmartPointer<vtkColorTransferFunction> colours)
    : m_sprite(overlay), m_colours(std::move(colours)) {
    m_sprite.setVisible(false);
}

void ViewportLegend::setVisible(bool visible) {
    m_visible = visible;
    m_sprite.setVisible(visible);
}

void ViewportLegend::place(const std::array<double, 4>& box, int textPx) {
    const int w = std::max(1, static_cast<int>(std::lround(box[2] - box[0])));
    const int h = std::max(1, static_cast<int>(std::lround(box[3] - box[1])));
    if (QSize(w, h) != m_drawnSize || textPx != m_drawnTextPx) {
        m_sprite.setImage(draw(w, h, textPx, m_colours));
        m_drawnSize = QSize(w, h);
        m_drawnTextPx = textPx;
    }
    if (box != m_placedBox) { // a frame with the legend where it was changes nothing
        m_sprite.setPieces({{QRect(0, 0, w, h), box[0], box[1]}});
        m_placedBox = box;
    }
}

QImage ViewportLegend::draw(int w, int h, int textPx, vtkColorTransferFunction* colours) {
    QImage image(w, h, QImage::Format_RGBA8888);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    QFont font;
    font.setPixelSize(std::max(4, textPx));
    QFont title = font;
    title.setBold(true);
    const QFontMetrics metrics(font);
    const int shadow = std::max(1, textPx / 12);
    auto text = [&](const QRect& r, int flags, const QString& s, const QFont& f) {
        painter.setFont(f);
        ViewportSprite::drawShadowedText(painter, r, flags, s, shadow);
    };
    // The title on top, the bar below it with the ticks to its right.
    const int titleHeight = metrics.height() + std::max(2, textPx / 2);
    text(QRect(0, 0, w, titleHeight), Qt::AlignLeft | Qt::AlignTop,
         ViewportWidget::tr("error (mm)"), title);
    const int half = metrics.height() / 2;
    const int barTop = titleHeight + half;
    const int barBottom = h - half - 1;
    const int barWidth = std::max(4, std::min(w / 3, textPx * 2));
    if (barBottom <= barTop) {
        return image;
    }
    for (int y = barTop; y <= barBottom; ++y) {
        const double mm = kMaxMillimetres * (barBottom - y) / double(barBottom - barTop);
        double rgb[3];
        colours->GetColor(mm, rgb);
        painter.setPen(QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2])));
        painter.drawLine(0, y, barWidth - 1, y);
    }
    painter.setPen(QColor(0, 0, 0, 160));
    painter.drawRect(0, barTop, barWidth - 1, barBottom - barTop);
    for (int mm = 0; mm <= static_cast<int>(kMaxMillimetres); mm += 2) {
        const int y =
            barBottom - static_cast<int>(std::lround((barBottom - barTop) * mm / kMaxMillimetres));
        const QRect r(barWidth + std::max(2, textPx / 3), y - half, w, metrics.height());
        text(r, Qt::AlignLeft | Qt::AlignVCenter, QString::number(mm), font);
    }
    return image;
}

} // namespace pal::ui
