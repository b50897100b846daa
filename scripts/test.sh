#!/usr/bin/env bash
# Sets up, builds once, and runs every test level: engine, data model, QGIS
# integration, and the benchmark's smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
