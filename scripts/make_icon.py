"""Draw the program icon (a green rounded square with 医 in the shipped font) and write
resources/icons/yiyang.png (256 px, the window icon) and resources/icons/yiyang.ico (16–256 px, the Windows
executable icon used by build.spec).  ``QT_QPA_PLATFORM=offscreen python scripts/make_icon.py``

The .ico holds PNG images (valid since Windows Vista), packed here because Qt's writer stores one size only."""
from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    p.setRenderHint(QPainter.TextAntialiasing)
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#2e7d5b"))
    r = size * 0.18
    p.drawRoundedRect(QRectF(0, 0, size, size), r, r)
    font = QFont(family)
    font.setPixelSize(max(10, int(size * 0.72)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, -size * 0.03, size, size), Qt.AlignCenter, "医")
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def ico(images: list[tuple[int, bytes]]) -> bytes:
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return head + entries + blobs


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need a Gui application
    fid = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    family = QFontDatabase.applicationFontFamilies(fid)[0]
    OUT.mkdir(parents=True, exist_ok=True)
    images = [(s, png_bytes(draw(s, family))) for s in SIZES]
    (OUT / "yiyang.png").write_bytes(images[-1][1])
    (OUT / "yiyang.ico").write_bytes(ico(images))
    print(OUT / "yiyang.png", OUT / "yiyang.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
