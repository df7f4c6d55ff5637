#!/usr/bin/env bash
# Install 医养台账 into .venv and start it. First start with no data offers the demo institution.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q .
exec .venv/bin/yiyang-desktop "$@"
