#include "core/report/MeshRender.h"

#include "core/geometry/MeshOps.h"

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pal::report {

namespace {

constexpr float kNoSurface = -std::numeric_limits<float>::infinity();

// Twice the signed area of (a, b, p): positive when p lies left of a->b in pixel coordinates.
double edge(const Eigen::Vector2d& a, const Eigen::Vector2d& b, const Eigen::Vector2d& p) {
    return (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
}

Eigen::Vector2d pixelOf(const RenderCamera& cam, const Eigen::Vector3d& p) {
    const QPointF q = cam.project(p);
    return {q.x(), q.y()};
}

// Skin tone, as the review window draws an untextured face.
const Eigen::Vector3d kSkin(0.87, 0.78, 0.70);

Eigen::Vector3d texel(const QImage& texture, double u, double v) {
    const int x = std::clamp(static_cast<int>(u * texture.width()), 0, texture.width() - 1);
    // Texture coordinates start at the image's bottom row (OBJ, glTF after Assimp's flip).
    const int y =
        std::clamp(static_cast<int>((1.0 - v) * texture.height()), 0, texture.height() - 1);
    const QRgb c = texture.pixel(x, y);
    return Eigen::Vector3d(qRed(c), qGreen(c), qBlue(c)) / 255.0;
}

} // namespace

QPointF RenderCamera::project(const Eigen::Vector3d& p) const {
    const Eigen::Vector3d d = p - centre;
    return {size.width() / 2.0 + right.dot(d) * pixelsPerMm,
            size.height() / 2.0 - up.dot(d) * pixelsPerMm};
}

double RenderCamera::depth(const Eigen::Vector3d& p) const {
    return toViewer.dot(p - centre);
}

RenderCamera RenderCamera::scaled(double factor) const {
    RenderCamera c = *this;
    c.pixelsPerMm *= factor;
    c.size = QSize(static_cast<int>(std::lround(size.width() * factor)),
                   static_cast<int>(std::lround(size.height() * factor)));
    return c;
}

RenderCamera fitCamera(const std::vector<Eigen::Vector3d>& points, const Eigen::Vector3d& toViewer,
                       const Eigen::Vector3d& up, QSize size, double margin, double minExtentMm) {
    RenderCamera cam;
    cam.size = size;
    cam.toViewer = toViewer.normalized();
    Eigen::Vector3d u = up - up.dot(cam.toViewer) * cam.toViewer;
    if (u.norm() < 1e-9) { // up along the view: any perpendicular will do
        u = cam.toViewer.unitOrthogonal();
    }
    cam.up = u.normalized();
    cam.right = cam.up.cross(cam.toViewer);
    if (points.empty()) {
        return cam;
    }
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX;
    double minY = minX, maxY = -minX;
    double depthSum = 0;
    for (const Eigen::Vector3d& p : points) {
        minX = std::min(minX, cam.right.dot(p));
        maxX = std::max(maxX, cam.right.dot(p));
        minY = std::min(minY, cam.up.dot(p));
        maxY = std::max(maxY, cam.up.dot(p));
        depthSum += cam.toViewer.dot(p);
    }
    cam.centre = cam.right * ((minX + maxX) / 2) + cam.up * ((minY + maxY) / 2) +
                 cam.toViewer * (depthSum / static_cast<double>(points.size()));
    const double usable = 1.0 - 2.0 * margin;
    const double w = std::max({maxX - minX, minExtentMm, 1e-6});
    const double h = std::max({maxY - minY, minExtentMm, 1e-6});
    cam.pixelsPerMm = std::min(size.width() * usable / w, size.height() * usable / h);
    return cam;
}

RenderCamera fitCamera(const Mesh& mesh, const Eigen::Vector3d& toViewer, const Eigen::Vector3d& up,
                       QSize size, double margin) {
    std::vector<Eigen::Vector3d> points(static_cast<std::size_t>(mesh.vertexCount()));
    for (Eigen::Index i = 0; i < mesh.vertexCount(); ++i) {
        points[static_cast<std::size_t>(i)] = mesh.vertices.row(i).transpose();
    }
    return fitCamera(points, toViewer, up, size, margin);
}

double MeshRender::hiddenBy(const Eigen::Vector3d& p) const {
    const QPointF q = depthCamera.project(p);
    const int w = depthCamera.size.width();
    const int h = depthCamera.size.height();
    if (!(q.x() >= 0 && q.y() >= 0 && q.x() < w && q.y() < h)) { // off the image, or NaN
        return std::numeric_limits<double>::infinity();
    }
    const int cx = static_cast<int>(q.x());
    const int cy = static_cast<int>(q.y());
    // The farthest surface around the pixel: a landmark on a silhouette's edge is not hidden.
    float farthest = std::numeric_limits<float>::infinity();
    for (int y = std::max(cy - 1, 0); y <= std::min(cy + 1, h - 1); ++y) {
        for (int x = std::max(cx - 1, 0); x <= std::min(cx + 1, w - 1); ++x) {
            const float d = depth[static_cast<std::size_t>(y) * w + x];
            if (d != kNoSurface) {
                farthest = std::min(farthest, d);
            }
        }
    }
    return std::isinf(farthest) ? 0.0 : std::max(0.0, double(farthest) - depthCamera.depth(p));
}

bool MeshRender::isVisible(const Eigen::Vector3d& p, double toleranceMm) const {
    return hiddenBy(p) <= toleranceMm;
}

MeshRender renderMesh(const Mesh& mesh, const RenderCamera& camera, const QImage& texture,
                      const QColor& background, int supersample) {
    MeshRender out;
    out.camera = camera;
    out.depthCamera = camera.scaled(std::max(supersample, 1));
    const RenderCamera& cam = out.depthCamera;
    const int w = cam.size.width();
    const int h = cam.size.height();
    out.depth.assign(static_cast<std::size_t>(w) * h, kNoSurface);
    std::vector<std::int32_t> owner(out.depth.size(), -1);

    // Every vertex once into pixels and depth.
    const Eigen::Index nv = mesh.vertexCount();
    std::vector<Eigen::Vector2d> px(static_cast<std::size_t>(nv));
    std::vector<double> dz(static_cast<std::size_t>(nv));
    for (Eigen::Index i = 0; i < nv; ++i) {
        const Eigen::Vector3d p = mesh.vertices.row(i).transpose();
        px[static_cast<std::size_t>(i)] = pixelOf(cam, p);
        dz[static_cast<std::size_t>(i)] = cam.depth(p);
    }

    // Visibility: the nearest triangle at each pixel centre.
    for (Eigen::Index t = 0; t < mesh.triangleCount(); ++t) {
        const auto ia = static_cast<std::size_t>(mesh.triangles(t, 0));
        const auto ib = static_cast<std::size_t>(mesh.triangles(t, 1));
        const auto ic = static_cast<std::size_t>(mesh.triangles(t, 2));
        const Eigen::Vector2d &a = px[ia], &b = px[ib], &c = px[ic];
        const double area = edge(a, b, c);
        if (std::abs(area) < 1e-12) {
            continue;
        }
        const int x0 = std::max(0, static_cast<int>(std::floor(std::min({a.x(), b.x(), c.x()}))));
        const int x1 =
            std::min(w - 1, static_cast<int>(std::ceil(std::max({a.x(), b.x(), c.x()}))));
        const int y0 = std::max(0, static_cast<int>(std::floor(std::min({a.y(), b.y(), c.y()}))));
        const int y1 =
            std::min(h - 1, static_cast<int>(std::ceil(std::max({a.y(), b.y(), c.y()}))));
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const Eigen::Vector2d p(x + 0.5, y + 0.5);
                const double w0 = edge(b, c, p) / area;
                const double w1 = edge(c, a, p) / area;
                const double w2 = 1.0 - w0 - w1;
                if (w0 < 0 || w1 < 0 || w2 < 0) {
                    continue;
                }
                const auto z = static_cast<float>(w0 * dz[ia] + w1 * dz[ib] + w2 * dz[ic]);
                const std::size_t k = static_cast<std::size_t>(y) * w + x;
                if (z > out.depth[k]) {
                    out.depth[k] = z;
                    owner[k] = static_cast<std::int32_t>(t);
                }
            }
        }
    }

    // Shading, once per pixel: the triangle's interpolated normal and colour.
    const Vertices normals = mesh.hasNormals() ? mesh.normals : vertexNormals(mesh);
    const bool textured = !texture.isNull() && mesh.hasUVs();
    const QImage tex = textured ? texture.convertToFormat(QImage::Format_RGB32) : QImage();
    const Eigen::Vector3d key = (cam.toViewer + 0.45 * cam.up + 0.25 * cam.right).normalized();
    QImage big(w, h, QImage::Format_RGB32);
    big.fill(background);
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(big.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const std::int32_t t = owner[static_cast<std::size_t>(y) * w + x];
            if (t < 0) {
                continue;
            }
            const int v[3] = {mesh.triangles(t, 0), mesh.triangles(t, 1), mesh.triangles(t, 2)};
            const Eigen::Vector2d &a = px[static_cast<std::size_t>(v[0])],
                                  &b = px[static_cast<std::size_t>(v[1])],
                                  &c = px[static_cast<std::size_t>(v[2])];
            const Eigen::Vector2d p(x + 0.5, y + 0.5);
            const double area = edge(a, b, c);
            const double w0 = edge(b, c, p) / area;
            const double w1 = edge(c, a, p) / area;
            const double w2 = 1.0 - w0 - w1;
            Eigen::Vector3d n = w0 * normals.row(v[0]).transpose() +
                                w1 * normals.row(v[1]).transpose() +
                                w2 * normals.row(v[2]).transpose();
            n = n.norm() > 1e-12 ? n.normalized() : cam.toViewer;
            if (n.dot(cam.toViewer) < 0) { // the back of a face: lit as its front
                n = -n;
            }
            const double light =
                0.22 + 0.58 * std::max(0.0, n.dot(key)) + 0.2 * std::abs(n.dot(cam.toViewer));
            Eigen::Vector3d colour = kSkin;
            if (textured) {
                const Eigen::Vector2d uv = w0 * mesh.uvs.row(mesh.triangleUVs(t, 0)).transpose() +
                                           w1 * mesh.uvs.row(mesh.triangleUVs(t, 1)).transpose() +
                                           w2 * mesh.uvs.row(mesh.triangleUVs(t, 2)).transpose();
                colour = texel(tex, uv.x(), uv.y());
            }
            const Eigen::Vector3d rgb = (colour * std::min(light, 1.0)) * 255.0;
            line[x] = qRgb(static_cast<int>(rgb.x()), static_cast<int>(rgb.y()),
                           static_cast<int>(rgb.z()));
        }
    }
    out.image = w == camera.size.width()
                    ? big
                    : big.scaled(camera.size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return out;
}

} // namespace pal::report
