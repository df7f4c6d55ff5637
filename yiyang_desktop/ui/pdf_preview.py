"""The PDF just written, shown page by page inside the app (rendered with PDFium through pypdfium2)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget


class PdfPreview(QWidget):
    """One page at a time, fitted to the width, with page buttons; only the page shown is rendered."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = None
        self.path: Path | None = None
        self.page_label = QLabel()
        self.page_label.setObjectName("pdf_page")
        self.page_label.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.page_label)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.prev_btn = QPushButton(self.tr("上一页"))
        self.next_btn = QPushButton(self.tr("下一页"))
        self.number = QSpinBox()
        self.number.setObjectName("pdf_page_number")
        self.total = QLabel()
        self.prev_btn.clicked.connect(lambda: self.number.setValue(self.number.value() - 1))
        self.next_btn.clicked.connect(lambda: self.number.setValue(self.number.value() + 1))
        self.number.valueChanged.connect(self._render)
        bar = QHBoxLayout()
        bar.addWidget(self.prev_btn)
        bar.addWidget(self.number)
        bar.addWidget(self.total)
        bar.addWidget(self.next_btn)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.scroll, 1)
        self.clear()

    def clear(self) -> None:
        if self.doc is not None:
            self.doc.close()
        self.doc, self.path = None, None
        self.page_label.setPixmap(QPixmap())
        self.page_label.setText(self.tr("保存文件后，PDF 在这里预览。"))
        self.number.setRange(0, 0)
        self.total.setText("")
        for w in (self.prev_btn, self.next_btn, self.number):
            w.setEnabled(False)

    def page_count(self) -> int:
        return len(self.doc) if self.doc is not None else 0

    def load(self, path: Path) -> None:
        import pypdfium2 as pdfium
        self.clear()
        self.path = Path(path)
        self.doc = pdfium.PdfDocument(str(path))
        n = len(self.doc)
        self.total.setText(self.tr("/ 共 {n} 页").format(n=n))
        for w in (self.prev_btn, self.next_btn, self.number):
            w.setEnabled(n > 1)
        self.number.blockSignals(True)
        self.number.setRange(1, max(n, 1))
        self.number.setValue(1)
        self.number.blockSignals(False)
        self._render(1)

    def rendered_image(self, page_no: int, width: int) -> QImage:
        """Page ``page_no`` (1-based) rendered ``width`` pixels wide."""
        page = self.doc[page_no - 1]
        w_pt, _h_pt = page.get_size()
        bitmap = page.render(scale=max(width, 100) / w_pt, rev_byteorder=True)
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format_RGB888).copy()
        bitmap.close()
        page.close()
        return image

    def _render(self, page_no: int) -> None:
        if self.doc is None or not 1 <= page_no <= len(self.doc):
            return
        width = max(self.scroll.viewport().width() - 24, 500)
        self.page_label.setText("")
        self.page_label.setPixmap(QPixmap.fromImage(self.rendered_image(page_no, width)))
        self.prev_btn.setEnabled(page_no > 1)
        self.next_btn.setEnabled(page_no < len(self.doc))
