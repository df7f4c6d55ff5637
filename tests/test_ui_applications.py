"""申报 as a user sees it: the real page and dialogs driven with qtbot on the demo institution, real files written,
the PDF rendered in the preview."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from yiyang_desktop.domain.money import yuan_text
from yiyang_desktop.services import applications as A
from yiyang_desktop.services import insurance as M
from yiyang_desktop.services import policy
from yiyang_desktop.services.base import ServiceError
from yiyang_desktop.services.institution import get_institution, save_institution
from yiyang_desktop.services.subsidies import list_applications
from yiyang_desktop.ui.application_dialogs import ApproveDialog, InsuranceAnswersDialog
from yiyang_desktop.ui.applications_page import ApplicationsPage
from yiyang_desktop.ui.policy_dialog import PolicyDialog, ProfileEditDialog
from yiyang_desktop.ui.tasks import Cancelled, run_in_background


@pytest.fixture
def page(qtbot, qapp, demo_ctx):
    p = ApplicationsPage(demo_ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.refresh()
    return p


def choose(page, kind: str) -> None:
    page.kind.setCurrentIndex(page.kind.findData(kind))


def tab_names(page) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def test_operating_subsidy_figures_breakdown_files_and_preview(page, demo_ctx, tmp_path):
    choose(page, "operating-subsidy")
    page.year.setValue(2025)
    page.month_from.setValue(1)
    page.month_to.setValue(12)
    qtbot_app = page.compute()
    expected = A.prepare(demo_ctx, "operating-subsidy", year=2025, months=list(range(1, 13)))
    assert qtbot_app.amount_fen == expected.amount_fen > 0
    assert yuan_text(expected.amount_fen) in page.summary.text()
    assert f"{expected.summary['bed_months']} 床·月" in page.summary.text()
    roster = len(expected.form.tables["花名册"])
    assert f"花名册（{roster}）" in tab_names(page)
    assert page.missing.isHidden()
    ids = [r["身份证号"] for r in page.table_rows("花名册")]
    assert ids and all("*" in i for i in ids)  # masked unless asked

    before = len(list_applications(demo_ctx))
    files = page.save_files(folder=tmp_path)
    assert [f.suffix for f in files] == [".xlsx", ".pdf"] and all(f.stat().st_size > 0 for f in files)
    assert len(list_applications(demo_ctx)) == before + 1
    assert page.history_model.rowCount() == before + 1
    assert page.tabs.currentWidget() is page.preview
    assert page.preview.page_count() >= 2
    image = page.preview.rendered_image(1, 600)
    assert image.width() == 600 and not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, 600, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 2  # text was drawn, not a blank page
    page.preview.number.setValue(2)
    assert page.preview.prev_btn.isEnabled()


def test_full_ids_when_asked(page):
    choose(page, "operating-subsidy")
    page.year.setValue(2025)
    page.full_ids.setChecked(True)
    page.compute()
    ids = [r["身份证号"] for r in page.table_rows("花名册")]
    assert ids and not any("*" in i for i in ids)


def test_missing_institution_data_is_listed_with_a_way_to_fix_it(qtbot, page, demo_ctx, tmp_path, monkeypatch):
    save_institution(demo_ctx, get_institution(demo_ctx) | {"bank_account": "", "bank_name": ""})
    choose(page, "construction-subsidy")
    page.compute()
    assert not page.missing.isHidden()
    assert "银行账号" in page.missing_text.text() and "开户银行" in page.missing_text.text()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    assert page.save_files(folder=tmp_path / "out") == []
    assert warned and "银行账号" in warned[0]
    assert not (tmp_path / "out").exists()
    with qtbot.waitSignal(page.navigate, timeout=1000) as sig:
        qtbot.mouseClick(page.findChild(type(page.compute_btn), "btn_fix_missing"), Qt.LeftButton)
    assert sig.args == ["institution"]


def test_insurance_conditions_follow_the_confirmations(qtbot, page, demo_ctx):
    choose(page, "insurance-designation")
    assert page.answers_btn.isVisibleTo(page) and not page.year.isVisibleTo(page)
    page.compute()
    assert "可以申请" in page.summary.text()
    dlg = InsuranceAnswersDialog(demo_ctx, page)
    qtbot.addWidget(dlg)
    dlg.form.fields["rules"].boxes[M.RULES[0]].setChecked(False)
    dlg.form.fields["fixed_assets_wan"].setText("很多")
    dlg._accept()
    assert dlg.result() == 0 and "不是有效的数字" in dlg.form.errors["fixed_assets_wan"].text()
    assert not dlg.form.fields["rules"].boxes[M.RULES[0]].isChecked()  # what was typed stays
    dlg.form.fields["fixed_assets_wan"].setText("120")
    dlg._accept()
    assert dlg.result() == 1
    page.compute()
    assert "尚不满足全部条件" in page.summary.text() and M.RULES[0] in page.summary.text()
    assert M.get_answers(demo_ctx)["fixed_assets_wan"] == "120"


def test_copy_edit_and_use_a_profile(qtbot, page, demo_ctx):
    dlg = PolicyDialog(demo_ctx, page)
    qtbot.addWidget(dlg)
    ids = [r["id"] for r in dlg.model.rows]
    assert {"hecheng-2021", "chongqing-2023"} <= set(ids)
    dlg.table.selectRow(ids.index("hecheng-2021"))
    assert dlg.copy(new_id="my-town-2026", title="本镇（2026）") == "my-town-2026"
    edit = ProfileEditDialog(demo_ctx, policy.get_profile(demo_ctx, "my-town-2026"), dlg)
    qtbot.addWidget(edit)
    edit.set_value("operating.rates[1].yuan", "一百")
    edit.set_value("operating.rates[2].yuan", "-5")
    edit.save()
    assert edit.result() == 0
    first = edit.editor("operating.rates[1].yuan")
    assert "不是数字" in first.error.text() and not first.error.isHidden()
    assert first.widget.text() == "一百"  # kept as typed
    assert "之间" in edit.editor("operating.rates[2].yuan").error.text()
    edit.set_value("operating.rates[1].yuan", "120")
    edit.set_value("operating.rates[2].yuan", "180")
    edit.save()
    assert edit.result() == 1
    saved = policy.get_profile(demo_ctx, "my-town-2026").data["operating"]
    assert str(saved["rates"][0]["yuan"]) == "120" and str(saved["rates"][1]["yuan"]) == "180"

    dlg.table.selectRow([r["id"] for r in dlg.model.rows].index("hecheng-2021"))
    shown = []
    import yiyang_desktop.ui.policy_dialog as PD
    original = PD.QMessageBox.information
    PD.QMessageBox.information = lambda *a: shown.append(a[2])
    try:
        assert dlg.edit() is False and "复制" in shown[0]  # shipped profiles are read-only
    finally:
        PD.QMessageBox.information = original
    dlg.table.selectRow([r["id"] for r in dlg.model.rows].index("my-town-2026"))
    dlg.use()
    assert policy.active_profile_id(demo_ctx) == "my-town-2026"
    page.refresh()
    assert page.profile.currentData() == "my-town-2026"
    choose(page, "operating-subsidy")
    page.year.setValue(2025)
    app = page.compute()
    mine = A.prepare(demo_ctx, "operating-subsidy", year=2025, months=list(range(1, 13)), profile_id="my-town-2026")
    base = A.prepare(demo_ctx, "operating-subsidy", year=2025, months=list(range(1, 13)), profile_id="hecheng-2021")
    assert app.amount_fen == mine.amount_fen > base.amount_fen


def test_a_broken_profile_file_is_refused_naming_the_field(qtbot, page, demo_ctx, tmp_path, monkeypatch):
    from yiyang_desktop.assets import resource_path
    text = resource_path("policies/hecheng-2021.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('id = "hecheng-2021"', 'id = "cq-copy"').replace("min_age = 60", "min_age = 200"),
                   encoding="utf-8")
    line = next(i for i, t in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "min_age = 200" in t)
    dlg = PolicyDialog(demo_ctx, page)
    qtbot.addWidget(dlg)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dlg.import_file(path=str(bad))
    assert warned and "operating.rates[1].min_age" in warned[0] and f"第{line}行" in warned[0]
    assert "cq-copy" not in [p.id for p in policy.list_profiles(demo_ctx)]


def test_approval_marks_beds_and_later_applications_leave_them_out(qtbot, page, demo_ctx, tmp_path):
    choose(page, "construction-subsidy")
    app = page.compute()
    lines = app.summary["lines"]
    assert len(lines) >= 2
    page.save_files(folder=tmp_path)
    row = page.history_model.rows[0]
    assert row["kind"] == "construction"
    dlg = ApproveDialog(demo_ctx, row, page)
    qtbot.addWidget(dlg)
    assert dlg.beds.count() == len(lines)
    dlg.beds.item(0).setCheckState(Qt.Unchecked)
    dlg.form.fields["amount"].setText("十万")
    dlg._accept()
    assert dlg.result() == 0 and "不是有效金额" in dlg.form.errors["amount"].text()
    dlg.form.fields["amount"].setText("")
    dlg._accept()
    assert dlg.result() == 1
    again = page.compute()
    left = {x["bed_id"] for x in again.summary["lines"]}
    assert left == {lines[0]["bed_id"]}


def test_cancel_stops_the_job_at_the_next_step(qtbot, qapp, page):
    steps = []

    def job(step):  # long enough (≤ 60 s) that only the cancel can end it, however busy the machine is
        for i in range(6000):
            step(f"第{i}步")
            steps.append(i)
            time.sleep(0.01)
        return "done"

    tries = []

    def press_cancel():
        dlg = page.findChild(QProgressDialog, "progress_dialog")
        if dlg is not None and dlg.isVisible():
            dlg.findChild(QPushButton).click()  # the dialog's 取消 button, as a user presses it
            return
        tries.append(1)
        if dlg is not None and len(tries) > 40:  # a busy machine has not painted it yet: cancel as the button does
            dlg.cancel()
            return
        QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(400, press_cancel)
    with pytest.raises(Cancelled):
        run_in_background(page, "测试", job)
    assert 0 < len(steps) < 6000
    assert run_in_background(page, "测试", lambda step: step("一") or 42) == 42
    with pytest.raises(ServiceError):
        run_in_background(page, "测试", lambda step: (_ for _ in ()).throw(ServiceError("不行")))


def test_a_cancelled_write_leaves_no_files_and_no_record(demo_ctx, tmp_path):
    app = A.prepare(demo_ctx, "construction-subsidy")
    before = len(list_applications(demo_ctx))
    calls = []

    def step(text):
        calls.append(text)
        if len(calls) == 2:  # after the workbook was written
            raise Cancelled()

    with pytest.raises(Cancelled):
        A.write(demo_ctx, app, tmp_path / "out", step=step)
    assert not list((tmp_path / "out").iterdir())
    assert len(list_applications(demo_ctx)) == before


def test_main_window_goes_to_the_institution_page(qtbot, qapp, demo_ctx, tmp_path):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(demo_ctx, tmp_path / "x.db")
    qtbot.addWidget(w)
    apps = w.show_page("applications")
    apps.navigate.emit("institution")
    assert w.stack.currentWidget() is w.page("institution")


def test_shown_page_has_figures_and_a_changed_choice_is_computed(page, qtbot, demo_ctx):
    assert page.app is not None and page.app.kind == "construction-subsidy"  # the fixture's refresh() is the first show
    assert page.save_btn.isEnabled()
    choose(page, "operating-subsidy")
    assert page.app is None and not page.save_btn.isEnabled()  # the old figures are not left on screen
    qtbot.waitUntil(lambda: page.app is not None, timeout=5000)
    assert page.app.kind == "operating-subsidy"
    page.month_to.setValue(6)
    qtbot.waitUntil(lambda: page.app is not None and page.app.summary.get("months") == list(range(1, 7)), timeout=5000)


def test_saving_a_zero_or_other_region_application_asks_first(qtbot, page, demo_ctx, tmp_path):
    """The page names the profile, its version, force dates and the as-of day; before writing an application whose
    amount is 0 or whose profile is for another region it lists why and asks, with 取消 as the default button."""
    from PySide6.QtWidgets import QApplication
    choose(page, "construction-subsidy")
    page.profile.setCurrentIndex(page.profile.findData("zhanjiang-2018"))
    page.compute()
    text = page.summary.text()
    assert "zhanjiang-2018 第2版" in text and "2018-01-01 起" in text and "按 2026-11-23 的记录计算" in text
    seen = []

    def answer(press_save: bool):
        box = QApplication.activeModalWidget()
        seen.append(box.informativeText())
        if press_save:
            qtbot.mouseClick(box.button(QMessageBox.Save), Qt.LeftButton)
        else:
            qtbot.keyClick(box, Qt.Key_Return)  # Enter takes the default button: 取消

    before = len(list_applications(demo_ctx))
    QTimer.singleShot(0, lambda: answer(False))
    assert page.save_files(folder=tmp_path / "no") == []
    assert "申请金额为0元" in seen[0] and "广东省湛江市" in seen[0]
    assert not (tmp_path / "no").exists() and len(list_applications(demo_ctx)) == before
    QTimer.singleShot(0, lambda: answer(True))
    files = page.save_files(folder=tmp_path / "yes")
    assert len(files) == 2 and len(list_applications(demo_ctx)) == before + 1
    # the active profile for this home's region asks nothing
    page.profile.setCurrentIndex(page.profile.findData("hecheng-2021"))
    page.compute()
    assert A.save_warnings(demo_ctx, page.app) == [] and len(page.save_files(folder=tmp_path / "ok")) == 2


SHIPPED_PROFILES = sorted(p.stem for p in (Path(__file__).parents[1] / "resources" / "policies").glob("*.toml"))
FORMS = [("construction-subsidy", p) for p in SHIPPED_PROFILES] + [("operating-subsidy", p) for p in SHIPPED_PROFILES] \
    + [("insurance-designation", None)]  # 医保定点 has no subsidy rates: its profile box is disabled


@pytest.mark.parametrize("kind,profile_id", FORMS, ids=[f"{k}-{p or 'no-profile'}" for k, p in FORMS])
def test_every_form_is_saved_by_its_button_for_each_shipped_profile(qtbot, page, tmp_path, monkeypatch, kind, profile_id):
    from openpyxl import load_workbook
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog
    out = tmp_path / "申报文件"
    out.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: asked.append(a) or str(out)))
    choose(page, kind)
    if profile_id is not None:
        assert page.profile.isEnabled()
        page.profile.setCurrentIndex(page.profile.findData(profile_id))
        assert page.profile.currentData() == profile_id
    else:
        assert not page.profile.isEnabled()
    qtbot.mouseClick(page.compute_btn, Qt.LeftButton)
    assert page.app is not None and page.save_btn.isEnabled(), page.summary.text()
    warned = A.save_warnings(page.ctx, page.app)  # a zero amount or another region's profile: asked first
    confirmed = []

    def confirm():
        from PySide6.QtWidgets import QApplication
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.button(QMessageBox.Save) is not None:
            confirmed.append(box.informativeText())
            qtbot.mouseClick(box.button(QMessageBox.Save), Qt.LeftButton)  # the user has read it and saves anyway
    QTimer.singleShot(0, confirm)
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert len(asked) == 1 and len(confirmed) == (1 if warned else 0)
    xlsx, pdf = sorted(out.iterdir(), key=lambda f: f.suffix, reverse=True)
    assert (xlsx.suffix, pdf.suffix) == (".xlsx", ".pdf") and page.files == [xlsx, pdf]
    book = load_workbook(xlsx)
    cells = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    title = page.app.form.values["表名"]
    assert any(title in c for c in cells) and title.replace(" ", "") in text.replace(" ", "").replace("\n", "")
    if kind != "insurance-designation":
        from yiyang_desktop.domain.money import capital
        fen = page.app.amount_fen
        flat = text.replace(" ", "")
        assert yuan_text(fen) in flat and capital(fen) in flat, (fen, text[:400])  # 元 with separators on the PDF
        assert page.app.summary["profile"]["id"] == profile_id
    assert page.preview.page_count() >= 1 and page.tabs.currentWidget() is page.preview
