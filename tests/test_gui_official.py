"""The official-level tab: the MIIT estimate with its caveat, the parts, the 16 scenarios, the
level rule, the path and the milestones, following the answers; during an expert verification
the evidence checklist (ticks, notes, photos) with the completeness per part."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView, QWidget

from zhigai.core.assessment.lens_evidence import completeness
from zhigai.core.assessment.lens_text import estimate_line, level_name, points, scenario_level_name

from gui_helpers import create_via_ui, seed, type_into

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
SAMPLE = "../templates/samples/sample-auto-parts"       # questionnaire 1.2, every answer
OLDER = "auto-parts-midway"                              # questionnaire 1.1, with a project


def open_tab(qtbot: Any, start: Any, data_dir: Path, root: Path, name: str,
             lang: str = "en") -> Any:
    """The firm opened, then the official-level tab clicked in the tab bar."""
    (firm,) = seed(data_dir, root, name)
    window = start(lang)
    window.open_assessment(firm)
    page = window.page
    click_tab(qtbot, page, page.official)
    return page


def click_tab(qtbot: Any, page: Any, widget: QWidget) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(page.tabs.indexOf(widget)).center())
    assert page.tabs.currentWidget() is widget


def shown(view: Any) -> bool:
    """Whether the evidence checklist is on screen."""
    return view.checklist is not None and view.checklist.isVisible()


def cells(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def advice(page: Any, window_lang: str = "en") -> Any:
    from zhigai.core.advice.data import default_advice_data

    return page.session.advice(default_advice_data(), window_lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tab_shows_the_level_and_the_caveat(qtbot: Any, start: Any, data_dir: Path,
                                                root: Path, lang: str) -> None:
    page = open_tab(qtbot, start, data_dir, root, SAMPLE, lang)
    tabs = page.tabs
    assert tabs.indexOf(page.official) == tabs.indexOf(page.results) + 1
    assert tabs.tabText(tabs.indexOf(page.official)) == ("官方等级" if lang == "zh"
                                                         else "Official level")
    view = page.official
    official = advice(page, lang).official
    today, lens = official.today, official.today.lens
    assert view.caveat.isVisible() and view.caveat.text() == lens.label.get(lang)
    assert view.caveat.text() == ("参考值，以官方平台或现场评定为准" if lang == "zh"
                                  else lens.label.en)
    assert view.title.text() == lens.name.get(lang)
    assert view.level.text().lower().startswith(level_name(lens, today.level, lang).lower())
    assert view.estimate.text() == estimate_line(today, lang)
    assert view.after.isVisible() == (official.after is not None)
    # the three parts and the total, the 16 scenarios with the constraint ones marked
    assert cells(view.parts, 0)[:3] == [p.part.name.get(lang) for p in today.parts]
    assert view.parts.rowCount() == 4
    assert view.scenarios.rowCount() == 16
    stars = [s.scenario.constraint for s in today.scenarios]
    assert [bool(c) for c in cells(view.scenarios, 2)] == stars
    assert cells(view.scenarios, 3) == [scenario_level_name(s.level, lang)
                                        for s in today.scenarios]
    assert view.rules.rowCount() == len(lens.levels)
    assert view.path.text().startswith("• ") and not view.not_asked.isVisible()
    assert not shown(view) and view.expert_hint.isVisible()


def test_an_older_questionnaire_says_the_estimate_needs_1_2(qtbot: Any, start: Any,
                                                          data_dir: Path, root: Path) -> None:
    page = open_tab(qtbot, start, data_dir, root, OLDER)
    view = page.official
    official = advice(page).official
    assert official.today.not_asked and official.after is not None
    assert view.not_asked.isVisible() and "questionnaire 1.2" in view.not_asked.text()
    assert str(len(official.today.not_asked)) in view.not_asked.text()
    # after the project: its own column, and its own line under the estimate
    assert not view.scenarios_view.isColumnHidden(4)
    assert view.after.isVisible() and level_name(official.today.lens, official.after.level,
                                                  "en") in view.after.text()
    # what unanswered (here: not asked) questions could still give shows beside the level
    totals = cells(view.parts, 1)
    assert "(up to" in totals[-1]
    raised = [(n, s) for n, s in enumerate(official.today.scenarios) if s.possible > s.level]
    assert raised
    for n, s in raised:
        assert cells(view.scenarios, 3)[n] == (f"{scenario_level_name(s.level, 'en')} (up to "
                                               f"{scenario_level_name(s.possible, 'en')})")


def test_the_questions_the_estimate_still_needs(qtbot: Any, start: Any) -> None:
    """A new assessment: the estimate names the questions it reads that are not answered yet,
    and "Answer them" opens the first in the questionnaire."""
    from PySide6.QtWidgets import QApplication

    window = start()
    page = create_via_ui(qtbot, window, industry="auto_parts")
    click_tab(qtbot, page, page.official)
    view = page.official
    today = advice(page).official.today
    instrument = page.session.instrument
    unanswered = [q for q in today.unknown if q in instrument.by_id]
    assert unanswered and view.unanswered.isVisible() and view.answer.isVisible()
    first = instrument.by_id[unanswered[0]]
    assert (first.short or first.text).en in view.unanswered.text()
    assert "could give up to" in view.estimate.text()
    qtbot.mouseClick(view.answer, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.questions
    card = page.questions.cards[unanswered[0]]
    focus = QApplication.focusWidget()
    assert focus is card or card.isAncestorOf(focus)


def test_the_milestones_of_a_level_gated_support(qtbot: Any, start: Any, data_dir: Path,
                                                 root: Path) -> None:
    page = open_tab(qtbot, start, data_dir, root, "reference/hangzhou-brake-parts/assessment")
    view = page.official
    gates = advice(page).gates
    if not gates:
        pytest.skip("the reference firm has no level-gated support any more")
    assert view.gates_view.isVisible() and not view.no_gates.isVisible()
    assert cells(view.gates, 0) == [g.policy.name.en for g in gates]
    lens = advice(page).official.today.lens
    assert cells(view.gates, 2)[0] == (level_name(lens, gates[0].before, "en") + " → "
                                       + level_name(lens, gates[0].after, "en"))
    assert cells(view.gates, 3)[0] == ("reached" if gates[0].reached else "not yet")


def test_a_raised_scenario_changes_the_table(qtbot: Any, start: Any, data_dir: Path,
                                             root: Path) -> None:
    """APS instead of MRP in the questionnaire raises 计划排程 to 三级: the scenario table and
    the counts of the level rule follow."""
    page = open_tab(qtbot, start, data_dir, root, SAMPLE)
    view = page.official
    names = cells(view.scenarios, 1)
    row = names.index("Planning and scheduling")
    assert cells(view.scenarios, 3)[row] == "L2"
    before = cells(view.rules, 2)[2]              # the counts for 三级
    click_tab(qtbot, page, page.questions)
    page.questions.focus_question("sy_planning")
    card = page.questions.cards["sy_planning"]
    qtbot.mouseClick(card.buttons[card.option_ids.index("aps")], Qt.MouseButton.LeftButton)
    assert page.session.assessment.answers["sy_planning"].value == "aps"
    click_tab(qtbot, page, page.official)
    assert cells(view.scenarios, 3)[row] == "L3"
    count, constraint = advice(page).official.today.counts(3)
    assert cells(view.rules, 2)[2] != before
    assert f"scenarios: {count} (constraint: {constraint})" in cells(view.rules, 2)[2]


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (240, 160), (30, 90, 160)).save(path, "PNG")
    return path


def test_the_expert_checklist(qtbot: Any, start: Any, data_dir: Path, root: Path,
                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zhigai.core.assessment.model import MAX_NOTE_LENGTH, Assessor

    page = open_tab(qtbot, start, data_dir, root, SAMPLE)
    view = page.official
    assert not shown(view) and view.expert_hint.isVisible()
    assert "expert verification" in view.expert_hint.text()
    monkeypatch.setattr(page, "ask_assessor", lambda: Assessor(name="王工"))
    qtbot.mouseClick(page.verify, Qt.MouseButton.LeftButton)
    assert page.session.verifying
    qtbot.waitUntil(lambda: shown(view), timeout=3000)
    assert not view.expert_hint.isVisible()
    checklist = view.checklist
    lens = advice(page).official.today.lens
    session = page.session
    key = "miit-2024:network"

    def foundation() -> str:
        return checklist.completeness["foundation"].text()

    total = next(c.total for c in completeness(lens, session.assessment)
                 if c.part == "foundation")
    assert foundation() == f"Digital foundation 0/{total} (0%)"
    card = checklist.cards["network"]
    card.checks["topology"].click()
    assert session.evidence(key).checked == ["topology"]
    assert foundation() == f"Digital foundation 1/{total} ({round(100 / total)}%)"
    qtbot.mouseClick(_label_of(card, "shop-floor network equipment"),   # the text ticks too
                     Qt.MouseButton.LeftButton)
    assert session.evidence(key).checked == ["topology", "site_photos"]
    card.checks["topology"].click()                          # unticked: removed
    assert session.evidence(key).checked == ["site_photos"]
    assert foundation().startswith("Digital foundation 1/")
    assert session.store.load(session.id).evidence[key].checked == ["site_photos"]

    # a note saved as you type; a note too long is refused and not saved
    type_into(qtbot, card.note, "交换机已现场查看 switch seen")
    qtbot.waitUntil(lambda: session.evidence(key).note == "交换机已现场查看 switch seen",
                    timeout=3000)
    QGuiApplication.clipboard().setText("x" * (MAX_NOTE_LENGTH + 1))
    other = checklist.cards["planning"]
    other.note.setFocus()
    qtbot.keyClick(other.note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert other.error.isVisible() and str(MAX_NOTE_LENGTH) in other.error.text()
    qtbot.wait(1000)
    assert session.evidence("miit-2024:planning").note == ""

    # a photo: a thumbnail with a Remove link, counted per part
    monkeypatch.setattr(card, "ask_photo_paths", lambda: [str(_png(tmp_path / "ap.png"))])
    qtbot.mouseClick(card.add, Qt.MouseButton.LeftButton)
    assert card.photos.isVisible() and len(card.photos.tiles) == 1
    assert len(session.evidence(key).photos) == 1
    assert checklist.photo_counts["foundation"].text() == "photos for 1 indicators"
    qtbot.mouseClick(card.photos.tiles[0][1], Qt.MouseButton.LeftButton)
    assert not session.evidence(key).photos and not card.photos.isVisible()
    assert checklist.photo_counts["foundation"].text() == ""


def _label_of(card: Any, words: str) -> QLabel:
    """The clickable text beside a material's tick box."""
    return next(label for label in card.findChildren(QLabel) if words in label.text())


def _texts(root: QWidget) -> list[str]:
    """Every visible piece of interface text under ``root``, table cells included (what the
    user typed, e.g. evidence notes, is data and left out)."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        out.append(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if hasattr(w, "placeholderText"):
            out.append(w.placeholderText())
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                out += [str(model.index(r, c).data() or "") for r in range(model.rowCount())]
    return [t for t in out if t]


def test_the_english_tab_has_no_chinese(qtbot: Any, start: Any, data_dir: Path,
                                        root: Path) -> None:
    """Nothing Chinese on the English tab, in normal and expert mode, for a firm on each
    questionnaire version, except what the expert typed."""
    from zhigai.core.assessment.model import Assessor

    ids = seed(data_dir, root, SAMPLE, OLDER)
    window = start("en")
    note = "交换机已现场查看"
    for firm in ids:
        window.open_assessment(firm)
        page = window.page
        click_tab(qtbot, page, page.official)
        view = page.official
        mixed = [t for t in _texts(view) if CJK.search(t)]
        assert not mixed, mixed
        page.ask_assessor = lambda: Assessor(name="王工")
        qtbot.mouseClick(page.verify, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda v=view: shown(v), timeout=3000)
        type_into(qtbot, view.checklist.cards["network"].note, note)
        mixed = [t for t in _texts(view) if CJK.search(t)]
        assert not mixed, mixed
        window.go_home()


def test_the_project_and_no_lens(qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    """The "after the project" column and line follow the project; without a lens fitting the
    questionnaire a sentence says so instead of empty tables."""
    import dataclasses

    from zhigai.core.assessment.plan import ProjectPlan
    from zhigai.gui.official_view import OfficialView

    page = open_tab(qtbot, start, data_dir, root, OLDER)
    view = page.official
    assert view.after.isVisible() and not view.scenarios_view.isColumnHidden(4)
    assert page.controller.set_project(ProjectPlan()) is None     # the plan emptied
    after = advice(page).official.after
    assert view.after.isVisible() == (after is not None)
    assert view.scenarios_view.isColumnHidden(4) == (after is None)
    if after is not None:
        assert cells(view.parts, 3) == [points(p.points) for p in after.parts] + [
            points(after.score)]

    plain = dataclasses.replace(advice(page), official=None, gates=())
    other = OfficialView(page.controller, "en", lambda: plain)
    qtbot.addWidget(other)
    other.show()
    assert other.none.isVisible() and "No official-level lens fits" in other.none.text()
    assert not other.body.isVisible() and not other.caveat.isVisible()
