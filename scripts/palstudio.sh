#!/usr/bin/env bash
# The two commands of the README:
#   bash scripts/palstudio.sh run    install packages, build, open the application
#   bash scripts/palstudio.sh test   install packages, build, run every test (CTest)
#   bash scripts/palstudio.sh package  install packages, build, make the Debian package
# Both build the "ci" preset (Release, warnings as errors) in build/ci with ccache; test also
# builds the "fuzz" preset (clang, core only) in build/fuzz and runs each fuzz target briefly,
# then makes the Debian package and checks it (packaging/check-package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
action=${1:-run}
shift || true

bash scripts/install-deps.sh

# ccache: share hits between checkouts in different folders (CI clones elsewhere).
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
jobs=$(nproc)

# CPack's DEB generator over the ci build's install rules (cmake/PalStudioPackaging.cmake).
make_package() {
    rm -f build/ci/package/palstudio_*.deb
    (cd build/ci && cpack -G DEB)
    echo "Debian package: $(ls "$root"/build/ci/package/palstudio_*.deb)"
}

cmake --preset ci >/dev/null
cmake --build --preset ci -- -j"$jobs"

case "$action" in
run)
    app="$root/build/ci/bin/palstudio"
    if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
        exec "$app" "$@"
    fi
    shot="$root/build/ci/palstudio-screenshot.png"
    echo "No display found (DISPLAY is not set): rendering the window under Xvfb instead."
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$@" --screenshot "$shot"
    echo "Screenshot of the window: $shot"
    ;;
package)
    make_package
    ;;
test)
    ctest --preset ci -j"$jobs" "$@"
    # The parsers' fuzz targets, built with clang, libFuzzer and the sanitizers, for a few
    # seconds each (tests/fuzz/README.md; tests/fuzz/run.sh runs them for long).
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz -- -j"$jobs"
    ctest --preset fuzz -j"$jobs"
    # The Debian package, unpacked and run without the build tree; lintian and the desktop
    # files' validators.
    make_package
    bash packaging/check-package.sh build/ci/package/palstudio_*.deb
    ;;
*)
    echo "usage: bash scripts/palstudio.sh run|test|package" >&2
    exit 1
    ;;
esac
