// palstudio-cli predict as a user runs it, with a small untrained model bundle made here
// (K = 100, random weights: the pipeline is tested, not accuracy) on generated cases.

#include "core/io/Npz.h"
#include "core/landmarks/LandmarkIO.h"
#include "tests/TestSupport.h"
#include "tests/cli/CliRunner.h"
#include "tests/cli/UntrainedModel.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace pal;
using pal::test::readAll;

using pal::test::cli;
using pal::test::Run;

class TestCliPredict : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model;
    QString m_data;

private Q_SLOTS:
    void initTestCase() {
        m_model = m_dir.filePath(QStringLiteral("untrained.palnet"));
        test::writeUntrainedModel(m_model);
        m_data = m_dir.filePath(QStringLiteral("data"));
        QCOMPARE(
            cli({QStringLiteral("make-demo"), QStringLiteral("--out"), m_data,
                 QStringLiteral("--cases"), QStringLiteral("2"), QStringLiteral("--no-defects")})
                .code,
            0);
    }

    void predictsADatasetBesideTheOriginals() {
        const QByteArray original = readAll(m_data + QStringLiteral("/D001/landmarks.txt"));
        const Run r = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                           QStringLiteral("--snap"), QStringLiteral("average"), m_data});
        QCOMPARE(r.code, 0);
        // Not a terminal here: one progress line per case.
        QVERIFY2(r.err.contains(QStringLiteral("predicted D001 (1/2)")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("predicted D002 (2/2)")));
        QVERIFY(r.err.contains(QStringLiteral("snap average")));
        for (const char* id : {"D001", "D002"}) {
            const QString out = m_data + QLatin1Char('/') + QLatin1String(id) +
                                QStringLiteral("/landmarks.predicted.txt");
            QVERIFY(r.out.contains(out));
            const LandmarkFile f = readLandmarks(out);
            QCOMPARE(f.landmarks.presentCount(), 50);
        }
        // The annotation is never touched.
        QCOMPARE(readAll(m_data + QStringLiteral("/D001/landmarks.txt")), original);
    }

    void writesUnderAnOutputFolder() {
        const QString out = m_dir.filePath(QStringLiteral("out"));
        const Run r = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                           QStringLiteral("-o"), out, QStringLiteral("--threads"),
                           QStringLiteral("1"), m_data + QStringLiteral("/D002")});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(out + QStringLiteral("/D002/landmarks.predicted.txt")));
    }

    // predict -o onto a full disk (writes past a file size limit fail as they would there): the
    // earlier prediction stays byte for byte, the file and the reason are named, exit code 2.
    void aFailedWriteKeepsTheOldPrediction() {
        const QString out = m_dir.filePath(QStringLiteral("full"));
        const QString file = out + QStringLiteral("/D002/landmarks.predicted.txt");
        QVERIFY(QDir().mkpath(out + QStringLiteral("/D002")));
        const QByteArray old = "an earlier prediction\n";
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(old);
        }
        const Run r = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                           QStringLiteral("-o"), out, QStringLiteral("--threads"),
                           QStringLiteral("1"), m_data + QStringLiteral("/D002")},
                          512);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(file) &&
                     r.err.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(r.err));
        QVERIFY(!r.out.contains(file));
        QCOMPARE(readAll(file), old);
        QCOMPARE(QDir(out + QStringLiteral("/D002")).entryList(QDir::Files | QDir::Hidden).size(),
                 1);
    }

    // A dataset with one mesh too small for the patch size: the others are predicted and
    // written, the bad case is named with its file and reason, and the exit code is 2.
    void oneBadCaseIsNamedAndTheOthersArePredicted() {
        const QString mixed = m_dir.filePath(QStringLiteral("mixed"));
        for (const char* f : {"mesh.obj", "landmarks.txt", "transformation_matrix.npy"}) {
            QDir().mkpath(mixed + QStringLiteral("/D001"));
            QFile::copy(m_data + QStringLiteral("/D001/") + QLatin1String(f),
                        mixed + QStringLiteral("/D001/") + QLatin1String(f));
        }
        QDir().mkpath(mixed + QStringLiteral("/D000"));
        const QString tiny = mixed + QStringLiteral("/D000/mesh.ply");
        QVERIFY(QFile::copy(QStringLiteral(PALSTUDIO_TEST_DATA "/mesh/tetra_binary.ply"), tiny));
        const Run r = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, mixed});
        QCOMPARE(r.code, 2);
        QVERIFY(QFile::exists(mixed + QStringLiteral("/D001/landmarks.predicted.txt")));
        QVERIFY(!QFile::exists(mixed + QStringLiteral("/D000/landmarks.predicted.txt")));
        QVERIFY2(r.err.contains(QStringLiteral("error: 1 of 2 case(s) could not be predicted:\n"
                                               "  D000: ") +
                                tiny + QStringLiteral(": ")),
                 qPrintable(r.err));
        QVERIFY(r.out.contains(mixed + QStringLiteral("/D001/landmarks.predicted.txt")));
    }

    void usageAndInputErrors() {
        QCOMPARE(cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model}).code, 1);
        const Run snap = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                              QStringLiteral("--snap"), QStringLiteral("nearest"), m_data});
        QCOMPARE(snap.code, 1);
        QVERIFY(
            snap.err.contains(QStringLiteral("--snap must be closest, average, surface or none")));
        const QString missing = m_dir.filePath(QStringLiteral("missing.palnet"));
        const Run bad =
            cli({QStringLiteral("predict"), QStringLiteral("--model"), missing, m_data});
        QCOMPARE(bad.code, 2);
        QCOMPARE(bad.err,
                 QStringLiteral("error: ") + missing + QStringLiteral(": file not found\n"));
    }

    // A model trained into a folder whose name is not UTF-8 (Latin-1 "modelos_\xe9", as a shell
    // passes it): written there, and predict reads it back. Before, the trainer looked for its
    // best epoch through Qt's lossy names, found none, and ended with no model and no error.
    void trainsAndPredictsInAFolderNamedInLatin1() {
        const QByteArray folder = QFile::encodeName(m_dir.path()) + "/modelos_\xe9";
        QCOMPARE(::mkdir(folder.constData(), 0755), 0);
        const pal::test::RemoveTree remove{
            folder}; // QTemporaryDir cannot remove what Qt cannot name
        QProcess p;
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("m=\"$1/$(printf 'modelos_\\351')/m.palnet\"; \"$0\" train "
                                "--data \"$2\" --out \"$m\" --patch-size 100 --epochs 1 "
                                "--threads 1 && exec \"$0\" predict --model \"$m\" -o "
                                "\"$1/$(printf 'modelos_\\351')/out\" --threads 1 \"$2/D001\""),
                 QStringLiteral(PALSTUDIO_CLI), m_dir.path(), m_data});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        struct stat st {};
        QCOMPARE(::stat((folder + "/m.palnet").constData(), &st), 0);
        QCOMPARE(::stat((folder + "/out/D001/landmarks.predicted.txt").constData(), &st), 0);
    }

    // A fine-tune is compared with its parent on the validation cases, whichever wins, and the
    // program exits 0 either way; a fine-tune that beats nothing writes nothing and says so.
    void aFineTuneIsComparedWithItsParent() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(
            cli({QStringLiteral("make-demo"), QStringLiteral("--out"), data,
                 QStringLiteral("--cases"), QStringLiteral("6"), QStringLiteral("--no-defects"),
                 QStringLiteral("--subdivisions"), QStringLiteral("1")})
                .code,
            0);
        const QStringList common{QStringLiteral("train"),
                                 QStringLiteral("--data"),
                                 data,
                                 QStringLiteral("--init"),
                                 m_model,
                                 QStringLiteral("--epochs"),
                                 QStringLiteral("2"),
                                 QStringLiteral("--threads"),
                                 QStringLiteral("1")};
        // From random weights, two epochs at the full rate learn something: a model is
        // written and compared, side by side and per landmark.
        const QString learned = dir.filePath(QStringLiteral("learned.palnet"));
        const Run r = cli(common + QStringList{QStringLiteral("--out"), learned,
                                               QStringLiteral("--lr"), QStringLiteral("1e-3")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(learned));
        QVERIFY2(r.out.contains(QStringLiteral("validation case(s), not trained on")) &&
                     r.out.contains(QStringLiteral("untrained.palnet")) &&
                     r.out.contains(QStringLiteral("learned.palnet")) &&
                     r.out.contains(QStringLiteral("\nlandmark ")) &&
                     r.out.contains(QStringLiteral("\nPrn ")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("epoch   0/2")), qPrintable(r.err));
        // Only the bundle and its card are left; the card has the provenance and the comparison.
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("learned*")}, QDir::Files),
                 (QStringList{QStringLiteral("learned.md"), QStringLiteral("learned.palnet")}));
        QFile card(dir.filePath(QStringLiteral("learned.md")));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QString cardText = QString::fromUtf8(card.readAll());
        QVERIFY2(cardText.startsWith(QStringLiteral("# Model card: `learned.palnet`\n\n"
                                                    "**Trained on generated data. Not for "
                                                    "clinical use.**")) &&
                     cardText.contains(QStringLiteral("| parent | fine-tuned from "
                                                      "`untrained.palnet` (learning rate 0.001, "
                                                      "0 frozen block(s)) |")) &&
                     cardText.contains(QStringLiteral("## Compared with `untrained.palnet`")) &&
                     cardText.contains(QStringLiteral("\nPrn ")),
                 qPrintable(cardText));

        // With few cases, folds: every case is predicted by a fold model that did not train
        // on it, and the verdict pools them all.
        const Run folds = cli(common + QStringList{QStringLiteral("--out"),
                                                   dir.filePath(QStringLiteral("folds.palnet")),
                                                   QStringLiteral("--lr"), QStringLiteral("1e-3"),
                                                   QStringLiteral("--folds"), QStringLiteral("2")});
        QVERIFY2(folds.code == 0, qPrintable(folds.err));
        QVERIFY2(folds.out.contains(QStringLiteral("Across 2 fold(s) (6 case(s), each predicted "
                                                   "by a fold model that did not train on it), "
                                                   "mean error per case: untrained.palnet ")),
                 qPrintable(folds.out));

        // A learning rate that wrecks the weights: no epoch beats the parent.
        const QString wrecked = dir.filePath(QStringLiteral("wrecked.palnet"));
        const Run w = cli(common + QStringList{QStringLiteral("--out"), wrecked,
                                               QStringLiteral("--lr"), QStringLiteral("10")});
        QVERIFY2(w.code == 0, qPrintable(w.err));
        QVERIFY(!QFile::exists(wrecked));
        QVERIFY2(w.out.startsWith(QStringLiteral("no epoch beat the parent's validation loss (")) &&
                     w.out.contains(QStringLiteral("no model written, untrained.palnet stays the "
                                                   "better model")),
                 qPrintable(w.out));
    }

    void fineTuningOptionsAreChecked() {
        const Run freeze = cli({QStringLiteral("train"), QStringLiteral("--data"), m_data,
                                QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.palnet")),
                                QStringLiteral("--freeze"), QStringLiteral("2")});
        QCOMPARE(freeze.code, 1); // a usage problem
        QVERIFY2(freeze.err.startsWith(QStringLiteral("palstudio-cli train: --freeze keeps a "
                                                      "parent's weights: it needs --init\n")),
                 qPrintable(freeze.err));
        const Run source = cli({QStringLiteral("train"), QStringLiteral("--data"), m_data,
                                QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.palnet")),
                                QStringLiteral("--train-on"), QStringLiteral("corrections")});
        QCOMPARE(source.code, 1);
        QVERIFY2(source.err.contains(
                     QStringLiteral("--train-on must be ground-truth, reviewed or both")),
                 qPrintable(source.err));
        const Run lr = cli({QStringLiteral("train"), QStringLiteral("--data"), m_data,
                            QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.palnet")),
                            QStringLiteral("--lr"), QStringLiteral("-1")});
        QCOMPARE(lr.code, 1);
        QVERIFY2(lr.err.contains(QStringLiteral("--lr takes a positive number")),
                 qPrintable(lr.err));
        const Run variant =
            cli({QStringLiteral("train"), QStringLiteral("--data"), m_data, QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("x.palnet")), QStringLiteral("--variant"),
                 QStringLiteral("top-k")});
        QCOMPARE(variant.code, 1);
        QVERIFY2(variant.err.contains(QStringLiteral(
                     "--variant must be one of attention, no-attention, top-k-attention, "
                     "two-blocks, no-dropout")),
                 qPrintable(variant.err));
        const Run variantAndInit =
            cli({QStringLiteral("train"), QStringLiteral("--data"), m_data, QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("x.palnet")), QStringLiteral("--init"), m_model,
                 QStringLiteral("--variant"), QStringLiteral("two-blocks")});
        QCOMPARE(variantAndInit.code, 1);
        QVERIFY2(variantAndInit.err.contains(QStringLiteral("a fine-tune (--init) keeps its "
                                                            "parent's")),
                 qPrintable(variantAndInit.err));
    }

    // An ablation is trained from scratch with --variant, says so in its bundle, and predicts.
    void anAblationIsTrainedAndPredicts() {
        const QString bundle = m_dir.filePath(QStringLiteral("two-blocks.palnet"));
        const Run r =
            cli({QStringLiteral("train"), QStringLiteral("--data"), m_data, QStringLiteral("--out"),
                 bundle, QStringLiteral("--patch-size"), QStringLiteral("100"),
                 QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--variant"),
                 QStringLiteral("two-blocks"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(readModelManifest(bundle).variant, QStringLiteral("two-blocks"));
        const QString out = m_dir.filePath(QStringLiteral("two-blocks-out"));
        const Run p = cli({QStringLiteral("predict"), QStringLiteral("--model"), bundle,
                           QStringLiteral("-o"), out, m_data});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        QCOMPARE(readLandmarks(out + QStringLiteral("/D001/landmarks.predicted.txt"))
                     .landmarks.presentCount(),
                 50);
    }

    // A FaceScape-layout dataset (the generated stand-in): info names its layout and schema,
    // a model trains on its 68 landmarks and predicts them, evaluation runs, and an LA-FAS model
    // is refused on it (and a FaceScape model on LA-FAS cases) with a clear message.
    void aFaceScapeDatasetTrainsAndPredicts68() {
        const QString root = m_dir.filePath(QStringLiteral("facescape"));
        const Run make =
            cli({QStringLiteral("make-demo"), QStringLiteral("--out"), root,
                 QStringLiteral("--layout"), QStringLiteral("facescape"), QStringLiteral("--cases"),
                 QStringLiteral("8"), QStringLiteral("--subdivisions"), QStringLiteral("0")});
        QVERIFY2(make.code == 0, qPrintable(make.err));
        QVERIFY2(make.out.contains(QStringLiteral("in FaceScape layout")), qPrintable(make.out));
        const Run info = cli({QStringLiteral("info"), root});
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral(
                     "layout: FaceScape, landmark schema: FaceScape-68 (68 landmarks)")),
                 qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("cases: 8 (8 with landmarks")),
                 qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("meshes of other expressions (skipped; only "
                                                  "*_neutral.obj are cases): 2")),
                 qPrintable(info.out));

        // In a folder that does not exist yet: the run makes it before its first epoch.
        const QString bundle = m_dir.filePath(QStringLiteral("fs-models/facescape.palnet"));
        const Run train =
            cli({QStringLiteral("train"), QStringLiteral("--data"), root, QStringLiteral("--out"),
                 bundle, QStringLiteral("--patch-size"), QStringLiteral("100"),
                 QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--threads"),
                 QStringLiteral("1")});
        QVERIFY2(train.code == 0, qPrintable(train.err));
        const ModelManifest m = readModelManifest(bundle);
        QCOMPARE(m.schemaId, QStringLiteral("FaceScape-68"));
        QCOMPARE(m.landmarks, 68);
        QCOMPARE(m.templateLandmarks.rows(), Eigen::Index(68));

        const QString out = m_dir.filePath(QStringLiteral("facescape-out"));
        const Run p = cli({QStringLiteral("predict"), QStringLiteral("--model"), bundle,
                           QStringLiteral("-o"), out, root});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        const LandmarkFile predicted = readLandmarks(
            out + QStringLiteral("/3/landmarks.predicted.csv"), LandmarkSchema::facescape68());
        QCOMPARE(predicted.landmarks.presentCount(), 68);

        const QString report = m_dir.filePath(QStringLiteral("facescape-report"));
        const Run e = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), bundle,
                           QStringLiteral("--data"), root, QStringLiteral("--report"), report});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        // The per-landmark table has the 68 landmarks, by key; the distance matrix is 68 x 68.
        const QDir reportDir(report);
        const QStringList perLandmark =
            reportDir.entryList({QStringLiteral("*_per_landmark.csv")}, QDir::Files);
        const QStringList pairwise =
            reportDir.entryList({QStringLiteral("*_pairwise.csv")}, QDir::Files);
        QVERIFY(!perLandmark.isEmpty() && !pairwise.isEmpty());
        const QByteArray table = readAll(reportDir.filePath(perLandmark.first()));
        QVERIFY2(table.contains("Jaw09") && table.contains("Lip68"), table.left(400).constData());
        QCOMPARE(readAll(reportDir.filePath(pairwise.first())).trimmed().count('\n'), 68);

        // The models and the data must follow the same landmarks.
        const Run wrongModel =
            cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                 QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x")), root});
        QCOMPARE(wrongModel.code, 2);
        QVERIFY2(wrongModel.err.contains(QStringLiteral(
                     "the model predicts the LA-FAS-50 (50 landmarks); this case follows "
                     "FaceScape-68 (68 landmarks)")),
                 qPrintable(wrongModel.err));
        const Run wrongData =
            cli({QStringLiteral("predict"), QStringLiteral("--model"), bundle, QStringLiteral("-o"),
                 m_dir.filePath(QStringLiteral("y")), m_data + QStringLiteral("/D001")});
        QCOMPARE(wrongData.code, 2);
        QVERIFY2(wrongData.err.contains(QStringLiteral(
                     "the model predicts the FaceScape-68 (68 landmarks); this case follows "
                     "LA-FAS-50 (50 landmarks)")),
                 qPrintable(wrongData.err));
        const Run wrongTune =
            cli({QStringLiteral("train"), QStringLiteral("--data"), root, QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("z.palnet")), QStringLiteral("--init"), m_model,
                 QStringLiteral("--epochs"), QStringLiteral("1")});
        QCOMPARE(wrongTune.code, 2);
        QVERIFY2(wrongTune.err.contains(QStringLiteral("a model can only be fine-tuned on its own "
                                                       "landmarks")),
                 qPrintable(wrongTune.err));
    }

    // A folder of .npz cases (tests/data/npz: a mesh with a transform, and a point cloud) is
    // listed, predicted beside the files and evaluated.
    void npzCasesArePredictedAndEvaluated() {
        const QString folder = m_dir.filePath(QStringLiteral("npz"));
        QDir().mkpath(folder);
        for (const char* name : {"mesh_case.npz", "points_case.npz"}) {
            QVERIFY(QFile::copy(test::dataPath(QStringLiteral("npz/") + QLatin1String(name)),
                                folder + QLatin1Char('/') + QLatin1String(name)));
        }
        const Run info = cli({QStringLiteral("info"), folder});
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral("layout: NumPy .npz")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("mesh_case  mesh_case.npz  transform  49/50")),
                 qPrintable(info.out));
        const Run p = cli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, folder});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        for (const char* id : {"mesh_case", "points_case"}) {
            const QString out = folder + QLatin1Char('/') + QLatin1String(id) +
                                QStringLiteral(".landmarks.predicted.txt");
            QCOMPARE(readLandmarks(out).landmarks.presentCount(), 50);
        }
        const Run e = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model,
                           QStringLiteral("--data"), folder, QStringLiteral("--report"),
                           m_dir.filePath(QStringLiteral("npz-report"))});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        // A third case too small to cut patches from fails alone: the two others in the same
        // folder are still evaluated, and the failure is named.
        writeNpz(folder + QStringLiteral("/tiny.npz"),
                 {{QStringLiteral("points"), formatNpyMatrix(Eigen::MatrixXd::Random(30, 3))},
                  {QStringLiteral("landmarks"), formatNpyMatrix(Eigen::MatrixXd::Zero(50, 3))}});
        const QString report = m_dir.filePath(QStringLiteral("npz-report-2"));
        const Run e2 = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model,
                            QStringLiteral("--data"), folder, QStringLiteral("--report"), report});
        QCOMPARE(e2.code, 2);
        QVERIFY2(e2.err.contains(QStringLiteral("1 of 3 case(s) could not be predicted")) &&
                     e2.err.contains(QStringLiteral("tiny: ")),
                 qPrintable(e2.err));
        const QDir reportDir(report);
        const QStringList perCase =
            reportDir.entryList({QStringLiteral("*_per_case.csv")}, QDir::Files);
        QVERIFY(!perCase.isEmpty());
        const QByteArray table = readAll(reportDir.filePath(perCase.first()));
        QVERIFY2(table.contains("mesh_case") && table.contains("points_case") &&
                     !table.contains("tiny"),
                 table.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliPredict)
#include "tst_cli_predict.moc"
