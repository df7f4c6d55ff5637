"""The typed policy profile and its one loader: shipped profiles quote their texts, every field is declared once with
its label, unit and default, and a profile that would silently not apply is refused with its file line."""
import re
import tomllib
from pathlib import Path

import pytest

from yiyang_desktop.assets import resource_path
from yiyang_desktop.domain.policy import ProfileError, build, check, load_text, to_data
from yiyang_desktop.domain.policy.fields import KINDS, describe, fields_of
from yiyang_desktop.domain.policy.profile import PolicyProfile
from yiyang_desktop.domain.policy.toml_lines import key_lines

TEXTS = Path(__file__).parent / "data" / "policy-texts"   # the policy texts (seeds 004, 003, 001), as published
WIDTH = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）", ":": "："})


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(WIDTH)


def _sources(data, path=""):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source":
                yield path, value
            else:
                yield from _sources(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for i, value in enumerate(data, 1):
            yield from _sources(value, f"{path}[{i}]")


def _rules(data, path=""):
    """Every rule row and every section holding rules (a dict with a ``source`` slot and content of its own)."""
    if isinstance(data, dict):
        if "source" in data and any(v not in ("", [], {}, 0, "0", "1", None) for k, v in data.items()
                                    if k not in ("source", "note", "rates", "thresholds")):
            yield path
        for key, value in data.items():
            yield from _rules(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for i, value in enumerate(data, 1):
            yield from _rules(value, f"{path}[{i}]")


@pytest.mark.parametrize("pid", ["hecheng-2021", "chongqing-2023", "zhanjiang-2018"])
def test_every_rule_of_a_shipped_profile_quotes_its_text(pid):
    data = tomllib.loads(resource_path(f"policies/{pid}.toml").read_text(encoding="utf-8"))
    text = _norm((TEXTS / f"{pid}.txt").read_text(encoding="utf-8"))
    quoted = dict(_sources(data))
    for path in _rules(data):
        assert quoted.get(path), f"{pid}: {path} has no source sentence"
    for path, source in quoted.items():
        if not source:
            continue
        pos = 0
        for piece in _norm(source).split("……"):  # "……" marks words left out of the quote
            found = text.find(piece, pos)
            assert found >= 0, f"{pid} {path}: not in the text: {piece}"
            pos = found + len(piece)


@pytest.mark.parametrize("path", sorted(resource_path("policies").glob("*.toml")), ids=lambda p: p.stem)
def test_shipped_profiles_load_and_survive_a_round_trip(path):
    profile = load_text(path.read_text(encoding="utf-8"), filename=path.name)
    assert build(to_data(profile)) == profile
    assert profile.effective_from is not None and profile.version >= 1


def test_every_field_is_declared_once_with_label_kind_and_default():
    rows = describe(PolicyProfile)
    paths = [r["path"] for r in rows]
    assert len(paths) == len(set(paths))
    for r in rows:
        assert r["label"] and r["kind"] in KINDS, r
        if r["kind"] == "fen":
            assert r["unit"].startswith("元"), r
        if r["kind"] in ("choice", "choices"):
            assert r["choices"], r
    by_path = {r["path"]: r for r in rows}
    assert by_path["operating.rates[].yuan"]["unit"] == "元/床/月" and by_path["construction.rates[].yuan"]["unit"] == "元/床"
    assert by_path["operating.rates[].min_age"]["unit"] == "周岁"
    assert by_path["operating.count_rule"]["choices"] == ["month_end", "any_day", "min_days"]
    for row_type in ("targets.nursing_bed_share[]", "size_rules.rules[]", "construction.thresholds[]",
                     "construction.rates[]", "operating.rates[]", "ltc.levels[]"):
        assert by_path[f"{row_type}.source"]["source"] is True  # the quote slot beside every rule
    # a section is one more field: every section of the profile is a dataclass built by the same loader
    assert {f.name for f, m in fields_of(PolicyProfile) if m.kind == "section"} == {
        "targets", "size_rules", "construction", "operating", "ltc"}
    assert by_path["ltc.levels[].day_yuan"]["unit"] == "元/床日" and by_path["ltc.levels[].month_cap_yuan"]["unit"] == "元/月"
    assert by_path["ltc"]["optional"] and by_path["ltc.levels[].fund_share"]["optional"]
    assert by_path["ltc.hospital_days"]["choices"] == ["deduct", "count"]


BAD = '''id = "bad-one"
title = "坏配置"
effective_from = 2024-01-01

[operating]
count_rule = "month_end"
rates = [
  { label = "基本", yuan = 100, minage = 60 },
  { label = "重度", yuan = 200, grades = ["重度"] },
]

[operatng]
min_days = 3

[targets]
nursing_bed_share = [ { by = 2025-12-31, min_share = "1.5" } ]
'''


def test_unknown_keys_grades_and_bad_values_are_refused_with_their_lines():
    with pytest.raises(ProfileError) as err:
        load_text(BAD, filename="bad.toml")
    got = {(p.path, p.line) for p in err.value.problems}
    assert got == {("operating.rates[1].minage", 8), ("operating.rates[2].grades", 9), ("operatng", 12),
                   ("targets.nursing_bed_share[1].min_share", 16)}
    assert "bad.toml" in str(err.value) and "第8行" in str(err.value)


def test_lines_of_arrays_of_tables_and_multiline_strings():
    text = 'id = "x"\nnote = """a\nb\nc"""\n[[operating.rates]]\nlabel = "甲"\n\n[[operating.rates]]\nlabel = "乙"\nyuan = 1\n'
    lines = key_lines(text)
    assert lines["operating.rates[1].label"] == 6 and lines["operating.rates[2].yuan"] == 10
    built = build({"id": "xx", "title": "t", "effective_from": "2020-01-01", "operating": tomllib.loads(text)["operating"]})
    assert built.operating.rates[1].label == "乙"


def test_missing_keys_take_the_declared_defaults():
    p = build({"id": "tiny", "title": "t", "effective_from": "2020-01-01", "operating": {"rates": [{"label": "x"}]}})
    rate = p.operating.rates[0]
    assert (rate.min_age, rate.local_hukou_only, rate.fen, p.operating.count_away, p.operating.count_rule) == \
        (60, False, 0, True, "month_end")
    profile, problems = check({"title": "t"})
    assert profile is None and {p.path for p in problems} == {"id", "effective_from"}


def test_force_dates_and_region():
    p = build({"id": "tiny", "title": "t", "region": "湖南省怀化市", "region_code": "431200",
               "effective_from": "2021-03-24", "effective_to": "2025-12-31"})
    assert not p.in_force(p.effective_from.replace(day=23)) and p.in_force(p.effective_from)
    assert p.in_force(p.effective_to) and not p.in_force(p.effective_to.replace(year=2026, month=1, day=1))
    assert p.region_matches("431202", None) is True and p.region_matches("500103", None) is False
    assert p.region_matches(None, "湖南省怀化市鹤城区") is True and p.region_matches(None, None) is None
