#!/usr/bin/env bash
# Sets up, builds once per QGIS version, and runs every test level: engine,
# analyses, data model, QGIS integration, qgis_process, the desktop plugin, the
# benchmarks' smoke runs - on QGIS 3.22, 3.40 and 3.44; the runner built
# without QGIS; builds the Debian
# package and the Plugin Manager's ZIP for each (each package checked installed
# on a clean system of its distribution); then the
# unit tests under sanitizers and a bounded fuzzing run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

# Without QGIS, as a team server with GDAL alone builds it: the engine, the
# analyses, the data model and the runner's analysis jobs.
[ -f build-headless/CMakeCache.txt ] || cmake -S . -B build-headless -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCP_WITH_QGIS=OFF -DCP_BUILD_BENCHMARKS=OFF
cmake --build build-headless --parallel "$(nproc)"
ctest --test-dir build-headless --output-on-failure --parallel "$(nproc)" \
  -R "runner_|Analysis|CatchmentBands|OdJob"

# The same tests against QGIS 3.40 (Debian 13) and QGIS 3.44 LTR (Debian
# testing, built without anything Qt 5.15 deprecates), each in a Debian chroot
# made once and kept (scripts/qgis-chroot.sh). The bad-input corpus, the
# slowest suite, runs once, above.
for suite in trixie forky; do
  echo "== QGIS of Debian $suite"
  scripts/chroot-build.sh "$suite" ctest --output-on-failure --parallel "$(nproc)" \
    -E "qgis_bad_input_corpus"
done

# The Debian package and the Plugin Manager's ZIP of each of those
# distributions; each package is installed with apt into a clean system of
# its own distribution and checked there (desktop plugin, qgis_process,
# report, removal). The ZIPs were checked in each build's tests (plugin_zip).
rm -rf out/packages
scripts/package.sh bookworm trixie forky
for suite in bookworm trixie forky; do
  case $suite in bookworm) qgis=3.22 ;; trixie) qgis=3.40 ;; forky) qgis=3.44 ;; esac
  scripts/package-check.sh "$suite" out/packages/*qgis$qgis*.deb
done

# The engine and data-model tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the QGIS integration tests that exercise our
# bridge (QGIS's own libraries are not instrumented, and its leaks are not ours:
# leak checking is for the engine's tests). The slowest suites - map export,
# catchment polygons, QGIS's own graph, the corpus, PostGIS - run once, above.
[ -f build-sanitize/CMakeCache.txt ] || cmake -S . -B build-sanitize -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCP_WITH_QGIS=ON -DCP_SANITIZE=ON -DCP_BUILD_BENCHMARKS=OFF
cmake --build build-sanitize --parallel "$(nproc)"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
  ctest --test-dir build-sanitize -L unit --output-on-failure --parallel "$(nproc)"
ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 build-sanitize/tests/qgis/cp_qgis_tests \
  --gtest_filter='-ReportLayout.*:ProcessingCatchments.*:QgisReference.*:*EverySiteAlgorithm*:BadInputCorpus.*:ProcessingPostgis.*'

# The readers, the saved-network loader and the network builder under libFuzzer
# (clang), 30 s each.
scripts/fuzz.sh 30
