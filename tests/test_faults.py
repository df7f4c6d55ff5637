"""Faults and bad input: SIGKILL in the middle of writes, broken or unusable files, any text in the forms."""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yiyang_desktop.domain.ids import IdNumberError, check_uscc, id_check_char, parse_id_number
from yiyang_desktop.services.base import Context, ValidationError
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services.residents import CATEGORIES, INSURANCES, create_resident
from yiyang_desktop.store.db import StoreError, open_db

ROOT = Path(__file__).resolve().parents[1]

# The writer: a process that imports the program once and then forks one writer child per round (so twenty
# rounds do not pay twenty start-ups). The child opens the file itself, makes one service call per transaction and
# prints what was committed after each commit; the test kills the child with SIGKILL.
WRITER = r"""
import datetime as dt, os, sys
from yiyang_desktop.domain.ids import id_check_char
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services.base import Context
from yiyang_desktop.services.beds import create_bed
from yiyang_desktop.services.residents import admit, create_resident, pinyin_keys
from yiyang_desktop.store.db import open_db


def write_forever(path):
    ctx = Context(open_db(path), user="writer", role="管理员", clock=FixedClock(dt.date(2026, 11, 23)))
    n = ctx.db.execute("SELECT coalesce(max(id), 0) FROM residents").fetchone()[0]
    pinyin_keys("预热")  # pypinyin loads on first use (≈ 0.3 s): before "ready", so the kills land on writes
    print("ready", flush=True)
    while True:
        n += 1
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=n // 500)
        first17 = f"110105{birth:%Y%m%d}{(n % 500) * 2:03d}"
        rid = create_resident(ctx, {"name": f"老人{n}", "sex": "女", "id_number": first17 + id_check_char(first17),
                                    "hukou_address": "长沙市" * 20, "note": "备注" * 100, "hukou_local": True})
        print(f"resident {rid}", flush=True)
        bed = create_bed(ctx, {"building": "1号楼", "floor": "1", "room": f"R{n}", "number": "1",
                               "bed_type": "养老床位", "service_date": dt.date(2024, 1, 1)})
        print(f"bed {bed}", flush=True)
        stay = admit(ctx, rid, {"admission_date": dt.date(2026, 1, 1), "bed_id": bed})
        print(f"stay {stay}", flush=True)


for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            write_forever(sys.argv[1])
        except BaseException as e:
            print(f"error {e!r}", flush=True)
        os._exit(1)
    print(f"child {pid}", flush=True)
    _, status = os.waitpid(pid, 0)
    print(f"dead {status}", flush=True)
"""

TABLE = {"resident": "residents", "bed": "beds", "stay": "stays"}


def _kill_once(writer: subprocess.Popen, rng: random.Random) -> list[tuple[str, int]]:
    writer.stdin.write("go\n")
    writer.stdin.flush()
    head, child = writer.stdout.readline().split()
    assert head == "child"
    first = writer.stdout.readline().strip()
    assert first == "ready", first
    time.sleep(rng.uniform(0.0, 0.3))
    os.kill(int(child), signal.SIGKILL)
    acked = []
    while True:
        line = writer.stdout.readline()
        if not line.startswith("dead") and "dead " in line:  # killed in the middle of writing its line: that
            line = line[line.index("dead "):]                 # record was never acknowledged
        kind, _, value = line.strip().partition(" ")
        if kind == "dead":
            assert os.WIFSIGNALED(int(value)) and os.WTERMSIG(int(value)) == signal.SIGKILL, line
            return acked
        assert kind in TABLE and value.isdigit(), line  # not "error …": the writer itself never failed
        acked.append((kind, int(value)))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX fork and signals")
def test_sigkill_during_writes_never_corrupts_or_loses_a_committed_record(tmp_path):
    path = tmp_path / "kill.db"
    open_db(path).close()
    seed = int(os.environ.get("YIYANG_KILL_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    acknowledged: list[tuple[str, int]] = []
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              cwd=ROOT, text=True)
    try:
        for round_no in range(20):
            acknowledged += _kill_once(writer, rng)
            con = sqlite3.connect(path)  # a plain connection, as after a power cut: recovers the WAL
            try:
                assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"seed {seed} round {round_no}"
                assert con.execute("PRAGMA foreign_key_check").fetchall() == []
                for kind, number in acknowledged:
                    found = con.execute(f"SELECT 1 FROM {TABLE[kind]} WHERE id = ?", [number]).fetchone()
                    assert found, f"acknowledged {kind} {number} lost (seed {seed}, round {round_no})"
            finally:
                con.close()
    finally:
        writer.stdin.close()
        writer.wait(timeout=10)
    kinds = {k for k, _ in acknowledged}
    assert len(acknowledged) > 40 and kinds == set(TABLE), (seed, len(acknowledged))
    db = open_db(path)  # and the program opens it normally afterwards
    from yiyang_desktop.store.db import integrity_report
    report = integrity_report(db)
    db.close()
    assert report["ok"], report


# ---------------------------------------------------------------- unusable files (others are in test_store.py)

def _wal_file(tmp_path: Path, name: str = "home.db") -> Path:
    path = tmp_path / name
    db = open_db(path)
    db.conn.executemany("INSERT INTO settings VALUES (?, ?)", [(f"k{i}", "x" * 400) for i in range(300)])
    db.conn.commit()
    db.close()
    return path


def test_truncated_file_is_refused_and_left_as_it_was(tmp_path):
    path = _wal_file(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 3])
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        open_db(path)
    assert "数据文件" in str(err.value) and "Traceback" not in str(err.value)
    assert path.read_bytes() == before


def test_zero_length_file_is_not_opened_as_existing_data(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="找不到"):
        open_db(path, create=False)
    assert path.read_bytes() == b""


def _immutable(path: Path) -> bool:
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0 if shutil.which("chattr") else False


def _make_read_only(path: Path):
    """Make a file or folder unwritable even for root (chattr +i), or by mode bits for other users."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root:
        if not _immutable(path):
            pytest.skip("running as root without chattr: cannot make a file read-only")
        return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    return lambda: path.chmod(mode)


def test_read_only_file_is_refused_with_a_clear_message(tmp_path):
    path = _wal_file(tmp_path)
    before = path.read_bytes()
    undo = _make_read_only(path)
    try:
        with pytest.raises(StoreError, match="只读"):
            open_db(path)
        assert path.read_bytes() == before
    finally:
        undo()


def test_read_only_folder_is_refused_with_a_clear_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _wal_file(folder)
    before = path.read_bytes()
    undo = _make_read_only(folder)
    try:
        with pytest.raises(StoreError, match="只读"):
            open_db(path)
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["home.db"]
    finally:
        undo()


# ---------------------------------------------------------------- any input: a result or a clear refusal

def _valid_id(birth: dt.date, seq: int) -> str:
    first17 = f"430102{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


@pytest.fixture(scope="module")
def hyp_ctx(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("hyp") / "hyp.db")
    yield Context(db, user="tester", role="管理员", clock=FixedClock(dt.date(2026, 11, 23)))
    db.close()


ANY = st.one_of(st.none(), st.text(max_size=60), st.integers(), st.booleans(), st.dates().map(str),
                st.lists(st.text(max_size=8), max_size=3))
ID_LIKE = st.one_of(st.text(max_size=22), st.text(alphabet="0123456789Xx ", min_size=15, max_size=20),
                    st.builds(_valid_id, st.dates(dt.date(1890, 1, 1), dt.date(2026, 11, 23)), st.integers(0, 999)))


FIELDS = ("name", "sex", "id_number", "birth_date", "categories", "medical_insurance", "phone", "note",
          "hukou_address", "hukou_local", "ltc_insurance", "contacts")


@st.composite
def resident_forms(draw):
    """A plausible form (valid ID, matching sex and birth date) with up to three fields replaced by anything."""
    birth = draw(st.dates(dt.date(1900, 1, 1), dt.date(2026, 11, 23)))
    seq = draw(st.integers(0, 999))
    form = {"name": draw(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1,
                                 max_size=8)),
            "sex": "男" if seq % 2 else "女", "id_number": _valid_id(birth, seq),
            "birth_date": draw(st.sampled_from([None, birth.isoformat(), birth])),
            "categories": draw(st.lists(st.sampled_from(CATEGORIES), max_size=2, unique=True)),
            "medical_insurance": draw(st.sampled_from((None, *INSURANCES))), "phone": draw(st.text("0123456789-", max_size=13)),
            "hukou_local": draw(st.booleans()),
            "contacts": [{"name": "家属", "relation": "子女", "phone": "13800000000"}]}
    junk = {"name": ANY, "sex": ANY, "id_number": ID_LIKE, "birth_date": ANY,
            "categories": st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.lists(st.one_of(st.text(max_size=6), st.integers()), max_size=3)),
            "medical_insurance": ANY, "phone": ANY, "note": st.one_of(ANY, st.text(min_size=490, max_size=520)),
            "hukou_address": ANY, "hukou_local": ANY, "ltc_insurance": ANY,
            "contacts": st.lists(st.fixed_dictionaries({"name": ANY, "phone": ANY, "relation": ANY}), max_size=3)}
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True)):
        form[name] = draw(junk[name])
    return form


SEEN = {"saved": 0, "refused": 0}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=resident_forms())
def test_create_resident_with_any_input_saves_or_says_why(hyp_ctx, form):
    try:
        rid = create_resident(hyp_ctx, form)
    except ValidationError as e:
        SEEN["refused"] += 1
        assert e.problems and all(p.message for p in e.problems)
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in p.message) for p in e.problems)
    else:
        SEEN["saved"] += 1
        row = hyp_ctx.db.execute("SELECT name, id_number FROM residents WHERE id = ?", [rid]).fetchone()
        assert row[0] == str(form["name"]).strip() and parse_id_number(row[1], today=dt.date(2026, 11, 23)).number == row[1]


def test_the_form_property_saw_both_outcomes():
    """Guards the test above against a strategy that only ever produces refusals (or only valid forms)."""
    if SEEN["saved"] + SEEN["refused"] == 0:
        pytest.skip("run together with test_create_resident_with_any_input_saves_or_says_why")
    assert SEEN["saved"] > 10 and SEEN["refused"] > 10, SEEN


@given(st.text(max_size=22))
def test_uscc_any_text_is_a_code_or_a_clear_refusal(text):
    try:
        code = check_uscc(text)
    except IdNumberError as e:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e))
    else:
        assert len(code) == 18


@given(st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)), st.integers(0, 999), st.sampled_from(["11", "43", "99", "00"]))
def test_id_numbers_with_any_birth_date_and_region(birth, seq, province):
    first17 = f"{province}0102{birth:%Y%m%d}{seq:03d}"
    number = first17 + id_check_char(first17)
    today = dt.date(2026, 11, 23)
    try:
        info = parse_id_number(number, today=today)
    except IdNumberError as e:
        assert province in ("99", "00") or birth > today or birth.year < 1880, str(e)
    else:
        assert info.birth_date == birth and province in ("11", "43") and info.sex == ("男" if seq % 2 else "女")


# ---------------------------------------------------------------- the log file

@pytest.fixture
def clean_logger():
    import logging

    from yiyang_desktop import logsetup
    logger = logging.getLogger(logsetup.LOGGER)
    saved = list(logger.handlers)
    for h in saved:
        logger.removeHandler(h)
    old_hook = sys.excepthook
    import threading
    old_thread_hook = threading.excepthook
    yield logger
    sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
    for h in saved:
        logger.addHandler(h)


def test_log_goes_to_a_rotating_file_in_the_data_folder(clean_logger, tmp_path, monkeypatch):
    from yiyang_desktop import logsetup
    monkeypatch.setenv("YIYANG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(logsetup, "MAX_BYTES", 20_000)
    path = logsetup.setup_logging()
    assert path == tmp_path / "data" / "logs" / "yiyang.log" and logsetup.current_log_path() == path
    assert logsetup.setup_logging() == path and len(clean_logger.handlers) == 1  # a second call adds nothing
    for i in range(2000):
        clean_logger.info("第 %d 行日志 %s", i, "x" * 50)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files[0] == "yiyang.log" and "yiyang.log.1" in files and len(files) <= 1 + logsetup.BACKUP_COUNT
    assert all(p.stat().st_size <= 20_000 + 200 for p in path.parent.iterdir())
    assert "第 1999 行日志" in path.read_text(encoding="utf-8")


def test_unwritable_log_folder_falls_back_to_stderr(clean_logger, tmp_path, monkeypatch):
    from yiyang_desktop import logsetup
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("YIYANG_DATA_DIR", str(blocker / "data"))
    assert logsetup.setup_logging() is None and logsetup.current_log_path() is None
    clean_logger.warning("仍然可以记录")  # no exception


def test_excepthook_logs_and_calls_back_but_survives_a_failing_callback(clean_logger, tmp_path):
    from yiyang_desktop import logsetup
    log = logsetup.setup_logging(path=tmp_path / "y.log")
    seen = []

    def broken_dialog(exc, details):
        seen.append((type(exc), details))
        raise RuntimeError("对话框也坏了")
    logsetup.install_excepthook(broken_dialog)
    try:
        raise KeyError("丢失的键")
    except KeyError:
        sys.excepthook(*sys.exc_info())  # what Python does with an uncaught exception
    assert seen[0][0] is KeyError and "丢失的键" in seen[0][1]
    text = log.read_text(encoding="utf-8")
    assert "KeyError: '丢失的键'" in text and "显示错误对话框失败" in text and "对话框也坏了" in text
