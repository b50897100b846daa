#!/usr/bin/env bash
# Installs what Circular Planner needs to build and test on Debian 12.
# Idempotent: apt runs only when a package is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libboost-dev libboost-graph-dev libgdal-dev gdal-bin libgeos-dev libproj-dev
  libgtest-dev libglpk-dev
  postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting libpq-dev
  libqgis-dev qgis-providers qgis python3-qgis xvfb xauth unzip postgresql-client-15
  clang libclang-rt-14-dev python3-gdal rsync debootstrap file
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
