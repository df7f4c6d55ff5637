"""申报"""
from __future__ import annotations

from .page import ComingPage


class ApplicationsPage(ComingPage):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, self.tr("申报"), self.tr("建设补贴、运营补贴与医保定点申请表。"), parent)
