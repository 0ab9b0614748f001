#!/usr/bin/env bash
# Builds the import parsers' libFuzzer harnesses with clang-14 (ASan + UBSan) and runs each for a
# set time, seeded from the hostile corpus. Crash inputs found are copied to
# tests/fuzz/crashes/<harness>/ (keep them in-tree: they replay in CI); committed crash inputs are
# replayed first. Exit 0 when nothing crashed, 1 otherwise.
# Usage: tests/fuzz/run.sh [SECONDS_PER_HARNESS [HARNESS...]]   (default 600 s: as per merge)
#        tests/fuzz/run.sh --replay                             (only replay tests/fuzz/crashes)
# Needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
harnesses=(fuzz_csv fuzz_amount fuzz_xlsx_zip fuzz_xlsx_xml)
seconds=${1:-600}
if [[ $# -gt 1 ]]; then
  harnesses=("${@:2}")
fi

command -v clang++-14 >/dev/null || { echo "run.sh: clang++-14 is missing" >&2; exit 2; }
mkdir -p "$build"
if ! { cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 &&
       cmake --build "$build" -j2; } >"$build/build.log" 2>&1; then
  tail -30 "$build/build.log" >&2
  echo "run.sh: building the harnesses failed (log: $build/build.log)" >&2
  exit 2
fi

# Seeds: the hostile corpus (CSV and XLSX files), and the amount spellings from its controls.
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"/{csv,xlsx,amount,xml}
/usr/bin/python3 "$root/tests/data/hostile/make_corpus.py" --out "$seeds/all" >/dev/null
cp "$seeds"/all/*.csv "$seeds/csv/"
cp "$seeds"/all/*.xls* "$seeds/xlsx/"
for spelling in "1234.5" "1,234.50" "£1,234.50" "1.234,50" "1234.4999999999998" "1E3" "12O" \
                "-5" "(5)" "0x10" "١٢٣" "9999999999999999" "0.001"; do
  printf '%s' "$spelling" > "$seeds/amount/$(printf '%s' "$spelling" | sha1sum | cut -c1-12)"
done
for part in 0 1 2 3 4; do printf "\\x0$part<x/>" > "$seeds/xml/part$part"; done
# Inputs longer than this are cut: big seeds (a 1 MiB field, a zip bomb) would only slow the
# search; the size limits themselves are tested by the hostile corpus.
max_len() {
  case $1 in
    fuzz_amount) echo 256 ;;
    fuzz_xlsx_zip) echo 262144 ;;
    *) echo 65536 ;;
  esac
}
seed_dir() {
  case $1 in
    fuzz_csv) echo "$seeds/csv" ;;
    fuzz_amount) echo "$seeds/amount" ;;
    fuzz_xlsx_zip) echo "$seeds/xlsx" ;;
    fuzz_xlsx_xml) echo "$seeds/xml" ;;
  esac
}

failed=0
for h in "${harnesses[@]}"; do
  crashes="$here/crashes/$h"
  if compgen -G "$crashes/*" >/dev/null; then
    echo "== $h: replaying $(ls "$crashes" | wc -l) kept crash inputs"
    "$build/$h" -rss_limit_mb=2048 -timeout=10 "$crashes"/* >"$build/$h.replay.log" 2>&1 \
      || { echo "   FAILED (see $build/$h.replay.log)"; failed=1; }
  fi
done
[[ "$seconds" == "--replay" ]] && exit $failed

for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  artifacts="$build/artifacts/$h"
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  echo "== $h: fuzzing for $seconds s"
  set +e
  "$build/$h" -max_total_time="$seconds" -max_len="$(max_len "$h")" -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" "$(seed_dir "$h")" >"$build/$h.log" 2>&1
  status=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$build/$h.log" | grep -Eo '[0-9]+$' || echo 0)
  cov=$(grep -Eo 'cov: [0-9]+' "$build/$h.log" | tail -1 || true)
  found=$(ls "$artifacts" | wc -l)
  echo "   exit $status, $runs runs, $cov, $found crash/timeout/oom inputs"
  if [[ $status -ne 0 || $found -gt 0 ]]; then
    failed=1
    mkdir -p "$here/crashes/$h"
    cp "$artifacts"/* "$here/crashes/$h/" 2>/dev/null || true
    echo "   inputs copied to tests/fuzz/crashes/$h/; log: $build/$h.log"
  fi
done
exit $failed
