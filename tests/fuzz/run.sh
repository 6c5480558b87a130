#!/usr/bin/env bash
# The long fuzz run (README.md in this folder): builds the fuzz preset, then runs each parser
# target one after the other for RUNS executions (default 1,000,000) or SECONDS seconds,
# whichever comes first (default 1800), with the limits CTest's short run uses. Prints one line
# per target and exits 1 when any target found a crash, a hang (> 10 s for one input) or an
# out-of-memory (> 512 MB in one allocation, > 2 GB in all); the input is in
# build/fuzz/tests/fuzz/findings/. New inputs accumulate in build/fuzz/tests/fuzz/corpus/.
#   bash tests/fuzz/run.sh [target...]      e.g. bash tests/fuzz/run.sh fuzz_ply fuzz_off
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${RUNS:-1000000}
seconds=${SECONDS_PER_TARGET:-1800}
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
dir=build/fuzz/tests/fuzz
mkdir -p "$dir/logs"
if ! { cmake --preset fuzz && cmake --build --preset fuzz; } >"$dir/logs/build.log" 2>&1; then
    tail -30 "$dir/logs/build.log" >&2
    echo "run.sh: the fuzz preset did not build (log: $dir/logs/build.log)" >&2
    exit 2
fi

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_lafas fuzz_csv fuzz_obj fuzz_ply fuzz_off fuzz_npy fuzz_manifest fuzz_review)
mkdir -p "$dir/findings"
failed=0
printf '%-14s %12s %10s %8s %s\n' target executions exec/s seconds result
for t in "${targets[@]}"; do
    if [[ ! -x "$dir/$t" ]]; then
        echo "run.sh: no fuzz target $t (the targets: ls $dir/fuzz_*)" >&2
        exit 2
    fi
    mkdir -p "$dir/corpus/$t"
    log="$dir/logs/$t.log"
    start=$(date +%s)
    status=0
    "$dir/$t" -runs="$runs" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -malloc_limit_mb=512 -print_final_stats=1 -artifact_prefix="$dir/findings/$t-" \
        "$dir/corpus/$t" "$dir/seeds/$t" >"$log" 2>&1 || status=$?
    took=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [[ $status -eq 0 ]]; then
        result="0 crashes, 0 hangs, 0 out-of-memory"
    else
        failed=1
        result="FOUND (exit $status): $(grep -m1 -E 'ERROR:|runtime error|SUMMARY' "$log" || true); see $log"
    fi
    printf '%-14s %12s %10s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$took" "$result"
done
exit $failed
