#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs (its xcb platform plugin on a desktop too), plus poppler (PDF checks in tests).
# Extra package names given as arguments are installed too (CI: faketime).
# Installs only what is missing; needs root or sudo for that, otherwise says what to install.
set -euo pipefail
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
      libxcb-randr0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-render0 libxcb-util1 libx11-xcb1
      libwayland-client0 libwayland-cursor0 libwayland-egl1
      "$@")
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to do here
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing+=(python3-venv); fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "请先安装这些系统软件包 / please install: ${missing[*]}" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
