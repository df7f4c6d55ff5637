#!/usr/bin/env bash
# A desktop shortcut for 医养台账 (Linux): ~/.local/share/applications/yiyang-desktop.desktop, and a copy on the
# desktop when there is one. Usage: bash scripts/desktop-shortcut.sh [PROJECT_FOLDER]  (run.sh calls it once).
set -euo pipefail
root="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
exe="$root/.venv/bin/yiyang-desktop"
icon="$root/resources/icons/yiyang.png"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
entry="$apps/yiyang-desktop.desktop"
cat > "$entry" <<DESKTOP
[Desktop Entry]
Type=Application
Version=1.0
Name=医养台账
Name[en]=Yiyang Desktop
Comment=养老机构床位、入住、评估、补贴申报与月报
Exec="$exe"
Path=$root
Icon=$icon
Terminal=false
Categories=Office;
DESKTOP
chmod +x "$entry"
desktop="$(command -v xdg-user-dir >/dev/null 2>&1 && xdg-user-dir DESKTOP 2>/dev/null || echo "$HOME/Desktop")"
if [ -d "$desktop" ] && [ "$desktop" != "$HOME" ]; then
  cp "$entry" "$desktop/医养台账.desktop"
  chmod +x "$desktop/医养台账.desktop"
fi
echo "已创建快捷方式：$entry" >&2
