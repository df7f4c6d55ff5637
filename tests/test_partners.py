"""Partners, agreements (status, renewal, termination, scans) and the visit log, through the services."""
import datetime as dt
import sqlite3

import factories
import pytest
from conftest import INTEGRITY_ERRORS

from yiyang_desktop.domain.ids import uscc_check_char
from yiyang_desktop.paths import data_dir
from yiyang_desktop.services import partners as P
from yiyang_desktop.services import visits as V
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.residents import discharge
from yiyang_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION

D = dt.date


def partner(ctx, name="怀化市第一人民医院", **kw):
    return P.create_partner(ctx, {"name": name, "kind": "综合医院", "level": "三级", **kw})


def agreement_data(pid, start=D(2026, 1, 1), end=D(2026, 12, 31), **kw):
    return {"partner_id": pid, "signed_date": start, "valid_from": start, "valid_to": end,
            "services": [{"service": "上门巡诊", "frequency": "每周", "times": 1}, {"service": "双向转诊"}], **kw}


def fields(err: ValidationError) -> dict:
    return err.value.by_field()


def count(ctx, table):
    return ctx.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_the_migration_is_registered():
    assert "m_medical" in [m.__name__ for m in MIGRATIONS] and SCHEMA_VERSION == len(MIGRATIONS)


def test_partner_checks_every_field(ctx):
    with pytest.raises(ValidationError) as err:
        P.create_partner(ctx, {"name": "", "kind": "诊所", "uscc": "12345", "distance_km": "远",
                               "travel_minutes": "x", "contacts": [{"name": "", "phone": "1"}]})
    got = fields(err)
    assert set(got) == {"name", "kind", "uscc", "distance_km", "travel_minutes", "contacts"}
    assert count(ctx, "partners") == 0


def test_partner_with_contacts_and_valid_uscc(ctx):
    uscc = "12431200445880012"
    pid = partner(ctx, uscc=uscc + uscc_check_char(uscc), insurance_designated=True, distance_km="4.5",
                  travel_minutes=15, contacts=[{"name": "张卫东", "role": "医务科", "phone": "0745-1"}, {}])
    p = P.get_partner(ctx, pid)
    assert (p["insurance_designated"], p["distance_km"], p["travel_minutes"]) == (1, "4.5", 15)
    assert p["contacts"] == [{"name": "张卫东", "role": "医务科", "phone": "0745-1"}]
    with pytest.raises(ValidationError) as err:
        partner(ctx)
    assert "已登记过" in fields(err)["name"]


def test_agreement_end_before_start_is_refused_and_nothing_is_saved(ctx):
    pid = partner(ctx)
    with pytest.raises(ValidationError) as err:
        P.create_agreement(ctx, agreement_data(pid, start=D(2026, 6, 1), end=D(2026, 5, 31)))
    assert fields(err)["valid_to"] == "到期日期不能早于生效日期"
    assert count(ctx, "agreements") == count(ctx, "agreement_services") == 0


def test_agreement_services_and_fees_are_checked(ctx):
    pid = partner(ctx)
    with pytest.raises(ValidationError) as err:
        P.create_agreement(ctx, agreement_data(pid, services=[]))
    assert "至少勾选" in fields(err)["services"]
    with pytest.raises(ValidationError) as err:
        P.create_agreement(ctx, agreement_data(pid, services=[
            {"service": "上门巡诊"}, {"service": "急诊急救应急通道"}, {"service": "其他"}],
            fees=[{"item": "巡诊费", "payer": "养老机构", "basis": "按次", "amount": "-5"}, {"amount": "3"}]))
    messages = [p.message for p in err.value.problems]
    assert any("巡诊频次" in m for m in messages) and any("响应时间" in m for m in messages)
    assert any("写明内容" in m for m in messages) and any("金额" in m for m in messages)
    assert any("收费项目" in m for m in messages)
    aid = P.create_agreement(ctx, agreement_data(pid, number="XY-1", services=[
        {"service": "急诊急救应急通道", "response_minutes": 30}, {"service": "上门巡诊", "frequency": "每月", "times": 2}],
        fees=[{"item": "巡诊费", "payer": "养老机构", "basis": "按次", "amount": "200.5"}]))
    a = P.get_agreement(ctx, aid)
    assert [s["service"] for s in a["services"]] == ["上门巡诊", "急诊急救应急通道"]  # in checklist order
    assert a["services"][0]["times"] == 2 and a["services"][1]["response_minutes"] == 30
    assert a["fees"][0]["amount_fen"] == 20050 and a["fees"][0]["amount"] == "200.50"
    with pytest.raises(ValidationError) as err:
        P.create_agreement(ctx, agreement_data(pid, number="XY-1"))
    assert "已存在" in fields(err)["number"]


def test_agreement_status_over_time_and_the_warning_setting(ctx):
    pid = partner(ctx)
    aid = P.create_agreement(ctx, agreement_data(pid, start=D(2026, 1, 1), end=D(2027, 1, 10)))
    status = {on: P.get_agreement(ctx, aid, on)["status"] for on in
              (D(2025, 12, 31), D(2026, 6, 1), D(2026, 11, 23), D(2027, 1, 10), D(2027, 1, 11))}
    assert list(status.values()) == ["未生效", "生效", "即将到期", "即将到期", "已到期"]
    assert P.expiry_warning_days(ctx) == 60
    P.set_expiry_warning_days(ctx, 30)
    assert P.get_agreement(ctx, aid)["status"] == "生效"  # 48 days left today
    with pytest.raises(ValidationError):
        P.set_expiry_warning_days(ctx, 400)
    assert P.list_partners(ctx)[0]["agreement_status"] == "生效"


def test_renewal_is_a_new_agreement_linked_to_the_old_one(ctx):
    pid = partner(ctx)
    old = P.create_agreement(ctx, agreement_data(pid, start=D(2025, 12, 1), end=D(2026, 11, 30), our_duties="提供场所"))
    assert [a["id"] for a in P.expiring_agreements(ctx)] == [old]
    defaults = P.renewal_defaults(ctx, old)
    assert (defaults["valid_from"], defaults["valid_to"]) == (D(2026, 12, 1), D(2027, 11, 30))
    assert defaults["our_duties"] == "提供场所" and len(defaults["services"]) == 2
    new = P.renew_agreement(ctx, old, defaults)
    assert P.get_agreement(ctx, new)["renews_id"] == old
    assert P.get_agreement(ctx, old)["renewed_by"]["id"] == new
    assert P.get_agreement(ctx, new)["status"] == "未生效"
    assert P.expiring_agreements(ctx) == []  # renewed: no more warning
    assert P.get_agreement(ctx, old, D(2026, 12, 1))["status"] == "已到期"
    assert P.get_agreement(ctx, new, D(2026, 12, 1))["status"] == "生效"
    with pytest.raises(ValidationError) as err:
        P.renew_agreement(ctx, old, defaults)
    assert "已续签过" in str(err.value)
    with pytest.raises(ValidationError) as err:
        P.renew_agreement(ctx, new, defaults | {"valid_from": D(2026, 12, 1)})
    assert "生效日期须晚于" in fields(err)["valid_from"]


def test_termination(ctx):
    pid = partner(ctx)
    aid = P.create_agreement(ctx, agreement_data(pid))
    with pytest.raises(ValidationError) as err:
        P.terminate_agreement(ctx, aid, {"terminated_on": D(2026, 7, 1)})
    assert "termination_reason" in fields(err)
    with pytest.raises(ValidationError) as err:
        P.terminate_agreement(ctx, aid, {"terminated_on": D(2025, 7, 1), "termination_reason": "x"})
    assert "早于生效日期" in fields(err)["terminated_on"]
    P.terminate_agreement(ctx, aid, {"terminated_on": D(2026, 7, 1), "termination_reason": "对方停业"})
    assert P.get_agreement(ctx, aid, D(2026, 6, 30))["status"] == "生效"
    assert P.get_agreement(ctx, aid, D(2026, 7, 1))["status"] == "已终止"
    with pytest.raises(ValidationError):
        P.renew_agreement(ctx, aid, agreement_data(pid, start=D(2027, 1, 1), end=D(2027, 12, 31)))


def test_a_partner_with_records_cannot_be_deleted(ctx):
    pid = partner(ctx)
    P.create_agreement(ctx, agreement_data(pid))
    with pytest.raises(ValidationError) as err:
        P.delete_partner(ctx, pid)
    assert "1 份合作协议" in str(err.value) and "不能删除" in str(err.value)
    assert P.get_partner(ctx, pid)
    with pytest.raises(INTEGRITY_ERRORS):  # the foreign key holds even without the service's check
        ctx.db.execute("DELETE FROM partners WHERE id = ?", [pid])
    other = partner(ctx, "空的医院", contacts=[{"name": "甲", "phone": "1"}])
    P.delete_partner(ctx, other)
    assert [p["id"] for p in P.list_partners(ctx)] == [pid] and count(ctx, "partner_contacts") == 0


def test_a_partner_with_a_visit_cannot_be_deleted(ctx):
    pid = partner(ctx)
    V.log_visit(ctx, {"visit_date": D(2026, 11, 1), "partner_id": pid, "doctor": "王医生"})
    with pytest.raises(ValidationError) as err:
        P.delete_partner(ctx, pid)
    assert "1 次巡诊记录" in str(err.value)


def test_scan_is_copied_with_its_hash_and_checked_when_opened(ctx, tmp_path):
    pid = partner(ctx)
    aid = P.create_agreement(ctx, agreement_data(pid))
    src = tmp_path / "协议扫描.PDF"
    src.write_bytes(b"%PDF-1.4 signed agreement")
    fid = P.add_agreement_scan(ctx, aid, src)
    row = P.get_agreement(ctx, aid)["files"][0]
    stored = data_dir() / row["stored_name"]
    assert stored.parent == P.attachments_dir() and stored.suffix == ".pdf" and stored.read_bytes() == src.read_bytes()
    assert len(row["sha256"]) == 64 and row["original_name"] == "协议扫描.PDF" and row["size"] == src.stat().st_size
    src.write_bytes(b"changed later")  # the original may change: the copy is what counts
    assert P.scan_file(ctx, fid) == (stored, P.SCAN_OK)
    with pytest.raises(ValidationError):
        P.add_agreement_scan(ctx, aid, stored)  # same content twice
    stored.write_bytes(b"tampered")
    assert P.scan_file(ctx, fid)[1] == P.SCAN_CHANGED
    stored.unlink()
    assert P.scan_file(ctx, fid)[1] == P.SCAN_MISSING
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError):
        P.add_agreement_scan(ctx, aid, empty)
    with pytest.raises(ValidationError):
        P.add_agreement_scan(ctx, aid, tmp_path / "nope.pdf")
    P.remove_agreement_scan(ctx, fid)
    assert P.get_agreement(ctx, aid)["files"] == []


def test_visits_only_for_residents_living_here_that_day(ctx):
    pid = partner(ctx)
    aid = P.create_agreement(ctx, agreement_data(pid))
    b1, b2 = factories.bed(ctx, number="1"), factories.bed(ctx, number="2")
    r1, s1 = factories.admitted(ctx, b1, D(2026, 1, 1), name="张三")
    r2, s2 = factories.admitted(ctx, b2, D(2026, 5, 1), name="李四")
    discharge(ctx, s1, {"discharge_date": D(2026, 9, 30), "discharge_reason": "回家"})
    with pytest.raises(ValidationError) as err:
        V.log_visit(ctx, {"visit_date": D(2026, 4, 1), "partner_id": pid, "doctor": "王医生", "resident_ids": [r1, r2]})
    assert "李四 在 2026-04-01 不在院" in fields(err)["resident_ids"]
    with pytest.raises(ValidationError) as err:
        V.log_visit(ctx, {"visit_date": D(2026, 11, 24), "partner_id": None, "doctor": ""})
    assert set(fields(err)) == {"visit_date", "partner_id", "doctor"}
    assert count(ctx, "visits") == 0
    v1 = V.log_visit(ctx, {"visit_date": D(2026, 9, 30), "partner_id": pid, "doctor": "王医生", "resident_ids": [r1, r2]})
    V.log_visit(ctx, {"visit_date": D(2026, 10, 7), "partner_id": pid, "doctor": "王医生", "resident_ids": [r2]})
    V.log_visit(ctx, {"visit_date": D(2026, 10, 14), "partner_id": pid, "doctor": "杨医生", "resident_ids": []})
    v = V.get_visit(ctx, v1)
    assert v["resident_ids"] == [r2, r1] and v["agreement_id"] == aid  # by pinyin: 李四, 张三
    assert V.visit_month_counts(ctx, D(2026, 9, 1), D(2026, 10, 31)) == [
        {"month": "2026-09", "visits": 1, "resident_times": 2}, {"month": "2026-10", "visits": 2, "resident_times": 1}]
    V.update_visit(ctx, v1, {"visit_date": D(2026, 9, 30), "partner_id": pid, "doctor": "王医生", "resident_ids": [r2]})
    assert V.get_visit(ctx, v1)["resident_ids"] == [r2]
    V.delete_visit(ctx, v1)
    assert [x["visit_date"] for x in V.list_visits(ctx)] == ["2026-10-14", "2026-10-07"]
    assert [r["id"] for r in V.residents_in_residence(ctx, D(2026, 9, 30))] == [r2, r1]  # discharge day included
    assert [r["id"] for r in V.residents_in_residence(ctx, D(2026, 10, 1))] == [r2]


def test_coverage_summary_is_what_a_compliance_check_reads(ctx):
    assert P.coverage_summary(ctx)["partners_signed"] == []
    pid = partner(ctx)
    P.create_agreement(ctx, agreement_data(pid, start=D(2026, 1, 1), end=D(2027, 12, 31)))
    V.log_visit(ctx, {"visit_date": D(2026, 11, 20), "partner_id": pid, "doctor": "王医生"})
    s = P.coverage_summary(ctx)
    assert s["partners_signed"] == ["怀化市第一人民医院"] and s["has_referral_agreement"]
    assert not s["has_emergency_channel"] and s["visits_last_30_days"] == 1
    assert float(s["agreed_visits_per_30_days"]) == pytest.approx(30 / 7, abs=0.05)
