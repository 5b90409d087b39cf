"""The credit officer's summary at the front of the report: the firm and its last three years,
existing loans and collateral, the project and use of funds, the own contribution and the
financing structure, DSCR and interest coverage by year, sensitivity, permits, subsidies
already received, and what is assumed rather than documented."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..advice.finance_summary import debt_warning, verdict
from ..advice.financing import percent
from ..advice.project import role_money
from ..assessment.bank_file import (
    PERMIT_NAMES,
    PERMIT_STATUSES,
    PERMITS,
    TAX_STATUSES,
    FinancialYear,
    recent_years,
)
from ..assessment.money import fmt
from ..assessment.plan import CATEGORY_NAMES, ProjectPlan
from . import drawings
from .layout import WIDTH, Doc, make_table
from .model import ReportInput
from .sections_firm import choice_label, profile_value
from .texts import Words


def _money(value: str | None, lang: str) -> str:
    return "—" if value in (None, "") else fmt(Decimal(str(value)), lang)


def latest_year(inp: ReportInput) -> int:
    date = profile_value(inp, "assessment_date") or inp.assessment.created_at[:10]
    return int(date[:4]) - 1


def financial_rows(inp: ReportInput, plan: ProjectPlan) -> list[FinancialYear]:
    profile = {name: role_money(inp.instrument, inp.assessment.profile, role)
               for name, role in (("revenue", "revenue"), ("net_profit", "profit"),
                                  ("total_assets", "total_assets"),
                                  ("liabilities", "liabilities"))}
    return recent_years(plan.bank, latest_year(inp), profile)


def _ratio(y: FinancialYear) -> str:
    if y.total_assets in (None, "") or y.liabilities in (None, "") \
            or Decimal(y.total_assets) <= 0:
        return "—"
    return percent(Decimal(y.liabilities) / Decimal(y.total_assets))


def section_credit(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, advice, a = inp.lang, inp.advice, inp.advice.appraisal
    plan = inp.assessment.project or ProjectPlan()
    bank = plan.bank
    out: list[Any] = [d.p(w("credit_title"), "h1"), d.p(w("credit_intro"), "small")]
    # the firm
    facts = [(w("company"), profile_value(inp, "company_name") or "—"),
             (w("credit_code"), profile_value(inp, "credit_code") or "—"),
             (w("industry"), choice_label(inp, "industry") or "—"),
             (w("credit_rating"), choice_label(inp, "credit_rating") or "—"),
             (w("tax_status"), TAX_STATUSES[bank.tax_status].get(lang) if bank.tax_status
              else w("not_stated")),
             (w("collateral"), bank.collateral or w("not_stated"))]
    grid = [[d.p(k, "small"), d.p(v, "cell"), d.p(k2, "small"), d.p(v2, "cell")]
            for (k, v), (k2, v2) in zip(facts[0::2], facts[1::2], strict=True)]
    out.append(make_table(grid, [WIDTH * 0.15, WIDTH * 0.35, WIDTH * 0.15, WIDTH * 0.35],
                          head=False, zebra=False))
    years = financial_rows(inp, plan)
    rows = [[d.p(h, "cellhead") for h in (w("fin_year"), w("revenue"), w("net_profit"),
                                          w("total_assets"), w("liabilities"),
                                          w("debt_ratio"), w("operating_cash_flow"))]]
    for y in years:
        rows.append([d.p(str(y.year), "cell"), d.p(_money(y.revenue, lang), "cell"),
                     d.p(_money(y.net_profit, lang), "cell"),
                     d.p(_money(y.total_assets, lang), "cell"),
                     d.p(_money(y.liabilities, lang), "cell"), d.p(_ratio(y), "cell"),
                     d.p(_money(y.operating_cash_flow, lang), "cell")])
    out += [d.p(w("credit_financials"), "h2"),
            make_table(rows, [WIDTH * x for x in (0.08, 0.16, 0.14, 0.16, 0.16, 0.12, 0.18)],
                       align_right=(1, 2, 3, 4, 5, 6))]
    out += _loans(inp, d, w, plan)
    if a is None:
        return out + [d.p(w("no_project"))] + _permits(d, w, plan, lang) + \
            _received(d, w, plan, lang) + _assumed(inp, d, w, plan)
    # project and use of funds
    uses: dict[str, Decimal] = {}
    for item in plan.items:
        uses[item.category] = uses.get(item.category, Decimal(0)) + item.total
    rows = [[d.p(h, "cellhead") for h in (w("use_of_funds"), w("amount"), w("share"))]]
    for cat, amount in sorted(uses.items(), key=lambda kv: -kv[1]):
        rows.append([d.p(CATEGORY_NAMES[cat].get(lang), "cell"), d.p(fmt(amount, lang), "cell"),
                     d.p(percent(amount / a.investment) if a.investment else "—", "cell")])
    rows.append([d.p(w("total_investment"), "cellhead"), d.p(fmt(a.investment, lang),
                                                             "cellhead"), d.p("", "cell")])
    rows.append([d.p(w("expected_subsidies"), "cell"), d.p(fmt(a.subsidies, lang), "cell"),
                 d.p("", "cell")])
    rows.append([d.p(w("net_investment"), "cellhead"), d.p(fmt(a.net_investment, lang),
                                                           "cellhead"), d.p("", "cell")])
    project_name = plan.name or w("own_project_unnamed")
    out += [d.p(d.label(w("credit_project"), project_name), "h2"),
            make_table(rows, [WIDTH * 0.5, WIDTH * 0.3, WIDTH * 0.2], align_right=(1, 2))]
    figures = [(w("annual_benefit"), fmt(a.annual_net_benefit, lang)),
               (w("npv_after_tax"), f"{fmt(a.npv, lang)}（{w('pre_tax')} "
                f"{fmt(a.npv_pre_tax, lang)}）" if lang == "zh" else
                f"{fmt(a.npv, lang)} ({w('pre_tax')} {fmt(a.npv_pre_tax, lang)})"),
               (w("irr_after_tax"), f"{percent(a.irr)}（{w('pre_tax')} {percent(a.irr_pre_tax)}）"
                if lang == "zh" else f"{percent(a.irr)} ({w('pre_tax')} "
                                     f"{percent(a.irr_pre_tax)})"),
               (w("payback"), "—" if a.payback_years is None else w("years", n=a.payback_years)),
               (w("breakeven"), fmt(a.breakeven_benefit, lang)),
               (w("own_funds_available"), _money(plan.finance.own_funds, lang)
                if plan.finance.own_funds else w("not_stated"))]
    grid = [[d.p(k, "small"), d.p(v, "cell"), d.p(k2, "small"), d.p(v2, "cell")]
            for (k, v), (k2, v2) in zip(figures[0::2], figures[1::2], strict=True)]
    out.append(make_table(grid, [WIDTH * 0.17, WIDTH * 0.33, WIDTH * 0.17, WIDTH * 0.33],
                          head=False, zebra=False))
    # the structure
    out.append(d.p(w("credit_structure"), "h2"))
    # the estimate of existing debt is already said under the loans
    lines = [t for t in verdict(advice) if t not in debt_warning(advice)]
    out += [d.p(t.get(lang), "base" if advice.recommended else "warn") for t in lines]
    first = advice.recommended or advice.best
    if first is not None and first.plan.rows and not advice.withheld:
        out += _coverage(inp, d, w, first)
    out += _sensitivity(inp, d, w)
    out += _permits(d, w, plan, lang) + _received(d, w, plan, lang) + _assumed(inp, d, w, plan)
    return out


def _loans(inp: ReportInput, d: Doc, w: Words, plan: ProjectPlan) -> list[Any]:
    lang, bank, project = inp.lang, plan.bank, inp.advice.project
    out: list[Any] = [d.p(w("existing_loans"), "h2")]
    if bank.loans:
        rows = [[d.p(h, "cellhead") for h in (w("lender"), w("balance"), w("yearly_service"),
                                              w("loan_rate"), w("loan_ends"))]]
        for loan in bank.loans:
            rows.append([d.p(loan.lender or "—", "cell"), d.p(_money(loan.balance, lang), "cell"),
                         d.p(_money(loan.yearly_service, lang), "cell"),
                         d.p(percent(Decimal(loan.rate)) if loan.rate else "—", "cell"),
                         d.p(str(loan.ends) if loan.ends else "—", "cell")])
        out.append(make_table(rows, [WIDTH * x for x in (0.3, 0.2, 0.2, 0.14, 0.16)],
                              align_right=(1, 2, 3, 4)))
    elif bank.no_loans:
        out.append(d.p(w("no_loans_stated"), "small"))
    elif project is not None:
        e = inp.data.options.existing_debt
        out.append(d.p(w("loans_estimated", amount=fmt(project.existing_debt_service, lang),
                         share=percent(Decimal(repr(e.interest_bearing_share))),
                         years=e.years, rate=percent(Decimal(repr(e.rate)))), "warn"))
    else:
        out.append(d.p(w("not_stated"), "small"))
    return out


def _coverage(inp: ReportInput, d: Doc, w: Words, first: Any) -> list[Any]:
    lang = inp.lang
    test = inp.data.options.test_for(first.option)
    rows = [[d.p(h, "cellhead") for h in (w("year"), w("payment"), w("existing_service"),
                                          w("net_profit"), w("dscr"), w("icr"))]]
    for r in first.plan.rows:
        rows.append([d.p(str(r.year), "cell"), d.p(fmt(r.payment, lang), "cell"),
                     d.p(fmt(r.existing_service, lang), "cell"),
                     d.p(fmt(r.net_profit, lang), "cell"),
                     d.p("—" if r.dscr is None else str(r.dscr), "cell"),
                     d.p("—" if r.icr is None else str(r.icr), "cell")])
    years = [r.year for r in first.plan.rows]
    return [KeepTogether([
        d.p(d.label(w("coverage_by_year"), first.label.get(lang)), "h2"),
        make_table(rows, [WIDTH * x for x in (0.08, 0.2, 0.2, 0.22, 0.15, 0.15)],
                   align_right=(1, 2, 3, 4, 5)),
        Spacer(1, 1 * mm),
        drawings.dscr(years, [r.dscr for r in first.plan.rows], test.min_dscr, WIDTH, 80),
        d.p(w("coverage_caption", dscr=f"{test.min_dscr:g}", icr=f"{test.min_icr:g}"),
            "small")])]


def _sensitivity(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, a = inp.lang, inp.advice.appraisal
    assert a is not None
    low = dict(inp.advice.dscr_sensitivity())
    rows = [[d.p(h, "cellhead") for h in (w("scenario"), w("npv_after_tax"), w("irr_after_tax"),
                                          w("payback"), w("min_dscr"))]]
    for sc in a.sensitivity:
        value = low.get(sc.name)
        rows.append([d.p(w(sc.name), "cell"), d.p(fmt(sc.npv, lang), "cell"),
                     d.p(percent(sc.irr), "cell"),
                     d.p("—" if sc.payback_years is None else str(sc.payback_years), "cell"),
                     d.p("—" if value is None else str(value), "cell")])
    return [KeepTogether([d.p(w("sensitivity"), "h2"),
                          make_table(rows, [WIDTH * x for x in (0.24, 0.22, 0.18, 0.16, 0.2)],
                                     align_right=(1, 2, 3, 4))])]


def _permits(d: Doc, w: Words, plan: ProjectPlan, lang: str) -> list[Any]:
    rows = [[d.p(h, "cellhead") for h in (w("permit"), w("permit_status"),
                                          w("permit_reference"))]]
    for kind in PERMITS:
        p = plan.bank.permit(kind)
        rows.append([d.p(PERMIT_NAMES[kind].get(lang), "cell"),
                     d.p(PERMIT_STATUSES[p.status].get(lang), "cell"),
                     d.p(p.reference or "—", "cell")])
    return [KeepTogether([d.p(w("permits"), "h2"),
                          make_table(rows, [WIDTH * 0.4, WIDTH * 0.2, WIDTH * 0.4])])]


def _received(d: Doc, w: Words, plan: ProjectPlan, lang: str) -> list[Any]:
    out: list[Any] = [d.p(w("subsidies_received"), "h2")]
    if not plan.bank.subsidies:
        return out + [d.p(w("none_stated"), "small")]
    rows = [[d.p(h, "cellhead") for h in (w("programme"), w("year"), w("amount"))]]
    for s in plan.bank.subsidies:
        rows.append([d.p(s.programme, "cell"), d.p(str(s.year), "cell"),
                     d.p(_money(s.amount, lang), "cell")])
    return out + [make_table(rows, [WIDTH * 0.6, WIDTH * 0.15, WIDTH * 0.25],
                             align_right=(1, 2))]


def assumed_items(inp: ReportInput, plan: ProjectPlan) -> list[tuple[str, dict[str, str]]]:
    """What the figures rest on that the firm has not documented: (text key, values)."""
    out: list[tuple[str, dict[str, str]]] = [("assumed_benefits", {})]
    bank, project = plan.bank, inp.advice.project
    if project is not None and project.debt_estimated:
        out.append(("assumed_debt", {"amount": fmt(project.existing_debt_service, inp.lang)}))
    if plan.finance.own_funds in (None, ""):
        out.append(("assumed_own_funds", {}))
    if bank.tax_status is None:
        out.append(("assumed_tax", {"rate": percent(project.tax_rate) if project else "25%"}))
    missing = [str(y.year) for y in financial_rows(inp, plan)
               if y.revenue in (None, "") or y.net_profit in (None, "")]
    if missing:
        out.append(("assumed_years", {"years": "、".join(missing) if inp.lang == "zh"
                                      else ", ".join(missing)}))
    if any(bank.permit(k).status == "unknown" for k in PERMITS):
        out.append(("assumed_permits", {}))
    first = inp.advice.recommended or inp.advice.best
    if first is not None and not plan.finance.overrides.get(first.option.id):
        out.append(("assumed_terms", {"name": first.label.get(inp.lang)}))
    return out


def _assumed(inp: ReportInput, d: Doc, w: Words, plan: ProjectPlan) -> list[Any]:
    say: Callable[..., str] = w
    return [d.p(w("assumed_title"), "h2")] + [
        d.p("• " + say(key, **values), "small") for key, values in assumed_items(inp, plan)]
