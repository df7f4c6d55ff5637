#!/usr/bin/env bash
# Install 医养台账 into .venv once, then start it. Later starts only start (they need no internet): the installed
# version is kept in .venv/yiyang-installed; the install runs again only when the project's version changes, or
# with --reinstall. The first run also creates a desktop shortcut (Linux); later you can start the program with
# the shortcut or with .venv/bin/yiyang-desktop. First start with no data offers the demo institution.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
stamp=.venv/yiyang-installed
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' yiyang_desktop/__init__.py)"
if [ "${1:-}" = "--reinstall" ]; then rm -f "$stamp"; shift; fi
if [ ! -x .venv/bin/yiyang-desktop ] || [ "$(cat "$stamp" 2>/dev/null)" != "$version" ]; then
  echo "正在安装医养台账 $version（只在第一次或升级时需要联网）…" >&2
  bash scripts/system-deps.sh
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null || true
  .venv/bin/python -m pip install -q .
  echo "$version" > "$stamp"
  bash scripts/desktop-shortcut.sh "$root" || echo "（未能创建桌面快捷方式，可以用 $root/.venv/bin/yiyang-desktop 启动）" >&2
fi
exec .venv/bin/yiyang-desktop "$@"
