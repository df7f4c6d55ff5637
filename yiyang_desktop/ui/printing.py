"""Printing a PDF the app wrote: the system print dialog, then each page rendered at the printer's resolution."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget


def paint_pdf(printer: QPrinter, path: Path, pages: range | None = None) -> int:
    """Draw the PDF's pages onto ``printer`` (any QPagedPaintDevice); returns the number of pages drawn."""
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage
    doc = pdfium.PdfDocument(str(path))
    painter = QPainter()
    if not painter.begin(printer):
        doc.close()
        return 0
    drawn = 0
    try:
        chosen = pages if pages is not None else range(len(doc))
        dpi = max(printer.resolution(), 150)
        for n, i in enumerate(chosen):
            if n:
                printer.newPage()
            page = doc[i]
            w_pt, h_pt = page.get_size()
            bitmap = page.render(scale=min(dpi, 300) / 72, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format_RGB888)
            area = painter.viewport()
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRect(0, 0, int(image.width() * scale), int(image.height() * scale))
            painter.drawImage(target, image)
            bitmap.close()
            page.close()
            drawn += 1
    finally:
        painter.end()
        doc.close()
    return drawn


def print_pdf(parent: QWidget, path: Path) -> bool:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(Path(path).stem)
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(QCoreApplication.translate("printing", "打印"))
    if not dlg.exec():
        return False
    if not paint_pdf(printer, Path(path)):
        QMessageBox.warning(parent, QCoreApplication.translate("printing", "打印"),
                            QCoreApplication.translate("printing", "无法开始打印，请检查打印机。"))
        return False
    return True
