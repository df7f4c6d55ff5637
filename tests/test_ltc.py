"""长护险 levels and the monthly list through the services, on a real file: level changes keep history, overlaps are
refused, expiry warnings at 60 and 30 days, care days equal to the census day by day, and the Excel and PDF read
back."""
import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from factories import admitted, bed
from pypdf import PdfReader

from yiyang_desktop.domain.policy import to_data
from yiyang_desktop.services import ltc as LS
from yiyang_desktop.services import policy
from yiyang_desktop.services.base import Context, PermissionDenied, ValidationError
from yiyang_desktop.services.census import census
from yiyang_desktop.services.residents import end_leave, start_leave

D = dt.date
TODAY = D(2026, 11, 23)


def level(ctx, rid, start, end, name="重度失能Ⅱ级", place="重庆市渝中区"):
    return LS.add_level(ctx, rid, {"insured_place": place, "level": name, "certificate_no": "CQ2026-001",
                                   "valid_from": start, "valid_to": end})


def filled_profile(ctx, pid="cq-filled"):
    data = to_data(policy.get_profile(ctx, "chongqing-2023").profile)
    data.update(id=pid, title="重庆（已填写）")
    data["ltc"]["hospital_days"] = "deduct"
    data["ltc"]["levels"][0].update(day_yuan="50", fund_share="0.7")
    return policy.save_user_profile(ctx, data)


def test_a_change_of_level_keeps_the_old_one(ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    assert ctx.db.execute("SELECT ltc_insurance FROM residents WHERE id = ?", [rid]).fetchone()[0] == 0
    first = level(ctx, rid, D(2026, 1, 1), D(2026, 12, 31), "重度失能Ⅰ级")
    assert ctx.db.execute("SELECT ltc_insurance FROM residents WHERE id = ?", [rid]).fetchone()[0] == 1
    second = level(ctx, rid, D(2026, 6, 1), D(2027, 5, 31), "重度失能Ⅲ级")
    rows = LS.levels_of(ctx, rid)
    assert [(r["id"], r["level"], r["valid_from"], r["valid_to"]) for r in rows] == [
        (second, "重度失能Ⅲ级", "2026-06-01", "2027-05-31"), (first, "重度失能Ⅰ级", "2026-01-01", "2026-05-31")]
    with pytest.raises(ValidationError) as err:
        level(ctx, rid, D(2025, 6, 1), D(2026, 2, 1))   # would overlap the first from before it
    assert err.value.problems[0].field == "valid_from" and "重叠" in err.value.problems[0].message
    with pytest.raises(ValidationError) as err:
        LS.add_level(ctx, rid, {"insured_place": "", "level": "", "valid_from": D(2027, 1, 2), "valid_to": D(2027, 1, 1)})
    assert {p.field for p in err.value.problems} == {"insured_place", "level", "valid_to"}
    with pytest.raises(ValidationError, match="重叠"):   # the store's trigger is the safety net
        with ctx.transaction() as db:
            db["ltc_levels"].insert({"resident_id": rid, "insured_place": "x", "level": "x",
                                     "valid_from": "2026-03-01", "valid_to": "2026-03-02"})
    with pytest.raises(PermissionDenied):
        level(Context(ctx.db, user="n", role="护理", clock=ctx.clock), rid, D(2028, 1, 1), D(2028, 2, 1))


def test_expiry_warnings(ctx):
    people = {}
    for n, end in enumerate((TODAY, TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=31),
                             TODAY + dt.timedelta(days=60), TODAY + dt.timedelta(days=61)), 1):
        rid, _ = admitted(ctx, bed(ctx, "201", str(n)), D(2026, 1, 1), f"老人{n}")
        level(ctx, rid, D(2026, 1, 1), end)
        people[n] = rid
    renewed, _ = admitted(ctx, bed(ctx, "202", "1"), D(2026, 1, 1), "已续期")
    level(ctx, renewed, D(2026, 1, 1), TODAY + dt.timedelta(days=10))
    level(ctx, renewed, TODAY + dt.timedelta(days=11), TODAY + dt.timedelta(days=400))
    soon = LS.expiring_levels(ctx, TODAY, 60)
    assert [(r["name"], r["days_left"]) for r in soon] == [("老人1", 0), ("老人2", 30), ("老人3", 31), ("老人4", 60)]
    assert [r["name"] for r in LS.expiring_levels(ctx, TODAY, 30)] == ["老人1", "老人2"]
    assert [r["name"] for r in LS.insured_without_level(ctx, TODAY + dt.timedelta(days=1))] == ["老人1"]


def test_hospital_days_follow_the_census(ctx):
    rid, stay = admitted(ctx, bed(ctx), D(2026, 1, 1), "住院老人")
    level(ctx, rid, D(2026, 1, 1), D(2026, 12, 31))
    leave = start_leave(ctx, stay, {"kind": "住院", "start_date": D(2026, 3, 5), "destination": "医院"})
    end_leave(ctx, leave, {"end_date": D(2026, 3, 12)})
    filled_profile(ctx)
    lst = LS.compute_list(ctx, 2026, 3, "cq-filled")
    row = lst.rows[0]
    days = [D(2026, 3, d) for d in range(1, 32)]
    in_census = [d for d in days if any(r.resident_id == rid for r in census(ctx, d).residents)]
    in_hospital = [d for d in days if any(r.resident_id == rid and r.away == "住院" for r in census(ctx, d).residents)]
    assert (row.census_days, row.hospital_days) == (len(in_census), len(in_hospital)) == (31, 7)
    assert row.care_days == 24 and row.amount_fen == 24 * 5000 and row.fund_fen == 84000 and row.self_fen == 36000
    assert row.id_number.count("*") == 8  # masked on the list


def test_the_list_profile_and_a_profile_without_the_section(ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    level(ctx, rid, D(2026, 1, 1), D(2026, 12, 31))
    lst = LS.compute_list(ctx, 2026, 3)   # the active profile (鹤城区) has no 长护险 section
    assert not lst.configured and lst.rows == [] and "没有长期护理保险标准" in lst.problems[0]
    filled_profile(ctx)
    LS.set_list_profile(ctx, "cq-filled")
    assert LS.list_profile(ctx).id == "cq-filled" and LS.compute_list(ctx, 2026, 3).computed
    policy.delete_user_profile(ctx, "cq-filled")
    assert LS.list_profile(ctx).id == policy.active_profile_id(ctx)
    with pytest.raises(ValidationError, match="尚未开始"):
        LS.compute_list(ctx, 2026, 12)
    with pytest.raises(PermissionDenied):
        LS.set_list_profile(Context(ctx.db, user="r", role="登记员", clock=ctx.clock), "blank")


def test_files_read_back(ctx, tmp_path):
    for n, name in enumerate(("=HYPERLINK(\"x\")", "李桂兰"), 1):
        rid, _ = admitted(ctx, bed(ctx, "301", str(n)), D(2026, 1, 1), name)
        level(ctx, rid, D(2026, 1, 1), D(2026, 12, 31))
    gone, _ = admitted(ctx, bed(ctx, "301", "3"), D(2026, 1, 1), "已过期")
    level(ctx, gone, D(2025, 1, 1), D(2026, 2, 27))
    filled_profile(ctx)
    lst = LS.compute_list(ctx, 2026, 3, "cq-filled")
    files = LS.write_list_files(ctx, lst, tmp_path / "out", "康乐医养中心")
    assert [f.name for f in files] == ["长护险清单-2026-03.xlsx", "长护险清单-2026-03.pdf"]
    wb = openpyxl.load_workbook(files[0])
    ws = wb["长护险清单"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert "2026年3月长期护理保险结算清单" in values[0][0]
    names = [r[1] for r in values[3:5]]
    assert names == ["=HYPERLINK(\"x\")", "李桂兰"] and ws.cell(row=4, column=2).data_type == "s"  # text, never a formula
    total = next(r for r in values if r[0] == "合计")
    assert total[11] == Decimal("3100.00") == Decimal(lst.total_fen) / 100 and total[12] + total[13] == total[11]
    assert ws.cell(row=4, column=12).number_format == "#,##0.00" and ws.page_setup.orientation == "landscape"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    left_out = [[c.value for c in row] for row in wb["未列入清单的老人"].iter_rows()]
    assert any(r[1] == "已过期" and r[2] == "长护险等级已过期" for r in left_out)
    text = "".join(p.extract_text() for p in PdfReader(files[1]).pages)
    assert "李桂兰" in text and "3,100.00" in text and "已过期" in text and "长护险等级已过期" in text
    audit = ctx.db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'export'").fetchone()[0]
    assert audit == 2
    with pytest.raises(PermissionDenied):
        LS.write_list_files(Context(ctx.db, user="r", role="只读", clock=ctx.clock), lst, tmp_path / "no")
