"""The 长护险清单 tab of the 月报 page: the month's list under the profile chosen for it, the residents left out and
why, the totals; preview the PDF in the program, or save the Excel and the PDF."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from ..domain.ltc import LtcList
from ..domain.money import yuan_text
from ..paths import data_dir
from ..services import ltc as LS
from ..services.accounts import can
from ..services.base import ServiceError
from ..services.policy import list_profiles
from .common import RecordTableModel, error_text, record_table, tr_text
from .pdf_preview import PdfPreviewDialog
from .saved import show_saved

WARN_STYLE = "background: #fff3cd; color: #664d03; padding: 6px 10px;"


class RowObjects(RecordTableModel):
    """Rows that are dataclasses (the list's rows): a column key is an attribute."""

    def cell(self, row, col: int):
        key = self.columns[col][1]
        return key(row) if callable(key) else getattr(row, key)


def _money(v) -> str:
    return "—" if v is None else yuan_text(v)


class LtcTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.lst: LtcList | None = None
        self.month: tuple[int, int] | None = None
        self.files: list[Path] = []
        self.profile = QComboBox()
        self.profile.setObjectName("ltc_profile")
        self.profile.activated.connect(lambda _i: self._profile_chosen())
        self.preview_btn = QPushButton(self.tr("预览 PDF…"))
        self.preview_btn.setObjectName("btn_ltc_preview")
        self.preview_btn.clicked.connect(lambda: self.preview())
        self.save_btn = QPushButton(self.tr("保存 Excel 和 PDF…"))
        self.save_btn.setObjectName("btn_ltc_save")
        self.save_btn.clicked.connect(lambda: self.save_files())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("政策配置")))
        bar.addWidget(self.profile, 1)
        bar.addWidget(self.preview_btn)
        bar.addWidget(self.save_btn)
        self.problems = QLabel()
        self.problems.setObjectName("ltc_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(WARN_STYLE)
        self.problems.hide()
        self.totals = QLabel()
        self.totals.setObjectName("ltc_totals")
        self.totals.setWordWrap(True)
        self.model = RowObjects([
            (self.tr("姓名"), "name"), (self.tr("等级"), "level"), (self.tr("有效期至"), lambda r: r.valid_to.isoformat()),
            (self.tr("在住天数"), "census_days"), (self.tr("住院天数"), "hospital_days"),
            (self.tr("护理天数"), lambda r: "—" if r.care_days is None else r.care_days),
            (self.tr("每床日标准（元）"), lambda r: _money(r.day_fen)), (self.tr("金额（元）"), lambda r: _money(r.amount_fen)),
            (self.tr("基金支付（元）"), lambda r: _money(r.fund_fen) + ("*" if r.capped else "")),
            (self.tr("个人负担（元）"), lambda r: _money(r.self_fen))], self)
        self.table = record_table(self.model, "ltc_rows")
        self.excluded_model = RowObjects([
            (self.tr("姓名"), "name"), (self.tr("未列入原因"), lambda r: tr_text(r.reason)),
            (self.tr("说明"), lambda r: tr_text(r.detail))], self)
        self.excluded = record_table(self.excluded_model, "ltc_excluded")
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.table)
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(QLabel(self.tr("未列入清单的老人")))
        bl.addWidget(self.excluded, 1)
        split.addWidget(box)
        split.setSizes([300, 160])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.problems)
        lay.addWidget(self.totals)
        lay.addWidget(split, 1)
        self._enable()

    # ------------------------------------------------------------------ data
    def _fill_profiles(self) -> None:
        chosen = LS.list_profile(self.ctx).id
        self.profile.blockSignals(True)
        self.profile.clear()
        for p in list_profiles(self.ctx):
            mark = "" if p.profile.ltc is not None else self.tr("（无长护险标准）")
            self.profile.addItem(p.title + mark, p.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(chosen)))
        self.profile.blockSignals(False)

    def _profile_chosen(self) -> None:
        pid = self.profile.currentData()
        if pid and can(self.ctx, "settings"):  # remembered for the next month and the command line
            try:
                LS.set_list_profile(self.ctx, pid)
            except ServiceError:
                pass
        if self.month:
            self.show_month(*self.month, keep_profile=True)

    def show_month(self, year: int, month: int, *, keep_profile: bool = False) -> LtcList | None:
        self.month = (year, month)
        if not keep_profile:
            self._fill_profiles()
        try:
            self.lst = LS.compute_list(self.ctx, year, month, self.profile.currentData())
        except ServiceError as e:
            self.lst = None
            self.problems.setText(error_text(e))
            self.problems.show()
            self.model.set_rows([])
            self.excluded_model.set_rows([])
            self.totals.setText("")
            self._enable()
            return None
        lst = self.lst
        self.model.set_rows(list(lst.rows))
        self.excluded_model.set_rows(list(lst.excluded))
        self.problems.setText("\n".join(tr_text(p) for p in lst.problems))
        self.problems.setVisible(bool(lst.problems))
        if lst.computed:
            self.totals.setText(self.tr("{m}：列入 {n} 人次，护理 {d} 天；金额 {a} 元，基金支付 {f} 元，个人负担 {s} 元"
                                        "（* 为达到每月最高支付）。未列入 {x} 人。").format(
                m=lst.key, n=len(lst.rows), d=lst.care_days_total, a=_money(lst.total_fen),
                f=_money(lst.fund_total_fen), s=_money(lst.self_total_fen), x=len(lst.excluded)))
        else:
            self.totals.setText(self.tr("{m}：列入 {n} 人次，金额未计算。未列入 {x} 人。").format(
                m=lst.key, n=len(lst.rows), x=len(lst.excluded)))
        self._enable()
        return lst

    def _enable(self) -> None:
        ok = self.lst is not None and self.lst.configured
        self.preview_btn.setEnabled(ok)
        self.save_btn.setEnabled(ok)

    # ------------------------------------------------------------------ files
    def _write(self, folder: Path) -> list[Path] | None:
        try:
            self.files = LS.write_list_files(self.ctx, self.lst, folder)
        except (ServiceError, OSError) as e:
            QMessageBox.warning(self, self.tr("无法保存"), error_text(e) if isinstance(e, ServiceError) else str(e))
            return None
        return self.files

    def preview(self) -> Path | None:
        """Write the files into the data folder's exports and show the PDF in the program (print from there)."""
        if self.lst is None:
            return None
        files = self._write(data_dir() / "exports")
        if not files:
            return None
        pdf = next(f for f in files if f.suffix == ".pdf")
        self.pdf_preview = PdfPreviewDialog(pdf, self.tr("长护险清单 {m}").format(m=self.lst.key), self)
        self.pdf_preview.exec()
        return pdf

    def save_files(self, *, folder: Path | None = None) -> list[Path] | None:
        if self.lst is None:
            return None
        if folder is None:
            saved = QSettings().value("ltc/folder") or str(data_dir() / "长护险清单")
            chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), saved)
            if not chosen:
                return None
            QSettings().setValue("ltc/folder", chosen)
            folder = Path(chosen)
        files = self._write(folder)
        if files:
            show_saved(self, self.tr("保存长护险清单"), files)
        return files
