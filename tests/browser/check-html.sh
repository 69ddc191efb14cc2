#!/usr/bin/env bash
# Loads a StrategyLint HTML report in headless Chromium and checks what a reviewer would see:
#   1. the page loads with no console message at all (the report has no script, so any message is a
#      problem: a blocked network load or inline script reported by the Content-Security-Policy, or a
#      script error);
#   2. after load, the DOM holds the coverage matrix (id="coverage-matrix") and no <script> element;
#   3. a screenshot is written to OUT.png (the DOM after load goes beside it, as OUT.dom.html).
# Usage: tests/browser/check-html.sh REPORT.html OUT.png
# Exit 0 when every check passes, 1 when one fails, 2 on bad usage, 3 when Chromium is not installed.
# CHROMIUM=/path/to/chromium picks the browser; by default the first of chromium, chromium-browser,
# google-chrome on PATH (Debian: apt-get install chromium).
set -uo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 REPORT.html OUT.png" >&2
  exit 2
fi
report="$1"
png="$2"
if [ ! -f "$report" ]; then
  echo "check-html: '$report' does not exist" >&2
  exit 2
fi

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null 2>&1; then browser="$candidate"; break; fi
  done
fi
if [ -z "$browser" ] || ! command -v "$browser" > /dev/null 2>&1; then
  echo "check-html: chromium is not installed (Debian: apt-get install chromium)" >&2
  exit 3
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dom="${png%.png}.dom.html"
mkdir -p "$(dirname "$png")"
rm -f "$png" "$dom"

# A file: URL with the characters that would end or change it escaped.
absolute="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
url="file://$(printf '%s' "$absolute" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' -e 's/?/%3F/g')"

# Console messages reach stderr with --enable-logging=stderr as 'INFO:CONSOLE:1] "message", source: …'
# (older builds: 'CONSOLE(1)'). A private profile and no name resolution keep the run offline and repeatable.
# A page loads in a second or two; a script dialog (alert) would hold a headless page open for ever.
limit="${CHECK_HTML_TIMEOUT:-45}"
run() {
  timeout -k 5 "$limit" "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --mute-audio \
    --no-first-run --no-default-browser-check --disable-extensions --disable-sync \
    --disable-background-networking --disable-component-update --host-resolver-rules='MAP * ~NOTFOUND' \
    --force-device-scale-factor=1 --window-size=1280,1000 --user-data-dir="$work/profile-$1" \
    --enable-logging=stderr --v=0 "${@:2}" "$url"
}

status=0
run shot --screenshot="$png" > "$work/shot.out" 2> "$work/shot.log"
shot_exit=$?
run dom --dump-dom > "$dom" 2> "$work/dom.log"
dom_exit=$?

# timeout exits 124 when it stopped the browser, 137 when it had to kill it.
if [ "$shot_exit" -eq 124 ] || [ "$dom_exit" -eq 124 ] || [ "$shot_exit" -eq 137 ] || [ "$dom_exit" -eq 137 ]; then
  echo "check-html: chromium did not finish loading the page within ${limit}s (a script dialog such as alert() blocks a headless page)" >&2
  status=1
elif [ "$shot_exit" -ne 0 ] || [ "$dom_exit" -ne 0 ]; then
  echo "check-html: chromium failed (screenshot exit $shot_exit, dump-dom exit $dom_exit)" >&2
  tail -n 20 "$work/shot.log" "$work/dom.log" >&2
  status=1
fi

console="$(grep -hE 'CONSOLE[:(]|Uncaught' "$work/shot.log" "$work/dom.log" | sed -e 's/^\[[^]]*\] *//' | sort -u)"
if [ -n "$console" ]; then
  echo "check-html: console messages while loading the report:" >&2
  printf '%s\n' "$console" >&2
  status=1
fi

if [ ! -s "$png" ] || [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
  echo "check-html: no PNG screenshot at $png" >&2
  status=1
fi

if ! grep -q 'id="coverage-matrix"' "$dom"; then
  echo "check-html: the page has no coverage matrix (id=\"coverage-matrix\") after load" >&2
  status=1
fi
if grep -qi '<script' "$dom"; then
  echo "check-html: the page holds a <script> element after load (text from a draft was not escaped?)" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "check-html: ok: $report loads with no console messages; matrix present; screenshot $png ($(wc -c < "$png" | tr -d ' ') bytes)"
fi
exit "$status"
