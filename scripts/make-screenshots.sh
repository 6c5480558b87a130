#!/usr/bin/env bash
# The pictures of the manual (docs/images) and of the AppStream metadata, taken by PAL Studio's
# own screenshot mode on the generated demo dataset that the build makes (build/ci/demo: not
# real people, not for clinical use). Run after a build (bash scripts/palstudio.sh run|test);
# needs Xvfb, and ImageMagick's convert to scale them to 800 pixels wide.
#   bash scripts/make-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
app=build/ci/bin/palstudio
demo=build/ci/demo
out=docs/images
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

# shot NAME LANG [palstudio options...]: the window at 1280 x 800 with fresh settings.
shot() {
    local name=$1 lang=$2
    shift 2
    env -u LANGUAGE -u LC_ALL -u LC_MESSAGES HOME="$home" XDG_CONFIG_HOME="$home/.config" \
        XDG_DATA_HOME="$home/.local/share" LANG="$lang" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$demo" "$@" --screenshot "$home/$name.png" >/dev/null
    convert "$home/$name.png" -resize 800x -strip "$out/$name.png"
    echo "$out/$name.png"
}

shot review-front C.UTF-8
shot review-left C.UTF-8 --view left
shot review-front-it it_IT.UTF-8
