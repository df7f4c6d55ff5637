"""The PDF just written, shown page by page inside the app (rendered with PDFium through pypdfium2); as a page's
panel (申报) or in its own dialog with 打印, 另存为 and 打开所在文件夹 (评估报告, 转诊单)."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QSpinBox, QVBoxLayout, QWidget)

from .saved import open_folder, show_saved
from .screen import fit_size


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


class PdfPreviewDialog(QDialog):
    """A document the program just wrote (评估报告, 转诊单), shown here so nothing depends on a PDF viewer being
    installed: where it was saved, 打印…, 另存为… and 打开所在文件夹."""

    def __init__(self, path: Path | str, title: str, parent: QWidget | None = None, *,
                 on_saved_as: Callable[[Path], None] | None = None):
        super().__init__(parent)
        self.setObjectName("pdf_preview_dialog")
        self.setWindowTitle(title)
        self.path = Path(path)
        self.on_saved_as = on_saved_as
        self.where = QLabel(self.tr("已保存到：{path}").format(path=str(self.path)))
        self.where.setObjectName("pdf_saved_path")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.preview = PdfPreview()
        self.preview.load(self.path)
        self.print_btn = QPushButton(self.tr("打印…"))
        self.print_btn.setObjectName("btn_pdf_print")
        self.print_btn.setDefault(True)
        self.print_btn.clicked.connect(self.print_document)
        self.save_as_btn = QPushButton(self.tr("另存为…"))
        self.save_as_btn.setObjectName("btn_pdf_save_as")
        self.save_as_btn.clicked.connect(self.save_as)
        self.folder_btn = QPushButton(self.tr("打开所在文件夹"))
        self.folder_btn.setObjectName("btn_pdf_folder")
        self.folder_btn.clicked.connect(lambda: open_folder(self, self.path))
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("btn_pdf_close")
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        for b in (self.print_btn, self.save_as_btn, self.folder_btn):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.where)
        lay.addWidget(self.preview, 1)
        lay.addLayout(bar)
        fit_size(self, 900, 2000)  # as tall as the screen's free area allows

    def done(self, result: int) -> None:  # noqa: D102 - the file is let go (Windows keeps open files locked)
        self.preview.clear()
        super().done(result)

    def print_document(self) -> bool:
        from .printing import print_pdf
        return print_pdf(self, self.path)

    def save_as(self) -> Path | None:
        """A copy where the user chooses (a USB stick, the desktop); the original stays where it was written."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), str(Path.home() / self.path.name), "PDF (*.pdf)")
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        if target.resolve() != self.path.resolve():
            try:
                shutil.copyfile(self.path, target)
            except OSError as e:
                QMessageBox.warning(self, self.tr("另存为"), self.tr("无法写入 {path}：{err}").format(
                    path=str(target), err=e.strerror or e))
                return None
            if self.on_saved_as is not None:
                self.on_saved_as(target)
        show_saved(self, self.tr("另存为"), [target])
        return target
