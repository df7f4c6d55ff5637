"""Pinyin search and sorting read a surname as a surname: "zsf" finds 曾素芬 (曾 = zēng), and 单 解 仇 区 朴 查 盖 likewise;
existing files get their residents' keys recomputed by a migration."""
from __future__ import annotations

import datetime as dt

import pytest
from factories import admitted, bed, resident

from yiyang_desktop.domain.names import pinyin_keys, surname_readings
from yiyang_desktop.services import residents as R

SURNAMES = {"曾素芬": "zsf", "单文华": "swh", "解秀英": "xxy", "仇建国": "qjg", "区美玲": "oml", "朴英子": "pyz",
            "查桂兰": "zgl", "盖玉珍": "gyz"}


@pytest.mark.parametrize("name, initials", SURNAMES.items())
def test_surname_reading(name, initials):
    assert pinyin_keys(name)[0] == initials


def test_only_the_surname_is_read_as_a_surname_and_compound_surnames_stay_whole():
    assert pinyin_keys("曾素芬") == ("zsf", "zengsufen")
    assert pinyin_keys("王曾") == ("wc", "wangceng")  # 曾 in a given name keeps its ordinary reading
    assert pinyin_keys("长孙无忌")[1] == "zhangsunwuji" and pinyin_keys("单于明")[1].startswith("chanyu")
    assert pinyin_keys("张三") == ("zs", "zhangsan")
    single, _compound = surname_readings()
    assert {name[0] for name in SURNAMES} <= set(single)


def test_search_and_sort_by_the_surname_reading(ctx):
    for i, name in enumerate(("曾素芬", "陈明", "张三", "单文华")):
        admitted(ctx, bed(ctx, room=f"10{i}"), dt.date(2026, 1, 1), name=name)
    assert [r["name"] for r in R.list_residents(ctx, "zsf")] == ["曾素芬"]
    assert [r["name"] for r in R.list_residents(ctx, "zengsu")] == ["曾素芬"]
    assert [r["name"] for r in R.list_residents(ctx, "csf")] == []
    assert [r["name"] for r in R.list_residents(ctx, "swh")] == ["单文华"]
    assert [r["name"] for r in R.list_residents(ctx)] == ["陈明", "单文华", "曾素芬", "张三"]  # chen shan zeng zhang


def test_the_residents_page_finds_zsf(qtbot, qapp, ctx):
    from yiyang_desktop.ui.residents_page import ResidentsPage
    admitted(ctx, bed(ctx), dt.date(2026, 1, 1), name="曾素芬")
    admitted(ctx, bed(ctx, room="102"), dt.date(2026, 1, 1), name="蔡淑芬")
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.keyClicks(page.search, "zsf")
    assert [r["name"] for r in page.model.rows] == ["曾素芬"]


def test_a_migration_recomputes_the_keys_of_an_older_file(tmp_path):
    from yiyang_desktop.clock import FixedClock
    from yiyang_desktop.services.base import Context
    from yiyang_desktop.store.db import open_db
    from yiyang_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION
    from yiyang_desktop.store.schema_names import m_surname_pinyin
    path = tmp_path / "old.db"
    db = open_db(path)
    ctx = Context(db, user="t", role="管理员", clock=FixedClock(dt.date(2026, 11, 23)))
    rid = resident(ctx, "曾素芬")
    other = resident(ctx, "张三")
    with ctx.transaction():  # as an older program stored them: 曾 read céng
        db.execute("UPDATE residents SET name_initials = 'csf', name_pinyin = 'cengsufen' WHERE id = ?", [rid])
    db.execute(f"PRAGMA user_version = {MIGRATIONS.index(m_surname_pinyin)}")  # the data version before that step
    db.close()
    db = open_db(path, create=False)
    try:
        keys = dict(db.execute("SELECT id, name_initials FROM residents").fetchall())
        assert keys == {rid: "zsf", other: "zs"}
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.close()
