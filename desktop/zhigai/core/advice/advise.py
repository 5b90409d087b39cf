"""All the advice for one assessment: roadmap, supports, the investment appraisal and the ranked
financing options, in one object (and as JSON for ``zhigai advise --json``). Every
explanation is zh/en Text; the rules are in docs/advice.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from ..assessment.model import Assessment
from ..assessment.money import ZERO
from ..assessment.plan import ProjectPlan
from ..assessment.scoring import Score
from ..base.i18n import Text
from ..questionnaire.instrument import Instrument
from .calculator import Appraisal, Project, appraise
from .catalogues import on_date, select
from .data import AdviceData
from .facts import AdviceEnv, project_facts
from .finance_summary import verdict
from .financing import OptionAdvice, rank_options
from .models import PolicyCatalogue
from .official import Gate, OfficialLevel, gates, official_level
from .project import calculator_project, role_money
from .project_step import as_dict
from .roadmap import HORIZONS, Roadmap, roadmap
from .schedules import plan
from .supports import SupportMatch, current_entries, match_all


@dataclass(frozen=True)
class Advice:
    roadmap: Roadmap
    catalogues: tuple[PolicyCatalogue, ...]  # the catalogues matched, national first
    supports: tuple[SupportMatch, ...]
    subsidies: Decimal                 # counted in the calculator (low end of estimates)
    subsidies_high: Decimal
    appraisal: Appraisal | None        # None until the project has items or a cost
    options: tuple[OptionAdvice, ...]  # ranked, best first
    project: Project | None
    facts: dict[str, Any] = field(default_factory=dict)
    withheld: tuple[Text, ...] = ()  # why no option is recommended (unfinished, no benefit)
    day: dt.date = dt.date(2000, 1, 1)  # the day policies were judged on
    by_region: bool = True           # catalogues chosen from the firm's region
    unknown_catalogues: tuple[str, ...] = ()  # chosen ids that are not installed
    official: OfficialLevel | None = None  # the MIIT estimate today, after, and the path
    gates: tuple[Gate, ...] = ()     # supports paid only above a level: roadmap milestones

    def without_current(self) -> tuple[PolicyCatalogue, ...]:
        """The chosen catalogues of which no entry is in force on the assessment's date."""
        return tuple(c for c in self.catalogues if current_entries(c, self.day) == 0)

    @property
    def recommended(self) -> OptionAdvice | None:
        """The best structure that passes the bank's tests; None when none passes or the
        advice is withheld."""
        if self.withheld:
            return None
        return next((o for o in self.options if o.acceptable), None)

    @property
    def best(self) -> OptionAdvice | None:
        """The first-ranked structure, passing or not (what the summary is about)."""
        return self.options[0] if self.options else None

    def dscr_sensitivity(self) -> tuple[tuple[str, Decimal | None], ...]:
        """The lowest DSCR of the best structure in each stress scenario, on its terms
        (computed once: the screen and the report ask for it more than once)."""
        return self._dscr_sensitivity

    @cached_property
    def _dscr_sensitivity(self) -> tuple[tuple[str, Decimal | None], ...]:
        best = self.best
        if best is None or self.appraisal is None:
            return ()
        net = self.appraisal.net_investment
        out: list[tuple[str, Decimal | None]] = []
        for s in self.appraisal.sensitivity:
            base = best.plan.base * s.net_investment / net if net > 0 else best.plan.base
            out.append((s.name, plan(best.option.id, s.project, best.structure.terms,
                                     base).min_dscr))
        return tuple(out)


def advise(data: AdviceData, instrument: Instrument, assessment: Assessment, score: Score,
           project_plan: ProjectPlan | None, lang: str = "zh",
           catalogue_ids: list[str] | None = None) -> Advice:
    """``catalogue_ids``: the policy catalogues to match (None: the plan's choice, else those
    of the firm's region)."""
    project_plan = project_plan or ProjectPlan()
    chosen = catalogue_ids if catalogue_ids is not None else project_plan.chosen_catalogues()
    selection = select(data.catalogues, instrument, assessment, chosen)
    day = on_date(instrument, assessment)
    facts = project_facts(project_plan, instrument, assessment.profile)
    env = AdviceEnv(instrument, assessment, score, facts)
    steps = roadmap(data, instrument, assessment, score, project_plan)
    facts["digital_cost"] += data_collection_cost(project_plan, steps)
    planned = frozenset({s.measure.id for s in steps.steps}
                        | (steps.project.measure_ids if steps.project else frozenset()))
    official = official_level(instrument, assessment,
                              steps.project.measures if steps.project else (), steps.fitting,
                              frozenset(steps.already_done),
                              {d.id: d.level for d in score.dimensions})
    env.official = official
    supports = match_all(selection.catalogues, env, lang, day, planned)
    low = sum((m.estimate_low or ZERO for m in supports if m.eligible), ZERO)
    high = sum((m.estimate_high or ZERO for m in supports if m.eligible), ZERO)
    total = facts["total_investment"]
    base_profit = role_money(instrument, assessment.profile, "profit")
    project = appraisal = None
    options: tuple[OptionAdvice, ...] = ()
    liabilities = role_money(instrument, assessment.profile, "liabilities")
    if total > 0:
        project = calculator_project(project_plan, min(low, total), base_profit, total,
                                     data.options, liabilities)
        appraisal = appraise(project)
        # a support can add to a market product (an enabler, an interest subsidy), never
        # take one away
        enabled = {oid: m.policy for m in supports
                   if m.eligible or (m.status == "information" and not m.policy.requirements)
                   for oid in m.policy.enables}
        subsidies = sorted(((Decimal(repr(m.policy.gives.points)), m.policy.gives.years or 0)
                            for m in supports if m.eligible
                            and m.policy.gives.type == "interest_subsidy"
                            and m.policy.gives.points is not None), reverse=True)
        options = rank_options(data, project, project_plan, assessment, instrument, appraisal,
                               enabled, subsidies[0] if subsidies else None)
    return Advice(steps, selection.catalogues, tuple(supports), min(low, total),
                  min(high, total), appraisal, options, project, facts,
                  withheld_reasons(score, project), day, selection.by_region,
                  selection.unknown, official,
                  gates(((m.policy, m.status) for m in supports
                         if m.status in ("eligible", "near_miss")), official))


def data_collection_cost(plan: ProjectPlan, steps: Roadmap) -> Decimal:
    """What the project spends on networks and data collection outside software and cloud
    (gateways, routers, collectors: the items tied to a connectivity measure), which the
    digital-upgrade programmes pay for too."""
    if steps.project is None:
        return ZERO
    by_id = {m.id: m for m in steps.fitting}
    ties = dict(steps.project.item_ties)
    return sum((i.total for i in plan.items if i.category not in ("software", "cloud")
                and any(by_id[t].dimension == "connectivity" for t in ties.get(i.id, ())
                        if t in by_id)), ZERO)


def withheld_reasons(score: Score, project: Project | None) -> tuple[Text, ...]:
    """Why no financing option may be recommended yet: an unfinished assessment, or a project
    whose benefits nobody has entered (a bank test on zero benefit means nothing)."""
    out: list[Text] = []
    if not score.complete:
        n = len(score.missing)
        out.append(Text(zh=f"评估尚未完成（还有 {n} 道必答题未回答），"
                           "结果为暂定，暂不推荐融资方式。",
                        en=f"The assessment is unfinished ({n} required questions unanswered); "
                           "its results are provisional, so no financing option is "
                           "recommended yet."))
    if project is not None and project.effects.gross_benefit <= 0:
        out.append(Text(zh="项目还没有填写预期效益（节省的人工、增加的利润、减少的废品或能耗），"
                           "无法判断还款能力，暂不推荐融资方式。",
                        en="No expected benefit of the project has been entered (labour saved, "
                           "extra margin, less scrap or energy), so its ability to repay cannot "
                           "be judged and no financing option is recommended."))
    return tuple(out)


# ---------------------------------------------------------------------------- JSON

def money_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def to_dict(advice: Advice, instrument: Instrument, lang: str) -> dict[str, Any]:
    """Everything the advice holds, as JSON-ready data (money as exact yuan strings)."""
    a = advice.appraisal
    step = advice.roadmap.project
    by_id = {m.id: m for m in advice.roadmap.fitting}
    return {
        "policy_date": advice.day.isoformat(),
        "catalogues_by_region": advice.by_region,
        "catalogues_not_installed": list(advice.unknown_catalogues),
        "catalogues": [{"id": cat.id, "version": cat.version, "title": cat.title.get(lang),
                        "region": cat.region.get(lang), "source": cat.source.basis.get(lang),
                        "date": cat.source.date, "verify_current_terms": cat.verify,
                        "historical": cat.historical,
                        "current_entries": current_entries(cat, advice.day),
                        "note": cat.note.get(lang)} for cat in advice.catalogues],
        "project": None if step is None else as_dict(step, instrument, by_id, lang),
        "roadmap": [{"measure": s.measure.id, "name": s.measure.name.get(lang),
                     "dimension": s.measure.dimension, "from_level": s.measure.from_level,
                     "to_level": s.measure.to_level, "horizon": HORIZONS[s.horizon].get(lang),
                     "horizon_index": s.horizon, "after": list(s.after),
                     "cost_indicative_wan": [s.measure.cost.min, s.measure.cost.max],
                     "reasons": [r.get(lang) for r in s.reasons]}
                    for s in advice.roadmap.steps],
        "already_done": list(advice.roadmap.already_done),
        "supports": [{"policy": m.policy.id, "name": m.policy.name.get(lang),
                      "catalogue": m.catalogue.id if m.catalogue else None,
                      "status": m.status, "gives": m.policy.gives.text.get(lang),
                      "issuer": m.policy.issuer.get(lang),
                      "period": [m.policy.period.start, m.policy.period.end],
                      "source": m.policy.source.get(lang), "date": m.policy.date,
                      "url": m.policy.url, "verify": m.policy.verify,
                      "to_confirm": list(m.confirm), "reasons": list(m.met),
                      "missing": list(m.unmet), "estimate_low": money_text(m.estimate_low),
                      "estimate_high": money_text(m.estimate_high), "capped": m.capped}
                     for m in advice.supports],
        "subsidies_counted": money_text(advice.subsidies),
        "subsidies_high": money_text(advice.subsidies_high),
        "appraisal": None if a is None else {
            "investment": money_text(a.investment), "subsidies": money_text(a.subsidies),
            "net_investment": money_text(a.net_investment),
            "annual_net_benefit": money_text(a.annual_net_benefit),
            "payback_years": None if a.payback_years is None else str(a.payback_years),
            "roi": None if a.roi is None else str(a.roi), "npv": money_text(a.npv),
            "irr": None if a.irr is None else str(a.irr),
            "breakeven_benefit": money_text(a.breakeven_benefit),
            "safety_margin": None if a.safety_margin is None else str(a.safety_margin),
            "discount_rate": str(a.discount_rate), "life_years": a.life_years,
            "tax_rate": str(a.tax_rate), "npv_pre_tax": money_text(a.npv_pre_tax),
            "irr_pre_tax": None if a.irr_pre_tax is None else str(a.irr_pre_tax),
            "payback_after_tax": None if a.payback_after_tax is None
            else str(a.payback_after_tax),
            "residual_value": money_text(a.residual_value),
            "years": [{"year": y.year, "benefit": money_text(y.benefit),
                       "depreciation": money_text(y.depreciation),
                       "taxable": money_text(y.taxable), "tax": money_text(y.tax),
                       "pre_tax_flow": money_text(y.pre_tax_flow),
                       "flow": money_text(y.flow)} for y in a.years],
            "sensitivity": [{"scenario": s.name, "net_investment": money_text(s.net_investment),
                             "annual_net_benefit": money_text(s.annual_net_benefit),
                             "npv": money_text(s.npv),
                             "irr": None if s.irr is None else str(s.irr),
                             "payback_years": None if s.payback_years is None
                             else str(s.payback_years)} for s in a.sensitivity]},
        "financing": [option_dict(o, lang) for o in advice.options],
        "recommended": advice.recommended.option.id if advice.recommended else None,
        "best": advice.best.option.id if advice.best else None,
        "verdict": [t.get(lang) for t in verdict(advice)],
        "dscr_sensitivity": [{"scenario": name, "min_dscr": None if v is None else str(v)}
                             for name, v in advice.dscr_sensitivity()],
        "existing_debt_service": None if advice.project is None
        else money_text(advice.project.existing_debt_service),
        "existing_debt_estimated": None if advice.project is None
        else advice.project.debt_estimated,
        "withheld": [r.get(lang) for r in advice.withheld],
    }


def option_dict(o: OptionAdvice, lang: str) -> dict[str, Any]:
    p, t = o.plan, o.structure.terms
    return {"option": o.option.id, "name": o.label.get(lang), "plain": o.option.plain.get(lang),
            "acceptable": o.acceptable,
            "tests": [{"test": r.test, "passed": r.passed, "text": r.text.get(lang)}
                      for r in o.tests],
            "proposed": [r.get(lang) for r in o.structure.proposed],
            "needs": [r.get(lang) for r in o.structure.needs],
            "terms": {"financed_share": str(t.financed_share), "rate": str(t.rate),
                      "years": t.years, "profit_share": str(t.profit_share)},
            "reasons_for": [r.get(lang) for r in o.reasons_for],
            "reasons_against": [r.get(lang) for r in o.reasons_against],
            "flags": [r.get(lang) for r in o.flags],
            "financed": money_text(p.financed), "own_contribution": money_text(p.own_contribution),
            "min_dscr": None if p.min_dscr is None else str(p.min_dscr),
            "min_icr": None if p.min_icr is None else str(p.min_icr),
            "total_cost": money_text(p.total_cost),
            "schedule": [{"year": r.year, "payment": money_text(r.payment),
                          "interest": money_text(r.interest),
                          "principal": money_text(r.principal),
                          "balance": money_text(r.balance), "subsidy": money_text(r.subsidy),
                          "net_profit": money_text(r.net_profit),
                          "existing_service": money_text(r.existing_service),
                          "dscr": None if r.dscr is None else str(r.dscr),
                          "icr": None if r.icr is None else str(r.icr)} for r in p.rows]}
