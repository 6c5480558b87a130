// palstudio-cli as a user runs it: exit codes, messages on the broken corpus, info and convert.

#include "core/demo/Resources.h"
#include "core/landmarks/LandmarkIO.h"
#include "tests/TestSupport.h"
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#include <sys/stat.h>

using pal::test::dataPath;
using pal::test::readAll;
using pal::test::writeAll;

using pal::test::cli;
using pal::test::Run;

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usageErrorsExitWithOne() {
        QCOMPARE(cli({}).code, 1);
        const Run r = cli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith(QStringLiteral("palstudio-cli: unknown command 'frobnicate'")));
        QCOMPARE(cli({QStringLiteral("info"), QStringLiteral("--bogus"), QStringLiteral("x")}).code,
                 1);
    }

    // libtorch loads Qt 5 beside Qt 6: the program must start and run the engine at all
    // (symbol clashes between the two crashed it at load once; see PalStudioWarnings.cmake).
    void versionStartsTheEngine() {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("palstudio-cli ")));
        QVERIFY2(
            r.out.contains(QStringLiteral("\nQt %1 (built with ").arg(QLatin1String(qVersion()))),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nVTK ")), qPrintable(r.out));
#ifdef PALSTUDIO_HAVE_ENGINE
        QVERIFY2(r.out.contains(QStringLiteral("\nLibTorch ")) &&
                     r.out.contains(QStringLiteral(" threads, device ")),
                 qPrintable(r.out));
#endif
        // The model predict uses without --model, with what it predicts.
        QVERIFY2(r.out.contains(QStringLiteral("\nmodel: ")) &&
                     r.out.contains(QStringLiteral("LA-FAS-50 (50 landmarks), patch size ")),
                 qPrintable(r.out));
    }

#ifdef PALSTUDIO_HAVE_ENGINE
    // --device cuda never runs on the CPU in silence: --version says whether CUDA is compiled
    // in, and without it (Debian's LibTorch) asking for CUDA fails with that reason.
    void aDeviceThatIsNotThereIsRefused() {
        const Run version = cli({QStringLiteral("--version")});
        QVERIFY2(version.out.contains(QStringLiteral("\nCUDA: ")), qPrintable(version.out));
        const Run unknown = cli({QStringLiteral("predict"), QStringLiteral("--device"),
                                 QStringLiteral("gpu"), dataPath(QStringLiteral("mesh"))});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("--device must be auto, cpu or cuda")),
                 qPrintable(unknown.err));
        if (!version.out.contains(QStringLiteral("CUDA: not compiled in"))) {
            QSKIP("this LibTorch has CUDA: --device cuda may run");
        }
        QTemporaryDir out;
        const Run cuda = cli({QStringLiteral("predict"), QStringLiteral("--device"),
                              QStringLiteral("cuda"), QStringLiteral("-o"), out.path(),
                              pal::test::generatedDataset(out.filePath(QStringLiteral("d")), 1)});
        QCOMPARE(cuda.code, 2);
        QVERIFY2(cuda.err.contains(QStringLiteral("Model > Device): this LibTorch")) &&
                     cuda.err.contains(QStringLiteral("is CPU-only")),
                 qPrintable(cuda.err));
    }
#endif

    void helpOnEverySubcommand() {
        for (const char* cmd : {"info", "convert"}) {
            const Run r = cli({QString::fromLatin1(cmd), QStringLiteral("--help")});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: palstudio-cli ") + QLatin1String(cmd)),
                     qPrintable(r.out));
        }
        QVERIFY(cli({QStringLiteral("--help")}).out.contains(QStringLiteral("Exit codes")));
    }

    void helpAndUsageErrorsFollowTheSystemLanguage() {
        const QString italian = QStringLiteral("it_IT.UTF-8");
        const Run help = cli({QStringLiteral("--help")}, 0, italian);
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Utilizzo: palstudio-cli <comando>")),
                 qPrintable(help.out));
        const Run predictHelp =
            cli({QStringLiteral("predict"), QStringLiteral("--help")}, 0, italian);
        QCOMPARE(predictHelp.code, 0);
        // The subcommand is named in the usage line whatever language Qt's "Usage:" is in.
        QVERIFY2(predictHelp.out.section(QLatin1Char('\n'), 0, 0)
                     .contains(QStringLiteral("palstudio-cli predict")),
                 qPrintable(predictHelp.out));
        QVERIFY2(predictHelp.out.contains(QStringLiteral("Mostra questo aiuto.")),
                 qPrintable(predictHelp.out));
        const Run usage = cli({QStringLiteral("predict")}, 0, italian);
        QCOMPARE(usage.code, 1);
        QVERIFY2(usage.err.contains(QStringLiteral("atteso almeno un INPUT")),
                 qPrintable(usage.err));
        // Results are for scripts too: they stay English.
        const Run info =
            cli({QStringLiteral("info"), dataPath(QStringLiteral("lafas/valid.txt"))}, 0, italian);
        const Run infoEnglish =
            cli({QStringLiteral("info"), dataPath(QStringLiteral("lafas/valid.txt"))});
        QCOMPARE(info.code, infoEnglish.code);
        QCOMPARE(info.out, infoEnglish.out);
        // The tests' own environment (LANGUAGE=en) gives the source texts.
        QVERIFY(
            cli({QStringLiteral("--help")}).out.startsWith(QStringLiteral("Usage: palstudio-cli")));
    }

    void badInputExitsWithTwoAndNamesFileAndProblem_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("49 landmarks") << QStringLiteral("landmarks_49.txt")
                                      << QStringLiteral(": expected 50 landmarks, found 49");
        QTest::newRow("not a number") << QStringLiteral("not_a_number.txt")
                                      << QStringLiteral(":6: coordinate 2 is not a number: 'abc'");
        QTest::newRow("npy shape") << QStringLiteral("transform_3x3.npy")
                                   << QStringLiteral(": not a mesh file or case folder");
        QTest::newRow("truncated ply") << QStringLiteral("truncated.ply")
                                       << QStringLiteral(": file ends inside element 'face' 2 of 4 "
                                                         "(truncated file?)");
        QTest::newRow("no faces") << QStringLiteral("no_faces.obj")
                                  << QStringLiteral(
                                         ": mesh has no faces (4 vertices, 0 triangles)");
    }
    void badInputExitsWithTwoAndNamesFileAndProblem() {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString path = dataPath(QStringLiteral("broken/") + file);
        const Run r = cli({QStringLiteral("info"), path});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QStringLiteral("error: ") + path + message + QLatin1Char('\n'));
    }

    void infoOnACaseFolder() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("S001"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(dataPath(QStringLiteral("mesh/tetra_binary.ply")),
                            folder + QStringLiteral("/mesh.ply")));
        QVERIFY(QFile::copy(dataPath(QStringLiteral("lafas/valid.txt")),
                            folder + QStringLiteral("/landmarks.txt")));
        QVERIFY(QFile::copy(dataPath(QStringLiteral("npy/transform_f8_c.npy")),
                            folder + QStringLiteral("/transformation_matrix.npy")));
        const Run text = cli({QStringLiteral("info"), folder});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QStringLiteral("vertices: 4, triangles: 4")));
        QVERIFY(text.out.contains(QStringLiteral(": 50 of 50 present")));
        QVERIFY(
            text.out.contains(QStringLiteral("    0.000000   -1.000000    0.000000   10.000000")));
        // A 1 mm tetrahedron is not a face in millimetres: the units line says so.
        QVERIFY(text.err.contains(QStringLiteral("units: probably metres")));

        const Run json = cli({QStringLiteral("info"), QStringLiteral("--json"), folder});
        QCOMPARE(json.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o[QStringLiteral("kind")].toString(), QStringLiteral("case"));
        QCOMPARE(o[QStringLiteral("mesh")][QStringLiteral("triangles")].toInt(), 4);
        QCOMPARE(o[QStringLiteral("landmarks")][QStringLiteral("present")].toInt(), 50);
        QCOMPARE(o[QStringLiteral("transform")].toArray()[0].toArray()[3].toDouble(), 10.0);

        const Run ds = cli({QStringLiteral("info"), QStringLiteral("--json"), dir.path()});
        QCOMPARE(ds.code, 0);
        const QJsonObject d = QJsonDocument::fromJson(ds.out.toUtf8()).object();
        QCOMPARE(d[QStringLiteral("kind")].toString(), QStringLiteral("dataset"));
        QCOMPARE(d[QStringLiteral("caseCount")].toInt(), 1);
        QCOMPARE(d[QStringLiteral("withTransform")].toInt(), 1);
    }

    // A generated dataset is read by info without a single warning, and info takes the demo
    // dataset as its default input.
    void makeDemoDatasetIsCleanForInfo() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("demo"));
        const Run made = cli({QStringLiteral("make-demo"), QStringLiteral("--out"), out,
                              QStringLiteral("--cases"), QStringLiteral("2"),
                              QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(made.code, 0);
        QVERIFY(made.out.contains(QStringLiteral("generated data, not for clinical use")));
        const Run info = cli({QStringLiteral("info"), out});
        QCOMPARE(info.code, 0);
        QCOMPARE(info.err, QString());
        QVERIFY(
            info.out.contains(QStringLiteral("cases: 2 (2 with landmarks, 2 with a transform)")));
        const Run one = cli({QStringLiteral("info"), out + QStringLiteral("/D002")});
        QCOMPARE(one.code, 0);
        QCOMPARE(one.err, QString());
        QVERIFY(one.out.contains(QStringLiteral("units: millimetres")));

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PALSTUDIO_DEMO"), out);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PALSTUDIO_CLI), {QStringLiteral("info")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("dataset: " + QDir::cleanPath(out).toUtf8()));
    }

    // --schema: FaceScape's 68 (by id) and a lab's own (by file) go through every format.
    void convertTakesASchema() {
        QTemporaryDir dir;
        const QString schemaFile = dir.filePath(QStringLiteral("landmark-schema.json"));
        writeAll(schemaFile, R"({"format": "palstudio-landmark-schema", "formatVersion": 1,
            "id": "Lab-2", "landmarks": [{"key": "Prn"}, {"key": "Pg"}]})");
        const QString csv = dir.filePath(QStringLiteral("lab.csv"));
        writeAll(csv, "number,key,x,y,z\n1,Prn,1,2,3\n2,Pg,4,5,6\n");
        const QString pp = dir.filePath(QStringLiteral("lab.pp"));
        const QString back = dir.filePath(QStringLiteral("back.csv"));
        const Run r =
            cli({QStringLiteral("convert"), QStringLiteral("--schema"), schemaFile, csv, pp});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("(2 of 2 landmarks)")), qPrintable(r.out));
        QCOMPARE(
            cli({QStringLiteral("convert"), QStringLiteral("--schema"), schemaFile, pp, back}).code,
            0);
        QVERIFY(readAll(back).contains("2,Pg,Pg,4,5,6,placed"));
        // Without the schema the file is read as LA-FAS-50, where Prn and Pg are 2 of the 50.
        const Run lafas =
            cli({QStringLiteral("convert"), pp, dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(lafas.code, 0);
        QVERIFY2(lafas.out.contains(QStringLiteral("(2 of 50 landmarks)")), qPrintable(lafas.out));
        // An LA-FAS file cannot hold FaceScape's landmarks.
        const Run fs =
            cli({QStringLiteral("convert"), QStringLiteral("--schema"),
                 QStringLiteral("FaceScape-68"), csv, dir.filePath(QStringLiteral("f.txt"))});
        QCOMPARE(fs.code, 2);
        const Run bad = cli({QStringLiteral("convert"), QStringLiteral("--schema"),
                             QStringLiteral("nope"), csv, dir.filePath(QStringLiteral("y.csv"))});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("--schema takes LA-FAS-50, FaceScape-68 or a "
                                                 "landmark-schema.json file")),
                 qPrintable(bad.err));
    }

    void convertRoundTripsAndNeverOverwrites() {
        QTemporaryDir dir;
        const QString in = dataPath(QStringLiteral("lafas/crlf.txt"));
        const QString csv = dir.filePath(QStringLiteral("l.csv"));
        const QString txt = dir.filePath(QStringLiteral("l.txt"));
        const QString copy = dir.filePath(QStringLiteral("copy.txt"));
        QCOMPARE(cli({QStringLiteral("convert"), in, csv}).code, 0);
        QCOMPARE(cli({QStringLiteral("convert"), csv, txt}).code, 0);
        // CSV -> LA-FAS writes the standard layout; the values survive exactly.
        QCOMPARE(readAll(txt), readAll(dataPath(QStringLiteral("lafas/valid.txt"))));
        // LA-FAS -> LA-FAS keeps the file's own layout (CRLF here) byte for byte.
        QCOMPARE(cli({QStringLiteral("convert"), in, copy}).code, 0);
        QCOMPARE(readAll(copy), readAll(in));

        // Through 3D Slicer's, MeshLab's and TPS and back: the values survive exactly.
        const QString mrk = dir.filePath(QStringLiteral("l.mrk.json"));
        const QString fcsv = dir.filePath(QStringLiteral("l.fcsv"));
        const QString back = dir.filePath(QStringLiteral("back.txt"));
        QCOMPARE(cli({QStringLiteral("convert"), in, mrk}).code, 0);
        const QString pp = dir.filePath(QStringLiteral("l.pp"));
        QCOMPARE(cli({QStringLiteral("convert"), mrk, fcsv}).code, 0);
        QCOMPARE(cli({QStringLiteral("convert"), fcsv, pp}).code, 0);
        const QString tps = dir.filePath(QStringLiteral("l.tps"));
        QCOMPARE(cli({QStringLiteral("convert"), pp, tps}).code, 0);
        QCOMPARE(cli({QStringLiteral("convert"), tps, back}).code, 0);
        QCOMPARE(readAll(back), readAll(dataPath(QStringLiteral("lafas/valid.txt"))));
        // A Slicer file with a label PAL Studio does not know: converted, and said.
        const Run slicer =
            cli({QStringLiteral("convert"), dataPath(QStringLiteral("slicer/slicer5_lps.mrk.json")),
                 dir.filePath(QStringLiteral("slicer.csv"))});
        QCOMPARE(slicer.code, 0);
        QVERIFY2(slicer.err.contains(
                     QStringLiteral(": 1 label(s) name no landmark and were left out: F-4")),
                 qPrintable(slicer.err));
        QVERIFY2(slicer.out.contains(QStringLiteral("(2 of 50 landmarks)")),
                 qPrintable(slicer.out));
        // info reads the other tools' files as landmark files too.
        const Run info =
            cli({QStringLiteral("info"), dataPath(QStringLiteral("meshlab/picked.pp"))});
        QVERIFY2(info.code == 0 && info.out.contains(QStringLiteral(": 2 of 50 present")),
                 qPrintable(info.out + info.err));

        const Run exists = cli({QStringLiteral("convert"), in, csv});
        QCOMPARE(exists.code, 1);
        QVERIFY(exists.err.contains(QStringLiteral("exists; add --force to replace it")));
        QCOMPARE(cli({QStringLiteral("convert"), QStringLiteral("--force"), in, csv}).code, 0);
        const Run same = cli({QStringLiteral("convert"), QStringLiteral("--force"), txt, txt});
        QCOMPARE(same.code, 1);
        QVERIFY(same.err.contains(QStringLiteral("originals are never overwritten")));
    }

    // A write that fails (here: past the file size limit, as on a full disk) exits 2, names
    // the file and the reason, and leaves the old output byte for byte.
    // Every landmark format that can be written.
    void aFailedWriteKeepsTheOldFileAndExits2_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"l.csv", "l.mrk.json", "l.fcsv", "l.pp", "l.tps"}) {
            QTest::newRow(name) << QString::fromLatin1(name);
        }
    }
    void aFailedWriteKeepsTheOldFileAndExits2() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString in = dataPath(QStringLiteral("lafas/valid.txt"));
        const QString csv = dir.filePath(name);
        const QByteArray old = "the previous content\n";
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(old);
        }
        const Run full = cli({QStringLiteral("convert"), QStringLiteral("--force"), in, csv}, 512);
        QCOMPARE(full.code, 2);
        QVERIFY2(full.err.contains(csv) && full.err.contains(QStringLiteral("File too large")) &&
                     full.err.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(full.err));
        QVERIFY(!full.out.contains(QStringLiteral("wrote")));
        QCOMPARE(readAll(csv), old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no leftovers
        // The same write without the limit succeeds.
        QCOMPARE(cli({QStringLiteral("convert"), QStringLiteral("--force"), in, csv}).code, 0);
        QVERIFY(readAll(csv) != old);
    }

    // A case folder whose name is not UTF-8 (Latin-1 "caso_\xe9"), given on the command line as
    // a shell passes it: read and written beside. It was "no such file or folder" before.
    void aFolderNamedInLatin1() {
        QTemporaryDir dir;
        const QByteArray folder = QFile::encodeName(dir.path()) + "/caso_\xe9";
        QCOMPARE(::mkdir(folder.constData(), 0755), 0);
        const pal::test::RemoveTree remove{
            folder}; // QTemporaryDir cannot remove what Qt cannot name
        const QByteArray landmarks = readAll(dataPath(QStringLiteral("lafas/valid.txt")));
        {
            std::FILE* f = std::fopen((folder + "/landmarks.txt").constData(), "wb");
            QVERIFY(f);
            std::fwrite(landmarks.constData(), 1, std::size_t(landmarks.size()), f);
            std::fclose(f);
        }
        // The shell makes the byte (octal 351); QProcess would encode its arguments as UTF-8.
        QProcess p;
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("d=\"$1/$(printf 'caso_\\351')\"; exec \"$0\" convert "
                                "\"$d/landmarks.txt\" \"$d/l.csv\""),
                 QStringLiteral(PALSTUDIO_CLI), dir.path()});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        struct stat st {};
        QCOMPARE(::stat((folder + "/l.csv").constData(), &st), 0);
        QVERIFY(st.st_size > 1000);
    }

    // check: one line per finding naming case, set, landmark and kind; exit 5 when there is
    // any, 0 when there is none, 2 when a case cannot be read. The faces are the generated
    // demo template's (not a scan).
    void checkFindsSwapsAndSaysSo() {
        QTemporaryDir dir;
        const QDir templ(pal::demo::defaultTemplateDir());
        const pal::LandmarkSet valid =
            pal::readLandmarks(templ.filePath(QStringLiteral("landmarks.txt"))).landmarks;
        pal::LandmarkSet swapped = valid;
        const int exR = valid.schema().indexOfKey(QStringLiteral("Ex_R"));
        const int exL = valid.schema().indexOfKey(QStringLiteral("Ex_L"));
        std::swap(swapped.at(exR).position, swapped.at(exL).position);
        pal::LandmarkSet inverted = valid; // the lips' landmarks exchanged: Ls below Li
        std::swap(inverted.at(valid.schema().indexOfKey(QStringLiteral("Ls"))).position,
                  inverted.at(valid.schema().indexOfKey(QStringLiteral("Li"))).position);
        for (const auto& [id, set] :
             {std::pair{QStringLiteral("A"), valid}, std::pair{QStringLiteral("B"), swapped},
              std::pair{QStringLiteral("D"), inverted}}) {
            QDir().mkpath(dir.filePath(id));
            QVERIFY(QFile::copy(templ.filePath(QStringLiteral("mesh.obj")),
                                dir.filePath(id + QStringLiteral("/mesh.obj"))));
            pal::writeLandmarks(dir.filePath(id + QStringLiteral("/landmarks.txt")), set);
        }

        Run r = cli({QStringLiteral("check"), dir.path()});
        QCOMPARE(r.code, 5);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[0].startsWith(QStringLiteral("B truth Ex_L swapped-pair: Ex_L and Ex_R are "
                                                    "swapped (Ex_L lies ")) &&
                     lines[0].endsWith(QStringLiteral(" mm right of the mid-sagittal plane)")),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("D truth Sto midline-order: Sto lies ")) &&
                     lines[1].endsWith(QStringLiteral(" mm above Ls (expected below it on the "
                                                      "midline)")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("D truth Li midline-order: Li lies ")),
                 qPrintable(lines[2]));
        QCOMPARE(lines[3],
                 QStringLiteral("3 finding(s) in 2 of 3 case(s); 3 landmark set(s) checked"));

        r = cli({QStringLiteral("check"), dir.filePath(QStringLiteral("A"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
                 QStringLiteral("0 finding(s) in 0 of 1 case(s); 1 landmark set(s) checked\n"));
        // Only the sets asked for: B has no prediction, so nothing is checked.
        r = cli({QStringLiteral("check"), dir.filePath(QStringLiteral("B")),
                 QStringLiteral("--sets"), QStringLiteral("prediction")});
        QCOMPARE(r.code, 0);
        QCOMPARE(cli({QStringLiteral("check"), dir.path(), QStringLiteral("--sets"),
                      QStringLiteral("everything")})
                     .code,
                 1);

        // A case whose landmarks cannot be read: named, the others still checked, exit 2.
        QDir().mkpath(dir.filePath(QStringLiteral("C")));
        QVERIFY(QFile::copy(templ.filePath(QStringLiteral("mesh.obj")),
                            dir.filePath(QStringLiteral("C/mesh.obj"))));
        pal::test::writeAll(dir.filePath(QStringLiteral("C/landmarks.txt")), "1 2 3\n");
        r = cli({QStringLiteral("check"), dir.path(), QStringLiteral("--no-surface")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("error: C: ")) &&
                     r.err.contains(QStringLiteral("C/landmarks.txt")),
                 qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("B truth Ex_L swapped-pair: ")));
    }

    // report: one page per case, with no display at all (no DISPLAY, no QT_QPA_PLATFORM, no
    // XDG_RUNTIME_DIR) and nothing on stderr; an existing PDF is replaced only with --force; a
    // full disk fails loudly and keeps it.
    void reportWritesAPagePerCaseWithoutADisplay() {
        QTemporaryDir dir;
        const QString data = pal::test::generatedDataset(dir.filePath(QStringLiteral("data")), 2);
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name :
             {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"}) {
            env.remove(QString::fromLatin1(name));
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PALSTUDIO_CLI),
                {QStringLiteral("report"), data, QStringLiteral("-o"), pdf});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.isEmpty(), qPrintable(err)); // nothing for a script to mistake for trouble
        QCOMPARE(out, QStringLiteral(
                          "D001: no prediction or review, 0 finding(s), unreviewed (page 1 of 2)\n"
                          "D002: no prediction or review, 0 finding(s), unreviewed (page 2 of 2)\n"
                          "wrote %1: 2 page(s)\n")
                          .arg(pdf));
        const QByteArray bytes = pal::test::readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QCOMPARE(QString::fromLatin1(bytes).count(
                     QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))),
                 2);

        // Not replaced without --force.
        pal::test::writeAll(pdf, "signed yesterday");
        Run r = cli({QStringLiteral("report"), data, QStringLiteral("-o"), pdf});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("give --force to replace it")), qPrintable(r.err));
        QCOMPARE(pal::test::readAll(pdf), QByteArray("signed yesterday"));
        // A disk that fills up: exit 2, the message names the file, the old one stays.
        r = cli(
            {QStringLiteral("report"), data, QStringLiteral("-o"), pdf, QStringLiteral("--force")},
            20000);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(pdf) && r.err.contains(QStringLiteral("File too large")),
                 qPrintable(r.err));
        QCOMPARE(pal::test::readAll(pdf), QByteArray("signed yesterday"));
        // Not a PDF name, no output, nothing to report on: usage errors.
        QCOMPARE(cli({QStringLiteral("report"), data, QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("r.png"))})
                     .code,
                 1);
        QCOMPARE(cli({QStringLiteral("report"), data}).code, 1);
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("-o"), pdf}).code, 1);
        // A path that is not a case: bad input.
        r = cli({QStringLiteral("report"), dir.filePath(QStringLiteral("nothing")),
                 QStringLiteral("-o"), dir.filePath(QStringLiteral("n.pdf"))});
        QCOMPARE(r.code, 2);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("n.pdf"))));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
