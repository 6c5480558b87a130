// The corpus of bad files in tests/data/broken (README there): each is refused with its exact
// message, or accepted with its exact warning.

#include "core/dataset/Case.h"
#include "core/errors/Error.h"
#include "core/io/Npy.h"
#include "core/landmarks/LandmarkIO.h"
#include "core/landmarks/SchemaFile.h"
#include "core/mesh/MeshIO.h"
#include "core/review/ReviewStore.h"
#include "tests/TestSupport.h"

#include <QFileInfo>
#include <QTest>

using namespace pal;
using pal::test::dataPath;

namespace {

// Reads a file the way the application would, by extension.
void load(const QString& path, Warnings* warnings) {
    const QString ext = QFileInfo(path).suffix();
    if (QFileInfo(path).fileName().startsWith(QLatin1String("facescape_"))) {
        readFaceScapeIndices(path); // a landmark_indices.npz
    } else if (ext == QLatin1String("npz")) {
        const Case c = Case::open(path); // an .npz case: its mesh, then its landmarks
        c.readMesh(warnings);
        if (c.hasLandmarks()) {
            c.readLandmarks();
        }
    } else if (ext == QLatin1String("npy")) {
        readNpyMatrix4(path);
    } else if (QFileInfo(path).fileName().startsWith(QLatin1String("schema_"))) {
        readLandmarkSchema(path); // a landmark-schema.json
    } else if (path.endsWith(QLatin1String(".mrk.json"))) {
        readLandmarks(path); // 3D Slicer markups
    } else if (ext == QLatin1String("json")) {
        readReview(path);
    } else if (ext == QLatin1String("txt") || ext == QLatin1String("csv") ||
               ext == QLatin1String("fcsv") || ext == QLatin1String("pp") ||
               ext == QLatin1String("tps")) {
        readLandmarks(path);
    } else {
        readMesh(path, warnings);
    }
}

} // namespace

class TestBrokenCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusedWithExactMessage_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message"); // after "PATH"
        auto row = [](const char* file, const char* kind, const char* message) {
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(kind)
                                << QString::fromUtf8(message);
        };
        row("empty.txt", "format", ": file is empty (expected 50 landmarks)");
        row("schema_duplicate_key.json", "validation",
            ": \"landmarks[2].key\" is \"prn\", already the key of landmark 1 (keys are "
            "unique, ignoring case)");
        row("schema_one_sided_partner.json", "validation",
            ": \"landmarks[0]\" (Ex_R, right) names Ex_L as its partner, which must be on the "
            "other side and name Ex_R back");
        row("schema_builtin_id.json", "validation",
            ": \"id\" is \"LA-FAS-50\", a built-in schema; give your schema its own id");
        row("schema_newer.json", "format",
            ": landmark schema format version 2 is newer than this PAL Studio reads (1)");
        row("facescape_67_indices.npz", "validation",
            ": \"v10\" holds 67 vertex indices; FaceScape has 68 landmarks");
        row("facescape_float_indices.npz", "format",
            ": \"v10\" holds floating-point values; vertex indices are integers");
        row("npz_face_out_of_range.npz", "format",
            ": face 2 refers to vertex 400; there are 400 vertices (indices start at 0)");
        row("npz_landmarks_7.npz", "validation",
            ": \"landmarks\" has 7 rows, which is no built-in schema (LA-FAS-50, FaceScape-68): "
            "put a landmark-schema.json beside it");
        row("npz_no_mesh.npz", "validation",
            ": holds no mesh (\"vertices\" and \"faces\", or \"points\"; it holds: landmarks): "
            "not a case");
        row("landmarks_49.txt", "validation", ": expected 50 landmarks, found 49");
        row("landmarks_51.txt", "validation", ": expected 50 landmarks, found 51");
        row("not_a_number.txt", "format", ":6: coordinate 2 is not a number: 'abc'");
        row("nan.txt", "format", ":8: coordinate 1 is not finite: 'nan'");
        row("missing_parenthesis.txt", "format", ":4: missing ')' after the coordinates");
        row("duplicate_label.txt", "validation",
            ":49: duplicate landmark label '7' (first on line 11)");
        row("unknown_label.txt", "validation",
            ":51: unknown landmark label '51' (expected 1 to 50)");
        row("binary_garbage.txt", "format", ": not a text file (binary data at byte 8)");
        row("transform_3x3.npy", "format", ": expected a 4x4 matrix, found shape (3, 3)");
        row("transform_int64.npy", "format",
            ": unsupported dtype '<i8' (expected float64 or float32)");
        row("transform_truncated.npy", "format",
            ": truncated: 128 bytes of data expected, 64 found");
        row("no_faces.obj", "validation", ": mesh has no faces (4 vertices, 0 triangles)");
        row("truncated.ply", "format",
            ": file ends inside element 'face' 2 of 4 (truncated file?)");
        row("bad_face_index.obj", "format",
            ":4: face refers to vertex 4, but 3 vertices are defined before it");
        // Hostile counts and values: each crashed, ran out of memory or was accepted before.
        row("ply_negative_list.ply", "format",
            ":13: a list length of -5 is impossible here (at most 5)");
        row("ply_negative_list_binary.ply", "format",
            ": a list length of -1 is impossible here (at most 4294967295)");
        row("ply_huge_vertex_count.ply", "format",
            ": the header declares 2000000000 'vertex' elements, more than the file's 26 bytes "
            "can hold (truncated file or wrong count?)");
        row("ply_inf_vertex.ply", "format", ": vertex 1 has a coordinate that is not finite");
        row("off_huge_counts.off", "format",
            ":2: the header declares 2000000000 vertices and 2000000000 faces, more than the "
            "remaining 26 bytes can hold (truncated file or wrong counts?)");
        row("off_huge_face.off", "format",
            ":6: a face of 2000000000 corners does not fit on its line");
        row("off_inf_vertex.off", "format", ":4: vertex coordinate 3 is not finite");
        row("obj_inf_vertex.obj", "format",
            ": vertex 2 has a coordinate that is not finite (inf or nan)");
        row("transform_shape_overflow.npy", "format",
            ": shape (2305843009213693968, 1) is larger than any file can hold");
        row("transform_empty_huge.npy", "format",
            ": shape (2305843009213693968, 0) holds no values");
        // Review sidecars: a position that is not three numbers read as the origin before.
        row("review_text_position.json", "format",
            ": \"working\": landmark 5's position is not three finite numbers");
        row("review_landmark_twice.json", "format", ": \"working\" lists landmark 7 twice");
        // 3D Slicer's landmark files.
        row("slicer_no_point_list.mrk.json", "format",
            ": no point list in \"markups\" (a markup of \"type\": \"Fiducial\")");
        row("slicer_ijk.mrk.json", "format",
            ": \"coordinateSystem\" is \"IJK\"; expected LPS or RAS");
        row("slicer_text_position.mrk.json", "format",
            ": control point 1 (Prn): \"position\" is not 3 numbers");
        row("slicer_landmark_twice.mrk.json", "validation",
            ": landmark Prn appears twice (control point 1 and control point 2)");
        row("slicer_no_header.fcsv", "format",
            ":1: not a Slicer .fcsv file: it does not start with \"# Markups fiducial file "
            "version = ...\"");
        row("slicer_bad_number.fcsv", "format", ":4: x of Prn is not a number: 'abc'");
        row("meshlab_html.pp", "format",
            ":1: not a MeshLab picked points file: the root element is <html>, not "
            "<PickedPoints>");
        row("meshlab_bad_number.pp", "format", ":3: y of Prn is not a number: 'abc'");
        row("tps_49.tps", "validation", ":1: 49 landmarks; expected 50 in the order of LA-FAS-50");
        row("tps_two_specimens.tps", "format",
            ":53: a second specimen (the first began on line 1): a landmark file holds one case");
        row("tps_2d_row.tps", "format",
            ":8: landmark 7: expected three numbers (x y z), found '4 5'");
    }
    void refusedWithExactMessage() {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString path = dataPath(QStringLiteral("broken/") + file);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        try {
            load(path, nullptr);
            QFAIL("the file was accepted");
        } catch (const FormatError& e) {
            QCOMPARE(kind, QStringLiteral("format"));
            QCOMPARE(e.message(), path + message);
        } catch (const ValidationError& e) {
            QCOMPARE(kind, QStringLiteral("validation"));
            QCOMPARE(e.message(), path + message);
        }
    }

    void crlfLineEndsAreAccepted() {
        const LandmarkFile f = readLandmarks(dataPath(QStringLiteral("lafas/crlf.txt")));
        QCOMPARE(f.landmarks.presentCount(), 50);
        QCOMPARE(f.lafasLayout->eol, QByteArray("\r\n"));
    }

    void missingTextureIsAcceptedWithAWarning() {
        const QString path = dataPath(QStringLiteral("broken/missing_texture.obj"));
        Warnings w;
        const Mesh m = readMesh(path, &w);
        QCOMPARE(m.triangleCount(), Eigen::Index(1));
        QVERIFY(m.texturePath.isEmpty());
        QVERIFY(m.hasUVs());
        QCOMPARE(w.messages,
                 QStringList{path + QStringLiteral(": texture 'missing_texture.png' named "
                                                   "by 'missing_texture.mtl' was not "
                                                   "found; the mesh is shown without "
                                                   "texture")});
    }
};

QTEST_GUILESS_MAIN(TestBrokenCorpus)
#include "tst_broken_corpus.moc"
