#include "ui/ViewportLabels.h"

#include "ui/ViewportMesh.h"

#include <Eigen/Geometry>

#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>

#include <vtkCamera.h>
#include <vtkMath.h>
#include <vtkPolyData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>

namespace pal::ui {
namespace {

// Gap in logical pixels between a marker's edge and its label.
constexpr double kLabelGap = 4.0;

} // namespace

ViewportLabelLayer::ViewportLabelLayer(vtkRenderer* overlay) : m_sprite(overlay) {}

ViewportLabelLayer::~ViewportLabelLayer() = default;

void ViewportLabelLayer::set(int index, const QString& text, const Eigen::Vector3d& position) {
    if (index < 0) {
        return;
    }
    if (static_cast<std::size_t>(index) >= m_labels.size()) {
        m_labels.resize(static_cast<std::size_t>(index) + 1);
    }
    Label& label = m_labels[static_cast<std::size_t>(index)];
    if (!label.exists || label.text != text) {
        label.exists = true;
        label.text = text;
        m_atlasFontPx = 0; // drawn again
    }
    label.position = position;
    m_stale = true;
}

void ViewportLabelLayer::remove(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_labels.size()) {
        return;
    }
    m_labels[static_cast<std::size_t>(index)] = Label{};
    m_stale = true;
}

void ViewportLabelLayer::clear() {
    m_labels.clear();
    m_stale = true;
}

void ViewportLabelLayer::setVisible(bool visible) {
    m_visible = visible;
    m_stale = true;
    m_sprite.setVisible(visible); // place() draws the pieces of the labels seen
}

int ViewportLabelLayer::visibleCount() const {
    if (!m_visible) {
        return 0;
    }
    return static_cast<int>(std::count_if(m_labels.begin(), m_labels.end(),
                                          [](const Label& l) { return l.exists && l.drawn; }));
}

void ViewportLabelLayer::setFontSize(int pixels) {
    m_fontSize = std::clamp(pixels, 6, 48);
    m_stale = true; // place() draws the atlas at the new size
}

void ViewportLabelLayer::setPriority(int index) {
    if (index != m_priority) {
        m_priority = index;
        m_stale = true;
    }
}

void ViewportLabelLayer::setKeepOut(const double rect[4]) {
    const std::array<double, 4> r = {rect[0], rect[1], rect[2], rect[3]};
    if (r != m_keepOut) {
        m_keepOut = r;
        m_stale = true;
    }
}

std::vector<std::array<double, 4>> ViewportLabelLayer::boxes() const {
    std::vector<std::array<double, 4>> out;
    for (const Label& label : m_labels) {
        const bool drawn = m_visible && label.exists && label.drawn;
        out.push_back(drawn ? label.box : std::array<double, 4>{0, 0, -1, -1});
    }
    return out;
}

// Each label's picture: bold white text with a dark shadow on a translucent dark box, packed
// in rows into one RGBA image (not premultiplied), uploaded as the texture.
void ViewportLabelLayer::rebuildAtlas(int fontPx) {
    QFont font;
    font.setBold(true);
    font.setPixelSize(fontPx);
    const QFontMetrics metrics(font);
    const int pad = std::max(1, fontPx / 6);
    constexpr int kAtlasWidth = 1024;
    int x = 0, y = 0, rowHeight = 0;
    for (Label& label : m_labels) {
        if (!label.exists) {
            continue;
        }
        const int w = std::min(kAtlasWidth, metrics.horizontalAdvance(label.text) + 2 * pad + 1);
        const int h = metrics.height() + 2 * pad;
        if (x + w > kAtlasWidth) {
            x = 0;
            y += rowHeight + 1;
            rowHeight = 0;
        }
        label.sprite = QRect(x, y, w, h);
        x += w + 1;
        rowHeight = std::max(rowHeight, h);
    }
    QImage atlas(kAtlasWidth, std::max(1, y + rowHeight), QImage::Format_RGBA8888);
    atlas.fill(Qt::transparent);
    {
        QPainter painter(&atlas);
        painter.setFont(font);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        for (const Label& label : m_labels) {
            if (label.exists) {
                painter.fillRect(label.sprite, QColor(20, 20, 26, 115));
            }
        }
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        for (const Label& label : m_labels) {
            if (!label.exists) {
                continue;
            }
            ViewportSprite::drawShadowedText(painter,
                                             label.sprite.adjusted(pad, pad, -pad - 1, -pad),
                                             Qt::AlignLeft | Qt::AlignVCenter, label.text);
        }
    }
    m_sprite.setImage(atlas);
    m_atlasFontPx = fontPx;
}

void ViewportLabelLayer::rebuildQuads() {
    std::vector<ViewportSprite::Piece> pieces;
    for (const Label& label : m_labels) {
        if (label.exists && label.drawn) {
            pieces.push_back({label.sprite, label.box[0], label.box[1]});
        }
    }
    m_sprite.setPieces(pieces);
}

// A label can be seen when the line of sight from the camera to a point just above its
// landmark crosses no triangle (the mesh's CPU locator; every label counts as seen until it is
// built), and its landmark is in front of the camera.
std::vector<ViewportLabelLayer::Anchor> ViewportLabelLayer::anchors(vtkRenderer* scene,
                                                                    const ViewportMeshLayer& mesh,
                                                                    double markerRadius) {
    vtkCamera* camera = scene->GetActiveCamera();
    const int viewHeightPx = std::max(1, scene->GetRenderWindow()->GetSize()[1]);
    const bool occlusion = mesh.hasMesh() && mesh.analysisReady() && mesh.opaque();
    const Eigen::Vector3d eye(camera->GetPosition());
    const Eigen::Vector3d projection(camera->GetDirectionOfProjection());
    const bool parallel = camera->GetParallelProjection() != 0;
    const double radius = markerRadius;
    // A landmark a little under the surface (a prediction, a coarse mesh) still counts as seen.
    const double clearance = radius + 1.0;
    vtkPolyData* data = mesh.polyData();
    const double far = occlusion && data != nullptr ? 2 * data->GetLength() + 1 : 0;
    const double tanHalf = std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle() / 2));
    const Eigen::Vector3d screenUp = Eigen::Vector3d(camera->GetViewUp()).normalized();
    const Eigen::Vector3d screenRight = projection.cross(screenUp).normalized();
    std::vector<Anchor> seenLabels;
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        const Label& label = m_labels[i];
        if (!label.exists) {
            continue;
        }
        Eigen::Vector3d toEye = parallel ? Eigen::Vector3d(-projection) : eye - label.position;
        const double distance = toEye.norm();
        bool seen = distance > 0;
        if (seen) {
            toEye /= distance;
        }
        if (seen && occlusion) {
            // Seen when the line of sight reaches the marker's centre or one of four points on
            // its rim (a landmark on a profile, seen edge-on, is partly behind its neighbours).
            const Eigen::Vector3d near = label.position + std::min(clearance, distance) * toEye;
            seen = false;
            for (const Eigen::Vector3d& probe : {near, Eigen::Vector3d(near + radius * screenUp),
                                                 Eigen::Vector3d(near - radius * screenUp),
                                                 Eigen::Vector3d(near + radius * screenRight),
                                                 Eigen::Vector3d(near - radius * screenRight)}) {
                const Eigen::Vector3d from = parallel ? Eigen::Vector3d(probe + far * toEye) : eye;
                if (!mesh.intersect(from, probe, nullptr)) {
                    seen = true;
                    break;
                }
            }
        }
        scene->SetWorldPoint(label.position.x(), label.position.y(), label.position.z(), 1.0);
        scene->WorldToDisplay();
        const double* at = scene->GetDisplayPoint();
        if (!seen || at[2] < 0.0 || at[2] > 1.0) {
            continue;
        }
        const double worldPerPx = parallel ? 2 * camera->GetParallelScale() / viewHeightPx
                                           : 2 * distance * tanHalf / viewHeightPx;
        const double markerPx = std::min(radius / std::max(worldPerPx, 1e-9), 200.0);
        seenLabels.push_back({static_cast<int>(i), at[0], at[1], markerPx});
    }
    return seenLabels;
}

namespace {

using Box = std::array<double, 4>; // x0, y0, x1, y1

bool overlaps(const Box& a, const Box& b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

} // namespace

// Greedy placement, the selected label first, then in landmark order: each label takes the
// first candidate place that overlaps no label placed before it, no other marker, the keep-out
// rectangle and stays inside the view.
void ViewportLabelLayer::arrange(vtkRenderer* scene, const std::vector<Anchor>& seen, double dpr) {
    const int* size = scene->GetRenderWindow()->GetSize();
    std::vector<Anchor> order = seen;
    std::stable_sort(order.begin(), order.end(), [this](const Anchor& a, const Anchor& b) {
        return (a.index == m_priority) > (b.index == m_priority);
    });
    std::vector<Box> taken;
    if (m_keepOut[2] > m_keepOut[0]) {
        taken.push_back(m_keepOut);
    }
    const double gap = kLabelGap * dpr;
    for (Label& label : m_labels) {
        label.drawn = false;
        label.box = {0, 0, -1, -1};
    }
    for (const Anchor& a : order) {
        Label& label = m_labels[static_cast<std::size_t>(a.index)];
        const double w = label.sprite.width();
        const double h = label.sprite.height();
        bool placed = false;
        for (const double reach : {a.markerPx + gap, a.markerPx + gap + h}) {
            // Right, left, above, below, then the four corners.
            const double candidates[8][2] = {
                {a.x + reach, a.y - h / 2},         {a.x - reach - w, a.y - h / 2},
                {a.x - w / 2, a.y + reach},         {a.x - w / 2, a.y - reach - h},
                {a.x + reach, a.y + reach / 2},     {a.x + reach, a.y - reach / 2 - h},
                {a.x - reach - w, a.y + reach / 2}, {a.x - reach - w, a.y - reach / 2 - h}};
            for (const auto& c : candidates) {
                const Box box = {c[0], c[1], c[0] + w, c[1] + h};
                if (box[0] < 0 || box[1] < 0 || box[2] > size[0] || box[3] > size[1]) {
                    continue;
                }
                bool free = std::none_of(taken.begin(), taken.end(),
                                         [&](const Box& t) { return overlaps(box, t); });
                for (std::size_t k = 0; free && k < seen.size(); ++k) {
                    const Anchor& m = seen[k];
                    const double r = m.markerPx;
                    free = m.index == a.index ||
                           !overlaps(box, Box{m.x - r, m.y - r, m.x + r, m.y + r});
                }
                if (free) {
                    label.box = box;
                    placed = true;
                    break;
                }
            }
            if (placed) {
                break;
            }
        }
        if (!placed && a.index == m_priority) { // the selected label shows, wherever
            label.box = {a.x + a.markerPx + gap, a.y - h / 2, a.x + a.markerPx + gap + w,
                         a.y + h / 2};
            placed = true;
        }
        if (placed) {
            taken.push_back(label.box);
            label.drawn = true;
        }
    }
}

void ViewportLabelLayer::place(vtkRenderer* scene, const ViewportMeshLayer& mesh,
                               double markerRadius, double dpr) {
    if (m_labels.empty() || !m_visible) {
        m_sprite.setPieces({});
        return;
    }
    vtkCamera* camera = scene->GetActiveCamera();
    const int* size = scene->GetRenderWindow()->GetSize();
    if (!m_stale && camera->GetMTime() == m_cameraTime && size[0] == m_viewSize[0] &&
        size[1] == m_viewSize[1]) {
        return;
    }
    // The text in render-window pixels: the font size times the pixel ratio (which is below 1
    // while moving at a reduced resolution).
    const int fontPx = std::max(4, static_cast<int>(std::lround(m_fontSize * dpr)));
    if (fontPx != m_atlasFontPx) {
        rebuildAtlas(fontPx);
    }
    arrange(scene, anchors(scene, mesh, markerRadius), dpr);
    rebuildQuads();
    m_stale = false;
    m_cameraTime = camera->GetMTime();
    m_viewSize[0] = size[0];
    m_viewSize[1] = size[1];
}

} // namespace pal::ui
