"""The report's pages about the project: roadmap, investment and cash flow, financing and
repayment schedule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..advice.charts import cashflow_series
from ..advice.finance_summary import verdict
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
    official = inp.advice.official
    if official is not None and inp.advice.gates:
        from ..assessment.lens_text import level_name

        lens = official.today.lens
        out += [Spacer(1, 2 * mm), d.p(w("roadmap_milestones"), "h2")]
        for gate in inp.advice.gates:
            out.append(d.p(w("official_gate" if gate.reached else "official_gate_open",
                             policy=gate.policy.name.get(lang),
                             level=level_name(lens, gate.level, lang),
                             before=level_name(lens, gate.before, lang),
                             after=level_name(lens, gate.after, lang))
                           + ("" if gate.reached else w("roadmap_milestone_see"))))
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
               tax=percent(a.tax_rate)),
             w("tax_residual", tax=percent(a.tax_rate), residual=fmt(a.residual_value, lang),
               ramp=percent(Decimal(f.ramp_up)))]
    out += [d.p(w("assumptions"), "h2")] + [d.p("• " + x, "small") for x in lines]
    figures = [(w("total_investment"), fmt(a.investment, lang)),
               (w("expected_subsidies"), fmt(a.subsidies, lang)),
               (w("net_investment"), fmt(a.net_investment, lang)),
               (w("annual_benefit"), fmt(a.annual_net_benefit, lang)),
               (w("npv"), fmt(a.npv, lang)), (w("irr"), percent(a.irr)),
               (w("payback_after_tax"), "—" if a.payback_after_tax is None else
                w("years", n=a.payback_after_tax)),
               (w("payback"), "—" if a.payback_years is None else
                w("years", n=a.payback_years)),
               (f"{w('pre_tax_figures')}: NPV", fmt(a.npv_pre_tax, lang)),
               (f"{w('pre_tax_figures')}: IRR", percent(a.irr_pre_tax)),
               (w("roi"), percent(a.roi)), (w("breakeven"), fmt(a.breakeven_benefit, lang)),
               (w("safety_margin"), percent(a.safety_margin)), ("", "")]
    grid = [[d.p(k, "small"), d.p(v, "cell"), d.p(k2, "small"), d.p(v2, "cell")]
            for (k, v), (k2, v2) in zip(figures[0::2], figures[1::2], strict=True)]
    out += [d.p(w("figures"), "h2"),
            make_table(grid, [WIDTH * 0.22, WIDTH * 0.28, WIDTH * 0.22, WIDTH * 0.28],
                   head=False, zebra=False)]
    low = dict(inp.advice.dscr_sensitivity())
    rows = [[d.p(h, "cellhead") for h in (w("scenario"), w("net_investment"),
                                          w("annual_benefit"), w("npv"), w("irr"),
                                          w("payback"), w("min_dscr"))]]
    for sc in a.sensitivity:
        value = low.get(sc.name)
        rows.append([d.p(w(sc.name), "cell"), d.p(fmt(sc.net_investment, lang), "cell"),
                     d.p(fmt(sc.annual_net_benefit, lang), "cell"),
                     d.p(fmt(sc.npv, lang), "cell"), d.p(percent(sc.irr), "cell"),
                     d.p("—" if sc.payback_years is None else str(sc.payback_years),
                         "cell"), d.p("—" if value is None else str(value), "cell")])
    out += [KeepTogether([d.p(w("sensitivity"), "h2"),
                          make_table(rows, [WIDTH * x for x in (0.15, 0.16, 0.16, 0.17, 0.11,
                                                                0.12, 0.13)],
                                     align_right=(1, 2, 3, 4, 5, 6))])]
    first = None if inp.advice.withheld else (inp.advice.recommended or inp.advice.best)
    series = cashflow_series(a, first.plan if first else None)
    out += [KeepTogether([d.p(w("cashflow_title"), "h2"), drawings.cashflow(series, WIDTH),
                          d.p(w("cashflow_caption"), "small")])]
    if first is not None and first.plan.rows and first.plan.financed > 0:
        threshold = inp.data.options.test_for(first.option).min_dscr
        years = [r.year for r in first.plan.rows]
        out += [KeepTogether([d.p(w("dscr_title"), "h2"),
                              drawings.dscr(years, [r.dscr for r in first.plan.rows],
                                            threshold, WIDTH),
                              d.p(w("dscr_caption", min=f"{threshold:g}"), "small")])]
    return out


def section_financing(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, advice = inp.lang, inp.advice
    out: list[Any] = [d.p(w("section_financing"), "h1")]
    if advice.appraisal is None:
        return out + [d.p(w("no_project"))]
    rows = [[d.p(h, "cellhead") for h in (w("structure"), w("financed"), w("own_contribution"),
                                          w("financing_cost"), w("min_dscr"), w("min_icr"),
                                          w("bank_test"))]]
    for n, o in enumerate(advice.options, start=1):
        pl = o.plan
        rows.append([d.p(f"{n}. {o.label.get(lang)}", "cell"),
                     d.p(fmt(pl.financed, lang), "cell"),
                     d.p(fmt(pl.own_contribution, lang), "cell"),
                     d.p(fmt(pl.total_cost, lang), "cell"),
                     d.p("—" if pl.min_dscr is None else str(pl.min_dscr), "cell"),
                     d.p("—" if pl.min_icr is None else str(pl.min_icr), "cell"),
                     d.p(w("passes") if o.acceptable else w("fails"), "cell")])
    own = inp.assessment.project.finance.own_funds if inp.assessment.project else None
    out += [d.p(w("financing_table"), "h2"),
            make_table(rows, [WIDTH * 0.3, WIDTH * 0.13, WIDTH * 0.13, WIDTH * 0.12,
                              WIDTH * 0.1, WIDTH * 0.1, WIDTH * 0.12],
                       align_right=(1, 2, 3, 4, 5)),
            Spacer(1, 1.5 * mm),
            d.p(d.label(w("own_funds_available"), fmt(Decimal(own), lang) if own
                        else w("not_stated")), "small")]
    if advice.withheld:
        out.append(d.p(w("financing_withheld"), "h2"))
        return out + [d.p(r.get(lang), "warn") for r in advice.withheld]
    first = advice.recommended or advice.best
    if first is None:
        return out
    heading = w("recommended_structure") if first.acceptable else w("no_structure_passes")
    out += [d.p(d.label(heading, first.label.get(lang)), "h2"),
            d.p(first.option.plain.get(lang), "small")]
    out += [d.p(t.get(lang), "base" if first.acceptable else "warn")
            for t in verdict(advice)]
    out.append(d.p(w("why_recommended") if first.acceptable else w("best_scoring"), "h2"))
    out += [d.p(f"+ {x.get(lang)}", "base") for x in first.reasons_for]
    out += [d.p(f"– {x.get(lang)}", "base") for x in first.reasons_against]
    out.append(d.p(w("terms_note", text=first.option.assumptions.get(lang)), "small"))
    others = [o for o in advice.options if o is not first and not o.acceptable]
    if others:
        out.append(d.p(w("fails_why"), "h2"))
        for o in others:
            why = ("；" if lang == "zh" else "; ").join(
                [x.get(lang) for x in o.flags] + [x.get(lang) for x in o.structure.needs])
            out.append(d.p(d.label(o.label.get(lang), why), "small"))
    pl = first.plan
    if pl.rows and pl.financed > 0:
        rows = [[d.p(h, "cellhead") for h in (w("year_short"), w("payment"), w("interest"),
                                              w("principal"), w("balance"), w("subsidy"),
                                              w("existing_service"), w("dscr"), w("icr"))]]
        for r in pl.rows:
            rows.append([d.p(str(r.year), "cell"), d.p(fmt(r.payment, lang), "cell"),
                         d.p(fmt(r.interest, lang), "cell"),
                         d.p(fmt(r.principal, lang), "cell"),
                         d.p(fmt(r.balance, lang), "cell"), d.p(fmt(r.subsidy, lang), "cell"),
                         d.p(fmt(r.existing_service, lang), "cell"),
                         d.p("—" if r.dscr is None else str(r.dscr), "cell"),
                         d.p("—" if r.icr is None else str(r.icr), "cell")])
        project = advice.project
        formula = w("dscr_formula", dep=fmt(pl.rows[0].depreciation, lang),
                    existing=fmt(project.existing_debt_service if project else None, lang))
        out += [KeepTogether([d.p(d.label(w("schedule"), first.label.get(lang)), "h2"),
                              make_table(rows, [WIDTH * x for x in (0.065, 0.125, 0.12,
                                                                    0.125, 0.125, 0.1, 0.14,
                                                                    0.1, 0.1)],
                                         align_right=tuple(range(9))),
                              Spacer(1, 1.5 * mm), d.p(formula, "small")])]
    return out
