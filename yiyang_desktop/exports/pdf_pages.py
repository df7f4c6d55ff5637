"""Page numbers "第 N 页 共 M 页" on PDF forms: a canvas that keeps its pages until the document is finished and
then numbers each one with the total (reportlab's two-pass NumberedCanvas recipe)."""
from __future__ import annotations

from ..domain.text import QT_TRANSLATE_NOOP as N_

PAGE_OF = N_("pdf", "第 {n} 页 共 {total} 页")


def page_label(n: int, total: int) -> str:
    return PAGE_OF.format(n=n, total=total)


def numbered_canvas(font: str, size: float = 8, y: float = 22.0):
    """A canvas class for ``doc.build(..., canvasmaker=...)`` that writes "第 N 页 共 M 页" centred ``y`` points above
    the bottom edge of every page (each page keeps its own size: portrait and landscape pages mix)."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, size)
                self.drawCentredString(self._pagesize[0] / 2, y, page_label(self._pageNumber, total))
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
