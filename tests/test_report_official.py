"""The report's MIIT section and the board summary, read back with pdftotext as a credit
officer or a programme officer would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from zhigai.core.assessment.model import Answer, Assessor, load_assessment
from zhigai.core.report.service import make_report

DIECAST = "examples/reference/diecast-auto-parts/assessment.json"


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def test_the_report_states_the_miit_estimate(tmp_path: Path, root: Path) -> None:
    made = make_report(load_assessment(root / DIECAST), tmp_path / "r.pdf", "zh")
    text = text_of(made.path)
    start = text.index("3工信部中小企业数字化水平（参考值）")
    section = text[start:text.index("4差距与改进优先次序")]
    assert "参考值，以官方平台或现场评定为准" in section
    assert "预估等级：三级（三部分得分72.25/100）" in section
    assert "数字化基础39.550" in section and "合计72.25100" in section
    assert "到四级的最短路径" in section and "约束性" in section
    assert "工信厅企业〔2024〕56号" in section
    assert "现场证据完整度" not in section        # a self-assessment has no on-site evidence


def test_an_expert_report_shows_the_evidence_completeness(tmp_path: Path, root: Path) -> None:
    from zhigai.core.assessment.model import Evidence

    assessment = load_assessment(root / DIECAST)
    assessment = assessment.model_copy(update={
        "kind": "expert", "assessor": Assessor(name="王工"),
        "owner_answers": dict(assessment.answers),
        "evidence": {"miit-2024:network": Evidence(checked=["topology", "site_photos"]),
                     "miit-2024:production": Evidence(checked=["mes_screens"])}})
    made = make_report(assessment, tmp_path / "e.pdf", "zh")
    text = text_of(made.path)
    section = text[text.index("现场证据完整度"):]
    # 数字化基础: 2 of the 15 materials of its items seen; scenarios: 1 of 24
    assert re.search(r"数字化基础2/15\d+%", section), section[:200]
    assert re.search(r"数字化经营（场景）1/\d+\d+%", section)


def test_the_board_summary_fits_two_pages_with_arrows(tmp_path: Path, root: Path) -> None:
    """T0 → T1: the previous assessment had no MES or data collection; the summary shows the
    stage, index and MIIT level before and after with arrows, the five gaps, the project."""
    now = load_assessment(root / DIECAST)
    before = now.model_copy(update={"id": "previous-diecast", "answers": {
        **now.answers, "sy_mes": Answer(value="none"), "co_networking_rate": Answer(value=5),
        "mi_devices_networked": Answer(value=10), "eq_maintenance": Answer(value="paper_plan"),
        "pr_reporting": Answer(value="paper_daily"), "sy_wms": Answer(value="spreadsheet")}})
    made = make_report(now, tmp_path / "b.pdf", "zh", previous=before, board=True)
    assert made.pages <= 2
    text = text_of(made.path)
    assert text.startswith("董事会与主管部门摘要") or "董事会与主管部门摘要" in text[:40]
    assert "本次（T1）" in text and "上次（T0）" in text
    assert "工信部数字化水平（预估，参考值）三级，项目完成后三级二级↑" in text
    assert "↑" in text and "最需要改进的5个方面" in text
    assert "企业自评，未经专家现场核对" in text
    assert "改造项目与融资" in text and "最低偿债备付率" in text
    assert made.code in text.replace("核验码", " ")
    full = make_report(now, tmp_path / "f.pdf", "zh", previous=before)
    assert full.code == made.code and full.pages > made.pages


def test_the_board_summary_in_english_has_no_chinese_labels(tmp_path: Path, root: Path) -> None:
    made = make_report(load_assessment(root / DIECAST), tmp_path / "en.pdf", "en", board=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(made.path), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Summary for the board and officials" in text
    labels = [line for line in text.splitlines()
              if re.search(r"[\u4e00-\u9fff]", line) and "宁波" not in line
              and "压铸" not in line and "铸" not in line]
    assert not [x for x in labels if any(k in x for k in ("阶段", "等级", "摘要", "融资"))], labels


def test_cli_board_name(tmp_path: Path, root: Path, capsys: Any) -> None:
    from zhigai.cli.main import main

    assert main(["report", str(root / DIECAST), "-o", str(tmp_path), "--board"]) == 0
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 1 and names[0].endswith("-board.pdf")
