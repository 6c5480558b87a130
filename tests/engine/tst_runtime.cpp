#include "core/engine/Runtime.h"

#include <QTest>

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadsAreSetOnce() {
        pal::engine::initializeRuntime(2);
        QCOMPARE(pal::engine::runtimeInfo().threads, 2);
        pal::engine::initializeRuntime(1);
        QCOMPARE(pal::engine::runtimeInfo().threads, 1);
        QCOMPARE(qgetenv("OPENBLAS_NUM_THREADS"), QByteArray("1"));
    }
    void describesTheDevice() {
        const pal::engine::RuntimeInfo info = pal::engine::runtimeInfo();
        QVERIFY(info.torchVersion.startsWith(QLatin1String("1.")) ||
                info.torchVersion.startsWith(QLatin1String("2.")));
        QCOMPARE(info.device, info.cudaAvailable ? QStringLiteral("cuda") : QStringLiteral("cpu"));
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
