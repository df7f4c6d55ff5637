"""The 医疗合作 and 转诊 pages driven as a user would: real dialogs for partners, agreements, visits, logging a
referral, moving it on and recording its return; the reassessment prompt; lists and counts on the demo."""
import datetime as dt
import random

import factories
import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from yiyang_desktop.services import partners as P
from yiyang_desktop.services import visits as V
from yiyang_desktop.services import referrals as F
from yiyang_desktop.services.census import census
from yiyang_desktop.ui.partner_dialogs import AgreementDialog, PartnerDialog, VisitDialog
from yiyang_desktop.ui.partners_page import PartnersPage
from yiyang_desktop.ui.referral_dialogs import ReferralDialog, ReturnDialog, StateDialog
from yiyang_desktop.ui.referrals_page import ReferralsPage

D = dt.date


def ok(dlg):
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def fill(dlg, **values):
    for name, v in values.items():
        w = dlg.form.fields[name]
        if hasattr(w, "findData") and not hasattr(w, "set_value"):
            i = w.findData(v)
            assert i >= 0, (name, v)
            w.setCurrentIndex(i)
        elif hasattr(w, "set_value"):
            w.set_value(v)
        elif hasattr(w, "setChecked"):
            w.setChecked(v)
        elif hasattr(w, "setPlainText"):
            w.setPlainText(v)
        else:
            w.setText(v)


def shown_error(dlg, name) -> str:
    label = dlg.form.errors[name]
    return "" if label.isHidden() else label.text()


@pytest.fixture
def home(ctx):
    bed = factories.bed(ctx)
    rid, stay = factories.admitted(ctx, bed, D(2026, 1, 1), name="张秀英")
    pid = P.create_partner(ctx, {"name": "怀化市第一人民医院", "kind": "综合医院", "level": "三级"})
    return {"bed": bed, "resident": rid, "stay": stay, "partner": pid}


def set_when(dlg, when: dt.datetime):
    dlg.when.setDateTime(QDateTime(when.year, when.month, when.day, when.hour, when.minute, 0))


def test_log_a_referral_through_the_dialog(qtbot, ctx, home):
    dlg = ReferralDialog(ctx)
    qtbot.addWidget(dlg)
    set_when(dlg, dt.datetime(2026, 11, 10, 9, 30))
    fill(dlg, resident_id=home["resident"], partner_id=home["partner"], department="心血管内科",
         receiving_doctor="王主任", referring_doctor="李医生", urgency="急诊", impression="不稳定型心绞痛？",
         present_illness="反复胸闷、胸痛3天。", past_history="高血压20年。", treatment="吸氧。",
         indications=["病情急性加重，需急诊处理"], transport="救护车（120）", escort="护士 刘芳")
    assert dlg.form.layout_.labelForField(dlg.receiving.parentWidget()).text() == "医院接诊医生"
    assert not dlg.form.layout_.isRowVisible(dlg.form.fields["return_diagnosis"].parentWidget())
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    r = F.get_referral(ctx, dlg.result_value)
    assert (r["resident_name"], r["direction"], r["referred_at"], r["state"]) == ("张秀英", "上转", "2026-11-10T09:30", "待接收")
    assert (r["department"], r["receiving_doctor"], r["urgency"], r["transport"]) == ("心血管内科", "王主任", "急诊", "救护车（120）")
    assert r["indications"] == ["病情急性加重，需急诊处理"] and r["present_illness"] == "反复胸闷、胸痛3天。"


def test_a_resident_not_in_residence_is_refused_beside_the_field_and_the_typing_stays(qtbot, ctx, home):
    dlg = ReferralDialog(ctx)
    qtbot.addWidget(dlg)
    set_when(dlg, dt.datetime(2026, 11, 10, 9, 30))
    fill(dlg, resident_id=home["resident"], partner_id=home["partner"], present_illness="发热3天。")
    set_when(dlg, dt.datetime(2025, 12, 1, 9, 30))  # before the admission: the choice stays, marked
    assert "该日不在院" in dlg.resident.box.currentText()
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    assert "不在本院入住" in shown_error(dlg, "resident_id")
    assert dlg.form.values()["present_illness"] == "发热3天。" and F.list_referrals(ctx) == []
    set_when(dlg, dt.datetime(2026, 11, 1, 9, 30))
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and len(F.list_referrals(ctx)) == 1


def test_down_referral_dialog_shows_the_hospital_findings(qtbot, ctx, home):
    dlg = ReferralDialog(ctx, direction="下转")
    qtbot.addWidget(dlg)
    lay = dlg.form.layout_
    assert lay.isRowVisible(dlg.form.fields["return_diagnosis"].parentWidget())
    assert lay.labelForField(dlg.receiving.parentWidget()).text() == "本院接诊医生"
    options = list(dlg.indications.boxes)
    assert options == F.indications(ctx)["下转"]
    set_when(dlg, dt.datetime(2026, 11, 20, 10, 0))
    fill(dlg, resident_id=home["resident"], partner_id=home["partner"], indications=[options[0]])
    ok(dlg)
    assert "return_diagnosis" in [k for k in dlg.form.errors if shown_error(dlg, k)]
    fill(dlg, return_diagnosis="肺炎治疗后")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and F.get_referral(ctx, dlg.result_value)["return_diagnosis"] == "肺炎治疗后"


def test_state_changes_and_the_return_through_their_dialogs(qtbot, ctx, home):
    fid = F.create_referral(ctx, {"resident_id": home["resident"], "direction": "上转", "partner_id": home["partner"],
                                  "referred_at": dt.datetime(2026, 11, 10, 9, 30), "present_illness": "胸痛"})
    dlg = StateDialog(ctx, fid)
    qtbot.addWidget(dlg)
    box = dlg.form.fields["state"]
    assert [box.itemData(i) for i in range(box.count())] == ["已接收", "未接收", "已结束"]
    fill(dlg, state="未接收", date=D(2026, 11, 10))
    ok(dlg)
    assert dlg.result() != QDialog.Accepted and "原因" in shown_error(dlg, "reason")
    fill(dlg, state="已接收")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and F.get_referral(ctx, fid)["state"] == "已接收"
    dlg = StateDialog(ctx, fid)
    qtbot.addWidget(dlg)
    fill(dlg, state="住院", date=D(2026, 11, 10))
    assert "保留床位" in dlg.hint.text()
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    assert census(ctx, D(2026, 11, 15)).beds[0].away == "住院"
    dlg = ReturnDialog(ctx, fid)
    qtbot.addWidget(dlg)
    fill(dlg, returned_on=D(2026, 11, 9), return_diagnosis="冠心病", return_advice="两周后复查。")
    ok(dlg)
    assert dlg.result() != QDialog.Accepted and "不能早于转诊日期" in shown_error(dlg, "returned_on")
    assert dlg.form.values()["return_advice"] == "两周后复查。"
    fill(dlg, returned_on=D(2026, 11, 20))
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    r = F.get_referral(ctx, fid)
    assert (r["state"], r["leave"]["end_date"], r["return_diagnosis"]) == ("已回转", "2026-11-20", "冠心病")


def test_the_page_prompts_a_reassessment_after_a_return(qtbot, ctx, home, monkeypatch):
    fid = F.create_referral(ctx, {"resident_id": home["resident"], "direction": "上转", "partner_id": home["partner"],
                                  "referred_at": dt.datetime(2026, 11, 10, 9, 30), "present_illness": "胸痛"})
    F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 11, 10)})
    F.change_state(ctx, fid, {"state": "住院", "date": D(2026, 11, 10)})
    page = ReferralsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 1 and page.reassess.isHidden()
    assert page.select(fid) and page.buttons["return"].isEnabled() and not page.buttons["delete"].isEnabled()
    assert "住院中 13" in page.model.data(page.model.index(0, 9))

    def user_fills(dlg):
        qtbot.addWidget(dlg)
        assert isinstance(dlg, ReturnDialog)
        fill(dlg, returned_on=D(2026, 11, 20), return_diagnosis="冠心病")
        dlg._accept()
        if dlg.result() == QDialog.Accepted:
            page.changed.emit()
            page.refresh()
            return True
        return False

    monkeypatch.setattr(page, "run_dialog", user_fills)
    with qtbot.waitSignal(page.changed):
        page.record_return()
    assert page.prompt is not None and page.prompt.isVisible()
    assert "张秀英" in page.prompt.text() and "即时评估" in page.prompt.text()
    page.prompt.close()
    assert not page.reassess.isHidden() and "张秀英" in page.reassess.text()
    assert "已回转" in page.detail.toPlainText() and page.buttons["return"].text() == "修改回转"


def test_partner_agreement_and_visit_dialogs(qtbot, ctx, home):
    dlg = PartnerDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg, name="城南社区卫生服务中心", kind="社区卫生服务中心(站)", insurance_designated=True, travel_minutes=8,
         contacts=[{"name": "杨丽", "role": "全科医生", "phone": "139"}])
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    pid = dlg.result_value
    assert P.get_partner(ctx, pid)["travel_minutes"] == 8 and P.get_partner(ctx, pid)["contacts"][0]["name"] == "杨丽"
    edit = PartnerDialog(ctx, pid)
    qtbot.addWidget(edit)
    assert edit.form.fields["travel_minutes"].value() == 8 and edit.form.fields["insurance_designated"].isChecked()

    dlg = AgreementDialog(ctx, partner_id=pid)
    qtbot.addWidget(dlg)
    assert dlg.form.fields["partner_id"].currentData() == pid
    services = dlg.form.fields["services"]
    services.rows["上门巡诊"]["box"].setChecked(True)
    services.rows["双向转诊"]["box"].setChecked(True)
    fill(dlg, number="CN-01", valid_from=D(2026, 6, 1), valid_to=D(2026, 5, 31), signed_date=D(2026, 5, 20))
    ok(dlg)
    assert dlg.result() != QDialog.Accepted and shown_error(dlg, "valid_to") == "到期日期不能早于生效日期"
    assert dlg.form.values()["number"] == "CN-01" and P.list_agreements(ctx) == []
    fill(dlg, valid_to=D(2027, 5, 31))
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    aid = dlg.result_value
    assert [s["service"] for s in P.get_agreement(ctx, aid)["services"]] == ["上门巡诊", "双向转诊"]

    renew = AgreementDialog(ctx, renew_of=aid)
    qtbot.addWidget(renew)
    values = renew.form.values()
    assert (values["valid_from"], values["valid_to"], values["partner_id"]) == (D(2027, 6, 1), D(2028, 5, 31), pid)
    assert not renew.form.fields["partner_id"].isEnabled() and len(values["services"]) == 2
    ok(renew)
    assert renew.result() == QDialog.Accepted and P.get_agreement(ctx, renew.result_value)["renews_id"] == aid

    visit = VisitDialog(ctx)
    qtbot.addWidget(visit)
    people = visit.form.fields["resident_ids"]
    assert people.list.count() == 1  # 张秀英 lives here today
    fill(visit, visit_date=D(2025, 12, 1))
    assert people.list.count() == 0  # not yet admitted then
    fill(visit, visit_date=D(2026, 11, 18), partner_id=pid, doctor="杨丽", notes="测血压。")
    people.list.item(0).setCheckState(Qt.Checked)
    assert people.count.text() == "已选 1 人"
    ok(visit)
    assert visit.result() == QDialog.Accepted
    assert V.get_visit(ctx, visit.result_value)["resident_ids"] == [home["resident"]]


def test_partners_page_summary_scan_check_and_refused_delete(qtbot, ctx, home, tmp_path, monkeypatch):
    page = PartnersPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert "没有生效的合作协议" in page.summary.text()
    aid = P.create_agreement(ctx, {"partner_id": home["partner"], "signed_date": D(2026, 1, 1), "valid_from": D(2026, 1, 1),
                                   "valid_to": D(2026, 12, 31), "services": [{"service": "双向转诊"}]})
    page.refresh()
    assert "生效协议 1 份" in page.summary.text() and "尚未续签" in page.compliance.text()
    assert page.partner_model.rowCount() == 1 and page.agreement_model.rowCount() == 1
    assert "即将到期（还有 39 天）" in page.agreement_model.data(page.agreement_model.index(0, 4))
    page.agreement_table.selectRow(0)
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    page.add_scan(path=str(scan))
    file_id = P.get_agreement(ctx, aid)["files"][0]["id"]
    assert "signed.pdf" in page.agreement_detail.toPlainText()
    opened, warned = [], []
    monkeypatch.setattr("yiyang_desktop.ui.partners_page.QDesktopServices.openUrl", lambda url: opened.append(url))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]) or QMessageBox.Cancel)
    assert page.open_scan(file_id) == P.SCAN_OK and len(opened) == 1 and not warned
    P.scan_file(ctx, file_id)[0].write_bytes(b"changed")
    assert page.open_scan(file_id) == P.SCAN_CHANGED and len(opened) == 1 and "改动" in warned[-1]
    P.scan_file(ctx, file_id)[0].unlink()
    assert page.open_scan(file_id) == P.SCAN_MISSING and "找不到" in warned[-1]
    page.partner_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    page.delete_partner()
    assert "不能删除" in warned[-1] and len(P.list_partners(ctx)) == 1


@pytest.fixture
def medical_demo(demo_ctx):
    if not P.list_partners(demo_ctx):
        from yiyang_desktop.services.demo_medical import add_medical_demo
        add_medical_demo(demo_ctx, random.Random(5), D(2024, 11, 23), D(2026, 11, 23))
    return demo_ctx


def test_demo_pages_list_filter_count_and_print(qtbot, medical_demo, tmp_path):
    page = ReferralsPage(medical_demo)
    qtbot.addWidget(page)
    page.refresh()
    assert page.filters()["start"] == D(2026, 9, 1)  # the last three months by default
    page.date_from.set_value(D(2025, 12, 1))  # the user widens the window
    rows = F.list_referrals(medical_demo, **page.filters())
    assert page.model.rowCount() == len(rows) > 20
    assert page.stats_model.rows == []  # the monthly counts are computed when their tab is opened
    page.tabs.setCurrentIndex(1)
    assert page.stats_model.rows[-1]["month"] == "合计" and page.stats_model.rows[-1]["total"] == len(rows)
    page.tabs.setCurrentIndex(0)
    page.f_state.setCurrentIndex(page.f_state.findData("住院"))
    assert page.model.rowCount() == len([r for r in rows if r["state"] == "住院"]) >= 1
    page.f_state.setCurrentIndex(0)
    page.f_direction.setCurrentIndex(page.f_direction.findData("下转"))
    assert {page.model.rows[i]["direction"] for i in range(page.model.rowCount())} == {"下转"}
    page.f_direction.setCurrentIndex(0)
    assert not page.reassess.isHidden()
    page.select(next(r["id"] for r in rows if r["state"] == "已回转"))
    path = page.print_slip(path=tmp_path / "slip.pdf", preview=False)
    assert path.read_bytes().startswith(b"%PDF")
    partners = PartnersPage(medical_demo)
    qtbot.addWidget(partners)
    partners.refresh()
    assert partners.partner_model.rowCount() == 2 and partners.agreement_model.rowCount() == 3
    assert partners.visit_model.rowCount() >= 52 and partners.month_model.rowCount() == 12
