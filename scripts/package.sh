#!/usr/bin/env bash
# Debian packages of Circular Planner, one per distribution it is tested on,
# and the Plugin Manager's ZIP for that distribution's QGIS, into out/packages/: Debian 12 (QGIS 3.22) from this machine's build, Debian
# 13 (QGIS 3.40) and testing (QGIS 3.44) from their chroots. Each depends on
# its distribution's QGIS libraries (found by dpkg-shlibdeps).
#
# usage: scripts/package.sh [bookworm|trixie|forky ...]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$PWD/out/packages
mkdir -p "$out"
[ $# -gt 0 ] || set -- bookworm trixie forky
for suite in "$@"; do
  if [ "$suite" = bookworm ]; then
    scripts/build.sh
    (cd build && cpack -G DEB -B "$out/bookworm" > /dev/null)
    mv "$out"/bookworm/*.deb "$out/" && rm -rf "$out/bookworm"
    cp build/circular-planner-*-qgis*.zip "$out/"
  else
    root=$(scripts/qgis-chroot.sh "$suite")
    rm -rf "$root/build/packages"
    scripts/chroot-build.sh "$suite" cpack -G DEB -B /build/packages > /dev/null
    cp "$root"/build/packages/*.deb "$root"/build/circular-planner-*-qgis*.zip "$out/"
  fi
done
ls "$out"/*.deb "$out"/*.zip
