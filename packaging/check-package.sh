#!/usr/bin/env bash
# Checks a built Debian package as a user's machine would see it (CI runs this after the tests;
# packaging/README.md):
#   1. lintian finds no error (its warnings are printed);
#   2. the desktop entry and the AppStream metadata inside the package validate;
#   3. the package unpacked with dpkg-deb -x into a temporary root runs: palstudio-cli
#      --version, Italian help, a generated demo dataset predicted with the packaged default
#      model and evaluated. The build and source trees are hidden (an empty folder is mounted
#      over each in a private mount namespace) and no PALSTUDIO_* variable is set, so the
#      programs can only use what the package installed.
set -euo pipefail
deb=$(realpath "$1")
root_dir=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/palstudio-package-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== lintian $(basename "$deb")"
lintian --fail-on error --allow-root "$deb" || { echo "lintian found errors" >&2; exit 1; }

echo "== unpacking into $work/root"
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/palstudio.desktop"
appstreamcli validate --no-net --pedantic \
    "$work/root/usr/share/metainfo/io.github.palstudio.PalStudio.metainfo.xml"

# The run, inside a mount namespace where the source tree (and the build tree within it) is
# an empty folder.
cat >"$work/run.sh" <<'INNER'
set -euo pipefail
root=$1
cli=$root/usr/bin/palstudio-cli
if ls "$2" >/dev/null 2>&1 && [ -n "$(ls -A "$2")" ]; then
    echo "the source tree is still visible" >&2; exit 1
fi
"$cli" --version
help=$(LANG=it_IT.UTF-8 "$cli" --help)
[[ $help == "Utilizzo: palstudio-cli "* ]] || { echo "the help is not in Italian: $help" >&2; exit 1; }
"$cli" make-demo --out "$WORK/demo" --cases 3 --seed 7 >/dev/null
"$cli" predict "$WORK/demo" --threads 2
for c in D001 D002 D003; do
    test "$(grep -c . "$WORK/demo/$c/landmarks.predicted.txt")" -ge 50
done
"$cli" evaluate --model "$root/usr/share/palstudio/models/default.palnet" --data "$WORK/demo" \
    --report "$WORK/report" --threads 2 | tail -3
test -s "$WORK/report/report.html"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/palstudio" --version | head -3
INNER
echo "== running the unpacked programs without the build tree"
env -i PATH=/usr/bin:/bin HOME="$work/home" WORK="$work" LANG=C.UTF-8 \
    unshare --mount --propagation private \
    bash -c 'mount -t tmpfs none "$2" && bash "$0" "$1" "$2"' \
    "$work/run.sh" "$work/root" "$root_dir"
echo "== package check passed: $(basename "$deb")"
