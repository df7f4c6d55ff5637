"""Every exported workbook printed through LibreOffice (soffice --headless --convert-to pdf) reads right on paper.

The demo institution's applications (建设补贴, 运营补贴, 医保定点), its 月报, the 能力等级 list, the audit export and
the import template are converted to PDF, and the text of each page (pdftotext -layout) is checked: every figure is
there as a whole token (never run into its neighbour, "34" into "204000.00"), rows in order, the 合计 rows add up to
the application's amount, and every page carries the whole footer "第 k 页 共 N 页".

LibreOffice is a test-only package (scripts/test.sh installs libreoffice-calc-nogui); without it these tests are
skipped, unless YIYANG_REQUIRE_SOFFICE=1 (set by scripts/test.sh) makes its absence a failure."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("YIYANG_REQUIRE_SOFFICE") == "1"
pytestmark = [pytest.mark.skipif(not SOFFICE and not REQUIRED,
                                 reason="LibreOffice (soffice) is not installed; scripts/test.sh installs it"),
              pytest.mark.sqlite_only(reason="printing a workbook does not depend on the store (test_pg_equal "
                                             "compares the workbooks' cells across engines)")]
FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def token(text: str) -> str:
    """A regex for ``text`` as a whole whitespace-separated token."""
    return r"(?<!\S)" + re.escape(text) + r"(?!\S)"


def row(*cells: str) -> re.Pattern:
    """Cells of one printed row: whole tokens, in order, separated by spaces on one line."""
    return re.compile(r"[ \t]+".join(token(c) for c in cells) if len(cells) > 1 else token(cells[0]))


def money(value) -> str:
    return f"{Decimal(str(value).replace(',', '')):,.2f}"


def in_order(text: str, patterns: list[re.Pattern], what: str) -> None:
    at = 0
    for p in patterns:
        m = p.search(text, at)
        assert m, f"{what}: {p.pattern} 未按顺序出现"
        at = m.end()


@pytest.fixture(scope="module")
def printed(demo_master, tmp_path_factory):
    """name → (the Application or data it came from, [text of each page])."""
    assert SOFFICE, "LibreOffice (soffice) is required here: apt-get install libreoffice-calc-nogui"
    from yiyang_desktop.clock import FixedClock
    from yiyang_desktop.exports.grades_xlsx import write_grades_xlsx
    from yiyang_desktop.exports.import_templates import write_template
    from yiyang_desktop.services import applications as A
    from yiyang_desktop.services import audit
    from yiyang_desktop.services import returns as RT
    from yiyang_desktop.services.assessment_reports import grade_rows
    from yiyang_desktop.services.base import Context
    from yiyang_desktop.store.db import open_db
    from conftest import TODAY
    root = tmp_path_factory.mktemp("print")
    shutil.copy(demo_master, root / "demo.db")
    ctx = Context(open_db(root / "demo.db", create=False), user="tester", role="管理员", clock=FixedClock(TODAY))
    out = root / "xlsx"
    made = {}
    for kind, kw in (("construction-subsidy", {}), ("operating-subsidy", {"year": 2026, "months": [1, 2, 3]}),
                     ("insurance-designation", {})):
        app = A.prepare(ctx, kind, **kw)
        xlsx = A.write(ctx, app, out, allow_missing=True)[0]
        made[kind] = (app, xlsx)
    ret = RT.compute_return(ctx, 2026, 10)
    made["return"] = (ret, RT.write_files(ctx, ret, out)[0])
    grades = grade_rows(ctx)
    made["grades"] = (grades, write_grades_xlsx(out / "grades.xlsx", "演示", TODAY.isoformat(), grades))
    entries = audit.query(ctx, limit=120)
    made["audit"] = (entries, Path(audit.export_xlsx(ctx, out / "audit.xlsx", limit=120)["path"]))
    made["import"] = (None, write_template(out / "import.xlsx"))
    from yiyang_desktop.services import ltc as LS
    lst = LS.compute_list(ctx, 2026, 10)
    made["ltc"] = (lst, LS.write_list_files(ctx, lst, out)[0])
    ctx.db.close()
    conf = root / "fonts.conf"  # the program's own fonts for LibreOffice; 宋体 (the workbooks' font) → WenQuanYi
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{FONTS}</dir><cachedir>{root / "fc"}</cachedir>
<alias binding="same"><family>宋体</family><prefer><family>WenQuanYi Micro Hei</family></prefer></alias>
</fontconfig>""", encoding="utf-8")
    env = os.environ | {"FONTCONFIG_FILE": str(conf), "HOME": str(root)}
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{root / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(root / "pdf"), *[str(x) for _d, x in made.values()]],
                   check=True, capture_output=True, env=env, timeout=240)
    result = {}
    for name, (data, xlsx) in made.items():
        pdf = root / "pdf" / (xlsx.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {xlsx.name}"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        pages = [subprocess.run(["pdftotext", "-layout", "-f", str(k), "-l", str(k), str(pdf), "-"],
                                capture_output=True, text=True, check=True).stdout for k in range(1, n + 1)]
        result[name] = (data, pages)
    return result


def test_every_page_of_every_workbook_has_the_whole_footer(printed):
    for name, (_data, pages) in printed.items():
        for k, text in enumerate(pages, start=1):
            # whole (the text of a clipped overlong audit cell may share its line in the PDF's text)
            assert re.search(rf"第\s*{k}\s*页\s*共\s*{len(pages)}\s*页", text), (name, k, text[-200:])


def test_construction_figures_print_whole_and_in_order(printed):
    app, pages = printed["construction-subsidy"]
    text = "\n".join(pages)
    totals = app.form.tables["补贴测算"]
    in_order(text, [row(money(t["每床标准"]), str(t["床位数"]), money(t["金额"])) for t in totals], "补贴测算")
    amount = money(app.form.values["申请金额"])
    assert row("合计", str(sum(t["床位数"] for t in totals)), amount).search(text)
    beds = app.form.tables["床位清单"]
    in_order(text, [row(str(b["序号"]), b["床位"]) for b in beds], "床位清单")
    assert len(re.findall(r"(?<!\S)\d{1,3}(,\d{3})*\.\d{2}(?!\S)", "\n".join(pages[1:]))) >= len(beds)
    assert sum(Decimal(b["金额"]) for b in beds) == Decimal(app.form.values["申请金额"])
    assert row("合计", amount).search(text)  # the 床位清单's own total


def test_operating_figures_and_roster_print_whole_and_in_order(printed):
    app, pages = printed["operating-subsidy"]
    text = "\n".join(pages)
    in_order(text, [row(m["月份"], str(m["床次"]), money(m["金额"])) for m in app.form.tables["月度床次"]], "月度床次")
    roster = app.form.tables["花名册"]
    in_order(text, [row(r["姓名"], r["性别"], str(r["年龄"]), r["身份证号"]) for r in roster], "花名册")
    total = sum(Decimal(r["标准"]) for r in roster)
    assert total == Decimal(app.form.values["申请金额"]) and row("合计", money(total)).search(text)


def test_insurance_tables_print_whole(printed):
    app, pages = printed["insurance-designation"]
    text = "\n".join(pages)
    staff = app.form.tables["卫生技术人员"]
    in_order(text, [row(s["岗位"]) for s in staff], "卫生技术人员")
    assert row("合计", str(sum(s["人数"] for s in staff))).search(text)
    for label in ("医疗保障经办机构意见", "市医疗保障局意见"):
        assert label in text


def test_monthly_return_summary_and_signature(printed):
    from yiyang_desktop.exports.return_xlsx import PCT, summary_rows
    ret, pages = printed["return"]
    text = "\n".join(pages)
    checks = [row(label.strip("　"), f"{value:.1f}" if unit == PCT else str(value), unit)  # 81.1: one place
              for _s, label, value, unit, _n in summary_rows(ret.figures) if value is not None and unit]
    in_order(text, checks, "汇总")
    roster_starts = text.index("月末在住名单")  # the detail sheets follow the 汇总 (their page header names them)
    for label in ("填表人：", "负责人（签字）：", "联系电话：", "填报日期：", "（单位盖章）"):
        assert label in text[:roster_starts], label
    in_order(text, [row(r["name"]) for r in ret.details["roster"]], "月末在住名单")
    assert row(f"合计 {len(ret.details['roster'])} 人".split()[0], str(len(ret.details["roster"])), "人").search(text)


def test_grade_list_audit_and_import_template(printed):
    grades, pages = printed["grades"]
    text = "\n".join(pages)
    in_order(text, [row(g["name"], g["sex"], str(g["age"])) for g in grades], "能力等级")
    assert row("合计", str(len(grades)), "人").search(text)
    entries, pages = printed["audit"]
    in_order("\n".join(pages), [row(str(e["id"]), e["at"][:10]) for e in entries], "审计记录")
    _none, pages = printed["import"]
    text = "\n".join(pages)
    for header in ("填写说明", "工作表", "列名", "格式 / 可选值"):
        assert header in text


def test_ltc_list_prints_whole_and_adds_up(printed):
    lst, pages = printed["ltc"]
    text = "\n".join(pages)
    assert lst.computed and lst.rows
    in_order(text, [row(r.name) for r in lst.rows], "长护险清单")
    for r in lst.rows:  # each resident's figures whole and in order on one line
        yuan = [money(Decimal(f) / 100) for f in (r.day_fen, r.amount_fen, r.fund_fen, r.self_fen)]
        assert row(str(r.census_days), str(r.hospital_days), str(r.care_days), *yuan).search(text), r.name
    assert lst.fund_total_fen + lst.self_total_fen == lst.total_fen
    assert row("合计", str(sum(r.census_days for r in lst.rows)), str(sum(r.hospital_days for r in lst.rows)),
               str(lst.care_days_total)).search(text)
    totals = [money(Decimal(f) / 100) for f in (lst.total_fen, lst.fund_total_fen, lst.self_total_fen)]
    assert row(*totals).search(text)
    for label in ("制表人：", "审核人：", "机构（盖章）："):
        assert label in text
    assert "未列入原因" in text and lst.excluded[0].name in text
