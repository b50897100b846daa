#!/usr/bin/env bash
# Rebuilds sample_data/almaty.gpkg and sample_data/overview.png from the raw sources.
# Usage: sample_data/build/build.sh [RAW_DIR]   (default: ../shared/data/raw)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
/usr/bin/python3 "$here/build_sample_data.py" "$@"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}" \
  timeout 300 /usr/bin/python3 "$here/style_sample_data.py"
