#!/usr/bin/env bash
# Builds Circular Planner against the newer QGIS of a chroot (see
# qgis-chroot.sh) and runs a test command there. The working tree is copied
# in, so the chroot's build never mixes with this machine's;
# its compiler cache is kept beside the chroot between runs. It builds what
# touches QGIS and its tests; the engine's tests and the benchmarks, which do
# not depend on the QGIS version, are built on this machine.
#
# usage: scripts/chroot-build.sh trixie|forky [TEST COMMAND...]
#   default test command: ctest --output-on-failure --parallel $(nproc)
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:?usage: chroot-build.sh trixie|forky [TEST COMMAND...]}
shift
root=$(scripts/qgis-chroot.sh "$suite")

# The sources as they stand (what git ignores left out). Only files whose
# content changed are copied, and they get the time of the copy: the chroot's
# build then rebuilds what changed since its last build, whichever checkout
# that build came from.
mkdir -p "$root/src/circular-planner"
rsync -rc --no-times --delete --exclude=.git --filter=':- .gitignore' ./ "$root/src/circular-planner/"

export CP_CHROOT_BIND="$root.ccache:/root/.ccache"
scripts/in-chroot.sh "$suite" bash -euo pipefail -c '
  cd /src/circular-planner
  cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCP_STRICT_QGIS_API=ON \
    -DCP_ENGINE_TESTS=OFF -DCP_BUILD_BENCHMARKS=OFF > /dev/null
  cmake --build /build --parallel "$(nproc)"
'
if [ $# -eq 0 ]; then
  set -- ctest --output-on-failure --parallel "$(nproc)"
fi
scripts/in-chroot.sh "$suite" env QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr \
  XDG_RUNTIME_DIR=/tmp bash -c 'cd /build && "$@"' -- "$@"
