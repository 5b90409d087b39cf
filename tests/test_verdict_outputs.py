"""One explanation module feeds the command line, the report and the GUI: for every reference
firm, in both languages, the headline, the rule lines and each dimension's "now" come out the
same in `zhigai score` and in the PDF (the GUI's side is in test_gui_results.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from zhigai.cli.main import main
from zhigai.core.assessment import verdict
from zhigai.core.report.service import make_report

from test_reference_firms import FIRMS, REFERENCE, load


def texts(firm: str, lang: str) -> list[str]:
    assessment, instrument, result, _ = load(firm)
    said = verdict.summary_texts(result, instrument, assessment.answers, lang)
    return [said["headline"], *said["rules"], *said["now"].values()]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("firm", FIRMS)
def test_score_command_says_what_the_verdict_module_says(firm: str, lang: str,
                                                         capsys: Any) -> None:
    code = main(["score", str(REFERENCE / firm / "assessment.json"), "--lang", lang])
    out = capsys.readouterr().out
    assert code == 0
    missing = [t for t in texts(firm, lang) if t not in out]
    assert missing == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("firm", FIRMS)
def test_report_says_what_the_verdict_module_says(firm: str, lang: str,
                                                  tmp_path: Path) -> None:
    assessment, _, result, _ = load(firm)
    made = make_report(assessment, tmp_path / f"{firm}.pdf", lang)
    pages = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(made.path), "-"],
                           capture_output=True, text=True, check=True).stdout.split("\f")
    body = flat("".join(pages))
    missing = [t for t in texts(firm, lang) if flat(t) not in body]
    assert missing == []
    draft = "草稿·评估未完成" if lang == "zh" else "DRAFT·assessmentunfinished"
    filled = [p for p in pages if p.strip()]
    if result.complete:
        assert draft not in body
    else:       # an unfinished assessment is a draft on every page, what is missing on the first
        assert all(draft in flat(p) for p in filled)
        listed = verdict.missing_lines(result, load(firm)[1], lang)
        assert listed and all(flat(x) in flat(filled[0]) for x in listed)
