#!/usr/bin/env bash
# Install 医养台账 with its test tools (and LibreOffice, for the print checks) into .venv and run the whole test
# suite headless.
# YIYANG_TEST_SHIFT="+400 days" runs pytest under Debian's faketime with the system clock moved by that much
# (CI does, to prove no rule or test depends on the day it runs).
set -euo pipefail
cd "$(dirname "$0")/.."
# LibreOffice (Calc, no GUI) is for the tests only: tests/test_workbooks_print.py prints every exported workbook
# through it, and fails rather than skips when it is missing here. The program itself never needs it.
# PostgreSQL (server programs only; the tests start a throw-away server of their own in a temporary folder, on a
# free port, and stop it after) is for the 网络版's tests: they fail rather than skip when it is missing.
bash scripts/system-deps.sh libreoffice-calc-nogui postgresql
export YIYANG_REQUIRE_SOFFICE=1
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
# The suite runs once per engine: the 单机版 (SQLite file) and the 网络版 (PostgreSQL). YIYANG_TEST_ENGINE=sqlite or
# =postgresql runs one of them only.
run=(.venv/bin/python -m pytest)
if [ -n "${YIYANG_TEST_SHIFT:-}" ]; then
  command -v faketime >/dev/null 2>&1 || bash scripts/system-deps.sh faketime
  echo "== the clock moved ${YIYANG_TEST_SHIFT} (faketime) =="
  run=(faketime "${YIYANG_TEST_SHIFT}" "${run[@]}")
fi
status=0
for engine in ${YIYANG_TEST_ENGINE:-sqlite postgresql}; do
  echo "== pytest: ${engine} =="
  YIYANG_TEST_ENGINE=$engine "${run[@]}" "$@" || status=$?
done
exit $status
