"""The report's pages about the project: roadmap, investment and cash flow, financing and
repayment schedule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..advice.charts import cashflow_series
from ..advice.financing import percent
from ..advice.project_step import step_lines
from ..advice.roadmap import HORIZONS
from ..assessment.money import fmt
from ..assessment.plan import CATEGORY_NAMES
from . import drawings
from .layout import WIDTH, Doc, make_table
from .model import ReportInput
from .texts import Words


def section_roadmap(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, q = inp.lang, inp.instrument
    out: list[Any] = [d.p(w("section_roadmap"), "h1")]
    rows = [[d.p(h, "cellhead") for h in (w("horizon"), w("measure"), w("step"),
                                          w("cost_indicative"), w("why"))]]
    sep = "；" if lang == "zh" else "; "
    road = inp.advice.roadmap
    own = road.project
    by_id = {m.id: m for m in road.fitting}
    bold_rows: list[int] = []
    shown = False
    for step in [*road.steps, None]:
        if own is not None and not shown and (
                step is None or step.horizon > own.horizon
                or (step.horizon == own.horizon and step.measure.id not in own.after)):
            shown = True
            bold_rows.append(len(rows))
            rows.append([d.p(HORIZONS[own.horizon].get(lang), "cell"),
                         d.p(w("own_project", name=own.name or w("own_project_unnamed")),
                             "cellhead"),
                         d.p(sep.join(f"{q.dimension_by_id[dim].name.get(lang)} "
                                      f"{a:.1f}→{b:.1f}" for dim, a, b in own.raised())
                             or "—", "cell"),
                         d.p(f"{own.cost / 10000:,.0f}" if own.cost else "—", "cell"),
                         d.p(sep.join(t.get(lang) for t in step_lines(own, q, by_id)),
                             "cell")])
        if step is None:
            break
        m = step.measure
        rows.append([d.p(HORIZONS[step.horizon].get(lang), "cell"),
                     d.p(m.name.get(lang), "cell"),
                     d.p(f"{q.dimension_by_id[m.dimension].name.get(lang)} "
                         f"{m.from_level}→{m.to_level}", "cell"),
                     d.p(f"{m.cost.min:g}-{m.cost.max:g}", "cell"),
                     d.p(sep.join(r.get(lang) for r in step.reasons), "cell")])
    out.append(make_table(rows, [WIDTH * 0.11, WIDTH * 0.2, WIDTH * 0.17, WIDTH * 0.1,
                             WIDTH * 0.42], align_right=(3,), shaded_rows=tuple(bold_rows)))
    done = [m.name.get(lang) for m in inp.advice.roadmap.done]
    if done:
        out.append(Spacer(1, 2 * mm))
        out.append(d.p(w("already_done", list=("、" if lang == "zh" else ", ").join(done)),
                       "small"))
    out.append(d.p(inp.data.measures.cost_note.get(lang), "small"))
    return out


def section_investment(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, a, plan = inp.lang, inp.advice.appraisal, inp.assessment.project
    out: list[Any] = [d.p(w("section_investment"), "h1")]
    if a is None or plan is None:
        return out + [d.p(w("no_project"))]
    if plan.name:
        out.append(d.p(plan.name, "h2"))
    rows = [[d.p(h, "cellhead") for h in (w("item"), w("category"), w("quantity"),
                                          w("unit_price"), w("amount"), w("supplier"))]]
    for item in plan.items:
        rows.append([d.p(item.description, "cell"),
                     d.p(CATEGORY_NAMES[item.category].get(lang), "cell"),
                     d.p(f"{Decimal(item.quantity).normalize():f}", "cell"),
                     d.p(fmt(Decimal(item.unit_price), lang), "cell"),
                     d.p(fmt(item.total, lang), "cell"), d.p(item.supplier or "", "cell")])
    rows.append([d.p(w("total_investment"), "cellhead"), "", "", "",
                 d.p(fmt(a.investment, lang), "cellhead"), ""])
    out += [d.p(w("items"), "h2"),
            make_table(rows, [WIDTH * 0.32, WIDTH * 0.13, WIDTH * 0.08, WIDTH * 0.14,
                          WIDTH * 0.15, WIDTH * 0.18], align_right=(2, 3, 4))]
    e, f = plan.effects, plan.finance
    lines = [w("labour_saving", n=e.positions, cost=fmt(Decimal(e.cost_per_worker), lang)),
             w("extra_margin", sales=fmt(Decimal(e.extra_output), lang),
               rate=percent(Decimal(e.margin_rate))),
             w("scrap_saving", before=e.scrap_rate_before, after=e.scrap_rate_after,
               material=fmt(Decimal(e.material_cost), lang)),
             d.label(w("energy_saving"), fmt(Decimal(e.energy_saving), lang)),
             d.label(w("running_costs"), fmt(Decimal(e.running_costs), lang)),
             w("discount_life", rate=percent(Decimal(f.discount_rate)), years=f.life_years,
               tax=percent(Decimal(f.tax_rate)))]
    out += [d.p(w("assumptions"), "h2")] + [d.p("• " + x, "small") for x in lines]
    figures = [(w("total_investment"), fmt(a.investment, lang)),
               (w("expected_subsidies"), fmt(a.subsidies, lang)),
               (w("net_investment"), fmt(a.net_investment, lang)),
               (w("annual_benefit"), fmt(a.annual_net_benefit, lang)),
               (w("payback"), "—" if a.payback_years is None else
                w("years", n=a.payback_years)),
               (w("roi"), percent(a.roi)), (w("npv"), fmt(a.npv, lang)),
               (w("irr"), percent(a.irr)), (w("breakeven"), fmt(a.breakeven_benefit, lang)),
               (w("safety_margin"), percent(a.safety_margin))]
    grid = [[d.p(k, "small"), d.p(v, "cell"), d.p(k2, "small"), d.p(v2, "cell")]
            for (k, v), (k2, v2) in zip(figures[0::2], figures[1::2], strict=True)]
    out += [d.p(w("figures"), "h2"),
            make_table(grid, [WIDTH * 0.22, WIDTH * 0.28, WIDTH * 0.22, WIDTH * 0.28],
                   head=False, zebra=False)]
    rows = [[d.p(h, "cellhead") for h in (w("scenario"), w("net_investment"),
                                          w("annual_benefit"), w("npv"), w("irr"),
                                          w("payback"))]]
    for sc in a.sensitivity:
        rows.append([d.p(w(sc.name), "cell"), d.p(fmt(sc.net_investment, lang), "cell"),
                     d.p(fmt(sc.annual_net_benefit, lang), "cell"),
                     d.p(fmt(sc.npv, lang), "cell"), d.p(percent(sc.irr), "cell"),
                     d.p("—" if sc.payback_years is None else str(sc.payback_years),
                         "cell")])
    out += [KeepTogether([d.p(w("sensitivity"), "h2"),
                          make_table(rows, [WIDTH * 0.16, WIDTH * 0.18, WIDTH * 0.18,
                                        WIDTH * 0.2, WIDTH * 0.12, WIDTH * 0.16],
                                 align_right=(1, 2, 3, 4, 5))])]
    best = inp.advice.recommended
    series = cashflow_series(a, best.plan if best else None)
    out += [KeepTogether([d.p(w("cashflow_title"), "h2"), drawings.cashflow(series, WIDTH),
                          d.p(w("cashflow_caption"), "small")])]
    if best is not None and best.plan is not None and best.plan.rows:
        threshold = inp.data.options.bank_test.min_dscr
        years = [r.year for r in best.plan.rows]
        out += [KeepTogether([d.p(w("dscr_title"), "h2"),
                              drawings.dscr(years, [r.dscr for r in best.plan.rows],
                                            threshold, WIDTH),
                              d.p(w("dscr_caption", min=f"{threshold:g}"), "small")])]
    return out


def section_financing(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, advice = inp.lang, inp.advice
    out: list[Any] = [d.p(w("section_financing"), "h1")]
    if advice.appraisal is None:
        return out + [d.p(w("no_project"))]
    rows = [[d.p(h, "cellhead") for h in (w("option"), w("score"), w("financed"),
                                          w("own_contribution"), w("financing_cost"),
                                          w("min_dscr"), w("bank_test"))]]
    for n, o in enumerate(advice.options, start=1):
        pl = o.plan
        rows.append([d.p(f"{n}. {o.option.name.get(lang)}", "cell"),
                     d.p(f"{o.score:.2f}", "cell"),
                     d.p(fmt(pl.financed if pl else None, lang), "cell"),
                     d.p(fmt(pl.own_contribution if pl else None, lang), "cell"),
                     d.p(fmt(pl.total_cost if pl else None, lang), "cell"),
                     d.p("—" if pl is None or pl.min_dscr is None else str(pl.min_dscr),
                         "cell"),
                     d.p(w("passes") if o.acceptable else w("fails"), "cell")])
    out += [d.p(w("financing_table"), "h2"),
            make_table(rows, [WIDTH * 0.25, WIDTH * 0.08, WIDTH * 0.14, WIDTH * 0.14,
                          WIDTH * 0.14, WIDTH * 0.13, WIDTH * 0.12],
                   align_right=(1, 2, 3, 4, 5))]
    if advice.withheld:
        out.append(d.p(w("financing_withheld"), "h2"))
        return out + [d.p(r.get(lang), "warn") for r in advice.withheld]
    best = advice.recommended
    if best is None:
        return out
    reasons = [f"! {x.get(lang)}" for x in best.flags] + \
        [f"+ {x.get(lang)}" for x in best.reasons_for] + \
        [f"– {x.get(lang)}" for x in best.reasons_against]
    heading = w("why_recommended") if best.acceptable else w("best_scoring")
    out += [d.p(d.label(heading, best.option.name.get(lang)), "h2"),
            d.p(best.option.description.get(lang), "small")]
    out += [d.p(x, "warn" if x.startswith("!") else "base") for x in reasons]
    out.append(d.p(w("terms_note", text=best.option.assumptions.get(lang)), "small"))
    if not best.acceptable:
        for o in advice.options:
            for flag in o.flags:
                if "%" in flag.get(lang) and o is not best:
                    out.append(d.p(d.label(o.option.name.get(lang), flag.get(lang)), "small"))
    pl = best.plan
    if pl is not None and pl.rows and pl.financed > 0:
        rows = [[d.p(h, "cellhead") for h in (w("year"), w("payment"), w("interest"),
                                              w("principal"), w("balance"), w("subsidy"),
                                              w("net_profit"), w("dscr"))]]
        for r in pl.rows:
            rows.append([d.p(str(r.year), "cell"), d.p(fmt(r.payment, lang), "cell"),
                         d.p(fmt(r.interest, lang), "cell"),
                         d.p(fmt(r.principal, lang), "cell"),
                         d.p(fmt(r.balance, lang), "cell"), d.p(fmt(r.subsidy, lang), "cell"),
                         d.p(fmt(r.net_profit, lang), "cell"),
                         d.p("—" if r.dscr is None else str(r.dscr), "cell")])
        existing = Decimal(inp.assessment.project.finance.existing_debt_service or "0") \
            if inp.assessment.project else Decimal(0)
        formula = w("dscr_formula", dep=fmt(pl.rows[0].depreciation, lang),
                    existing=fmt(existing, lang))
        out += [KeepTogether([d.p(d.label(w("schedule"), best.option.name.get(lang)), "h2"),
                              make_table(rows, [WIDTH * x for x in (0.06, 0.14, 0.14, 0.14,
                                                                0.15, 0.11, 0.17, 0.09)],
                                     align_right=tuple(range(8))),
                              Spacer(1, 1.5 * mm), d.p(formula, "small")])]
    return out
