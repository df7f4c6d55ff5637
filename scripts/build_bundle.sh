#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle from build.spec, run its headless self-test, report its size.
#
#   bash scripts/build_bundle.sh            # uses .venv (created by scripts/test.sh or here); PYTHON=… overrides
#                                           # SPEC=… builds another spec file (default build.spec)
#
# Exit status: non-zero when the build fails, when shipped files are missing from the bundle, or when
# `dist/yiyang-desktop/yiyang-desktop --self-test` (offscreen) does not exit 0 — so a packaging break fails CI.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  PYTHON=.venv/bin/python
fi
if ! "$PYTHON" -c "import PyInstaller, yiyang_desktop" 2>/dev/null; then
  "$PYTHON" -m pip install -q -e ".[build]"
fi

DIST=dist/yiyang-desktop
EXE="$DIST/yiyang-desktop"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  "${SPEC:-build.spec}"
echo "build: $(( $(date +%s) - start )) s"

# Shipped files must be inside: instruments, policies, templates, font, translations.
INTERNAL="$DIST/_internal"
[ -d "$INTERNAL" ] || INTERNAL="$DIST"
missing=0
for f in resources/instruments/gbt42195-2022.json resources/policies/hecheng-2021.toml \
         resources/templates/operating-subsidy.xlsx resources/fonts/wqy-microhei.ttc resources/fonts/yiyang-symbols.ttf \
         i18n/yiyang_en.qm; do
  if [ ! -f "$INTERNAL/$f" ]; then echo "missing from the bundle: $f" >&2; missing=1; fi
done
[ "$missing" = 0 ] || exit 1

echo "self-test:"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
QT_QPA_PLATFORM=offscreen YIYANG_DATA_DIR="$tmp/data" HOME="$tmp" "$EXE" --self-test --report "$tmp/selftest.json" \
  >"$tmp/out.txt" 2>"$tmp/err.txt" || { cat "$tmp/out.txt" "$tmp/err.txt" >&2; echo "bundle self-test FAILED" >&2; exit 1; }
"$PYTHON" - "$tmp/selftest.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"  ok={s['ok']} frozen={s['frozen']} {s['seconds']} s: " + ", ".join(f"{x['step']} {x.get('ms', '-')} ms" for x in s["steps"]))
sys.exit(0 if s["ok"] and s["frozen"] else 1)
EOF

echo "bundle size: $(du -sh "$DIST" | cut -f1)  ($DIST)"
echo "biggest folders:"
# awk reads all of sort's output and prints the first 15 (head would close the pipe early: with pipefail, sort's
# SIGPIPE failed the build now and then, exit 141)
for d in "$INTERNAL"/* "$INTERNAL"/PySide6/* "$INTERNAL"/PySide6/Qt/*; do du -sk "$d"; done | sort -rn |
  awk -v d="$DIST/" 'NR <= 15 { p = $2; sub(d, "", p); printf "  %7.1f MB  %s\n", $1 / 1024, p }'
