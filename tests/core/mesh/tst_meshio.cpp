#include "core/errors/Error.h"
#include "core/mesh/MeshIO.h"
#include "tests/TestSupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace pal;
using pal::test::dataPath;
using pal::test::writeAll;

namespace {

// A unit cube with quads, vertices listed in a deliberately unusual order.
const char* kCubeObj = "# cube\n"
                       "v 1 1 1\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\n"
                       "v 0 0 1\nv 1 0 1\nv 0 1 1\n"
                       "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n"
                       "g cube\n"
                       "f 2/1 5/2 4/3 3/4\n"
                       "f 6/1 7/2 1/3 8/4\n"
                       "f 2/1 3/2 7/3 6/4\n"
                       "f 5/1 8/2 1/3 4/4\n"
                       "f 2/1 6/2 8/3 5/4\n"
                       "f -8/1 -2/2 -1/3 -6/4\n"; // 1 7 8 3, written with negative indices

Mesh cubeMesh() {
    Mesh m;
    m.vertices.resize(8, 3);
    m.vertices << 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1;
    m.triangles.resize(12, 3);
    m.triangles << 1, 4, 3, 1, 3, 2, 5, 6, 0, 5, 0, 7, 1, 2, 6, 1, 6, 5, 4, 7, 0, 4, 0, 3, 1, 5, 7,
        1, 7, 4, 0, 6, 2, 0, 2, 3;
    return m;
}

} // namespace

class TestMeshIO : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void objKeepsFileVertexOrderAndTriangulatesQuads() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cube.obj"));
        writeAll(path, kCubeObj);
        const Mesh m = readObj(path);
        QCOMPARE(m.vertexCount(), Eigen::Index(8));
        QCOMPARE(m.triangleCount(), Eigen::Index(12));
        QCOMPARE(m.vertices.row(0), Eigen::RowVector3d(1, 1, 1));
        QCOMPARE(m.vertices.row(7), Eigen::RowVector3d(0, 1, 1));
        QCOMPARE(m.triangles.row(0), (Eigen::Matrix<std::int32_t, 1, 3>(1, 4, 3)));
        QCOMPARE(m.triangles.row(1), (Eigen::Matrix<std::int32_t, 1, 3>(1, 3, 2)));
        // Negative indices count back from the last vertex defined: -8 is the first.
        QCOMPARE(m.triangles.row(10), (Eigen::Matrix<std::int32_t, 1, 3>(0, 6, 7)));
        QCOMPARE(m.triangles.row(11), (Eigen::Matrix<std::int32_t, 1, 3>(0, 7, 2)));
        QVERIFY(m.hasUVs());
        QCOMPARE(m.uvs.rows(), Eigen::Index(4));
        QCOMPARE(m.triangleUVs.row(1), (Eigen::Matrix<std::int32_t, 1, 3>(0, 2, 3)));
        QCOMPARE(m.bounds().min, Eigen::Vector3d(0, 0, 0));
        QCOMPARE(m.bounds().max, Eigen::Vector3d(1, 1, 1));
    }

    void objTextureIsResolvedBesideTheMtl() {
        QTemporaryDir dir;
        // The reader only resolves the path; the image is decoded by the viewer.
        writeAll(dir.filePath(QStringLiteral("skin.png")), "not decoded here");
        writeAll(dir.filePath(QStringLiteral("face.mtl")),
                 "newmtl a\nmap_Kd other.png\nnewmtl b\nmap_Kd -bm 1 skin.png\n");
        writeAll(dir.filePath(QStringLiteral("face.obj")),
                 "mtllib face.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nusemtl b\nf "
                 "1/1 2/2 3/3\n");
        Warnings w;
        const Mesh m = readMesh(dir.filePath(QStringLiteral("face.obj")), &w);
        QCOMPARE(m.texturePath,
                 QFileInfo(dir.filePath(QStringLiteral("skin.png"))).absoluteFilePath());
        QVERIFY(w.isEmpty());
    }

    // A texture that is not there: the mesh is still read, with a warning naming the files.
    void aMissingTextureIsAWarning() {
        QTemporaryDir dir;
        writeAll(dir.filePath(QStringLiteral("face.mtl")), "newmtl a\nmap_Kd gone.png\n");
        const QString obj = dir.filePath(QStringLiteral("face.obj"));
        writeAll(obj, "mtllib face.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl a\nf 1 2 3\n");
        Warnings w;
        QVERIFY(readMesh(obj, &w).texturePath.isEmpty());
        QCOMPARE(w.messages, QStringList{obj + QStringLiteral(": texture 'gone.png' named by "
                                                              "'face.mtl' was not found; the "
                                                              "mesh is shown without texture")});
        const QString ply = dir.filePath(QStringLiteral("face.ply"));
        writeAll(ply, "ply\nformat ascii 1.0\ncomment TextureFile gone.png\nelement vertex 3\n"
                      "property float x\nproperty float y\nproperty float z\nelement face 1\n"
                      "property list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n"
                      "3 0 1 2\n");
        Warnings wp;
        QVERIFY(readMesh(ply, &wp).texturePath.isEmpty());
        QCOMPARE(wp.messages, QStringList{ply + QStringLiteral(": texture 'gone.png' was not "
                                                               "found; the mesh is shown without "
                                                               "texture")});
    }

    // A file cut short in its face section: read, with a warning that says so.
    void aMeshCutInItsFacesIsAWarning() {
        QTemporaryDir dir;
        QByteArray obj;
        for (int i = 0; i < 400; ++i) {
            obj +=
                QByteArray("v ") + QByteArray::number(i) + " " + QByteArray::number(i % 7) + " 0\n";
        }
        for (int i = 0; i + 2 < 100; ++i) { // only the first hundred vertices made it
            obj += QByteArray("f ") + QByteArray::number(i + 1) + " " + QByteArray::number(i + 2) +
                   " " + QByteArray::number(i + 3) + "\n";
        }
        const QString path = dir.filePath(QStringLiteral("cut.obj"));
        writeAll(path, obj);
        Warnings w;
        const Mesh m = readMesh(path, &w);
        QCOMPARE(m.vertexCount(), Eigen::Index(400));
        QCOMPARE(w.messages,
                 QStringList{path + QStringLiteral(": 300 of 400 vertices belong to no triangle: "
                                                   "the file may be cut short, and the surface "
                                                   "has holes there")});
        Warnings none; // a whole mesh says nothing
        readMesh(dataPath(QStringLiteral("mesh/tetra_binary.ply")), &none);
        QVERIFY(none.isEmpty());
    }

    void binaryPlyIsRead() {
        const Mesh m = readMesh(dataPath(QStringLiteral("mesh/tetra_binary.ply")));
        QCOMPARE(m.vertexCount(), Eigen::Index(4));
        QCOMPARE(m.triangleCount(), Eigen::Index(4));
        QCOMPARE(m.vertices.row(3), Eigen::RowVector3d(0, 0, 1));
        QCOMPARE(m.triangles.row(0), (Eigen::Matrix<std::int32_t, 1, 3>(0, 2, 1)));
        QCOMPARE(m.triangles.row(3), (Eigen::Matrix<std::int32_t, 1, 3>(1, 2, 3)));
    }

    void asciiPlyWithNormalsAndExtraElements() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("quad.ply"));
        writeAll(path,
                 "ply\nformat ascii 1.0\ncomment made by hand\nelement vertex 4\n"
                 "property double x\nproperty double y\nproperty double z\n"
                 "property float nx\nproperty float ny\nproperty float nz\n"
                 "property uchar red\n"
                 "element face 1\nproperty uchar flags\nproperty list uchar int vertex_indices\n"
                 "element edge 1\nproperty int vertex1\nproperty int vertex2\nend_header\n"
                 "0 0 0 0 0 1 255\n1 0 0 0 0 1 255\n1 1 0 0 0 1 255\n0 1 0 0 0 1 255\n"
                 "7 4 0 1 2 3\n0 1\n");
        const Mesh m = readMesh(path);
        QCOMPARE(m.triangleCount(), Eigen::Index(2));
        QVERIFY(m.hasNormals());
        QCOMPARE(m.normals.row(2), Eigen::RowVector3d(0, 0, 1));
        QCOMPARE(m.triangles.row(1), (Eigen::Matrix<std::int32_t, 1, 3>(0, 2, 3)));
    }

    void writeThenReadRoundTrips_data() {
        QTest::addColumn<QString>("ext");
        QTest::addColumn<bool>("binary");
        QTest::newRow("obj") << QStringLiteral("obj") << false;
        QTest::newRow("ply binary") << QStringLiteral("ply") << true;
        QTest::newRow("ply ascii") << QStringLiteral("ply") << false;
        QTest::newRow("off") << QStringLiteral("off") << false;
    }
    void writeThenReadRoundTrips() {
        QFETCH(QString, ext);
        QFETCH(bool, binary);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.") + ext);
        Mesh cube = cubeMesh();
        cube.vertices *= 123.456789;
        MeshWriteOptions o;
        o.binary = binary;
        writeMesh(cube, path, o);
        const Mesh back = readMesh(path);
        QCOMPARE(back.triangles, cube.triangles);
        QVERIFY((back.vertices - cube.vertices).cwiseAbs().maxCoeff() <= 5e-7);
    }

    void stlGoesThroughAssimpAndJoinsVertices() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cube.stl"));
        writeMesh(cubeMesh(), path);
        const Mesh m = readMesh(path);
        QCOMPARE(m.triangleCount(), Eigen::Index(12));
        QCOMPARE(m.vertexCount(), Eigen::Index(8));
        QCOMPARE(m.bounds().max, Eigen::Vector3d(1, 1, 1));
    }

    // A big read stops part way when asked (the review window's Cancel).
    void aBigReadCanBeCancelled() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.obj"));
        QByteArray text;
        for (int i = 0; i < 70000; ++i) {
            text += "v 0 0 " + QByteArray::number(i) + "\n";
        }
        text += "f 1 2 3\n";
        writeAll(path, text);
        std::atomic<bool> cancel{true};
        QVERIFY_THROWS_EXCEPTION(Cancelled, readMesh(path, nullptr, &cancel));
        cancel = false;
        QCOMPARE(readMesh(path, nullptr, &cancel).vertexCount(), Eigen::Index(70000));
    }

    // An OBJ of several MB read on 2, 3 and 5 threads (runs of its lines) gives the mesh of one
    // thread, bit for bit, and the same first error with the same line number, whichever run
    // the error falls in or however many runs find one.
    void aBigObjReadOnThreadsIsTheSameMesh() {
        // A grid of 300 x 300 vertices with UVs and normals; quads with absolute and relative
        // indices, triangles; comments, CRLF lines, blank lines, the material library named
        // late and vertices defined between faces, so that runs begin mid-way through every kind.
        QByteArray text = "# generated for this test\r\n";
        const int n = 300;
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                const QByteArray x = QByteArray::number(i * 0.37 + j * 1e-3, 'g', 17);
                text += "v " + x + " " + QByteArray::number(j * 0.41) + " " +
                        QByteArray::number((i * j) % 7 * 0.1) + "\n";
                text += "vt " + QByteArray::number(i / double(n)) + " " +
                        QByteArray::number(j / double(n)) + "\r\n";
                text += "vn 0 0 1\n";
            }
            if (i > 0) {
                text += "\n# row " + QByteArray::number(i) + "\n";
                for (int j = 0; j + 1 < n; ++j) {
                    const int a = (i - 1) * n + j + 1;
                    const int b = i * n + j + 1;
                    if (j % 3 == 0) { // relative: counted back from the last vertex so far
                        const int last = (i + 1) * n;
                        text += "f " + QByteArray::number(a - last - 1) + "/" +
                                QByteArray::number(a) + "/" + QByteArray::number(a) + " " +
                                QByteArray::number(a + 1 - last - 1) + "/" +
                                QByteArray::number(a + 1) + "/" + QByteArray::number(a + 1) + " " +
                                QByteArray::number(b + 1) + "/" + QByteArray::number(b + 1) + "/" +
                                QByteArray::number(b + 1) + " " + QByteArray::number(b) + "/" +
                                QByteArray::number(b) + "/" + QByteArray::number(b) + "\n";
                    } else {
                        for (const auto& [p, q, r] : {std::array<int, 3>{a, a + 1, b},
                                                      std::array<int, 3>{a + 1, b + 1, b}}) {
                            text += "f " + QByteArray::number(p) + "/" + QByteArray::number(p) +
                                    "/" + QByteArray::number(p) + " " + QByteArray::number(q) +
                                    "/" + QByteArray::number(q) + "/" + QByteArray::number(q) +
                                    " " + QByteArray::number(r) + "/" + QByteArray::number(r) +
                                    "/" + QByteArray::number(r) + "\r\n";
                        }
                    }
                }
            }
        }
        text += "mtllib grid.mtl\nusemtl skin\n";
        QVERIFY(text.size() > 5 * (1 << 20)); // runs of 1 MB: up to 5 of them
        const std::string_view view(text.constData(), std::size_t(text.size()));
        const QString path = QStringLiteral("grid.obj");
        const Mesh one = parseObj(view, path);
        QCOMPARE(one.vertexCount(), Eigen::Index(n * n));
        QCOMPARE(one.triangleCount(), Eigen::Index(2 * (n - 1) * (n - 1)));
        QVERIFY(one.hasUVs());
        QCOMPARE(one.normals.rows(), Eigen::Index(n * n));
        for (int threads : {2, 3, 5}) {
            const Mesh many = parseObj(view, path, nullptr, nullptr, threads);
            QCOMPARE(many.vertices, one.vertices);
            QCOMPARE(many.triangles, one.triangles);
            QCOMPARE(many.uvs, one.uvs);
            QCOMPARE(many.triangleUVs, one.triangleUVs);
            QCOMPARE(many.normals, one.normals);
        }

        // Errors: each the first in the file, in the first, a middle or the last run, and two
        // at once (the earlier one is reported).
        auto messageOf = [&](const QByteArray& bytes, int threads) {
            try {
                parseObj(std::string_view(bytes.constData(), std::size_t(bytes.size())), path,
                         nullptr, nullptr, threads);
            } catch (const FormatError& e) {
                return e.message();
            }
            return QStringLiteral("no error");
        };
        auto withLine = [&](QByteArray bytes, qsizetype at, const QByteArray& line) {
            at = bytes.indexOf('\n', at) + 1;
            return bytes.insert(at, line);
        };
        const QByteArray late = withLine(text, text.size() * 9 / 10, "f 1/1/1 2/2/2 999999/1/1\n");
        const QByteArray middle = withLine(late, late.size() / 2, "v 1 2 x\n");
        const QByteArray early = withLine(middle, 1000, "f 1 2\n");
        for (const QByteArray& broken : {late, middle, early}) {
            const QString expected = messageOf(broken, 1);
            QVERIFY(expected.startsWith(QStringLiteral("grid.obj:")));
            for (int threads : {2, 3, 5}) {
                QCOMPARE(messageOf(broken, threads), expected);
            }
        }
        QVERIFY(messageOf(late, 1).contains(QStringLiteral("face refers to vertex 999999")));
        QVERIFY(messageOf(middle, 1).contains(QStringLiteral("expected a number, found 'x'")));
        QVERIFY(messageOf(early, 1).contains(QStringLiteral("face with 2 corners")));
        QVERIFY(messageOf(early, 1) != messageOf(middle, 1));
    }

    void unknownExtensionIsRefused() {
        try {
            readMesh(QStringLiteral("face.xyz"));
            QFAIL("expected a FormatError");
        } catch (const FormatError& e) {
            QVERIFY(
                e.message().startsWith(QStringLiteral("face.xyz: unsupported mesh format '.xyz'")));
        }
    }
};

QTEST_GUILESS_MAIN(TestMeshIO)
#include "tst_meshio.moc"
