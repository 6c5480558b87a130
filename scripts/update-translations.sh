#!/usr/bin/env bash
# Brings translations/*.ts up to date with the sources: new texts are added as unfinished,
# texts no longer in the sources are dropped. Then translate the unfinished ones with Qt
# Linguist (/usr/lib/qt6/bin/linguist translations/palstudio_it.ts) or in a text editor.
# tests/packaging/tst_translations fails while any text is untranslated (translations/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
for ts in translations/palstudio_*.ts; do
    "$lupdate" -I . -locations none -no-obsolete -silent core ui app -ts "$ts"
done
