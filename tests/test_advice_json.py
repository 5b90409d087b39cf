"""`zhigai advise --json`: every field of the advice as JSON, checked field by field against
the advice it comes from (money as exact yuan strings, texts in the asked language)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zhigai.core.advice.advise import advise, to_dict
from zhigai.core.advice.data import default_advice_data
from zhigai.core.advice.finance_summary import verdict
from zhigai.core.advice.roadmap import HORIZONS
from zhigai.core.advice.supports import current_entries
from zhigai.core.assessment.model import load_assessment
from zhigai.core.assessment.scoring import score
from zhigai.core.questionnaire.catalog import default_catalog

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "reference"


def money(value: Any) -> str | None:
    return None if value is None else str(value)


CASES = [("office-ahead-pump-maker", "en"), ("tiantai-rubber-belts", "zh")]


def advice_and_json(firm: str, lang: str) -> tuple[Any, dict[str, Any], str]:
    """Computed inside each test (mutation testing maps a test to the code its body runs)."""
    assessment = load_assessment(REFERENCE / firm / "assessment.json")
    instrument, _ = default_catalog().instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    advice = advise(default_advice_data(), instrument, assessment, result, assessment.project,
                    lang)
    out = json.loads(json.dumps(to_dict(advice, instrument, lang), ensure_ascii=False))
    return advice, out, lang


@pytest.mark.parametrize("firm, lang", CASES)
def test_catalogues(firm: str, lang: str) -> None:
    advice, out, lang = advice_and_json(firm, lang)
    assert out["policy_date"] == advice.day.isoformat()
    assert out["catalogues_by_region"] is True and out["catalogues_not_installed"] == []
    assert len(out["catalogues"]) == len(advice.catalogues)
    for got, cat in zip(out["catalogues"], advice.catalogues, strict=True):
        assert got == {"id": cat.id, "version": cat.version, "title": cat.title.get(lang),
                       "region": cat.region.get(lang), "source": cat.source.basis.get(lang),
                       "date": cat.source.date, "verify_current_terms": cat.verify,
                       "historical": cat.historical,
                       "current_entries": current_entries(cat, advice.day),
                       "note": cat.note.get(lang)}


@pytest.mark.parametrize("firm, lang", CASES)
def test_roadmap(firm: str, lang: str) -> None:
    advice, out, lang = advice_and_json(firm, lang)
    assert out["already_done"] == list(advice.roadmap.already_done)
    assert len(out["roadmap"]) == len(advice.roadmap.steps) > 0
    for got, s in zip(out["roadmap"], advice.roadmap.steps, strict=True):
        m = s.measure
        assert got == {"measure": m.id, "name": m.name.get(lang), "dimension": m.dimension,
                       "from_level": m.from_level, "to_level": m.to_level,
                       "horizon": HORIZONS[s.horizon].get(lang), "horizon_index": s.horizon,
                       "after": list(s.after), "cost_indicative_wan": [m.cost.min, m.cost.max],
                       "reasons": [r.get(lang) for r in s.reasons]}
    assert out["project"]["measures"] == [m.id for m in advice.roadmap.project.measures]


@pytest.mark.parametrize("firm, lang", CASES)
def test_supports(firm: str, lang: str) -> None:
    advice, out, lang = advice_and_json(firm, lang)
    assert len(out["supports"]) == len(advice.supports)
    for got, m in zip(out["supports"], advice.supports, strict=True):
        p = m.policy
        assert got == {"policy": p.id, "name": p.name.get(lang), "catalogue": m.catalogue.id,
                       "status": m.status, "gives": p.gives.text.get(lang),
                       "issuer": p.issuer.get(lang), "period": [p.period.start, p.period.end],
                       "source": p.source.get(lang), "date": p.date, "url": p.url,
                       "verify": p.verify, "to_confirm": list(m.confirm),
                       "reasons": list(m.met), "missing": list(m.unmet),
                       "estimate_low": money(m.estimate_low),
                       "estimate_high": money(m.estimate_high), "capped": m.capped}
    assert out["subsidies_counted"] == money(advice.subsidies)
    assert out["subsidies_high"] == money(advice.subsidies_high)


@pytest.mark.parametrize("firm, lang", CASES)
def test_appraisal(firm: str, lang: str) -> None:
    advice, out, _ = advice_and_json(firm, lang)
    a, got = advice.appraisal, out["appraisal"]
    assert got["investment"] == money(a.investment) and got["subsidies"] == money(a.subsidies)
    assert got["net_investment"] == money(a.net_investment)
    assert got["annual_net_benefit"] == money(a.annual_net_benefit)
    assert got["payback_years"] == money(a.payback_years) and got["roi"] == money(a.roi)
    assert got["npv"] == money(a.npv) and got["irr"] == money(a.irr)
    assert got["breakeven_benefit"] == money(a.breakeven_benefit)
    assert got["safety_margin"] == money(a.safety_margin)
    assert got["discount_rate"] == str(a.discount_rate) and got["life_years"] == a.life_years
    assert [s["scenario"] for s in got["sensitivity"]] == [s.name for s in a.sensitivity]
    for g, s in zip(got["sensitivity"], a.sensitivity, strict=True):
        assert g == {"scenario": s.name, "net_investment": money(s.net_investment),
                     "annual_net_benefit": money(s.annual_net_benefit), "npv": money(s.npv),
                     "irr": money(s.irr), "payback_years": money(s.payback_years)}
    assert got["tax_rate"] == str(a.tax_rate) and got["npv_pre_tax"] == money(a.npv_pre_tax)
    assert got["irr_pre_tax"] == money(a.irr_pre_tax)
    assert got["payback_after_tax"] == money(a.payback_after_tax)
    assert got["residual_value"] == money(a.residual_value)
    assert got["years"] == [{"year": y.year, "benefit": money(y.benefit),
                             "depreciation": money(y.depreciation), "taxable": money(y.taxable),
                             "tax": money(y.tax), "pre_tax_flow": money(y.pre_tax_flow),
                             "flow": money(y.flow)} for y in a.years]


@pytest.mark.parametrize("firm, lang", CASES)
def test_financing(firm: str, lang: str) -> None:
    advice, out, lang = advice_and_json(firm, lang)
    assert [f["option"] for f in out["financing"]] == [o.option.id for o in advice.options]
    for got, o in zip(out["financing"], advice.options, strict=True):
        assert got["name"] == o.label.get(lang) and "score" not in got
        assert got["plain"] == o.option.plain.get(lang)
        assert got["acceptable"] == o.acceptable
        assert got["tests"] == [{"test": t.test, "passed": t.passed, "text": t.text.get(lang)}
                                for t in o.tests]
        assert got["proposed"] == [r.get(lang) for r in o.structure.proposed]
        assert got["needs"] == [r.get(lang) for r in o.structure.needs]
        terms = o.structure.terms
        assert got["terms"] == {"financed_share": str(terms.financed_share),
                                "rate": str(terms.rate), "years": terms.years,
                                "profit_share": str(terms.profit_share)}
        assert got["reasons_for"] == [r.get(lang) for r in o.reasons_for]
        assert got["reasons_against"] == [r.get(lang) for r in o.reasons_against]
        assert got["flags"] == [r.get(lang) for r in o.flags]
        plan = o.plan
        assert got["financed"] == money(plan.financed)
        assert got["own_contribution"] == money(plan.own_contribution)
        assert got["min_dscr"] == money(plan.min_dscr)
        assert got["min_icr"] == money(plan.min_icr)
        assert got["total_cost"] == money(plan.total_cost)
        assert len(got["schedule"]) == len(plan.rows)
        for g, r in zip(got["schedule"], plan.rows, strict=True):
            assert g == {"year": r.year, "payment": money(r.payment),
                         "interest": money(r.interest), "principal": money(r.principal),
                         "balance": money(r.balance), "subsidy": money(r.subsidy),
                         "net_profit": money(r.net_profit),
                         "existing_service": money(r.existing_service),
                         "dscr": money(r.dscr), "icr": money(r.icr)}
    recommended = advice.recommended
    assert out["recommended"] == (recommended.option.id if recommended else None)
    assert out["best"] == (advice.best.option.id if advice.best else None)
    assert out["verdict"] == [t.get(lang) for t in verdict(advice)]
    assert out["dscr_sensitivity"] == [{"scenario": n, "min_dscr": money(v)}
                                       for n, v in advice.dscr_sensitivity()]
    project = advice.project
    assert out["existing_debt_service"] == (money(project.existing_debt_service)
                                            if project else None)
    assert out["existing_debt_estimated"] == (project.debt_estimated if project else None)
    assert out["withheld"] == [r.get(lang) for r in advice.withheld]


def test_why_no_option_is_recommended() -> None:
    """Half-finished: unanswered questions and no benefit entered, both said in words."""
    assessment = load_assessment(REFERENCE / "half-finished" / "assessment.json")
    instrument, _ = default_catalog().instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    advice = advise(default_advice_data(), instrument, assessment, result, assessment.project)
    n = len(result.missing)
    assert n > 0 and advice.recommended is None
    assert [r.zh for r in advice.withheld] == [
        f"评估尚未完成（还有 {n} 道必答题未回答），结果为暂定，暂不推荐融资方式。",
        "项目还没有填写预期效益（节省的人工、增加的利润、减少的废品或能耗），无法判断还款能力，"
        "暂不推荐融资方式。"]
    assert [r.en for r in advice.withheld] == [
        f"The assessment is unfinished ({n} required questions unanswered); its results are "
        "provisional, so no financing option is recommended yet.",
        "No expected benefit of the project has been entered (labour saved, extra margin, less "
        "scrap or energy), so its ability to repay cannot be judged and no financing option is "
        "recommended."]
