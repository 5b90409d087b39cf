"""Company-profile values: credit code check digit, numbers with units, dates, choices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhigai.core.questionnaire.models import ProfileField
from zhigai.core.questionnaire.values import (
    ValueProblem,
    check_uscc,
    coerce_profile_value,
    uscc_check_char,
)


@pytest.mark.parametrize("code", [
    "914403001922038216",   # published codes of well-known companies
    "91330100799655058B",
    "91110000100005220B",
])
def test_real_credit_codes_pass(code: str) -> None:
    assert check_uscc(code) == code
    assert check_uscc(" " + code.lower() + " ") == code


@pytest.mark.parametrize("code, fragment", [
    ("91440300192203821", "has 17"),
    ("914403001922038217", "the check character is wrong: the code ends in '7' but its first "
                           "17 characters give '6'"),
    ("91440300192203821O", "character 18 'O' is not allowed"),
    ("9144A3001922038216", "characters 3-8 must be the 6-digit administrative division code"),
])
def test_bad_credit_codes(code: str, fragment: str) -> None:
    with pytest.raises(ValueProblem) as info:
        check_uscc(code)
    assert fragment in str(info.value)


def test_every_single_typo_is_caught() -> None:
    code = "91330100799655058B"
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for i in range(17):
        for ch in alphabet:
            if ch == code[i]:
                continue
            typo = code[:i] + ch + code[i + 1:]
            if not typo[2:8].isdigit():
                continue
            assert uscc_check_char(typo[:17]) != "B", typo


def field(**kw) -> ProfileField:
    base = {"id": "f", "label": "f"}
    return ProfileField.model_validate({**base, **kw})


def test_decimal_money_is_exact() -> None:
    f = field(type="decimal", min=0, unit={"zh": "万元", "en": "10k yuan"})
    assert coerce_profile_value(f, "1,234.50") == "1234.50"
    assert coerce_profile_value(f, 0.1) == "0.1"
    assert Decimal(coerce_profile_value(f, "0.1")) + Decimal("0.2") == Decimal("0.3")
    with pytest.raises(ValueProblem, match="below the smallest allowed value 0 10k yuan"):
        coerce_profile_value(f, "-5")
    for bad in ("abc", "NaN", "Infinity", float("nan"), True):
        with pytest.raises(ValueProblem):
            coerce_profile_value(f, bad)
    with pytest.raises(ValueProblem, match="too many decimal places"):
        coerce_profile_value(f, "1.0000001")


def test_integer_percent_date_choice_multi() -> None:
    assert coerce_profile_value(field(type="integer", min=1), "120") == 120
    with pytest.raises(ValueProblem, match="not a whole number"):
        coerce_profile_value(field(type="integer"), "12.5")
    with pytest.raises(ValueProblem, match="between 0 and 100"):
        coerce_profile_value(field(type="percent"), "120")
    assert coerce_profile_value(field(type="date"), "2026-11-25") == "2026-11-25"
    with pytest.raises(ValueProblem, match="write YYYY-MM-DD"):
        coerce_profile_value(field(type="date"), "25/11/2026")
    opts = [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]
    assert coerce_profile_value(field(type="choice", options=opts), "b") == "b"
    with pytest.raises(ValueProblem, match="not one of the choices: a, b"):
        coerce_profile_value(field(type="choice", options=opts), "c")
    assert coerce_profile_value(field(type="multi", options=opts), "b,a,b") == ["b", "a"]
    assert coerce_profile_value(field(type="yesno"), "是") is True
    assert coerce_profile_value(field(type="text"), "  ") is None
    with pytest.raises(ValueProblem, match="at most 5"):
        coerce_profile_value(field(type="text", max_length=5), "abcdefg")
