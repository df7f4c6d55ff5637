"""One connection per thread: a background job works on a context and connection of its own, so a save made in the
window while the job holds a transaction is never part of the job's transaction (nor rolled back with it); one
writer at a time, a second one waits and then gets a plain "busy" message."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from conftest import db_location
from PySide6.QtCore import QObject, Signal

from yiyang_desktop.services.base import Busy, Context
from yiyang_desktop.services.settings import get_setting, set_setting
from yiyang_desktop.store import db as D
from yiyang_desktop.store.db import open_db


def test_a_save_in_the_window_during_a_failing_job_is_kept(qapp, qtbot, ctx):
    from yiyang_desktop.ui.tasks import run_in_background
    saved = []

    class Window(QObject):  # lives in the GUI thread: the job's signal reaches it there, queued
        poke = Signal()
    window = Window()

    def save_in_window():  # e.g. a dialog's 保存 while the progress dialog runs (the window's event loop is alive)
        set_setting(ctx, "window_save", "kept")
        saved.append(True)

    def job(step):
        job_ctx = getattr(step, "ctx", None) or ctx  # the job's own context (before: the window's)
        with job_ctx.transaction():
            set_setting(job_ctx, "job_save", "rolled back")
            window.poke.emit()  # the GUI thread saves while the job holds its transaction
            time.sleep(0.6)
            raise RuntimeError("the job fails")

    window.poke.connect(save_in_window)
    with pytest.raises(RuntimeError):
        run_in_background(None, "后台任务", job, ctx=ctx)
    qtbot.waitUntil(lambda: bool(saved), timeout=15000)
    assert get_setting(ctx, "window_save") == "kept"
    assert get_setting(ctx, "job_save") is None
    fresh = open_db(db_location(ctx.db))
    assert fresh.execute("SELECT value FROM settings WHERE key = 'window_save'").fetchone()[0] == '"kept"'
    fresh.close()


@pytest.mark.sqlite_only(reason="sqlite3 connections refuse other threads; a psycopg connection is thread-safe")
def test_a_connection_never_crosses_threads(ctx):
    errors = []

    def other_thread():
        try:
            ctx.db.execute("SELECT 1")
        except sqlite3.ProgrammingError as e:
            errors.append(e)
    t = threading.Thread(target=other_thread)
    t.start()
    t.join()
    assert errors  # the window's connection refuses to be used by a worker


def test_the_worker_context_has_the_same_user_role_and_clock_and_its_own_connection(ctx):
    made = []

    def worker():
        job = make()
        made.append((job.user, job.role, job.clock, job.db is ctx.db, D.db_file(job.db)))
        job.db.close()
    make = ctx.worker_factory()
    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert made == [(ctx.user, ctx.role, ctx.clock, False, D.db_file(ctx.db))]


def test_nesting_is_counted_by_the_context(ctx):
    with ctx.transaction():
        set_setting(ctx, "outer", "1")
        with pytest.raises(ValueError):
            with ctx.transaction():
                set_setting(ctx, "inner", "1")
                raise ValueError
        assert ctx._depth == 1
    assert ctx._depth == 0
    assert get_setting(ctx, "outer") == "1" and get_setting(ctx, "inner") is None


def test_a_row_the_store_refuses_inside_an_inner_use_case_leaves_the_outer_one_going(ctx):
    from yiyang_desktop.services.base import ValidationError
    with ctx.transaction():
        set_setting(ctx, "outer", "1")
        with pytest.raises(ValidationError):
            with ctx.transaction() as db:  # a stay of nobody: the foreign key refuses it (a key, a trigger…)
                db["stays"].insert({"resident_id": 999, "admission_date": "2026-01-01"})
        set_setting(ctx, "after", "1")  # the outer use case goes on and commits, on either engine
    assert get_setting(ctx, "outer") == "1" and get_setting(ctx, "after") == "1"
    assert ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0] == 0


def test_a_second_writer_waits_then_gets_a_plain_busy_message(ctx, monkeypatch):
    from yiyang_desktop.store import pg
    other = Context(open_db(db_location(ctx.db)), user="other", role="管理员", clock=ctx.clock)
    if not D.is_server_db(other.db):
        other.db.execute("PRAGMA busy_timeout = 200")
    monkeypatch.setattr(D, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(pg, "LOCK_TIMEOUT_MS", 200)
    with ctx.transaction():
        set_setting(ctx, "first", "1")
        started = time.monotonic()
        with pytest.raises(Busy) as busy:
            set_setting(other, "second", "1")
        assert time.monotonic() - started >= 0.15  # it waited
    assert "正忙" in str(busy.value) and "没有保存" in str(busy.value)
    set_setting(other, "second", "1")  # once the first writer is done
    assert get_setting(ctx, "second") == "1"
    other.db.close()
