// Data-parallel training across processes (torch.distributed's Gloo process group over TCP),
// run as a user runs it: palstudio-cli train started twice on 127.0.0.1 with WORLD_SIZE=2, as
// torchrun would. Two processes on one global batch learn what one process learns: the same
// losses each epoch and the same weights. A process that dies stops the other with a clear
// message, and a restart resumes from the last checkpoint. On GENERATED demo faces.

#include "core/model/ModelBundle.h"
#include "tests/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A TCP port nobody listens on now (the kernel's choice for port 0).
int freePort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
        port = ntohs(a.sin_port);
    }
    ::close(s);
    return port;
}

// palstudio-cli with args, as rank `rank` of 2 with the variables torchrun sets (rank < 0:
// alone).
std::unique_ptr<QProcess> startCli(const QStringList& args, int rank = -1, int port = 0) {
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (rank >= 0) {
        env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
        env.insert(QStringLiteral("RANK"), QString::number(rank));
        env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    }
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(PALSTUDIO_CLI), args);
    p->waitForStarted();
    return p;
}

// The files under a folder, by relative path, with their bytes.
QMap<QString, QByteArray> filesUnder(const QString& root) {
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            out.insert(QDir(root).relativeFilePath(path), f.readAll());
        }
    }
    return out;
}

// palstudio-cli train with the options every run here shares: K = 100, batches of 3 (so the
// 7 training cases of 9 end in a batch of 1: the second process then adds zeros; the
// validation's 2 cases split 1 + 1), no dropout (whose masks differ between processes), one
// thread each.
std::unique_ptr<QProcess> startTrain(const QString& data, const QString& out, int epochs,
                                     const QStringList& extra = {}, int rank = -1, int port = 0) {
    return startCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), data,
                                QStringLiteral("--out"), out, QStringLiteral("--patch-size"),
                                QStringLiteral("100"), QStringLiteral("--epochs"),
                                QString::number(epochs), QStringLiteral("--batch"),
                                QStringLiteral("3"), QStringLiteral("--variant"),
                                QStringLiteral("no-dropout"), QStringLiteral("--threads"),
                                QStringLiteral("1"), QStringLiteral("--keep-checkpoint"),
                                QStringLiteral("--dist-timeout"), QStringLiteral("60")} +
                        extra,
                    rank, port);
}

struct Ended {
    int code = -1;
    QString err;
};

Ended finish(QProcess& p, int ms = 300000) {
    p.waitForFinished(ms);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardError())};
}

// The losses of every epoch, from the checkpoint the run kept.
std::vector<std::pair<double, double>> losses(const QString& bundle) {
    QFile f(bundle + QStringLiteral(".ckpt.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    std::vector<std::pair<double, double>> out;
    const QJsonArray history =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("history")).toArray();
    for (const QJsonValue& e : history) {
        out.emplace_back(e.toObject().value(QStringLiteral("trainLoss")).toDouble(),
                         e.toObject().value(QStringLiteral("validationLoss")).toDouble());
    }
    return out;
}

} // namespace

class TestCliDistributed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_data = pal::test::generatedDataset(m_dir.filePath(QStringLiteral("data")), 9);
    }

    void twoProcessesLearnWhatOneLearns() {
        const QString one = m_dir.filePath(QStringLiteral("one/m.palnet"));
        const QString two = m_dir.filePath(QStringLiteral("two/m.palnet"));
        auto single = startTrain(m_data, one, 3);
        const Ended s = finish(*single);
        QVERIFY2(s.code == 0, qPrintable(s.err));

        const int port = freePort();
        auto rank1 = startTrain(m_data, two, 3, {}, 1, port);
        auto rank0 = startTrain(m_data, two, 3, {}, 0, port);
        const Ended r0 = finish(*rank0);
        const Ended r1 = finish(*rank1);
        QVERIFY2(r0.code == 0, qPrintable(r0.err));
        QVERIFY2(r1.code == 0, qPrintable(r1.err));
        QVERIFY2(r0.err.contains(QStringLiteral("training process 0 of 2")), qPrintable(r0.err));
        QVERIFY2(r1.err.contains(QStringLiteral("rank 0 writes the model")), qPrintable(r1.err));

        const auto a = losses(one);
        const auto b = losses(two);
        QCOMPARE(a.size(), std::size_t(3));
        QCOMPARE(b.size(), a.size());
        for (std::size_t e = 0; e < a.size(); ++e) {
            QVERIFY2(std::abs(a[e].first - b[e].first) <= 1e-4 * std::abs(a[e].first) &&
                         std::abs(a[e].second - b[e].second) <= 1e-4 * std::abs(a[e].second),
                     qPrintable(QStringLiteral("epoch %1: train %2 / %3, validation %4 / %5")
                                    .arg(e + 1)
                                    .arg(a[e].first)
                                    .arg(b[e].first)
                                    .arg(a[e].second)
                                    .arg(b[e].second)));
        }
        // Float sums in another order. Almost every weight agrees to a few units in the last
        // place; Adam divides each gradient by its own running size, so a weight whose gradient
        // is a near-cancelling sum (rounding-sized) can step differently, by at most about the
        // learning rate per step (1e-3 here, 9 steps).
        const pal::ModelBundle x = pal::readModelBundle(one);
        const pal::ModelBundle y = pal::readModelBundle(two);
        QCOMPARE(x.tensors.size(), y.tensors.size());
        double worst = 0;
        QString worstTensor;
        std::size_t total = 0, apart = 0;
        for (std::size_t t = 0; t < x.tensors.size(); ++t) {
            QCOMPARE(x.tensors[t].name, y.tensors[t].name);
            QCOMPARE(x.tensors[t].data.size(), y.tensors[t].data.size());
            for (std::size_t i = 0; i < x.tensors[t].data.size(); ++i) {
                const double d = std::abs(x.tensors[t].data[i] - y.tensors[t].data[i]);
                ++total;
                apart += d > 1e-5 ? 1 : 0;
                if (d > worst) {
                    worst = d;
                    worstTensor =
                        QString::fromStdString(x.tensors[t].name) + QStringLiteral("[%1]").arg(i);
                }
            }
        }
        const QString summary = QStringLiteral("%1 of %2 weights differ by more than 1e-5; the "
                                               "most, by %3, at %4")
                                    .arg(apart)
                                    .arg(total)
                                    .arg(worst)
                                    .arg(worstTensor);
        QVERIFY2(apart * 10000 <= total, qPrintable(summary));
        QVERIFY2(worst <= 9 * 2e-3, qPrintable(summary));
        qInfo("%s", qPrintable(summary));
    }

    void aProcessThatDiesStopsTheOtherAndARestartResumes() {
        const QString out = m_dir.filePath(QStringLiteral("killed/m.palnet"));
        const int port = freePort();
        // A long step timeout: the dead peer must be noticed by its closed connection, not
        // by the clock.
        const QStringList patient{QStringLiteral("--dist-timeout"), QStringLiteral("600")};
        auto rank1 = startTrain(m_data, out, 40, patient, 1, port);
        auto rank0 = startTrain(m_data, out, 40, patient, 0, port);
        // Rank 0 reports each epoch on its standard error; kill rank 1 after the second.
        QString said;
        rank0->setReadChannel(QProcess::StandardError);
        QElapsedTimer clock;
        clock.start();
        while (!said.contains(QStringLiteral("epoch   2/")) && clock.elapsed() < 240000 &&
               rank0->state() == QProcess::Running) {
            rank0->waitForReadyRead(1000);
            said += QString::fromUtf8(rank0->readAllStandardError());
        }
        QVERIFY2(said.contains(QStringLiteral("epoch   2/")),
                 qPrintable(said + QString::fromUtf8(rank1->readAllStandardError())));
        rank1->kill();
        rank1->waitForFinished(10000);
        clock.restart();
        const Ended r0 = finish(*rank0, 90000);
        QVERIFY2(clock.elapsed() < 30000, "rank 0 should stop soon after rank 1 died");
        said += r0.err;
        QCOMPARE(r0.code, 2);
        QVERIFY2(said.contains(QStringLiteral("process 0 of 2: ")) &&
                     said.contains(QStringLiteral("another process stopped or cannot be reached")),
                 qPrintable(said));

        // Both again, from the checkpoint rank 0 wrote.
        const QString checkpoint = out + QStringLiteral(".ckpt.json");
        QVERIFY(QFile::exists(checkpoint));
        const std::size_t done = losses(out).size();
        QVERIFY(done >= 2);
        const int port2 = freePort();
        const QStringList resume{QStringLiteral("--resume"), checkpoint};
        auto again1 = startTrain(m_data, out, int(done) + 2, resume, 1, port2);
        auto again0 = startTrain(m_data, out, int(done) + 2, resume, 0, port2);
        const Ended a0 = finish(*again0);
        const Ended a1 = finish(*again1);
        QVERIFY2(a0.code == 0, qPrintable(a0.err));
        QVERIFY2(a1.code == 0, qPrintable(a1.err));
        QVERIFY2(a0.err.contains(QStringLiteral("resuming ")), qPrintable(a0.err));
        QCOMPARE(losses(out).size(), done + 2);
        QVERIFY(QFile::exists(out));
    }

    // Evaluation and prediction split their cases between the processes: rank 0's report and
    // the predictions written are the bytes one process writes (the HTML report names its own
    // folder, so the CSV files are compared).
    void evaluationAndPredictionSplitAcrossProcesses() {
        for (const QString& command : {QStringLiteral("evaluate"), QStringLiteral("predict")}) {
            const bool evaluate = command == QLatin1String("evaluate");
            auto args = [&](const QString& where) {
                return evaluate ? QStringList{command,
                                              QStringLiteral("--data"),
                                              m_data,
                                              QStringLiteral("--report"),
                                              where,
                                              QStringLiteral("--threads"),
                                              QStringLiteral("1")}
                                : QStringList{command,
                                              m_data,
                                              QStringLiteral("-o"),
                                              where,
                                              QStringLiteral("--threads"),
                                              QStringLiteral("1")};
            };
            const QString one = m_dir.filePath(command + QStringLiteral("-one"));
            const QString two = m_dir.filePath(command + QStringLiteral("-two"));
            auto single = startCli(args(one));
            const Ended s = finish(*single);
            QVERIFY2(s.code == 0, qPrintable(s.err));
            const int port = freePort();
            auto rank1 = startCli(args(two), 1, port);
            auto rank0 = startCli(args(two), 0, port);
            const Ended r0 = finish(*rank0);
            const Ended r1 = finish(*rank1);
            QVERIFY2(r0.code == 0, qPrintable(r0.err));
            QVERIFY2(r1.code == 0, qPrintable(r1.err));
            QMap<QString, QByteArray> a = filesUnder(one);
            QMap<QString, QByteArray> b = filesUnder(two);
            a.remove(QStringLiteral("report.html"));
            b.remove(QStringLiteral("report.html"));
            QVERIFY(a.size() >= 9); // the CSV files, or one prediction per case (9)
            QCOMPARE(b.keys(), a.keys());
            for (auto it = a.cbegin(); it != a.cend(); ++it) {
                QVERIFY2(b.value(it.key()) == it.value(), qPrintable(it.key()));
            }
        }
    }

    // Processes that would not train the same run (here: other epoch counts, which would pair
    // one's steps with the other's validation) refuse to start.
    void processesOfDifferentRunsRefuse() {
        const QString out = m_dir.filePath(QStringLiteral("mismatch/m.palnet"));
        const int port = freePort();
        auto rank1 = startTrain(m_data, out, 4, {}, 1, port);
        auto rank0 = startTrain(m_data, out, 3, {}, 0, port);
        const Ended r0 = finish(*rank0, 120000);
        const Ended r1 = finish(*rank1, 120000);
        for (const Ended& e : {r0, r1}) {
            QCOMPARE(e.code, 2);
            QVERIFY2(e.err.contains(QStringLiteral("processes do not train the same run")),
                     qPrintable(e.err));
        }
        QVERIFY(!QFile::exists(out));
    }

    void aWrongAddressFailsWithItsName() {
        // Rank 1 alone, with nobody at the address: it says where it looked, in time.
        auto lone =
            startTrain(m_data, m_dir.filePath(QStringLiteral("lone/m.palnet")), 1,
                       {QStringLiteral("--dist-timeout"), QStringLiteral("3")}, 1, freePort());
        const Ended e = finish(*lone, 60000);
        QCOMPARE(e.code, 2);
        QVERIFY2(e.err.contains(QStringLiteral("could not join the others within 3 s")) &&
                     e.err.contains(QStringLiteral("tcp://127.0.0.1:")),
                 qPrintable(e.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_data;
};

QTEST_GUILESS_MAIN(TestCliDistributed)
#include "tst_cli_distributed.moc"
