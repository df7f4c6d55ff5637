"""The English interface is complete where the screens show data: names from the data files (instruments, grades,
indicators, policy profiles) have English names beside the Chinese ones and the screens use them; list separators,
the 申报 tab titles and table heads are English."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from yiyang_desktop.assets import i18n_path
from yiyang_desktop.domain.assessment import english_names, list_instruments

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def english(qapp):
    t = QTranslator()
    assert t.load(str(i18n_path("yiyang_en.qm")))
    QCoreApplication.installTranslator(t)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.English))
    yield
    QCoreApplication.removeTranslator(t)
    QLocale.setDefault(before)


def test_every_data_name_has_an_english_one():
    for path in sorted((ROOT / "resources" / "instruments").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["name_en"], path.name
        assert all(g.get("name_en") for g in raw["grades"]), path.name
        assert all(i.get("name_en") for i in raw["indicators"]), path.name
        if "indicator_grade_names" in raw:
            assert set(raw["indicator_grade_names_en"]) == set(raw["indicator_grade_names"]), path.name
    seen: dict[str, str] = {}
    for inst in list_instruments():  # one Chinese name, one English name, in every file
        for zh, en in inst.english.items():
            assert seen.setdefault(zh, en) == en, (inst.id, zh, en, seen[zh])
    for path in sorted((ROOT / "resources" / "policies").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["title_en"], path.name
        for rule in data.get("operating", {}).get("rates", []) + data.get("construction", {}).get("thresholds", []):
            assert rule.get("label_en"), (path.name, rule["label"])


def test_screens_name_data_in_english(english, qtbot, demo_ctx, tmp_path):
    from yiyang_desktop.ui.common import data_name, grade_short, instrument_name, join_list, profile_title
    from yiyang_desktop.services import policy
    assert data_name("能力轻度受损（轻度失能）") == english_names()["能力轻度受损（轻度失能）"] == \
        "Mildly impaired (mild disability)"
    assert grade_short("能力轻度受损（轻度失能）") == "Mild disability"
    assert instrument_name("gbt42195-2022") == "Ability assessment of older adults (GB/T 42195-2022)"
    assert profile_title(policy.get_profile(demo_ctx, "hecheng-2021").profile) == "Hecheng District, Huaihua (2021)"
    assert join_list(["Local", "Non-local"]) == "Local, Non-local" and join_list(["a", "b"], "，") == "a, b"

    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    page = w.show_page("applications")
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles[:3] == ["Subsidy calculation (7)", "Bed list (106)", "Beds not included (16)"]
    table = page.tabs.widget(0).model()
    heads = [table.headerData(c, Qt.Horizontal) for c in range(table.columnCount())]
    assert heads == ["Bed type", "Provision", "Per bed (yuan)", "Beds", "Amount (yuan)"]
    cells = {table.shown(r, 0) for r in table.rows}
    assert "Nursing-care bed" in cells and any(c.startswith("Medical bed (") for c in cells)
    assert not any("\u4e00" <= ch <= "\u9fff" for c in cells for ch in c)
    overview = w.show_page("overview")
    assert [name for name, _n in overview.grade_chart.items][:2] == ["Mild disability", "Moderate disability"]
    assert "Hecheng District, Huaihua (2021)" in overview.profile_line.text()
    returns = w.show_page("returns")
    roster = returns.detail_models["roster"]
    heads = [roster.headerData(c, Qt.Horizontal) for c in range(roster.columnCount())]
    row = roster.rows[0]
    shown = {h: roster.shown(row, c) for c, h in enumerate(heads)}
    assert all(v not in ("True", "False") for v in shown.values())
