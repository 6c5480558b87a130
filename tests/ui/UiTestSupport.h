#pragma once

// Shared by the UI tests: generated meshes, the GL format, pixel checks.

#include "core/mesh/Mesh.h"
#include "ui/ViewportWidget.h"

#include <Eigen/Geometry>

#include <QAbstractButton>
#include <QApplication>
#include <QColor>
#include <QImage>
#include <QMessageBox>
#include <QPointF>
#include <QSurfaceFormat>
#include <QTest>
#include <QTimer>

#include <array>
#include <cmath>
#include <numbers>
#include <set>
#include <vector>

namespace pal::test {

// Answers the modal question box that is open now, or as soon as one opens: button is
// clicked and *asked set. Start it with QTimer::singleShot(0, ...) before the action that asks.
inline void answerModal(QMessageBox::StandardButton button, bool* asked, QString* text = nullptr) {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) {
        QTimer::singleShot(20, [button, asked, text] { answerModal(button, asked, text); });
        return;
    }
    *asked = true;
    if (text) {
        *text = box->text();
    }
    box->button(button)->click();
}

// The same for a box whose buttons have their own words: the button whose text is
// buttonText is clicked with the mouse; *text gets the box's text and informative text.
inline void answerModalWith(const QString& buttonText, bool* asked, QString* text = nullptr) {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) {
        QTimer::singleShot(20,
                           [buttonText, asked, text] { answerModalWith(buttonText, asked, text); });
        return;
    }
    *asked = true;
    if (text) {
        *text = box->text() + QLatin1Char('\n') + box->informativeText();
    }
    for (QAbstractButton* b : box->buttons()) {
        if (b->text() == buttonText) {
            QTest::mouseClick(b, Qt::LeftButton);
            return;
        }
    }
    box->reject(); // no such button: the caller's check fails on what it was told
}

// The format palstudio sets before QApplication (VTK needs OpenGL 3.2 core).
inline void setDefaultGlFormat() {
    ui::ViewportWidget::setDefaultSurfaceFormat();
}

// A UV sphere centred at the origin, poles on Y, with per-corner UVs: u = phi / 2pi where
// phi = 0 points to +Z (the front) and grows toward +X; v = 1 at the top pole. The seam
// (u = 0 and u = 1) runs down the front, so its vertices have two UVs each.
inline Mesh uvSphere(double radius, int rings = 30, int segments = 60) {
    Mesh mesh;
    const int rowVertices = segments;
    const int vertexCount = 2 + (rings - 1) * rowVertices;
    mesh.vertices.resize(vertexCount, 3);
    mesh.uvs.resize((rings + 1) * (segments + 1), 2);
    auto vertexId = [&](int ring, int seg) {
        if (ring == 0) {
            return 0;
        }
        if (ring == rings) {
            return vertexCount - 1;
        }
        return 1 + (ring - 1) * rowVertices + seg % segments;
    };
    auto uvId = [&](int ring, int seg) { return ring * (segments + 1) + seg; };
    for (int ring = 0; ring <= rings; ++ring) {
        const double theta = std::numbers::pi * ring / rings;
        for (int seg = 0; seg <= segments; ++seg) {
            const double phi = 2 * std::numbers::pi * seg / segments;
            mesh.vertices.row(vertexId(ring, seg)) << radius * std::sin(theta) * std::sin(phi),
                radius * std::cos(theta), radius * std::sin(theta) * std::cos(phi);
            mesh.uvs.row(uvId(ring, seg)) << double(seg) / segments, 1.0 - double(ring) / rings;
        }
    }
    std::vector<std::array<int, 6>> faces; // 3 vertices, 3 uvs
    for (int ring = 0; ring < rings; ++ring) {
        for (int seg = 0; seg < segments; ++seg) {
            const int a = vertexId(ring, seg), b = vertexId(ring + 1, seg);
            const int c = vertexId(ring + 1, seg + 1), e = vertexId(ring, seg + 1);
            const int ua = uvId(ring, seg), ub = uvId(ring + 1, seg);
            const int uc = uvId(ring + 1, seg + 1), ue = uvId(ring, seg + 1);
            if (ring != 0) {
                faces.push_back({a, b, e, ua, ub, ue});
            }
            if (ring != rings - 1) {
                faces.push_back({b, c, e, ub, uc, ue});
            }
        }
    }
    mesh.triangles.resize(Eigen::Index(faces.size()), 3);
    mesh.triangleUVs.resize(Eigen::Index(faces.size()), 3);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        auto [a, b, c, ua, ub, uc] = faces[f];
        // Counter-clockwise seen from outside: the normal points away from the centre.
        const Eigen::Vector3d pa = mesh.vertices.row(a), pb = mesh.vertices.row(b),
                              pc = mesh.vertices.row(c);
        if ((pb - pa).cross(pc - pa).dot(pa + pb + pc) < 0) {
            std::swap(b, c);
            std::swap(ub, uc);
        }
        mesh.triangles.row(Eigen::Index(f)) << a, b, c;
        mesh.triangleUVs.row(Eigen::Index(f)) << ua, ub, uc;
    }
    return mesh;
}

// The point of the sphere at longitude phi (0 = front, toward +X) and latitude lat (degrees).
inline Eigen::Vector3d spherePoint(double radius, double phiDeg, double latDeg) {
    const double phi = phiDeg * std::numbers::pi / 180, lat = latDeg * std::numbers::pi / 180;
    return {radius * std::cos(lat) * std::sin(phi), radius * std::sin(lat),
            radius * std::cos(lat) * std::cos(phi)};
}

inline int colourDistance(QColor a, QColor b) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
           std::abs(a.blue() - b.blue());
}

// Magenta-like: red and blue well above green.
inline bool isMagenta(QColor c) {
    return c.red() > c.green() + 70 && c.blue() > c.green() + 70;
}

// Pixels matching pred in the square of half-size r around (x, y).
template <typename Pred> int countAround(const QImage& image, QPointF at, int r, Pred pred) {
    int n = 0;
    for (int y = int(at.y()) - r; y <= int(at.y()) + r; ++y) {
        for (int x = int(at.x()) - r; x <= int(at.x()) + r; ++x) {
            if (image.rect().contains(x, y) && pred(image.pixelColor(x, y))) {
                ++n;
            }
        }
    }
    return n;
}

inline int distinctColours(const QImage& image, int step = 4) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += step) {
        for (int x = 0; x < image.width(); x += step) {
            colours.insert(image.pixel(x, y));
        }
    }
    return int(colours.size());
}

} // namespace pal::test
