"""The appraisal's cash-flow table as an Excel workbook of formulas, so that a credit officer can
check it with an outside engine (Excel, LibreOffice, WPS): the inputs as values, every year's
taxable profit, loss carried forward, tax and flows as formulas over them, and the NPV and IRR
before and after tax as ``=NPV()`` / ``=IRR()`` beside Zhigai's own figures.

The sheet mirrors ``calculator.tax_years``: the tax is rounded to the fen (``ROUND(..., 2)``)
as ours is; losses are carried forward without the five-year limit (a cell note says so, and a
warning line appears when that limit changes this appraisal's figures). Excel's ``NPV`` discounts
from period 1, so the year-1..N flows go in and the net investment is subtracted; ``IRR`` takes
the year-0..N flows with -net investment in year 0.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..assessment.money import ZERO
from ..base.i18n import Text
from ..base.private import set_mode
from .calculator import Appraisal, TaxYear

if TYPE_CHECKING:
    from .financing import OptionAdvice

MONEY = "#,##0.00"
RATE = "0.00%"
IRR_FORMAT = "0.0000%"
FINE = "0.0000000"

# the layout of the cash-flow sheet (1-based rows; columns by letter)
INPUT_ROW = 5          # net investment, then discount rate, tax rate, residual value
HEAD_ROW = 10          # the table's header; year 0 on the next row
COLUMNS = "ABCDEFGH"   # year, benefit, depreciation, taxable, loss carried, tax, pre, after
ZHIGAI_COLUMNS = "JKL"  # Zhigai's taxable profit, tax and after-tax flow, for comparison


def _t(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


TITLE = _t("智改 投资测算：税前与税后现金流量表", "Zhigai investment appraisal: cash flows "
                                               "before and after income tax")
SUBTITLE = _t("金额单位：元。蓝色为输入值，其余为公式，改动输入后表格会重新计算；“智改”列为本程序的"
              "计算结果，供对照。",
              "Amounts in yuan. Blue cells are inputs; the rest are formulas that recalculate "
              "when an input changes. The “Zhigai” columns hold this program's own results, "
              "for comparison.")
INPUTS = _t("输入", "Inputs")
NET_INVESTMENT = _t("净投资（投资 - 补贴）", "Net investment (investment - subsidies)")
DISCOUNT_RATE = _t("折现率", "Discount rate")
TAX_RATE = _t("所得税率", "Income tax rate")
RESIDUAL = _t("期末残值（最后一年计入）", "Residual value (in the last year)")
HEADERS = (
    _t("年份", "Year"),
    _t("年净收益", "Net benefit"),
    _t("折旧摊销", "Depreciation"),
    _t("应纳税所得额", "Taxable profit"),
    _t("结转亏损（年末）", "Loss carried forward (year end)"),
    _t("所得税", "Income tax"),
    _t("税前现金流", "Cash flow before tax"),
    _t("税后现金流", "Cash flow after tax"),
)
ZHIGAI_HEADERS = (
    _t("智改：应纳税所得额", "Zhigai: taxable profit"),
    _t("智改：所得税", "Zhigai: income tax"),
    _t("智改：税后现金流", "Zhigai: cash flow after tax"),
)
LOSS_NOTE = _t("亏损向后结转，弥补以后年度的利润：结转亏损 = MAX(0, 上年结转 - (收益 - 折旧))，"
               "应纳税所得额 = MAX(0, 收益 - 折旧 - 上年结转)。本表未考虑《企业所得税法》第十八条"
               "的五年结转期限（智改的计算考虑了）；只有亏损五年内未能弥补完时两者才会不同。",
               "A loss is carried forward against later profits: loss carried = MAX(0, carried "
               "last year - (benefit - depreciation)), taxable profit = MAX(0, benefit - "
               "depreciation - carried last year). This sheet ignores the five-year limit of "
               "the Enterprise Income Tax Law, art. 18 (Zhigai applies it); the two differ only "
               "when a loss is not used up within five years.")
TAX_NOTE = _t("所得税 = ROUND(税率 × 应纳税所得额, 2)，与智改一样四舍五入到分。",
              "Income tax = ROUND(tax rate × taxable profit, 2), rounded to the fen as Zhigai "
              "does.")
RESULTS = _t("结果", "Result")
SHEET = _t("表格计算", "Spreadsheet")
ZHIGAI = _t("智改", "Zhigai")
DIFFERENCE = _t("差额", "Difference")
NPV_AFTER = _t("税后净现值", "NPV after tax")
NPV_BEFORE = _t("税前净现值", "NPV before tax")
IRR_AFTER = _t("税后内部收益率", "IRR after tax")
IRR_BEFORE = _t("税前内部收益率", "IRR before tax")
NPV_NOTE = _t("Excel 的 NPV 从第 1 期开始折现：第 1 至 N 年的现金流折现后减去净投资。",
              "Excel's NPV discounts from period 1: the flows of years 1 to N, discounted, "
              "less the net investment.")
IRR_NOTE = _t("IRR 取第 0 年（-净投资）至第 N 年的现金流。",
              "IRR takes the flows of years 0 (-net investment) to N.")
EXPIRY_WARNING = _t("注意：本项目有亏损超过五年未弥补完，智改按五年期限计算，本表不设期限，"
                    "所以两者的所得税不同。",
                    "Note: a loss of this project is not used up within five years; Zhigai "
                    "lets it expire, this sheet does not, so the taxes differ.")
CASHFLOW_SHEET = _t("现金流量表", "Cash flows")
SCHEDULE_SHEET = _t("还款计划", "Repayment schedule")
SCHEDULE_TITLE = _t("还款计划：", "Repayment schedule: ")
FINANCED = _t("融资金额", "Amount financed")
SCHEDULE_HEADERS = (
    _t("年份", "Year"),
    _t("还款额", "Payment"),
    _t("利息/成本", "Interest / cost"),
    _t("本金", "Principal"),
    _t("年末余额", "Balance (year end)"),
    _t("偿债备付率 DSCR", "DSCR"),
    _t("利息保障倍数 ICR", "ICR"),
)


def _cell(column: str, row: int) -> str:
    return f"{column}{row}"


def _absolute(row: int) -> str:
    return f"$B${row}"


def expiry_matters(years: tuple[TaxYear, ...]) -> bool:
    """Whether the five-year limit on carrying losses changes the taxable profits (the sheet
    carries them without a limit)."""
    carried = ZERO
    for y in years:
        profit = y.benefit - y.depreciation
        if max(ZERO, profit - carried) != y.taxable:
            return True
        carried = max(ZERO, carried - profit)
    return False


def write_cashflow_workbook(appraisal: Appraisal,
                            path_or_stream: str | os.PathLike[str] | IO[bytes],
                            lang: str = "zh", option: OptionAdvice | None = None) -> None:
    """Write the appraisal's cash-flow table (formulas) and, with ``option``, its repayment
    schedule (values) as an .xlsx to a path (atomically: a failure leaves no half-written file
    and an existing one untouched) or a binary stream. Raises ``ValueError`` for an appraisal
    without years and ``OSError`` when the file cannot be written."""
    if not appraisal.years:
        raise ValueError("the appraisal has no years: nothing to put in a cash-flow table")
    from openpyxl import Workbook

    book: Any = Workbook()
    _cashflow_sheet(book.active, appraisal, lang)
    if option is not None:
        _schedule_sheet(book.create_sheet(), option, lang)
    if isinstance(path_or_stream, (str, os.PathLike)):
        _save_atomically(book, Path(path_or_stream))
    else:
        book.save(path_or_stream)


def _save_atomically(book: Any, target: Path) -> None:
    if target.is_dir():
        raise IsADirectoryError(21, "is a folder; give a file name", str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        book.save(tmp)
        set_mode(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _cashflow_sheet(sheet: Any, a: Appraisal, lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    blue = Font(color="1F4E9E")
    sheet.title = CASHFLOW_SHEET.get(lang)
    sheet["A1"] = TITLE.get(lang)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = SUBTITLE.get(lang)
    sheet["A4"] = INPUTS.get(lang)
    sheet["A4"].font = bold
    net_row, rate_row, tax_row, residual_row = range(INPUT_ROW, INPUT_ROW + 4)
    for row, label, value, number_format in (
            (net_row, NET_INVESTMENT, a.net_investment, MONEY),
            (rate_row, DISCOUNT_RATE, a.discount_rate, RATE),
            (tax_row, TAX_RATE, a.tax_rate, RATE),
            (residual_row, RESIDUAL, a.residual_value, MONEY)):
        sheet.cell(row=row, column=1, value=label.get(lang))
        cell = sheet.cell(row=row, column=2, value=value)
        cell.number_format = number_format
        cell.font = blue
    net, rate, tax_rate, residual = (_absolute(r) for r in
                                     (net_row, rate_row, tax_row, residual_row))

    wrap = Alignment(wrap_text=True, vertical="top")
    for column, header in zip(COLUMNS, HEADERS, strict=True):
        cell = sheet[_cell(column, HEAD_ROW)]
        cell.value = header.get(lang)
        cell.font = bold
        cell.alignment = wrap
    for column, header in zip(ZHIGAI_COLUMNS, ZHIGAI_HEADERS, strict=True):
        cell = sheet[_cell(column, HEAD_ROW)]
        cell.value = header.get(lang)
        cell.font = bold
        cell.alignment = wrap
    sheet[_cell("D", HEAD_ROW)].comment = Comment(LOSS_NOTE.get(lang), "Zhigai", 200, 360)
    sheet[_cell("E", HEAD_ROW)].comment = Comment(LOSS_NOTE.get(lang), "Zhigai", 200, 360)
    sheet[_cell("F", HEAD_ROW)].comment = Comment(TAX_NOTE.get(lang), "Zhigai", 100, 300)

    zero = HEAD_ROW + 1
    first, last = zero + 1, zero + len(a.years)
    sheet[_cell("A", zero)] = 0
    sheet[_cell("E", zero)] = 0
    sheet[_cell("G", zero)] = f"=-{net}"
    sheet[_cell("H", zero)] = f"=-{net}"
    sheet[_cell("L", zero)] = a.cash_flows[0]
    for row, y in enumerate(a.years, start=first):
        prev = row - 1
        extra = f"+{residual}" if row == last else ""
        sheet[_cell("A", row)] = y.year
        sheet[_cell("B", row)] = y.benefit
        sheet[_cell("C", row)] = y.depreciation
        sheet[_cell("D", row)] = f"=MAX(0,B{row}-C{row}-E{prev})"
        sheet[_cell("E", row)] = f"=MAX(0,E{prev}-(B{row}-C{row}))"
        sheet[_cell("F", row)] = f"=ROUND({tax_rate}*D{row},2)"
        sheet[_cell("G", row)] = f"=B{row}{extra}"
        sheet[_cell("H", row)] = f"=B{row}-F{row}{extra}"
        sheet[_cell("J", row)] = y.taxable
        sheet[_cell("K", row)] = y.tax
        sheet[_cell("L", row)] = y.flow
    for row in range(zero, last + 1):
        for column in "BCDEFGHJKL":
            sheet[_cell(column, row)].number_format = MONEY
        sheet[_cell("B", row)].font = blue
        sheet[_cell("C", row)].font = blue

    head = last + 2
    for column, label in zip("ABCD", (RESULTS, SHEET, ZHIGAI, DIFFERENCE), strict=True):
        sheet[_cell(column, head)] = label.get(lang)
        sheet[_cell(column, head)].font = bold
    results = (
        (NPV_AFTER, f"=NPV({rate},H{first}:H{last})-{net}", a.npv, MONEY, NPV_NOTE),
        (NPV_BEFORE, f"=NPV({rate},G{first}:G{last})-{net}", a.npv_pre_tax, MONEY, NPV_NOTE),
        (IRR_AFTER, f"=IRR(H{zero}:H{last})", a.irr, IRR_FORMAT, IRR_NOTE),
        (IRR_BEFORE, f"=IRR(G{zero}:G{last})", a.irr_pre_tax, IRR_FORMAT, IRR_NOTE),
    )
    for row, (label, formula, ours, number_format, note) in enumerate(results, start=head + 1):
        sheet[_cell("A", row)] = label.get(lang)
        sheet[_cell("B", row)] = formula
        sheet[_cell("B", row)].number_format = number_format
        sheet[_cell("B", row)].comment = Comment(note.get(lang), "Zhigai", 80, 300)
        if ours is None:  # no rate makes the NPV zero: Excel shows #NUM! too
            sheet[_cell("C", row)] = "—"
        else:
            sheet[_cell("C", row)] = ours
            sheet[_cell("C", row)].number_format = number_format
            sheet[_cell("D", row)] = f"=B{row}-C{row}"
            sheet[_cell("D", row)].number_format = MONEY if number_format == MONEY else FINE
    if expiry_matters(a.years):
        sheet[_cell("A", head + len(results) + 2)] = EXPIRY_WARNING.get(lang)
        sheet[_cell("A", head + len(results) + 2)].font = Font(bold=True, color="C00000")

    centre = Alignment(horizontal="center")
    for row in range(zero, last + 1):
        sheet[_cell("A", row)].alignment = centre
    sheet[_cell("A", HEAD_ROW)].alignment = Alignment(horizontal="center", vertical="top")
    sheet.column_dimensions["A"].width = 34
    for column in "BCDEFGHJKL":
        sheet.column_dimensions[column].width = 17
    sheet.column_dimensions["I"].width = 3
    sheet.row_dimensions[HEAD_ROW].height = 32
    _fit_to_width(sheet)


def _fit_to_width(sheet: Any) -> None:
    """Printed landscape, one page wide."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _schedule_sheet(sheet: Any, option: OptionAdvice, lang: str) -> None:
    from openpyxl.styles import Font

    bold = Font(bold=True)
    sheet.title = SCHEDULE_SHEET.get(lang)
    sheet["A1"] = SCHEDULE_TITLE.get(lang) + option.label.get(lang)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = FINANCED.get(lang)
    sheet["B2"] = option.plan.financed
    sheet["B2"].number_format = MONEY
    for index, header in enumerate(SCHEDULE_HEADERS, start=1):
        sheet.cell(row=4, column=index, value=header.get(lang)).font = bold
    for row, r in enumerate(option.plan.rows, start=5):
        values: tuple[Decimal | int | str, ...] = (
            r.year, r.payment, r.interest, r.principal, r.balance,
            "—" if r.dscr is None else r.dscr, "—" if r.icr is None else r.icr)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if 2 <= column <= 5:
                cell.number_format = MONEY
            elif column >= 6 and not isinstance(value, str):
                cell.number_format = "0.00"
    sheet.column_dimensions["A"].width = 16
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = 18
    _fit_to_width(sheet)
