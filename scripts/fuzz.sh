#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UBSan) and runs
# each for a bounded time from its seeds. An input that crashes is copied into
# tests/fuzz/regressions/<target>/, where the ordinary test run replays it.
# The build, build-sanitize/, is the test command's sanitizer build: it holds
# the tests without QGIS too.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
#        scripts/fuzz.sh --build-only
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
[ -f build-sanitize/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B build-sanitize -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCP_FUZZ=ON -DCP_WITH_QGIS=OFF -DCP_BUILD_BENCHMARKS=OFF
cmake --build build-sanitize --parallel "$(nproc)"
[ "$seconds" != --build-only ] || exit 0
export ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp
failed=0
for target in fuzz_network_builder fuzz_network_file fuzz_layer_readers; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/$target/* "$work/"
  if (cd "$work" && "$OLDPWD/build-sanitize/tests/fuzz/$target" -max_total_time="$seconds" \
        -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 . > log 2>&1); then
    echo "fuzz: $target: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/log" | grep -o '[0-9]*$') inputs in ${seconds} s, no crash"
  else
    mkdir -p tests/fuzz/regressions/$target
    for found in "$work"/crash-* "$work"/oom-* "$work"/leak-* "$work"/timeout-*; do
      [ -e "$found" ] && cp "$found" tests/fuzz/regressions/$target/
    done
    echo "fuzz: $target FOUND A CRASH (kept in tests/fuzz/regressions/$target):"
    grep -E "ERROR|SUMMARY|runtime error" "$work/log" | head -5
    failed=1
  fi
  rm -rf "$work"
done
exit $failed
