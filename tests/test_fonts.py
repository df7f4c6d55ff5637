"""Chinese renders without any system CJK font: the bundled font in Qt and embedded in PDFs."""
import subprocess

from PySide6.QtGui import QFontDatabase, QFontMetrics, QFont

from yiyang_desktop.assets import font_path


def test_bundled_font_is_loaded_into_qt(qapp):
    families = QFontDatabase.families()
    assert any("WenQuanYi Micro Hei" in f for f in families)
    fm = QFontMetrics(QFont(qapp.font()))
    assert fm.inFont("护") and fm.inFont("床") and fm.horizontalAdvance("医养台账") > 0


def test_pdf_embeds_the_font_and_text_extracts(tmp_path):
    from reportlab.pdfgen import canvas

    from yiyang_desktop.exports.pdf_fonts import register
    name = register()
    pdf = tmp_path / "t.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont(name, 14)
    c.drawString(72, 750, "护理型床位占比 56.5% ABC")
    c.save()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "护理型床位占比 56.5% ABC" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and " yes yes " in fonts  # embedded, subset


def test_font_licence_ships_with_the_font():
    folder = font_path().parent
    assert font_path().stat().st_size > 1_000_000
    assert "Apache License" in (folder / "LICENSE-WenQuanYi-MicroHei-Apache-2.0.txt").read_text()
