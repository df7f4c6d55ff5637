"""Long tables of the PDF forms (exports/form_pdf.py): columns sized from their content, plain strings where a value
fits, wrapping only where it must, the header on top of every page, no value cut off."""
from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from yiyang_desktop.exports.form_pdf import _fit_widths, write_form_pdf
from yiyang_desktop.exports.forms import LAYOUTS, FormData


def test_fit_widths_fill_the_page_and_keep_what_fits():
    need, weights = [30.0, 90.0, 40.0], [1.0, 2.0, 1.0]
    widths = _fit_widths(need, weights, 400.0)
    assert sum(widths) == pytest.approx(400.0) and all(w >= n for w, n in zip(widths, need))
    squeezed = _fit_widths([30.0, 900.0, 40.0], weights, 400.0)
    assert sum(squeezed) == pytest.approx(400.0)
    assert squeezed[0] == 30.0 and squeezed[2] == 40.0 and squeezed[1] == pytest.approx(330.0)


def _roster_form(rows: int, long_reason: str) -> FormData:
    blocks = dict(LAYOUTS["operating-subsidy"])
    roster_cols = next(b[2] for b in blocks["附件 花名册"] if b[0] == "table")
    values = {k: "" for k in ("申请年度", "申请月份", "政策名称", "机构名称", "身份证显示", "表名")}
    values.update({"申请年度": 2025, "机构名称": "测试康养中心", "身份证显示": "已隐去中间位数"})
    roster = [{f: "" for _h, f in roster_cols} | {
        "月份": f"{1 + n % 12}月", "序号": n + 1, "姓名": f"长者{n}", "性别": "女", "年龄": 80,
        "身份证号": "431***********1845", "户籍": "本地", "类别": "特困", "能力等级": "能力轻度受损（轻度失能）",
        "床位": "1号楼-1层-101-1", "入住日期": "2024-06-01", "标准": "100.00", "计入月数": 12} for n in range(rows)]
    return FormData("operating-subsidy", values=values, tables={
        "月度床次": [{"月份": "1月", "床次": 1, "金额": "100.00", "说明": ""}], "花名册": roster,
        "未计入": [{"月份": "1月", "姓名": "某某", "床位": "1号楼-1层-101-1", "原因": long_reason}]})


def _pages(pdf, mode: str = "-layout") -> list[str]:
    text = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_a_long_roster_has_its_header_on_every_page_and_nothing_cut_off(tmp_path):
    reason = "入住后连续住院超过三十日，期间床位保留但不计入补贴；" * 6  # must wrap over several lines
    pdf = write_form_pdf(_roster_form(300, reason), tmp_path / "form.pdf")
    pages = _pages(pdf)
    roster_pages = [p for p in pages if "长者" in p]
    assert len(roster_pages) >= 5
    for page in roster_pages:  # one header per page: at the top, never again in the middle of a page
        assert page.count("入住日期") == 1 and page.index("入住日期") < page.index("长者")
    text = "".join(pages)
    assert all(f"长者{n}" in text for n in range(300))
    assert "431***********1845" in text and "1号楼-1层-101-1" in text  # whole values on one line, not cut
    flat = "".join("".join(_pages(pdf, "-raw")).split())  # in drawing order: a wrapped cell's lines in a row
    assert "能力轻度受损（轻度失能）" in flat
    assert "".join(reason.split()) in flat  # the long reason wrapped, every character kept


def test_approval_blocks_stay_with_their_table_and_pages_are_numbered(demo_ctx, tmp_path):
    """The offices' opinion blocks print on the page of the table they approve, never alone on a page of their own;
    every page says 第 k 页 共 N 页; tables with figures end in a 合计 row."""
    from yiyang_desktop.services import applications as A
    cases = (("insurance-designation", "是否符合", "市医疗保障局意见", False),  # 申请条件 has no 合计 row
             ("construction-subsidy", "每床标准（元）", "市财政局意见", True),
             ("operating-subsidy", "符合条件床次", "市民政、财政部门审核意见", True))
    for kind, table_head, last_review, total in cases:
        app = A.prepare(demo_ctx, kind, **({"year": 2026, "months": [1, 2, 3]} if kind == "operating-subsidy" else {}))
        pdf = write_form_pdf(app.form, tmp_path / f"{kind}.pdf")
        pages = [p.extract_text().replace(" ", "").replace("\n", "") for p in PdfReader(str(pdf)).pages]
        for k, text in enumerate(pages, start=1):
            assert f"第{k}页共{len(pages)}页" in text, (kind, k)
        page = next(text for text in pages if last_review in text)
        assert table_head in page and ("合计" in page) == total, kind
