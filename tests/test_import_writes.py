"""The import's own writes of beds and residents (services/import_writer.py): the same refusals as the services,
checked on in-memory maps that follow the rows already written, nothing half-written, audit rows for everything."""
from __future__ import annotations

import datetime as dt

from factories import admitted, bed, id_number, write_book

from yiyang_desktop.services import audit
from yiyang_desktop.services import importer as I
from yiyang_desktop.services.beds import bed_free_problem, set_bed_status

D = dt.date
BED_HEAD = ["楼栋", "楼层", "房间号", "床号", "床位类型", "投入使用日期"]
RES_HEAD = ["姓名", "身份证号", "户籍", "入住日期", "床位"]




def test_a_bed_taken_by_an_earlier_row_of_the_same_file(ctx, tmp_path):
    a, b = id_number(D(1940, 1, 1)), id_number(D(1941, 1, 1))
    result = I.import_workbook(ctx, write_book(tmp_path / "台账.xlsx", {
        "床位": [BED_HEAD, ["1号楼", 1, 101, 1, "养老床位", D(2020, 1, 1)]],
        "入住老人": [RES_HEAD, ["甲", a, "本地", D(2024, 1, 1), "1号楼-1层-101-1"],
                    ["乙", b, "本地", D(2025, 1, 1), "1号楼-1层-101-1"]]}))
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("入住老人", 3, "床位")]
    assert "已由 甲 入住" in result.problems[0].message
    assert ctx.db.execute("SELECT COUNT(*) FROM beds").fetchone()[0] == 0  # all or nothing


def test_refusals_match_the_service_for_status_and_service_date(ctx, tmp_path):
    repair = bed(ctx, room="201", number="1", service_date=D(2020, 1, 1))
    set_bed_status(ctx, repair, {"date": D(2023, 1, 1), "status": "维修"})
    later = bed(ctx, room="202", number="1", service_date=D(2025, 6, 1))
    rows = [RES_HEAD, ["甲", id_number(D(1940, 2, 2)), "本地", D(2024, 1, 1), "1号楼-1层-201-1"],
            ["乙", id_number(D(1940, 3, 3)), "本地", D(2024, 1, 1), "1号楼-1层-202-1"]]
    result = I.import_workbook(ctx, write_book(tmp_path / "台账.xlsx", {"入住老人": rows}))
    expected = [bed_free_problem(ctx, repair, D(2024, 1, 1), None).message,
                bed_free_problem(ctx, later, D(2024, 1, 1), None).message]
    assert [p.message for p in result.problems] == expected
    assert "维修" in expected[0] and "2025-06-01" in expected[1]


def test_a_refused_admission_writes_no_resident(ctx, tmp_path):
    """The resident and the admission are both checked before the first insert: an assessment row of a person
    whose admission was refused points at that row instead of finding a half-written resident."""
    taken = bed(ctx, room="301", number="1")
    admitted(ctx, taken, D(2024, 1, 1), name="已住")
    number = id_number(D(1939, 9, 9))
    result = I.import_workbook(ctx, write_book(tmp_path / "台账.xlsx", {
        "入住老人": [RES_HEAD, ["丙", number, "本地", D(2024, 6, 1), "1号楼-1层-301-1"]],
        "历史评估": [["身份证号", "评估标准", "评估日期", "最终等级"], [number, "GB/T 42195-2022", D(2025, 1, 1), "轻度失能"]]}))
    assert [(p.sheet, p.row) for p in result.problems] == [("入住老人", 2), ("历史评估", 2)]
    assert "第2行有问题" in result.problems[1].message
    assert ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0] == 1


def test_every_imported_record_is_audited_and_reimport_adds_nothing(ctx, tmp_path):
    path = write_book(tmp_path / "台账.xlsx", {
        "床位": [BED_HEAD] + [["2号楼", 1, 100 + n, 1, "护理型床位", D(2020, 1, 1)] for n in range(30)],
        "入住老人": [RES_HEAD] + [[f"老人{n}", id_number(D(1940, 1, 1) + dt.timedelta(days=n)), "本地", D(2024, 1, 2),
                                   f"2号楼-1层-{100 + n}-1"] for n in range(30)]})
    result = I.import_workbook(ctx, path)
    assert result.ok and result.added == {"床位": 30, "入住老人": 30}
    logged = dict(ctx.db.execute("SELECT tbl, COUNT(*) FROM audit_log WHERE user = 'tester' "
                                 "AND action IN ('insert', 'update', 'delete') GROUP BY tbl").fetchall())
    assert logged == {"beds": 30, "bed_type_changes": 30, "residents": 30, "stays": 30, "bed_assignments": 30}
    assert audit.verify_chain(ctx.db)["ok"]
    again = I.import_workbook(ctx, path)
    assert again.ok and again.added == {} and again.skipped == {"床位": 30, "入住老人": 30}
    assert ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0] == 30
    names = ctx.db.execute("SELECT name_initials, name_pinyin FROM residents WHERE name = '老人1'").fetchone()
    assert names[0].startswith("lr") and names[1].startswith("laoren")
