"""The 老年人生活自理能力评估表 of the 65+ yearly health service (国家基本公共卫生服务规范 第三版): one more instrument
data file in the existing engine. Golden values are written out here from the issue (#17), never read from the file."""
import itertools

import pytest

from yiyang_desktop.domain.assessment import list_instruments, load_instrument, score

SELF = load_instrument("selfcare-2017")

# The form's points per item, one per level (可自理, 轻度依赖, 中度依赖, 不能自理), exactly as the issue gives them.
FORM = {"进餐": (0, 0, 3, 5), "梳洗": (0, 1, 3, 7), "穿衣": (0, 0, 3, 5), "如厕": (0, 1, 5, 10), "活动": (0, 1, 5, 10)}
BANDS = [(0, 3, "可自理"), (4, 8, "轻度依赖"), (9, 18, "中度依赖"), (19, 37, "不能自理")]


def grade_of(total: int) -> str:
    return next(name for low, high, name in BANDS if low <= total <= high)


def answers_for_total(total: int) -> dict[str, int]:
    reach = {0: {}}
    for item in SELF.items:
        reach = {s + p: {**chosen, item.code: p} for s, chosen in reach.items() for p in item.allowed}
    return reach[total]


def test_items_and_points_are_those_of_the_form():
    assert [i.name for i in SELF.items] == list(FORM)
    for item in SELF.items:
        # the form's 轻度依赖 column of 进餐 and 穿衣 is "—" with 0 points: the same answer as 可自理
        assert sorted(item.allowed) == sorted(set(FORM[item.name])), item.name
        assert len(item.options) == len(set(FORM[item.name]))
        levels = "".join(o.label for o in item.options)
        for level in ("可自理", "中度依赖", "不能自理"):
            assert level in levels, (item.name, level)
        assert "轻度依赖" in levels  # its own option, or said on the 0-point option where the form has "—"
    assert SELF.indicators[0].max == sum(max(p) for p in FORM.values()) == 37
    assert [SELF.grades[g] for g in sorted(SELF.grades)] == [name for *_r, name in BANDS]


@pytest.mark.parametrize("total,grade", [(0, "可自理"), (3, "可自理"), (4, "轻度依赖"), (8, "轻度依赖"), (9, "中度依赖"),
                                         (18, "中度依赖"), (19, "不能自理"), (37, "不能自理")])
def test_every_band_boundary(total, grade):
    result = score(SELF, answers_for_total(total))
    assert (result.total, result.final_grade_name) == (total, grade)


def test_every_combination_of_answers():
    codes = [i.code for i in SELF.items]
    seen = set()
    for points in itertools.product(*(sorted(set(FORM[i.name])) for i in SELF.items)):
        result = score(SELF, dict(zip(codes, points)))
        assert result.total == sum(points) and result.final_grade_name == grade_of(sum(points)), points
        seen.add(result.final_grade_name)
    assert seen == {name for *_r, name in BANDS}


def test_listed_with_the_other_instruments():
    assert "selfcare-2017" in [i.id for i in list_instruments()]
