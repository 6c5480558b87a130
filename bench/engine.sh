#!/usr/bin/env bash
# The engine's speed, two builds side by side (each measurement alternates between them, so
# that the load of a shared machine hits both alike): a K = 1000 training step, the forward
# pass, a whole prediction per face, and 6 training epochs of 60 generated cases at K = 200.
# Figures and how to read them: bench/README.md, "Engine speed on one CPU".
#
#   bash bench/engine.sh OLD_BIN NEW_BIN [RUNS]
#
# *_BIN: a bin/ folder of a build (bench_train, bench_forward, bench_predict, palstudio-cli).
# A random K = 1000 bundle and the 60 cases are made in a temporary folder by NEW_BIN.
# bench_predict --snap surface is asked of NEW_BIN only (older builds have no such mode).
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
        echo "predict ($side, closest):"
        "$bin/bench_predict" --model "$tmp/k1000.palnet" --repeats 7 | grep -E '^batch|peak'
    done
    echo "predict (new, surface):"
    "$new/bench_predict" --model "$tmp/k1000.palnet" --repeats 7 --snap surface |
        grep -E '^batch|peak'
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
echo "end: $(date -u), load $(cut -d' ' -f1-3 /proc/loadavg)"
