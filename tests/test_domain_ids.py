import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yiyang_desktop.domain.ids import (IdNumberError, age_on, check_uscc, id_check_char, normalize_id, parse_id_number,
                                      uscc_check_char)

# Example numbers printed in GB 11643-1999 and widely used as real-format test data.
VALID_IDS = [("11010519491231002X", dt.date(1949, 12, 31), "女"), ("440524188001010014", dt.date(1880, 1, 1), "男")]


@pytest.mark.parametrize("number,birth,sex", VALID_IDS)
def test_valid_id_numbers_give_birth_date_and_sex(number, birth, sex):
    info = parse_id_number(number)
    assert (info.birth_date, info.sex, info.region_code) == (birth, sex, number[:6])


def test_lowercase_x_and_spaces_are_normalised():
    assert parse_id_number(" 11010519491231002x ").number == "11010519491231002X"


@pytest.mark.parametrize("number,needle", [
    ("110105194912310021", "校验位"),       # wrong check character (should be X)
    ("11010519491231002", "18位"),          # too short
    ("110105491231002", "15位"),            # old 15-digit number
    ("11010519491331002X", "出生日期"),      # month 13
    ("99010519491231002X", "地区代码"),      # no such province
    ("1101051949123100AX", "数字"),          # letter in the body
    ("", "请填写"),
])
def test_invalid_id_numbers_are_refused_in_chinese(number, needle):
    with pytest.raises(IdNumberError, match=needle):
        parse_id_number(number)


def test_future_birth_date_is_refused():
    first17 = "11010520300101001"
    with pytest.raises(IdNumberError, match="不合理"):
        parse_id_number(first17 + id_check_char(first17), today=dt.date(2026, 11, 23))


def test_every_single_digit_change_is_caught():
    good = "11010519491231002X"
    for i in range(17):
        for d in "0123456789":
            if d == good[i]:
                continue
            bad = good[:i] + d + good[i + 1:]
            try:
                parse_id_number(bad)
            except IdNumberError:
                continue
            pytest.fail(f"{bad} accepted")


def test_uscc_valid_example_from_gb32100():
    assert check_uscc("91350100m000100y43") == "91350100M000100Y43"


@pytest.mark.parametrize("code,needle", [
    ("91350100M000100Y44", "校验位"),
    ("91350100M000100Y4", "18位"),
    ("91350100M0001O0Y43", "不允许"),  # letter O is not in the set
])
def test_uscc_invalid(code, needle):
    with pytest.raises(IdNumberError, match=needle):
        check_uscc(code)


def test_uscc_check_char_round_trip():
    body = "52431202MJJ000001"
    assert check_uscc(body + uscc_check_char(body))


def test_age_on_birthday_and_leap_day():
    assert age_on(dt.date(1960, 11, 23), dt.date(2026, 11, 23)) == 66
    assert age_on(dt.date(1960, 11, 24), dt.date(2026, 11, 23)) == 65
    assert age_on(dt.date(1960, 2, 29), dt.date(2026, 2, 28)) == 65
    assert age_on(dt.date(1960, 2, 29), dt.date(2026, 3, 1)) == 66


@given(st.text(max_size=25))
def test_any_text_is_an_id_number_or_a_clear_refusal(text):
    try:
        info = parse_id_number(text)
    except IdNumberError as e:
        assert str(e)
    else:
        assert len(normalize_id(text)) == 18 and info.birth_date


def test_digits_of_other_scripts_are_refused_not_crashed():
    with pytest.raises(IdNumberError):
        parse_id_number("43120219400506" + "፩" * 4)
