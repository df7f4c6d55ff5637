"""A resident called =HYPERLINK(…) or =cmd|… is a name, never a live formula, in every exported workbook (issue 15).

The names go in through the service (as a clerk would type them); the 月报, the 运营补贴 花名册, the 能力等级 list and
the audit export are written and their XML is read back: no cell of any sheet holds a formula (<f>), and each name
is stored as text exactly as typed, marked quotePrefix so that Excel/WPS keep it text when the cell is edited."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from yiyang_desktop.exports.grades_xlsx import write_grades_xlsx
from yiyang_desktop.services import applications as A
from yiyang_desktop.services import audit
from yiyang_desktop.services import returns as RT
from yiyang_desktop.services.assessment_reports import grade_rows
from yiyang_desktop.services.census import census
from yiyang_desktop.services.residents import get_resident, update_resident

NAMES = ['=HYPERLINK("http://x.cn","点我")', "=cmd|' /C calc'!A0", "+1+1", "-2-3", "@SUM(A1:A9)",
         "=1+1"]


def formulas(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [f"{n}: {m.group(0)[:60]}" for n in z.namelist() if n.startswith("xl/worksheets/")
                for m in re.finditer(r"<f[ >].*?</f>", z.read(n).decode("utf-8"))]


def name_cells(path) -> dict[str, list]:
    wb = openpyxl.load_workbook(path)
    found: dict[str, list] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in NAMES:
                    found.setdefault(c.value, []).append(c)
    return found


def test_names_that_look_like_formulas_stay_text_in_every_export(demo_ctx, tmp_path):
    on = demo_ctx.today()
    people = census(demo_ctx, on).residents[:len(NAMES)]
    for person, name in zip(people, NAMES):
        update_resident(demo_ctx, person.resident_id, get_resident(demo_ctx, person.resident_id) | {"name": name})
    ret = RT.compute_return(demo_ctx, on.year, on.month - 1)
    month_xlsx = RT.write_files(demo_ctx, ret, tmp_path / "returns")[0]
    app = A.prepare(demo_ctx, "operating-subsidy", year=on.year, months=[on.month - 1])
    form_xlsx = A.write(demo_ctx, app, tmp_path / "forms", allow_missing=True)[0]
    grades_xlsx = write_grades_xlsx(tmp_path / "grades.xlsx", "演示", on.isoformat(), grade_rows(demo_ctx))
    audit_xlsx = Path(audit.export_xlsx(demo_ctx, tmp_path / "audit.xlsx", limit=200)["path"])  # recorded too
    for path in (month_xlsx, form_xlsx, grades_xlsx, audit_xlsx):
        assert formulas(path) == [], path.name
    for path in (month_xlsx, form_xlsx, grades_xlsx):
        cells = name_cells(path)
        assert set(cells) == set(NAMES), (path.name, set(NAMES) - set(cells))
        for cell in (c for found in cells.values() for c in found):
            assert cell.data_type == "s" and cell.quotePrefix, (path.name, cell.coordinate, cell.value)
    changes = " ".join(str(c.value) for row in openpyxl.load_workbook(audit_xlsx).active.iter_rows() for c in row)
    assert "=cmd|' /C calc'!A0" in changes


def test_the_writer_keeps_text_text_and_numbers_numbers(tmp_path):
    from decimal import Decimal

    from yiyang_desktop.exports import workbook as W
    wb = W.new_workbook()
    ws = wb.active
    values = [("=SUM(1,2)", "text"), ("+86 138", "text"), ("430102199001011234", "text"), (12345678, "money"),
              ("204000.00", "money"), (Decimal("0.10"), "money"), (34, "count"), ("2026-11-23", "date"),
              ("—", "money"), ("是", "count"), ("bad\x01char", "text")]
    for r, (v, kind) in enumerate(values, start=1):
        W.set_value(ws.cell(r, 1), v, kind)
    wb.save(tmp_path / "t.xlsx")
    assert formulas(tmp_path / "t.xlsx") == []
    got = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    col = [got.cell(r, 1) for r in range(1, len(values) + 1)]
    assert [c.value for c in col[:3]] == ["=SUM(1,2)", "+86 138", "430102199001011234"]
    assert all(c.data_type == "s" and c.quotePrefix for c in col[:3])
    assert [c.value for c in col[3:6]] == [123456.78, 204000, 0.1] and {c.number_format for c in col[3:6]} == {"#,##0.00"}
    assert col[6].value == 34 and col[6].number_format == "0"
    assert col[7].is_date and col[7].number_format == "yyyy-mm-dd"
    assert (col[8].value, col[9].value, col[10].value) == ("—", "是", "badchar")
