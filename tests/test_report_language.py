"""The report speaks one language: no English words or programmer text (None, nan, 1e+08,
{placeholders}, snake_case ids) on a Chinese page, no Chinese on an English one, except what
the firm entered, units, acronyms of the trade, addresses and the report's own codes; and
Chinese punctuation follows the rules (no "？：", "。。", ASCII colons after Chinese)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from zhigai.core.assessment.model import load_assessment
from zhigai.core.report.service import make_report

FIRMS = ("hangzhou-brake-parts", "mechanized-weaving-mill", "advanced-electrical")

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils not installed (scripts/test.sh "
                                          "installs it)")

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
#: words that stay as they are in a Chinese report: units, product names and trade words
#: written in mixed case (all-capital acronyms such as MES, ERP, PLC, OEE, 5G are let through
#: by their shape)
KEEP = {
    "Zhigai", "Excel", "Word", "App", "IoT", "SaaS", "PaaS", "IaaS", "WiFi", "Wi", "Fi",
    "kWh", "kW", "MWh", "kg", "mm", "MPa", "km", "m²", "m³", "pH", "CHNT", "Qt", "ReportLab",
    # software the questionnaire names as examples (设计软件、数据分析工具)
    "Python", "AutoCAD", "SolidWorks", "Creo", "Cloud",
}
_ALONE = r"(?<![A-Za-z0-9_])({})(?![A-Za-z0-9_])"  # a word, also between Chinese characters
PROGRAMMER = re.compile(_ALONE.format(r"None|True|False|nan|NaN|inf|null|undefined"
                                      r"|[a-z]+_[a-z0-9_]+")
                        + r"|\d[eE][+-]\d|\{[a-z_]+\}|Decimal\(|\[\]|\{\}|</?[a-z]+>")
ACRONYM = re.compile(_ALONE.format(r"[A-Z0-9][A-Z0-9/&+-]*[A-Z0-9]|[A-Z]"))
# addresses (a long one runs on over the next line), file names, the report's id and
# verification code, data files named with their versions in the method section, the command
ADDRESS = re.compile(r"https?://\S+(?:\n[!-~]+)*|www\.\S+|\S+@\S+|[\w.-]+\.(?:pdf|json|xlsx|csv|"
                     r"png|jpe?g|zhigai|yaml|cc|cn|com|org|net)\b"
                     r"|\bZG-\d{8}-[0-9A-F]{8}\b|\b[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\b"
                     r"|\b[a-z][a-z0-9-]*[a-z0-9] \d+\.\d+\.\d+|sha256:[0-9a-f]+|zhigai verify")
# Chinese punctuation: two marks where one belongs, an ASCII mark right after Chinese, a
# space before a full-width mark
ZH_PUNCTUATION = re.compile(r"[？！。][：:]|：[：:]|。[。.]|[，；、]。"
                            r"|[\u4e00-\u9fff][,;:!?](?=[\s\u4e00-\u9fff]|$)"
                            r"|[\u4e00-\u9fff][ \t]+[，。；：？！、]", re.M)


def firm_strings(data: Any) -> set[str]:
    """Every text the firm or its assessor entered (names, notes, project items), as typed."""
    out: set[str] = set()
    if isinstance(data, str):
        if data.strip():
            out.add(data.strip())
            out.update(part.strip() for part in re.split(r"[\n；;，,、]", data) if part.strip())
    elif isinstance(data, dict):
        for value in data.values():
            out |= firm_strings(value)
    elif isinstance(data, list):
        for value in data:
            out |= firm_strings(value)
    return out


def pdf_text(pdf: Path) -> str:
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True)
    return run.stdout


def stray(text: str, lang: str, allowed: set[str]) -> list[str]:
    """The lines of a report's text in the wrong language or with programmer text, each with
    what is wrong in it (``allowed``: the firm's own texts, shown as entered; a line of the
    PDF may hold only part of one, so their words are allowed one by one too)."""
    bad = []
    own_words = {w for value in allowed for w in WORD.findall(value)}
    own = "\n".join(allowed)
    for line in ADDRESS.sub("\uE000", text).splitlines():  # a mark that is neither word nor
        # punctuation stands for what was taken out
        rest = line
        for value in sorted(allowed, key=len, reverse=True):
            if len(value) >= 2:
                rest = rest.replace(value, " ")
        found = [m.group(0) for m in PROGRAMMER.finditer(rest)
                 if lang == "zh" or m.group(0) not in ("None", "True", "False")]  # English words
        if lang == "zh":
            # acronyms (MES, ERP, 5G, GB/T, ISO 9001) keep their shape in Chinese
            words = ACRONYM.sub(" ", rest)
            found += [w for w in WORD.findall(words) if w not in KEEP and w not in own_words]
            found += [m.group(0) for m in ZH_PUNCTUATION.finditer(line)]
        else:
            # a run of Chinese that is part of the firm's texts (cut by the line's end) is theirs
            found += [run for run in re.findall(f"(?:{CJK.pattern})+", rest) if run not in own]
        if found:
            bad.append(f"{line.strip()!r}: {', '.join(dict.fromkeys(found))}")
    return bad


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, root: Path) -> dict[tuple[str, str], Any]:
    out = tmp_path_factory.mktemp("language")
    made: dict[tuple[str, str], Any] = {}
    for firm in FIRMS:
        path = root / "examples" / "reference" / firm / "assessment.json"
        for lang in ("zh", "en"):
            pdf = out / f"{firm}-{lang}.pdf"
            make_report(load_assessment(path), pdf, lang)
            made[firm, lang] = (pdf, firm_strings(json.loads(path.read_text("utf-8"))))
    return made


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("firm", FIRMS)
def test_the_report_speaks_one_language(rendered: dict[tuple[str, str], Any], firm: str,
                                        lang: str) -> None:
    pdf, allowed = rendered[firm, lang]
    problems = stray(pdf_text(pdf), lang, allowed)
    assert not problems, "\n".join(problems[:40])


def test_the_check_catches_stray_words() -> None:
    """The checker itself fails where it should and lets through what belongs."""
    zh = "\n".join(["评估结果：第 2 阶段", "ERP 与 MES 打通，OEE 85%，5G 专网",
                    "Results of the assessment", "得分 None 分", "金额 1e+08 万元", "见 {company}",
                    "措施 equipment_data_collection", "企业对规划有没有写成文字？：做到",
                    "企业: 浙江", "核验码 1EA4-538E-DBB6", "https://example.org/a.pdf",
                    "浙江某某 Textile 公司"])
    found = stray(zh, "zh", {"浙江某某 Textile 公司"})
    assert [p.split("'")[1] for p in found] == [
        "Results of the assessment", "得分 None 分", "金额 1e+08 万元", "见 {company}",
        "措施 equipment_data_collection", "企业对规划有没有写成文字？：做到", "企业: 浙江"]
    assert stray("Stage 2 of 4 for 绍兴锦程\nStage 评估", "en", {"绍兴锦程"}) == [
        "'Stage 评估': 评估"]


def test_the_cases_name_their_firms_in_each_language() -> None:
    """The case library gives every case, firm and source in Chinese for the Chinese report
    (no "Hangzhou Wheeler General Machinery" on a Chinese page) and in English for the
    English one."""
    from zhigai.core.report.texts import report_cases

    cases = report_cases()
    for case in cases.cases:
        texts = [case.name, case.firm, case.text, case.source or cases.source.basis]
        for lang in ("zh", "en"):
            assert all(t.has(lang) for t in texts), case.name
            problems = stray("\n".join(t.get(lang) for t in texts), lang, set())
            assert not problems, problems
