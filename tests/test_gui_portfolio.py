"""The portfolio screen: filters, charts, peers and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui_helpers import seed


def test_portfolio_filters_charts_peers_and_export(qtbot: Any, start: Any, data_dir: Path,
                                                   root: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start("zh")
    qtbot.mouseClick(window.home.portfolio_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "PortfolioPage", timeout=5000)
    page = window.page
    assert page.model.rowCount() == 3 and "3 / 3" not in page.count.text()
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "企业名称"
    page.industry.setCurrentIndex(page.industry.findData("textile"))
    assert page.model.rowCount() == 1 and page.model.display(0, 1) == "纺织"
    page.industry.setCurrentIndex(0)
    assert page.model.rowCount() == 3
    assert sum(v for _l, v, _c in page.stages.items) == 3
    assert page.averages.rowCount() == 3
    page.date_from.setText("2030-01-01")
    page.apply_filter()
    assert page.model.rowCount() == 0
    page.date_from.setText("not a date")
    page.apply_filter()
    assert page.model.rowCount() == 3 and "border" in page.date_from.styleSheet()
    page.date_from.clear()
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)          # by index
    assert page.model.display(0, 0) == "杭州精控智能装备股份有限公司"
    page.table.selectRow(0)
    assert "杭州精控" in page.firm_title.text() and len(page.progress.points) == 1
    assert "至少需要" in page.peer_text.text()                    # three firms: too few peers
    target = tmp_path / "组合.xlsx"
    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(target))
    qtbot.mouseClick(page.excel, Qt.MouseButton.LeftButton)
    book = load_workbook(target)
    assert book.sheetnames[0] == "评估清单" and book["评估清单"].max_row == 4
    window.grab().save(str(tmp_path / "portfolio.png"))


def _store_with_sample_draft_and_follow_up(data_dir: Path, root: Path) -> dict[str, str]:
    """The three examples, the sample, a re-assessment of the textile firm and an empty draft."""
    from zhigai.core.app.sample import add_sample
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    textile, _auto, _equipment = seed(data_dir, root, "textile-early", "auto-parts-midway",
                                      "equipment-advanced")
    catalog = default_catalog()
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    try:
        sample = add_sample(store, catalog).id
        follow = Session.follow_up(store, catalog, textile).id
        draft = Session.create(store, catalog, "zhigai-readiness",
                               profile={"company_name": "刚开始的纺织厂"}).id
    finally:
        store.close()
    return {"textile": textile, "sample": sample, "follow": follow, "draft": draft}


def _open_portfolio(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.home.portfolio_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "PortfolioPage", timeout=5000)
    return window.page


def test_portfolio_leaves_out_the_sample_drafts_and_superseded_until_included(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    ids = _store_with_sample_draft_and_follow_up(data_dir, root)
    window = start()
    page = _open_portfolio(qtbot, window)

    def shown() -> set[str]:
        return {page.model.assessment_id(r) for r in range(page.model.rowCount())}

    assert len(page.all) == 6
    assert ids["follow"] in shown() and not shown() & {ids["textile"], ids["sample"],
                                                       ids["draft"]}
    assert page.excluded.text() == ("Excluded: samples 1, drafts 1, superseded by a "
                                    "re-assessment 1")
    assert page.count.text() == "3 of 6 assessments"
    assert sum(v for _l, v, _c in page.stages.items) == 3      # the charts count the same
    assert page.include_samples.text() == "Include samples (1)"
    assert page.include_drafts.text() == "Include drafts under 50% answered (1)"
    assert page.include_superseded.text() == "Include superseded (1)"
    assert not any(b.isChecked() for b in (page.include_samples, page.include_drafts,
                                           page.include_superseded))

    qtbot.mouseClick(page.include_samples, Qt.MouseButton.LeftButton)
    assert ids["sample"] in shown() and len(shown()) == 4
    assert page.excluded.text() == "Excluded: drafts 1, superseded by a re-assessment 1"
    qtbot.mouseClick(page.include_drafts, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.include_superseded, Qt.MouseButton.LeftButton)
    assert len(shown()) == 6 and page.excluded.text() == "Nothing excluded"
    qtbot.mouseClick(page.include_samples, Qt.MouseButton.LeftButton)
    assert ids["sample"] not in shown() and page.excluded.text() == "Excluded: samples 1"

    # the re-assessment is benchmarked without the sample (its credit code is 恒达's) and
    # the firm's progress still shows both assessments
    page.table.selectRow(page.model.row_of(ids["follow"]))
    assert len(page.progress.points) == 2


def test_portfolio_exclusions_in_chinese(qtbot: Any, start: Any, data_dir: Path,
                                         root: Path) -> None:
    _store_with_sample_draft_and_follow_up(data_dir, root)
    window = start("zh")
    page = _open_portfolio(qtbot, window)
    assert page.excluded.text() == "已排除：示例 1、草稿 1、被复评取代 1"
    assert page.include_samples.text() == "包括示例（1）"
    assert page.include_drafts.text() == "包括回答不足 50% 的草稿（1）"
    assert page.include_superseded.text() == "包括被复评取代的（1）"


def test_escape_on_the_portfolio_goes_home(qtbot: Any, start: Any, data_dir: Path,
                                           root: Path) -> None:
    from PySide6.QtTest import QTest

    seed(data_dir, root, "textile-early")
    window = start()
    page = _open_portfolio(qtbot, window)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Escape)
    assert window.page is None and window.stack.currentWidget() is window.home
    page = _open_portfolio(qtbot, window)          # also from a filter field
    page.industry.setFocus()
    QTest.keyClick(page.industry, Qt.Key.Key_Escape)
    assert window.page is None
