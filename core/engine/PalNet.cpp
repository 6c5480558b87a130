// Torch first: Qt's keywords are off project-wide (QT_NO_KEYWORDS), but keep the order anyway.
#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/autograd.h>
#include <torch/cuda.h>
#include <torch/nn/functional.h>
#include <torch/nn/init.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/optim/adam.h>
#include <torch/serialize.h>
#include <torch/utils.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <sstream>
#include <type_traits>

#include "core/engine/HalfLinear.h"
#include "core/engine/PalNet.h"
#include "core/engine/Runtime.h"
#include "core/engine/TensorMemory.h"

#include "core/errors/Error.h"
#include "core/io/AtomicFile.h"
#include "core/io/FileBytes.h"

#include <cstdio>
#include <sstream>

#include <cstring>

namespace pal::engine {
namespace {

namespace F = torch::nn::functional;

// Attention over T positions of C features: e = tanh(x W + b), a = softmax_T(e),
// out = sum_T a * x. x is (B, T, C).
// top-k-attention: the softmax and the sum run over the k best-scoring positions only.
struct AttentionImpl : torch::nn::Module {
    AttentionImpl(std::int64_t channels, std::int64_t positions, std::int64_t k) : k(k) {
        W = register_parameter("W", torch::empty({channels, 1}));
        b = register_parameter("b", torch::zeros({positions, 1}));
        torch::nn::init::xavier_normal_(W);
        topK = k < positions;
    }
    // x is (B, C, T), a block's output as it lies in memory (positions contiguous per
    // channel): no copy of it is made, and none is kept for the backward pass beyond x itself
    // (docs/method.md, "Engine speed"). Returns (B, C) and the weights (B, T).
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x) {
        // e = tanh(x W + b), as (B, 1, T)
        const torch::Tensor e = torch::tanh(torch::matmul(W.t(), x) + b.t());
        if (!topK) {
            const torch::Tensor a = torch::softmax(e, -1);
            return {torch::bmm(x, a.transpose(1, 2)).squeeze(-1), a.squeeze(1)};
        }
        const torch::Tensor et = e.transpose(1, 2); // (B, T, 1)
        const torch::Tensor xt = x.transpose(1, 2); // (B, T, C), a view
        const auto [scores, index] = et.topk(k, 1); // (B, k, 1) each
        const torch::Tensor a = torch::softmax(scores, 1);
        const torch::Tensor chosen = xt.gather(1, index.expand({-1, -1, xt.size(2)})); // (B, k, C)
        const torch::Tensor weights = torch::zeros_like(et).scatter(1, index, a);
        return {(a * chosen).sum(1), weights.squeeze(-1)};
    }
    torch::Tensor W, b;
    std::int64_t k;
    bool topK = false;
};
TORCH_MODULE(Attention);

torch::nn::Conv2d conv1x1(std::int64_t in, std::int64_t out) {
    torch::nn::Conv2d c(torch::nn::Conv2dOptions(in, out, 1));
    torch::nn::init::xavier_normal_(c->weight);
    torch::nn::init::zeros_(c->bias);
    return c;
}

torch::nn::Linear linear(std::int64_t in, std::int64_t out) {
    torch::nn::Linear l(in, out);
    torch::nn::init::xavier_normal_(l->weight);
    torch::nn::init::zeros_(l->bias);
    return l;
}

// x W^T + b for x (B, in) and W (out, in) on the CPU, the output rows split between torch's
// threads, each of which reads its rows of W once (OpenBLAS runs one thread, Runtime.h: at::mm
// would read all of W on one core). Without gradients.
torch::Tensor linearByRowBlocks(const torch::Tensor& x, const torch::Tensor& w,
                                const torch::Tensor& b) {
    const std::int64_t out = w.size(0);
    torch::Tensor yt = torch::empty({out, x.size(0)}, x.options()); // (out, B)
    const torch::Tensor xt = x.contiguous().t();                    // (in, B), a view
    const bool inference = c10::InferenceMode::is_enabled();
    at::parallel_for(0, out, 64, [&](std::int64_t begin, std::int64_t end) {
        // Grad and inference modes belong to a thread: the caller's hold here too.
        const c10::InferenceMode sameMode(inference);
        const torch::NoGradGuard noGrad;
        torch::Tensor rows = yt.slice(0, begin, end);
        at::mm_out(rows, w.slice(0, begin, end), xt);
    });
    return yt.t().add(b);
}

// The first Linear layer of a training step on the CPU (microBatchStep): x W^T + b with the
// product split between torch's threads both ways, output rows forward and input columns
// backward (g W), where at::mm would read the 256 MB weight on one core each time. W takes no
// part in autograd (the optimiser forms its gradient); x and b do.
struct ThreadedLinear : torch::autograd::Function<ThreadedLinear> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& w, const torch::Tensor& b) {
        ctx->save_for_backward({w});
        ctx->saved_data["inputGradient"] = x.requires_grad();
        return linearByRowBlocks(x, w, b);
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list gradients) {
        const torch::Tensor g = gradients[0].contiguous(); // (B, out)
        const torch::Tensor w = ctx->get_saved_variables()[0];
        torch::Tensor gx;
        if (ctx->saved_data["inputGradient"].toBool()) {
            gx = torch::empty({g.size(0), w.size(1)}, g.options()); // (B, in)
            at::parallel_for(0, w.size(1), 4096, [&](std::int64_t begin, std::int64_t end) {
                const torch::NoGradGuard noGrad;
                torch::Tensor columns = gx.slice(1, begin, end);
                at::mm_out(columns, g, w.slice(1, begin, end));
            });
        }
        return {gx, torch::Tensor(), g.sum(0)};
    }
};

struct NetImpl : torch::nn::Module {
    explicit NetImpl(const PalNetConfig& c) : cfg(c) {
        const std::int64_t t1 = std::int64_t{c.landmarks} * c.patchSize;
        conv1a = register_module("conv1a", conv1x1(3, 32));
        conv1b = register_module("conv1b", conv1x1(32, 32));
        conv2a = register_module("conv2a", conv1x1(32, 64));
        conv2b = register_module("conv2b", conv1x1(64, 64));
        if (c.blocks() == 3) {
            conv3a = register_module("conv3a", conv1x1(64, 128));
            conv3b = register_module("conv3b", conv1x1(128, 128));
        }
        if (c.attention()) {
            att1 = register_module("att1", Attention(32, t1, c.attended(t1)));
            att2 = register_module("att2", Attention(64, t1 / 5, c.attended(t1 / 5)));
            if (c.blocks() == 3) {
                att3 = register_module("att3", Attention(128, t1 / 25, c.attended(t1 / 25)));
            }
        }
        fc1 = register_module("fc1", linear(c.headInputs(), 1024));
        fc2 = register_module("fc2", linear(1024, 1024));
        dropout = register_module("dropout", torch::nn::Dropout(c.dropout() ? 0.1 : 0.0));
        fc3 = register_module("fc3", linear(1024, std::int64_t{c.landmarks} * 3));
    }

    // Inference on the CPU: the first Linear layer's product reads all of its weights (256 MB
    // at K = 1000) for a few multiply-adds each, which is bound by memory bandwidth, and one
    // core cannot draw all of it. OpenBLAS runs one thread here (Runtime.h), so the layer's
    // output rows are split between torch's threads instead (ThreadedLinear, above, does the
    // same for training).
    static bool threadedOnCpu(const torch::Tensor& x) {
        return x.device().is_cpu() && !torch::GradMode::is_enabled() && at::get_num_threads() > 1;
    }

    // (B, C, L, W) -> (B, C, L*W), a view
    static torch::Tensor positions(const torch::Tensor& x) { return x.flatten(2); }
    // A 1x1 convolution and its ReLU, in place: the convolution's backward pass needs its
    // input, not its output, so the output's memory serves the ReLU (one block-sized tensor
    // fewer kept for the backward pass).
    static torch::Tensor convRelu(torch::nn::Conv2d& conv, const torch::Tensor& x) {
        return conv(x).relu_();
    }

    // The convolution blocks and attention branches: (B, L, K, 3) patches -> (B, headInputs)
    // features, the first Linear layer's input.
    torch::Tensor features(const torch::Tensor& patches, AttentionMaps* maps) {
        const std::int64_t batch = patches.size(0);
        torch::Tensor x = patches.permute({0, 3, 1, 2}); // (B, 3, L, K)
        std::vector<torch::Tensor> parts; // the attention branches, then the last block
        std::vector<torch::Tensor> weights;
        auto attend = [&](Attention& att, const torch::Tensor& blockOutput) {
            if (att) {
                auto [out, a] = att->forward(positions(blockOutput));
                parts.push_back(out);
                weights.push_back(a);
            }
        };
        x = convRelu(conv1b, convRelu(conv1a, x));
        attend(att1, x);
        x = F::max_pool2d(x, F::MaxPool2dFuncOptions({1, 5}).stride({1, 5}));
        x = convRelu(conv2b, convRelu(conv2a, x));
        attend(att2, x);
        if (cfg.blocks() == 3) {
            x = F::max_pool2d(x, F::MaxPool2dFuncOptions({1, 5}).stride({1, 5}));
            x = convRelu(conv3b, convRelu(conv3a, x));
            attend(att3, x);
            x = F::max_pool2d(x, F::MaxPool2dFuncOptions({1, 4}).stride({1, 4}));
        } else { // two blocks: one pool to the same K / 100 columns
            x = F::max_pool2d(x, F::MaxPool2dFuncOptions({1, 20}).stride({1, 20}));
        }
        parts.push_back(x.reshape({batch, -1}));
        if (maps && !weights.empty()) {
            auto copy = [](const torch::Tensor& t) {
                const torch::Tensor c = t.to(torch::kCPU).contiguous();
                return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
            };
            maps->block1 = copy(weights[0]);
            maps->block2 = copy(weights[1]);
            maps->block3 = weights.size() > 2 ? copy(weights[2]) : std::vector<float>{};
        }
        return torch::cat(parts, 1);
    }

    // The layers after the first Linear layer's product: ReLU, fc2, dropout, fc3 ->
    // (B, L, 3) landmarks.
    torch::Tensor head(const torch::Tensor& firstLinear) {
        const torch::Tensor y = dropout(fc2(torch::relu(firstLinear)));
        return fc3(y).reshape({firstLinear.size(0), cfg.landmarks, 3});
    }

    torch::Tensor forward(const torch::Tensor& patches, AttentionMaps* maps) {
        const torch::Tensor f = features(patches, maps);
        if (halfFirstLayer(f)) {
            return head(linearInHalf(f));
        }
        return head(threadedOnCpu(f) ? linearByRowBlocks(f, fc1->weight, fc1->bias) : fc1(f));
    }

    // The first Linear layer's weights as float16 (HalfLinear.h; PalNet::holdFirstLayerInFloat16),
    // made from fc1's weights at version fc1HalfVersion of their tensor and used only while the
    // weights are still that version: any change to them (an optimiser step, importWeights,
    // loadState) moves the version on, and the float32 weights serve again.
    // A tensor of int16 for its memory: the engine's CPU allocator (TensorMemory.h) gives it
    // huge pages and counts it, as it does the float32 weights.
    torch::Tensor fc1Half;
    std::int64_t fc1HalfVersion = -1;

    bool halfCopyCurrent() const {
        return fc1Half.defined() && fc1->weight._version() == fc1HalfVersion;
    }
    bool halfFirstLayer(const torch::Tensor& f) const {
        return halfCopyCurrent() && f.device().is_cpu() && !torch::GradMode::is_enabled() &&
               f.size(0) <= kHalfLinearMaxBatch;
    }
    const std::uint16_t* halfWeights() const {
        return reinterpret_cast<const std::uint16_t*>(fc1Half.data_ptr<std::int16_t>());
    }
    // x W^T + b with W read as float16, the output rows split between torch's threads.
    torch::Tensor linearInHalf(const torch::Tensor& f) const {
        const torch::Tensor x = f.contiguous();
        const std::int64_t out = fc1->weight.size(0);
        const std::int64_t in = fc1->weight.size(1);
        const int batch = static_cast<int>(x.size(0));
        torch::Tensor y = torch::empty({batch, out}, x.options());
        const float* xs = x.data_ptr<float>();
        float* ys = y.data_ptr<float>();
        at::parallel_for(0, out, 64, [&](std::int64_t begin, std::int64_t end) {
            halfLinearRows(halfWeights(), in, out, begin, end, xs, batch, ys);
        });
        return y.add_(fc1->bias);
    }

    PalNetConfig cfg;
    torch::nn::Conv2d conv1a{nullptr}, conv1b{nullptr}, conv2a{nullptr}, conv2b{nullptr},
        conv3a{nullptr}, conv3b{nullptr};
    Attention att1{nullptr}, att2{nullptr}, att3{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
    torch::nn::Dropout dropout{nullptr};
};
TORCH_MODULE(Net);

// torch's Adam (LibTorch 1.13's update, step for step and element for element), with one
// change: the denominator sqrt(v / (1 - beta2^t)) + eps is formed a slice at a time instead of
// as two temporaries the size of the parameter. For the first Linear layer of K = 1000 those
// were two 256 MB tensors every step, whose allocation evicted the cached activations
// (core/engine/TensorMemory.h). The same state, so checkpoints are read and written as before.
class SlicedAdam : public torch::optim::Adam {
public:
    using torch::optim::Adam::Adam;

    torch::Tensor step(LossClosure closure = nullptr) override {
        TORCH_CHECK(!closure, "SlicedAdam takes no closure");
        torch::NoGradGuard noGrad;
        for (auto& group : param_groups_) {
            const auto& options = checkedOptions(group);
            for (auto& p : group.params()) {
                if (!p.grad().defined()) {
                    continue;
                }
                const torch::Tensor& grad = p.grad();
                auto& state = stateOf(p);
                state.step(state.step() + 1);
                torch::Tensor& m = state.exp_avg();
                torch::Tensor& v = state.exp_avg_sq();
                const Step s(options, state.step());
                s.moments(m, v, grad);
                if (!p.is_contiguous() || !m.is_contiguous() || !v.is_contiguous()) {
                    s.apply(p, m, v);
                    continue;
                }
                constexpr std::int64_t kSlice = std::int64_t{1} << 20; // 4 MB of floats
                const torch::Tensor pf = p.view({-1});
                const torch::Tensor mf = m.view({-1});
                const torch::Tensor vf = v.view({-1});
                for (std::int64_t at = 0; at < pf.numel(); at += kSlice) {
                    const std::int64_t end = std::min(pf.numel(), at + kSlice);
                    s.apply(pf.slice(0, at, end), mf.slice(0, at, end), vf.slice(0, at, end));
                }
            }
        }
        return {};
    }

    // The same update for the weight of a Linear layer, p (out, in), whose gradient is the
    // product outputGrads^T inputs (outputGrads (B, out): the loss's gradient with respect to
    // the layer's output; inputs (B, in)), as autograd would have formed it. The gradient is
    // never made whole: each thread forms a few rows of it and updates those rows of p and
    // of the two moments while they are in its cache (docs/method.md, "Engine speed").
    void stepLinearWeight(torch::Tensor& p, const torch::Tensor& outputGrads,
                          const torch::Tensor& inputs) {
        torch::NoGradGuard noGrad;
        TORCH_CHECK(param_groups_.size() == 1, "stepLinearWeight: one parameter group");
        const auto& options = checkedOptions(param_groups_.front());
        auto& state = stateOf(p);
        const torch::Tensor m = state.exp_avg();
        const torch::Tensor v = state.exp_avg_sq();
        TORCH_CHECK(p.dim() == 2 && p.is_contiguous() && m.is_contiguous() && v.is_contiguous(),
                    "stepLinearWeight: a contiguous 2-D weight");
        state.step(state.step() + 1);
        const Step s(options, state.step());
        const torch::Tensor x = inputs.contiguous();
        const torch::Tensor gt = outputGrads.t().contiguous(); // (out, B)
        if (!p.device().is_cpu()) {
            // A GPU has the memory for the whole gradient, and one product and a few kernels
            // over it beat many small ones.
            s.moments(m, v, gt.mm(x));
            s.apply(p, m, v);
            return;
        }
        const std::int64_t rowsPerSlice =
            std::max<std::int64_t>(1, (std::int64_t{1} << 18) / p.size(1)); // ~1 MB of floats
        const std::int64_t slices = (p.size(0) + rowsPerSlice - 1) / rowsPerSlice;
        at::parallel_for(0, slices, 1, [&](std::int64_t first, std::int64_t last) {
            const torch::NoGradGuard sameMode;
            for (std::int64_t i = first; i < last; ++i) {
                const std::int64_t r0 = i * rowsPerSlice;
                const std::int64_t r1 = std::min(p.size(0), r0 + rowsPerSlice);
                const torch::Tensor ms = m.slice(0, r0, r1);
                const torch::Tensor vs = v.slice(0, r0, r1);
                s.moments(ms, vs, gt.slice(0, r0, r1).mm(x)); // these rows' gradient
                s.apply(p.slice(0, r0, r1), ms, vs);
            }
        });
    }

private:
    // One step's constants, and p -= lr / (1 - beta1^t) * m / (sqrt(v / (1 - beta2^t)) + eps)
    // on a slice, as LibTorch 1.13's Adam computes it.
    struct Step {
        Step(const torch::optim::AdamOptions& o, std::int64_t t)
            : beta1(std::get<0>(o.betas())), beta2(std::get<1>(o.betas())), eps(o.eps()),
              stepSize(o.lr() / (1 - std::pow(beta1, t))),
              root2(std::sqrt(1 - std::pow(beta2, t))) {}
        // m and v take the gradient in: m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2.
        void moments(const torch::Tensor& m, const torch::Tensor& v,
                     const torch::Tensor& grad) const {
            m.mul_(beta1).add_(grad, 1 - beta1);
            v.mul_(beta2).addcmul_(grad, grad.conj(), 1 - beta2);
        }
        void apply(const torch::Tensor& p, const torch::Tensor& m, const torch::Tensor& v) const {
            p.addcdiv_(m, (v.sqrt() / root2).add_(eps), -stepSize);
        }
        double beta1, beta2, eps, stepSize, root2;
    };

    static const torch::optim::AdamOptions& checkedOptions(torch::optim::OptimizerParamGroup& g) {
        const auto& options = static_cast<const torch::optim::AdamOptions&>(g.options());
        TORCH_CHECK(options.weight_decay() == 0 && !options.amsgrad(),
                    "SlicedAdam: no weight decay, no AMSGrad");
        return options;
    }

    // torch's optimizers key their state by the parameter's TensorImpl: its address printed (as
    // c10::guts::to_string did) in Debian's LibTorch 1.13, the address itself in 2.11 and 2.14.
    static void keyOf(std::string& key, const c10::TensorImpl* impl) {
        std::ostringstream text;
        text << static_cast<const void*>(impl);
        key = text.str();
    }
    static void keyOf(void*& key, c10::TensorImpl* impl) { key = impl; }

    // The parameter's state, made (zero moments, step 0) on its first step; kept under the key
    // torch's Adam uses, so that checkpoints read and write the same state.
    torch::optim::AdamParamState& stateOf(const torch::Tensor& p) {
        std::decay_t<decltype(state_)>::key_type key;
        keyOf(key, p.unsafeGetTensorImpl());
        auto it = state_.find(key);
        if (it == state_.end()) {
            auto fresh = std::make_unique<torch::optim::AdamParamState>();
            fresh->step(0);
            fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
            fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
            it = state_.emplace(key, std::move(fresh)).first;
        }
        return static_cast<torch::optim::AdamParamState&>(*it->second);
    }
};

// Which GPU a CUDA network goes to: the process's local rank, modulo the GPUs it sees (one
// each for the processes of a machine); 0 for a single process.
std::atomic<int> g_cudaIndex{0};

torch::Device chooseDevice(Device d) {
    if (d != Device::Cpu && torch::cuda::is_available()) {
        const auto count = static_cast<int>(torch::cuda::device_count());
        return torch::Device(torch::kCUDA,
                             static_cast<c10::DeviceIndex>(count > 0 ? g_cudaIndex % count : 0));
    }
    if (d == Device::Cuda) { // asked for by name: never a silent CPU run
        const RuntimeInfo rt = runtimeInfo();
        throw ValidationError(
            QString(), rt.cudaCompiled
                           ? QStringLiteral("CUDA was asked for (--device cuda, Model > Device): "
                                            "LibTorch has CUDA but sees no GPU "
                                            "(check the driver and CUDA_VISIBLE_DEVICES)")
                           : QStringLiteral("CUDA was asked for (--device cuda, Model > Device): "
                                            "this LibTorch %1 is CPU-only (CUDA is "
                                            "not compiled in; README.md, \"CUDA\", says how to "
                                            "build with one that has it)")
                                 .arg(rt.torchVersion));
    }
    return torch::Device(torch::kCPU);
}

} // namespace

void PalNetConfig::validate() const {
    if (patchSize <= 0 || patchSize % 100 != 0) {
        throw ValidationError(
            QString(),
            QStringLiteral("patch size %1 is not a positive multiple of 100").arg(patchSize));
    }
    if (landmarks <= 0) {
        throw ValidationError(QString(),
                              QStringLiteral("landmark count %1 is not positive").arg(landmarks));
    }
}

std::int64_t PalNetConfig::attended(std::int64_t positions) const {
    return variant == NetworkVariant::TopKAttention ? std::max<std::int64_t>(1, positions / 10)
                                                    : positions;
}

std::int64_t PalNetConfig::headInputs() const {
    const std::int64_t lastChannels = blocks() == 3 ? 128 : 64;
    const std::int64_t branches = !attention() ? 0 : (blocks() == 3 ? 32 + 64 + 128 : 32 + 64);
    return branches + lastChannels * landmarks * (patchSize / 100);
}

struct PalNet::Impl {
    PalNetConfig config;
    torch::Device device{torch::kCPU};
    Net net{nullptr};
    std::unique_ptr<SlicedAdam> optimizer;
    int microBatch = PalNet::kDefaultMicroBatch;
    bool microBatchChosen = false; // by setMicroBatch, rather than the device's default

    // The loss of the spec on (B, L, 3) tensors. The pairwise distances get a tiny epsilon
    // under the square root so that the zero diagonal has a gradient (of zero), not NaN.
    static std::tuple<torch::Tensor, torch::Tensor, torch::Tensor>
    loss(const torch::Tensor& pred, const torch::Tensor& target) {
        const torch::Tensor loc = (pred - target).pow(2).sum(-1).sqrt().mean();
        auto pairwise = [](const torch::Tensor& x) {
            return ((x.unsqueeze(2) - x.unsqueeze(1)).pow(2).sum(-1) + 1e-12).sqrt();
        };
        const torch::Tensor dist = (pairwise(pred) - pairwise(target)).abs().mean();
        return {0.6 * loc + 0.4 * dist, loc, dist};
    }

    torch::Tensor tensor(const float* data, std::int64_t batch, std::int64_t a,
                         std::int64_t b) const {
        return torch::from_blob(const_cast<float*>(data), {batch, a, b, 3}, torch::kFloat32)
            .to(device);
    }
    // Streams the weights (and the optimiser's state) into path, atomically.
    void save(const QString& path, bool withOptimizer) const;

    // A batch's loss: patches batch x L x K x 3, targets batch x L x 3.
    std::tuple<torch::Tensor, torch::Tensor, torch::Tensor>
    batchLoss(const float* patches, const float* targets, int batch) {
        const torch::Tensor input = tensor(patches, batch, config.landmarks, config.patchSize);
        const torch::Tensor target = torch::from_blob(const_cast<float*>(targets),
                                                      {batch, config.landmarks, 3}, torch::kFloat32)
                                         .to(device);
        return loss(net->forward(input, nullptr), target);
    }

    // The parameters the optimiser steps, in its order, but `except`; a zero gradient given
    // to those that have none (a process without a face in a small last batch).
    std::vector<torch::Tensor> parametersToSum(const torch::Tensor* except) {
        std::vector<torch::Tensor> params;
        for (auto& group : optimizer->param_groups()) {
            for (auto& p : group.params()) {
                if (except && p.is_same(*except)) {
                    continue;
                }
                if (!p.grad().defined()) {
                    p.mutable_grad() = torch::zeros_like(p);
                }
                params.push_back(p);
            }
        }
        return params;
    }

    // Sums over the processes, through one float32 array on the CPU, the gradients of
    // `params` (replaced by their sums) and then the `extra` tensors (their sums returned, in
    // their shapes, on the device).
    std::vector<torch::Tensor> sumAcrossProcesses(std::vector<torch::Tensor> params,
                                                  const std::vector<torch::Tensor>& extra,
                                                  const PalNet::GradientSum& gradientSum) const {
        std::vector<torch::Tensor> flat;
        for (const torch::Tensor& p : params) {
            flat.push_back(p.grad().reshape({-1}));
        }
        for (const torch::Tensor& e : extra) {
            flat.push_back(e.reshape({-1}));
        }
        torch::Tensor all = torch::cat(flat).to(torch::kCPU, torch::kFloat32).contiguous();
        gradientSum.sum(all.data_ptr<float>(), static_cast<std::size_t>(all.numel()));
        all = all.to(device);
        std::int64_t offset = 0;
        for (torch::Tensor& p : params) {
            const std::int64_t n = p.numel();
            p.mutable_grad().copy_(all.slice(0, offset, offset + n).view_as(p));
            offset += n;
        }
        std::vector<torch::Tensor> sums;
        for (const torch::Tensor& e : extra) {
            sums.push_back(all.slice(0, offset, offset + e.numel()).view_as(e));
            offset += e.numel();
        }
        return sums;
    }

    // The two ways of making a training step (PalNet.h, setMicroBatch).
    PalNet::Loss autogradStep(const float* patches, const float* targets, int batch,
                              const PalNet::GradientSum& gradientSum);
    PalNet::Loss microBatchStep(const float* patches, const float* targets, int batch, int faces,
                                const PalNet::GradientSum& gradientSum);
};

PalNet::PalNet(PalNetConfig config, std::uint64_t seed, Device device)
    : d(std::make_unique<Impl>()) {
    config.validate();
    installTensorMemoryCache();
    d->config = config;
    torch::manual_seed(seed);
    d->net = Net(config);
    d->device = chooseDevice(device);
    if (d->device.is_cuda()) {
        // TensorFloat-32 keeps 10 mantissa bits: on an H200 it moved outputs by 2% of their
        // size against the CPU (bench_forward). Landmarks are millimetres: full float32.
        at::globalContext().setAllowTF32CuDNN(false);
        at::globalContext().setAllowTF32CuBLAS(false);
        // The GPU has memory to spare and pays for each small step: on an H200, K = 1000, batch
        // 16, the whole batch at once took 11 ms a step against 16 ms in micro-batches of 8, for
        // 2.9 against 2.7 GB (bench/README.md, "CUDA"). Not across processes (trainStep).
        d->microBatch = 0;
    }
    d->net->to(d->device);
    d->net->eval();
}

PalNet::~PalNet() {
    d.reset();
    releaseTensorMemoryCache(); // what the network's steps kept for reuse
}
PalNet::PalNet(PalNet&&) noexcept = default;
PalNet& PalNet::operator=(PalNet&&) noexcept = default;

const PalNetConfig& PalNet::config() const {
    return d->config;
}

std::int64_t PalNet::parameterCount() const {
    std::int64_t n = 0;
    for (const auto& p : d->net->parameters()) {
        n += p.numel();
    }
    return n;
}

QString PalNet::deviceName() const {
    return d->device.is_cuda() ? QStringLiteral("cuda") : QStringLiteral("cpu");
}

std::vector<NamedTensor> PalNet::exportWeights() const {
    std::vector<NamedTensor> out;
    for (const auto& item : d->net->named_parameters()) {
        const torch::Tensor t =
            item.value().detach().to(torch::kCPU).to(torch::kFloat32).contiguous();
        NamedTensor n;
        n.name = item.key();
        n.shape.assign(t.sizes().begin(), t.sizes().end());
        n.data.assign(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
        out.push_back(std::move(n));
    }
    return out;
}

void PalNet::importWeights(const std::vector<NamedTensor>& tensors) {
    std::map<std::string, const NamedTensor*> byName;
    for (const NamedTensor& t : tensors) {
        byName[t.name] = &t;
    }
    torch::NoGradGuard noGrad;
    for (auto& item : d->net->named_parameters()) {
        const auto it = byName.find(item.key());
        const QString name = QString::fromStdString(item.key());
        if (it == byName.end()) {
            throw ValidationError(QString(),
                                  QStringLiteral("the weights have no tensor '%1'").arg(name));
        }
        const std::vector<std::int64_t> want(item.value().sizes().begin(),
                                             item.value().sizes().end());
        if (it->second->shape != want) {
            QStringList have;
            QStringList need;
            for (auto v : it->second->shape) {
                have << QString::number(v);
            }
            for (auto v : want) {
                need << QString::number(v);
            }
            throw ValidationError(
                QString(),
                QStringLiteral("tensor '%1' has shape (%2) but a network with patch size %3 "
                               "needs (%4)")
                    .arg(name, have.join(QStringLiteral(", ")))
                    .arg(d->config.patchSize)
                    .arg(need.join(QStringLiteral(", "))));
        }
        const torch::Tensor src =
            torch::from_blob(const_cast<float*>(it->second->data.data()), want, torch::kFloat32);
        item.value().copy_(src.to(d->device));
    }
}

bool PalNet::holdFirstLayerInFloat16() {
    NetImpl& net = *d->net;
    net.fc1Half = torch::Tensor();
    net.fc1HalfVersion = -1;
    if (!d->device.is_cpu() || !halfLinearSupported()) {
        return false;
    }
    const torch::NoGradGuard noGrad;
    const torch::Tensor w = net.fc1->weight.detach().contiguous();
    torch::Tensor half = torch::empty({w.numel()}, torch::kInt16);
    if (!toHalfExactly(w.data_ptr<float>(), static_cast<std::size_t>(w.numel()),
                       reinterpret_cast<std::uint16_t*>(half.data_ptr<std::int16_t>()))) {
        return false; // float32 weights: float16 would change them
    }
    net.fc1Half = std::move(half);
    net.fc1HalfVersion = net.fc1->weight._version();
    return true;
}

bool PalNet::holdsFirstLayerInFloat16() const {
    return d->net->halfCopyCurrent();
}

void PalNet::useCudaDevice(int localRank) {
    g_cudaIndex = std::max(0, localRank);
}

void PalNet::seedRandom(std::uint64_t seed) {
    torch::manual_seed(seed);
}

void PalNet::startTraining(double learningRate, int frozenBlocks) {
    if (frozenBlocks < 0 || frozenBlocks > d->config.blocks()) {
        throw ValidationError(QString(),
                              QStringLiteral("%1 frozen blocks: this network has %2 (0 freezes "
                                             "none)")
                                  .arg(frozenBlocks)
                                  .arg(d->config.blocks()));
    }
    std::vector<torch::nn::Module*> frozen;
    Net& n = d->net;
    const std::array<std::array<torch::nn::Module*, 3>, 3> blocks{{
        {n->conv1a.get(), n->conv1b.get(), n->att1 ? n->att1.get() : nullptr},
        {n->conv2a.get(), n->conv2b.get(), n->att2 ? n->att2.get() : nullptr},
        {n->conv3a ? n->conv3a.get() : nullptr, n->conv3b ? n->conv3b.get() : nullptr,
         n->att3 ? n->att3.get() : nullptr},
    }};
    for (int b = 0; b < 3; ++b) {
        for (torch::nn::Module* m : blocks[static_cast<std::size_t>(b)]) {
            if (m) {
                for (torch::Tensor& p : m->parameters()) {
                    p.set_requires_grad(b >= frozenBlocks);
                }
            }
        }
    }
    std::vector<torch::Tensor> trainable;
    for (const torch::Tensor& p : n->parameters()) {
        if (p.requires_grad()) {
            trainable.push_back(p);
        }
    }
    d->optimizer = std::make_unique<SlicedAdam>(trainable, torch::optim::AdamOptions(learningRate));
    n->train();
}

std::int64_t PalNet::trainableParameterCount() const {
    std::int64_t count = 0;
    for (const torch::Tensor& p : d->net->parameters()) {
        count += p.requires_grad() ? p.numel() : 0;
    }
    return count;
}

double PalNet::learningRate() const {
    return d->optimizer ? static_cast<torch::optim::AdamOptions&>(
                              d->optimizer->param_groups().front().options())
                              .lr()
                        : 0.0;
}

void PalNet::setLearningRate(double learningRate) {
    if (d->optimizer) {
        for (auto& group : d->optimizer->param_groups()) {
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(learningRate);
        }
    }
}

PalNet::Loss PalNet::trainStep(const float* patches, const float* targets, int batch) {
    return trainStep(patches, targets, batch, GradientSum{});
}

void PalNet::setMicroBatch(int faces) {
    d->microBatch = std::max(0, faces);
    d->microBatchChosen = true;
}

int PalNet::microBatch() const {
    return d->microBatch;
}

PalNet::Loss PalNet::trainStep(const float* patches, const float* targets, int batch,
                               const GradientSum& gradientSum) {
    if (!d->optimizer) {
        throw ValidationError(QString(), QStringLiteral("trainStep before startTraining"));
    }
    d->net->train();
    // The gradients of the last step are dropped, not zeroed: backward then makes each one in
    // place of adding it to a zeroed tensor, and they take no memory during the forward pass.
    for (auto& group : d->optimizer->param_groups()) {
        for (auto& p : group.params()) {
            p.mutable_grad().reset();
        }
    }
    // Across processes the micro-batch step exchanges the first Linear layer's input and output
    // rows (4 MB at K = 1000, batch 16) where the whole-batch step sums that layer's 256 MB
    // gradient through the CPU: a CUDA network left to its default takes micro-batches then.
    const int faces = gradientSum.sum && !d->microBatchChosen && d->microBatch == 0
                          ? kDefaultMicroBatch
                          : d->microBatch;
    return faces > 0 ? d->microBatchStep(patches, targets, batch, faces, gradientSum)
                     : d->autogradStep(patches, targets, batch, gradientSum);
}

PalNet::Loss PalNet::Impl::autogradStep(const float* patches, const float* targets, int batch,
                                        const PalNet::GradientSum& gradientSum) {
    PalNet::Loss result;
    if (batch > 0) {
        auto [total, loc, dist] = batchLoss(patches, targets, batch);
        total.backward();
        result = {total.item<double>(), loc.item<double>(), dist.item<double>()};
    }
    if (gradientSum.sum) {
        std::vector<torch::Tensor> params = parametersToSum(nullptr);
        for (torch::Tensor& p : params) {
            p.mutable_grad().mul_(gradientSum.share); // this part's share of the mean
        }
        sumAcrossProcesses(std::move(params), {}, gradientSum);
    } else if (batch == 0) {
        return result; // nothing to learn from
    }
    optimizer->step();
    return result;
}

// A step in micro-batches (docs/method.md, "Engine speed"). The loss is a mean over the faces,
// so each micro-batch's loss, weighted by its share of the batch, adds its part of the
// gradient, and only one micro-batch's activations exist at a time. The first Linear layer's
// weight (256 MB at K = 1000) takes no part in autograd: each micro-batch keeps the layer's
// input X and the loss's gradient G with respect to its output, and the optimiser forms the
// weight's gradient G^T X a few rows at a time while it updates them. With several processes
// the rows of G and X are gathered (by the same sum, each process filling its own rows of a
// zeroed array) instead of summing the 256 MB gradient.
PalNet::Loss PalNet::Impl::microBatchStep(const float* patches, const float* targets, int batch,
                                          int faces, const PalNet::GradientSum& gradientSum) {
    // The rows this part fills, checked before any work: a process that failed after the
    // others entered the sum would leave them waiting for it until the timeout.
    const std::int64_t whole = gradientSum.wholeBatch > 0 ? gradientSum.wholeBatch : batch;
    const std::int64_t lastRow =
        gradientSum.firstRow + std::int64_t{gradientSum.rowStride} * (batch - 1);
    if (gradientSum.sum && gradientSum.wholeBatch <= 0 && gradientSum.share != 1.0) {
        throw ValidationError(QString(), QStringLiteral("trainStep: a part of a batch (share %1) "
                                                        "must say its rows in the whole batch")
                                             .arg(gradientSum.share));
    }
    if (gradientSum.sum && batch > 0 &&
        (gradientSum.firstRow < 0 || gradientSum.rowStride < 1 || lastRow >= whole)) {
        throw ValidationError(QString(),
                              QStringLiteral("trainStep: rows %1, %2, ... of %3 faces do not fit "
                                             "a batch of %4")
                                  .arg(gradientSum.firstRow)
                                  .arg(gradientSum.firstRow + gradientSum.rowStride)
                                  .arg(batch)
                                  .arg(whole));
    }
    const std::int64_t L = config.landmarks;
    const std::int64_t faceFloats = L * config.patchSize * 3;
    torch::Tensor& w1 = net->fc1->weight;
    const double share = gradientSum.sum ? gradientSum.share : 1.0;
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(device);
    std::vector<torch::Tensor> outputGrads; // per micro-batch, (n, 1024)
    std::vector<torch::Tensor> inputs;      // per micro-batch, (n, headInputs)
    // The batch's losses, weighted sums kept on the device (no wait for a GPU per micro-batch).
    torch::Tensor losses = torch::zeros({3}, options);
    for (int start = 0; start < batch; start += faces) {
        const int n = std::min(faces, batch - start);
        const torch::Tensor input = tensor(patches + start * faceFloats, n, L, config.patchSize);
        const torch::Tensor target = torch::from_blob(const_cast<float*>(targets + start * L * 3),
                                                      {n, L, 3}, torch::kFloat32)
                                         .to(device);
        const torch::Tensor features = net->features(input, nullptr);
        torch::Tensor firstLinear =
            device.is_cpu() && at::get_num_threads() > 1
                ? ThreadedLinear::apply(features, w1.detach(), net->fc1->bias)
                : F::linear(features, w1.detach(), net->fc1->bias);
        firstLinear.retain_grad();
        auto [total, loc, dist] = loss(net->head(firstLinear), target);
        const double weight = static_cast<double>(n) / batch;
        (total * (weight * share)).backward();
        outputGrads.push_back(firstLinear.grad());
        inputs.push_back(features.detach());
        losses += torch::stack({total.detach(), loc.detach(), dist.detach()}) * weight;
    }
    PalNet::Loss result;
    if (batch > 0) {
        const torch::Tensor l = losses.to(torch::kCPU, torch::kDouble);
        result = {l[0].item<double>(), l[1].item<double>(), l[2].item<double>()};
    }
    torch::Tensor g =
        outputGrads.empty() ? torch::zeros({0, w1.size(0)}, options) : torch::cat(outputGrads);
    torch::Tensor x = inputs.empty() ? torch::zeros({0, w1.size(1)}, options) : torch::cat(inputs);
    if (gradientSum.sum) {
        // This part's rows of G and X in zeroed arrays of the whole batch's rows: the sum over
        // the processes is then the whole batch's G and X.
        torch::Tensor rowsOfG = torch::zeros({whole, w1.size(0)}, options);
        torch::Tensor rowsOfX = torch::zeros({whole, w1.size(1)}, options);
        if (batch > 0) {
            const torch::Tensor rows =
                torch::arange(gradientSum.firstRow, lastRow + 1, gradientSum.rowStride,
                              torch::TensorOptions().dtype(torch::kLong).device(device));
            rowsOfG.index_copy_(0, rows, g);
            rowsOfX.index_copy_(0, rows, x);
        }
        const std::vector<torch::Tensor> rows =
            sumAcrossProcesses(parametersToSum(&w1), {rowsOfG, rowsOfX}, gradientSum);
        g = rows[0];
        x = rows[1];
    } else if (batch == 0) {
        return result; // nothing to learn from
    }
    optimizer->step(); // every parameter but w1, which has no gradient
    if (w1.requires_grad()) {
        optimizer->stepLinearWeight(w1, g, x);
    }
    return result;
}

PalNet::Loss PalNet::evaluate(const float* patches, const float* targets, int batch) const {
    torch::NoGradGuard noGrad;
    const bool wasTraining = d->net->is_training();
    d->net->eval();
    // In micro-batches too, weighted by their share: a validation batch then needs no more
    // memory than a training step's micro-batch.
    const int step = d->microBatch > 0 ? d->microBatch : std::max(batch, 1);
    const std::size_t faceFloats =
        std::size_t(d->config.landmarks) * std::size_t(d->config.patchSize) * 3;
    const std::size_t targetFloats = std::size_t(d->config.landmarks) * 3;
    Loss result;
    for (int start = 0; start < batch; start += step) {
        const int n = std::min(step, batch - start);
        auto [total, loc, dist] = d->batchLoss(patches + std::size_t(start) * faceFloats,
                                               targets + std::size_t(start) * targetFloats, n);
        const double weight = static_cast<double>(n) / batch;
        result.total += weight * total.item<double>();
        result.localisation += weight * loc.item<double>();
        result.distance += weight * dist.item<double>();
    }
    if (wasTraining) {
        d->net->train();
    }
    return result;
}

void PalNet::saveState(const QString& path) const {
    d->save(path, true);
}

void PalNet::saveWeights(const QString& path) const {
    d->save(path, false);
}

void PalNet::Impl::save(const QString& path, bool withOptimizer) const {
    torch::serialize::OutputArchive archive;
    net->save(archive);
    if (withOptimizer && optimizer) {
        torch::serialize::OutputArchive opt;
        optimizer->save(opt);
        archive.write("optimizer", opt);
    }
    // Streamed into an AtomicFile (no second copy of weights + Adam moments in memory). The
    // sink always takes the bytes: torch's zip writer must not fail half way, as its destructor
    // would then throw again and end the process (seen on a full disk). A failed write is kept
    // by the file and reported by commit(), which leaves the previous checkpoint in place.
    AtomicFile file(path);
    file.openForWriting();
    try {
        archive.save_to([&file](const void* data, std::size_t n) -> std::size_t {
            file.write(static_cast<const char*>(data), static_cast<qint64>(n));
            return n;
        });
    } catch (const c10::Error& e) {
        throw IoError(path, QStringLiteral("cannot write the checkpoint: %1")
                                .arg(QString::fromStdString(e.what_without_backtrace())
                                         .section(QLatin1Char('\n'), 0, 0)));
    }
    file.commit();
}

void PalNet::loadState(const QString& path) {
    const FileBytes bytes(path); // mapped, by its native name (core/io/NativePath.h)
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(bytes.view().data(), bytes.size(), d->device);
        // torch's load replaces a parameter's shape without a word: load into a scratch
        // network first and compare every shape before touching this one.
        Net scratch(d->config);
        scratch->to(d->device);
        scratch->load(archive);
        const auto mine = d->net->named_parameters();
        const auto theirs = scratch->named_parameters();
        for (const auto& item : mine) {
            const torch::Tensor* other = theirs.find(item.key());
            if (!other || other->sizes() != item.value().sizes()) {
                throw FormatError(
                    path, QStringLiteral("not a PAL-Net checkpoint for this network (tensor '%1' "
                                         "differs; patch size %2 expected)")
                              .arg(QString::fromStdString(item.key()))
                              .arg(d->config.patchSize));
            }
        }
        {
            torch::NoGradGuard noGrad;
            for (auto& item : mine) {
                item.value().copy_(*theirs.find(item.key()));
            }
        }
        torch::serialize::InputArchive opt;
        if (d->optimizer && archive.try_read("optimizer", opt)) {
            d->optimizer->load(opt);
        }
    } catch (const c10::Error& e) {
        throw FormatError(path, QStringLiteral("not a PAL-Net checkpoint for this network (%1)")
                                    .arg(QString::fromStdString(e.what_without_backtrace())
                                             .section(QLatin1Char('\n'), 0, 0)));
    }
}

std::vector<float> PalNet::predict(const float* patches, int batch,
                                   AttentionMaps* attention) const {
    c10::InferenceMode inference;
    const bool wasTraining = d->net->is_training();
    d->net->eval();
    const auto& c = d->config;
    const torch::Tensor input =
        torch::from_blob(const_cast<float*>(patches), {batch, c.landmarks, c.patchSize, 3},
                         torch::kFloat32)
            .to(d->device);
    const torch::Tensor out = d->net->forward(input, attention).to(torch::kCPU).contiguous();
    if (wasTraining) {
        d->net->train();
    }
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
}

std::vector<float> PalNet::predictWithDropout(const float* patches, int batch, int passes) const {
    c10::InferenceMode inference;
    const bool wasTraining = d->net->is_training();
    d->net->train(); // dropout on; PAL-Net has no other layer that trains differently
    const auto& c = d->config;
    const torch::Tensor input =
        torch::from_blob(const_cast<float*>(patches), {batch, c.landmarks, c.patchSize, 3},
                         torch::kFloat32)
            .to(d->device);
    std::vector<float> all;
    all.reserve(std::size_t(passes) * std::size_t(batch) * std::size_t(c.landmarks) * 3);
    for (int p = 0; p < passes; ++p) {
        const torch::Tensor out = d->net->forward(input, nullptr).to(torch::kCPU).contiguous();
        all.insert(all.end(), out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
    }
    if (!wasTraining) {
        d->net->eval();
    }
    return all;
}

} // namespace pal::engine
