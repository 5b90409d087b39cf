"""The calculator against hand-computed cases, and its properties."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhigai.core.advice.calculator import Effects, Project, appraise
from zhigai.core.advice.cashmath import annuity_payment, irr, npv
from zhigai.core.advice.schedules import Terms, plan
from zhigai.core.assessment.money import fmt, yuan
from zhigai.core.questionnaire.values import ValueProblem


def test_annuity_by_hand() -> None:
    # 1,000,000 at 5% over 5 years: 1e6 * 0.05 / (1 - 1.05^-5) = 230,974.80
    assert annuity_payment(D("1000000"), D("0.05"), 5) == D("230974.80")
    # zero rate: straight instalments
    assert annuity_payment(D("900000"), D("0"), 3) == D("300000.00")
    with pytest.raises(ValueError):
        annuity_payment(D("1"), D("0.05"), 0)


def test_npv_by_hand() -> None:
    # -1000 + 300/1.1 + 400/1.1^2 + 500/1.1^3 = -1000 + 272.73 + 330.58 + 375.66 = -21.04
    assert npv(D("0.1"), D("1000"), [D("300"), D("400"), D("500")]) == D("-21.04")
    assert npv(D("0"), D("1000"), [D("300"), D("400"), D("500")]) == D("200.00")


def test_irr_by_hand() -> None:
    assert irr(D("100"), [D("110")]) == D("0.1000000")
    # -1000, then 500 for three years: IRR 23.3752%
    rate = irr(D("1000"), [D("500")] * 3)
    assert rate is not None and abs(rate - D("0.2337519")) < D("0.000001")
    assert abs(npv(rate, D("1000"), [D("500")] * 3)) <= D("0.01")
    assert irr(D("1000"), [D("-10")] * 3) is None        # never pays back
    assert irr(D("1000"), [D("300")] * 3) < 0             # pays back less than invested


def test_dscr_by_hand() -> None:
    """DSCR_t = (net profit + depreciation + interest) / (interest + principal)."""
    effects = Effects(extra_margin=D("400000"))
    project = Project(investment=D("1000000"), subsidies=D("0"), effects=effects,
                      life_years=5, tax_rate=D("0"), base_profit=D("0"))
    # a 2-year loan of 500,000 at 10%: payment 288,095.24; year 1 interest 50,000
    terms = Terms("annuity", financed_share=D("0.5"), rate=D("0.10"), years=2)
    row = plan("bank_loan", project, terms).rows[0]
    assert row.payment == D("288095.24") and row.interest == D("50000.00")
    # equipment over 10 years to 5%: 950,000 / 10 = 95,000 a year;
    # net profit = 400,000 - 95,000 - 50,000 = 255,000
    assert row.depreciation == D("95000.00") and row.net_profit == D("255000.00")
    # (255,000 + 95,000 + 50,000) / 288,095.24 = 1.388 -> 1.39
    assert row.dscr == D("1.39")
    # ICR = EBIT / interest = (400,000 - 95,000) / 50,000 = 6.10
    assert row.ebit == D("305000.00") and row.icr == D("6.10")
    schedule = plan("bank_loan", project, terms)
    assert sum(r.principal for r in schedule.rows) == D("500000.00")
    assert schedule.rows[-1].balance == 0


def test_interest_subsidy_reduces_cost() -> None:
    project = Project(investment=D("1000000"), subsidies=D("0"),
                      effects=Effects(extra_margin=D("300000")))
    plain = plan("x", project, Terms("annuity", financed_share=D("1"), rate=D("0.04"), years=5))
    helped = plan("x", project, Terms("annuity", financed_share=D("1"), rate=D("0.04"),
                                      years=5, subsidy_points=D("0.01"), subsidy_years=2))
    # subsidy = 1% of the balance at the start of years 1 and 2
    assert helped.rows[0].subsidy == D("10000.00")
    assert helped.rows[1].subsidy == (plain.rows[0].balance * D("0.01")).quantize(D("0.01"))
    assert helped.rows[2].subsidy == 0
    assert helped.total_cost == plain.total_cost - helped.rows[0].subsidy - helped.rows[1].subsidy


def test_wheeler_case_from_the_paper() -> None:
    """Hangzhou Wheeler General Machinery (paper, Table 1): 10 million yuan of credit for an
    assembly line and R&D centre, return on investment 58% -> 5.8 million yuan a year."""
    project = Project(investment=D("10000000"), subsidies=D("0"),
                      effects=Effects(extra_margin=D("5800000")), life_years=8,
                      discount_rate=D("0.08"))
    a = appraise(project)
    assert a.roi == D("0.5800")
    assert a.payback_years == D("1.72")                   # 10 / 5.8
    # equipment: depreciation 9.5M / 10 = 950,000 a year; tax 25% x (5.8M - 0.95M) =
    # 1,212,500; after-tax flow 4,587,500; book value after 8 years 10M - 7.6M = 2.4M.
    # NPV = 4,587,500 x 5.74663894 + 2.4M x 1.08^-8 - 10M
    #     = 26,362,706.16 + 1,296,645.32 - 10M = 17,659,351.48
    assert a.residual_value == D("2400000.00") and a.years[0].tax == D("1212500.00")
    assert a.npv == D("17659351.48")
    # before tax: 5.8M x 5.746638944 (= 33,330,505.875) + 1,296,645.32 - 10M = 24,627,151.20
    assert a.npv_pre_tax == D("24627151.20")
    assert a.irr is not None and abs(npv(a.irr, D("10000000"),
                                         [y.flow for y in a.years])) < D("1")
    assert a.irr_pre_tax is not None and a.irr < a.irr_pre_tax
    # financing capital: the bank recovers its credit from 40% of the profit at 5%
    capital = plan("financing_capital", project,
                   Terms("profit_share", financed_share=D("1"), rate=D("0.05"), years=8,
                         profit_share=D("0.4")))
    first = capital.rows[0]
    assert first.interest == D("500000.00")              # 5% of 10M
    assert first.payment == D("2320000.00")              # 40% of 5.8M
    assert first.balance == D("8180000.00")              # 10.5M - 2.32M
    assert capital.repaid and len(capital.rows) == 5     # recovered in the fifth year
    assert capital.rows[-1].balance == 0


def test_sensitivity_scenarios() -> None:
    project = Project(investment=D("3000000"), subsidies=D("300000"),
                      effects=Effects(positions=6, cost_per_worker=D("90000"),
                                      extra_margin=D("200000"), added_running_costs=D("80000")))
    a = appraise(project)
    base, less, more, both = a.sensitivity
    assert base.annual_net_benefit == D("660000.00")      # 540,000 + 200,000 - 80,000
    assert less.annual_net_benefit == D("512000.00")      # (540,000 + 200,000) x 0.8 - 80,000
    assert more.net_investment == D("3300000.00")         # 3.6M - 0.3M
    assert both.npv < less.npv < base.npv and both.npv < more.npv
    assert a.breakeven_benefit < a.annual_net_benefit
    # at the break-even benefit the NPV is zero
    even = appraise(Project(investment=D("3000000"), subsidies=D("300000"),
                            effects=Effects(extra_margin=a.breakeven_benefit)))
    assert abs(even.npv) < D("1")


def test_money_is_exact_and_refuses_nonsense() -> None:
    assert yuan("0.1") + yuan("0.2") == yuan("0.3")
    assert yuan("１２３．５") == D("123.50") and yuan("1,234,567") == D("1234567.00")
    assert str(yuan("-0", allow_negative=True)) == "0.00"
    with pytest.raises(ValueProblem, match="not written as Zhigai stores"):
        yuan("1,234", "unit price", stored=True)
    assert yuan("12.3456", unit="wan") == D("123456.00")
    assert fmt(D("12345678.9"), "zh") == "1,234.57 万元"
    assert fmt(D("12345678.9"), "en") == "12,345,679 yuan"
    for bad, message in (("-5", "negative"), ("abc", "not a number"),
                         (float("nan"), "not a finite"),
                         ("1e20", "exponent"), (1e20, "far too large"),
                         ("200000000000000", "far too large"), ("٣", "another script"),
                         ("1e999999999", "exponent"), ("1,23", "not a number"),
                         (True, "expected an amount")):
        with pytest.raises(ValueProblem, match=message):
            yuan(bad, "unit price")


@settings(max_examples=200, deadline=None)
@given(st.integers(10_000, 50_000_000), st.lists(st.integers(1, 20_000_000), min_size=1,
                                                 max_size=10),
       st.integers(0, 30), st.integers(1, 30))
def test_npv_falls_as_the_rate_rises(initial: int, flows: list[int], low: int,
                                     step: int) -> None:
    r1, r2 = D(low) / 100, D(low + step) / 100
    values = [D(f) for f in flows]
    assert npv(r2, D(initial), values) <= npv(r1, D(initial), values)


@settings(max_examples=200, deadline=None)
@given(st.integers(100_000, 100_000_000), st.integers(0, 50), st.integers(1_000, 50_000_000))
def test_payback_and_roi_agree(investment: int, subsidy_pct: int, benefit: int) -> None:
    project = Project(investment=D(investment), subsidies=D(investment) * subsidy_pct / 100,
                      effects=Effects(extra_margin=D(benefit)))
    a = appraise(project)
    if a.net_investment > 0:
        assert a.payback_years is not None and a.roi is not None
        # payback x ROI = 1 up to the rounding of both (2 and 4 decimals)
        assert abs(a.payback_years * a.roi - 1) <= D("0.0001") * a.payback_years + \
            D("0.005") * a.roi


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10_000_000), st.integers(0, 30), st.integers(1, 15))
@example(1, 27, 15)  # rounding the payment up to the fen repaid this loan a year early
def test_annuity_repays_exactly(principal: int, rate_pct: int, years: int) -> None:
    project = Project(investment=D(principal), subsidies=D(0),
                      effects=Effects(extra_margin=D(principal)))
    schedule = plan("x", project, Terms("annuity", financed_share=D(1), rate=D(rate_pct) / 100,
                                        years=years))
    assert sum(r.principal for r in schedule.rows) == D(principal)
    assert schedule.rows[-1].balance == 0
    assert all(r.balance >= 0 for r in schedule.rows)
