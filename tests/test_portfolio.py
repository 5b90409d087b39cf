"""The portfolio: frame, filters, summaries, peer benchmark, Excel and CSV export."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from zhigai.core import portfolio as P
from zhigai.core.store import AssessmentRow


def row(n: int, firm: str, industry: str, levels: dict[str, float], *, date: str = "2026-05-01",
        kind: str = "self", status: str = "complete", band: str | None = "small",
        city: str = "台州市") -> AssessmentRow:
    index = 25 * sum(levels.values()) / len(levels)
    return AssessmentRow(
        id=f"a{n:03d}", firm_key=f"name:{firm}", company_name=firm, industry=industry,
        city=city, created_at=date + "T00:00:00", updated_at=date + "T00:00:00",
        status=status, kind=kind, questionnaire_id="zhigai-readiness",
        questionnaire_version="1.0.0", previous_id=None, revision=0,
        summary={"index": index, "stage_index": int(index // 25), "stage_weakest": 0,
                 "completeness": 1.0, "date": date, "size_band": band,
                 "dimensions": levels})


@pytest.fixture
def rows() -> list[AssessmentRow]:
    out = [row(1, "甲", "textile", {"equipment": 1.0, "production": 2.0}, date="2025-05-01"),
           row(2, "甲", "textile", {"equipment": 2.0, "production": 3.0}, date="2026-05-01"),
           row(3, "乙", "textile", {"equipment": 3.0, "production": 1.0}),
           row(4, "丙", "textile", {"equipment": 1.0, "production": 1.0}, band="medium"),
           row(5, "丁", "auto_parts", {"equipment": 4.0, "production": 4.0}, kind="expert",
               city="宁波市"),
           row(6, "戊", "textile", {"equipment": 0.0, "production": 0.0}, status="draft")]
    return out


def test_frame_filters_and_summaries(rows: list[AssessmentRow]) -> None:
    df = P.frame(rows, ["production", "equipment"])
    assert list(P.dimension_columns(df)) == ["dim.production", "dim.equipment"]
    assert len(P.Filter(industries=["textile"]).apply(df)) == 5
    assert list(P.Filter(cities=["宁波市"]).apply(df)["id"]) == ["a005"]
    assert list(P.Filter(kinds=["expert"]).apply(df)["id"]) == ["a005"]
    assert list(P.Filter(date_to="2025-12-31").apply(df)["id"]) == ["a001"]
    assert set(P.Filter(stages=[1], industries=["textile"]).apply(df)["id"]) == {"a001", "a004"}
    dist = P.stage_distribution(df)
    counts = dict(zip([None if s is pd.NA else s for s in dist["stage"].tolist()],
                      dist["count"], strict=True))
    assert counts == {0: 1, 1: 2, 2: 2, 3: 0, 4: 1, None: 0}
    means = P.dimension_averages(df)
    assert means.loc["textile", "n"] == 5
    assert means.loc["textile", "dim.equipment"] == pytest.approx((1 + 2 + 3 + 1 + 0) / 5)
    progress = P.firm_progress(df, "name:甲")
    assert list(progress["date"]) == ["2025-05-01", "2026-05-01"]
    assert list(progress["index"].astype(float)) == [37.5, 62.5]


def test_peer_benchmark_uses_latest_complete_assessment_of_other_firms(
        rows: list[AssessmentRow]) -> None:
    df = P.frame(rows)
    # 甲's latest is compared with 乙 and 丙 (not with itself, not with the draft 戊)
    result = P.peer_benchmark(df, "a002", min_peers=2)
    assert result.enough and result.peers == 2 and result.size_band is None  # band too small
    equipment = next(r for r in result.rows if r.dimension == "equipment")
    assert equipment.firm == 2.0 and equipment.mean == pytest.approx(2.0)
    assert equipment.median == pytest.approx(2.0)
    # with a threshold of 1 the same size band (乙, small) suffices
    narrow = P.peer_benchmark(df, "a002", min_peers=1)
    assert narrow.size_band == "small" and narrow.peers == 1
    assert next(r for r in narrow.rows if r.dimension == "equipment").mean == 3.0
    # too few peers: nothing is compared
    lonely = P.peer_benchmark(df, "a005", min_peers=2)
    assert not lonely.enough and lonely.rows == () and "at least 2" in lonely.text("en")
    assert "同行" in lonely.text("zh")


def test_excel_and_csv_export(rows: list[AssessmentRow], tmp_path: Path, catalog) -> None:
    from openpyxl import load_workbook

    labels = P.Labels.from_catalog(catalog)
    df = P.frame(rows, list(labels.dimensions))
    for lang, sheet, head in (("zh", "评估清单", "企业名称"), ("en", "Assessments", "Company")):
        sheets = P.tables(df, labels, lang)
        path = P.export_excel(sheets, tmp_path / f"p-{lang}.xlsx")
        book = load_workbook(path)
        assert book.sheetnames[0] == sheet and len(book.sheetnames) == 4
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        assert header[0] == head and ws.freeze_panes == "A2" and ws["A1"].font.bold
        index_col = header.index("指数" if lang == "zh" else "Index") + 1
        assert isinstance(ws.cell(row=2, column=index_col).value, float)
        industry = header.index("行业" if lang == "zh" else "Industry") + 1
        assert ws.cell(row=2, column=industry).value == ("纺织" if lang == "zh" else "Textiles")
    csv_path = P.export_csv(P.tables(df, labels, "zh")["评估清单"], tmp_path / "p.csv")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    first = next(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert first[0] == "企业名称"
    with pytest.raises(P.PortfolioError, match="cannot write"):
        P.export_csv(df, tmp_path / "missing" / "x.csv")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_excel_opens_in_libreoffice(rows: list[AssessmentRow], tmp_path: Path, catalog) -> None:
    labels = P.Labels.from_catalog(catalog)
    path = P.export_excel(P.tables(P.frame(rows, list(labels.dimensions)), labels, "zh"),
                          tmp_path / "p.xlsx")
    out = tmp_path / "lo"
    # 44 = comma, 34 = quote, 76 = UTF-8; the last field -1 writes every sheet
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,"
                    "false,-1", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    listing = (out / "p-评估清单.csv").read_text(encoding="utf-8").splitlines()
    assert listing[0].startswith("企业名称,行业") and len(listing) == 1 + len(rows)
    assert any(line.startswith("丁,汽车及摩托车零部件,宁波市") for line in listing)
    stages = (out / "p-阶段分布.csv").read_text(encoding="utf-8").splitlines()
    assert stages[0] == "阶段,企业数,占比" and stages[1] == "0 手工为主,1,0.1667"


def test_portfolio_command(tmp_path: Path, root: Path, capsys) -> None:
    from zhigai.cli.main import main

    db = f"sqlite:///{tmp_path / 'z.db'}"
    assert main(["import", *[str(p) for p in sorted((root / "examples").glob("*.json"))],
                 "--db", db]) == 0
    capsys.readouterr()
    assert main(["portfolio", "--db", db, "--lang", "en", "--industry", "textile"]) == 0
    assert "Assessments: 1" in capsys.readouterr().out
    assert main(["portfolio", "--db", db, "--lang", "zh", "-o", str(tmp_path / "p.xlsx")]) == 0
    assert (tmp_path / "p.xlsx").stat().st_size > 4000
    assert main(["portfolio", "--db", db, "-o", str(tmp_path / "p.csv"),
                 "--table", "dimensions", "--lang", "en"]) == 0
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").startswith("Industry,n,")
    assert main(["portfolio", "--db", db, "-o", str(tmp_path / "nope" / "p.xlsx")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_report_prints_the_peer_comparison(tmp_path: Path, root: Path, catalog) -> None:
    import uuid

    from zhigai.cli.main import main
    from zhigai.core.assessment import load_assessment
    from zhigai.core.session import Session
    from zhigai.core.store import Store

    db = f"sqlite:///{tmp_path / 'z.db'}"
    store = Store.open(db)
    base = load_assessment(root / "examples" / "textile-early.json")
    for n in range(3):   # three other textile firms
        copy = base.model_copy(deep=True)
        copy.id = str(uuid.uuid4())
        copy.profile["company_name"] = f"同行纺织{n}有限公司"
        copy.profile.pop("credit_code", None)
        Session.import_assessment(store, catalog, copy)
    Session.import_assessment(store, catalog, base)
    store.close()
    out = tmp_path / "r.pdf"
    assert main(["report", base.id, "--db", db, "-o", str(out), "--min-peers", "3"]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "同行对比" in text and "同行中位数" in text and "共 3 家" in text
    assert main(["report", base.id, "--db", db, "-o", str(out), "--min-peers", "4"]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "只有 3 家" in text and "同行中位数" not in text
