#include "core/engine/Trainer.h"

#include "core/dataset/Dataset.h"
#include "core/engine/ProcessGroup.h"
#include "core/engine/TrainingCheckpoint.h"
#include "core/errors/Error.h"
#include "core/io/FileBytes.h"
#include "core/io/NativePath.h"
#include "core/model/TrainingFiles.h"
#include "core/workflow/CasePatches.h"
#include "core/workflow/TrainingData.h"

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

#include <unistd.h>

namespace pal::engine {
namespace {

struct Sample {
    QString id;
    Case source;
    Eigen::MatrixX3d target; // L x 3, common frame
    QString cacheFile;
};

// The cases a run trains and validates on, with its outliers.
struct Selection {
    std::vector<Sample> kept;
    std::vector<std::size_t> train; // indices into kept
    std::vector<std::size_t> validation;
};

// Step 1: the cases with a target (core/workflow/TrainingData.h), in dataset order, with the
// registration outliers set aside (a case whose landmarks lie 120 mm or more, Frobenius, from
// the first case's).
std::vector<Sample> selectSamples(const TrainOptions& o, QStringList& outliers, SchemaPtr& schema) {
    const Dataset dataset = Dataset::open(o.dataDir);
    schema = dataset.schema();
    const TrainingData data = trainingData(dataset, o.source, o.excludeCases);
    if (data.samples.empty()) {
        throw ValidationError(o.dataDir, noTrainingDataReason(o.source));
    }
    std::vector<Sample> kept;
    const Eigen::MatrixX3d reference = data.samples.front().target; // the reference's "case 0"
    for (const TrainingSample& s : data.samples) {
        if ((s.target - reference).norm() >= 120.0) {
            outliers << s.source.id();
        } else {
            kept.push_back({s.source.id(), s.source, s.target, {}});
        }
    }
    return kept;
}

quint64 uniformIndex(std::mt19937_64& rng, quint64 n) {
    return static_cast<quint64>((rng() >> 11) * 0x1.0p-53 * static_cast<double>(n));
}

// Step 2: a seeded Fisher-Yates shuffle, then the validation part (or fold) taken out.
Selection splitSamples(std::vector<Sample> kept, const TrainOptions& o) {
    Selection sel;
    sel.kept = std::move(kept);
    std::vector<std::size_t> order(sel.kept.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(o.seed);
    for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[uniformIndex(rng, i)]);
    }
    const std::size_t n = order.size();
    const std::size_t valCount =
        o.folds > 1 ? n / static_cast<std::size_t>(o.folds)
                    : std::max<std::size_t>(
                          1, static_cast<std::size_t>(std::lround(o.validationFraction * n)));
    const std::size_t valStart =
        o.folds > 1 ? static_cast<std::size_t>(std::max(0, o.fold)) * valCount : 0;
    for (std::size_t i = 0; i < n; ++i) {
        (i >= valStart && i < valStart + valCount ? sel.validation : sel.train).push_back(order[i]);
    }
    if (sel.train.empty() || sel.validation.empty()) {
        throw ValidationError(
            o.dataDir,
            QStringLiteral("%1 usable case(s): too few for a training and a validation split")
                .arg(n));
    }
    return sel;
}

QStringList idsOf(const Selection& sel, const std::vector<std::size_t>& idx) {
    QStringList out;
    for (std::size_t i : idx) {
        out << sel.kept[i].id;
    }
    return out;
}

QByteArray bytesOf(const Eigen::MatrixX3d& m) {
    return QByteArray(reinterpret_cast<const char*>(m.data()),
                      static_cast<qsizetype>(m.size() * sizeof(double)));
}

// The cache key covers everything the patches depend on: the mesh file, the transform, K and
// the template.
QString cacheKey(const Case& c, int K, const Eigen::MatrixX3d& templ) {
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString& f : {c.files().mesh, c.files().transform}) {
        if (f.isEmpty()) {
            continue;
        }
        // Native names (core/io/NativePath.h): for ordinary names the same key as
        // QFileInfo's absolute path, size and modification time gave.
        qint64 size = 0;
        qint64 modified = 0;
        fileStamp(f, size, modified);
        h.addData(nativePath(absolutePath(f)));
        h.addData(QByteArray::number(size));
        h.addData(QByteArray::number(modified));
    }
    h.addData(QByteArray::number(K));
    h.addData(bytesOf(templ));
    return QString::fromLatin1(h.result().toHex().left(16));
}

// The patches of a case, from the cache or cut (the same pipeline as prediction) and cached.
std::vector<float> patchesOf(const Sample& s, int K, const Eigen::MatrixX3d& templ) {
    if (pathKind(s.cacheFile) == PathKind::File) {
        const FileBytes bytes(s.cacheFile);
        const std::size_t n = static_cast<std::size_t>(templ.rows()) * K * 3;
        if (bytes.size() == n * sizeof(float)) {
            std::vector<float> out(n);
            std::memcpy(out.data(), bytes.view().data(), bytes.size());
            return out;
        }
    }
    const NetworkMesh input = readNetworkMesh(s.source);
    std::vector<float> p = cutPatches(*input.mesh, templ, K, s.source.files().mesh);
    writeFileAtomically(s.cacheFile, QByteArray(reinterpret_cast<const char*>(p.data()),
                                                static_cast<qsizetype>(p.size() * sizeof(float))));
    return p;
}

// Step 4: what the bundle says of where it came from. Generated data say so, with the
// generator's version, in the model they made.
QJsonObject provenanceOf(const TrainOptions& o, const TrainResult& r,
                         const std::optional<ModelBundle>& parent) {
    QJsonObject p{
        {QStringLiteral("createdBy"), QStringLiteral("palstudio-cli train")},
        {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("trainingData"), absolutePath(o.dataDir)},
        {QStringLiteral("seed"), QString::number(o.seed)},
        {QStringLiteral("trainCases"), QJsonArray::fromStringList(r.trainCases)},
        {QStringLiteral("validationCases"), QJsonArray::fromStringList(r.validationCases)},
        {QStringLiteral("outliers"), QJsonArray::fromStringList(r.outliers)},
        {QStringLiteral("trainedOn"), trainingSourceName(o.source)},
        {QStringLiteral("learningRate"), startLearningRate(o)}};
    if (parent) {
        p.insert(QStringLiteral("parentModel"), QFileInfo(o.init).fileName());
        p.insert(QStringLiteral("parentSha256"), parent->manifest.weightsSha256);
        p.insert(QStringLiteral("frozenBlocks"), o.freezeBlocks);
        if (r.parentValidationLoss) {
            p.insert(QStringLiteral("parentValidationLoss"), *r.parentValidationLoss);
        }
    }
    const QString manifestFile = QDir(o.dataDir).filePath(QStringLiteral("manifest.json"));
    if (pathKind(manifestFile) == PathKind::File) {
        const FileBytes bytes(manifestFile);
        const QJsonObject dm = QJsonDocument::fromJson(bytes.bytes()).object();
        if (dm.value(QStringLiteral("generated")).toBool()) {
            p.insert(QStringLiteral("generatedData"), true);
            p.insert(QStringLiteral("generatorVersion"),
                     dm.value(QStringLiteral("generatorVersion")));
            p.insert(QStringLiteral("notice"),
                     QStringLiteral("Trained on generated data: not for clinical use."));
        }
    }
    return p;
}

// One run's moving parts: the network, its template, the samples and the files it writes.
class Run {
public:
    Run(const TrainOptions& o, TrainResult& result, ProcessGroup* group)
        : o(o), result(result), group(group) {}

    void prepare();
    void resumeFrom(const QString& checkpoint);
    void epochs(const std::function<void(const EpochReport&)>& onEpoch,
                const std::atomic<bool>* cancel);
    // Fine-tuning: the parent's losses before any training, reported as epoch 0 and made the
    // best so far, so that only an epoch better than the parent is kept.
    void measureParent(const std::function<void(const EpochReport&)>& onEpoch,
                       const std::atomic<bool>* cancel);
    void writeBundle();
    bool hasBest() const {
        return bestEpoch > 0 && (pathExists(bestFile()) || pathExists(legacyBestFile()));
    }
    // Several processes must run the same training (cases, split, batches, epochs, network,
    // start): they compare a fingerprint of it, and each refuses a group that differs.
    void checkAgreement();
    // Rank 0 (or the only process) writes checkpoints and the bundle; the others only train.
    bool writes() const { return !group || group->rank() == 0; }

private:
    double runBatches(const std::vector<std::size_t>& idx, bool train,
                      const std::atomic<bool>* cancel, bool& cancelled);
    void checkpoint(int epoch, bool best);
    std::vector<EpochReport> history; // every finished epoch, resumed ones included
    // One state file per epoch: the checkpoint JSON, written last, names the one it belongs
    // to, so a kill between the two leaves the previous pair whole (resume never repeats an
    // epoch on weights that already include it).
    QString stateFile(int epoch) const { return o.out + QStringLiteral(".ckpt.e%1.pt").arg(epoch); }
    QString lastStateFile; // the state file the current checkpoint JSON names
    // The best weights so far, rewritten at each improvement: the network's weights alone, in
    // torch's format (a bundle, hashed and zipped, took longer than the epoch at K = 200).
    QString bestFile() const { return o.out + QStringLiteral(".best.pt"); }
    // Where runs before 2026-12 kept them (a bundle); read when a resumed run has no other.
    QString legacyBestFile() const { return o.out + QStringLiteral(".best.palnet"); }
    std::vector<NamedTensor> bestWeights(); // ends the training network

    const TrainOptions& o;
    TrainResult& result;
    ProcessGroup* group; // null: one process
    Selection sel;
    PalNetConfig config;
    std::optional<ModelBundle> parent;
    SchemaPtr schema; // the dataset's; the network predicts its landmarks
    Eigen::MatrixX3d templ;
    std::unique_ptr<PalNet> net;
    int startEpoch = 1;
    // The best weights live on disk only (bestFile, rewritten at each improvement): a copy in
    // memory would add the whole network's size to the peak.
    double bestVal = std::numeric_limits<double>::infinity();
    int bestEpoch = 0;
    double plateauBest = std::numeric_limits<double>::infinity();
    int badEpochs = 0;
};

// Step 3: the network, its template (the parent's, or the training split's mean), the cache.
void Run::prepare() {
    // The bundle's folder first: a run must not train an epoch to find it cannot save it.
    if (!makeFolders(folderOf(o.out))) {
        throw IoError(folderOf(o.out),
                      QStringLiteral("cannot create the folder for %1").arg(o.out));
    }
    sel = splitSamples(selectSamples(o, result.outliers, schema), o);
    result.trainCases = idsOf(sel, sel.train);
    result.validationCases = idsOf(sel, sel.validation);
    config.patchSize = o.patchSize;
    config.variant = o.variant;
    config.landmarks = schema->size();
    if (o.freezeBlocks != 0 && o.init.isEmpty()) {
        throw ValidationError(o.dataDir, QStringLiteral("frozen blocks keep a parent's weights: "
                                                        "they need a model to fine-tune"));
    }
    if (!o.init.isEmpty()) {
        parent = readModelBundle(o.init);
        if (!parent->manifest.schema->sameLandmarks(*schema)) {
            throw ValidationError(o.init, QStringLiteral("the model predicts the %1; the data in "
                                                         "%2 follow %3: a model can only be "
                                                         "fine-tuned on its own landmarks")
                                              .arg(parent->manifest.schema->describe(), o.dataDir,
                                                   schema->describe()));
        }
        config.patchSize = parent->manifest.patchSize;
        config.variant =
            variantFromName(parent->manifest.variant).value_or(NetworkVariant::Attention);
    }
    templ = Eigen::MatrixX3d::Zero(schema->size(), 3);
    if (parent) {
        templ = parent->manifest.templateLandmarks;
    } else {
        for (std::size_t i : sel.train) {
            templ += sel.kept[i].target;
        }
        templ /= static_cast<double>(sel.train.size());
    }
    PalNet::seedRandom(o.seed);
    if (o.freezeBlocks > config.blocks()) {
        throw ValidationError(o.init, QStringLiteral("%1 frozen block(s) asked, but this %2 "
                                                     "network has %3")
                                          .arg(o.freezeBlocks)
                                          .arg(variantName(config.variant))
                                          .arg(config.blocks()));
    }
    net = std::make_unique<PalNet>(config, o.seed, o.device);
    if (parent) {
        net->importWeights(parent->tensors);
    }
    net->startTraining(startLearningRate(o), o.freezeBlocks);
    const QString cacheDir = o.cacheDir.isEmpty()
                                 ? QDir(o.dataDir).filePath(QStringLiteral(".palstudio-cache"))
                                 : o.cacheDir;
    if (!makeFolders(cacheDir)) {
        throw IoError(cacheDir, QStringLiteral("cannot create the patch cache folder"));
    }
    for (Sample& s : sel.kept) {
        s.cacheFile = QDir(cacheDir).filePath(s.id + QLatin1Char('-') +
                                              cacheKey(s.source, config.patchSize, templ) +
                                              QStringLiteral(".f32"));
    }
}

void Run::resumeFrom(const QString& path) {
    const TrainingCheckpoint ck = TrainingCheckpoint::read(path);
    if (ck.trainCases != result.trainCases || ck.patchSize != config.patchSize) {
        throw ValidationError(
            path, QStringLiteral("the checkpoint was made with other data, seed or patch size"));
    }
    if (ck.variant != variantName(config.variant)) { // a fine-tune's parent changed since
        throw ValidationError(path, QStringLiteral("the checkpoint was made for the %1 network, "
                                                   "not %2")
                                        .arg(ck.variant, variantName(config.variant)));
    }
    if (ck.frozenBlocks != o.freezeBlocks) {
        throw ValidationError(path, QStringLiteral("the checkpoint was made with %1 frozen "
                                                   "block(s), not %2")
                                        .arg(ck.frozenBlocks)
                                        .arg(o.freezeBlocks));
    }
    const QString state = QDir(QFileInfo(path).path()).filePath(ck.stateFile);
    if (pathKind(state) != PathKind::File) {
        throw ValidationError(path, QStringLiteral("the checkpoint of epoch %1 names %2, which is "
                                                   "missing: it cannot be resumed")
                                        .arg(ck.epoch)
                                        .arg(ck.stateFile));
    }
    net->loadState(state);
    lastStateFile = state;
    result.resumedFromEpoch = ck.epoch;
    net->setLearningRate(ck.learningRate);
    startEpoch = ck.epoch + 1;
    bestVal = ck.bestValidationLoss;
    bestEpoch = ck.bestEpoch;
    plateauBest = ck.plateauBest;
    badEpochs = ck.badEpochs;
    history = ck.history;
    if (!history.empty() && history.front().epoch == 0) {
        result.parentValidationLoss = history.front().validationLoss;
    }
}

// Batches in a fixed order (the reference does not shuffle); patches are read from the cache
// one batch at a time, so memory does not grow with the number of cases. With several
// processes, each takes the cases of every batch at positions rank, rank + size, ... and the
// gradients are summed (each weighted by its share), so the step is the one a single process
// makes on the whole batch; the losses are summed at the end.
double Run::runBatches(const std::vector<std::size_t>& idx, bool train,
                       const std::atomic<bool>* cancel, bool& cancelled) {
    double sum = 0;
    const auto batch = static_cast<std::size_t>(o.batchSize);
    const std::size_t ranks = group ? static_cast<std::size_t>(group->size()) : 1;
    const std::size_t rank = group ? static_cast<std::size_t>(group->rank()) : 0;
    for (std::size_t start = 0; start < idx.size(); start += batch) {
        bool stop = cancel && cancel->load();
        if (group) {
            // Stopping is decided together, before each batch: all processes stop at the
            // same one, so their steps stay paired (a cancel on one stops them all).
            std::vector<double> anyStop{stop ? 1.0 : 0.0};
            group->sum(anyStop);
            stop = anyStop.front() > 0;
        }
        if (stop) {
            cancelled = true;
            return 0.0;
        }
        const std::size_t count = std::min(batch, idx.size() - start);
        std::vector<float> patches;
        std::vector<float> targets;
        std::size_t mine = 0;
        for (std::size_t k = rank; k < count; k += ranks, ++mine) {
            const Sample& s = sel.kept[idx[start + k]];
            const std::vector<float> p = patchesOf(s, config.patchSize, templ);
            patches.insert(patches.end(), p.begin(), p.end());
            for (Eigen::Index r = 0; r < s.target.rows(); ++r) {
                for (int c = 0; c < 3; ++c) {
                    targets.push_back(static_cast<float>(s.target(r, c)));
                }
            }
        }
        const int b = static_cast<int>(mine);
        PalNet::Loss loss;
        if (train) {
            PalNet::GradientSum gradients; // one process: its own gradients as they are
            if (group) {
                gradients = {static_cast<double>(mine) / static_cast<double>(count),
                             [this](float* values, std::size_t n) { group->sum(values, n); },
                             static_cast<int>(count), static_cast<int>(rank),
                             static_cast<int>(ranks)};
            }
            loss = net->trainStep(patches.data(), targets.data(), b, gradients);
        } else if (b > 0) {
            loss = net->evaluate(patches.data(), targets.data(), b);
        }
        sum += loss.total * static_cast<double>(mine);
    }
    if (group) {
        std::vector<double> all{sum};
        group->sum(all);
        sum = all.front();
    }
    return sum / static_cast<double>(idx.size());
}

// The checkpoint of an epoch: state, best weights when they improved, counters.
void Run::checkpoint(int epoch, bool best) {
    net->saveState(stateFile(epoch));
    if (best) {
        net->saveWeights(bestFile());
        ::unlink(nativePath(legacyBestFile()).constData()); // older than these, if any
    }
    TrainingCheckpoint ck;
    ck.epoch = epoch;
    ck.stateFile = QFileInfo(stateFile(epoch)).fileName();
    ck.bestFile = QFileInfo(bestFile()).fileName();
    ck.learningRate = net->learningRate();
    ck.bestValidationLoss = bestVal;
    ck.bestEpoch = bestEpoch;
    ck.plateauBest = plateauBest;
    ck.badEpochs = badEpochs;
    ck.history = history;
    ck.patchSize = config.patchSize;
    ck.seed = QString::number(o.seed);
    ck.frozenBlocks = o.freezeBlocks;
    ck.variant = variantName(config.variant);
    ck.trainCases = result.trainCases;
    ck.validationCases = result.validationCases;
    ck.write(result.checkpointPath); // last: from now on the new state file is the one
    if (!lastStateFile.isEmpty() && lastStateFile != stateFile(epoch)) {
        ::unlink(nativePath(lastStateFile).constData());
    }
    lastStateFile = stateFile(epoch);
}

void Run::measureParent(const std::function<void(const EpochReport&)>& onEpoch,
                        const std::atomic<bool>* cancel) {
    QElapsedTimer timer;
    timer.start();
    bool cancelled = false;
    // Both without dropout: how the parent predicts them, before it learns anything here.
    const double trainLoss = runBatches(sel.train, false, cancel, cancelled);
    const double valLoss = cancelled ? 0.0 : runBatches(sel.validation, false, cancel, cancelled);
    if (cancelled) {
        result.cancelled = true;
        return;
    }
    EpochReport report{0, o.epochs, trainLoss, valLoss, net->learningRate(), 0.0, true};
    report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    bestVal = valLoss;
    plateauBest = valLoss;
    result.parentValidationLoss = valLoss;
    history.push_back(report);
    if (onEpoch) {
        onEpoch(report);
    }
}

void Run::epochs(const std::function<void(const EpochReport&)>& onEpoch,
                 const std::atomic<bool>* cancel) {
    // A resumed run first replays the epochs it continues (marked fromCheckpoint), so that its
    // curve and log start at epoch 1 (0 for a fine-tune) rather than where it was stopped.
    for (EpochReport r : history) {
        r.epochs = o.epochs;
        if (onEpoch) {
            onEpoch(r);
        }
    }
    if (parent && history.empty()) {
        measureParent(onEpoch, cancel);
        if (result.cancelled) {
            return;
        }
    }
    for (int epoch = startEpoch; epoch <= o.epochs; ++epoch) {
        QElapsedTimer timer;
        timer.start();
        // Dropout, seeded per epoch: a resumed run repeats the uninterrupted one. Each process
        // of a group draws its own masks (rank 0 those of a single process).
        PalNet::seedRandom(o.seed * 1000003ULL + static_cast<quint64>(epoch) +
                           (group ? 7919ULL * static_cast<quint64>(group->rank()) : 0ULL));
        bool cancelled = false;
        const double trainLoss = runBatches(sel.train, true, cancel, cancelled);
        const double valLoss =
            cancelled ? 0.0 : runBatches(sel.validation, false, cancel, cancelled);
        if (cancelled) {
            result.cancelled = true;
            break;
        }
        EpochReport report{epoch, o.epochs, trainLoss, valLoss, net->learningRate(), 0.0, false};
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
            net->setLearningRate(net->learningRate() * o.plateauFactor);
            badEpochs = 0;
        }
        report.seconds = static_cast<double>(timer.elapsed()) / 1000.0; // training + validation
        history.push_back(report);
        if (writes()) {
            checkpoint(epoch, report.best);
        }
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
}

void Run::checkAgreement() {
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(result.trainCases.join(QLatin1Char(',')).toUtf8());
    h.addData(result.validationCases.join(QLatin1Char(',')).toUtf8());
    for (const qint64 v :
         {qint64(o.batchSize), qint64(o.epochs), qint64(config.patchSize), qint64(config.variant),
          qint64(o.seed), qint64(startEpoch), qint64(o.freezeBlocks), qint64(o.earlyStopping)}) {
        h.addData(QByteArray::number(v));
    }
    h.addData(QByteArray::number(net->learningRate(), 'g', 17));
    // 24 bits: exact in a double. All equal exactly when N x sum(f^2) = sum(f)^2.
    const QByteArray d = h.result();
    const double f = double((quint32(quint8(d[0])) << 16) | (quint32(quint8(d[1])) << 8) |
                            quint32(quint8(d[2])));
    std::vector<double> sums{f, f * f};
    group->sum(sums);
    if (double(group->size()) * sums[1] != sums[0] * sums[0]) {
        throw ValidationError(o.dataDir,
                              QStringLiteral("the %1 processes do not train the same run: give "
                                             "them the same data, options and checkpoint (this "
                                             "one: %2 training cases, batch %3, %4 epochs)")
                                  .arg(group->size())
                                  .arg(result.trainCases.size())
                                  .arg(o.batchSize)
                                  .arg(o.epochs));
    }
}

// Step 5: the bundle, from the best weights, with its provenance and metrics.
void Run::writeBundle() {
    ModelBundle bundle;
    ModelManifest& m = bundle.manifest;
    m.patchSize = config.patchSize;
    m.variant = variantName(config.variant);
    m.templateLandmarks = templ;
    m.useSchema(schema);
    m.weightsDtype = o.weightsDtype;
    m.provenance = provenanceOf(o, result, parent);
    m.metrics = QJsonObject{{QStringLiteral("bestValidationLoss"), bestVal},
                            {QStringLiteral("bestEpoch"), bestEpoch},
                            {QStringLiteral("epochsRun"), result.epochsRun}};
    bundle.tensors = bestWeights();
    writeModelBundle(o.out, bundle);
}

std::vector<NamedTensor> Run::bestWeights() {
    // Training is over: the network, its gradients and Adam's moments go first, so that the
    // best weights are read back beside the run's files rather than beside the whole run.
    net.reset();
    if (!pathExists(bestFile()) && pathExists(legacyBestFile())) {
        return readModelBundle(legacyBestFile()).tensors;
    }
    PalNet scratch(config, 0, Device::Cpu);
    scratch.loadState(bestFile());
    return scratch.exportWeights();
}

} // namespace

Trainer::Trainer(TrainOptions options) : m_options(std::move(options)) {}

TrainResult Trainer::run(const std::function<void(const EpochReport&)>& onEpoch,
                         const std::atomic<bool>* cancel) {
    TrainResult result;
    result.bundlePath = m_options.out;
    result.checkpointPath = m_options.out + QStringLiteral(".ckpt.json");
    TrainOptions options = m_options;
    if (!options.resume.isEmpty() && options.init.isEmpty()) {
        // The checkpoint says which network it holds: a resume goes on with that one.
        const std::optional<NetworkVariant> v =
            variantFromName(TrainingCheckpoint::read(options.resume).variant);
        if (!v) {
            throw FormatError(options.resume, QStringLiteral("unknown network variant"));
        }
        options.variant = *v;
    }
    // Several processes: join them first, so that a wrong address fails before any work.
    std::unique_ptr<ProcessGroup> group;
    if (options.distributed.worldSize > 1) {
        group = std::make_unique<ProcessGroup>(options.distributed);
        PalNet::useCudaDevice(options.distributed.localRank);
    }
    Run run(options, result, group.get());
    run.prepare();
    if (!options.resume.isEmpty()) {
        run.resumeFrom(options.resume);
    }
    if (group) {
        run.checkAgreement();
    }
    run.epochs(onEpoch, cancel);
    if (run.writes() && run.hasBest()) { // not when cancelled before the first epoch ended
        run.writeBundle();
    }
    if (group) {
        group->barrier(); // the others end when the bundle is written (or its writer failed)
    }
    if (!run.writes()) {
        return result; // the files are rank 0's
    }
    // Only once the run is over and its bundle (if any) is written: a failure above keeps the
    // checkpoint to resume. A file that cannot be removed does not undo a finished run.
    if (!result.cancelled && !m_options.keepCheckpoint) {
        const qint64 bytes = diskUse(trainingFilesOf(m_options.out));
        try {
            removeTrainingFiles(m_options.out);
            result.removedBytes = bytes;
        } catch (const IoError& e) {
            result.cleanupProblem = e.message();
        }
    }
    return result;
}

} // namespace pal::engine
