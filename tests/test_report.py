"""The PDF report: text a bank reads (extracted with pdftotext), embedded fonts, a file that
parses cleanly, page counts, verification, hostile text, and the report/batch/verify commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from zhigai.cli.main import main
from zhigai.core.assessment.model import Answer, load_assessment
from zhigai.core.assessment.money import fmt
from zhigai.core.report.service import ReportError, make_report

EXAMPLES = ("textile-early", "auto-parts-midway", "equipment-advanced")
A4_WIDTH, A4_HEIGHT = 595.28, 841.89
MARGIN = 18 * 72 / 25.4

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None
                                   or shutil.which("pdffonts") is None,
                                   reason="poppler-utils not installed (scripts/test.sh "
                                          "installs it)")


def _text(pdf: Path, *extra: str) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(pdf), "-"],
                         capture_output=True, text=True, check=True)
    return out.stdout


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, root: Path) -> dict[str, Any]:
    """The three example firms' reports in Chinese, and the middle one also in English."""
    out = tmp_path_factory.mktemp("reports")
    made = {}
    for name in EXAMPLES:
        made[name, "zh"] = make_report(load_assessment(root / "examples" / f"{name}.json"),
                                       out / f"{name}-zh.pdf", "zh")
    made["auto-parts-midway", "en"] = make_report(
        load_assessment(root / "examples" / "auto-parts-midway.json"),
        out / "auto-parts-midway-en.pdf", "en")
    return made


def _advice(root: Path, name: str, lang: str) -> tuple[Any, Any, Any]:
    from zhigai.core.advice.advise import advise
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.assessment.scoring import score
    from zhigai.core.questionnaire.catalog import default_catalog

    assessment = load_assessment(root / "examples" / f"{name}.json")
    instrument, _ = default_catalog().instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    advice = advise(default_advice_data(), instrument, assessment, result, assessment.project,
                    lang)
    return instrument, result, advice


@needs_poppler
@pytest.mark.parametrize("name", EXAMPLES)
def test_chinese_text_company_stage_and_figures(reports: dict[str, Any], root: Path,
                                                name: str) -> None:
    made = reports[name, "zh"]
    text = _text(made.path)
    flat = _flat(text)
    assessment = load_assessment(root / "examples" / f"{name}.json")
    company = str(assessment.profile["company_name"])
    assert company in flat
    instrument, result, advice = _advice(root, name, "zh")
    for stage in (result.stage_by_index, result.stage_weakest_link):
        assert stage is not None
        assert _flat(instrument.stage_name(stage).get("zh")) in flat
    assert f"{result.index:.1f}" in flat
    assert made.code in text and made.report_id in text
    assert "第2页，共" in flat  # footer (the cover has none)
    appraisal = advice.appraisal
    assert appraisal is not None
    assert _flat(fmt(appraisal.investment, "zh")) in flat
    if appraisal.payback_years is not None:
        assert str(appraisal.payback_years) in flat
    best = advice.recommended
    assert best is not None and _flat(best.option.name.get("zh")) in flat
    # the top gap's dimension is named in the summary
    top = result.priorities[0].dimension
    assert _flat(instrument.dimension_by_id[top].name.get("zh")) in flat
    assert "□" not in text  # the examples need no replacement glyphs


@needs_poppler
def test_english_edition(reports: dict[str, Any], root: Path) -> None:
    made = reports["auto-parts-midway", "en"]
    text = _text(made.path)
    instrument, result, advice = _advice(root, "auto-parts-midway", "en")
    assert "Executive summary" in text
    assert instrument.stage_name(result.stage_by_index).get("en") in text
    assert "Page 2 of" in text
    assert fmt(advice.appraisal.investment, "en") in text
    assert "玉环恒达汽车零部件有限公司" in _flat(text)  # the name stays as registered


@needs_poppler
def test_every_font_is_embedded(reports: dict[str, Any]) -> None:
    for made in reports.values():
        out = subprocess.run(["pdffonts", str(made.path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        assert out, "no fonts listed"
        for line in out:
            columns = line.split()
            # name type encoding emb sub uni object-id: emb, sub, uni are yes/no
            emb, sub, uni = columns[-5:-2]
            assert (emb, sub, uni) == ("yes", "yes", "yes"), line
            assert "ZhigaiSans" in columns[0] or "WenQuanYi" in columns[0], line


def test_pdf_parses_and_carries_metadata(reports: dict[str, Any]) -> None:
    from pypdf import PdfReader

    for (name, lang), made in reports.items():
        reader = PdfReader(str(made.path), strict=True)
        meta = reader.metadata
        assert meta is not None
        assert made.company in str(meta.title)
        assert made.report_id in str(meta.subject)
        assert str(meta.get("/Keywords")).startswith(f"ZGFP1 report={made.report_id} "
                                                     "assessment=")
        assert 10 <= len(reader.pages) <= 24, (name, lang, len(reader.pages))
        assert len(reader.pages) == made.pages
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_finds_no_damage(reports: dict[str, Any]) -> None:
    for made in reports.values():
        out = subprocess.run(["qpdf", "--check", str(made.path)], capture_output=True,
                             text=True)
        assert out.returncode == 0, out.stdout + out.stderr
        assert "No syntax or stream encoding errors" in out.stdout


def test_appendix_can_be_left_out(tmp_path: Path, root: Path,
                                  reports: dict[str, Any]) -> None:
    assessment = load_assessment(root / "examples" / "auto-parts-midway.json")
    made = make_report(assessment, tmp_path / "short.pdf", "zh", include_appendix=False)
    assert 6 <= made.pages < reports["auto-parts-midway", "zh"].pages


def test_same_assessment_same_code_and_any_change_shows(tmp_path: Path, root: Path) -> None:
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.report.verify import verify, verify_code

    source = root / "examples" / "auto-parts-midway.json"
    made = make_report(load_assessment(source), tmp_path / "r.pdf", "en")
    again = make_report(load_assessment(source), tmp_path / "r2.pdf", "zh")
    assert again.code == made.code  # the language is not part of the fingerprint
    catalog, data = default_catalog(), default_advice_data()

    same = verify(made.path, load_assessment(source), catalog, data)
    assert same.matches and same.differing == []
    assert verify_code(made.code, load_assessment(source), catalog, data)

    changed = load_assessment(source)
    changed.answers["st_plan"] = Answer(value="none")
    result = verify(made.path, changed, catalog, data)
    assert not result.matches and result.differing == ["answers"]
    assert not verify_code(made.code, changed, catalog, data)

    changed = load_assessment(source)
    changed.profile["employees"] = 265
    assert verify(made.path, changed, catalog, data).differing == ["profile"]

    changed = load_assessment(source)
    changed.kind = "expert"   # claiming expert verification is part of what is checked
    assert verify(made.path, changed, catalog, data).differing == ["profile"]

    changed = load_assessment(source)
    assert changed.project is not None
    changed.project.finance.discount_rate = "0.09"
    assert verify(made.path, changed, catalog, data).differing == ["project"]

    other = load_assessment(root / "examples" / "textile-early.json")
    assert verify(made.path, other, catalog, data).differing == ["assessment"]


def test_altered_metadata_is_caught_by_the_printed_code(tmp_path: Path, root: Path) -> None:
    """Someone copies another report's fingerprint into this one: the cover still prints the
    old code, so verification fails even though the metadata fits."""
    from pypdf import PdfReader, PdfWriter

    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.report.verify import verify

    good = root / "examples" / "auto-parts-midway.json"
    edited = load_assessment(good)
    edited.answers["st_plan"] = Answer(value="core_strategy")
    edited_file = tmp_path / "edited.json"
    edited.save(edited_file)
    made = make_report(edited, tmp_path / "edited.pdf", "zh")
    genuine = make_report(load_assessment(good), tmp_path / "genuine.pdf", "zh")
    writer = PdfWriter(clone_from=str(made.path))
    keywords = PdfReader(str(genuine.path)).metadata["/Keywords"]
    writer.add_metadata({"/Keywords": keywords})
    forged = tmp_path / "forged.pdf"
    with forged.open("wb") as handle:
        writer.write(handle)
    result = verify(forged, load_assessment(good), default_catalog(), default_advice_data())
    assert not result.matches
    assert result.differing == ["printed_code"]


@needs_poppler
def test_hostile_text_wraps_and_degrades(tmp_path: Path, root: Path) -> None:
    assessment = load_assessment(root / "examples" / "auto-parts-midway.json")
    long_name = ("浙江省台州市玉环市恒达汽车零部件精密制造与智能装备科技集团股份有限公司"
                 "第二分公司暨研发中心")
    assessment.profile["company_name"] = long_name
    assessment.profile["main_products"] = "转向节" * 66
    assessment.profile["contact"] = "😀👍🏽 林海波\u200d 𪚥𠀀 \x07 139"
    assessment.answers["st_notes"] = Answer(value=("生产计划靠经验，" * 40)[:320] + "A" * 180)
    assert assessment.project is not None
    assessment.project.items[0].description = "Roboterzelle" * 25
    made = make_report(assessment, tmp_path / "hostile.pdf", "zh")
    assert 10 <= made.pages <= 26
    text = _text(made.path)
    flat = _flat(text)
    assert _flat(long_name) in flat
    assert "□" in text  # emoji the font lacks print as a visible mark, not as nothing
    assert "A" * 40 in flat and "转向节转向节" in flat
    # nothing is drawn outside the page margins (tables did not overflow)
    boxes = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', _text(made.path, "-bbox"))
    assert len(boxes) > 1000
    for x0, y0, x1, y1, word in boxes:
        # Chinese typesetting lets closing punctuation hang into the cell padding
        hang = 9 if word[-1:] in "，、。；：！？）」』》】〕〉”’" else 0
        assert float(x0) >= MARGIN - 0.5, (x0, word)
        assert float(x1) <= A4_WIDTH - MARGIN + 0.5 + hang, (x1, word)
        assert float(y0) >= 0 and float(y1) <= A4_HEIGHT


def test_every_report_text_key_exists(root: Path) -> None:
    from zhigai.core.report.texts import report_texts

    source = "".join(path.read_text(encoding="utf-8")   # the pages: build, layout, sections_*
                     for path in sorted((root / "desktop" / "zhigai" / "core" / "report")
                                        .glob("*.py")))
    used = set(re.findall(r"""\bw\(["']([a-z_]+)["']""", source))
    assert len(used) > 40
    texts = report_texts().texts
    assert used <= set(texts), sorted(used - set(texts))
    for key, text in texts.items():
        assert text.zh and text.en, key  # both editions are written, not fallen back
        assert set(re.findall(r"{\w+}", text.zh)) == set(re.findall(r"{\w+}", text.en)), key


@needs_poppler
def test_unfinished_assessment_without_project(tmp_path: Path, root: Path) -> None:
    """A report can be printed mid-way: it says it is provisional and has no project."""
    assessment = load_assessment(root / "examples" / "textile-early.json")
    assessment.project = None
    assessment.profile.pop("project_cost", None)
    for qid in list(assessment.answers)[:20]:
        del assessment.answers[qid]
    made = make_report(assessment, tmp_path / "early.pdf", "zh")
    flat = _flat(_text(made.path))
    assert "暂定结果：尚有20道必答题未回答" in flat
    assert "尚未确定改造项目" in flat
    assert 8 <= made.pages <= 20


def test_answers_that_do_not_fit_are_refused(tmp_path: Path, root: Path) -> None:
    data = json.loads((root / "examples" / "textile-early.json").read_text(encoding="utf-8"))
    data["answers"]["st_plan"]["value"] = "nonsense"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "bad.pdf"
    out.write_bytes(b"an earlier report")
    with pytest.raises(ReportError, match=r"answers\.st_plan\.value: 'nonsense'"):
        make_report(load_assessment(bad), out, "zh")
    assert out.read_bytes() == b"an earlier report"  # nothing half-written


def test_unwritable_output_is_a_clear_error(tmp_path: Path, root: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="cannot write"):
        make_report(load_assessment(root / "examples" / "textile-early.json"),
                    blocker / "out.pdf", "zh")
    assert list(tmp_path.iterdir()) == [blocker]


# ---------------------------------------------------------------------------- commands

def test_report_and_verify_commands(tmp_path: Path, root: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.json"
    shutil.copy(root / "examples" / "auto-parts-midway.json", source)
    out = tmp_path / "a.pdf"
    assert main(["report", str(source), "-o", str(out), "--lang", "zh"]) == 0
    said = capsys.readouterr().out
    assert "14 页" in said or "页" in said
    assert out.stat().st_size > 50_000

    assert main(["verify", str(out), "--assessment", str(source), "--lang", "en"]) == 0
    assert "MATCH" in capsys.readouterr().out

    assert main(["set", str(source), "eq_auto_lines=none"]) == 0
    capsys.readouterr()
    assert main(["verify", str(out), "--assessment", str(source), "--lang", "zh"]) == 1
    said = capsys.readouterr().out
    assert "不一致" in said and "问卷回答" in said

    code = re.search(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", _meta_code(out))
    assert code is not None
    assert main(["verify", "--code", code.group(0), "--assessment",
                 str(root / "examples" / "auto-parts-midway.json"), "--lang", "en"]) == 0

    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_text("hello")
    assert main(["verify", str(not_pdf), "--assessment", str(source)]) == 1
    assert "cannot be read as a PDF" in capsys.readouterr().err


def _meta_code(pdf: Path) -> str:
    from pypdf import PdfReader

    from zhigai.core.report.fingerprint import parse_keywords, short_code

    fields = parse_keywords(str(PdfReader(str(pdf)).metadata["/Keywords"]))
    assert fields is not None
    return short_code(fields["fingerprint"])


def test_report_from_the_store_by_id(tmp_path: Path, db_url: str, root: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from zhigai.core.store.store import Store

    url = db_url
    store = Store.open(url)
    assessment = load_assessment(root / "examples" / "equipment-advanced.json")
    store.create(assessment)
    store.close()
    monkeypatch.setenv("ZHIGAI_DB_URL", url)
    monkeypatch.chdir(tmp_path)
    assert main(["report", assessment.id[:8], "--lang", "en"]) == 0
    made = [p for p in tmp_path.glob("*.pdf")]
    assert len(made) == 1 and made[0].name.endswith(".pdf") and "ZG-" in made[0].name
    capsys.readouterr()
    # the store is where verify looks by default
    assert main(["verify", str(made[0]), "--lang", "en"]) == 0
    assert "MATCH" in capsys.readouterr().out
    assert main(["report", "no-such-id"]) == 1
    assert "neither a file nor an assessment id" in capsys.readouterr().err


def test_batch_makes_every_good_report_and_lists_failures(
        tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in EXAMPLES:
        shutil.copy(root / "examples" / f"{name}.json", folder / f"{name}.json")
    shutil.copy(root / "examples" / "textile-early.json", folder / "sub" / "textile-early.json")
    (folder / "broken.json").write_text('{"format": "zhigai-assessment", "id": 3',
                                        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "2", "--lang", "zh"]) == 1
    captured = capsys.readouterr()
    assert "4 report(s)" in captured.out and "1 failed" in captured.out
    assert "FAILED" in captured.out and "broken.json" in captured.out
    assert "JSON syntax" in captured.out
    assert "100%" in captured.err  # progress (a line per tenth when not on a terminal)
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert pdfs == ["auto-parts-midway.pdf", "equipment-advanced.pdf", "sub/textile-early.pdf",
                    "textile-early.pdf"]
    assert not list(out.rglob("*.part"))


def test_batch_on_one_core_without_failures(tmp_path: Path, root: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(root / "examples" / "textile-early.json", folder)
    assert main(["batch", str(folder), "-o", str(tmp_path / "out"), "-j", "1", "-q",
                 "--no-appendix"]) == 0
    assert "1 report(s)" in capsys.readouterr().out
    assert main(["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]) == 1
    assert "does not exist" in capsys.readouterr().err


@needs_poppler
def test_expired_supports_are_printed_for_reference_only(tmp_path: Path, root: Path) -> None:
    """The paper's catalogue on a 2026 assessment: every entry under "expired", none eligible,
    no estimate, and the catalogue says in one line that nothing is in force."""
    assessment = load_assessment(root / "examples" / "auto-parts-midway.json")
    assert assessment.project is not None
    assessment.project.catalogues = ["zhejiang-2013-2018"]
    made = make_report(assessment, tmp_path / "expired.pdf", "zh")
    text = _flat(_text(made.path, "-raw"))
    start = text.index("8公共支持政策")
    section = text[start:text.index("9可参照的案例", start)]
    assert "已过期（仅供参考）" in section
    assert "该目录在2026-11-18没有仍然有效的条目，仅供参考。" in section
    assert "符合条件" not in section and "估计金额" not in section
    assert "工业机器人购置补贴" in section and "有效期至2018-12-31" in section
    summary = text[:start]
    assert "预计补贴0.00万元" in summary or "补贴0.00万元" in summary


def test_a_report_changed_after_it_was_written_does_not_verify(
        tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An incremental update (what a PDF editor appends to change a page) or bytes after the
    end: the fingerprint in the metadata still matches, the file does not."""
    from pypdf import PdfWriter

    source = root / "examples" / "textile-early.json"
    out = tmp_path / "a.pdf"
    assert main(["report", str(source), "-o", str(out), "--lang", "en", "--no-appendix"]) == 0
    assert main(["verify", str(out), "--assessment", str(source), "--lang", "en"]) == 0
    capsys.readouterr()
    writer = PdfWriter(str(out), incremental=True)
    writer.add_blank_page()                        # a page appended in an incremental update
    updated = tmp_path / "updated.pdf"
    with open(updated, "wb") as handle:
        writer.write(handle)
    assert updated.read_bytes().startswith(out.read_bytes())    # the original bytes are kept
    assert main(["verify", str(updated), "--assessment", str(source), "--lang", "en"]) == 1
    assert "changed after Zhigai wrote it" in capsys.readouterr().out
    trailing = tmp_path / "trailing.pdf"
    trailing.write_bytes(out.read_bytes() + b"\n1 0 obj\n(forged)\nendobj\n")
    assert main(["verify", str(trailing), "--assessment", str(source), "--lang", "en"]) == 1
    assert "changed after Zhigai wrote it" in capsys.readouterr().out
