#!/usr/bin/env bash
# Whole-process timing of StrategyLint against markdownlint-cli2 (the peers' comparable rule).
#
#   bench/compare.sh                 1 draft, 100, 400 and 1,600 drafts; 5 alternating runs of each tool
#   RUNS=3 SIZES="1 400" bench/compare.sh
#
# Env: RUNS (default 5), SIZES (default "1 100 400 1600"), PEERS_HOME (default $TMPDIR/strategylint-peers),
#      SL (the strategylint command to time; by default the tool is packed from this checkout and installed into
#      a temporary tool path, exactly as users and CI install it, so the ReadyToRun linux-x64 package is timed),
#      KEEP=1 keeps the temporary folder.
# StrategyLint runs all rules with SARIF out; markdownlint-cli2 runs ../shared/peers/run.sh markdownlint-cli2.
# Runs alternate (StrategyLint first on odd runs, markdownlint-cli2 first on even runs). Peak RSS comes from
# /usr/bin/time -f %M (kB). Exit status 1 ("findings") is expected from both tools and is not an error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED:-$(cd "$REPO/../shared" && pwd)}"
PEERS="$SHARED/peers"
export PEERS_HOME="${PEERS_HOME:-${TMPDIR:-/tmp}/strategylint-peers}"
RUNS="${RUNS:-5}"
SIZES="${SIZES:-1 100 400 1600}"
TIME_BIN=/usr/bin/time
[ -x "$TIME_BIN" ] || { echo "compare.sh: /usr/bin/time is needed for peak RSS (apt-get install time)" >&2; exit 2; }

if [ ! -x "$PEERS_HOME/node_modules/.bin/markdownlint-cli2" ]; then
  echo "Installing the peers into $PEERS_HOME ..." >&2
  bash "$PEERS/install.sh" >&2
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/strategylint-compare.XXXXXX")"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

if [ -z "${SL:-}" ]; then
  echo "Packing and installing StrategyLint from $REPO ..." >&2
  dotnet pack "$REPO/src/StrategyLint" -c Release -o "$WORK/package" --nologo -v quiet >&2
  NUGET_PACKAGES="$WORK/nuget" dotnet tool install StrategyLint --add-source "$WORK/package" --tool-path "$WORK/tool" >/dev/null
  SL="$WORK/tool/strategylint"
fi

# One timed run: prints "seconds peak_kb". The command's own output goes to $WORK/last.{out,err}.
timed() {
  local start end
  start=$(date +%s.%N)
  "$TIME_BIN" -f '%M' -o "$WORK/rss" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || true
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l) $(tail -n 1 "$WORK/rss")"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
maxof() { sort -g | tail -n 1; }

sarif_results() {  # number of results in a SARIF file
  node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(s.runs.reduce((n, r) => n + (r.results || []).length, 0))' "$1"
}

echo "machine: $(nproc) cores, $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /'), node $(node --version)," \
  "$("$PEERS_HOME/node_modules/.bin/markdownlint-cli2" --help 2>/dev/null | sed -n 1p || true)"
echo "StrategyLint: $("$SL" --version 2>/dev/null | head -n 1) ($SL)"
echo "runs per tool and size: $RUNS, alternating"
echo
printf '| Drafts | MB | StrategyLint median s | markdownlint-cli2 median s | ratio (mdl / SL) | SL peak RSS MB | mdl peak RSS MB | SL findings (SARIF results) | mdl findings / expected |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n'

for n in $SIZES; do
  dir="$WORK/corpus-$n"
  node "$PEERS/gen-corpus.mjs" --out "$dir" --files "$n" --seed 42 >/dev/null
  expected="$(node -e 'console.log(require(process.argv[1]).expectedFindings)' "$dir/expected.json")"
  mb="$(du -cb "$dir"/*.md | tail -n 1 | awk '{ printf "%.2f", $1 / 1e6 }')"
  : >"$WORK/sl.t"; : >"$WORK/sl.m"; : >"$WORK/mdl.t"; : >"$WORK/mdl.m"; : >"$WORK/sl.n"; : >"$WORK/mdl.n"
  run_sl() {
    (cd "$dir" && timed "$SL" . --format sarif --output "$WORK/sl.sarif") >"$WORK/one"
    read -r t m <"$WORK/one"; echo "$t" >>"$WORK/sl.t"; echo "$m" >>"$WORK/sl.m"
    sarif_results "$WORK/sl.sarif" >>"$WORK/sl.n"; rm -f "$WORK/sl.sarif"
  }
  run_mdl() {
    timed "$PEERS/run.sh" markdownlint-cli2 "$dir" >"$WORK/one"
    read -r t m <"$WORK/one"; echo "$t" >>"$WORK/mdl.t"; echo "$m" >>"$WORK/mdl.m"
    grep -c 'strategy-required-sections' "$WORK/last.err" >>"$WORK/mdl.n" || true
  }
  for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) = 1 ]; then run_sl; run_mdl; else run_mdl; run_sl; fi
  done
  sl_t="$(median <"$WORK/sl.t")"; mdl_t="$(median <"$WORK/mdl.t")"
  ratio="$(echo "$mdl_t / $sl_t" | bc -l)"
  sl_m="$(maxof <"$WORK/sl.m")"; mdl_m="$(maxof <"$WORK/mdl.m")"
  sl_counts="$(sort -u "$WORK/sl.n" | paste -sd, -)"
  mdl_counts="$(sort -u "$WORK/mdl.n" | paste -sd, -)"
  sl_note="$sl_counts"; [ "$(sort -u "$WORK/sl.n" | wc -l)" = 1 ] && sl_note="$sl_counts (same in all $RUNS runs)" || sl_note="$sl_counts (DIFFERS between runs)"
  mdl_note="$mdl_counts / $expected"; [ "$mdl_counts" = "$expected" ] || mdl_note="$mdl_note (MISMATCH)"
  printf '| %s | %s | %.2f | %.2f | %.1f× | %.0f | %.0f | %s | %s |\n' \
    "$n" "$mb" "$sl_t" "$mdl_t" "$ratio" "$(echo "$sl_m / 1024" | bc -l)" "$(echo "$mdl_m / 1024" | bc -l)" "$sl_note" "$mdl_note"
  if [ -n "${VERBOSE:-}" ]; then
    echo "  SL times: $(paste -sd' ' "$WORK/sl.t")  mdl times: $(paste -sd' ' "$WORK/mdl.t")" >&2
  fi
done
