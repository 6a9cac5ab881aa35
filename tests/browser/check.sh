#!/usr/bin/env bash
# Opens the bundled ledger's HTML fact sheet in a real headless browser (Debian's
# Chromium, installed if missing and possible), checks the DOM the browser built
# (every footnote link resolves), and writes a screenshot for people to look at.
# Output goes to target/sheet/. Run it from anywhere: `bash tests/browser/check.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=target/sheet
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium (Debian package)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "error: chromium is not installed, and installing it needs root and apt-get" >&2
        exit 1
    fi
fi

cargo run --quiet -- sheet ledger.ron --today 2026-11-28 --format html -o "$out/sheet.html"
page="file://$PWD/$out/sheet.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Flags for a closed network and a root user: no sandbox, no background fetches.
browser=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile")
"${browser[@]}" --dump-dom "$page" > "$out/dom.html" 2>/dev/null
"${browser[@]}" --screenshot="$out/sheet.png" --window-size=900,2600 "$page" 2>/dev/null
test -s "$out/sheet.png" || { echo "error: no screenshot was written" >&2; exit 1; }
python3 tests/browser/check_footnotes.py "$out/dom.html"
echo "screenshot: $out/sheet.png"
