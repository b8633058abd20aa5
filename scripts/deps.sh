#!/usr/bin/env bash
# deps.sh — installs the Debian 12 packages allynet needs to build, test and run (as root), only
# when something is missing. Sourced by scripts/run, scripts/test and scripts/bench.
allynet_install_deps() {
  local pkgs=(build-essential pkg-config meson ninja-build libigraph-dev libgraphviz-dev graphviz
              libjansson-dev libcsv-dev libxml2-dev libcmocka-dev gnuplot-nox python3 python3-networkx
              python3-igraph python3-pandas python3-numpy python3-scipy clang-format librsvg2-bin time)
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq >&2 && \
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}
