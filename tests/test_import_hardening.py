"""Import files that used to crash, mislead or over-fill: zip bombs, error cells, formulas without values, text too
long, a broken instrument file, a full disk. Each gets a plain Chinese message (exit 2 on the command line, or the
problem list with the cell's address) and nothing is written."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

import factories
from test_import import TABLES, counts, good_sheets
from yiyang_desktop.domain import assessment as AS
from yiyang_desktop.services import importer as I
from yiyang_desktop.services import residents as R
from yiyang_desktop.services.base import ServiceError, ValidationError
from yiyang_desktop.services.partners import create_partner

ROOT = Path(__file__).resolve().parent.parent


def _replace_sheet(path: Path, out: Path, sheet_xml_writer) -> Path:
    """Copy an .xlsx, replacing the first worksheet's XML by what ``sheet_xml_writer(file)`` streams."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with dst.open(info.filename, "w", force_zip64=True) as f:
                    sheet_xml_writer(f)
            else:
                dst.writestr(info, src.read(info.filename))
    return out


HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main">')


def bomb_rows(f, rows: int = 300_000) -> None:
    """Rows with a cell in the last column (XFD): a few hundred KB that openpyxl pads to billions of cells."""
    f.write(HEAD + b"<sheetData>")
    chunk = []
    for n in range(1, rows + 1):
        chunk.append(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (n, n))
        if len(chunk) == 10000:
            f.write(b"".join(chunk))
            chunk = []
    f.write(b"".join(chunk) + b"</sheetData></worksheet>")


def bomb_dimension(f) -> None:
    f.write(HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            + "房间号".encode() + b"</t></is></c></row></sheetData></worksheet>")


def bomb_zeros(f) -> None:
    f.write(HEAD + b"<sheetData>")
    block = b" " * (1024 * 1024)
    for _ in range(210):
        f.write(block)
    f.write(b"</sheetData></worksheet>")


@pytest.mark.parametrize("bomb,needle", [(bomb_rows, "大得不合常理"), (bomb_dimension, "声明的范围"),
                                         (bomb_zeros, "解压后有")])
def test_a_zip_bomb_is_refused_before_openpyxl_reads_it(ctx, db_path, tmp_path, bomb, needle):
    base = factories.write_book(tmp_path / "base.xlsx", {"床位": [["房间号"]]})
    path = _replace_sheet(base, tmp_path / "bomb.xlsx", bomb)
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk
    before = counts(ctx)
    started = time.monotonic()
    with pytest.raises(ServiceError, match=needle):
        I.import_workbook(ctx, path)
    assert time.monotonic() - started < 10
    assert counts(ctx) == before


def test_error_cells_and_formulas_without_values_are_refused_with_the_cell_address(ctx, db_path, tmp_path):
    sheets = good_sheets()
    path = factories.write_book(tmp_path / "台账.xlsx", sheets)
    wb = openpyxl.load_workbook(path)
    ws = wb["床位"]
    ws["C3"].value = "#REF!"
    ws["C3"].data_type = "e"  # an error value as Excel stores it
    ws["D4"] = "=B4+1"        # a formula whose file has no computed value (written by a program, not by Excel)
    wb.save(path)
    before = counts(ctx)
    result = I.import_workbook(ctx, path)
    assert not result.ok and counts(ctx) == before
    lines = {(p.sheet, p.row, p.column): p.message for p in result.problems}
    assert "C3" in lines[("床位", 3, "房间号")] and "#REF!" in lines[("床位", 3, "房间号")]
    assert "D4" in lines[("床位", 4, "床号")] and "公式" in lines[("床位", 4, "床号")]


def test_text_longer_than_any_field_is_refused(ctx, db_path, tmp_path):
    sheets = good_sheets()
    sheets["入住老人"][1][9] = "李" * 100_000  # the emergency contact's name
    before = counts(ctx)
    result = I.import_workbook(ctx, factories.write_book(tmp_path / "long.xlsx", sheets))
    assert not result.ok and counts(ctx) == before
    assert any(p.column == "紧急联系人" and "太长" in p.message for p in result.problems)


def test_services_refuse_a_contact_name_of_100000_characters(ctx):
    bed = factories.bed(ctx)
    data = {"name": "王秀英", "id_number": factories.id_number(__import__("datetime").date(1940, 3, 4), "女"),
            "sex": "女", "hukou_local": True, "contacts": [{"name": "李" * 100_000, "phone": "13800000000"}]}
    with pytest.raises(ValidationError) as e:
        R.create_resident(ctx, data)
    assert "紧急联系人姓名太长" in str(e.value)
    with pytest.raises(ValidationError) as e:
        create_partner(ctx, {"name": "某医院", "kind": "综合医院", "contacts": [{"name": "钱" * 100_000, "phone": "1"}]})
    assert "联系人姓名太长" in str(e.value)
    assert ctx.db.execute("SELECT count(*) FROM resident_contacts").fetchone()[0] == 0 and bed


def test_a_broken_instrument_file_refuses_the_import_plainly(ctx, db_path, tmp_path, monkeypatch):
    folder = tmp_path / "instruments"
    shutil.copytree(AS.instruments_dir(), folder)
    for p in folder.glob("*.json"):
        p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])  # every file cut in half
    from yiyang_desktop.domain.assessment import loader
    monkeypatch.setattr(loader, "instruments_dir", lambda: folder)
    loader_cache = getattr(loader, "_CACHE", None)
    if isinstance(loader_cache, dict):
        monkeypatch.setattr(loader, "_CACHE", {})
    before = counts(ctx)
    with pytest.raises(ServiceError, match="评估标准文件有误"):
        I.import_workbook(ctx, factories.write_book(tmp_path / "台账.xlsx", good_sheets()))
    assert counts(ctx) == before


@pytest.mark.sqlite_only(reason="fills the disk under the data file")
def test_a_full_disk_during_the_import_is_said_and_writes_nothing(ctx, db_path, tmp_path):
    path = factories.write_book(tmp_path / "台账.xlsx", good_sheets())
    pages = ctx.db.execute("PRAGMA page_count").fetchone()[0]
    ctx.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full" (SQLITE_FULL)
    before = counts(ctx)
    with pytest.raises(ServiceError, match="磁盘已满"):
        I.import_workbook(ctx, path)
    assert counts(ctx) == before


def cli(*args, env_extra=None):
    env = {**os.environ, "YIYANG_USER": "boss", "YIYANG_PASSWORD": "boss-pass", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home.db"
    out = cli("--db", path, "init", "--name", "测试养老院", "--admin-user", "boss")  # password: YIYANG_PASSWORD
    assert out.returncode == 0, out.stderr
    return path


def test_cli_import_of_a_bomb_exits_2_in_chinese(home, tmp_path):
    base = factories.write_book(tmp_path / "base.xlsx", {"床位": [["房间号"]]})
    path = _replace_sheet(base, tmp_path / "bomb.xlsx", bomb_dimension)
    out = cli("--db", home, "import", path)
    assert out.returncode == 2 and "错误：" in out.stderr and "Traceback" not in out.stderr


def test_cli_import_on_a_nearly_full_disk(tmp_path):
    """A real 3 MB tmpfs (root and mount needed): the file opens, the import's writes run out of space."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root); the max_page_count test covers SQLITE_FULL")
    try:
        path = mnt / "home.db"
        out = cli("--db", path, "init", "--name", "测试养老院", "--admin-user", "boss")  # password: YIYANG_PASSWORD
        assert out.returncode == 0, out.stderr
        rows = [["楼栋", "楼层", "房间号", "床号", "床位类型", "投入使用日期", "备注"]]
        rows += [["1号楼", 1, str(1000 + i), 1, "养老床位", "2020-01-01", "备" * 190] for i in range(4000)]
        book = factories.write_book(tmp_path / "many.xlsx", {"床位": rows})
        filler = mnt / "filler"
        free = shutil.disk_usage(mnt).free
        with open(filler, "wb") as f:
            f.write(b"\0" * max(0, free - 400 * 1024))  # leave 400 KB: enough to open, not to import
        before = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True).execute("SELECT count(*) FROM beds").fetchone()
        out = cli("--db", path, "import", book)
        assert out.returncode == 2 and "磁盘已满" in out.stderr and "Traceback" not in out.stderr, out.stderr
        filler.unlink()
        con = sqlite3.connect(path)
        assert con.execute("SELECT count(*) FROM beds").fetchone() == before
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.parametrize("kind", ["missing", "folder", "binary", "gbk", "nested json", "nested toml"])
def test_cli_policy_check_and_import_of_unreadable_files(home, tmp_path, kind):
    path = tmp_path / ("p.json" if "json" in kind else "p.toml")
    if kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe" * 100)
    elif kind == "gbk":
        path.write_bytes('id = "test-1"\ntitle = "测试配置"\n'.encode("gbk"))
    elif kind == "nested json":
        path.write_text("[" * 100_000 + "]" * 100_000)
    elif kind == "nested toml":
        path.write_text("x = " + "[" * 100_000 + "]" * 100_000)
    before = counts(home)
    for action in ("check", "import"):
        out = cli("--db", home, "policy", action, path)
        assert out.returncode == 2, (action, out.stderr)
        assert "错误：" in out.stderr and "Traceback" not in out.stderr, out.stderr
        assert str(path) in out.stderr or path.name in out.stderr
    if kind == "gbk":
        assert "UTF-8" in out.stderr
    assert counts(home) == before
