#!/usr/bin/env bash
# The engine's speed, two builds side by side (each measurement alternates between them, so
# that the load of a shared machine hits both alike): a K = 1000 training step, the forward
# pass, a whole prediction per face, 6 training epochs of 60 generated cases at K = 200, and
# 3 epochs of 24 cases in one process and in two.
# Figures and how to read them: bench/README.md, "Engine speed on one CPU".
#
#   bash bench/engine.sh OLD_BIN NEW_BIN [RUNS]
#
# *_BIN: a bin/ folder of a build (bench_train, bench_forward, bench_predict, palstudio-cli).
# A random K = 1000 bundle and the 60 cases are made in a temporary folder by NEW_BIN.
# Both builds need bench_predict's --snap surface (46971c5 and later).
set -euo pipefail
old=$1
new=$2
runs=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "start: $(date -u), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$new/bench_predict" --write-model "$tmp/k1000.palnet" | tail -1
"$new/palstudio-cli" make-demo --out "$tmp/d60" --cases 60 --seed 3 >/dev/null
# Fill the patch cache once, so that no side pays for it.
"$new/palstudio-cli" train --data "$tmp/d60" --out "$tmp/warm/m.palnet" --patch-size 200 \
    --epochs 1 >/dev/null 2>&1
for ((i = 1; i <= runs; i++)); do
    for side in old new; do
        bin=${!side}
        echo "train step ($side): $("$bin/bench_train" --repeats 4 | tail -1)"
        echo "forward ($side): $("$bin/bench_forward" --repeats 7 | grep '^cpu ')"
    done
done
for ((i = 1; i <= runs; i++)); do
    for side in old new; do
        bin=${!side}
        for snap in closest surface; do
            echo "predict ($side, $snap):"
            "$bin/bench_predict" --model "$tmp/k1000.palnet" --repeats 7 --snap $snap |
                grep -E '^batch|peak'
        done
    done
done
for ((i = 1; i <= runs; i++)); do
    for side in old new; do
        bin=${!side}
        rm -rf "$tmp/ep"
        /usr/bin/time -f "6 epochs ($side): %e s wall, peak %M KB" "$bin/palstudio-cli" train \
            --data "$tmp/d60" --out "$tmp/ep/m.palnet" --patch-size 200 --epochs 6 --threads 2 \
            2>&1 | grep -E 'wall|^epoch'
    done
done
# Data-parallel training on this machine: one process with 2 threads, two with 1 thread each
# (torch.distributed over 127.0.0.1), 24 cases at K = 200, batch 8.
"$new/palstudio-cli" make-demo --out "$tmp/d24" --cases 24 --seed 4 >/dev/null
"$new/palstudio-cli" train --data "$tmp/d24" --out "$tmp/warm24/m.palnet" --patch-size 200 \
    --epochs 1 --batch 8 >/dev/null 2>&1
port=29711
for ((i = 1; i <= runs; i++)); do
    for side in old new; do
        bin=${!side}
        rm -rf "$tmp/one" "$tmp/two"
        "$bin/palstudio-cli" train --data "$tmp/d24" --out "$tmp/one/m.palnet" --patch-size 200 \
            --epochs 3 --batch 8 --threads 2 2>&1 | grep -E '^epoch' | sed "s/^/1 process ($side): /"
        port=$((port + 1))
        WORLD_SIZE=2 RANK=1 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port "$bin/palstudio-cli" train \
            --data "$tmp/d24" --out "$tmp/two/m.palnet" --patch-size 200 --epochs 3 --batch 8 \
            --threads 1 >/dev/null 2>&1 &
        WORLD_SIZE=2 RANK=0 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port "$bin/palstudio-cli" train \
            --data "$tmp/d24" --out "$tmp/two/m.palnet" --patch-size 200 --epochs 3 --batch 8 \
            --threads 1 2>&1 | grep -E '^epoch' | sed "s/^/2 processes ($side): /"
        wait
    done
done
echo "end: $(date -u), load $(cut -d' ' -f1-3 /proc/loadavg)"
