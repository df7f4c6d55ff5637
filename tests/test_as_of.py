"""The as-of day (``--date``): every figure of an application or a return can be reproduced later, and the page,
the forms and the return files say which day the records were read for."""
import datetime as dt
import json
import subprocess
import sys

import openpyxl
import pytest
from conftest import db_location
from factories import admitted, bed

from yiyang_desktop.services import returns as RT
from yiyang_desktop.services.accounts import create_first_admin
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.institution import save_institution

D = dt.date


@pytest.fixture
def cli(ctx, db_path, monkeypatch):
    save_institution(ctx, {"name": "测试养老院", "uscc": "52431202MJJ000001M", "legal_rep": "李明",
                           "contact_phone": "0745-1234567", "address": "鹤城区", "ownership": "民办",
                           "kind": "养老机构", "license_no": "001", "operation_start_date": D(2024, 1, 1),
                           "bank_name": "农行", "bank_account": "622848", "region_code": "431202"})
    for n in range(3):
        admitted(ctx, bed(ctx, "101", str(n + 1)), D(2024, 6, 1), f"老人{n}", birth=D(1940, 1, 1))
    create_first_admin(ctx, "boss", "boss-pass")
    monkeypatch.setenv("YIYANG_USER", "boss")
    monkeypatch.setenv("YIYANG_PASSWORD", "boss-pass")
    where = db_location(ctx.db)
    ctx.db.close()

    def run(*args):
        out = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", where, *args],
                             capture_output=True, text=True, encoding="utf-8")
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)
    return run


def test_apply_with_a_date_counts_the_months_ended_by_then_and_says_so(cli, tmp_path):
    then = cli("apply", "operating-subsidy", "--year", "2025", "--profile", "hecheng-2021", "--date", "2025-07-15",
               "--out", str(tmp_path / "a"))
    assert then["as_of"] == "2025-07-15" and then["bed_months"] == 6 * 3 and then["amount_fen"] == 18 * 10000
    assert all("尚未结束" in then["month_notes"][str(m)] for m in range(7, 13))
    again = cli("apply", "operating-subsidy", "--year", "2025", "--profile", "hecheng-2021", "--date", "2025-07-15",
                "--out", str(tmp_path / "b"))
    assert again["amount_fen"] == then["amount_fen"]  # reproduced
    now = cli("apply", "operating-subsidy", "--year", "2025", "--profile", "hecheng-2021", "--out", str(tmp_path / "c"))
    assert now["bed_months"] == 36 and now["profile_version"] == 2 and now["profile_force"] == "2021-03-24 起"
    sheet = openpyxl.load_workbook(then["files"][0])["申请表"]
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert "hecheng-2021 第2版" in cells and "2021-03-24 起" in cells and "按 2025-07-15 的记录计算" in cells


def test_return_with_a_date(cli, tmp_path):
    june = cli("return", "--month", "2025-06", "--date", "2025-06-30", "--out", str(tmp_path))
    assert june["as_of"] == "2025-06-30" and june["month_complete"] is False and june["bed_months"] == 3
    later = cli("return", "--month", "2025-06", "--date", "2025-07-01")
    assert later["month_complete"] is True
    assert {k: v for k, v in later.items() if k not in ("as_of", "month_complete")} == \
        {k: v for k, v in june.items() if k not in ("as_of", "month_complete", "files")}
    sheet = openpyxl.load_workbook(june["files"][0]).worksheets[0]
    assert "按 2025-06-30 的记录计算" in str(sheet["A2"].value)


def test_a_return_cannot_be_asked_for_a_month_not_begun_by_the_as_of_day(ctx):
    with pytest.raises(ValidationError):
        RT.compute_return(ctx, 2025, 8, as_of=D(2025, 7, 31))
    assert RT.compute_return(ctx, 2025, 7, as_of=D(2025, 7, 31)).figures["as_of"] == "2025-07-31"
