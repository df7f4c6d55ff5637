"""Import of existing Excel ledgers: real .xlsx files written with openpyxl, imported into a real SQLite file,
checked by reopening the file; all-or-nothing, re-import without duplicates, the template, the command line."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import other_connection
from factories import admitted, bed, id_number, resident, write_book
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yiyang_desktop.domain.ids import uscc_check_char
from yiyang_desktop.exports.import_templates import write_template
from yiyang_desktop.services import assessments as A
from yiyang_desktop.services import importer as I
from yiyang_desktop.services.assessment_reports import report_data
from yiyang_desktop.services.base import ServiceError
from yiyang_desktop.services.census import census
from yiyang_desktop.services.residents import list_residents

D = dt.date
TODAY = D(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent
ID1 = id_number(D(1940, 3, 4), "女")
ID2 = id_number(D(1938, 7, 9), "男")
ID3 = id_number(D(1945, 1, 2), "女")
STAFF_ID = id_number(D(1980, 2, 3), "女")
USCC = "91430100MA4L12345" + uscc_check_char("91430100MA4L12345")
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")  # typed with a Chinese input method
TABLES = ("beds", "residents", "stays", "bed_assignments", "staff", "partners", "assessments")


def good_sheets() -> dict[str, list[list]]:
    """A small ledger of every kind, with the cell types real files bring (dates as dates, text and numbers)."""
    return {
        "床位": [
            ["楼栋", "楼层", "房间号", "床号", "床位类型", "医疗床位子类型", "床位来源", "租赁到期日", "投入使用日期"],
            ["1号楼", 2, 201, 1, "护理型床位", None, "新建", None, dt.datetime(2020, 1, 1)],
            ["1号楼", 2, 201, 2, "医疗床位", "康复", "租赁", "2030/12/31", "2020-01-01"],
            ["1号楼", 2, 202, 1, " 养老床位 ", None, None, None, 20200101],
        ],
        "入住老人": [
            ["姓名", "身份证号", "性别", "户籍", "人员类别", "医疗保险", "长护险", "入住日期", "床位", "紧急联系人",
             "与老人关系", "联系人电话"],
            ["王秀英", ID1, None, "本地", "低保、特困", "城乡居民", "是", D(2024, 3, 1), "1号楼-2层-201-1", "李明", "儿子",
             "13800000000"],
            ["张 三", f" {ID2.lower()} ", "男", "外地", None, None, None, "2024年3月2日", "1号楼 2 201-2", None, None, None],
            ["刘芳", ID3.translate(FULL_WIDTH), None, "本地", None, None, "否", "2024.3.5", "1号楼-2层-202-1"],
        ],
        "人员": [
            ["姓名", "身份证号", "岗位", "职称", "执业证书编号", "第一注册地", "用工方式", "入职日期"],
            ["赵丽", STAFF_ID, "注册护士", "护师", None, None, "全职", D(2022, 5, 1)],
            ["孙医生", None, "执业医师", "主治医师", "110430100000123", "是", "兼职", "2023-01-15"],
        ],
        "合作医疗机构": [
            ["机构名称", "统一社会信用代码", "机构类别", "医院等级", "医保定点", "距离（公里）", "车程（分钟）", "联系人",
             "联系人电话"],
            ["某某县人民医院", USCC, "综合医院", "二级", "是", 3.5, 10, "钱医生", "13900000000"],
            ["城关镇卫生院", None, "乡镇卫生院", None, "否", None, None, None, None],
        ],
        "历史评估": [
            ["身份证号", "姓名", "评估标准", "评估日期", "评估原因", "最终等级", "总分", "评估员1"],
            [ID1, "王秀英", "GB/T 42195-2022", D(2025, 6, 10), None, "轻度失能", 70, "周评估"],
            [ID2, None, "Barthel 指数（日常生活活动能力）", "2025-07-01", "首次评估", 2, 55, None],
        ],
    }




def counts(ctx) -> dict[str, int]:
    """Rows per table as another connection sees the store (only committed data): ``ctx`` a context, or the path
    of a data file."""
    con = other_connection(getattr(ctx, "db", ctx))
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


@pytest.fixture
def good(tmp_path) -> Path:
    return write_book(tmp_path / "台账.xlsx", good_sheets())


# --- a good workbook ------------------------------------------------------------------------------------------
def test_good_workbook_imports_everything_exactly_once(ctx, db_path, good):
    result = I.import_workbook(ctx, good)
    assert result.ok and result.committed, result.report()
    assert result.added == {"床位": 3, "人员": 2, "合作医疗机构": 2, "入住老人": 3, "历史评估": 2}
    assert counts(ctx) == {"beds": 3, "residents": 3, "stays": 3, "bed_assignments": 3, "staff": 2, "partners": 2,
                               "assessments": 2}

    people = {r["name"]: r for r in list_residents(ctx)}
    assert set(people) == {"王秀英", "张三", "刘芳"}  # the space typed inside 张 三 is gone
    assert people["王秀英"]["bed"] == "1号楼-2层-201-1" and people["王秀英"]["categories"] == ["特困", "低保"]
    assert people["张三"]["bed"] == "1号楼-2层-201-2" and people["张三"]["hukou_local"] == 0
    assert people["张三"]["id_number"] == ID2 and people["刘芳"]["id_number"] == ID3
    assert people["刘芳"]["admission_date"] == "2024-03-05" and people["王秀英"]["sex"] == "女"
    c = census(ctx, D(2024, 3, 31))
    assert c.to_json()["occupied_total"] == 3
    beds = {(b["room"], b["number"]): b for b in ctx.db.query("SELECT * FROM beds")}
    assert beds[("201", "2")]["provision"] == "租赁" and beds[("201", "2")]["lease_end_date"] == "2030-12-31"
    assert beds[("202", "1")]["service_date"] == "2020-01-01" and beds[("201", "1")]["floor"] == "2"
    doc = next(ctx.db.query("SELECT * FROM staff WHERE name = '孙医生'"))
    assert doc["first_registration"] == 1 and doc["employment"] == "兼职" and doc["start_date"] == "2023-01-15"
    partner = next(ctx.db.query("SELECT * FROM partners WHERE uscc IS NOT NULL"))
    assert partner["insurance_designated"] == 1 and partner["travel_minutes"] == 10 and partner["distance_km"] == "3.5"

    again = I.import_workbook(ctx, good)
    assert again.ok and again.added == {}
    assert again.skipped == {"床位": 3, "人员": 2, "合作医疗机构": 2, "入住老人": 3, "历史评估": 2}
    assert {p.message for p in again.skipped_rows} == {"已存在，跳过"}
    assert counts(ctx)["residents"] == 3 and counts(ctx)["assessments"] == 2


def test_paper_assessments_are_completed_records_marked_imported(ctx, good):
    assert I.import_workbook(ctx, good).ok
    rid = ctx.db.execute("SELECT id FROM residents WHERE id_number = ?", [ID1]).fetchone()[0]
    a = A.history(ctx, rid)[0]
    assert a["status"] == "完成" and a["instrument_id"] == "gbt42195-2022" and a["final_grade"] == 1
    assert a["final_grade_name"] == "能力轻度受损（轻度失能）" and a["total"] == 70 and a["reason"] == "常规评估"
    assert a["result"]["imported"] is True and a["answers"] == {} and a["note"].startswith("按纸质记录导入")
    assert A.latest_completed(ctx)[rid]["id"] == a["id"]  # counts as the current grade
    report = report_data(ctx, a["id"])  # the report still renders: scores shown as —
    assert report["final_grade"] == "能力轻度受损（轻度失能）" and {i["score"] for i in report["indicators"]} == {"—"}
    barthel = A.history(ctx, ctx.db.execute("SELECT id FROM residents WHERE id_number = ?", [ID2]).fetchone()[0])[0]
    assert barthel["final_grade"] == 2 and barthel["reason"] == "首次评估"


def test_dry_run_counts_but_writes_nothing(ctx, db_path, good):
    result = I.import_workbook(ctx, good, dry_run=True)
    assert result.ok and not result.committed and result.added["入住老人"] == 3
    assert set(counts(ctx).values()) == {0}


# --- one bad row anywhere: nothing is imported, the report names sheet / row / column -----------------------------
BAD = [
    ("入住老人", 3, "身份证号", ID1[:-1] + ("0" if ID1[-1] != "0" else "1"), "校验位"),
    ("入住老人", 4, "身份证号", 4.30102194005061e17, "存成了数字"),
    ("入住老人", 3, "入住日期", "2024-13-01", "不是有效日期"),
    ("入住老人", 2, "户籍", None, "请填写户籍"),
    ("入住老人", 3, "床位", "9号楼-1层-999-1", "找不到床位"),
    ("入住老人", 4, "床位", "1号楼-2层-201-1", "已由 王秀英 入住"),
    ("入住老人", 2, "人员类别", "低保、富人", "不在可选范围：特困、低保"),
    ("床位", 3, "床位类型", "普通床", "不在可选范围：养老床位、护理型床位、医疗床位、家庭养老床位"),
    ("床位", 3, "租赁到期日", None, "租赁的床位请填写租赁到期日"),
    ("人员", 2, "岗位", None, "请填写岗位"),
    ("人员", 3, "执业证书编号", None, "医师请填写医师执业证书编号"),
    ("人员", 2, "第一注册地", "也许", "应填“是”或“否”"),
    ("合作医疗机构", 2, "统一社会信用代码", USCC[:-1] + ("0" if USCC[-1] != "0" else "1"), "校验位"),
    ("合作医疗机构", 2, "车程（分钟）", 5000, "0至1440之间的整数"),
    ("历史评估", 2, "最终等级", "优秀", "不是“老年人能力评估规范（GB/T 42195-2022）”的等级"),
    ("历史评估", 3, "评估日期", "2030-01-01", "今天或之前"),
    ("历史评估", 2, "评估标准", "某地自定量表", "不在可选范围"),
    ("历史评估", 2, "姓名", "王小英", "与本行姓名不一致"),
]


@pytest.mark.parametrize("sheet,data_row,column,value,expected", BAD, ids=[f"{b[0]}-{b[2]}-{b[4]}" for b in BAD])
def test_one_bad_cell_imports_nothing_and_names_the_cell(ctx, db_path, tmp_path, sheet, data_row, column, value,
                                                          expected):
    sheets = good_sheets()
    header = sheets[sheet][0]
    sheets[sheet][data_row - 1][header.index(column)] = value
    result = I.import_workbook(ctx, write_book(tmp_path / "bad.xlsx", sheets))
    assert not result.ok and not result.committed
    assert set(counts(ctx).values()) == {0}, "all or nothing: earlier sheets' rows were rolled back too"
    first = result.problems[0]
    assert (first.sheet, first.row, first.column) == (sheet, data_row, column), result.report()
    assert expected in first.message
    assert f"工作表“{sheet}”第{data_row}行“{column}”列" in result.report()


def test_problems_in_several_sheets_are_all_reported_at_once(ctx, tmp_path):
    sheets = good_sheets()
    sheets["床位"][1][4] = "普通床"             # this bed fails…
    sheets["人员"][1][7] = "去年"                # …a date fails…
    sheets["历史评估"][2][0] = id_number(D(1950, 1, 1))  # …and nobody has this ID number
    result = I.import_workbook(ctx, write_book(tmp_path / "bad.xlsx", sheets))
    where = [(p.sheet, p.row, p.column) for p in result.problems]
    assert where == [("床位", 2, "床位类型"), ("入住老人", 2, "床位"), ("人员", 2, "入职日期"), ("历史评估", 2, "身份证号"),
                     ("历史评估", 3, "身份证号")]
    # a row that depends on a refused row points at the row to fix, not a vague "not found"
    assert "床位“1号楼-2层-201-1”在“床位”表第2行有问题" in result.problems[1].message
    assert "这位老人在“入住老人”表第2行有问题" in result.problems[3].message
    assert "没有身份证号为" in result.problems[4].message


def test_duplicate_rows_in_the_file(ctx, tmp_path):
    sheets = good_sheets()
    sheets["床位"].append(["1号楼", "2层", "201", "1", "养老床位", None, None, None, "2020-01-01"])
    sheets["入住老人"].append(["王秀英", ID1, None, "本地", None, None, None, "2024-03-01", "1号楼-2层-202-1"])
    sheets["人员"].append(["赵丽", STAFF_ID, "护理员", None, None, None, None, "2022-05-01"])
    result = I.import_workbook(ctx, write_book(tmp_path / "dup.xlsx", sheets))
    assert [(p.sheet, p.row, p.column, p.message) for p in result.problems] == [
        ("床位", 5, "床号", "与第2行重复"), ("入住老人", 5, "身份证号", "与第2行重复"), ("人员", 4, "姓名", "与第2行重复")]


def test_same_record_twice_under_different_keys(ctx, tmp_path):
    """The second row matches the record the first row just made: a duplicate in the file, not "already there"."""
    sheets = good_sheets()
    sheets["人员"].append(["赵丽", None, "注册护士", None, None, None, None, D(2022, 5, 1)])
    sheets["合作医疗机构"].append(["县医院", USCC.lower(), "综合医院", None, None, None, None, None, None])
    result = I.import_workbook(ctx, write_book(tmp_path / "dup.xlsx", sheets))
    assert [(p.sheet, p.row, p.message) for p in result.problems] == [
        ("人员", 4, "与第2行重复"), ("合作医疗机构", 4, "与第2行重复")]


def test_an_id_number_registered_to_someone_else(ctx, tmp_path):
    rid = resident(ctx, "李四", birth=D(1940, 3, 4))
    number = ctx.db.execute("SELECT id_number FROM residents WHERE id = ?", [rid]).fetchone()[0]
    sheets = {"入住老人": good_sheets()["入住老人"][:2], "历史评估": good_sheets()["历史评估"][:2]}
    sheets["入住老人"][1][1] = sheets["历史评估"][1][0] = number
    result = I.import_workbook(ctx, write_book(tmp_path / "x.xlsx", sheets))
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("入住老人", 2, "身份证号"), ("历史评估", 2, "姓名")]
    assert "已登记在老人“李四”名下" in result.problems[0].message


def test_bed_taken_in_the_database_on_that_date(ctx, tmp_path):
    b = bed(ctx, room="201", number="1", building="1号楼", floor="2")
    admitted(ctx, b, D(2024, 1, 1), name="已住老人")
    result = I.import_workbook(ctx, write_book(tmp_path / "x.xlsx", {"入住老人": good_sheets()["入住老人"][:2]}))
    assert [(p.row, p.column) for p in result.problems] == [(2, "床位")]
    assert "已由 已住老人 入住" in result.problems[0].message


def test_existing_records_are_skipped_and_a_registered_resident_is_admitted(ctx, tmp_path):
    b = bed(ctx, room="201", number="1", building="1号楼", floor="2")
    rid = resident(ctx, "王秀英", birth=D(1940, 3, 4))  # registered by hand, never admitted
    number = ctx.db.execute("SELECT id_number FROM residents WHERE id = ?", [rid]).fetchone()[0]
    rows = good_sheets()["入住老人"][:2]
    rows[1][1] = number
    result = I.import_workbook(ctx, write_book(tmp_path / "x.xlsx", {"入住老人": rows}))
    assert result.ok and result.added == {"入住老人": 1}
    assert ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0] == 1
    assert ctx.db.execute("SELECT bed_id FROM bed_assignments").fetchone()[0] == b
    rows[1][7] = "2025-01-01"  # in residence since 2024-03-01: left as it is
    again = I.import_workbook(ctx, write_book(tmp_path / "y.xlsx", {"入住老人": rows}))
    assert again.ok and again.added == {} and "自 2024-03-01 起在住" in again.skipped_rows[0].message


def test_staff_without_id_number_match_by_name_and_start_date(ctx, tmp_path):
    rows = [["姓名", "岗位", "入职日期"], ["钱护理", "护理员", "2021-03-01"]]
    assert I.import_workbook(ctx, write_book(tmp_path / "a.xlsx", {"人员": rows})).added == {"人员": 1}
    assert I.import_workbook(ctx, write_book(tmp_path / "b.xlsx", {"人员": rows})).skipped == {"人员": 1}


def test_header_problems_unknown_sheets_and_columns(ctx, tmp_path):
    path = write_book(tmp_path / "h.xlsx", {
        "床位": [["楼栋", "房间号", "床位类型", "颜色"], ["1号楼", "101", "养老床位", "蓝"]],
        "杂项": [["随便"]],
    })
    result = I.import_workbook(ctx, path)
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("床位", 1, "床号"), ("床位", 1, "投入使用日期")]
    assert result.problems[0].message == "缺少必填的列“床号”"
    assert {(w.sheet, w.column) for w in result.warnings} == {("床位", "颜色"), ("杂项", "")}
    nothing = I.import_workbook(ctx, write_book(tmp_path / "n.xlsx", {"Sheet1": [["a", "b"]]}))
    assert "没有可导入的工作表" in nothing.problems[0].message


def test_headers_marked_required_and_title_rows_are_understood(ctx, tmp_path):
    path = write_book(tmp_path / "t.xlsx", {"床位": [["某某养老院床位台账"], [], ["*房间号", "床号（必填）", "床位类型", "投入使用日期"],
                                                  ["101", "1", "养老床位", "2020-01-01"]]})
    result = I.import_workbook(ctx, path)
    assert result.ok and result.added == {"床位": 1}


# --- the template -------------------------------------------------------------------------------------------------
def test_template_round_trip(ctx, db_path, tmp_path):
    path = write_template(tmp_path / "模板.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["说明", "床位", "入住老人", "人员", "合作医疗机构", "历史评估", "选项"]
    assert wb["选项"].sheet_state == "hidden"
    explained = {c.value for row in wb["说明"].iter_rows() for c in row if c.value}
    for sheet in I.SHEETS:
        ws = wb[sheet.name]
        assert [c.value for c in ws[1]] == list(sheet.headers)
        assert ws.cell(2, 1).value == "示例"
        assert set(sheet.headers) <= explained
        lists = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation if dv.type == "list"}
        for i, col in enumerate(sheet.columns, start=1):
            if col.kind == "choice":
                letter = openpyxl.utils.get_column_letter(i)
                dv = lists[f"{letter}3"]
                ref = dv.formula1.split("!")[1].replace("$", "")
                assert [c.value for c in wb["选项"][ref.split(":")[0][0]] if c.value] == list(col.options)
    # fill rows under the example, as a home would
    good = good_sheets()
    for sheet in I.SHEETS:
        ws = wb[sheet.name]
        header, *rows = good[sheet.name]
        for r in rows:
            ws.append([dict(zip(header, r)).get(h) for h in sheet.headers])
    wb.save(path)
    result = I.import_workbook(ctx, path)
    assert result.ok, result.report()
    assert result.added == {"床位": 3, "人员": 2, "合作医疗机构": 2, "入住老人": 3, "历史评估": 2}
    assert not ctx.db.execute("SELECT 1 FROM residents WHERE name = '王秀英' AND id_number = ?", [I.EXAMPLE_ID]).fetchone()


def test_template_examples_are_valid_rows(ctx):
    """The example row would import cleanly if it were not marked 示例 (it teaches the right format)."""
    for sheet in I.SHEETS:
        cells = {c.header: c.example for c in sheet.columns}
        _, problems = I.check_row(sheet, cells, TODAY)
        assert problems == [], (sheet.name, problems)


def test_docs_name_every_header():
    doc = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    for sheet in I.SHEETS:
        assert f"## {sheet.name}" in doc
        for h in sheet.headers:
            assert f"| {h} |" in doc, (sheet.name, h)
    assert "docs/import.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- files that are not what they claim ----------------------------------------------------------------------------
def test_corrupt_and_foreign_files_give_a_clear_message(ctx, db_path, tmp_path, good):
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    not_xlsx = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_xlsx, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    cases = {
        "text.xlsx": (b"\xe5\xa7\x93\xe5\x90\x8d,\xe5\xba\x8a\xe4\xbd\x8d\n", "不是 Excel 工作簿"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "旧的 .xls 格式"),
        "empty.xlsx": (b"", "不是 Excel 工作簿"),
    }
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    expect = {**{n: m for n, (_, m) in cases.items()}, "cut.xlsx": "已损坏", "other.xlsx": "已损坏",
              "missing.xlsx": "无法读取文件"}
    for name, message in expect.items():
        with pytest.raises(ServiceError) as err:
            I.import_workbook(ctx, tmp_path / name)
        assert message in str(err.value), name
    assert set(counts(ctx).values()) == {0}


# --- size -------------------------------------------------------------------------------------------------------
def test_five_thousand_residents(ctx, db_path, tmp_path):
    n = 5000
    beds = [["楼栋", "楼层", "房间号", "床号", "床位类型", "投入使用日期"]]
    people = [["姓名", "身份证号", "户籍", "入住日期", "床位"]]
    for i in range(n):
        floor, room, number = i // 400 + 1, 100 + i // 4, i % 4 + 1
        beds.append(["1号楼", floor, room, number, "养老床位", D(2020, 1, 1)])
        people.append([f"老人{i}", id_number(D(1930 + i % 40, 1 + i % 12, 1 + i % 28)), "本地", D(2024, 1, 1),
                       f"1号楼-{floor}层-{room}-{number}"])
    path = write_book(tmp_path / "big.xlsx", {"床位": beds, "入住老人": people})
    result = I.import_workbook(ctx, path)
    assert result.ok and result.added == {"床位": n, "入住老人": n}
    assert counts(ctx)["bed_assignments"] == n
    assert census(ctx, D(2024, 1, 1)).to_json()["occupied_total"] == n


# --- property-based: any cell gives a value or a clear problem, never an exception -----------------------------------
cells = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20), st.floats(allow_nan=True),
    st.text(max_size=40), st.dates(min_value=D(1, 1, 1)), st.datetimes(), st.times(),
    st.from_regex(r"\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*", fullmatch=True),
    st.from_regex(r"\d{17}[0-9Xx]", fullmatch=True),
    st.builds(lambda s: "110101" + s, st.text(st.characters(categories=("Nd", "No")), min_size=12, max_size=12)),
    st.sampled_from(["是", "否", "本地", "外地", "养老床位", "医疗床位", "康复", "租赁", "低保、特困", "执业医师",
                     "轻度失能", "GB/T 42195-2022", "Barthel", "1号楼-2层-201-1", "示例", ID1]),
)


def _is_problem(p) -> bool:
    return isinstance(p, str) and p.strip() != "" and any("\u4e00" <= ch <= "\u9fff" for ch in p)


@given(cells)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_cell_parsers_never_raise(value):
    for parse in (I.parse_date, lambda v: I.parse_id(v, TODAY), I.parse_flag,
                  lambda v: I.parse_choice(v, ("是", "否")), lambda v: I.parse_multi(v, ("低保", "特困")),
                  lambda v: I.parse_int(v, 0, 1440)):
        got, problem = parse(value)
        assert problem is None or (_is_problem(problem) and got in (None, []))
    text = I.clean_text(value)
    assert text is None or (isinstance(text, str) and text == text.strip() and text)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_dates_in_every_spelling(d):
    spellings = [d, dt.datetime(d.year, d.month, d.day), d.isoformat(), f"{d.year}/{d.month}/{d.day}",
                 f" {d.year}年{d.month}月{d.day}日 ", f"{d:%Y.%m.%d}", int(f"{d:%Y%m%d}"), f"{d:%Y%m%d}",
                 (d - D(1899, 12, 30)).days]
    for s in spellings:
        assert I.parse_date(s) == (d, None), s


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2020, 12, 31)), st.sampled_from(["男", "女"]))
def test_id_numbers_as_text_int_and_float(birth, sex):
    number = id_number(birth, sex)
    assert I.parse_id(number, TODAY)[0].number == number
    assert I.parse_id(f" {number.lower()} ", TODAY)[0].number == number
    if number[-1] != "X":
        assert I.parse_id(int(number), TODAY)[0].number == number  # an exact integer keeps every digit
    info, problem = I.parse_id(float(number[:17] + "0"), TODAY)
    assert info is None and "存成了数字" in problem


@given(st.text(st.characters(categories=("Nd", "No")).filter(str.isdigit), min_size=3, max_size=3))
def test_id_numbers_with_digits_of_other_scripts(digits):
    """isdigit() accepts ᧚ or ²; the check-digit arithmetic must never see them."""
    info, problem = I.parse_id("11010119400101" + digits + "0", TODAY)
    assert (info is None) == (problem is not None)


sheet_rows = st.sampled_from(I.SHEETS).flatmap(
    lambda s: st.tuples(st.just(s), st.dictionaries(st.sampled_from(s.headers), cells, max_size=len(s.headers))))


@given(sheet_rows)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_row_checks_never_raise(sheet_and_cells):
    sheet, row = sheet_and_cells
    data, problems = I.check_row(sheet, row, TODAY)
    assert isinstance(data, dict)
    for column, message in problems:
        assert column in sheet.headers and _is_problem(message)
    required_empty = [c.header for c in sheet.columns if c.required and I.clean_text(row.get(c.header)) is None]
    for h in required_empty:
        assert any(col == h for col, _ in problems), h


@given(st.lists(st.tuples(st.sampled_from(["1号楼", "", "A座"]), st.sampled_from(["", "1", "2层"]),
                          st.sampled_from(["101", "2"]), st.sampled_from(["1", "2"])), max_size=4))
def test_bed_label_keys(beds):
    """A bed's label as the app shows it matches the bed, whatever separators are typed."""
    for building, floor, room, number in beds:
        label = "-".join(x for x in (building, (floor if floor.endswith("层") else floor + "层") if floor else "",
                                     room, number) if x)
        assert I.bed_label_key(label) == I._bed_key_of(building, floor, room, number)
        assert I.bed_label_key(label.replace("-", " ")) == I.bed_label_key(label)


def _rows_near_the_examples(sheet):
    """Rows made from the template's valid example with any cells replaced by anything."""
    def cell(c):
        return cells if c.kind == "seq" else st.one_of(st.just(c.example), st.just(c.example), cells)
    return st.lists(st.tuples(*(cell(c) for c in sheet.columns)), min_size=1, max_size=3)


@given(st.fixed_dictionaries({s.name: _rows_near_the_examples(s) for s in I.SHEETS}))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
def test_whole_import_of_any_rows_never_raises(ctx, book):
    """Rows near valid ones through every check and every service: problems or additions, never an exception,
    and a dry run leaves the file as it was."""
    before = counts_in(ctx)
    result = I.import_book(ctx, {name: [I.SHEETS_BY_NAME[name].headers, *rows] for name, rows in book.items()},
                           dry_run=True)
    for p in result.problems:
        assert p.column in I.SHEETS_BY_NAME[p.sheet].headers or p.column == "", p
        assert _is_problem(p.message), p
    assert result.ok == (not result.problems) and not result.committed and counts_in(ctx) == before


def counts_in(ctx) -> dict[str, int]:
    return {t: ctx.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_nested_transactions_are_savepoints(ctx, db_path):
    """What the import relies on: an inner Context.transaction that fails rolls back only its own writes, and the
    outer one decides for all (sqlite-utils db.atomic() issues SAVEPOINT when a transaction is already open)."""
    from yiyang_desktop.services.base import ValidationError
    from yiyang_desktop.services.beds import create_bed
    data = {"room": "101", "number": "1", "bed_type": "养老床位", "service_date": D(2020, 1, 1)}
    with pytest.raises(RuntimeError):
        with ctx.transaction():
            create_bed(ctx, data)
            with pytest.raises(ValidationError):
                with ctx.transaction() as db:
                    db["beds"].insert({"room": "999", "number": "9", "service_date": "2020-01-01"})
                    create_bed(ctx, data)  # refused: already exists (the inner insert goes with it)
            assert ctx.db.execute("SELECT room FROM beds").fetchall() == [("101",)]
            assert counts(ctx)["beds"] == 0  # not visible outside before the outer commit
            raise RuntimeError("outer fails")
    assert counts(ctx)["beds"] == 0 and not ctx.db.conn.in_transaction


# --- command line -------------------------------------------------------------------------------------------------
def run(*args):
    env = os.environ | {"YIYANG_USER": "boss", "YIYANG_PASSWORD": "boss-pass"}  # the administrator made by init
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=env)


def test_cli_import(tmp_path, good):
    db = tmp_path / "cli.db"
    assert run("--db", db, "init", "--admin-user", "boss").returncode == 0
    tpl = run("import-template", "--out", tmp_path / "t.xlsx")
    assert tpl.returncode == 0 and json.loads(tpl.stdout)["sheets"][0] == "床位"
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "说明"

    sheets = good_sheets()
    sheets["入住老人"][2][1] = ID2[:-1] + ("0" if ID2[-1] != "0" else "1")
    bad = run("--db", db, "import", write_book(tmp_path / "bad.xlsx", sheets))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "工作表“入住老人”第3行“身份证号”列：身份证号校验位不对" in bad.stderr
    assert json.loads(bad.stdout)["problems"][0]["row"] == 3
    assert set(counts(db).values()) == {0}

    dry = run("--db", db, "import", good, "--dry-run")
    assert dry.returncode == 0 and json.loads(dry.stdout)["added"]["入住老人"] == 3
    assert set(counts(db).values()) == {0}
    out = run("--db", db, "import", good)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["committed"] is True and counts(db)["residents"] == 3
    again = run("--db", db, "import", good)
    assert json.loads(again.stdout)["skipped"]["入住老人"] == 3 and counts(db)["residents"] == 3

    (tmp_path / "junk.xlsx").write_bytes(b"junk")
    junk = run("--db", db, "import", tmp_path / "junk.xlsx")
    assert junk.returncode == 2 and "不是 Excel 工作簿" in junk.stderr and "Traceback" not in junk.stderr


def test_readme_lists_every_template_column():
    """The README names each sheet's columns (required ones starred) exactly as the template has them."""
    from yiyang_desktop.services.importer import SHEETS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("模板的工作表和列名"):]
    for sheet in SHEETS:
        line = next(ln for ln in section.splitlines() if ln.startswith(f"- **{sheet.name}**："))
        listed = line.split("：", 1)[1].split("、")
        assert listed == [c.header + ("*" if c.required else "") for c in sheet.columns if c.header != "序号"], sheet.name
