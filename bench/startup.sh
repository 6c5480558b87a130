#!/usr/bin/env bash
# Start-up figures of whole processes, two builds side by side (runs interleaved, so that the
# load of a shared machine hits both alike). Median of N runs, in seconds.
#
#   bash bench/startup.sh BIN_A [BIN_B] [N]
#
# BIN_*: a bin/ folder (build/ci/bin, or an install's bin) whose ../demo holds the demo
# dataset (the build makes it; for an install pass PALSTUDIO_DEMO). Measures:
#   info     palstudio-cli info <demo>/D001            (/usr/bin/time, wall clock)
#   convert  palstudio-cli convert D001/landmarks.txt out.csv --force
#   window   palstudio <demo>: from exec until its window is mapped (xdotool, under Xvfb)
# Needs xdotool and xvfb-run (apt install xdotool xvfb).
set -euo pipefail
a=$1
b=${2:-}
n=${3:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

wall() { # wall-clock seconds of a command, by /usr/bin/time
    /usr/bin/time -f %e -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    cat "$tmp/t"
}

window() { # seconds from start until a "PAL Studio" window is mapped on $DISPLAY
    local bin=$1 t0 t1 pid
    t0=$(date +%s.%N)
    QT_QPA_PLATFORM=xcb "$bin/palstudio" "$(demo_of "$bin")" >/dev/null 2>&1 &
    pid=$!
    xdotool search --sync --onlyvisible --name "PAL Studio" >/dev/null
    t1=$(date +%s.%N)
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    echo "$t1 - $t0" | bc -l
}

demo_of() { echo "${PALSTUDIO_DEMO:-$1/../demo}"; }

run_all() {
    for i in $(seq "$n"); do
        for bin in "$a" $b; do
            local tag; tag=$(echo "$bin" | md5sum | cut -c1-8)
            wall "$bin/palstudio-cli" info "$(demo_of "$bin")/D001" >>"$tmp/info.$tag"
            wall "$bin/palstudio-cli" convert "$(demo_of "$bin")/D001/landmarks.txt" \
                "$tmp/out.csv" --force >>"$tmp/convert.$tag"
            window "$bin" >>"$tmp/window.$tag"
        done
    done
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $n runs each"
    for bin in "$a" $b; do
        local tag; tag=$(echo "$bin" | md5sum | cut -c1-8)
        printf '%s\n  info %.3f s, convert %.3f s, window %.3f s (medians)\n' "$bin" \
            "$(median <"$tmp/info.$tag")" "$(median <"$tmp/convert.$tag")" \
            "$(median <"$tmp/window.$tag")"
    done
}

if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
run_all
