"""月报"""
from __future__ import annotations

from .page import ComingPage


class ReturnsPage(ComingPage):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, self.tr("月报"), self.tr("按月统计报表与报送留档。"), parent)
