#include "core/engine/Trainer.h"

#include "core/dataset/Dataset.h"
#include "core/errors/Error.h"
#include "core/geometry/KdTree.h"
#include "core/geometry/MeshOps.h"
#include "core/geometry/Patches.h"
#include "core/geometry/Transform.h"
#include "core/io/FileBytes.h"
#include "core/review/ReviewStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <numeric>
#include <random>

namespace pal::engine {
namespace {

struct Sample {
    QString id;
    Case source;
    Eigen::MatrixX3d target; // L x 3, common frame
    QString cacheFile;
};

// The training target of a case: its annotation, or (reviewedOnly) a review whose every
// landmark a person corrected, confirmed or placed. In the common frame.
std::optional<Eigen::MatrixX3d> targetOf(const Case& c, bool reviewedOnly) {
    LandmarkSet set;
    if (reviewedOnly) {
        const std::optional<ReviewSnapshot> review = readReview(sidecarPath(c));
        if (!review) {
            return std::nullopt;
        }
        for (int i = 0; i < review->working.size(); ++i) {
            const LandmarkStatus s = review->working.at(i).status;
            if (s != LandmarkStatus::Corrected && s != LandmarkStatus::Confirmed &&
                s != LandmarkStatus::Placed) {
                return std::nullopt;
            }
        }
        set = review->working;
    } else {
        if (!c.hasLandmarks()) {
            return std::nullopt;
        }
        set = c.readLandmarks().landmarks;
    }
    transformLandmarks(c.readTransform(), set);
    return set.positions();
}

quint64 uniformIndex(std::mt19937_64& rng, quint64 n) {
    return static_cast<quint64>((rng() >> 11) * 0x1.0p-53 * static_cast<double>(n));
}

QByteArray bytesOf(const Eigen::MatrixX3d& m) {
    return QByteArray(reinterpret_cast<const char*>(m.data()),
                      static_cast<qsizetype>(m.size() * sizeof(double)));
}

// The patches of a case, from the cache or computed and cached. The key covers everything
// the patches depend on: the mesh file, the transform, K and the template.
std::vector<float> patchesOf(const Sample& s, int K, const Eigen::MatrixX3d& templ) {
    if (QFileInfo::exists(s.cacheFile)) {
        const FileBytes bytes(s.cacheFile);
        const std::size_t n = static_cast<std::size_t>(templ.rows()) * K * 3;
        if (bytes.size() == n * sizeof(float)) {
            std::vector<float> out(n);
            std::memcpy(out.data(), bytes.view().data(), bytes.size());
            return out;
        }
    }
    Mesh mesh = s.source.readMesh(nullptr, true);
    weldVertices(mesh);
    const KdTree3 tree(mesh.vertices);
    std::vector<float> p = extractPatches(mesh.vertices, tree, templ, K);
    writeFileAtomically(s.cacheFile, QByteArray(reinterpret_cast<const char*>(p.data()),
                                                static_cast<qsizetype>(p.size() * sizeof(float))));
    return p;
}

QString cacheKey(const Case& c, int K, const Eigen::MatrixX3d& templ) {
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString& f : {c.files().mesh, c.files().transform}) {
        if (f.isEmpty()) {
            continue;
        }
        const QFileInfo info(f);
        h.addData(info.absoluteFilePath().toUtf8());
        h.addData(QByteArray::number(info.size()));
        h.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
    }
    h.addData(QByteArray::number(K));
    h.addData(bytesOf(templ));
    return QString::fromLatin1(h.result().toHex().left(16));
}

QJsonArray toJson(const QStringList& l) {
    return QJsonArray::fromStringList(l);
}
QStringList fromJson(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray()) {
        out << x.toString();
    }
    return out;
}

} // namespace

Trainer::Trainer(TrainOptions options) : m_options(std::move(options)) {}

TrainResult Trainer::run(const std::function<void(const EpochReport&)>& onEpoch,
                         const std::atomic<bool>* cancel) {
    const TrainOptions& o = m_options;
    TrainResult result;
    result.bundlePath = o.out;
    result.checkpointPath = o.out + QStringLiteral(".ckpt.json");
    const QString stateFile = o.out + QStringLiteral(".ckpt.pt");
    const QString bestFile = o.out + QStringLiteral(".best.palnet");

    // Cases with a target, in dataset order; registration outliers set aside.
    const Dataset ds = Dataset::open(o.dataDir);
    std::vector<Sample> samples;
    for (const Case& c : ds.cases()) {
        if (o.excludeCases.contains(c.id())) {
            continue;
        }
        if (auto t = targetOf(c, o.reviewedOnly)) {
            samples.push_back({c.id(), c, *t, {}});
        }
    }
    if (samples.empty()) {
        throw ValidationError(o.dataDir,
                              o.reviewedOnly
                                  ? QStringLiteral("no case has a completed review to fine-tune on")
                                  : QStringLiteral("no case has landmarks to train on"));
    }
    std::vector<Sample> kept;
    const Eigen::MatrixX3d reference = samples.front().target; // the reference's "case 0"
    for (Sample& s : samples) {
        if ((s.target - reference).norm() >= 120.0) {
            result.outliers << s.id;
        } else {
            kept.push_back(std::move(s));
        }
    }
    // Seeded split: a Fisher-Yates shuffle, then the validation part (or fold) taken out.
    std::vector<std::size_t> order(kept.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(o.seed);
    for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[uniformIndex(rng, i)]);
    }
    std::vector<std::size_t> trainIdx;
    std::vector<std::size_t> valIdx;
    const std::size_t n = order.size();
    const std::size_t valCount =
        o.folds > 1 ? n / static_cast<std::size_t>(o.folds)
                    : std::max<std::size_t>(
                          1, static_cast<std::size_t>(std::lround(o.validationFraction * n)));
    const std::size_t valStart =
        o.folds > 1 ? static_cast<std::size_t>(std::max(0, o.fold)) * valCount : 0;
    for (std::size_t i = 0; i < n; ++i) {
        (i >= valStart && i < valStart + valCount ? valIdx : trainIdx).push_back(order[i]);
    }
    if (trainIdx.empty() || valIdx.empty()) {
        throw ValidationError(
            o.dataDir,
            QStringLiteral("%1 usable case(s): too few for a training and a validation split")
                .arg(n));
    }
    for (std::size_t i : trainIdx) {
        result.trainCases << kept[i].id;
    }
    for (std::size_t i : valIdx) {
        result.validationCases << kept[i].id;
    }

    // The network, its template, and where training starts.
    PalNetConfig config{o.patchSize, 50, true};
    std::optional<ModelBundle> parent;
    if (!o.init.isEmpty()) {
        parent = readModelBundle(o.init);
        config.patchSize = parent->manifest.patchSize;
        config.attention = parent->manifest.variant != QLatin1String("no-attention");
    }
    Eigen::MatrixX3d templ = Eigen::MatrixX3d::Zero(50, 3);
    if (parent) {
        templ = parent->manifest.templateLandmarks;
    } else {
        for (std::size_t i : trainIdx) {
            templ += kept[i].target;
        }
        templ /= static_cast<double>(trainIdx.size());
    }
    PalNet::seedRandom(o.seed);
    PalNet net(config, o.seed, o.device);
    if (parent) {
        net.importWeights(parent->tensors);
    }
    net.startTraining(o.learningRate);

    int startEpoch = 1;
    double bestVal = std::numeric_limits<double>::infinity();
    int bestEpoch = 0;
    double plateauBest = std::numeric_limits<double>::infinity();
    int badEpochs = 0;
    // The best weights live on disk only (bestFile, rewritten at each improvement): a copy
    // in memory would add the whole network's size to the peak.
    if (!o.resume.isEmpty()) {
        const FileBytes bytes(o.resume);
        const QJsonObject ck =
            QJsonDocument::fromJson(
                QByteArray(bytes.view().data(), static_cast<qsizetype>(bytes.size())))
                .object();
        if (ck.value(QStringLiteral("format")).toString() !=
            QLatin1String("palstudio-checkpoint")) {
            throw FormatError(o.resume, QStringLiteral("not a PAL Studio training checkpoint"));
        }
        if (fromJson(ck.value(QStringLiteral("trainCases"))) != result.trainCases ||
            ck.value(QStringLiteral("patchSize")).toInt() != config.patchSize) {
            throw ValidationError(
                o.resume,
                QStringLiteral("the checkpoint was made with other data, seed or patch size"));
        }
        net.loadState(
            QFileInfo(o.resume).dir().filePath(ck.value(QStringLiteral("state")).toString()));
        net.setLearningRate(ck.value(QStringLiteral("learningRate")).toDouble());
        startEpoch = ck.value(QStringLiteral("epoch")).toInt() + 1;
        bestVal = ck.value(QStringLiteral("bestValidationLoss")).toDouble();
        bestEpoch = ck.value(QStringLiteral("bestEpoch")).toInt();
        plateauBest = ck.value(QStringLiteral("plateauBest")).toDouble();
        badEpochs = ck.value(QStringLiteral("badEpochs")).toInt();
    }

    const QString cacheDir = o.cacheDir.isEmpty()
                                 ? QDir(o.dataDir).filePath(QStringLiteral(".palstudio-cache"))
                                 : o.cacheDir;
    QDir().mkpath(cacheDir);
    for (Sample& s : kept) {
        s.cacheFile = QDir(cacheDir).filePath(s.id + QLatin1Char('-') +
                                              cacheKey(s.source, config.patchSize, templ) +
                                              QStringLiteral(".f32"));
    }
    // Batches in a fixed order (the reference does not shuffle); patches are read from the
    // cache one batch at a time, so memory does not grow with the number of cases.
    auto runBatches = [&](const std::vector<std::size_t>& idx, bool train, bool& cancelled) {
        double sum = 0;
        for (std::size_t start = 0; start < idx.size();
             start += static_cast<std::size_t>(o.batchSize)) {
            if (cancel && cancel->load()) {
                cancelled = true;
                return 0.0;
            }
            const std::size_t count =
                std::min<std::size_t>(static_cast<std::size_t>(o.batchSize), idx.size() - start);
            std::vector<float> patches;
            std::vector<float> targets;
            for (std::size_t k = 0; k < count; ++k) {
                const Sample& s = kept[idx[start + k]];
                const std::vector<float> p = patchesOf(s, config.patchSize, templ);
                patches.insert(patches.end(), p.begin(), p.end());
                for (Eigen::Index r = 0; r < s.target.rows(); ++r) {
                    for (int c = 0; c < 3; ++c) {
                        targets.push_back(static_cast<float>(s.target(r, c)));
                    }
                }
            }
            const int b = static_cast<int>(count);
            const PalNet::Loss loss = train ? net.trainStep(patches.data(), targets.data(), b)
                                            : net.evaluate(patches.data(), targets.data(), b);
            sum += loss.total * static_cast<double>(count);
        }
        return sum / static_cast<double>(idx.size());
    };

    for (int epoch = startEpoch; epoch <= o.epochs; ++epoch) {
        QElapsedTimer timer;
        timer.start();
        PalNet::seedRandom(o.seed * 1000003ULL +
                           static_cast<quint64>(epoch)); // dropout, per epoch: resumable
        bool cancelled = false;
        const double trainLoss = runBatches(trainIdx, true, cancelled);
        const double valLoss = cancelled ? 0.0 : runBatches(valIdx, false, cancelled);
        if (cancelled) {
            result.cancelled = true;
            break;
        }
        EpochReport report{epoch, o.epochs, trainLoss, valLoss, net.learningRate(), 0.0, false};
        if (valLoss < bestVal) {
            bestVal = valLoss;
            bestEpoch = epoch;
            report.best = true;
        }
        // Reduce on plateau (as torch's ReduceLROnPlateau: relative threshold 1e-4).
        if (valLoss < plateauBest * (1.0 - 1e-4)) {
            plateauBest = valLoss;
            badEpochs = 0;
        } else if (++badEpochs > o.plateauPatience) {
            net.setLearningRate(net.learningRate() * o.plateauFactor);
            badEpochs = 0;
        }
        // The checkpoint of this epoch, written atomically: state, best weights, counters.
        net.saveState(stateFile);
        if (report.best) {
            ModelBundle best;
            best.manifest.patchSize = config.patchSize;
            best.manifest.templateLandmarks = templ;
            best.tensors = net.exportWeights();
            best.manifest.schemaKeys = LandmarkSchema::lafas50()->keys();
            writeModelBundle(bestFile, best);
        }
        const QJsonObject ck{{QStringLiteral("format"), QStringLiteral("palstudio-checkpoint")},
                             {QStringLiteral("formatVersion"), 1},
                             {QStringLiteral("epoch"), epoch},
                             {QStringLiteral("state"), QFileInfo(stateFile).fileName()},
                             {QStringLiteral("best"), QFileInfo(bestFile).fileName()},
                             {QStringLiteral("learningRate"), net.learningRate()},
                             {QStringLiteral("bestValidationLoss"), bestVal},
                             {QStringLiteral("bestEpoch"), bestEpoch},
                             {QStringLiteral("plateauBest"), plateauBest},
                             {QStringLiteral("badEpochs"), badEpochs},
                             {QStringLiteral("patchSize"), config.patchSize},
                             {QStringLiteral("seed"), QString::number(o.seed)},
                             {QStringLiteral("trainCases"), toJson(result.trainCases)},
                             {QStringLiteral("validationCases"), toJson(result.validationCases)}};
        writeFileAtomically(result.checkpointPath, QJsonDocument(ck).toJson());
        report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        result.epochsRun = epoch;
        if (onEpoch) {
            onEpoch(report);
        }
        if (epoch - bestEpoch >= o.earlyStopping) {
            break;
        }
    }
    result.bestEpoch = bestEpoch;
    result.bestValidationLoss = bestVal;
    if (bestEpoch == 0 || !QFileInfo::exists(bestFile)) {
        return result; // cancelled before the first epoch ended
    }

    ModelBundle bundle;
    ModelManifest& m = bundle.manifest;
    m.patchSize = config.patchSize;
    m.variant = config.attention ? QStringLiteral("attention") : QStringLiteral("no-attention");
    m.templateLandmarks = templ;
    m.schemaKeys = LandmarkSchema::lafas50()->keys();
    m.weightsDtype = o.weightsDtype;
    QJsonObject provenance{
        {QStringLiteral("createdBy"), QStringLiteral("palstudio-cli train")},
        {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("trainingData"), QFileInfo(o.dataDir).absoluteFilePath()},
        {QStringLiteral("seed"), QString::number(o.seed)},
        {QStringLiteral("trainCases"), toJson(result.trainCases)},
        {QStringLiteral("validationCases"), toJson(result.validationCases)},
        {QStringLiteral("outliers"), toJson(result.outliers)},
        {QStringLiteral("reviewedOnly"), o.reviewedOnly}};
    if (parent) {
        provenance.insert(QStringLiteral("parentModel"), QFileInfo(o.init).fileName());
        provenance.insert(QStringLiteral("parentSha256"), parent->manifest.weightsSha256);
    }
    // Generated data say so, with the generator's version, in the model they made.
    QFile manifestFile(QDir(o.dataDir).filePath(QStringLiteral("manifest.json")));
    if (manifestFile.open(QIODevice::ReadOnly)) {
        const QJsonObject dm = QJsonDocument::fromJson(manifestFile.readAll()).object();
        if (dm.value(QStringLiteral("generated")).toBool()) {
            provenance.insert(QStringLiteral("generatedData"), true);
            provenance.insert(QStringLiteral("generatorVersion"),
                              dm.value(QStringLiteral("generatorVersion")));
            provenance.insert(QStringLiteral("notice"),
                              QStringLiteral("Trained on generated data: not for clinical use."));
        }
    }
    m.provenance = provenance;
    m.metrics = QJsonObject{{QStringLiteral("bestValidationLoss"), bestVal},
                            {QStringLiteral("bestEpoch"), bestEpoch},
                            {QStringLiteral("epochsRun"), result.epochsRun}};
    bundle.tensors = readModelBundle(bestFile).tensors;
    writeModelBundle(o.out, bundle);
    return result;
}

} // namespace pal::engine
