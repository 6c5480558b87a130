#pragma once

// The values that travel between the application (GUI, CLI, core/workflow) and the PAL-Net
// engine: what to predict or train with, and what comes back. Plain types only: no torch, no
// QObject, so that they cross the boundary of the engine library, which is loaded at run time
// (core/workflow/EngineLoader.h). The method behind them is described in docs/method.md.

#include "core/geometry/Snapping.h"
#include "core/landmarks/LandmarkSet.h"
#include "core/model/NetworkVariant.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace pal {

enum class Device { Auto, Cpu, Cuda };

// How a prediction's uncertainty is estimated (docs/method.md, "Uncertainty"): not at all,
// by test-time augmentation (the case moved rigidly a little, several times, each prediction
// moved back; the spread of those predictions), or by Monte-Carlo dropout (the network run
// several times with its dropout on).
enum class UncertaintyMethod { None, Augment, Dropout };

struct PredictorOptions {
    std::optional<SnapMode> snap; // default: the bundle's postProcessing
    int samples = 100000;         // even surface samples for snapping
    quint64 sampleSeed = 0;
    int batchSize = 8; // cases per forward pass when predicting many
    Device device = Device::Auto;
    // With a bundle stored in float16, on the CPU: the first Linear layer reads those weights as
    // float16 when predicting a few faces (the same weights, read in half the bytes;
    // PalNet::holdFirstLayerInFloat16). Off: float32, as for every other bundle.
    bool float16FirstLayer = true;
    UncertaintyMethod uncertainty = UncertaintyMethod::None;
    int uncertaintyPasses = 8;   // extra passes per case
    double augmentDegrees = 3.0; // Augment: largest rotation, about a random axis
    double augmentMm = 2.0;      // Augment: largest shift along each axis
    quint64 uncertaintySeed = 1; // with the case id: the same moves for a case every time
};

// Milliseconds spent in each stage for one case. Sampling runs on its own thread beside the
// patches and the network, so the stages add up to CPU time, not to the wall-clock time.
struct StageTimes {
    double load = 0, sample = 0, patches = 0, forward = 0, snap = 0;
    double total() const { return load + sample + patches + forward + snap; }
};

// One case's prediction, or why there is none: a case that cannot be predicted (an unreadable
// or too small mesh, a bad transform) does not stop the others; it comes back with `error`
// set ("FILE: problem") and no landmarks.
struct Prediction {
    QString caseId;
    QString caseFolder;
    LandmarkSet landmarks; // the case's own frame, status Predicted, provenance = the model
    // Per landmark, mm: the root-mean-square distance of the extra passes' raw predictions
    // from their mean (PredictorOptions::uncertainty); empty when not asked for. The
    // landmarks themselves are the plain prediction's, the same as without it.
    std::vector<double> uncertainty;
    StageTimes times;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// Which landmarks a case is trained on (core/workflow/TrainingData.h has the rule).
enum class TrainingSource {
    GroundTruth, // the case's landmarks.txt
    Reviewed,    // the clinician's working set, when its review is complete (below)
    Both,        // the completed review where there is one, the ground truth elsewhere
};

// The learning rates of the two recipes (docs/method.md, "Fine-tuning"): the reference's
// for training from scratch, and a lower one, chosen by measurement, for fine-tuning.
inline constexpr double kScratchLearningRate = 1e-3;
inline constexpr double kFineTuneLearningRate = 1e-5;

// Training and fine-tuning (docs/method.md, "Training").
// Data-parallel training over several processes (docs/method.md, "Training on several
// processes"): each takes its share of every batch and the gradients are summed over all of
// them with torch.distributed's process group (Gloo over TCP). World size 1: one process.
struct DistributedOptions {
    int worldSize = 1;
    int rank = 0;      // 0..worldSize-1; rank 0 writes the checkpoints and the bundle
    int localRank = 0; // the process's number on its machine (its GPU, when there are GPUs)
    QString masterAddress = QStringLiteral("127.0.0.1"); // where rank 0 listens
    int masterPort = 29500;
    int timeoutSeconds = 300; // rendezvous and every step (the final gather waits longer)
    // Under torchrun the launcher itself serves the store at the address: every process then
    // connects to it as a client, under the prefix of the launcher's restart.
    bool launcherStore = false;
    int restartCount = 0;
};

struct TrainOptions {
    QString dataDir;
    QString out; // the bundle to write (.palnet)
    int patchSize = 1000;
    int epochs = 200;
    quint64 seed = 1;
    int batchSize = 16;
    double learningRate = 0; // 0: the recipe's (kScratchLearningRate, or kFineTuneLearningRate
                             // with init)
    int freezeBlocks = 0;    // fine-tuning: the first 0-3 convolution blocks (and their
                             // attention branches) keep the parent's weights
    // The network trained from scratch (docs/method.md, "Variants"); a fine-tune keeps its
    // parent's.
    NetworkVariant variant = NetworkVariant::Attention;
    double validationFraction = 0.2;
    int fold = -1; // with folds > 1: which fold is the validation split
    int folds = 0; // 0 or 1: one seeded split
    int plateauPatience = 8;
    double plateauFactor = 0.5;
    int earlyStopping = 30;
    QString init;     // a bundle to start from (fine-tuning); its template is kept
    QString resume;   // a checkpoint (.ckpt.json) to continue
    QString cacheDir; // default: <dataDir>/.palstudio-cache
    TrainingSource source = TrainingSource::GroundTruth; // core/workflow/TrainingData.h
    QStringList excludeCases;                            // e.g. the demo cases shown on first start
    QString weightsDtype = QStringLiteral("float32");
    // A run that ends (not cancelled) removes its checkpoint files (core/model/TrainingFiles.h)
    // unless this is set, e.g. to continue it later with more epochs.
    bool keepCheckpoint = false;
    Device device = Device::Auto;
    DistributedOptions distributed;
};

// The learning rate a run starts with.
inline double startLearningRate(const TrainOptions& o) {
    return o.learningRate > 0 ? o.learningRate
                              : (o.init.isEmpty() ? kScratchLearningRate : kFineTuneLearningRate);
}

struct EpochReport {
    int epoch = 0; // 1-based; 0: the parent before fine-tuning (validation loss only)
    int epochs = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double learningRate = 0;
    double seconds = 0;
    bool best = false;
    bool fromCheckpoint = false; // an epoch of the run this one resumes, replayed for its history
};

struct TrainResult {
    QString bundlePath;
    QString checkpointPath;
    int epochsRun = 0;
    int bestEpoch = 0;
    double bestValidationLoss = 0;
    QStringList trainCases;
    QStringList validationCases;
    QStringList outliers;
    bool cancelled = false;
    int resumedFromEpoch = 0; // the checkpoint's last finished epoch; 0: not resumed
    qint64 removedBytes = 0;  // the checkpoint files removed when the run ended
    QString cleanupProblem;   // why one of them could not be removed (the run stands)
    // Fine-tuning: the parent's validation loss before any training. The parent is epoch 0
    // of the selection: when no epoch beats it, bestEpoch is 0 and no bundle is written.
    std::optional<double> parentValidationLoss;
    bool improvedOnParent() const { return bestEpoch > 0; }
};

struct RuntimeInfo {
    QString torchVersion;
    int threads = 0;
    bool cudaCompiled = false; // the LibTorch has CUDA (Debian's has not: docs/stack.md)
    int cudaDevices = 0;       // GPUs it sees
    bool cudaAvailable = false;
    QString device; // what Device::Auto runs on: "cpu" or "cuda"
};

} // namespace pal
