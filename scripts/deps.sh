#!/usr/bin/env bash
# deps.sh — installs the Debian 12 packages allynet needs to build, test and run (as root), only
# when something is missing. Sourced by scripts/run, scripts/test and scripts/bench.
allynet_install_deps() {
  local pkgs=(build-essential pkg-config meson ninja-build libigraph-dev libgraphviz-dev graphviz
              libjansson-dev libcsv-dev libxml2-dev libcmocka-dev gnuplot-nox python3 python3-networkx
              python3-igraph python3-pandas python3-numpy python3-scipy clang-format librsvg2-bin time
              python3-distributed chromium fonts-dejavu-core valgrind)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
    allynet_apt $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && \
      allynet_apt $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
        install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Runs an apt-get command; while another apt-get or dpkg holds its lock (unattended upgrades, a
# second shell), waits and tries again, up to 10 minutes, instead of failing at once.
allynet_apt() {
  local out i
  for i in $(seq 1 120); do
    if out=$("$@" 2>&1); then
      [ -n "$out" ] && printf '%s\n' "$out" >&2
      return 0
    fi
    if ! grep -qiE 'could not get lock|unable to acquire|is another process using it' <<<"$out"; then
      printf '%s\n' "$out" >&2
      return 1
    fi
    [ "$i" = 1 ] && echo "another package manager holds the dpkg lock; waiting for it..." >&2
    sleep 5
  done
  printf '%s\n' "$out" >&2
  return 1
}
