"""The appraisal's cash-flow workbook (core/advice/workbook.py): formulas an outside engine
recalculates to our figures, to the fen, and the ``zhigai cashflow`` command."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zhigai.cli.main import main
from zhigai.core.advice.calculator import Appraisal, Asset, Effects, Project, appraise
from zhigai.core.advice.workbook import HEAD_ROW, INPUT_ROW, expiry_matters, write_cashflow_workbook

D = Decimal
FEN = D("0.01")
ZERO_ROW = HEAD_ROW + 1


def project(**changes: Any) -> Project:
    """Land, a building and equipment, part paid by a subsidy; year 1 earns 10% of the gross
    benefits, so its depreciation makes a tax loss that year 2 uses up. 25% of the year-2..8
    taxable profits ends in half a fen (x.xx5): the rounding is checked too."""
    base = Project(
        investment=D("3000000"), subsidies=D("300000"),
        effects=Effects(positions=10, cost_per_worker=D("80000"), extra_margin=D("100000"),
                        energy_saving=D("23456.78"), added_running_costs=D("50000")),
        assets=(Asset("land", D("500000")), Asset("building", D("1000000")),
                Asset("equipment", D("1500000"))),
        ramp_up=D("0.1"))
    return replace(base, **changes)


@pytest.fixture(scope="module")
def appraisal() -> Appraisal:
    a = appraise(project())
    first, second = a.years[0], a.years[1]
    assert first.benefit < first.depreciation and first.tax == 0     # a loss in year 1 …
    assert second.taxable == second.benefit - second.depreciation \
        - (first.depreciation - first.benefit) > 0                 # … used up in year 2
    assert a.irr is not None and a.irr_pre_tax is not None
    return a


def number(value: Any) -> Decimal:
    """A number read back from a workbook (openpyxl reads floats) as the decimal it shows."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(repr(value))


def rows(sheet: Any, years: int) -> range:
    return range(ZERO_ROW + 1, ZERO_ROW + 1 + years)


def summary_row(sheet: Any, label: str) -> int:
    return next(cell.row for (cell,) in sheet.iter_rows(min_col=1, max_col=1)
                if cell.value == label)


# ---------------------------------------------------------------------------- the workbook

def test_formulas_are_formulas_and_inputs_are_ours(appraisal: Appraisal) -> None:
    buffer = io.BytesIO()
    write_cashflow_workbook(appraisal, buffer, "en")
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet.title == "Cash flows"
    inputs = [number(sheet.cell(row=r, column=2).value)
              for r in range(INPUT_ROW, INPUT_ROW + 4)]
    assert inputs == [appraisal.net_investment, appraisal.discount_rate, appraisal.tax_rate,
                      appraisal.residual_value]
    assert [sheet.cell(row=HEAD_ROW, column=c).value for c in range(1, 9)] == [
        "Year", "Net benefit", "Depreciation", "Taxable profit",
        "Loss carried forward (year end)", "Income tax", "Cash flow before tax",
        "Cash flow after tax"]
    assert "five-year limit" in sheet[f"E{HEAD_ROW}"].comment.text
    assert sheet[f"G{ZERO_ROW}"].value == sheet[f"H{ZERO_ROW}"].value == f"=-$B${INPUT_ROW}"
    for row, year in zip(rows(sheet, appraisal.life_years), appraisal.years, strict=True):
        assert sheet[f"A{row}"].value == year.year
        assert number(sheet[f"B{row}"].value) == year.benefit          # values
        assert number(sheet[f"C{row}"].value) == year.depreciation
        for column in "DEFGH":                                 # formulas
            assert str(sheet[f"{column}{row}"].value).startswith("="), (column, row)
        assert sheet[f"F{row}"].value == f"=ROUND($B${INPUT_ROW + 2}*D{row},2)"
        assert sheet[f"B{row}"].number_format == "#,##0.00"
    last = ZERO_ROW + appraisal.life_years
    assert sheet[f"H{last}"].value == f"=B{last}-F{last}+$B${INPUT_ROW + 3}"
    assert sheet[f"G{last}"].value == f"=B{last}+$B${INPUT_ROW + 3}"
    npv = summary_row(sheet, "NPV after tax")
    assert sheet[f"B{npv}"].value == \
        f"=NPV($B${INPUT_ROW + 1},H{ZERO_ROW + 1}:H{last})-$B${INPUT_ROW}"
    assert number(sheet[f"C{npv}"].value) == appraisal.npv
    irr = summary_row(sheet, "IRR before tax")
    assert sheet[f"B{irr}"].value == f"=IRR(G{ZERO_ROW}:G{last})"
    assert number(sheet[f"C{irr}"].value) == appraisal.irr_pre_tax
    assert sheet[f"C{npv - 1}"].value == "Zhigai"
    for label in ("NPV before tax", "IRR after tax"):
        assert str(sheet[f"B{summary_row(sheet, label)}"].value).startswith("=")
    assert summary_row(sheet, "NPV before tax")
    assert not expiry_matters(appraisal.years)


def test_chinese_headers_and_the_repayment_sheet(appraisal: Appraisal, tmp_path: Path) -> None:
    from zhigai.core.base.i18n import Text

    row = type("Row", (), {"year": 1, "payment": D("1000.5"), "interest": D("100"),
                           "principal": D("900.5"), "balance": D("0"), "dscr": D("1.52"),
                           "icr": None})()
    plan = type("Plan", (), {"rows": (row,), "financed": D("900.5")})()
    option: Any = type("Option", (), {"plan": plan, "label": Text(zh="技改贷款", en="Loan")})()
    path = tmp_path / "c.xlsx"
    write_cashflow_workbook(appraisal, path, option=option)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["现金流量表", "还款计划"]
    assert book.active[f"F{HEAD_ROW}"].value == "所得税"
    schedule = book["还款计划"]
    assert schedule["A1"].value == "还款计划：技改贷款"
    values = [c.value for c in schedule[5]]
    assert [number(v) for v in values[:6]] == [1, D("1000.5"), 100, D("900.5"), 0, D("1.52")]
    assert values[6] == "—" and number(schedule["B2"].value) == D("900.5")
    assert not list(tmp_path.glob(".*.part"))                   # no temporary file left


def test_an_expiring_loss_is_flagged() -> None:
    """Software written off over 3 years makes losses that the small profits of the next years
    do not use up in five years: Zhigai lets the rest expire (year 9 is taxed), the sheet
    does not, and says so."""
    a = appraise(Project(investment=D("1000000"), subsidies=D("0"), life_years=10,
                         effects=Effects(extra_margin=D("100000")),
                         assets=(Asset("software", D("1000000")),)))
    assert a.years[8].tax > 0 and expiry_matters(a.years)
    buffer = io.BytesIO()
    write_cashflow_workbook(a, buffer, "en")
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    texts = [c.value for (c,) in sheet.iter_rows(min_col=1, max_col=1) if c.value]
    assert any(str(t).startswith("Note: a loss of this project is not used up") for t in texts)


# ---------------------------------------------------------------------------- LibreOffice

def recalculated(files: list[Path], tmp_path: Path) -> dict[str, Any]:
    """Each workbook as LibreOffice computes it: converted headless to .xlsx (with a private
    profile, so parallel runs do not clash), then read back with the cached values only."""
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", str(out),
                    *map(str, files)], check=True, capture_output=True, timeout=180)
    return {f.name: openpyxl.load_workbook(out / f.name, data_only=True).active
            for f in files}


def check_against(sheet: Any, a: Appraisal) -> None:
    def fen(value: Any) -> Decimal:  # computed: a number, not an error or empty
        return number(value).quantize(FEN)

    for row, year in zip(rows(sheet, a.life_years), a.years, strict=True):
        assert fen(sheet[f"D{row}"].value) == year.taxable, row
        assert fen(sheet[f"F{row}"].value) == year.tax, row
        assert fen(sheet[f"G{row}"].value) == year.pre_tax_flow, row
        assert fen(sheet[f"H{row}"].value) == year.flow, row
    for label, ours in (("NPV after tax", a.npv), ("NPV before tax", a.npv_pre_tax)):
        theirs = sheet[f"B{summary_row(sheet, label)}"].value
        assert abs(number(theirs) - ours) <= D("0.005"), (label, theirs, ours)
    for label, rate in (("IRR after tax", a.irr), ("IRR before tax", a.irr_pre_tax)):
        theirs = sheet[f"B{summary_row(sheet, label)}"].value
        assert rate is not None and abs(number(theirs) - rate) < D("1e-6"), \
            (label, theirs, rate)


@pytest.mark.skipif(not shutil.which("soffice"),
                    reason="LibreOffice (soffice) is not installed: scripts/test.sh installs "
                           "libreoffice-calc")
def test_libreoffice_recalculates_our_figures(appraisal: Appraisal, tmp_path: Path) -> None:
    ours = tmp_path / "ours.xlsx"
    write_cashflow_workbook(appraisal, ours, "en")
    # the same workbook with two inputs changed in the sheet: its formulas must follow them to
    # what the calculator gives for those inputs
    changed = tmp_path / "changed.xlsx"
    book = openpyxl.load_workbook(ours)
    book.active.cell(row=INPUT_ROW + 1, column=2, value=D("0.1"))      # discount rate
    book.active.cell(row=INPUT_ROW + 2, column=2, value=D("0.15"))     # tax rate
    book.save(changed)
    # openpyxl stores no computed values: whatever is read back, LibreOffice computed
    assert openpyxl.load_workbook(ours, data_only=True).active[f"H{ZERO_ROW + 1}"].value is None

    sheets = recalculated([ours, changed], tmp_path)
    check_against(sheets["ours.xlsx"], appraisal)
    other = appraise(project(discount_rate=D("0.1"), tax_rate=D("0.15")))
    assert other.npv != appraisal.npv and other.years[2].tax != appraisal.years[2].tax
    check_against(sheets["changed.xlsx"], other)


# ---------------------------------------------------------------------------- command line

def test_cashflow_command_refuses_to_overwrite(root: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = str(root / "examples" / "textile-early.json")
    out = tmp_path / "cash.xlsx"
    assert main(["cashflow", source, "--xlsx", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}" in printed and "8 years" in printed
    first = out.read_bytes()
    book = openpyxl.load_workbook(out)
    assert book.active.title == "Cash flows" and len(book.sheetnames) == 2   # + the schedule

    assert main(["cashflow", source, "--xlsx", str(out), "--lang", "zh"]) == 1
    assert f"{out} already exists; use --force to replace it" in capsys.readouterr().err
    assert out.read_bytes() == first

    assert main(["cashflow", source, "--xlsx", str(out), "--lang", "zh", "--force"]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).active.title == "现金流量表"


def test_cashflow_command_errors(root: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cash.xlsx"
    assert main(["cashflow", str(tmp_path / "missing.json"), "--xlsx", str(out)]) == 1
    assert "missing.json" in capsys.readouterr().err and not out.exists()
    source = str(root / "examples" / "textile-early.json")
    assert main(["cashflow", source, "--xlsx", str(tmp_path / "no" / "c.xlsx")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert main(["cashflow", source, "--xlsx", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
