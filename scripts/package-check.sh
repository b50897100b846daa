#!/usr/bin/env bash
# A package installed as a planner would - `apt install ./circular-planner_….deb`
# into a clean Debian of its distribution, made fresh from Debian's archive -
# and checked there: QGIS starts with the plugin from a fresh profile and the
# panel loads the installed sample data and runs its analyses (the desktop test
# under Xvfb); qgis_process runs the algorithms through the installed shim;
# `circular-planner report` writes its maps; removing the package leaves none
# of its files behind. The clean system is deleted afterwards.
#
# usage: scripts/package-check.sh bookworm|trixie|forky PACKAGE.deb
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:?usage: package-check.sh SUITE PACKAGE.deb}
deb=$(realpath "${2:?usage: package-check.sh SUITE PACKAGE.deb}")
CP_CHROOTS=$(mktemp -d "${CP_CHROOTS:-/srv/circular-planner}/clean.XXXXXX")
export CP_CHROOTS
trap 'rm -rf "$CP_CHROOTS"' EXIT
root=$(CP_CHROOT_BARE=1 scripts/qgis-chroot.sh "$suite")

mkdir -p "$root/checks/tests/qgis" "$root/checks/tests/install"
cp "$deb" "$root/checks/"
cp -r tests/desktop "$root/checks/tests/"
cp tests/qgis/test_qgis_process.sh "$root/checks/tests/qgis/"
cp tests/install/check_installed.sh "$root/checks/tests/install/"
CP_CHROOT_BIND="${CP_DEB_CACHE:-/srv/circular-planner/debs}/$suite:/var/cache/apt/archives" \
  scripts/in-chroot.sh "$suite" bash -euo pipefail -c '
  export DEBIAN_FRONTEND=noninteractive
  apt-get -qq -o Acquire::Check-Valid-Until=false update
  # The package, and what the checks themselves use: an X server and ogrinfo.
  apt-get install -y -qq /checks/*.deb xvfb xauth gdal-bin > /checks/apt.log 2>&1 \
    || { tail -20 /checks/apt.log; exit 1; }
  failures=0
  fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
  /checks/tests/install/check_installed.sh /usr || fail "the installed package does not work"

  dpkg -L circular-planner > /checks/files.txt
  apt-get purge -y -qq circular-planner > /dev/null
  while read -r f; do
    case "$f" in /usr/share/circular-planner*|/usr/bin/circular-planner|*/libcircularplanner.so)
      [ ! -e "$f" ] || fail "$f is left after removal: $(find "$f" -maxdepth 2 | head -5 | tr "\n" " ")";;
    esac
  done < /checks/files.txt
  echo "package on '"$suite"': $failures failure(s)"
  [ "$failures" -eq 0 ]
'
