"""The financing verdict in words, shared by the screen, the command line and the report:
which structure is recommended and why, or why none passes and what would make the best one
pass, with the assumptions the figures rest on."""

from __future__ import annotations

from typing import Protocol

from ..assessment.money import fmt
from ..base.i18n import Text
from .calculator import Appraisal, Project
from .financing import OptionAdvice, percent


class Advice(Protocol):
    """What the verdict reads of the advice (advise.Advice)."""

    @property
    def withheld(self) -> tuple[Text, ...]: ...
    @property
    def project(self) -> Project | None: ...
    @property
    def appraisal(self) -> Appraisal | None: ...
    @property
    def best(self) -> OptionAdvice | None: ...
    @property
    def recommended(self) -> OptionAdvice | None: ...


def _join(parts: list[str], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(parts)


def _both(parts: list[Text]) -> tuple[list[str], list[str]]:
    return [p.get('zh') for p in parts], [p.get('en') for p in parts]


def verdict(advice: Advice) -> tuple[Text, ...]:
    """The headline of the financing advice: the recommendation, or why there is none."""
    if advice.withheld:
        return advice.withheld
    best = advice.best
    if best is None:
        return ()
    out: list[Text] = []
    rec = advice.recommended
    if rec is not None:
        p = rec.plan
        zh, en = _both([t.text for t in rec.tests if t.passed and t.test in ("own_share",
                                                                             "dscr", "repaid")])
        out.append(Text(zh=f"推荐：{rec.label.get('zh')}。"
                           f"通过银行的各项检验（{_join(zh, 'zh')}）。",
                        en=f"Recommended: {rec.label.get('en')}. It passes the bank's tests "
                           f"({_join(en, 'en')})."))
        if p.financed > 0:
            out.append(Text(zh=f"融资 {fmt(p.financed, 'zh')}，"
                               f"自筹 {fmt(p.own_contribution, 'zh')}。",
                            en=f"{fmt(p.financed, 'en')} financed, "
                               f"{fmt(p.own_contribution, 'en')} of own money."))
        if rec.structure.proposed:
            zh, en = _both(list(rec.structure.proposed))
            out.append(Text(zh="按默认条件未通过，建议与资金方商定：" + _join(zh, "zh") + "。",
                            en="It does not pass on the default terms; agree with the financier: "
                               + _join(en, "en") + "."))
    else:
        zh, en = _both(list(best.flags))
        out.append(Text(zh="目前没有一种融资结构通过银行的常规检验。"
                           f"排在第一的方案（{best.label.get('zh')}）未通过：{_join(zh, 'zh')}。",
                        en=f"No financing structure passes the bank's usual tests yet. The best, "
                           f"{best.label.get('en')}, fails: {_join(en, 'en')}."))
        if best.structure.needs:
            zh, en = _both(list(best.structure.needs))
            out.append(Text(zh="要使其通过：" + _join(zh, "zh") + "。",
                            en="What would make it pass: " + _join(en, "en") + "."))
    first = rec or best
    if first.structure.unchecked:
        zh, en = _both([t.text for t in first.structure.unchecked])
        out.append(Text(zh="尚待确认：" + _join(zh, "zh") + "。",
                        en="To confirm: " + _join(en, "en") + "."))
    out.extend(warnings(advice))
    return tuple(out)


def warnings(advice: Advice) -> tuple[Text, ...]:
    """What the figures rest on that is assumed rather than documented, and a project that
    does not earn its discount rate."""
    out = list(debt_warning(advice))
    a = advice.appraisal
    if a is not None and a.npv < 0 < a.annual_net_benefit:
        out.append(Text(zh=f"按 {percent(a.discount_rate)} 折现，项目税后净现值为负"
                           f"（{fmt(a.npv, 'zh')}）：即使能还清融资，收益也低于资金成本。",
                        en=f"At {percent(a.discount_rate)} the project's after-tax NPV is "
                           f"negative ({fmt(a.npv, 'en')}): even if it repays its financing it "
                           "earns less than the discount rate."))
    return tuple(out)


MARKS = {True: Text(zh="通过：", en="pass: "), False: Text(zh="未通过：", en="fails: "),
         None: Text(zh="待确认：", en="to confirm: ")}


def debt_warning(advice: Advice) -> tuple[Text, ...]:
    """The existing debt service is an estimate: every DSCR depends on it."""
    project = advice.project
    if project is None or not project.debt_estimated:
        return ()
    return (Text(zh=f"现有贷款未填写：每年还本付息额按负债估计为 "
                    f"{fmt(project.existing_debt_service, 'zh')}（假设），各年偿债备付率"
                    "都依赖这一估计，请填写实际贷款。",
                 en=f"Existing loans not given: their yearly service is estimated from "
                    f"liabilities at {fmt(project.existing_debt_service, 'en')} (an "
                    "assumption); every DSCR depends on it: enter the actual loans."),)


def option_lines(o: OptionAdvice) -> tuple[Text, ...]:
    """One structure's tests, proposals and needs, for a reader comparing them."""
    out = [Text(zh=f"{MARKS[t.passed].get('zh')}{t.text.get('zh')}",
                en=f"{MARKS[t.passed].get('en')}{t.text.get('en')}") for t in o.tests]
    out += list(o.structure.proposed)
    out += list(o.structure.needs)
    return tuple(out)
