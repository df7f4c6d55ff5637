"""The 长护险 section of a policy profile: optional, declared through the same field metadata, read by the same
loader (errors with their file line), empty values meaning "not given" — never zero."""
import tomllib

import pytest

from yiyang_desktop.assets import resource_path
from yiyang_desktop.domain.policy import ProfileError, build, load_text, to_data
from yiyang_desktop.services import policy

HEAD = 'id = "ltc-test"\ntitle = "测试"\neffective_from = 2024-01-01\n'


def test_a_profile_without_the_section_has_none():
    p = build({"id": "none-here", "title": "t", "effective_from": "2020-01-01"})
    assert p.ltc is None and "ltc" not in to_data(p)
    assert policy._shipped()["hecheng-2021"].ltc is None and policy._shipped()["zhanjiang-2018"].ltc is None


def test_chongqing_gives_the_level_and_the_cap_and_leaves_the_rest_empty():
    p = policy._shipped()["chongqing-2023"]
    ltc = p.ltc
    assert len(ltc.levels) == 1
    level = ltc.levels[0]
    assert level.covers("重度失能") and level.covers("重度失能Ⅱ级") and not level.covers("中度失能")
    assert level.month_cap_fen == 155000   # 1550 元: "参保人每月最高待遇标准可达1550元"
    assert level.day_fen is None and level.fund_share is None and ltc.hospital_days is None  # not in the text
    assert "1550" in level.source and "重度失能" in ltc.source
    assert {path for path, _ in ltc.missing()} == {"ltc.hospital_days", "ltc.levels[1].day_yuan",
                                                   "ltc.levels[1].fund_share"}
    raw = tomllib.loads(resource_path("policies/chongqing-2023.toml").read_text(encoding="utf-8"))
    assert raw["ltc"]["levels"][0]["day_yuan"] == "" and raw["ltc"]["hospital_days"] == ""


def test_the_blank_profile_shows_the_section_to_fill():
    ltc = policy._shipped()["blank"].ltc
    assert ltc is not None and len(ltc.levels) == 1 and ltc.levels[0].day_fen is None
    assert ltc.missing()


def test_a_filled_section_is_complete_and_round_trips():
    text = HEAD + '''
[ltc]
hospital_days = "deduct"
levels = [ { grades = ["重度失能"], day_yuan = "50.5", fund_share = "0.7", month_cap_yuan = 1550 } ]
'''
    p = load_text(text, filename="x.toml")
    level = p.ltc.levels[0]
    assert (level.day_fen, str(level.fund_share), level.month_cap_fen) == (5050, "0.7", 155000)
    assert p.ltc.missing() == [] and build(to_data(p)) == p


@pytest.mark.parametrize("line,path,lineno,message", [
    ('hospital_days = "half"', "ltc.hospital_days", 6, "不在可选范围"),
    ('levels = [ { grades = ["很重"], day_yuan = 50 } ]', "ltc.levels[1].grades", 6, "不是评估量表中的等级"),
    ('levels = [ { grades = ["重度失能"], day_yuan = "5.001" } ]', "ltc.levels[1].day_yuan", 6, "精确到分"),
    ('levels = [ { grades = ["重度失能"], fund_share = "1.2" } ]', "ltc.levels[1].fund_share", 6, "之间"),
    ('levels = [ { day_yuan = 50 } ]', "ltc.levels[1].grades", 6, "不能为空"),
    ('level = []', "ltc.level", 6, "没有“level”这一项"),
])
def test_bad_values_name_their_line(line, path, lineno, message):
    with pytest.raises(ProfileError) as err:
        load_text(HEAD + "\n[ltc]\n" + line + "\n", filename="bad.toml")
    found = {(p.path, p.line) for p in err.value.problems}
    assert (path, lineno) in found and message in str(err.value)
