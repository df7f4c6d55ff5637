"""The referral log through the services: bad input, the hospital stay as a held bed, the census during it, the
return and the reassessment it prompts, counts, the printed slip's text, and the demo data."""
import datetime as dt
import random
import shutil
import subprocess

import factories
import pytest
from pypdf import PdfReader

from yiyang_desktop.domain.assessment import load_instrument
from yiyang_desktop.exports.referral_slip import write_referral_slip
from yiyang_desktop.services import partners as P
from yiyang_desktop.services import visits as V
from yiyang_desktop.services import referrals as F
from yiyang_desktop.services.assessments import save_assessment
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.beds import bed_free_problem
from yiyang_desktop.services.census import census
from yiyang_desktop.services.demo_assessments import answers_near
from yiyang_desktop.services.institution import save_institution
from yiyang_desktop.services.residents import admit, discharge, list_residents, start_leave
from yiyang_desktop.store.db import integrity_report

D = dt.date
T = dt.datetime


@pytest.fixture
def home(ctx):
    """One bed, one resident since 2026-01-01, one partner hospital."""
    save_institution(ctx, {"name": "鹤城区康乐医养中心", "address": "怀化市鹤城区迎丰西路88号"})
    bed = factories.bed(ctx)
    rid, stay = factories.admitted(ctx, bed, D(2026, 1, 1), name="张秀英",
                                   contacts=[{"name": "李建国", "relation": "儿子", "phone": "13800001111"}])
    pid = P.create_partner(ctx, {"name": "怀化市第一人民医院", "kind": "综合医院", "level": "三级"})
    return {"bed": bed, "resident": rid, "stay": stay, "partner": pid}


def up(ctx, home, when=T(2026, 11, 10, 9, 30), **kw):
    return F.create_referral(ctx, {
        "resident_id": home["resident"], "direction": "上转", "referred_at": when, "partner_id": home["partner"],
        "department": "心血管内科", "receiving_doctor": "王主任", "referring_doctor": "李医生", "referring_phone": "0745-1",
        "impression": "不稳定型心绞痛？", "present_illness": "反复胸闷、胸痛3天，加重2小时。", "past_history": "高血压20年。",
        "treatment": "吸氧，含服硝酸甘油。", "indications": ["病情急性加重，需急诊处理"], "urgency": "急诊",
        "transport": "救护车（120）", "escort": "护士 刘芳", **kw})


def admitted_to_hospital(ctx, home, on=D(2026, 11, 10)):
    fid = up(ctx, home, T(on.year, on.month, on.day, 9, 30))
    F.change_state(ctx, fid, {"state": "已接收", "date": on})
    F.change_state(ctx, fid, {"state": "住院", "date": on})
    return fid


RETURN = {"return_diagnosis": "冠心病 不稳定型心绞痛", "hospital_record_no": "ZY2026112233",
          "return_findings": "冠脉CTA：前降支狭窄70%。", "return_advice": "继续口服阿司匹林；两周后复查。",
          "return_doctor": "王主任", "return_phone": "0745-2", "return_receiver": "李医生"}


def fields(err):
    return err.value.by_field()


def count(ctx, table):
    return ctx.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_referral_for_a_resident_not_in_residence_is_refused(ctx, home):
    with pytest.raises(ValidationError) as err:
        up(ctx, home, T(2025, 12, 31, 10, 0))
    assert fields(err)["resident_id"] == "张秀英 在 2025-12-31 不在本院入住，不能登记转诊"
    discharge(ctx, home["stay"], {"discharge_date": D(2026, 6, 30), "discharge_reason": "回家"})
    with pytest.raises(ValidationError) as err:
        up(ctx, home, T(2026, 7, 1, 10, 0))
    assert "不在本院入住" in fields(err)["resident_id"]
    assert count(ctx, "referrals") == count(ctx, "referral_events") == 0
    up(ctx, home, T(2026, 6, 30, 8, 0))  # the discharge day itself still counts


def test_missing_and_wrong_fields_are_all_reported(ctx, home):
    with pytest.raises(ValidationError) as err:
        F.create_referral(ctx, {"direction": "上转", "referred_at": "2026-13-01 9:00", "urgency": "特急",
                                "indications": ["想去医院"]})
    assert {"resident_id", "partner_id", "referred_at", "urgency", "present_illness", "indications"} <= set(fields(err))
    with pytest.raises(ValidationError) as err:
        up(ctx, home, T(2026, 11, 24, 9, 0))
    assert fields(err)["referred_at"] == "转诊时间不能晚于今天"
    with pytest.raises(ValidationError) as err:
        F.create_referral(ctx, {"resident_id": home["resident"], "direction": "下转", "referred_at": T(2026, 11, 1, 9),
                                "partner_id": home["partner"]})
    assert "return_diagnosis" in fields(err)
    assert count(ctx, "referrals") == 0


def test_indications_come_from_the_settings_list(ctx, home):
    with pytest.raises(ValidationError):
        up(ctx, home, indications=["需高压氧治疗"])
    lists = F.indications(ctx)
    F.set_indications(ctx, {"上转": lists["上转"] + ["需高压氧治疗", " ", "需高压氧治疗"], "下转": lists["下转"]})
    assert F.indications(ctx)["上转"][-1] == "需高压氧治疗" and F.indications(ctx)["上转"].count("需高压氧治疗") == 1
    fid = up(ctx, home, indications=["需高压氧治疗"])
    F.set_indications(ctx, {"上转": lists["上转"], "下转": lists["下转"]})  # removed from the list later:
    F.update_referral(ctx, fid, F.get_referral(ctx, fid))                 # the record keeps it
    assert F.get_referral(ctx, fid)["indications"] == ["需高压氧治疗"]


def test_hospital_stay_holds_the_bed_and_the_census_counts_the_resident_away(ctx, home):
    fid = admitted_to_hospital(ctx, home)
    r = F.get_referral(ctx, fid)
    assert (r["state"], r["referral_admission"], r["admitted_on"]) == ("住院", 1, "2026-11-10")
    leave = r["leave"]
    assert (leave["kind"], leave["start_date"], leave["end_date"], leave["stay_id"]) == ("住院", "2026-11-10", None, home["stay"])
    during = census(ctx, D(2026, 11, 15))
    bed = during.beds[0]
    assert (bed.shown_status, bed.resident_name, bed.away) == ("在住", "张秀英", "住院")
    assert during.occupied_total == 1 and during.away_total == 1 and during.count("空闲") == 0
    assert bed_free_problem(ctx, home["bed"], D(2026, 11, 15), None) is not None  # the bed is held
    other = factories.resident(ctx, "王五")
    with pytest.raises(ValidationError):
        admit(ctx, other, {"admission_date": D(2026, 11, 15), "bed_id": home["bed"]})
    assert list_residents(ctx)[0]["away"] == "住院"
    assert census(ctx, D(2026, 11, 9)).beds[0].away is None


def test_the_return_ends_the_stay_and_prompts_a_reassessment(ctx, home):
    fid = admitted_to_hospital(ctx, home)
    with pytest.raises(ValidationError) as err:
        F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 9)})
    assert fields(err)["returned_on"] == "回转日期不能早于转诊日期 2026-11-10"
    with pytest.raises(ValidationError) as err:
        F.record_return(ctx, fid, {"returned_on": D(2026, 11, 20)})
    assert "return_diagnosis" in fields(err)
    assert F.get_referral(ctx, fid)["state"] == "住院" and F.get_referral(ctx, fid)["leave"]["end_date"] is None
    F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 20)})
    r = F.get_referral(ctx, fid)
    assert (r["state"], r["returned_on"], r["leave"]["end_date"], r["hospital_days"]) == ("已回转", "2026-11-20", "2026-11-20", 10)
    assert [e["state"] for e in r["events"]] == ["待接收", "已接收", "住院", "已回转"]
    assert census(ctx, D(2026, 11, 19)).beds[0].away == "住院"
    assert census(ctx, D(2026, 11, 20)).beds[0].away is None  # back in the bed from the return day
    due = F.returns_needing_reassessment(ctx)
    assert [(d["resident_id"], d["due_from"]) for d in due] == [(home["resident"], "2026-11-20")]
    inst = load_instrument("gbt42195-2022")
    save_assessment(ctx, home["resident"], {"instrument_id": inst.id, "assessed_on": D(2026, 11, 21), "reason": "即时评估",
                                            "assessor1": "甲", "assessor2": "乙",
                                            "answers": answers_near(inst, 70, random.Random(1))}, complete=True)
    assert F.returns_needing_reassessment(ctx) == []
    # A correction of the return moves the end of the hospital stay with it.
    F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 18)})
    assert F.get_referral(ctx, fid)["leave"]["end_date"] == "2026-11-18"
    assert integrity_report(ctx.db)["ok"]


def test_refused_steps_change_nothing(ctx, home):
    fid = up(ctx, home)
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "住院", "date": D(2026, 11, 10)})
    assert "不能从“待接收”变为“住院”" in fields(err)["state"]
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "未接收", "date": D(2026, 11, 10)})
    assert "需要填写原因" in fields(err)["reason"]
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 11, 9)})
    assert "不能早于转诊日期" in fields(err)["date"]
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 11, 24)})
    assert "不能晚于今天" in fields(err)["date"]
    with pytest.raises(ValidationError) as err:
        F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 12)})
    assert "不能从“待接收”变为“已回转”" in fields(err)["returned_on"]
    assert F.get_referral(ctx, fid)["state"] == "待接收" and count(ctx, "leaves") == 0
    F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 11, 11)})
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "门诊处理", "date": D(2026, 11, 10)})
    assert "不能早于上一状态" in fields(err)["date"]
    F.change_state(ctx, fid, {"state": "门诊处理", "date": D(2026, 11, 11)})
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "已回转", "date": D(2026, 11, 12)})
    assert "登记回转" in fields(err)["state"]
    F.change_state(ctx, fid, {"state": "已结束", "date": D(2026, 11, 12), "reason": "家属要求取消"})
    with pytest.raises(ValidationError) as err:
        F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 11, 12)})
    assert "不能再变更" in fields(err)["state"]
    assert F.get_referral(ctx, fid)["closed_reason"] == "家属要求取消"


def test_one_open_up_referral_at_a_time_and_deleting_only_before_anything_happened(ctx, home):
    fid = up(ctx, home)
    with pytest.raises(ValidationError) as err:
        up(ctx, home, T(2026, 11, 11, 8, 0))
    assert "未结束的上转记录" in fields(err)["resident_id"]
    F.change_state(ctx, fid, {"state": "未接收", "date": D(2026, 11, 10), "reason": "该科室床位已满"})
    second = up(ctx, home, T(2026, 11, 11, 8, 0))
    F.delete_referral(ctx, second)
    with pytest.raises(ValidationError):
        F.delete_referral(ctx, fid)
    assert [r["id"] for r in F.list_referrals(ctx)] == [fid]


def test_corrections_keep_the_history_consistent(ctx, home):
    fid = up(ctx, home)
    other = factories.admitted(ctx, factories.bed(ctx, number="2"), D(2026, 1, 1), name="王五")[0]
    data = F.get_referral(ctx, fid)
    F.update_referral(ctx, fid, data | {"referred_at": "2026-11-09T08:00", "department": "急诊科"})
    r = F.get_referral(ctx, fid)
    assert (r["referred_at"], r["department"], r["events"][0]["event_date"]) == ("2026-11-09T08:00", "急诊科", "2026-11-09")
    F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 11, 10)})
    with pytest.raises(ValidationError) as err:
        F.update_referral(ctx, fid, data | {"resident_id": other})
    assert "不能再更改老人" in fields(err)["resident_id"]
    with pytest.raises(ValidationError) as err:
        F.update_referral(ctx, fid, data | {"referred_at": T(2026, 11, 11, 8)})
    assert "不能晚于状态变更日期" in fields(err)["referred_at"]


def test_discharge_while_in_hospital_frees_the_bed_and_the_referral_closes_with_a_reason(ctx, home):
    fid = admitted_to_hospital(ctx, home)
    discharge(ctx, home["stay"], {"discharge_date": D(2026, 11, 18), "discharge_reason": "死亡"})
    r = F.get_referral(ctx, fid)
    assert r["leave"]["end_date"] == "2026-11-18" and r["hospital_days"] == 8
    assert bed_free_problem(ctx, home["bed"], D(2026, 11, 18), None) is None
    assert census(ctx, D(2026, 11, 18)).count("空闲") == 1
    with pytest.raises(ValidationError) as err:
        F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 20)})
    assert "已于 2026-11-18 办理出院" in fields(err)["returned_on"]
    F.change_state(ctx, fid, {"state": "已结束", "date": D(2026, 11, 18), "reason": "住院期间去世"})
    assert F.get_referral(ctx, fid)["state"] == "已结束"
    assert F.returns_needing_reassessment(ctx) == []


def test_closing_during_a_hospital_stay_keeps_it_open_unless_asked(ctx, home):
    fid = admitted_to_hospital(ctx, home)
    F.change_state(ctx, fid, {"state": "已结束", "date": D(2026, 11, 15), "reason": "转往省级医院"})
    assert F.get_referral(ctx, fid)["leave"]["end_date"] is None and census(ctx, D(2026, 11, 20)).away_total == 1
    home2 = home | {"resident": factories.admitted(ctx, factories.bed(ctx, number="2"), D(2026, 1, 1), name="王五")[0]}
    fid2 = admitted_to_hospital(ctx, home2)
    F.change_state(ctx, fid2, {"state": "已结束", "date": D(2026, 11, 15), "reason": "转往省级医院后返回",
                               "end_hospital_stay": True})
    assert F.get_referral(ctx, fid2)["leave"]["end_date"] == "2026-11-15"


def test_an_existing_hospital_stay_is_adopted_and_a_down_referral_ends_one(ctx, home):
    leave = start_leave(ctx, home["stay"], {"kind": "住院", "start_date": D(2026, 11, 8), "destination": "市一医院"})
    fid = admitted_to_hospital(ctx, home, D(2026, 11, 10))
    assert F.get_referral(ctx, fid)["leave_id"] == leave and count(ctx, "leaves") == 1
    F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 12)})
    # A hospital stay recorded on the residents page; the hospital sends the resident back (下转).
    start_leave(ctx, home["stay"], {"kind": "住院", "start_date": D(2026, 11, 14)})
    down = F.create_referral(ctx, {"resident_id": home["resident"], "direction": "下转", "referred_at": T(2026, 11, 19, 10),
                                   "partner_id": home["partner"], "return_diagnosis": "肺炎治疗后",
                                   "indications": ["急性期治疗结束，病情稳定"]})
    F.change_state(ctx, down, {"state": "已接收", "date": D(2026, 11, 20)})
    r = F.get_referral(ctx, down)
    assert (r["state"], r["returned_on"], r["reassessment_due_from"]) == ("已接收", "2026-11-20", "2026-11-20")
    assert r["leave"]["end_date"] == "2026-11-20" and census(ctx, D(2026, 11, 20)).away_total == 0
    assert F.returns_needing_reassessment(ctx)[0]["referral_id"] == down  # the latest return counts


def test_list_filters_month_counts_and_the_monthly_summary(ctx, home):
    fid = admitted_to_hospital(ctx, home, D(2026, 10, 5))
    F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 10, 15)})
    fid2 = admitted_to_hospital(ctx, home, D(2026, 10, 20))
    F.record_return(ctx, fid2, RETURN | {"returned_on": D(2026, 10, 25)})
    third = up(ctx, home, T(2026, 11, 2, 10, 0))
    F.change_state(ctx, third, {"state": "未接收", "date": D(2026, 11, 2), "reason": "床位已满"})
    assert len(F.list_referrals(ctx)) == 3
    assert [r["id"] for r in F.list_referrals(ctx, start=D(2026, 11, 1))] == [third]
    assert [r["id"] for r in F.list_referrals(ctx, state="已回转")] == [fid2, fid]
    assert F.list_referrals(ctx, direction="下转") == []
    assert len(F.list_referrals(ctx, partner_id=home["partner"])) == 3
    stats = F.month_stats(ctx, D(2026, 1, 1), D(2026, 12, 31), with_total=True)
    oct_, nov, total = stats
    assert (oct_["month"], oct_["total"], oct_["by_direction"]["上转"], oct_["by_state"]["已回转"]) == ("2026-10", 2, 2, 2)
    assert str(oct_["avg_hospital_days"]) == "7.5" and oct_["by_partner"] == {"怀化市第一人民医院": 2}
    assert (nov["by_state"]["未接收"], nov["avg_hospital_days"]) == (1, None)
    assert (total["month"], total["total"], str(total["avg_hospital_days"])) == ("合计", 3, "7.5")
    summary = F.month_summary(ctx, 2026, 10)
    assert (summary["referrals_up"], summary["referrals_down"], summary["referral_admissions"]) == (2, 0, 2)


def slip_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_the_printed_slip_carries_the_record(ctx, home, tmp_path):
    fid = admitted_to_hospital(ctx, home)
    pages = slip_text(write_referral_slip(tmp_path / "out.pdf", F.slip_data(ctx, fid)))
    assert len(pages) == 1  # not returned yet: the 转出 page only
    text = pages[0].replace(" ", "").replace("\n", "")
    for expected in ("存根", "双向转诊（转出）单", "张秀英", "女", "怀化市第一人民医院", "心血管内科", "王主任", "李医生",
                     "不稳定型心绞痛？", "反复胸闷、胸痛3天，加重2小时。", "高血压20年。", "吸氧，含服硝酸甘油。",
                     "鹤城区康乐医养中心", "2026年11月10日", "13800001111", "病情急性加重，需急诊处理", "救护车（120）"):
        assert expected in text, expected
    F.record_return(ctx, fid, RETURN | {"returned_on": D(2026, 11, 20)})
    pages = slip_text(write_referral_slip(tmp_path / "both.pdf", F.slip_data(ctx, fid)))
    assert len(pages) == 2
    back = pages[1].replace(" ", "").replace("\n", "")
    for expected in ("双向转诊（回转）单", "冠心病不稳定型心绞痛", "ZY2026112233", "前降支狭窄70%", "两周后复查", "2026年11月20日"):
        assert expected in back, expected


def test_long_text_wraps_and_still_fits_one_page_per_part(ctx, home, tmp_path):
    long_text = "反复胸闷、胸痛，加重伴气促，夜间不能平卧。" * 60
    fid = up(ctx, home, present_illness=long_text, past_history=long_text[:400], treatment=long_text[:600])
    path = write_referral_slip(tmp_path / "long.pdf", F.slip_data(ctx, fid))
    pages = slip_text(path)
    assert len(pages) == 1 and "夜间不能平卧" in pages[0] and "双向转诊（转出）单" in pages[0].replace(" ", "")
    if shutil.which("pdftoppm"):  # renders (the eye check is done on the same output)
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "long")], check=True)
        assert (tmp_path / "long-1.png").stat().st_size > 0


def test_a_down_referral_prints_the_return_slip(ctx, home, tmp_path):
    down = F.create_referral(ctx, {"resident_id": home["resident"], "direction": "下转", "referred_at": T(2026, 11, 19, 10),
                                   "partner_id": home["partner"], "referring_doctor": "陈医生", "receiving_doctor": "李医生",
                                   "return_diagnosis": "脑梗死恢复期", "hospital_record_no": "ZY-9",
                                   "return_advice": "继续康复训练。"})
    pages = slip_text(write_referral_slip(tmp_path / "down.pdf", F.slip_data(ctx, down)))
    assert len(pages) == 1
    text = pages[0].replace(" ", "").replace("\n", "")
    assert "双向转诊（回转）单" in text and "脑梗死恢复期" in text and "ZY-9" in text and "陈医生" in text


def test_the_demo_has_the_feature_working(demo_ctx):
    if not P.list_partners(demo_ctx):  # the demo builder may already call it
        from yiyang_desktop.services.demo_medical import add_medical_demo
        add_medical_demo(demo_ctx, random.Random(5), D(2024, 11, 23), D(2026, 11, 23))
    partners = P.list_partners(demo_ctx)
    assert len(partners) == 2
    agreements = P.list_agreements(demo_ctx)
    assert {a["status"] for a in agreements} >= {"生效", "已到期"}
    assert any(a["renews_id"] for a in agreements) and any(a["renewed_by_id"] for a in agreements)
    visits = V.list_visits(demo_ctx, D(2025, 11, 24), D(2026, 11, 23))
    assert len(visits) >= 52 and len({v["visit_date"][:7] for v in visits}) >= 12
    referrals = F.list_referrals(demo_ctx)
    assert 50 <= len(referrals) <= 70
    assert {r["state"] for r in referrals} == {"待接收", "已接收", "未接收", "住院", "门诊处理", "已回转", "已结束"}
    assert {r["direction"] for r in referrals} == {"上转", "下转"}
    assert F.returns_needing_reassessment(demo_ctx)
    assert integrity_report(demo_ctx.db)["ok"]
    today = census(demo_ctx)
    in_hospital = {r.resident_id for r in today.residents if r.away == "住院"}
    assert {r["resident_id"] for r in referrals if r["state"] == "住院"} <= in_hospital


def test_symbols_the_cjk_font_draws_blank_print_with_the_fallback_font(ctx, home, tmp_path):
    """WenQuanYi draws ℃ as an empty glyph: "体温38.5℃" printed as "体温38.5 ". The slip now uses the fallback."""
    fid = admitted_to_hospital(ctx, home)
    data = F.slip_data(ctx, fid) | {"present_illness": "发热1天，体温38.5℃，血常规白细胞12×10⁹/L。"}
    path = write_referral_slip(tmp_path / "fever.pdf", data)
    text = slip_text(path)[0].replace(" ", "").replace("\n", "")
    assert "体温38.5℃" in text and "10⁹/L" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "YiyangSymbols" in fonts and "WenQuanYi" in fonts
