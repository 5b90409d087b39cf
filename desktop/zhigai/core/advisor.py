"""Advice: a roadmap of measures in three horizons, the public supports that fit (with reasons,
near misses and estimated amounts), the investment calculator, and the financing options
ranked for this firm and project with the reasoning in words.

Rules are documented in docs/advice.md. Every explanation is returned as zh/en Text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import expr
from .advice_data import AdviceData
from .advice_models import FinancingOption, Measure, Policy, PolicyCatalogue
from .assessment import Assessment
from .finance import Appraisal, FinancingPlan, Project, Terms, appraise, plan
from .i18n import Text
from .instrument import Instrument
from .money import WAN, ZERO, fmt, round_fen
from .profile import typed_profile_value
from .project import ProjectPlan, calculator_project, profile_money
from .scoring import Score, question_states

HORIZONS = (Text(zh="0-6 个月", en="0-6 months"), Text(zh="6-18 个月", en="6-18 months"),
            Text(zh="18-36 个月", en="18-36 months"))
MAX_PER_DIMENSION = 2
MAX_STEPS = 10


def _t(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


# ---------------------------------------------------------------------------- facts

def project_facts(plan_: ProjectPlan | None, instrument: Instrument,
                  profile: dict[str, Any]) -> dict[str, Any]:
    """The facts policy rules can use as project.<name> (money in yuan)."""
    plan_ = plan_ or ProjectPlan()
    on_land_field = instrument.profile_fields.get("project_on_existing_land")
    on_land = profile.get(on_land_field.id) if on_land_field else None
    total = plan_.total()
    if total == 0:
        cost_field = instrument.profile_fields.get("project_cost")
        total = profile_money(profile, cost_field.id if cost_field else None) or ZERO
    facts: dict[str, Any] = {
        "total_investment": total,
        "robot_count": plan_.count("robot"),
        "item_count": Decimal(len(plan_.items)),
        "on_existing_land": on_land if isinstance(on_land, bool) else None,
        "engineering_company": plan_.finance.engineering_company,
        "measures": list(plan_.measures),
    }
    for category in ("robot", "equipment", "software", "cloud", "engineering", "building",
                     "training", "service"):
        facts[f"{category}_cost"] = plan_.total((category,))
    return facts


def score_facts(score: Score) -> dict[str, Any]:
    facts: dict[str, Any] = {"index": score.index, "stage_by_index": score.stage_by_index,
                             "stage_weakest_link": score.stage_weakest_link}
    for d in score.dimensions:
        facts[d.id] = d.level
    return facts


class AdviceEnv:
    """Values for conditions in advice data: answers, profile, project facts, score."""

    def __init__(self, instrument: Instrument, assessment: Assessment, score: Score,
                 facts: dict[str, Any]):
        self.instrument = instrument
        self.answers = assessment.answers
        self.profile = assessment.profile
        self.states = question_states(instrument, self.answers, self.profile)
        self.project = facts
        self.score = score_facts(score)

    def question_value(self, name: str) -> Any:
        if self.states.get(name) != "shown":
            return None
        answer = self.answers.get(name)
        if answer is None or answer.na:
            return None
        return answer.value

    def scoped_value(self, scope: str, name: str) -> Any:
        if scope == "profile":
            f = self.instrument.profile_fields.get(name)
            return None if f is None else typed_profile_value(f, self.profile.get(name))
        if scope == "project":
            value = self.project.get(name)
            return float(value) if isinstance(value, Decimal) else value
        if scope == "score":
            return self.score.get(name)
        return None


def _holds(condition: str, env: AdviceEnv) -> bool | None:
    return expr.compile_condition(expr.parse(condition))(env)


def render(text: Text, facts: dict[str, Any], lang: str) -> str:
    """Fill {project.x} placeholders (money shown in 万元 / yuan)."""
    from .advice_models import PLACEHOLDER

    def fill(match: Any) -> str:
        scope, name = match.group(1), match.group(2)
        value = facts.get(name) if scope == "project" else None
        if isinstance(value, Decimal) and name.endswith(("_cost", "investment")):
            return fmt(value, lang)
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        return "—" if value is None else str(value)

    return PLACEHOLDER.sub(fill, text.get(lang))


# ---------------------------------------------------------------------------- roadmap

@dataclass(frozen=True)
class RoadmapStep:
    measure: Measure
    horizon: int                       # 0: 0-6 months, 1: 6-18, 2: 18-36
    reasons: tuple[Text, ...]
    after: tuple[str, ...]             # prerequisite measure ids planned earlier


@dataclass(frozen=True)
class Roadmap:
    steps: tuple[RoadmapStep, ...]
    done: tuple[Measure, ...]          # measures the firm already has

    @property
    def already_done(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.done)

    def horizon(self, index: int) -> tuple[RoadmapStep, ...]:
        return tuple(s for s in self.steps if s.horizon == index)


def roadmap(data: AdviceData, instrument: Instrument, assessment: Assessment,
            score: Score) -> Roadmap:
    """Measures for the prioritized gaps, placed so every prerequisite comes first."""
    env = AdviceEnv(instrument, assessment, score, project_facts(None, instrument,
                                                                 assessment.profile))
    industry = assessment.industry(instrument)
    measures = [m for m in data.measures.measures
                if not m.industries or (industry and industry in m.industries)]
    by_id = {m.id: m for m in measures}
    # a measure whose condition asks about something the firm answered "not applicable"
    # (e.g. link winding in a mill without spinning) does not apply
    measures = [m for m in measures if not _about_not_applicable(m, assessment)]
    by_id = {m.id: m for m in measures}
    done = {m.id for m in measures if m.done_if and _holds(m.done_if, env) is True}
    levels = {d.id: d for d in score.dimensions}
    pains: set[str] = set()
    pain_field = instrument.field_for_role("pain_points")
    chosen_pains = assessment.profile.get(pain_field.id) if pain_field else None
    if isinstance(chosen_pains, list):
        pains = {str(p) for p in chosen_pains}
    priority = {g.dimension: g for g in score.gaps}
    target = score.target

    def startable(m: Measure, level_now: int) -> bool:
        """It raises the dimension and starts where the dimension is (no leaping ahead)."""
        return m.to_level > level_now and m.from_level <= level_now

    chosen: dict[str, Measure] = {}
    follow_on: set[str] = set()   # chosen because an earlier chosen measure prepares it
    ranked_dims = [g.dimension for g in score.gaps if g.priority > 0]
    for dim in ranked_dims:
        d = levels[dim]
        if d.stage is None:
            continue
        aim = target if target is not None else 4
        holding = {q.id for q in instrument.by_dimension[dim]
                   if score.questions[q.id].counted and score.questions[q.id].state == "answered"
                   and (score.questions[q.id].level or 0) < aim}

        def fit(m: Measure, holding: set[str] = holding) -> int:
            """How closely it answers this firm's situation: it raises an answer that holds
            the dimension back (2), it is made for the firm's industry (1), each pain point it
            addresses (1)."""
            asks = {r.name for r in expr.references(expr.parse(m.done_if))} \
                if m.done_if else set()
            return 2 * bool(asks & holding) + bool(m.industries) + len(set(m.addresses) & pains)

        pool = sorted((m for m in measures if m.dimension == dim and m.id not in done),
                      key=lambda m: (m.from_level, -fit(m), m.to_level, m.horizon != "quick",
                                     m.cost.min))
        # the lowest open step: where the dimension is, or one up when the steps below are
        # all done already (pool is sorted by from_level, so lower steps win)
        picked = [m for m in pool if m.to_level > d.stage and m.from_level <= d.stage + 1][:1]
        gap = priority[dim]
        if picked and gap.size > 1.0:
            # far from the target: also the next step, once the first one is in place, as
            # long as it does not go beyond the target
            reached = max(m.to_level for m in picked)
            nxt = [m for m in pool if m not in picked and startable(m, reached)
                   and m.to_level <= (target or 4)]
            if nxt:
                picked.append(nxt[0])
                follow_on.add(nxt[0].id)
        elif picked:
            more = [m for m in pool if m not in picked and startable(m, d.stage)
                    and m.to_level <= (target or 4)]
            picked.extend(more[:1])
        for m in picked[:MAX_PER_DIMENSION]:
            if len(chosen) < MAX_STEPS:
                chosen[m.id] = m
    # prerequisites that are not done come along
    prerequisite_of: dict[str, list[str]] = {}
    pending = list(chosen.values())
    while pending:
        m = pending.pop()
        for req in m.requires:
            if req in done or req not in by_id:
                continue
            prerequisite_of.setdefault(req, []).append(m.id)
            if req not in chosen:
                chosen[req] = by_id[req]
                pending.append(by_id[req])

    rank = {dim: n for n, dim in enumerate(ranked_dims)}
    horizon: dict[str, int] = {}

    def place(m: Measure, seen: frozenset[str] = frozenset()) -> int:
        if m.id in horizon:
            return horizon[m.id]
        if m.horizon == "long":
            earliest = 1
        elif m.horizon == "medium":  # bigger projects start now only for the top priorities
            earliest = 0 if rank.get(m.dimension, 99) < 3 or m.id in prerequisite_of else 1
        else:
            earliest = 0
        if m.id in follow_on:
            earliest = max(earliest, 1)
        for req in m.requires:
            if req in chosen and req not in seen:
                earliest = max(earliest, place(chosen[req], seen | {m.id}) + 1)
        horizon[m.id] = min(2, earliest)
        return horizon[m.id]

    for m in list(chosen.values()):
        place(m)
    # at most five measures in the first six months: the lower priorities wait
    first = sorted((m for m in chosen.values() if horizon[m.id] == 0),
                   key=lambda m: (m.id not in prerequisite_of, rank.get(m.dimension, 99)))
    for m in first[5:]:
        horizon[m.id] = 1
    changed = True
    while changed:  # keep every prerequisite strictly earlier
        changed = False
        for m in chosen.values():
            for req in m.requires:
                if req in chosen and horizon[m.id] <= horizon[req] and horizon[m.id] < 2:
                    horizon[m.id] = horizon[req] + 1
                    changed = True

    steps = []
    for m in chosen.values():
        steps.append(RoadmapStep(m, horizon[m.id], tuple(_measure_reasons(
            m, levels, priority.get(m.dimension), target, pains, instrument, chosen, done,
            horizon, [chosen[x] for x in prerequisite_of.get(m.id, [])])),
            tuple(r for r in m.requires if r in chosen)))
    dim_rank = {dim: n for n, dim in enumerate(ranked_dims)}
    steps.sort(key=lambda s: (s.horizon, dim_rank.get(s.measure.dimension, 99),
                              s.measure.from_level))
    return Roadmap(tuple(steps), tuple(by_id[m] for m in sorted(done)))


def _about_not_applicable(m: Measure, assessment: Assessment) -> bool:
    if not m.done_if:
        return False
    for ref in expr.references(expr.parse(m.done_if)):
        answer = assessment.answers.get(ref.name) if ref.scope == "question" else None
        if answer is not None and answer.na:
            return True
    return False


def _measure_reasons(m: Measure, levels: dict[str, Any], gap: Any, target: int | None,
                     pains: set[str], instrument: Instrument, chosen: dict[str, Measure],
                     done: set[str], horizon: dict[str, int],
                     enables: list[Measure]) -> list[Text]:
    dim = instrument.dimension_by_id[m.dimension]
    d = levels[m.dimension]
    reasons: list[Text] = []
    if enables:
        reasons.append(_t("先要做好它，才能实施："
                          + "、".join(f"“{x.name.get('zh')}”" for x in enables),
                          "needed first for: "
                          + ", ".join(f"'{x.name.get('en')}'" for x in enables)))
    if d.stage is not None and m.to_level > d.stage:
        reasons.append(_t(f"{dim.name.get('zh')}目前为 {d.level:.2f} 级，本措施可把它从 "
                          f"{m.from_level} 级提升到 {m.to_level} 级",
                          f"{dim.name.get('en')} is at {d.level:.2f}; this measure takes it "
                          f"from level {m.from_level} to {m.to_level}"))
    if gap is not None and gap.size > 0 and target is not None and m.to_level > (d.stage or 0):
        reasons.append(_t(f"距目标第 {target} 级差 {gap.size:.2f} 级，排在优先改进之列",
                          f"{gap.size:.2f} below the target stage {target}, among the "
                          "priorities"))
    matched = [p for p in m.addresses if p in pains]
    if matched:
        field_ = instrument.field_for_role("pain_points")
        labels = {o.id: o.label for o in (field_.options or [])} if field_ else {}
        zh = "、".join(labels[p].get("zh") if p in labels else p for p in matched)
        en = ", ".join(labels[p].get("en") if p in labels else p for p in matched)
        reasons.append(_t(f"针对您关注的问题：{zh}", f"addresses your pain points: {en}"))
    for req in m.requires:
        if req in done:
            continue
        r = chosen.get(req)
        if r is not None:
            when = HORIZONS[horizon.get(req, 0)]
            reasons.append(_t(f"在“{r.name.get('zh')}”（{when.get('zh')}）之后实施",
                              f"follows '{r.name.get('en')}' ({when.get('en')})"))
    return reasons


# ---------------------------------------------------------------------------- supports

@dataclass(frozen=True)
class SupportMatch:
    policy: Policy
    status: str                       # eligible, near_miss, not_eligible, information
    met: tuple[str, ...]              # reasons (already rendered), per language below
    unmet: tuple[str, ...]
    estimate_low: Decimal | None
    estimate_high: Decimal | None
    capped: bool
    lang: str

    @property
    def eligible(self) -> bool:
        return self.status == "eligible"


def match_supports(catalogue: PolicyCatalogue, env: AdviceEnv, lang: str) -> list[SupportMatch]:
    """Every support with its status; estimates where the catalogue gives a rate or amount."""
    out: list[SupportMatch] = []
    for p in catalogue.policies:
        if p.audience == "government":
            out.append(SupportMatch(p, "information", (), (), None, None, False, lang))
            continue
        met: list[str] = []
        unmet: list[tuple[str, bool]] = []
        for req in p.requirements:
            if _holds(req.when, env) is True:
                met.append(render(req.met, env.project, lang))
            else:
                unmet.append((render(req.unmet, env.project, lang), req.fixable))
        if not unmet:
            status = "information" if p.gives.type == "information" and not p.requirements \
                else "eligible"
        elif len(unmet) == 1 and unmet[0][1]:
            status = "near_miss"
        else:
            status = "not_eligible"
        low = high = None
        capped = False
        if status == "eligible":
            low, high, capped = estimate(p, env.project)
        out.append(SupportMatch(p, status, tuple(met), tuple(u for u, _ in unmet), low, high,
                                capped, lang))
    order = {"eligible": 0, "near_miss": 1, "information": 2, "not_eligible": 3}
    out.sort(key=lambda m: (order[m.status], -(m.estimate_high or ZERO)))
    return out


def estimate(policy: Policy, facts: dict[str, Any]) -> tuple[Decimal | None, Decimal | None,
                                                              bool]:
    """The support's money estimate (yuan): a range for rates, the amount for amounts; never
    above the cap."""
    g = policy.gives
    # a cap rounds down to the fen, so an estimate can never exceed it
    cap = (Decimal(repr(g.cap)) * WAN).quantize(Decimal("0.01"), rounding="ROUND_DOWN") \
        if g.cap is not None else None
    if g.type == "rate" and g.base and g.rate_min is not None and g.rate_max is not None:
        base = facts.get(g.base)
        if not isinstance(base, Decimal) or base <= 0:
            return None, None, False
        low = round_fen(base * Decimal(repr(g.rate_min)))
        high = round_fen(base * Decimal(repr(g.rate_max)))
    elif g.type == "amount" and g.amount is not None:
        low = high = round_fen(Decimal(repr(g.amount)) * WAN)
    else:
        return None, None, False
    capped = False
    if cap is not None:
        capped = high > cap
        low, high = min(low, cap), min(high, cap)
    return low, high, capped


# ---------------------------------------------------------------------------- financing

@dataclass(frozen=True)
class OptionAdvice:
    option: FinancingOption
    plan: FinancingPlan | None
    score: float
    reasons_for: tuple[Text, ...]
    reasons_against: tuple[Text, ...]
    flags: tuple[Text, ...]           # fails a bank's usual test or cannot work as planned

    @property
    def acceptable(self) -> bool:
        return not self.flags


@dataclass(frozen=True)
class Advice:
    roadmap: Roadmap
    catalogue: PolicyCatalogue
    supports: tuple[SupportMatch, ...]
    subsidies: Decimal                 # counted in the calculator (low end of estimates)
    subsidies_high: Decimal
    appraisal: Appraisal | None        # None until the project has items or a cost
    options: tuple[OptionAdvice, ...]  # ranked, best first
    project: Project | None
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def recommended(self) -> OptionAdvice | None:
        for o in self.options:
            if o.acceptable:
                return o
        return self.options[0] if self.options else None


def terms_for(option: FinancingOption, overrides: dict[str, str],
              interest_subsidy: tuple[Decimal, int] | None) -> Terms:
    d = option.defaults

    def value(name: str, default: float | int | None) -> Any:
        raw = overrides.get(name)
        if raw in (None, ""):
            return default
        return raw

    max_amount = value("max_amount", d.max_amount)
    subsidy_points, subsidy_years = (interest_subsidy if interest_subsidy
                                     and option.repayment == "annuity" else (ZERO, 0))
    return Terms(repayment=option.repayment,
                 financed_share=Decimal(str(value("financed_share", d.financed_share))),
                 rate=Decimal(str(value("rate", d.rate))),
                 years=int(value("years", d.years) or 0),
                 fee_rate=Decimal(str(value("fee_rate", d.fee_rate))),
                 profit_share=Decimal(str(value("profit_share", d.profit_share))),
                 subsidy_points=subsidy_points, subsidy_years=subsidy_years,
                 max_amount=None if max_amount is None else
                 round_fen(Decimal(str(max_amount)) * WAN))


def advise(data: AdviceData, instrument: Instrument, assessment: Assessment, score: Score,
           project_plan: ProjectPlan | None, lang: str = "zh",
           catalogue_id: str | None = None) -> Advice:
    project_plan = project_plan or ProjectPlan()
    catalogue = data.catalogue(catalogue_id or project_plan.catalogue)
    facts = project_facts(project_plan, instrument, assessment.profile)
    env = AdviceEnv(instrument, assessment, score, facts)
    supports = match_supports(catalogue, env, lang)
    low = sum((m.estimate_low or ZERO for m in supports if m.eligible), ZERO)
    high = sum((m.estimate_high or ZERO for m in supports if m.eligible), ZERO)
    steps = roadmap(data, instrument, assessment, score)
    total = facts["total_investment"]
    profit_field = instrument.field_for_role("profit")
    base_profit = profile_money(assessment.profile, profit_field.id if profit_field else None)
    project = appraisal = None
    options: tuple[OptionAdvice, ...] = ()
    if total > 0:
        project = calculator_project(project_plan, min(low, total), base_profit, total)
        appraisal = appraise(project)
        enabled = {oid for m in supports if m.eligible or not m.policy.requirements
                   for oid in m.policy.enables}
        subsidy = next(((Decimal(repr(m.policy.gives.points)), m.policy.gives.years or 0)
                        for m in supports if m.eligible
                        and m.policy.gives.type == "interest_subsidy"), None)
        options = rank_options(data, project, project_plan, assessment, instrument, appraisal,
                               enabled, subsidy)
    return Advice(steps, catalogue, tuple(supports), min(low, total), min(high, total),
                  appraisal, options, project, facts)


def _share(plan_: ProjectPlan, categories: tuple[str, ...]) -> Decimal:
    total = plan_.total()
    return ZERO if total == 0 else plan_.total(categories) / total


def rank_options(data: AdviceData, project: Project, project_plan: ProjectPlan,
                 assessment: Assessment, instrument: Instrument, appraisal: Appraisal,
                 enabled: set[str], interest_subsidy: tuple[Decimal, int] | None,
                 ) -> tuple[OptionAdvice, ...]:
    """Score every available option on the factors of the domain brief (section 6) and explain
    each score in words. Higher is better; options failing a bank's usual test are flagged."""
    test = data.options.bank_test
    net = project.net_investment
    profile = assessment.profile

    def money(role: str) -> Decimal | None:
        f = instrument.field_for_role(role)
        return profile_money(profile, f.id if f else None)

    revenue, assets, liabilities = money("revenue"), money("total_assets"), money("liabilities")
    equity = assets - liabilities if assets is not None and liabilities is not None else None
    land_field = instrument.field_for_role("owns_land")
    owns_land = profile.get(land_field.id) if land_field else None
    rating_field = instrument.field_for_role("credit_rating")
    rating = profile.get(rating_field.id) if rating_field else None
    own_funds = Decimal(project_plan.finance.own_funds) \
        if project_plan.finance.own_funds not in (None, "") else None
    machines = _share(project_plan, ("robot", "equipment"))
    engineered = _share(project_plan, ("engineering", "software"))
    capacity = _share(project_plan, ("building", "training", "service", "other"))
    large = (revenue is not None and revenue > 0 and net > revenue * Decimal("0.3")) or \
        (equity is not None and equity > 0 and net > equity * Decimal("0.5"))
    payback = appraisal.payback_years
    result: list[OptionAdvice] = []
    for option in data.options.options:
        if option.needs_enabling and option.id not in enabled:
            continue
        base = net if option.finances == "all" else min(net, project_plan.total(
            tuple(option.finances)))
        if option.finances != "all" and base <= 0:
            continue
        overrides = project_plan.finance.overrides.get(option.id, {})
        terms = terms_for(option, overrides, interest_subsidy)
        schedule = plan(option.id, project, terms, base)
        score = 0.0
        good: list[Text] = []
        bad: list[Text] = []
        flags: list[Text] = []
        oid = option.id
        if oid == "own_funds":
            score += 2
            good.append(_t("没有利息和还款压力", "no interest and no repayments"))
            if own_funds is not None:
                if own_funds >= net:
                    score += 2
                    good.append(_t(f"可动用自有资金 {fmt(own_funds, 'zh')} 足以支付净投资",
                                   f"own funds of {fmt(own_funds, 'en')} cover the net "
                                   "investment"))
                else:
                    score -= 5
                    flags.append(_t(f"需要 {fmt(net, 'zh')}，可动用自有资金只有 "
                                    f"{fmt(own_funds, 'zh')}",
                                    f"needs {fmt(net, 'en')} but only {fmt(own_funds, 'en')} "
                                    "of own funds are available"))
            if large:
                score -= 2
                bad.append(_t("项目相对营业收入或净资产较大，全部自筹会占用大量流动资金",
                              "the project is large for the firm's revenue or equity; paying "
                              "it all would tie up working capital"))
        short_of_cash = own_funds is not None and own_funds < net * Decimal("0.3")
        weak_security = owns_land is False or rating in ("bb_or_lower", "unknown", None)
        if option.model in ("financing_capital", "financing_materials",
                            "financing_engineering"):
            score += 0.5
            good.append(_t("按项目利润分成还款，还款随收益变化，初期压力小",
                           "repaid from a share of the project's profit, so payments follow "
                           "the benefits"))
            if short_of_cash or weak_security:
                score += 1
                good.append(_t("自有资金或抵押、信用不足时，由项目收益还款更容易获得",
                               "easier to obtain than a loan when own funds, collateral or "
                               "credit are short"))
            if large:
                score += 1
                good.append(_t("适合相对企业规模较大的项目", "suits a project that is large "
                                                             "for the firm"))
            if payback is not None and payback <= 3:
                score += 1
                good.append(_t(f"静态回收期 {payback} 年，利润足以较快偿还",
                               f"a {payback}-year payback: profits repay quickly"))
            elif payback is None or payback > 6:
                score -= 1
                bad.append(_t("项目收益偏低，按利润分成还款期限会很长",
                              "the project's benefit is low, so profit-share repayment takes "
                              "long"))
        if option.model == "financing_materials":
            if machines >= Decimal("0.6"):
                score += 2
                good.append(_t(f"投资的 {machines:.0%} 是标准设备和机器人，出租方可以持有设备",
                               f"{machines:.0%} of the investment is standard machines and "
                               "robots the lessor can own"))
            else:
                score -= 1
                bad.append(_t("标准设备占比不高，租赁只能覆盖一部分投资",
                              "standard machines are a small part, so a lease covers only "
                              "part of the investment"))
        if option.model == "financing_engineering":
            if project_plan.finance.engineering_company:
                score += 2
                good.append(_t("由工程服务公司交钥匙交付的成套方案，适合工程分期",
                               "a turnkey solution delivered by an engineering-service "
                               "company suits engineering instalments"))
            elif engineered >= Decimal("0.4"):
                score += 1.5
                good.append(_t(f"投资的 {engineered:.0%} 是工程集成和软件，适合工程分期"
                               "（如由工程服务公司整体交付更合适）",
                               f"{engineered:.0%} of the investment is engineering and "
                               "software, which suits engineering instalments (best when an "
                               "engineering-service company delivers it as a whole)"))
            else:
                score -= 1
                bad.append(_t("项目不是由工程服务公司整体交付", "the project is not delivered "
                                                               "as a whole by an "
                                                               "engineering-service company"))
        if option.model == "financing_capital":
            if capacity >= Decimal("0.3"):
                score += 1
                good.append(_t("项目包含厂房、研发等产能建设，适合整体授信",
                               "the project includes capacity, buildings or R&D: suits "
                               "credit for the whole project"))
        if oid in ("bank_loan", "guarantee_loan", "microfinance"):
            score += 1.5 if oid == "bank_loan" else 1.0
            good.append(_t("期限和成本确定，便于安排还款", "fixed terms and cost, easy to plan"))
            if interest_subsidy is not None and oid != "microfinance":
                score += 0.5
                good.append(_t(f"可享受贴息 {interest_subsidy[0] * 100:g} 个百分点，"
                               f"{interest_subsidy[1]} 年",
                               f"an interest subsidy of {interest_subsidy[0] * 100:g} points "
                               f"for {interest_subsidy[1]} years applies"))
            if oid == "bank_loan":
                if owns_land is True:
                    score += 1
                    good.append(_t("有自有土地厂房可作抵押", "own land and buildings can serve "
                                                           "as collateral"))
                elif owns_land is False:
                    score -= 1
                    bad.append(_t("没有自有土地厂房，抵押物不足", "no own land or buildings "
                                                                  "as collateral"))
                if rating in ("aaa", "aa"):
                    score += 1
                    good.append(_t("银行信用等级较高", "a good bank credit rating"))
                elif rating in ("bb_or_lower", "unknown", None):
                    score -= 0.5
                    bad.append(_t("信用等级不高或不清楚，贷款审批可能较难",
                                  "a weak or unknown credit rating makes approval harder"))
            if oid == "guarantee_loan" and owns_land is not True:
                score += 1
                good.append(_t("担保可弥补抵押物不足", "a guarantee makes up for missing "
                                                       "collateral"))
            if oid == "microfinance":
                if schedule.capped:
                    score -= 2
                    bad.append(_t("小额贷款额度只覆盖部分投资", "a microfinance loan covers "
                                                               "only part of the investment"))
        # the bank's usual tests, on the computed schedule
        if schedule.financed > 0:
            min_dscr = schedule.min_dscr
            if min_dscr is not None and min_dscr < Decimal(repr(test.min_dscr)):
                score -= 3
                flags.append(_t(f"偿债覆盖率最低 {min_dscr}，低于银行通常要求的 "
                                f"{test.min_dscr:g}",
                                f"the lowest DSCR is {min_dscr}, below the {test.min_dscr:g} "
                                "banks usually want"))
            if not schedule.repaid:
                score -= 3
                needed = needed_share(schedule.financed, terms, project)
                hint_zh = hint_en = ""
                if needed is not None and needed <= 1:
                    hint_zh = f"；分成比例提高到 {needed:.0%} 可在期限内还清"
                    hint_en = f"; a share of {needed:.0%} would repay it in time"
                flags.append(_t(f"按约定分成比例，{terms.years} 年内还不清{hint_zh}",
                                f"at the agreed profit share it is not repaid within "
                                f"{terms.years} years{hint_en}"))
            if option.repayment == "annuity" and option.model == "conventional":
                own_share = (net - schedule.financed) / net if net > 0 else ZERO
                if own_share < Decimal(repr(test.min_own_share)):
                    score -= 1
                    flags.append(_t(f"自有资金比例 {own_share:.0%}，低于通常要求的 "
                                    f"{test.min_own_share:.0%}",
                                    f"own contribution {own_share:.0%} is below the usual "
                                    f"{test.min_own_share:.0%}"))
                if own_funds is not None and own_funds < net - schedule.financed:
                    score -= 2
                    flags.append(_t(f"需自筹 {fmt(net - schedule.financed, 'zh')}，超过可动用"
                                    f"自有资金 {fmt(own_funds, 'zh')}",
                                    f"needs {fmt(net - schedule.financed, 'en')} of own "
                                    f"money, more than the {fmt(own_funds, 'en')} available"))
            cost_share = float(schedule.total_cost / net) if net > 0 else 0.0
            score -= 2 * cost_share
            if cost_share > 0:
                bad.append(_t(f"融资总成本 {fmt(schedule.total_cost, 'zh')}（净投资的 "
                              f"{cost_share:.0%}）",
                              f"total financing cost {fmt(schedule.total_cost, 'en')} "
                              f"({cost_share:.0%} of the net investment)"))
        result.append(OptionAdvice(option, schedule, round(score, 3), tuple(good), tuple(bad),
                                   tuple(flags)))
    result.sort(key=lambda o: (bool(o.flags), -o.score))
    return tuple(result)


def needed_share(financed: Decimal, terms: Terms, project: Project) -> Decimal | None:
    """The profit share that repays ``financed`` within the term (None without benefit)."""
    from .finance import annuity_payment

    benefit = project.effects.net_benefit
    if benefit <= 0 or terms.years <= 0:
        return None
    payment = annuity_payment(financed, terms.rate, terms.years)
    return (payment / benefit).quantize(Decimal("0.01"), rounding="ROUND_UP")


def percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


# ---------------------------------------------------------------------------- JSON

def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def to_dict(advice: Advice, instrument: Instrument, lang: str) -> dict[str, Any]:
    """Everything the advice holds, as JSON-ready data (money as exact yuan strings)."""
    cat = advice.catalogue
    a = advice.appraisal
    return {
        "catalogue": {"id": cat.id, "version": cat.version, "title": cat.title.get(lang),
                      "region": cat.region.get(lang), "source": cat.source.basis.get(lang),
                      "date": cat.source.date, "verify_current_terms": cat.verify,
                      "note": cat.note.get(lang)},
        "roadmap": [{"measure": s.measure.id, "name": s.measure.name.get(lang),
                     "dimension": s.measure.dimension, "from_level": s.measure.from_level,
                     "to_level": s.measure.to_level, "horizon": HORIZONS[s.horizon].get(lang),
                     "horizon_index": s.horizon, "after": list(s.after),
                     "cost_indicative_wan": [s.measure.cost.min, s.measure.cost.max],
                     "reasons": [r.get(lang) for r in s.reasons]}
                    for s in advice.roadmap.steps],
        "already_done": list(advice.roadmap.already_done),
        "supports": [{"policy": m.policy.id, "name": m.policy.name.get(lang),
                      "status": m.status, "gives": m.policy.gives.text.get(lang),
                      "source": m.policy.source.get(lang), "reasons": list(m.met),
                      "missing": list(m.unmet), "estimate_low": _money(m.estimate_low),
                      "estimate_high": _money(m.estimate_high), "capped": m.capped}
                     for m in advice.supports],
        "subsidies_counted": _money(advice.subsidies),
        "subsidies_high": _money(advice.subsidies_high),
        "appraisal": None if a is None else {
            "investment": _money(a.investment), "subsidies": _money(a.subsidies),
            "net_investment": _money(a.net_investment),
            "annual_net_benefit": _money(a.annual_net_benefit),
            "payback_years": None if a.payback_years is None else str(a.payback_years),
            "roi": None if a.roi is None else str(a.roi), "npv": _money(a.npv),
            "irr": None if a.irr is None else str(a.irr),
            "breakeven_benefit": _money(a.breakeven_benefit),
            "safety_margin": None if a.safety_margin is None else str(a.safety_margin),
            "discount_rate": str(a.discount_rate), "life_years": a.life_years,
            "sensitivity": [{"scenario": s.name, "net_investment": _money(s.net_investment),
                             "annual_net_benefit": _money(s.annual_net_benefit),
                             "npv": _money(s.npv),
                             "irr": None if s.irr is None else str(s.irr),
                             "payback_years": None if s.payback_years is None
                             else str(s.payback_years)} for s in a.sensitivity]},
        "financing": [{"option": o.option.id, "name": o.option.name.get(lang),
                       "score": o.score, "acceptable": o.acceptable,
                       "reasons_for": [r.get(lang) for r in o.reasons_for],
                       "reasons_against": [r.get(lang) for r in o.reasons_against],
                       "flags": [r.get(lang) for r in o.flags],
                       "financed": _money(o.plan.financed) if o.plan else None,
                       "own_contribution": _money(o.plan.own_contribution) if o.plan else None,
                       "min_dscr": None if o.plan is None or o.plan.min_dscr is None
                       else str(o.plan.min_dscr),
                       "total_cost": _money(o.plan.total_cost) if o.plan else None,
                       "schedule": [{"year": r.year, "payment": _money(r.payment),
                                     "interest": _money(r.interest),
                                     "principal": _money(r.principal),
                                     "balance": _money(r.balance),
                                     "subsidy": _money(r.subsidy),
                                     "net_profit": _money(r.net_profit),
                                     "dscr": None if r.dscr is None else str(r.dscr)}
                                    for r in (o.plan.rows if o.plan else ())]}
                      for o in advice.options],
        "recommended": advice.recommended.option.id if advice.recommended else None,
    }
