#!/usr/bin/env bash
# Sets up, builds once per test level, and runs every test: engine, analyses,
# data model, QGIS integration, qgis_process, the desktop plugin and the
# benchmarks' smoke runs on QGIS 3.22; what touches QGIS again on QGIS 3.40 and
# 3.44 (Debian chroots); the Debian package and the Plugin Manager's ZIP of
# each, the package checked installed on a clean system of its distribution;
# then, without QGIS and under AddressSanitizer and UBSan (clang), the engine,
# the data model and the headless runner, and a bounded fuzzing run.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
phase() { printf '\n== %s (at %d min)\n' "$1" $(((SECONDS - start) / 60)); }
logs=out/test-logs
mkdir -p "$logs"

phase "setup"
scripts/setup.sh

# The chroots of the other QGIS versions are made (or checked) while this
# machine builds: that is downloading and unpacking, the build is compiling.
declare -A chroot_job
for suite in trixie forky; do
  scripts/qgis-chroot.sh "$suite" > "$logs/chroot-$suite.log" 2>&1 &
  chroot_job[$suite]=$!
done

phase "QGIS 3.22 (this machine): build"
scripts/build.sh
phase "QGIS 3.22: all tests"
export QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

# QGIS 3.40 (Debian 13) and QGIS 3.44 LTR (Debian testing, built without
# anything Qt 5.15 deprecates): what touches QGIS. The engine's tests and the
# benchmarks do not depend on the QGIS version and are not built there (see
# chroot-build.sh); the slowest suites - the bad-input corpora - ran above, and
# the installed tree is checked there as the installed package (below).
for suite in trixie forky; do
  wait "${chroot_job[$suite]}" || { cat "$logs/chroot-$suite.log"; exit 1; }
  phase "QGIS of Debian $suite: build and tests"
  scripts/chroot-build.sh "$suite" ctest --output-on-failure --parallel "$(nproc)" \
    -E "bad_input_corpus|^install_tree$"
done

# The Debian package and the Plugin Manager's ZIP of each of those
# distributions; each package is installed with apt into a clean system of
# its own distribution and checked there (desktop plugin, qgis_process,
# report, removal). The ZIPs were checked in each build's tests (plugin_zip).
# Making the clean systems is mostly downloading and unpacking: the checks run
# beside the sanitizer build below.
phase "packages"
rm -rf out/packages
scripts/package.sh bookworm trixie forky
(
  for suite in bookworm trixie forky; do
    case $suite in bookworm) qgis=3.22 ;; trixie) qgis=3.40 ;; forky) qgis=3.44 ;; esac
    phase "package for Debian $suite installed on a clean system"
    scripts/package-check.sh "$suite" out/packages/*qgis$qgis*.deb
  done
) > "$logs/package-checks.log" 2>&1 &
package_checks=$!

# Without QGIS, as a team server with GDAL alone builds it, and under
# AddressSanitizer (with leak checks) and UndefinedBehaviorSanitizer: the
# engine, data-model and analysis tests, the headless runner's jobs, and the
# fuzz targets' replays; then each fuzz target for 30 s (scripts/fuzz.sh, same
# build). QGIS's own libraries are not instrumented, so the QGIS bridge is
# tested above, not here.
phase "without QGIS, under sanitizers: build and tests"
scripts/fuzz.sh --build-only
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp \
  ctest --test-dir build-sanitize --output-on-failure --parallel "$(nproc)"
phase "fuzzing"
scripts/fuzz.sh 30

phase "the packages' checks (run beside the sanitizer build)"
status=0
wait "$package_checks" || status=$?
cat "$logs/package-checks.log"
[ "$status" -eq 0 ]
phase "all tests passed"
