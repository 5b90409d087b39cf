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
