"""Numbers and punctuation in messages and reports (core/base/prose.py): plain grouped digits,
never 1e+08; Chinese punctuation rules applied in one place, never "？：" in a gap list."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from zhigai.core.base.prose import bare, labelled, number, sentence, tidy


@pytest.mark.parametrize(("value", "shown"), [
    (1e8, "100,000,000"), (100000000, "100,000,000"), (Decimal("1E+8"), "100,000,000"),
    ("1e9", "1,000,000,000"), (1234.5, "1,234.5"), (Decimal("2.50"), "2.5"), (0.035, "0.035"),
    (-12000, "-12,000"), (0, "0"), (3, "3"), (float("nan"), "nan")])
def test_numbers_are_plain_grouped_digits(value: object, shown: str) -> None:
    assert number(value) == shown  # type: ignore[arg-type]


def test_labels_and_sentences() -> None:
    assert labelled("有书面规划吗？", "做到「有」", "zh") == "有书面规划吗：做到「有」"
    assert labelled("日期：", "2026-12-01", "zh") == "日期：2026-12-01"
    assert labelled("Is there a written plan?", "yes", "en") == "Is there a written plan: yes"
    assert labelled("Date:", "2026-12-01", "en") == "Date: 2026-12-01"
    assert bare("规划？ ") == "规划"
    assert sentence("尚待确认：贷款利率", "zh") == "尚待确认：贷款利率。"
    assert sentence("尚待确认：贷款利率。", "zh") == "尚待确认：贷款利率。"
    assert sentence("要使其通过：", "zh") == "要使其通过。"
    assert sentence("真的吗？", "zh") == "真的吗？"
    assert sentence("Still to confirm: the rate", "en") == "Still to confirm: the rate."
    assert sentence("Done.", "en") == "Done."


@pytest.mark.parametrize(("text", "fixed"), [
    ("规划？：做到", "规划：做到"), ("好。。", "好。"), ("日期：:2026", "日期：2026"),
    ("完成 ，继续", "完成，继续"), ("资金，。", "资金。"), ("企业: 浙江", "企业：浙江"),
    ("优先改进（目标阶段 2）:", "优先改进（目标阶段 2）："), ("好,坏", "好，坏"),
    ("a、、b", "a、b"),
    # left alone: times, standards, decimals, English
    ("时间 10:30", "时间 10:30"), ("GB/T 39116-2020：标准", "GB/T 39116-2020：标准"),
    ("利率 3.5%。", "利率 3.5%。"), ("见 https://example.org/a?b=1", "见 https://example.org/a?b=1")])
def test_chinese_punctuation_is_tidied(text: str, fixed: str) -> None:
    assert tidy(text, "zh") == fixed
    assert tidy(fixed, "zh") == fixed


def test_english_is_left_as_it_is() -> None:
    assert tidy("Is it?: yes. . ok", "en") == "Is it?: yes. . ok"


def test_a_value_too_large_says_the_limit_in_plain_digits(catalog: object) -> None:
    from zhigai.core.assessment.money import yuan
    from zhigai.core.questionnaire.values import ValueProblem, coerce_profile_value

    instrument = catalog.instrument("zhigai-readiness")  # type: ignore[attr-defined]
    revenue = instrument.field_for_role("revenue")
    with pytest.raises(ValueProblem) as caught:
        coerce_profile_value(revenue, "200000000")
    assert caught.value.zh == "200,000,000 万元 超过允许的最大值 100,000,000 万元"
    assert caught.value.message == ("200,000,000 10k yuan is above the largest allowed value "
                                    "100,000,000 10k yuan")
    with pytest.raises(ValueProblem) as caught:
        yuan(1e20, "自有资金")
    assert "100,000,000,000,000,000,000" in caught.value.zh and "e+" not in caught.value.zh


OLD = "tests/fixtures/v1_0/textile-early.json"  # questionnaire 1.0: questions without a short


def test_the_gap_list_has_no_question_mark_before_a_colon(root: Path, capsys: object) -> None:
    from zhigai.cli.main import main

    for lang, double in (("zh", "？："), ("en", "?:")):
        assert main(["score", str(root / OLD), "--explain", "--lang", lang]) == 0
        out = capsys.readouterr().out  # type: ignore[attr-defined]
        assert "工厂里有没有自动化产线或机器人工作站：做到" in out or lang == "en"
        assert double not in out and "。。" not in out
        if lang == "zh":
            assert "企业：" in out and "下一级 " in out and "下一级 1:" not in out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_chinese_report_has_no_double_punctuation(root: Path, tmp_path: Path) -> None:
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.report.service import make_report

    pdf = tmp_path / "old-zh.pdf"
    make_report(load_assessment(root / OLD), pdf, "zh")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = "".join(text.split())
    assert "优先改进" in flat or "差距" in flat
    for double in ("？：", "。。", "：:", "：："):
        assert double not in flat, double
