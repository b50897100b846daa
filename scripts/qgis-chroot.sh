#!/usr/bin/env bash
# A Debian chroot holding a newer QGIS than Debian 12's, to build and test
# Circular Planner against it: trixie (Debian 13, QGIS 3.40) or forky (Debian
# testing, QGIS 3.44 LTR). Made once from Debian's archive and kept in
# $CP_CHROOTS/SUITE (default /srv/circular-planner); a later call only checks it
# and installs what is missing. Prints the chroot's path. CP_CHROOT_BARE=1
# makes a bare Debian only (no packages added), as a user's clean system.
# Downloaded packages are kept per suite in $CP_DEB_CACHE/SUITE (default
# /srv/circular-planner/debs), for every chroot of that suite: a clean system
# for a package check unpacks QGIS without fetching it again.
#
# usage: scripts/qgis-chroot.sh trixie|forky
set -euo pipefail
suite=${1:?usage: qgis-chroot.sh trixie|forky}
root=${CP_CHROOTS:-/srv/circular-planner}/$suite
debs=${CP_DEB_CACHE:-/srv/circular-planner/debs}/$suite
mkdir -p "$debs/partial"

packages=(
  build-essential cmake ninja-build ccache pkg-config git file
  libqgis-dev qgis qgis-providers python3-qgis libgdal-dev gdal-bin libgeos-dev libproj-dev
  libboost-dev libboost-graph-dev libgtest-dev libglpk-dev libpq-dev
  xvfb xauth unzip
)

# The Debian mirror this machine's apt already uses.
mirror() {
  sed -n 's|^URIs: *\([^ ]*/debian\)$|\1|p; s|^deb \([^ ]*/debian\) .*|\1|p' \
    /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1
}

if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap > /dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null
  }
  # An older debootstrap may not know the newest suite; sid's script serves it.
  script=/usr/share/debootstrap/scripts/$suite
  [ -e "$script" ] || script=/usr/share/debootstrap/scripts/sid
  rm -rf "$root.partial"
  mkdir -p "$(dirname "$root")"
  echo "qgis-chroot: making the $suite chroot (about a minute)" >&2
  debootstrap --variant=minbase --cache-dir="$debs" "$suite" "$root.partial" "$(mirror)" "$script" \
    > /dev/null
  mv "$root.partial" "$root"
fi

[ -z "${CP_CHROOT_BARE:-}" ] || { echo "$root"; exit 0; }

in_chroot() {
  CP_CHROOT_BIND="$debs:/var/cache/apt/archives" "$(dirname "$0")/in-chroot.sh" "$suite" "$@"
}

# The database tests run on the suite's own PostgreSQL, with PostGIS and pgRouting.
# (A testing suite's Release file can be past its Valid-Until date.)
update() { in_chroot apt-get -qq -o Acquire::Check-Valid-Until=false update; }
compgen -G "$root/var/lib/apt/lists/*_Packages" > /dev/null || update
pg=$(in_chroot apt-cache policy postgresql | sed -n 's/ *Candidate: \([0-9]*\)+.*/\1/p')
packages+=("postgresql-$pg" "postgresql-$pg-postgis-3" "postgresql-$pg-pgrouting" "postgresql-client-$pg")

missing=$(in_chroot bash -c 'for p in "$@"; do
  dpkg-query -W -f="\${Status}" "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done' \
  -- "${packages[@]}")
if [ -n "$missing" ]; then
  echo "qgis-chroot: installing into $suite: $(echo $missing)" >&2
  update
  # shellcheck disable=SC2086
  in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $missing > /dev/null
fi
echo "$root"
