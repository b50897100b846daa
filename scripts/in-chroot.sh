#!/usr/bin/env bash
# Runs a command inside a chroot made by qgis-chroot.sh, with /proc, /sys and
# /dev mounted in a mount namespace of its own: the mounts end with the command,
# and the machine is left as it was. CP_CHROOT_BIND="HOST:INSIDE ..." adds bind
# mounts (e.g. a compiler cache). The command starts from a clean environment.
#
# usage: scripts/in-chroot.sh trixie|forky COMMAND [ARG...]
set -euo pipefail
suite=${1:?usage: in-chroot.sh SUITE COMMAND...}
shift
root=${CP_CHROOTS:-/srv/circular-planner}/$suite
[ -x "$root/usr/bin/apt-get" ] || { echo "in-chroot: no $suite chroot at $root" >&2; exit 1; }
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2> /dev/null || true

exec unshare --mount --propagation private bash -euo pipefail -c '
  root=$1
  shift
  mount -t proc proc "$root/proc"
  mount -t sysfs sys "$root/sys"
  mount --rbind /dev "$root/dev"
  for pair in ${CP_CHROOT_BIND:-}; do
    mkdir -p "${pair%%:*}" "$root/${pair#*:}"
    mount --bind "${pair%%:*}" "$root/${pair#*:}"
  done
  exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 "$@"
' in-chroot "$root" "$@"
