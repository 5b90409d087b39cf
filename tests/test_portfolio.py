"""The portfolio: frame, filters, summaries, peer benchmark, Excel and CSV export, the
``zhigai portfolio`` command, the Qt model and the portfolio screen."""

from __future__ import annotations

import csv
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from zhigai.core.portfolio import export as portfolio_export
from zhigai.core.portfolio.export import export_csv, export_excel
from zhigai.core.portfolio.frame import (
    BASE_COLUMNS,
    SAMPLE_NAME_MARK,
    Filter,
    PortfolioError,
    dimension_averages,
    dimension_columns,
    firm_progress,
    stage_by_industry,
    stage_distribution,
)
from zhigai.core.portfolio.frame import frame as portfolio_frame
from zhigai.core.portfolio.peers import latest_complete, peer_benchmark
from zhigai.core.portfolio.scope import MIN_COMPLETENESS, Scope, flags
from zhigai.core.portfolio.tables import Labels
from zhigai.core.portfolio.tables import tables as portfolio_tables
from zhigai.core.store.rows import AssessmentRow

LEVELS = ("equipment", "production")


def row(n: int, firm: str, industry: str, levels: dict[str, float | None], *,
        date: str = "2026-05-01", kind: str = "self", status: str = "complete",
        band: str | None = "small", city: str = "台州市", updated: str | None = None
        ) -> AssessmentRow:
    known = [v for v in levels.values() if v is not None]
    index = 25 * sum(known) / len(known) if known else None
    return AssessmentRow(
        id=f"a{n:03d}", firm_key=f"name:{firm}", company_name=firm, industry=industry,
        city=city, created_at=date + "T00:00:00", updated_at=updated or date + "T09:00:00",
        status=status, kind=kind, questionnaire_id="zhigai-readiness",
        questionnaire_version="1.0.0", previous_id=None, revision=0,
        summary={"index": index, "stage_index": None if index is None else min(int(index // 25),
                                                                                 4),
                 "stage_weakest": 0, "completeness": 1.0 if status == "complete" else 0.5,
                 "date": date, "size_band": band, "dimensions": levels})


@pytest.fixture
def rows() -> list[AssessmentRow]:
    return [row(1, "甲", "textile", {"equipment": 1.0, "production": 2.0}, date="2025-05-01"),
            row(2, "甲", "textile", {"equipment": 2.0, "production": 3.0}, date="2026-05-01"),
            row(3, "乙", "textile", {"equipment": 3.0, "production": 1.0}),
            row(4, "丙", "textile", {"equipment": 1.0, "production": 1.0}, band="medium"),
            row(5, "丁", "auto_parts", {"equipment": 4.0, "production": 4.0}, kind="expert",
                city="宁波市"),
            row(6, "戊", "textile", {"equipment": 0.0, "production": 0.0}, status="draft")]


# ---------------------------------------------------------------------------- frame

def test_frame_has_one_typed_row_per_assessment(rows: list[AssessmentRow]) -> None:
    df = portfolio_frame(rows, ["production", "equipment"])
    assert list(df.columns) == [*BASE_COLUMNS, "dim.production", "dim.equipment"]
    assert dimension_columns(df) == ["dim.production", "dim.equipment"]
    assert list(df["id"]) == [f"a00{i}" for i in range(1, 7)]
    assert df["index"].dtype == float and df["dim.equipment"].dtype == float
    assert list(df["stage_index"]) == [1, 2, 2, 1, 4, 0]
    assert df.loc[4, "kind"] == "expert" and df.loc[3, "size_band"] == "medium"
    assert df.loc[0, "date"] == "2025-05-01"
    assert portfolio_frame([]).empty


def test_frame_tolerates_old_and_damaged_summaries() -> None:
    base = row(1, "甲", "textile", {"equipment": 1.0})
    odd = [
        base,
        AssessmentRow(**{**base.__dict__, "id": "b1", "summary": {}}),
        AssessmentRow(**{**base.__dict__, "id": "b2", "industry": "",
                         "summary": {"index": "abc", "stage_index": 7, "size_band": "huge",
                                     "dimensions": ["not", "a", "dict"], "date": None,
                                     "labels": "nonsense"}}),
        AssessmentRow(**{**base.__dict__, "id": "b3", "industry": "foreign_trade",
                         "summary": {**base.summary, "dimensions": {"equipment": None,
                                                                      "extra": 2},
                                     "labels": {"industry": {"zh": "外贸", "en": "Trade"}}}}),
    ]
    df = portfolio_frame(odd, ["equipment"])
    assert dimension_columns(df) == ["dim.equipment", "dim.extra"]
    assert df["index"].isna().tolist() == [False, True, True, False]
    assert df["stage_index"].isna().tolist() == [False, True, True, False]
    assert df["size_band"].iat[0] == "small"
    assert df["size_band"].isna().tolist() == [False, True, True, False]
    assert df["date"].tolist() == ["2026-05-01"] * 4      # from created_at when missing
    assert df["dim.extra"].tolist()[3] == 2.0 and pd.isna(df["dim.equipment"].iat[3])
    assert df["industry"].isna().tolist() == [False, False, True, False]
    labels = Labels({}, {}, {}).including(df)
    assert labels.industry("foreign_trade", "en") == "Trade"
    assert labels.industry("foreign_trade", "zh") == "外贸"


def test_filters(rows: list[AssessmentRow]) -> None:
    df = portfolio_frame(rows)
    assert Filter().apply(df) is df
    assert len(Filter(industries=["textile"]).apply(df)) == 5
    assert len(Filter(industries=["textile", "auto_parts"]).apply(df)) == 6
    assert list(Filter(cities=["宁波市"]).apply(df)["id"]) == ["a005"]
    assert list(Filter(kinds=["expert"]).apply(df)["id"]) == ["a005"]
    assert len(Filter(kinds=["self"]).apply(df)) == 5
    assert list(Filter(date_to="2025-12-31").apply(df)["id"]) == ["a001"]
    assert list(Filter(date_from="2025-05-01", date_to="2025-05-01").apply(df)["id"]) \
        == ["a001"]                                                   # both ends inclusive
    assert len(Filter(date_from="2025-05-02").apply(df)) == 5
    assert set(Filter(stages=[1], industries=["textile"]).apply(df)["id"]) == {"a001", "a004"}
    assert set(Filter(stages=[2, 4]).apply(df)["id"]) == {"a002", "a003", "a005"}
    assert Filter(industries=["apparel"]).apply(df).empty


# ---------------------------------------------------------------------------- summaries

def test_summaries(rows: list[AssessmentRow]) -> None:
    df = portfolio_frame(rows, list(LEVELS))
    dist = stage_distribution(df)
    counts = dict(zip([None if s is pd.NA else s for s in dist["stage"].tolist()],
                      dist["count"], strict=True))
    assert counts == {0: 1, 1: 2, 2: 2, 3: 0, 4: 1, None: 0}
    by_industry = stage_by_industry(df)
    assert list(by_industry.columns) == [0, 1, 2, 3, 4]
    assert by_industry.loc["textile"].tolist() == [1, 2, 2, 0, 0]
    assert by_industry.loc["auto_parts"].tolist() == [0, 0, 0, 0, 1]
    means = dimension_averages(df)
    assert list(means.columns) == ["n", "dim.equipment", "dim.production"]
    assert means.loc["textile", "n"] == 5 and means.loc["auto_parts", "n"] == 1
    assert means.loc["textile", "dim.equipment"] == pytest.approx((1 + 2 + 3 + 1 + 0) / 5)
    assert means.loc["textile", "dim.production"] == pytest.approx((2 + 3 + 1 + 1 + 0) / 5)
    progress = firm_progress(df, "name:甲")
    assert list(progress["date"]) == ["2025-05-01", "2026-05-01"]
    assert list(progress["index"]) == [37.5, 62.5]
    assert list(progress["stage_index"]) == [1, 2]
    assert list(progress["dim.equipment"]) == [1.0, 2.0]
    assert firm_progress(df, "").empty and firm_progress(df, "name:nobody").empty


# ---------------------------------------------------------------------------- peers

def test_peer_benchmark_group_fallback_and_exclusions(rows: list[AssessmentRow]) -> None:
    df = portfolio_frame(rows, list(LEVELS))
    # 甲 (latest a002) against 乙 and 丙: not against itself nor the draft of 戊. Only 乙 is
    # small like 甲, so with two needed the group falls back to the whole industry.
    result = peer_benchmark(df, "a002", min_peers=2)
    assert result.enough and result.peers == 2 and result.industry == "textile"
    assert result.size_band is None
    equipment = next(r for r in result.rows if r.dimension == "equipment")
    assert equipment.firm == 2.0 and equipment.mean == pytest.approx(2.0)
    assert (equipment.q1, equipment.median, equipment.q3) == pytest.approx((1.5, 2.0, 2.5))
    assert "Textiles" in result.text("en", "Textiles") and "共 2 家" in result.text("zh")
    # one is enough: the same size band (乙, small) is used
    narrow = peer_benchmark(df, "a002", min_peers=1)
    assert narrow.size_band == "small" and narrow.peers == 1
    assert next(r for r in narrow.rows if r.dimension == "equipment").mean == 3.0
    assert narrow.group("zh", "纺织") == "纺织·小型企业"
    assert narrow.group("en", "Textiles") == "Textiles, small firms"
    # the firm's older assessment is benchmarked against the same peers (never itself)
    assert peer_benchmark(df, "a001", min_peers=2).peers == 2
    # too few peers: nothing compared, the count is stated
    lonely = peer_benchmark(df, "a005", min_peers=2)
    assert not lonely.enough and lonely.rows == () and lonely.peers == 0
    assert "at least 2" in lonely.text("en") and "至少需要 2 家" in lonely.text("zh")
    with pytest.raises(KeyError):
        peer_benchmark(df, "nope")


def test_peer_benchmark_uses_each_peers_latest_complete_assessment(
        rows: list[AssessmentRow]) -> None:
    more = [*rows,
            # 己 was textile, but its latest complete assessment is in auto parts
            row(7, "己", "textile", {"equipment": 4.0, "production": 4.0}, date="2025-01-01"),
            row(8, "己", "auto_parts", {"equipment": 0.0, "production": 0.0}),
            # 甲's newest assessment is a draft: its latest complete one (a002) counts
            row(9, "甲", "textile", {"equipment": 4.0, "production": 4.0}, date="2026-09-01",
                status="draft")]
    df = portfolio_frame(more, list(LEVELS))
    result = peer_benchmark(df, "a003", min_peers=2)       # 乙
    assert result.enough and result.peers == 2 and result.size_band is None
    equipment = next(r for r in result.rows if r.dimension == "equipment")
    assert equipment.firm == 3.0
    assert equipment.mean == pytest.approx((2.0 + 1.0) / 2)    # 甲's a002 and 丙, not a001
    pool = latest_complete(df)
    assert sorted(pool["id"]) == ["a002", "a003", "a004", "a005", "a008"]
    assert peer_benchmark(df, "a003", 2, pool) == result
    # same date: the later change wins
    tie = [row(1, "甲", "textile", {"equipment": 1.0}, updated="2026-05-01T08:00:00"),
           row(2, "甲", "textile", {"equipment": 3.0}, updated="2026-05-01T10:00:00"),
           row(3, "乙", "textile", {"equipment": 2.0})]
    assert sorted(latest_complete(portfolio_frame(tie))["id"]) == ["a002", "a003"]


# ---------------------------------------------------------------------------- what counts

def scoped_rows() -> list[AssessmentRow]:
    """甲 twice (2025 complete, 2026 complete) and a re-assessment of it just started (11 %);
    乙 re-assessed under a new name (same previous_id link, another firm key); drafts either
    side of the threshold; the sample, which shares its credit code with 丁."""
    done = {"equipment": 2.0, "production": 2.0}
    return [
        row(1, "甲", "textile", done, date="2025-05-01"),
        row(2, "甲", "textile", done, date="2026-05-01"),
        replace(row(3, "甲", "textile", done, date="2026-09-01", status="draft"),
                previous_id="a002", summary={**row(3, "甲", "textile", done).summary,
                                             "completeness": 0.11, "date": "2026-09-01"}),
        row(4, "乙", "textile", done, date="2025-06-01"),
        replace(row(5, "乙新", "textile", done, date="2026-06-01"), previous_id="a004"),
        replace(row(6, "丙", "textile", done, status="draft"),
                summary={**row(6, "丙", "textile", done).summary, "completeness": 0.49}),
        replace(row(7, "戊", "textile", done, status="draft"),
                summary={**row(7, "戊", "textile", done).summary, "completeness": 0.5}),
        replace(row(8, "丁", "textile", done, date="2026-01-01"), firm_key="uscc:X"),
        replace(row(9, "【示例】丁", "textile", done, date="2026-12-01"), firm_key="uscc:X"),
    ]


def test_the_portfolio_leaves_out_samples_thin_drafts_and_superseded_assessments() -> None:
    df = portfolio_frame(scoped_rows(), list(LEVELS))
    assert df.loc[df["id"] == "a009", "sample"].tolist() == [True]
    assert df.loc[df["id"] == "a009", "firm_key"].tolist() == ["sample:uscc:X"]  # not 丁
    assert df["sample"].sum() == 1 and df["previous_id"].tolist()[2] == "a002"
    marks = flags(df).set_index(df["id"])
    assert marks.index[marks["sample"]].tolist() == ["a009"]
    # below MIN_COMPLETENESS (0.5): the 11 % re-assessment and 丙 at 49 %; 戊 at 50 % counts
    assert MIN_COMPLETENESS == 0.5
    assert marks.index[marks["draft"]].tolist() == ["a003", "a006"]
    # 甲's 2025 assessment (a later one of the firm), 乙 (its re-assessment, renamed); not
    # 甲's a002 (the re-assessment is a thin draft), not 丁 (the sample is not the firm)
    assert marks.index[marks["superseded"]].tolist() == ["a001", "a004"]

    counted = Scope().apply(df)
    assert counted.frame["id"].tolist() == ["a002", "a005", "a007", "a008"]
    assert counted.excluded == {"sample": 1, "draft": 2, "superseded": 2}
    assert counted.flagged == counted.excluded and counted.total_excluded == 5
    with_samples = Scope(samples=True).apply(df)
    assert with_samples.frame["id"].tolist() == ["a002", "a005", "a007", "a008", "a009"]
    assert with_samples.excluded == {"sample": 0, "draft": 2, "superseded": 2}
    assert Scope(drafts=True).apply(df).frame["id"].tolist() == [
        "a002", "a003", "a005", "a006", "a007", "a008"]
    assert Scope(superseded=True).apply(df).frame["id"].tolist() == [
        "a001", "a002", "a004", "a005", "a007", "a008"]
    everything = Scope(samples=True, drafts=True, superseded=True).apply(df)
    assert len(everything.frame) == len(df) and everything.total_excluded == 0
    # a row excluded for two reasons is counted once, under the first one not included
    both = portfolio_frame([replace(row(1, "【示例】甲", "textile", {}, status="draft"),
                                    summary={"completeness": 0.1})])
    assert Scope().apply(both).excluded == {"sample": 1, "draft": 0, "superseded": 0}
    assert Scope(samples=True).apply(both).excluded == {"sample": 0, "draft": 1,
                                                        "superseded": 0}
    early = portfolio_frame([replace(row(1, "甲", "textile", {}, date="2025-01-01",
                                         status="draft"), summary={"completeness": 0.2,
                                                                   "date": "2025-01-01"}),
                             row(2, "甲", "textile", {"equipment": 1.0})])
    assert Scope().apply(early).excluded == {"sample": 0, "draft": 0, "superseded": 1}
    assert Scope(superseded=True).apply(early).excluded == {"sample": 0, "draft": 1,
                                                            "superseded": 0}
    assert Scope().apply(portfolio_frame([])).frame.empty
    # firms not named yet (no key, stored as "" or missing) are not one firm: none replaces
    # another, and no missing previous_id links anything
    done = {"equipment": 2.0, "production": 2.0}
    unnamed = portfolio_frame([replace(row(1, "", "textile", done, date="2025-01-01"),
                                       firm_key=""),
                               replace(row(2, "", "textile", done), firm_key=None),
                               replace(row(3, "", "textile", done), firm_key=None)])
    assert not flags(unnamed)["superseded"].any()


def test_the_sample_is_recognised_by_its_name_and_by_the_ids_remembered() -> None:
    renamed = replace(row(1, "我的工厂", "textile", {}), id="s1")
    df = portfolio_frame([renamed, row(2, "【示例】厂", "textile", {})], samples=["s1"])
    assert df["sample"].tolist() == [True, True]
    assert portfolio_frame([renamed])["sample"].tolist() == [False]


def test_the_sample_mark_counts_only_at_the_start_of_a_name() -> None:
    """Names are searched for the mark all at once; only a name that starts with it
    (spaces before it aside) is the sample, whatever comes before or after in the list."""
    from zhigai.core.portfolio.frame import _marked, is_sample

    names = ["甲厂【示例】", " \u3000【示例】乙厂", "丙\n【示例】厂", "【示例】", "丁厂",
             "【示例】【示例】戊厂", "", "己厂"]
    made = [replace(row(i, name, "textile", {}), id=f"a{i}") for i, name in enumerate(names)]
    expected = [is_sample(r, ["a4"]) for r in made]
    assert expected == [False, True, False, True, True, True, False, False]
    assert _marked([r.id for r in made], names, ["a4"]) == expected
    assert portfolio_frame(made, samples=["a4"])["sample"].tolist() == expected
    assert _marked(["x", "y"], ["丁厂", "戊厂"], ["y"]) == [False, True]   # no mark at all


def test_the_bundled_sample_is_marked(data_dir: Path, db_url: str, catalog: Any) -> None:
    """The sample added on first start is recognised in any store: its name carries the mark
    (also after an export and import elsewhere, where the settings do not know its id)."""
    from zhigai.core.app.sample import add_sample
    from zhigai.core.store.store import Store

    store = Store.open(db_url)
    try:
        sample = add_sample(store, catalog)
        df = portfolio_frame(store.assessments())
    finally:
        store.close()
    assert df.loc[df["id"] == sample.id, "sample"].tolist() == [True]
    assert str(df["company_name"].iat[0]).startswith(SAMPLE_NAME_MARK)


def test_peers_leave_out_the_sample_and_superseded_assessments() -> None:
    df = portfolio_frame(scoped_rows(), list(LEVELS))
    pool = latest_complete(df)
    # 甲's a002 (its newest draft replaces nothing for peers), 乙新, 丁 but not the sample
    assert sorted(pool["id"]) == ["a002", "a005", "a008"]
    assert sorted(latest_complete(df, Scope(samples=True))["id"]) == ["a002", "a005", "a008",
                                                                     "a009"]
    assert sorted(latest_complete(df, Scope(superseded=True))["id"]) == ["a002", "a004",
                                                                        "a005", "a008"]
    result = peer_benchmark(df, "a002", min_peers=2)
    assert result.enough and result.peers == 2                      # 乙新 and 丁
    assert peer_benchmark(df, "a002", min_peers=2, scope=Scope(superseded=True)).peers == 3


# ---------------------------------------------------------------------------- readable tables

def test_tables_are_readable_in_both_languages(rows: list[AssessmentRow], catalog: Any) -> None:
    labels = Labels.from_catalog(catalog)
    df = portfolio_frame(rows, list(labels.dimensions))
    zh = portfolio_tables(df, "zh", labels)
    assert list(zh) == ["评估清单", "阶段分布", "分行业阶段分布", "分行业维度均值"]
    listing = zh["评估清单"]
    assert list(listing.columns[:11]) == ["企业名称", "行业", "城市", "企业规模", "评估方式",
                                          "状态", "评估日期", "指数", "阶段（指数法）",
                                          "阶段（短板法）", "完成度"]
    assert "装备与自动化" in listing.columns and listing.columns[-1] == "评估编号"
    first = listing.iloc[0]
    assert (first["行业"], first["企业规模"], first["评估方式"], first["阶段（指数法）"]) == \
        ("纺织", "小型", "企业自评", "1 机械化与自动化")
    assert listing.iloc[4]["评估方式"] == "专家核验" and listing.iloc[5]["状态"] == "未完成"
    assert listing["指数"].dtype == float and listing["装备与自动化"].dtype == float
    stages = zh["阶段分布"]
    assert stages["阶段"].tolist()[-1] == "未评分"
    assert stages["企业数"].tolist() == [1, 2, 2, 0, 1, 0]
    assert stages["占比"].tolist()[1] == pytest.approx(2 / 6, abs=1e-4)
    means = zh["分行业维度均值"]
    assert means["行业"].tolist() == ["汽车及摩托车零部件", "纺织"]
    assert means["样本数"].tolist() == [1, 5] and means["装备与自动化"].tolist()[1] == 1.4
    en = portfolio_tables(df, "en")      # labels default to the bundled questionnaire
    listing = en["Assessments"]
    assert list(en)[3] == "Dimension means by industry"
    assert listing.iloc[4]["Type"] == "Expert-verified"
    assert listing.iloc[0]["Type"] == "Self-assessment" and listing.iloc[0]["Size"] == "Small"
    assert listing.iloc[0]["Industry"] == "Textiles"
    assert listing.iloc[0]["Stage (index)"] == "1 Mechanized & automated"
    assert en["Stages by industry"].columns.tolist()[1] == "0 Manual"


# ---------------------------------------------------------------------------- export

def test_excel_export(rows: list[AssessmentRow], tmp_path: Path, catalog: Any) -> None:
    from openpyxl import load_workbook

    labels = Labels.from_catalog(catalog)
    df = portfolio_frame(rows, list(labels.dimensions))
    for lang, names, head in (
            ("zh", ["评估清单", "阶段分布", "分行业阶段分布", "分行业维度均值"], "企业名称"),
            ("en", ["Assessments", "Stage distribution", "Stages by industry",
                    "Dimension means by industry"], "Company")):
        path = export_excel(portfolio_tables(df, lang, labels), tmp_path / f"p-{lang}.xlsx")
        book = load_workbook(path)
        assert book.sheetnames == names
        ws = book[names[0]]
        header = [c.value for c in ws[1]]
        assert header[0] == head and ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1]) and not ws["A2"].font.bold
        assert ws.max_row == 1 + len(rows)
        index_col = header.index("指数" if lang == "zh" else "Index") + 1
        assert ws.cell(row=2, column=index_col).value == 37.5
        assert ws.cell(row=2, column=index_col).data_type == "n"
        industry = header.index("行业" if lang == "zh" else "Industry") + 1
        assert ws.cell(row=2, column=industry).value == ("纺织" if lang == "zh" else "Textiles")
        assert ws.column_dimensions["A"].width >= 8
        stages = book[names[1]]
        assert stages.cell(row=3, column=2).value == 2 and stages.cell(row=3, column=3
                                                                       ).number_format == "0.0%"
    assert not list(tmp_path.glob(".*.part"))


def test_excel_export_keeps_text_as_text_and_names_sheets_validly(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    table = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "ok\x01\x07name", None],
                          "value": [1.5, None, 3.0]})
    path = export_excel({"a/b:c*d?e[f]g\\h that is much too long for Excel": table,
                           "A/B:C*D?E[F]G\\H THAT IS MUCH TOO LONG FOR EXCEL": table,
                           "": table}, tmp_path / "odd.xlsx")
    book = load_workbook(path)
    first, second, third = book.sheetnames
    assert len(first) <= 31 and not set("[]:*?/\\") & set(first) and first.startswith("a_b_c")
    assert second.endswith("(2)") and len(second) <= 31 and third == "Sheet"
    ws = book[first]
    assert ws["A2"].value == "=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"
    assert ws["A3"].value == "okname" and ws["A4"].value is None
    assert ws["B2"].value == 1.5 and ws["B3"].value is None


def test_exports_are_atomic_and_name_the_path(rows: list[AssessmentRow], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    df = portfolio_frame(rows)
    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"the previous export")
    real = portfolio_export._sheet_name
    for error in (OSError(28, "No space left on device"), RuntimeError("a bug")):
        def second_sheet_fails(name: str, used: set[str], error: Exception = error) -> str:
            if used:  # the first sheet is written by now
                raise error
            return real(name, used)

        monkeypatch.setattr(portfolio_export, "_sheet_name", second_sheet_fails)
        expected = PortfolioError if isinstance(error, OSError) else RuntimeError
        with pytest.raises(expected) as raised:
            export_excel({"one": df, "two": df}, target)
        if expected is PortfolioError:
            assert str(target) in str(raised.value) and "No space left" in str(raised.value)
        assert target.read_bytes() == b"the previous export"
        assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]   # no temporary left
    monkeypatch.setattr(portfolio_export, "_sheet_name", real)
    export_excel({"one": df}, target)
    assert target.read_bytes().startswith(b"PK")
    missing = tmp_path / "missing" / "x.csv"
    with pytest.raises(PortfolioError, match="cannot write") as error:
        export_csv(df, missing)
    assert str(missing) in str(error.value)
    with pytest.raises(PortfolioError, match="is a folder"):
        export_excel({"a": df}, tmp_path)


def test_csv_export_has_bom_and_defuses_formulas(rows: list[AssessmentRow], tmp_path: Path,
                                                 catalog: Any) -> None:
    labels = Labels.from_catalog(catalog)
    df = portfolio_frame(rows, list(labels.dimensions))
    path = export_csv(portfolio_tables(df, "zh", labels)["评估清单"], tmp_path / "p.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0][:3] == ["企业名称", "行业", "城市"] and len(lines) == 1 + len(rows)
    assert lines[1][:2] == ["甲", "纺织"] and lines[1][7] == "37.5"
    table = pd.DataFrame({"name": ["=1+2", "@SUM(A1)", "-3 cmd", "plain", "—"],
                          "n": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    lines = list(csv.reader(export_csv(table, tmp_path / "f.csv").read_text(
        encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in lines[1:]] == ["'=1+2", "'@SUM(A1)", "'-3 cmd", "plain", "—"]
    assert lines[1][1] == "-1.5"                                   # numbers untouched


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_excel_opens_in_libreoffice(rows: list[AssessmentRow], tmp_path: Path,
                                    catalog: Any) -> None:
    labels = Labels.from_catalog(catalog)
    tricky = [*rows, row(7, "=1+1", "apparel", {"equipment": 2.0, "production": 2.0})]
    sheets = portfolio_tables(portfolio_frame(tricky, list(labels.dimensions)), "zh", labels)
    path = export_excel(sheets, tmp_path / "p.xlsx")
    out = tmp_path / "lo"
    # 44 = comma, 34 = quote, 76 = UTF-8, 1 = from line 1; "as shown" (9th) on; -1: every sheet
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
                    "false,-1", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    listing = list(csv.reader((out / "p-评估清单.csv").read_text(encoding="utf-8")
                              .splitlines()))
    assert listing[0][:4] == ["企业名称", "行业", "城市", "企业规模"]
    assert len(listing) == 1 + len(tricky)
    ding = next(r for r in listing if r[0] == "丁")
    assert ding[1:8] == ["汽车及摩托车零部件", "宁波市", "小型", "专家核验", "已完成",
                         "2026-05-01", "100.0"]
    assert ding[10] == "100%" and ding[13] == "4.00"       # number formats applied
    assert any(r[0] == "=1+1" for r in listing)               # text stayed text (not 2)
    stages = list(csv.reader((out / "p-阶段分布.csv").read_text(encoding="utf-8")
                             .splitlines()))
    assert stages[0] == ["阶段", "企业数", "占比"]
    assert stages[1] == ["0 手工为主", "1", "14.3%"]
    assert stages[-1] == ["未评分", "0", "0.0%"]
    means = list(csv.reader((out / "p-分行业维度均值.csv").read_text(encoding="utf-8")
                            .splitlines()))
    textile = next(r for r in means if r[0] == "纺织")
    assert textile[1] == "5" and textile[2 + list(labels.dimensions).index("equipment")] \
        == "1.40"


# ---------------------------------------------------------------------------- command line

def test_portfolio_command(tmp_path: Path, db_url: str, root: Path, capsys: Any) -> None:
    from zhigai.cli.main import main

    db = db_url
    assert main(["import", *[str(p) for p in sorted((root / "examples").glob("*.json"))],
                 "--db", db]) == 0
    capsys.readouterr()
    assert main(["portfolio", "--db", db, "--lang", "en", "--industry", "textile"]) == 0
    out = capsys.readouterr().out
    assert "Assessments: 1" in out and "Stage" in out and "Share" in out
    assert main(["portfolio", "--db", db, "--lang", "zh", "--from", "2026-11-15"]) == 0
    assert "评估数: 2" in capsys.readouterr().out
    assert main(["portfolio", "--db", db, "--lang", "zh", "-o", str(tmp_path / "p.xlsx")]) == 0
    assert "3 项评估" in capsys.readouterr().out
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "p.xlsx")["评估清单"].max_row == 4
    assert main(["portfolio", "--db", db, "-o", str(tmp_path / "p.csv"),
                 "--table", "dimensions", "--lang", "en"]) == 0
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").startswith("Industry,n,")
    capsys.readouterr()
    for bad, reason in ((["-o", str(tmp_path / "nope" / "p.xlsx")], "cannot write"),
                        (["-o", str(tmp_path / "p.txt")], ".xlsx or .csv"),
                        (["--from", "2026/01/01"], "YYYY-MM-DD"),
                        (["--industry", "spaceships"], "unknown industry")):
        assert main(["portfolio", "--db", db, *bad]) == 1
        err = capsys.readouterr().err
        assert reason in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "p.txt").exists()


def test_register_adds_the_subcommand() -> None:
    import argparse

    from zhigai.cli import portfolio_commands

    parser = argparse.ArgumentParser()
    portfolio_commands.register(parser.add_subparsers())
    args = parser.parse_args(["portfolio", "--stage", "2", "--stage", "3", "--kind", "expert",
                              "--from", "2026-01-01", "-o", "x.xlsx"])
    assert args.stage == [2, 3] and args.kind == ["expert"] and args.date_from == "2026-01-01"
    assert args.func is portfolio_commands.cmd_portfolio


def test_report_prints_the_peer_comparison(tmp_path: Path, db_url: str, root: Path,
                                           catalog: Any) -> None:
    from zhigai.cli.main import main
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    db = db_url
    store = Store.open(db)
    base = load_assessment(root / "examples" / "textile-early.json")
    for n in range(3):   # three other textile firms
        copy = base.model_copy(deep=True)
        copy.id = str(uuid.uuid4())
        copy.profile["company_name"] = f"同行纺织{n}有限公司"
        copy.profile.pop("credit_code", None)
        Session.import_assessment(store, catalog, copy)
    Session.import_assessment(store, catalog, base)
    store.close()
    out = tmp_path / "r.pdf"
    assert main(["report", base.id, "--db", db, "-o", str(out), "--min-peers", "3"]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "同行对比" in text and "同行中位数" in text and "共 3 家" in text
    assert main(["report", base.id, "--db", db, "-o", str(out), "--min-peers", "4"]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "只有 3 家" in text and "同行中位数" not in text


# ---------------------------------------------------------------------------- Qt model

def test_model_formats_lazily_sorts_and_keeps_the_order(qtbot: Any, rows: list[AssessmentRow],
                                                        catalog: Any) -> None:
    from PySide6.QtCore import QItemSelectionModel, Qt

    from zhigai.gui.portfolio_model import COLUMNS, PortfolioModel

    labels = Labels.from_catalog(catalog)
    df = portfolio_frame(rows, list(labels.dimensions))
    model = PortfolioModel(labels, "zh")
    model.set_frame(df)
    assert model.rowCount() == 6 and model.columnCount() == len(COLUMNS)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "企业名称"
    index_col = COLUMNS.index("index")
    assert model.data(model.index(0, index_col)) == "37.5"
    assert model.data(model.index(0, index_col), Qt.ItemDataRole.UserRole) == 37.5
    assert model.data(model.index(0, index_col), Qt.ItemDataRole.TextAlignmentRole) \
        & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.display(4, COLUMNS.index("kind")) == "专家核验"
    assert model.display(0, COLUMNS.index("stage_index")) == "1 机械化与自动化"
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(model.row_of("a003"), 0),
                              QItemSelectionModel.SelectionFlag.Select)
    model.sort(index_col, Qt.SortOrder.DescendingOrder)
    assert [model.assessment_id(r) for r in range(6)] == ["a005", "a002", "a003", "a001",
                                                         "a004", "a006"]
    assert model.assessment_id(selection.currentIndex().row()) == "a003"  # selection follows
    model.set_frame(Filter(industries=["textile"]).apply(df).reset_index(drop=True))
    assert [model.assessment_id(r) for r in range(5)] == ["a002", "a003", "a001", "a004",
                                                         "a006"]      # still by index
    model.sort(COLUMNS.index("industry"), Qt.SortOrder.AscendingOrder)
    model.set_frame(df)
    model.set_language("en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Company"
    assert model.display(0, COLUMNS.index("industry")) == "Automobile & motorcycle parts"
    assert model.display(5, COLUMNS.index("kind")) == "Self-assessment"
    model.set_language("zh")   # 纺织 sorts after 汽车… by code point; the order follows
    assert model.display(0, COLUMNS.index("industry")) == "汽车及摩托车零部件"
    model.sort(-1)
    assert [model.assessment_id(r) for r in range(6)] == [f"a00{i}" for i in range(1, 7)]


# ---------------------------------------------------------------------------- the screen

@pytest.fixture
def gui_store(tmp_path: Path, db_url: str, root: Path, catalog: Any,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A store with a textile firm assessed twice, three other textile firms and two of other
    industries."""
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    monkeypatch.setenv("ZHIGAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ZHIGAI_CONFIG_DIR", str(tmp_path / "config"))
    store = Store.open(db_url)
    base = load_assessment(root / "examples" / "textile-early.json")
    earlier = base.model_copy(deep=True)
    earlier.id = str(uuid.uuid4())
    earlier.profile["assessment_date"] = "2025-11-20"
    earlier.answers = dict(list(earlier.answers.items())[: len(earlier.answers) // 2])
    Session.import_assessment(store, catalog, earlier)
    Session.import_assessment(store, catalog, base)
    for n in range(3):
        copy = base.model_copy(deep=True)
        copy.id = str(uuid.uuid4())
        copy.profile["company_name"] = f"同行纺织{n}有限公司"
        copy.profile.pop("credit_code", None)
        Session.import_assessment(store, catalog, copy)
    for name in ("auto-parts-midway", "equipment-advanced"):
        Session.import_assessment(store, catalog, load_assessment(root / "examples" /
                                                                  f"{name}.json"))
    store.ids = {"firm": base.id, "earlier": earlier.id}  # type: ignore[attr-defined]
    yield store
    store.close()


@pytest.fixture
def ctx(qtbot: Any, gui_store: Any, tmp_path: Path) -> Iterator[Any]:
    from PySide6.QtCore import QSettings

    from zhigai.gui.context import AppContext
    from zhigai.gui.translations import Translators

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    translators = Translators()
    translators.install("en")
    context = AppContext(translators, "en")
    context.store = gui_store
    yield context
    translators.install("en")


def test_portfolio_page(qtbot: Any, ctx: Any, root: Path, catalog: Any, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.session.session import Session
    from zhigai.gui.portfolio_model import COLUMNS
    from zhigai.gui.portfolio_page import PortfolioPage

    page = PortfolioPage(ctx, min_peers=3)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    assert page.min_peers == 3 and page.peers.value() == 3
    # the firm's earlier assessment is superseded by its newer one: not counted by default
    assert page.model.rowCount() == 6 and page.count.text() == "6 of 7 assessments"
    assert page.excluded.text() == "Excluded: superseded by a re-assessment 1"
    assert page.model.row_of(ctx.store.ids["earlier"]) == -1
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Company"
    assert sum(v for _label, v, _c in page.stages.items) == 6
    assert page.averages.rowCount() == 3 and len(page.averages.columns) == 10
    assert not page.peer_table.isVisible()

    # filters
    page.industry.setCurrentIndex(page.industry.findData("textile"))
    assert page.model.rowCount() == 4 and page.count.text() == "4 of 7 assessments"
    assert {page.model.display(r, 1) for r in range(4)} == {"Textiles"}
    assert page.averages.rowCount() == 1 and page.averages.rows[0][1] == 4
    page.city.setCurrentIndex(page.city.findData("台州市"))
    assert page.model.rowCount() == 0
    page.city.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("expert"))
    assert page.model.rowCount() == 0
    page.kind.setCurrentIndex(0)
    page.date_to.setText("2026-01-01")
    page.apply_filter()
    assert page.model.rowCount() == 0                   # only the superseded one is that old
    qtbot.mouseClick(page.include_superseded, Qt.MouseButton.LeftButton)
    # still left out: it is also a draft with less than half of its questions answered
    assert page.model.rowCount() == 0 and page.excluded.text() == "Excluded: drafts 1"
    qtbot.mouseClick(page.include_drafts, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and page.excluded.text() == "Nothing excluded"
    qtbot.mouseClick(page.include_superseded, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.include_drafts, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    page.date_to.setText("2026-02-30")                  # not a date: marked, not applied
    page.apply_filter()
    assert page.model.rowCount() == 4 and "border" in page.date_to.styleSheet()
    page.date_to.clear()
    page.apply_filter()

    # the selected firm: progress over its two assessments, peers of its size band
    firm = ctx.store.ids["firm"]
    row = page.model.row_of(firm)
    page.table.selectRow(row)
    assert page.selected_id() == firm
    assert "绍兴柯桥锦程织造有限公司" in page.firm_title.text()
    assert [d for d, _v in page.progress.points] == ["2025-11-20", "2026-11-20"]
    assert page.progress.highlight == 1
    assert "3 peer firms" in page.peer_text.text() and "small firms" in page.peer_text.text()
    assert page.peer_table.isVisible() and page.peer_table.rowCount() == 10
    page.peers.setValue(4)                               # only three other textile firms
    assert "at least 4" in page.peer_text.text() and not page.peer_table.isVisible()
    page.peers.setValue(3)
    # the selection survives re-filtering and sorting
    page.table.sortByColumn(COLUMNS.index("index"), Qt.SortOrder.AscendingOrder)
    assert page.selected_id() == firm
    page.stage.setCurrentIndex(page.stage.findData(int(page.all.loc[
        page.all["id"] == firm, "stage_index"].iat[0])))
    assert page.selected_id() == firm

    # language: labels switch, filters and selection stay
    page.stage.setCurrentIndex(0)
    ctx.set_language("zh")
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "企业名称"
    assert page.industry.currentText() == "纺织" and page.model.rowCount() == 4
    assert page.excluded.text() == "已排除：被复评取代 1"
    assert page.selected_id() == firm and "共 3 家" in page.peer_text.text()

    # export (the dialog bypassed)
    target = tmp_path / "组合"
    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(target))
    qtbot.mouseClick(page.excel, Qt.MouseButton.LeftButton)
    book = load_workbook(tmp_path / "组合.xlsx")
    assert book.sheetnames[0] == "评估清单" and book["评估清单"].max_row == 1 + 4
    assert book["评估清单"]["B2"].value == "纺织"
    assert page.export("csv") == str(tmp_path / "组合.csv")
    assert (tmp_path / "组合.csv").read_bytes().startswith("\ufeff企业名称".encode())
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(tmp_path / "no" / "x.xlsx"))
    assert page.export("xlsx") is None and "cannot write" in warnings[0]
    monkeypatch.setattr(page, "ask_save_path", lambda kind: None)
    assert page.export("xlsx") is None
    # a large workbook is written off the GUI thread
    page.background_rows = 0
    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(tmp_path / "big.xlsx"))
    with qtbot.waitSignal(page.exported, timeout=20000) as done:
        assert page.export("xlsx") == str(tmp_path / "big.xlsx")
        assert not page.excel.isEnabled() and page.export("xlsx") is None  # one at a time
    assert done.args == [str(tmp_path / "big.xlsx")] and page.excel.isEnabled()
    assert load_workbook(tmp_path / "big.xlsx")["评估清单"].max_row == 1 + 4
    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(tmp_path / "no" / "big.xlsx"))
    page.export("xlsx")
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=20000)
    assert "cannot write" in warnings[1] and page.excel.isEnabled()

    # refresh: a new textile assessment appears, the filter still applies
    extra = load_assessment(root / "examples" / "textile-early.json")
    extra.id = str(uuid.uuid4())
    extra.profile["company_name"] = "新来的纺织厂"
    extra.profile.pop("credit_code", None)
    Session.import_assessment(ctx.store, catalog, extra)
    page.refresh()
    assert page.model.rowCount() == 5 and page.selected_id() == firm
    # an unreadable store: the rows stay, the reason is shown
    from zhigai.core.store.errors import StoreError

    def locked() -> list[Any]:
        raise StoreError("unavailable", "z.db is in use by another program")

    monkeypatch.setattr(ctx.store, "assessments", locked)
    page.refresh()
    assert page.model.rowCount() == 5 and "in use" in page.count.text()
