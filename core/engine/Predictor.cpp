#include "core/engine/Predictor.h"
#include "core/engine/Runtime.h"
#include "core/engine/TensorMemory.h"

#include "core/errors/Error.h"
#include "core/geometry/KdTree.h"
#include "core/geometry/Patches.h"
#include "core/geometry/Sampling.h"
#include "core/geometry/SurfaceLocator.h"
#include "core/geometry/Transform.h"
#include "core/workflow/CasePatches.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>
#include <future>
#include <random>
#include <system_error>
#include <thread>

#include <Eigen/Geometry>
#include <Eigen/LU>

namespace pal::engine {
namespace {

double elapsedMs(QElapsedTimer& t) {
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    t.restart();
    return ms;
}

// What snapping needs of a case: the even surface samples and their search tree (closest,
// average), or the mesh's surface locator (surface).
struct SampleSet {
    Vertices samples;
    std::unique_ptr<KdTree3> tree;
    std::unique_ptr<SurfaceLocator> surface;
    double ms = 0;
};

struct Prepared {
    const Case* source = nullptr;
    Eigen::Matrix4d toCommon = Eigen::Matrix4d::Identity();
    std::vector<float> patches;
    // Sampling (about half of a face's CPU time) does not depend on the network: it runs on
    // its own thread while the patches are cut and the network runs, and is joined to snap.
    // So does the surface locator's build, which is much cheaper.
    std::future<SampleSet> samples;
    // Test-time augmentation: the patches of each moved copy, one after the other, and the
    // moves (PredictorOptions::uncertainty == Augment).
    std::vector<float> augmented;
    std::vector<Eigen::Isometry3d> moves;
    StageTimes times;
};

// A case's own random moves: the same for the same case id and seed, whatever else is
// predicted with it (FNV-1a of the id, mixed with the seed).
std::uint64_t caseSeed(const QString& caseId, std::uint64_t seed) {
    std::uint64_t h = 1469598103934665603ULL ^ seed;
    for (const char16_t ch : caseId.toStdU16String()) {
        h = (h ^ ch) * 1099511628211ULL;
    }
    return h;
}

std::vector<Eigen::Isometry3d> augmentMoves(const QString& caseId, const PredictorOptions& o,
                                            const Eigen::Vector3d& centre) {
    std::mt19937_64 rng(caseSeed(caseId, o.uncertaintySeed));
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::normal_distribution<double> normal;
    std::vector<Eigen::Isometry3d> moves;
    for (int p = 0; p < o.uncertaintyPasses; ++p) {
        const Eigen::Vector3d axis =
            Eigen::Vector3d(normal(rng), normal(rng), normal(rng)).normalized();
        const double angle = unit(rng) * o.augmentDegrees * M_PI / 180.0;
        const Eigen::Vector3d shift(unit(rng) * o.augmentMm, unit(rng) * o.augmentMm,
                                    unit(rng) * o.augmentMm);
        // A turn about the template's centre (about the origin, a small angle would move the
        // face by centimetres when the frame's origin lies far from it), then the shift.
        Eigen::Isometry3d move = Eigen::Isometry3d::Identity();
        move.translate(centre + shift);
        move.rotate(Eigen::AngleAxisd(angle, axis));
        move.translate(-centre);
        moves.push_back(move);
    }
    return moves;
}

// Root-mean-square distance of the samples (each L x 3, row-major floats or doubles) from
// their mean, per landmark.
std::vector<double> spread(const std::vector<Eigen::MatrixX3d>& samples) {
    if (samples.empty()) {
        return {};
    }
    Eigen::MatrixX3d mean = Eigen::MatrixX3d::Zero(samples.front().rows(), 3);
    for (const auto& s : samples) {
        mean += s / double(samples.size());
    }
    std::vector<double> out(static_cast<std::size_t>(mean.rows()), 0.0);
    for (const auto& s : samples) {
        for (Eigen::Index l = 0; l < mean.rows(); ++l) {
            out[std::size_t(l)] += (s.row(l) - mean.row(l)).squaredNorm() / double(samples.size());
        }
    }
    for (double& v : out) {
        v = std::sqrt(v);
    }
    return out;
}

Eigen::MatrixX3d rowsOf(const float* output, int L) {
    Eigen::MatrixX3d m(L, 3);
    for (int l = 0; l < L; ++l) {
        for (int k = 0; k < 3; ++k) {
            m(l, k) = output[l * 3 + k];
        }
    }
    return m;
}

// What snapping in `mode` needs of the mesh: its surface locator (surface), or its even surface
// samples and their tree (closest, average); timed.
// vertexTree: the patches' tree over the mesh's vertices, which the surface locator shares.
SampleSet snapIndex(std::shared_ptr<const Mesh> mesh, int count, quint64 seed, SnapMode mode,
                    std::shared_ptr<const KdTree3> vertexTree) {
    QElapsedTimer st;
    st.start();
    SampleSet set;
    if (mode == SnapMode::Surface && mesh->triangleCount() > 0) {
        set.surface = std::make_unique<SurfaceLocator>(mesh, std::move(vertexTree));
    } else {
        // A point cloud (an .npz case of "points") has no surface to sample: its points are
        // the samples (and the closest of them is its "surface").
        set.samples =
            mesh->triangleCount() > 0 ? sampleSurfaceEvenly(*mesh, count, seed) : mesh->vertices;
        set.tree = std::make_unique<KdTree3>(set.samples);
    }
    set.ms = elapsedMs(st);
    return set;
}

} // namespace

namespace {
// "FILE: problem" for a case's error, naming the mesh when the error names no file.
QString messageOf(const Case& c, const Error& e) {
    return e.file().isEmpty() ? QStringLiteral("%1: %2").arg(c.files().mesh, e.problem())
                              : e.message();
}

// One case of a batch: prepared, or why it could not be.
struct Slot {
    const Case* source;
    std::optional<Prepared> prepared;
    QString error;
};
} // namespace

struct Predictor::Impl {
    ModelBundle bundle;
    QString path;
    PredictorOptions options;
    SnapMode snap = SnapMode::Closest;
    std::unique_ptr<PalNet> net;

    // Reads the case and cuts its patches (core/workflow/CasePatches.h, shared with the
    // trainer); sampling for the snap starts on its own thread meanwhile.
    // With `inline_`, what snapping needs is built here, after the patches (several cases are
    // being prepared at once, one per core: another thread per case would only compete).
    Prepared prepare(const Case& c, bool inline_ = false) const {
        const SchemaPtr& model = bundle.manifest.schema;
        if (!c.schemaIsKnown() && !LandmarkSchema::builtIn(model->id())) {
            // Its prediction and review could not be read back without the schema beside it.
            throw ValidationError(c.isFolder() ? c.files().folder : c.files().mesh,
                                  QStringLiteral("the model predicts the %1, a schema of its own: "
                                                 "put its landmark-schema.json beside the case "
                                                 "first")
                                      .arg(model->describe()));
        }
        if (c.schemaIsKnown() && !c.schema()->sameLandmarks(*model)) {
            throw ValidationError(c.isFolder() ? c.files().folder : c.files().mesh,
                                  QStringLiteral("the model predicts the %1; this case follows %2")
                                      .arg(model->describe(), c.schema()->describe()));
        }
        Prepared p;
        p.source = &c;
        QElapsedTimer t;
        t.start();
        const NetworkMesh input = readNetworkMesh(c, nullptr, inline_ ? 1 : runtimeThreads());
        p.toCommon = input.toCommon;
        p.times.load = elapsedMs(t);
        // One tree over the vertices for the patches and the surface snapping (built once:
        // about 5 ms for a face of 67k vertices).
        const auto tree =
            std::make_shared<const KdTree3>(input.mesh->vertices, inline_ ? 1 : runtimeThreads());
        p.times.patches = elapsedMs(t);
        if (snap != SnapMode::None) {
            p.samples = std::async(inline_ ? std::launch::deferred : std::launch::async, snapIndex,
                                   input.mesh, options.samples, options.sampleSeed, snap, tree);
        }
        t.restart();
        // One case alone: its landmarks' queries shared between the engine's threads.
        p.patches =
            cutPatches(*input.mesh, *tree, bundle.manifest.templateLandmarks,
                       bundle.manifest.patchSize, c.files().mesh, inline_ ? 1 : runtimeThreads());
        if (options.uncertainty == UncertaintyMethod::Augment && options.uncertaintyPasses > 0) {
            const Eigen::MatrixX3d& templ = bundle.manifest.templateLandmarks;
            p.moves = augmentMoves(c.id(), options, templ.colwise().mean().transpose());
            for (const Eigen::Isometry3d& move : p.moves) {
                const std::vector<float> moved = extractPatchesMoved(
                    input.mesh->vertices, *tree, templ, bundle.manifest.patchSize, move);
                p.augmented.insert(p.augmented.end(), moved.begin(), moved.end());
            }
        }
        p.times.patches += elapsedMs(t);
        if (inline_ && p.samples.valid()) {
            p.samples.wait(); // a deferred task runs here, on this thread
        }
        return p;
    }

    // Cases first .. first + count - 1 prepared on as many threads as the engine runs (the
    // reading and cutting of one face leaves the other cores idle), in their order; a case
    // that cannot be prepared keeps its place with its error. Throws Cancelled when `cancel`
    // is set before all are done.
    std::vector<Slot> prepareAll(const std::vector<Case>& cases, std::size_t first,
                                 std::size_t count, const std::atomic<bool>* cancel) const {
        std::vector<Slot> slots;
        slots.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            slots.push_back({&cases[first + i], std::nullopt, QString()});
        }
        const std::size_t helpers = std::min(count, std::size_t(std::max(1, runtimeThreads()))) - 1;
        std::atomic<std::size_t> nextSlot{0};
        std::atomic<bool> stopped{false};
        std::vector<std::exception_ptr> failures(count);
        auto work = [&] {
            for (std::size_t i = nextSlot++; i < count; i = nextSlot++) {
                if ((cancel && cancel->load()) || stopped) {
                    stopped = true;
                    return;
                }
                Slot& slot = slots[i];
                try {
                    try {
                        slot.prepared = prepare(*slot.source, helpers > 0);
                    } catch (const Error& e) {
                        slot.error = messageOf(*slot.source, e);
                    }
                } catch (...) { // out of memory and the like: for the caller, as before
                    failures[i] = std::current_exception();
                    stopped = true;
                }
            }
        };
        {
            // Joined on every way out: a thread left joinable would end the program.
            struct Helpers {
                std::vector<std::thread> threads;
                ~Helpers() {
                    for (std::thread& t : threads) {
                        t.join();
                    }
                }
            } started;
            started.threads.reserve(helpers);
            for (std::size_t t = 0; t < helpers; ++t) {
                try {
                    started.threads.emplace_back(work);
                } catch (const std::system_error&) {
                    break; // no thread to be had: fewer helpers, the same cases
                }
            }
            work();
        }
        for (const std::exception_ptr& f : failures) {
            if (f) {
                std::rethrow_exception(f);
            }
        }
        if (stopped || (cancel && cancel->load())) {
            throw Cancelled();
        }
        return slots;
    }

    Prediction finish(Prepared& p, const float* output, std::vector<double> uncertainty) const {
        QElapsedTimer t;
        t.start();
        const int L = bundle.manifest.landmarks;
        Eigen::MatrixX3d common = rowsOf(output, L);
        if (snap != SnapMode::None) {
            const SampleSet set = p.samples.get();
            p.times.sample = set.ms;
            t.restart(); // the wait for the sampling thread is not snapping time
            try {
                common = set.surface
                             ? snapToMesh(common, *set.surface)
                             : snapToSurface(common, set.samples, *set.tree,
                                             snap == SnapMode::Surface ? SnapMode::Closest : snap);
            } catch (const ValidationError& e) {
                throw ValidationError(p.source->files().mesh, e.problem());
            }
        }
        const Eigen::Matrix4d back = p.toCommon.inverse();
        Prediction out;
        out.landmarks = LandmarkSet(bundle.manifest.schema);
        out.caseId = p.source->id();
        out.caseFolder = p.source->files().folder;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int l = 0; l < L; ++l) {
            out.landmarks.setPosition(l, transformPoint(back, common.row(l).transpose()),
                                      LandmarkStatus::Predicted);
            out.landmarks.at(l).provenance = {modelId(), QString(), now};
        }
        p.times.snap = elapsedMs(t);
        out.times = p.times;
        out.uncertainty = std::move(uncertainty);
        return out;
    }

    // The uncertainty of the batch's n prepared cases (their plain patches in `input`), in
    // their order; empty vectors when none is asked for.
    std::vector<std::vector<double>> uncertainty(std::vector<Slot>& slots,
                                                 const std::vector<float>& input, int n) const {
        std::vector<std::vector<double>> out(static_cast<std::size_t>(n));
        const int passes = options.uncertaintyPasses;
        const int L = bundle.manifest.landmarks;
        if (options.uncertainty == UncertaintyMethod::None || passes <= 0) {
            return out;
        }
        if (options.uncertainty == UncertaintyMethod::Dropout) {
            // Case by case, each with masks from its own seed (the case id's, as the moves):
            // the same spread for a case whatever is predicted with it.
            const std::size_t setFloats =
                std::size_t(L) * std::size_t(bundle.manifest.patchSize) * 3;
            int i = 0;
            for (const Slot& slot : slots) {
                if (!slot.prepared) {
                    continue;
                }
                PalNet::seedRandom(caseSeed(slot.source->id(), options.uncertaintySeed));
                const std::vector<float> all =
                    net->predictWithDropout(input.data() + std::size_t(i) * setFloats, 1, passes);
                std::vector<Eigen::MatrixX3d> samples;
                for (int p = 0; p < passes; ++p) {
                    samples.push_back(rowsOf(all.data() + std::size_t(p) * L * 3, L));
                }
                out[std::size_t(i++)] = spread(samples);
            }
            return out;
        }
        // Augment: each case's moved copies, batchSize cases' worth at a time; each prediction
        // moved back before the spread is taken.
        int i = 0;
        const int chunk = std::max(1, options.batchSize);
        for (Slot& slot : slots) {
            if (!slot.prepared) {
                continue;
            }
            Prepared& p = *slot.prepared;
            std::vector<Eigen::MatrixX3d> samples;
            for (int first = 0; first < passes; first += chunk) {
                const int count = std::min(chunk, passes - first);
                const std::size_t setFloats =
                    std::size_t(L) * std::size_t(bundle.manifest.patchSize) * 3;
                const std::vector<float> moved =
                    net->predict(p.augmented.data() + std::size_t(first) * setFloats, count);
                for (int k = 0; k < count; ++k) {
                    Eigen::MatrixX3d rows = rowsOf(moved.data() + std::size_t(k) * L * 3, L);
                    const Eigen::Isometry3d back = p.moves[std::size_t(first + k)].inverse();
                    for (int l = 0; l < L; ++l) {
                        rows.row(l) = (back * Eigen::Vector3d(rows.row(l).transpose())).transpose();
                    }
                    samples.push_back(std::move(rows));
                }
            }
            p.augmented = {};
            out[std::size_t(i++)] = spread(samples);
        }
        return out;
    }

    QString modelId() const {
        return QStringLiteral("%1 (sha256 %2)")
            .arg(QFileInfo(path).fileName(), bundle.manifest.weightsSha256.left(8));
    }
};

Predictor Predictor::fromBundle(const QString& bundlePath, PredictorOptions options) {
    return Predictor(readModelBundle(bundlePath), bundlePath, options);
}

Predictor::Predictor(ModelBundle bundle, QString bundlePath, PredictorOptions options)
    : d(std::make_unique<Impl>()) {
    d->bundle = std::move(bundle);
    d->path = std::move(bundlePath);
    d->options = options;
    const ModelManifest& m = d->bundle.manifest;
    const std::optional<SnapMode> bundled = parseSnapMode(m.postProcessing);
    d->snap = options.snap ? *options.snap : bundled.value_or(SnapMode::Closest);
    const PalNetConfig config{m.patchSize, m.landmarks,
                              variantFromName(m.variant).value_or(NetworkVariant::Attention)};
    try {
        d->net = std::make_unique<PalNet>(config, 0, options.device);
        d->net->importWeights(d->bundle.tensors);
        // A bundle stored in float16 holds float16 values exactly: the first Linear layer can
        // read them in half the bytes and compute with the same weights.
        if (options.float16FirstLayer && m.weightsDtype == QLatin1String("float16")) {
            d->net->holdFirstLayerInFloat16();
        }
    } catch (const ValidationError& e) {
        throw ValidationError(d->path, e.problem());
    }
    // The weights now live in the network; the bundle keeps its manifest only.
    d->bundle.tensors.clear();
    d->bundle.tensors.shrink_to_fit();
}

Predictor::~Predictor() = default;
Predictor::Predictor(Predictor&&) noexcept = default;
Predictor& Predictor::operator=(Predictor&&) noexcept = default;

const ModelManifest& Predictor::manifest() const {
    return d->bundle.manifest;
}
QString Predictor::modelId() const {
    return d->modelId();
}
SnapMode Predictor::snapMode() const {
    return d->snap;
}
QString Predictor::deviceName() const {
    return d->net->deviceName();
}

Prediction Predictor::predict(const Case& c) const {
    std::vector<Prediction> one = predictAll({c});
    if (!one.front().ok()) {
        throw ValidationError(QString(), one.front().error); // "FILE: problem" already
    }
    return std::move(one.front());
}

namespace {

// A case that failed: its id and the message, naming the file.
Prediction failedPrediction(const Case& c, const QString& message) {
    Prediction p;
    p.caseId = c.id();
    p.caseFolder = c.files().folder;
    p.error = message;
    return p;
}

} // namespace

std::vector<Prediction> Predictor::predictAll(const std::vector<Case>& cases,
                                              const PredictionProgress& progress,
                                              const std::atomic<bool>* cancel) const {
    // The blocks the forward passes kept for reuse go back when the cases are done (or on
    // an error): a window that predicted once holds no cache while the clinician reviews.
    struct ReleaseAtEnd {
        ~ReleaseAtEnd() { releaseTensorMemoryCache(); }
    } release;
    std::vector<Prediction> out;
    out.reserve(cases.size());
    const int total = static_cast<int>(cases.size());
    const int L = d->bundle.manifest.landmarks;
    auto report = [&] {
        const bool goOn = !progress || progress(static_cast<int>(out.size()), total, out.back());
        if (!goOn || (cancel && cancel->load())) {
            throw Cancelled();
        }
    };
    const int batchSize = std::max(1, d->options.batchSize);
    std::size_t next = 0;
    while (next < cases.size()) {
        // Up to batchSize cases that could be read go through the network together; a case
        // that could not keeps its place in the order with its error.
        std::vector<Slot> slots;
        std::vector<float> input;
        int n = 0;
        while (next < cases.size() && n < batchSize) {
            const std::size_t take = std::min(cases.size() - next, std::size_t(batchSize - n));
            std::vector<Slot> round = d->prepareAll(cases, next, take, cancel);
            next += take;
            for (Slot& slot : round) {
                if (slot.prepared) {
                    input.insert(input.end(), slot.prepared->patches.begin(),
                                 slot.prepared->patches.end());
                    slot.prepared->patches = {};
                    ++n;
                }
                slots.push_back(std::move(slot));
            }
        }
        std::vector<float> output;
        double forwardMs = 0;
        std::vector<std::vector<double>> uncertainty(static_cast<std::size_t>(n));
        if (n > 0) {
            QElapsedTimer t;
            t.start();
            // The plain prediction in a pass of its own: the same numbers as without the
            // uncertainty (a bigger batch can change the last digits).
            output = d->net->predict(input.data(), n);
            uncertainty = d->uncertainty(slots, input, n);
            forwardMs = elapsedMs(t) / n;
        }
        std::size_t row = 0;
        for (Slot& slot : slots) {
            if (!slot.prepared) {
                out.push_back(failedPrediction(*slot.source, slot.error));
            } else {
                slot.prepared->times.forward = forwardMs;
                try {
                    out.push_back(d->finish(*slot.prepared, output.data() + row * L * 3,
                                            std::move(uncertainty[row])));
                } catch (const Error& e) {
                    out.push_back(failedPrediction(*slot.source, messageOf(*slot.source, e)));
                }
                ++row;
            }
            report();
        }
    }
    return out;
}

} // namespace pal::engine
