#pragma once

// PAL-Net (docs/method.md, "Network"): a point-wise CNN over (50, K) patches with
// three attention branches. This header exposes plain types only; LibTorch stays in PalNet.cpp.
// Weights travel as named float arrays (pal::NamedTensor), the form model bundles store.

#include "core/model/ModelBundle.h"
#include "core/model/NetworkVariant.h"
#include "core/workflow/EngineTypes.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace pal::engine {

struct PalNetConfig {
    int patchSize = 1000; // K, a positive multiple of 100
    int landmarks = 50;   // L
    NetworkVariant variant = NetworkVariant::Attention;
    // Throws ValidationError when K is not a positive multiple of 100.
    void validate() const;
    bool attention() const { return variant != NetworkVariant::NoAttention; }
    int blocks() const { return variant == NetworkVariant::TwoBlocks ? 2 : 3; }
    bool dropout() const { return variant != NetworkVariant::NoDropout; }
    // Positions each attention branch averages over: all of them, or the best-scoring 10 %
    // (top-k-attention).
    std::int64_t attended(std::int64_t positions) const;
    // Inputs of the first Linear layer: 32 + 64 + 128 (attention) + 128 * L * K / 100; with
    // two blocks 32 + 64 + 64 * L * K / 100.
    std::int64_t headInputs() const;
};

using pal::Device;

// The per-branch attention weights of the last forward pass, for inspection and tests:
// softmax over the T positions of each block (T = L*K, L*K/5, L*K/25), row-major B x T (zero
// outside the top 10 % with top-k-attention; block3 empty with two blocks).
struct AttentionMaps {
    std::vector<float> block1, block2, block3;
};

class PalNet {
public:
    // Xavier-normal weights and zero biases (conv, linear, attention W; b = 0), from seed.
    explicit PalNet(PalNetConfig config, std::uint64_t seed = 0, Device device = Device::Auto);
    ~PalNet();
    PalNet(PalNet&&) noexcept;
    PalNet& operator=(PalNet&&) noexcept;

    const PalNetConfig& config() const;
    std::int64_t parameterCount() const;
    QString deviceName() const; // "cpu" or "cuda"

    // Named float32 copies of every parameter, in a fixed order (conv1a.weight, ...).
    std::vector<NamedTensor> exportWeights() const;
    // Replaces the parameters; throws ValidationError naming the first tensor that is missing
    // or has the wrong shape (e.g. weights made for another patch size).
    void importWeights(const std::vector<NamedTensor>& tensors);

    // For predictions of up to kHalfLinearMaxBatch faces on the CPU, holds the first Linear
    // layer's weights in float16 as well (core/engine/HalfLinear.h): that layer reads its weights
    // once per face and is bound by their bytes, so half the bytes is nearly half its time. Only
    // when every weight is a float16 value exactly (a bundle stored in float16), so that the
    // network computes with the same weights; returns whether it holds them (false on CUDA, on
    // a processor without F16C, or with float32 weights). Any later change of the weights
    // (a training step, importWeights, loadState) leaves the copy unused.
    bool holdFirstLayerInFloat16();
    bool holdsFirstLayerInFloat16() const;

    // Inference (no gradients, dropout off). patches: batch x L x K x 3 floats, row-major,
    // absolute coordinates in mm. Returns batch x L x 3 floats.
    std::vector<float> predict(const float* patches, int batch,
                               AttentionMaps* attention = nullptr) const;
    // Monte-Carlo dropout: `passes` passes with the dropout on (no gradients), each drawing its
    // own masks from torch's random numbers (seedRandom). Returns passes x batch x L x 3
    // floats. A network without dropout (variant no-dropout) gives `passes` equal copies.
    std::vector<float> predictWithDropout(const float* patches, int batch, int passes) const;

    // Training (docs/method.md, "Training"): loss = 0.6 x localisation (mean
    // Euclidean distance) + 0.4 x distance (mean absolute difference of the 50 x 50 pairwise
    // distance matrices, diagonal included). targets: batch x L x 3 floats.
    struct Loss {
        double total = 0, localisation = 0, distance = 0;
    };
    // Seeds torch's random numbers (initialisation, dropout) for reproducible runs.
    static void seedRandom(std::uint64_t seed);
    // Networks made from now on that run on CUDA use GPU localRank modulo the GPUs visible
    // (the processes of one machine take one each; docs/method.md).
    static void useCudaDevice(int localRank);
    // Switches to training (dropout on) with a fresh Adam optimiser. frozenBlocks (0-blocks()):
    // the
    // first convolution blocks and their attention branches keep their weights (fine-tuning);
    // the optimiser sees only the parameters that train.
    void startTraining(double learningRate, int frozenBlocks = 0);
    std::int64_t trainableParameterCount() const;
    double learningRate() const;
    void setLearningRate(double learningRate);
    // One optimiser step on a batch; returns the batch's loss before the step.
    Loss trainStep(const float* patches, const float* targets, int batch);
    // How a step goes through the batch: a few faces at a time (the default on the CPU, and on
    // CUDA across processes; a CUDA network alone takes the whole batch, measured faster
    // there), so that only a
    // few faces' activations exist at once and the first Linear layer's gradient is never made
    // whole (docs/method.md, "Engine speed"); or, with 0, the whole batch through autograd at
    // once (the plain step, kept as the reference the other is tested against). The same
    // update either way, up to float rounding (with dropout, each micro-batch draws its own
    // masks: the same update in distribution).
    static constexpr int kDefaultMicroBatch = 8;
    void setMicroBatch(int faces);
    int microBatch() const;
    // Data-parallel training (core/engine/ProcessGroup.h): this process's part of a batch
    // shared by several. Between the backward pass and the optimiser's step, the gradients,
    // multiplied by `share` (this part's size over the whole batch's), are flattened into one
    // float32 array in the optimiser's parameter order and handed to `sum`, which adds up every
    // process's in place; the step then uses that sum: the whole batch's mean gradient. batch
    // may be 0 (a small last batch): this process then adds zeros and still steps.
    // With micro-batches (setMicroBatch), the first Linear layer's gradient is not summed but
    // formed from the whole batch's rows: this part's face k is row firstRow + k * rowStride of
    // the wholeBatch faces, and `sum` also receives a zeroed array of wholeBatch rows with this
    // part's rows filled in. wholeBatch 0 means this part is the whole batch (share 1; a
    // part's share other than 1 without its rows is refused, as are rows outside the batch,
    // before any work, with a ValidationError).
    struct GradientSum {
        double share = 1.0;
        std::function<void(float* gradients, std::size_t count)> sum;
        int wholeBatch = 0;
        int firstRow = 0;
        int rowStride = 1;
    };
    Loss trainStep(const float* patches, const float* targets, int batch,
                   const GradientSum& gradientSum);
    // The loss without training (dropout off, no gradients), a micro-batch at a time.
    Loss evaluate(const float* patches, const float* targets, int batch) const;
    // Weights and optimiser state, for checkpoints (torch serialisation, written atomically).
    // Throws IoError / FormatError naming the file.
    void saveState(const QString& path) const;
    // The network's weights alone, in the same format (loadState reads it back and leaves the
    // optimiser as it is): a third of a checkpoint, and no bundle to hash.
    void saveWeights(const QString& path) const;
    void loadState(const QString& path);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pal::engine
