#!/usr/bin/env bash
# The CUDA check: builds the engine and its benchmarks against a CUDA-enabled LibTorch through the
# project's own option (PALSTUDIO_TORCH_DIR) and times the forward pass, a training step and a
# whole prediction on the GPU. Written for a GPU machine that has CUDA, CMake, Ninja, g++ and
# PyTorch (whose wheel holds LibTorch and its CMake files) but no Qt and nothing to install from:
# the Debian 12 packages the core needs (Qt 6 Core, Assimp, QuaZip, Eigen, nanoflann, Benchmark and
# their libraries; listed in README.md, "CUDA") are unpacked from DEBS into a folder of their
# own, never into /. Nothing of the GUI or the command line is built (PALSTUDIO_BUILD_GUI=OFF,
# PALSTUDIO_BUILD_CLI=OFF: they need Qt GUI).
#   scripts/gpu-check.sh DEBS [OUTDIR]      (log in OUTDIR/gpu-check.log; default /tmp/gpu-check)
set -uo pipefail
debs=${1:?"usage: scripts/gpu-check.sh DEBS_FOLDER [OUTDIR]"}
out=${2:-/tmp/gpu-check}
mkdir -p "$out"
exec > >(tee "$out/gpu-check.log") 2>&1
src=$(cd "$(dirname "$0")/.." && pwd)
deps=/tmp/palstudio-deps
build=/tmp/palstudio-gpu-build
step() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

step "machine"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
head -n 2 /etc/os-release
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
c++ --version | head -n 1
cmake --version | head -n 1
torch_root=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))') || exit 1
python3 -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda,
      "GPU visible:", torch.cuda.is_available(), "cxx11 ABI:", torch._C._GLIBCXX_USE_CXX11_ABI)'
cuda_root=/usr/local/cuda
[ -x "$cuda_root/bin/nvcc" ] || cuda_root=$(dirname "$(dirname "$(command -v nvcc)")")
echo "CUDA toolkit: $cuda_root"

step "the Debian packages, unpacked into $deps"
rm -rf "$deps" && mkdir -p "$deps/runtime"
for f in "$debs"/*.deb; do dpkg -x "$f" "$deps" || exit 1; done
# At run time only the libraries this machine lacks: its own, often newer, ones stay first.
for lib in "$deps"/usr/lib/x86_64-linux-gnu/lib*.so.*; do
    name=$(basename "$lib")
    [[ $name =~ \.so\.[0-9]+$ ]] || continue
    ldconfig -p | grep -q "^[[:space:]]$name " || ln -sf "$lib" "$deps/runtime/$name"
done
echo "carried at run time: $(ls "$deps/runtime" | tr '\n' ' ')"
# Development links that point to /lib or /usr/lib point into the unpacked tree instead.
find "$deps" -type l -lname '/*' | while read -r link; do
    target=$(readlink "$link")
    [ -e "$deps$target" ] && ln -sfn "$deps$target" "$link"
done
# Assimp's, Draco's and QuaZip's CMake files name some libraries by absolute paths under /usr
# (libdraco, libz, libbz2): those carried here are named in their new place. Assimp names
# minizip bare (-lminizip, a development link not carried): it is named by its file.
for f in "$deps"/usr/lib/x86_64-linux-gnu/cmake/{assimp-*,draco,QuaZip-*}/*.cmake; do
    for lib in $(grep -o '/usr/lib/x86_64-linux-gnu/lib[^";>:]*' "$f" | sort -u); do
        [ -e "$deps$lib" ] && sed -i "s|\([\";>:]\)$lib|\1$deps$lib|g" "$f"
    done
    sed -i "s|;minizip;|;$deps/usr/lib/x86_64-linux-gnu/libminizip.so.1;|" "$f"
done
# Qt's CMake files insist that every tool they name exists; the build runs moc, rcc and lrelease
# only, and the others (qmake, lupdate's helpers...) are left out: each becomes a stub that fails.
for tool in $(grep -ho '${_IMPORT_PREFIX}/[^"]*' "$deps"/usr/lib/x86_64-linux-gnu/cmake/Qt6*/*Targets-*.cmake |
              grep -E "/(bin|libexec)/" | sed "s|\${_IMPORT_PREFIX}|$deps/usr|" | sort -u); do
    [ -e "$tool" ] && continue
    mkdir -p "$(dirname "$tool")"
    printf '#!/bin/sh\necho "%s: not carried to this machine" >&2\nexit 1\n' "$(basename "$tool")" >"$tool"
    chmod +x "$tool"
done
export LD_LIBRARY_PATH=$deps/runtime${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

# Gloo's headers: LibTorch's own when it has them (then the carried ones must not be found first
# through the other packages' include folder), else the carried libgloo-dev's. The build falls
# back to PALSTUDIO_DISTRIBUTED=OFF if those do not compile with this LibTorch.
gloo=$torch_root/include
if [ -f "$gloo/gloo/algorithm.h" ]; then
    rm -rf "$deps/usr/include/gloo"
else
    gloo=$deps/usr/include
fi
echo "Gloo headers: $gloo"

step "configure (PALSTUDIO_TORCH_DIR=$torch_root/share/cmake/Torch)"
rm -rf "$build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPALSTUDIO_TORCH_DIR="$torch_root/share/cmake/Torch" \
    -DPALSTUDIO_BUILD_GUI=OFF -DPALSTUDIO_BUILD_CLI=OFF -DBUILD_TESTING=OFF \
    -DCMAKE_PREFIX_PATH="$deps/usr" -DCUDAToolkit_ROOT="$cuda_root" \
    -DPALSTUDIO_GLOO_INCLUDE="$gloo" || exit 1

step "build"
build_engine() {
    ninja -C "$build" -k 0 bench_forward bench_train bench_predict palstudio_engine_module
}
if ! build_engine; then
    step "the build failed: again without data-parallel training (PALSTUDIO_DISTRIBUTED=OFF)"
    cmake "$build" -DPALSTUDIO_DISTRIBUTED=OFF && build_engine || exit 1
fi

# The GPU's memory in use, sampled every 100 ms while a benchmark runs (the CUDA context included).
gpu_peak() {
    nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 100 >"$out/mem.txt" &
    local sampler=$!
    "$@"
    local rc=$?
    kill $sampler 2>/dev/null
    wait $sampler 2>/dev/null
    echo "GPU memory in use, at most: $(sort -n "$out/mem.txt" | tail -n 1) MiB (exit $rc)"
}

bin=$build/bin
step "forward pass: CPU ($(nproc) cores) and CUDA, K=1000"
gpu_peak "$bin/bench_forward" --patch-size 1000 --repeats 10
step "training step on CUDA, K=1000, batch 16, default micro-batch"
gpu_peak "$bin/bench_train" --device cuda --patch-size 1000 --batch 16 --repeats 7
step "training step on CUDA, K=1000, batch 16, the whole batch at once"
gpu_peak "$bin/bench_train" --device cuda --patch-size 1000 --batch 16 --repeats 7 --micro-batch 0
step "whole prediction on CUDA, K=1000, snapping surface"
gpu_peak "$bin/bench_predict" --device cuda --snap surface --repeats 15
step "whole prediction on CUDA, K=1000, snapping closest (the reference's)"
gpu_peak "$bin/bench_predict" --device cuda --snap closest --repeats 9
step "done"
