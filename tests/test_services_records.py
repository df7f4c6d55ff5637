"""Use cases over a real SQLite file: beds with dated types, admissions, moves, leave, discharge, come-back."""
import datetime as dt

import pytest
from factories import admitted, bed, id_number, resident

from yiyang_desktop.services import beds as bedsvc
from yiyang_desktop.services import residents as R
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.census import census
from yiyang_desktop.services.institution import get_institution, save_institution
from yiyang_desktop.services.staff import create_staff, list_staff, staff_by_role

D = dt.date


def fields(err: ValidationError) -> dict:
    return err.by_field()


def test_bed_type_change_is_kept_as_history_and_census_uses_it(ctx):
    b = bed(ctx, service_date=D(2025, 1, 1))
    bedsvc.change_bed_type(ctx, b, {"date": D(2026, 3, 15), "bed_type": "医疗床位", "sub_type": "护理"})
    assert [h["bed_type"] for h in bedsvc.get_bed(ctx, b)["type_history"]] == ["养老床位", "医疗床位"]
    assert census(ctx, D(2026, 3, 14)).beds_by_type["养老床位"] == 1
    assert census(ctx, D(2026, 3, 15)).beds_by_type["医疗床位"] == 1


def test_bed_validation_messages_name_the_fields(ctx):
    with pytest.raises(ValidationError) as e:
        bedsvc.create_bed(ctx, {"room": "", "number": "1", "bed_type": "医疗床位", "provision": "租赁",
                                "service_date": "2026-02-30"})
    f = fields(e.value)
    assert "房间号" in f["room"] and "子类型" in f["sub_type"] and "租赁到期日" in f["lease_end_date"]
    assert "不是有效日期" in f["service_date"]
    bed(ctx)
    with pytest.raises(ValidationError, match="已存在"):
        bed(ctx)


def test_admit_move_leave_discharge_and_come_back(ctx):
    b1, b2 = bed(ctx, number="1"), bed(ctx, number="2")
    rid, stay = admitted(ctx, b1, D(2026, 1, 10))
    R.move_bed(ctx, stay, {"date": D(2026, 2, 1), "bed_id": b2})
    leave = R.start_leave(ctx, stay, {"kind": "住院", "start_date": D(2026, 3, 1), "destination": "县医院"})
    c = census(ctx, D(2026, 3, 5))
    assert [(r.bed_id, r.away) for r in c.residents] == [(b2, "住院")]
    R.end_leave(ctx, leave, {"end_date": D(2026, 3, 8)})
    R.discharge(ctx, stay, {"discharge_date": D(2026, 4, 1), "discharge_reason": "回家"})
    assert census(ctx, D(2026, 4, 1)).occupied_total == 0
    assert census(ctx, D(2026, 1, 31)).residents[0].bed_id == b1
    # Comes back: a new stay in the first bed.
    stay2 = R.admit(ctx, rid, {"admission_date": D(2026, 5, 1), "bed_id": b1})
    stays = R.get_resident(ctx, rid)["stays"]
    assert [s["id"] for s in stays] == [stay, stay2]
    assert [x["bed_id"] for x in stays[0]["beds"]] == [b1, b2]


def test_admission_refused_for_occupied_bed_and_overlapping_stay(ctx):
    b1, b2 = bed(ctx, number="1"), bed(ctx, number="2")
    rid, stay = admitted(ctx, b1, D(2026, 1, 10))
    other = resident(ctx, "李四")
    with pytest.raises(ValidationError) as e:
        R.admit(ctx, other, {"admission_date": D(2026, 2, 1), "bed_id": b1})
    assert "张三" in fields(e.value)["bed_id"]
    with pytest.raises(ValidationError) as e:
        R.admit(ctx, rid, {"admission_date": D(2026, 2, 1), "bed_id": b2})
    assert "尚未出院" in fields(e.value)["admission_date"]
    R.discharge(ctx, stay, {"discharge_date": D(2026, 3, 1), "discharge_reason": "回家"})
    with pytest.raises(ValidationError, match="重叠"):  # backdated admission inside the old stay
        R.admit(ctx, rid, {"admission_date": D(2026, 2, 20), "bed_id": b2})
    # Same-day turnover of the bed is fine.
    R.admit(ctx, other, {"admission_date": D(2026, 3, 1), "bed_id": b1})


def test_backdated_admission_refused_when_bed_taken_later(ctx):
    b = bed(ctx)
    admitted(ctx, b, D(2026, 6, 1))
    with pytest.raises(ValidationError, match="张三"):
        R.admit(ctx, resident(ctx, "王五"), {"admission_date": D(2026, 5, 1), "bed_id": b})


def test_bed_under_repair_or_not_in_service_cannot_take_a_resident(ctx):
    b = bed(ctx, service_date=D(2026, 2, 1))
    with pytest.raises(ValidationError, match="投入使用"):
        R.admit(ctx, resident(ctx), {"admission_date": D(2026, 1, 1), "bed_id": b})
    bedsvc.set_bed_status(ctx, b, {"date": D(2026, 3, 1), "status": "维修"})
    with pytest.raises(ValidationError, match="维修"):
        R.admit(ctx, resident(ctx, "赵六"), {"admission_date": D(2026, 2, 10), "bed_id": b})


def test_occupied_bed_cannot_be_set_under_repair_or_deleted(ctx):
    b = bed(ctx)
    admitted(ctx, b, D(2026, 1, 10))
    with pytest.raises(ValidationError, match="占用"):
        bedsvc.set_bed_status(ctx, b, {"date": D(2026, 2, 1), "status": "维修"})
    with pytest.raises(ValidationError, match="停用"):
        bedsvc.delete_bed(ctx, b)


def test_resident_id_number_checks(ctx):
    good = id_number(D(1945, 3, 2), "男")
    with pytest.raises(ValidationError) as e:
        R.create_resident(ctx, {"name": "张三", "sex": "女", "id_number": good, "birth_date": "1945-03-03",
                                "hukou_local": True})
    f = fields(e.value)
    assert "男" in f["sex"] and "1945-03-02" in f["birth_date"]
    with pytest.raises(ValidationError) as e:
        R.create_resident(ctx, {"name": "", "sex": "男", "id_number": good[:-1] + ("0" if good[-1] != "0" else "1")})
    assert "校验位" in fields(e.value)["id_number"] and "姓名" in fields(e.value)["name"]
    with pytest.raises(ValidationError) as e:  # 户籍 is chosen, never assumed
        R.create_resident(ctx, {"name": "张三", "sex": "男", "id_number": good.lower()})
    assert "请选择户籍" in fields(e.value)["hukou_local"]
    rid = R.create_resident(ctx, {"name": "张三", "sex": "男", "id_number": good.lower(), "hukou_local": False})
    assert R.get_resident(ctx, rid)["birth_date"] == "1945-03-02"
    with pytest.raises(ValidationError, match="已登记"):
        R.create_resident(ctx, {"name": "张三丰", "sex": "男", "id_number": good, "hukou_local": True})


def test_search_by_name_pinyin_initials_id_and_bed(ctx):
    b = bed(ctx, room="203")
    admitted(ctx, b, D(2026, 1, 10), name="张三")
    admitted(ctx, bed(ctx, room="101", number="2"), D(2026, 1, 10), name="李四")
    assert [r["name"] for r in R.list_residents(ctx, "zs")] == ["张三"]
    assert [r["name"] for r in R.list_residents(ctx, "lisi")] == ["李四"]
    assert [r["name"] for r in R.list_residents(ctx, "203")] == ["张三"]
    assert len(R.list_residents(ctx, "4312")) == 2


def test_discharged_residents_are_listed_only_on_request(ctx):
    rid, stay = admitted(ctx, bed(ctx), D(2026, 1, 10))
    R.discharge(ctx, stay, {"discharge_date": D(2026, 2, 1), "discharge_reason": "死亡"})
    assert R.list_residents(ctx) == []
    rows = R.list_residents(ctx, include_discharged=True)
    assert rows[0]["discharge_reason"] == "死亡" and not rows[0]["in_residence"]


def test_discharge_closes_open_leave_and_refuses_dates_before_current_bed(ctx):
    b1, b2 = bed(ctx, number="1"), bed(ctx, number="2")
    _, stay = admitted(ctx, b1, D(2026, 1, 10))
    R.move_bed(ctx, stay, {"date": D(2026, 2, 1), "bed_id": b2})
    R.start_leave(ctx, stay, {"kind": "请假外出", "start_date": D(2026, 2, 10)})
    with pytest.raises(ValidationError, match="2026-02-01"):
        R.discharge(ctx, stay, {"discharge_date": D(2026, 1, 20), "discharge_reason": "回家"})
    R.discharge(ctx, stay, {"discharge_date": D(2026, 2, 15), "discharge_reason": "其他"})
    leaves = R.get_resident(ctx, R.get_resident(ctx, 1)["id"])["stays"][0]["leaves"]
    assert leaves[0]["end_date"] == "2026-02-15"


def test_failed_use_case_saves_nothing(ctx):
    b = bed(ctx)
    rid = resident(ctx)
    before = ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0]
    with pytest.raises(ValidationError):
        R.admit(ctx, rid, {"admission_date": "2026-13-01", "bed_id": b})
    assert ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0] == before


def test_institution_profile_validation(ctx):
    with pytest.raises(ValidationError) as e:
        save_institution(ctx, {"name": "康乐院", "uscc": "91350100M000100Y44", "medical_facility": "医务室",
                               "building_area": "-5"})
    f = fields(e.value)
    assert "校验位" in f["uscc"] and "执业许可证" in f["medical_license_no"] and "建筑面积" in f["building_area"]
    save_institution(ctx, {"name": "康乐院", "uscc": "91350100M000100Y43", "ownership": "民办"})
    assert get_institution(ctx)["uscc"] == "91350100M000100Y43"


def test_staff_roles_counts_and_physician_first_registration(ctx):
    create_staff(ctx, {"name": "王医生", "role": "执业医师", "practice_cert_no": "110431200000001",
                       "first_registration": True, "start_date": D(2025, 1, 1)})
    create_staff(ctx, {"name": "护理员甲", "role": "护理员", "first_registration": True, "start_date": D(2025, 1, 1),
                       "end_date": D(2026, 6, 30)})
    with pytest.raises(ValidationError) as e:
        create_staff(ctx, {"name": "李医生", "role": "执业医师", "start_date": D(2025, 1, 1)})
    assert "执业证书" in fields(e.value)["practice_cert_no"]
    staff = list_staff(ctx)
    assert [s["name"] for s in staff] == ["王医生"] and staff[0]["first_registration"] == 1
    assert list_staff(ctx, include_left=True)[-1]["first_registration"] == 0  # only physicians carry the flag
    assert staff_by_role(ctx, D(2026, 6, 29))["护理员"] == 1
    assert staff_by_role(ctx, D(2026, 6, 30))["护理员"] == 0


def test_demo_institution_is_complete_and_consistent(demo_ctx):
    from yiyang_desktop.store.db import integrity_report, meta
    c = census(demo_ctx)
    assert 110 <= c.beds_total <= 130 and 85 <= c.occupied_total <= 110
    assert all(c.beds_by_type[t] > 0 for t in c.beds_by_type)
    assert c.away_total >= 1
    assert meta(demo_ctx.db, "is_demo") == "1"
    assert len(list_staff(demo_ctx)) == 15
    n = demo_ctx.db.execute
    assert n("SELECT COUNT(*) FROM stays WHERE discharge_date IS NOT NULL").fetchone()[0] > 30
    assert n("SELECT COUNT(DISTINCT discharge_reason) FROM stays").fetchone()[0] >= 3
    assert n("SELECT COUNT(*) FROM bed_assignments WHERE end_date IS NOT NULL AND stay_id IN "
             "(SELECT stay_id FROM bed_assignments GROUP BY stay_id HAVING COUNT(*) > 1)").fetchone()[0] > 0
    assert n("SELECT MIN(admission_date) FROM stays").fetchone()[0] <= "2024-11-23"
    assert integrity_report(demo_ctx.db)["ok"]
