"""Numbers read in one place (core/base/numbers.py) and JSON read with bounds
(core/base/jsontext.py): what is accepted, what is refused and exactly what the refusal says."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from zhigai.core.base import jsontext
from zhigai.core.base.numbers import (
    MAX_DIGITS,
    NumberProblem,
    read_decimal,
    read_stored,
    read_within,
    scaled_text,
)


@pytest.mark.parametrize(("raw", "value"), [
    ("1,234,567.5", D("1234567.5")), ("１２３．５", D("123.5")), ("－7", D("-7")),
    ("−7", D("-7")), ("+.5", D("0.5")), (" 42 ", D("42")), ("-0", D("0")), ("-0.00", D("0.00")),
    (7, D(7)), (-0.0, D(0)), (0.1, D("0.1")), (D("-0"), D("0")), ("1，234", D("1234")),
    ("9" * MAX_DIGITS, D("9" * MAX_DIGITS)),
])
def test_accepted_forms(raw: Any, value: D) -> None:
    got = read_decimal(raw, "f")
    assert got == value and str(got) == str(value)      # -0 is read as 0, not "-0"


@pytest.mark.parametrize(("raw", "en", "zh"), [
    ("5e2", "f: '5e2' is written with an exponent; write the number in full",
     "f：“5e2”使用了科学计数法，请写出完整的数字"),
    ("٣", "f: '٣' has digits of another script; use 0-9",
     "f：“٣”含有非 0-9 的数字字符，请使用 0-9"),
    ("abc", "f: 'abc' is not a number", "f：“abc”不是数字"),
    ("NaN", "f: 'NaN' is not a number", "f：“NaN”不是数字"),
    ("", "f: expected a number", "f：请输入数字"),
    (None, "f: expected a number", "f：请输入数字"),
    (True, "f: expected a number", "f：请输入数字"),
    ([1], "f: expected a number", "f：请输入数字"),
    (float("inf"), "f: inf is not a finite number", "f：inf 不是有效的数字"),
    (1e300, "f: 1e+300 is out of range for this tool", "f：1e+300 超出可用范围"),
    (10 ** MAX_DIGITS, f"f: a number of more than {MAX_DIGITS} digits is not a value this tool "
                       "can use", f"f：数字超过 {MAX_DIGITS} 位，无法使用"),
    ("9" * (MAX_DIGITS + 1), f"f: '{'9' * (MAX_DIGITS + 1)}' has more than {MAX_DIGITS} "
                             "digits", f"f：“{'9' * (MAX_DIGITS + 1)}”超过 {MAX_DIGITS} 位数字"),
    (D("NaN"), "f: NaN is not a usable number", "f：NaN 不是可用的数字"),
])
def test_refusals_name_the_field_and_say_why(raw: Any, en: str, zh: str) -> None:
    with pytest.raises(NumberProblem) as caught:
        read_decimal(raw, "f")
    assert (caught.value.message, caught.value.zh, str(caught.value)) == (en, zh, en)


def test_without_a_field_the_message_stands_alone_and_long_text_is_cut() -> None:
    with pytest.raises(NumberProblem) as caught:
        read_decimal("x" * 50)
    assert caught.value.message == f"'{'x' * 37}…' is not a number"
    with pytest.raises(NumberProblem) as caught:
        read_decimal("x" * 40)
    assert caught.value.message == f"'{'x' * 40}' is not a number"
    with pytest.raises(NumberProblem) as caught:
        read_decimal("1,23")
    assert "groups of three" in caught.value.message and "每三位一组" in caught.value.zh
    with pytest.raises(NumberProblem) as caught:
        read_decimal("a\udcffb")                       # shown, not a UnicodeEncodeError later
    assert caught.value.message == "'a\\udcffb' is not a number"


def test_stored_numbers_are_plain_and_the_form_is_named() -> None:
    assert read_stored("1234.50", "f") == D("1234.50") and read_stored(5, "f") == D(5)
    with pytest.raises(NumberProblem) as caught:
        read_stored("1,234", "unit price")
    assert caught.value.message == ("unit price: '1,234' is not written as Zhigai stores "
                                    "numbers (1234)")
    assert caught.value.zh == "unit price：“1,234”不是智改保存数字的写法（应为 1234）"
    with pytest.raises(NumberProblem, match="unit price: 'abc' is not a number"):
        read_stored("abc", "unit price")


def test_within_a_range_with_a_unit() -> None:
    assert read_within("12%", "rate", 0, 36, unit="%") == D(12)
    assert read_within("36", "rate", 0, 36) == D(36) and read_within("0", "rate", 0, 36) == 0
    with pytest.raises(NumberProblem) as caught:
        read_within("37%", "rate", 0, 36, unit="%")
    assert caught.value.message == "rate: 37% must be from 0% to 36%"
    assert caught.value.zh == "rate：37% 应在 0% 到 36% 之间"
    with pytest.raises(NumberProblem) as caught:
        read_within("2.5", "years", 1, 30, whole=True)
    assert caught.value.message == "years: '2.5' is not a whole number"


def test_scaled_text_shows_what_it_cannot_read_as_it_is() -> None:
    assert scaled_text("0.085", 100) == "8.5" and scaled_text("12", 1, whole=True) == "12"
    assert scaled_text(D("0.41"), 100) == "41" and scaled_text("abc", 100) == "abc"


# ---------------------------------------------------------------------------- JSON bounds

@pytest.mark.parametrize(("text", "where", "said"), [
    ('{"a": NaN}', "(number)", "NaN is not a number JSON allows here"),
    ('{"a": -Infinity}', "(number)", "-Infinity is not a number JSON allows here"),
    ('{"a": 1e999}', "(number)", "1e999 is too large a number"),
    ('{"a": -1e999}', "(number)", "-1e999 is too large a number"),
    ('{"a": ' + "9" * 31 + "}", "(number)", "an integer of 31 digits (at most 30)"),
    ('{"a": [{"b": "x\\u0000y"}]}', "a[0].b", "holds a NUL character"),
    ('{"a": {"b": ["\\ud800"]}}', "a.b[0]", "holds a lone surrogate (broken Unicode)"),
    ('{"\\udfff": 1}', "(top)", "a key holds a lone surrogate (broken Unicode)"),
    ('{"a": ' + "[" * 5000 + "]" * 5000 + "}", "(file)", "nested more than 32 levels deep"),
    ('{"a": 1,}', "(JSON syntax)", "Expecting property name enclosed in double quotes at "
                                   "column 9"),
])
def test_json_out_of_bounds_says_where(text: str, where: str, said: str) -> None:
    with pytest.raises(jsontext.JsonProblem) as caught:
        jsontext.loads(text)
    assert (caught.value.where, caught.value.message) == (where, said)
    assert str(caught.value) == f"{where}: {said}"


def test_json_depth_limit_is_exact() -> None:
    def nested(depth: int) -> str:
        return '{"a": ' + "[" * depth + "]" * depth + "}"

    jsontext.loads(nested(jsontext.MAX_DEPTH))           # the deepest allowed
    with pytest.raises(jsontext.JsonProblem) as caught:
        jsontext.loads(nested(jsontext.MAX_DEPTH + 1))
    assert caught.value.message == "nested more than 32 levels deep"
    assert caught.value.where == "a" + "[0]" * jsontext.MAX_DEPTH
    assert jsontext.loads('{"a": [' + "9" * 30 + "]}") == {"a": [int("9" * 30)]}
    assert jsontext.loads('{"a": "\\u0000"}', texts=False) == {"a": "\x00"}  # for field checks
    assert jsontext.path_text(()) == "(top)" and jsontext.path_text(("a", 2, "b")) == "a[2].b"
    assert jsontext.path_text((3, "x")) == "[3].x"


def test_every_bad_value_in_a_tree_is_listed() -> None:
    found = jsontext.check_tree({"x": ["\x00", 2, float("nan")], "y": 10 ** 31, "ok": [1.5]})
    assert [(p.where, p.message) for p in found] == [
        ("x[0]", "holds a NUL character"), ("x[2]", "not a finite number"),
        ("y", "an integer too large to be a value here")]
    assert jsontext.check_tree({"a": [1, "b", None, True, {"c": 2.5}]}) == []


def test_edges_of_the_number_rules() -> None:
    assert read_decimal(D("-5")) == D("-5") and read_decimal(D("9.99e23")) == D("9.99e23")
    with pytest.raises(NumberProblem, match="not a usable number"):
        read_decimal(D("1e24"))
    assert read_decimal(1e-12) == D("1e-12")
    with pytest.raises(NumberProblem, match="out of range"):
        read_decimal(1e-13)
    with pytest.raises(NumberProblem, match="out of range"):
        read_decimal(10.0 ** MAX_DIGITS)
    with pytest.raises(NumberProblem, match="f: '5E2' is written with an exponent"):
        read_decimal("5E2", "f")
    with pytest.raises(NumberProblem, match=r"^f: '1,23' is not a number \(digits"):
        read_decimal("1,23", "f")
    with pytest.raises(NumberProblem) as caught:
        read_decimal("x" * 41)
    assert caught.value.message == f"'{'x' * 37}…' is not a number"
    assert read_within("2.5", "rate", 0, 36) == D("2.5")        # whole only when asked
    with pytest.raises(NumberProblem) as caught:
        read_within("50", "rate", 0, 36)
    assert caught.value.message == "rate: 50 must be from 0 to 36"
    with pytest.raises(NumberProblem) as caught:
        read_within(2.5, "years", 1, 30, whole=True)
    assert caught.value.message == "years: '2.5' is not a whole number"
    assert caught.value.zh == "years：“2.5”不是整数"
    with pytest.raises(NumberProblem, match="^years: 'abc' is not a number$"):
        read_within("abc", "years", 1, 30)
    with pytest.raises(NumberProblem, match="^f: expected a number$"):
        read_stored(None, "f")


def test_the_fast_look_at_a_tree_misses_nothing() -> None:
    """check_tree first looks fast (one dump, one walk over the containers) and only then
    closely: each kind of bad value alone, after a good one in the same container."""
    huge = 10 ** jsontext.MAX_INT_DIGITS
    for bad, said in ((float("nan"), "not a finite number"),
                      (float("-inf"), "not a finite number"),
                      (huge, "an integer too large to be a value here"),
                      (-huge, "an integer too large to be a value here"),
                      ("\ud800", "holds a lone surrogate (broken Unicode)")):
        found = jsontext.check_tree({"a": "x", "b": True, "c": {"d": [1, bad]}})
        assert [(p.where, p.message) for p in found] == [("c.d[1]", said)], bad
    assert jsontext.check_tree({"a": [huge - 1, -huge + 1, 1e300, True]}) == []

    def nested(depth: int) -> Any:
        value: Any = 1
        for _ in range(depth):
            value = [value]
        return {"a": value}

    assert jsontext.check_tree(nested(jsontext.MAX_DEPTH - 1)) == []   # 32 levels: allowed
    deep = jsontext.check_tree(nested(jsontext.MAX_DEPTH))                # 33: refused
    assert [p.message for p in deep] == ["nested more than 32 levels deep"]
    many = jsontext.check_tree({"a": [float("nan")] * 25})
    assert len(many) == 20                                   # at most 20 are listed


def test_what_the_fast_look_cannot_dump_is_looked_at_closely() -> None:
    value: Any = 1
    for _ in range(3000):                  # deeper than Python's own JSON writer goes
        value = [value]
    found = jsontext.check_tree({"a": value})
    assert [p.message for p in found] == ["nested more than 32 levels deep"]
    for bad in (10 ** 30, -(10 ** 30)):    # a huge integer with no small one beside it
        found = jsontext.check_tree({"a": "x", "b": {"c": ["y", bad]}})
        assert [(p.where, p.message) for p in found] == [
            ("b.c[1]", "an integer too large to be a value here")]
    with pytest.raises(jsontext.JsonProblem) as caught:
        jsontext.loads('{"a": ' + "9" * 400 + ".0}")
    assert caught.value.message == "9" * 40 + " is too large a number"
