"""Screenshots of every screen in Chinese and English (offscreen), for looking at the interface.

    python scripts/screenshots.py [OUTDIR]      (default: screenshots/, not committed)
    SHOT_SCALE=2 python scripts/screenshots.py   (200% scaling: QT_SCALE_FACTOR=2, files x2-*)
    SHOT_SCALE=1.25 SHOT_ONLY=reference python scripts/screenshots.py /tmp/shots
        (a 1366x768 laptop at 125%: the financing and bank file tabs of a reference firm)
    SHOT_SCALE=1.25 SHOT_ONLY=official python scripts/screenshots.py /tmp/shots
        (the official-level tab: the sample firm, a firm on an older questionnaire with a
        level-gated support, and the evidence checklist of an expert verification)
    SHOT_SCALE=1.25 SHOT_ONLY=safe python scripts/screenshots.py /tmp/shots
        (the questions that guard typed work: an industry change that hides answers, leaving
        a typed new assessment, the date's calendar, a question's change history)

Seeds a temporary store with the example assessments and a follow-up, then walks: home, new
assessment (with a validation message), questionnaire, results, a follow-up's results.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))
# a common laptop at 100%, a small one at 125%, a sharp one at 200%
SCREENS = {"1": (1920, 1080), "1.25": (1366, 768), "2": (2560, 1600)}
WINDOWS = {"1": (1280, 820), "1.25": (1092, 580), "2": (1280, 760)}
REFERENCE = "reference/apparel-childrenswear/assessment"
GATED = "reference/hangzhou-brake-parts/assessment"    # a support paid only at 二级
SAMPLE = ROOT / "templates" / "samples" / "sample-auto-parts.json"   # questionnaire 1.2
OFFICIAL_IDS = "official-ids.json"   # in the data folder: the firms of the official-level shots


def offscreen_screen(scale: str) -> str:
    """The offscreen platform with a real laptop's screen (its default, 800x600, would be a
    400x300 desktop at 200% and squeeze every dialog)."""
    import json

    width, height = SCREENS.get(scale, SCREENS["1"])
    config = Path(tempfile.gettempdir()) / f"zhigai-screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def seed(data_dir: Path) -> None:
    import json

    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    store = Store.open(sqlite_url(data_dir / DB_FILE))
    catalog = default_catalog()
    sessions = {}
    for name in ("textile-early", "auto-parts-midway", "equipment-advanced", REFERENCE):
        sessions[name] = Session.import_assessment(
            store, catalog, load_assessment(ROOT / "examples" / f"{name}.json"))
    gated = Session.import_assessment(
        store, catalog, load_assessment(ROOT / "examples" / f"{GATED}.json"))
    copies = []
    for n in (1, 2):   # one to look at, one to verify on site
        assessment = load_assessment(SAMPLE)
        assessment.id = f"{assessment.id[:-1]}{n + 1}"
        copies.append(Session.import_assessment(store, catalog, assessment))
    sample, verified = copies
    (data_dir / OFFICIAL_IDS).write_text(json.dumps(
        {"sample": sample.id, "verified": verified.id, "gated": gated.id,
         "older": sessions["auto-parts-midway"].id}))
    follow = Session.follow_up(store, catalog, sessions["textile-early"].id)
    for qid, value in (("eq_cnc_rate", 35), ("sy_erp", "erp_partial"), ("co_networking_rate", 25),
                       ("co_cloud", "basic"), ("tx_looms", "shuttleless_electronic")):
        follow.answer(qid, value)
    follow.clear("pr_spc")
    store.close()


def shoot(lang: str, out: Path, data_dir: Path) -> list[Path]:
    from PySide6.QtCore import QTimer

    from zhigai.gui.app import create_app

    app, window = create_app(["--lang", lang])
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    prefix = f"{lang}-" if scale == "1" else f"x{scale}-{lang}-"
    # 200%: a 2560x1600 laptop screen is 1280x800 logical pixels; the window must fit. At 125%
    # the window keeps the size it opens at on that laptop (fitted to its 1093x614 desktop)
    if scale != "1.25":
        window.resize(*WINDOWS.get(scale, WINDOWS["2"]))
    saved: list[Path] = []

    def settle(ms: int = 150) -> None:
        end = QTimer()
        end.setSingleShot(True)
        end.start(ms)
        while end.isActive():
            app.processEvents()

    def grab(name: str) -> None:
        settle()
        path = out / f"{prefix}{name}.png"
        window.grab().save(str(path))
        saved.append(path)

    def grab_dialog(name: str, dialog: object) -> None:
        dialog.show()  # type: ignore[attr-defined]
        settle()
        path = out / f"{prefix}{name}.png"
        dialog.grab().save(str(path))  # type: ignore[attr-defined]
        saved.append(path)
        dialog.reject()  # type: ignore[attr-defined]

    while window.ctx.store is None or not window.ctx.catalog_ready:
        app.processEvents()
    only = os.environ.get("SHOT_ONLY")
    if only == "portfolio":
        shoot_portfolio(window, grab, settle)
        window.close()
        app.processEvents()
        return saved
    if only == "safe":
        shoot_safe(window, grab, settle, out, prefix, saved)
        window.close()
        app.processEvents()
        return saved
    if only in ("reference", "official"):
        (shoot_reference if only == "reference" else shoot_official)(window, grab, settle)
        window.close()
        app.processEvents()
        return saved
    window.home.refresh()
    grab("1-home")
    window.new_assessment()
    settle()
    page = window.page
    form = page.form
    editors = form.editors
    editors["company_name"].editor.setText("宁波华泰阀门有限公司" if lang == "zh" else
                                           "Ningbo Huatai Valves Co., Ltd.")
    editors["credit_code"].editor.setText("91330201MA2H4K7X1Y")  # wrong check character
    editors["employees"].editor.setText("12.5")
    industry = editors["industry"].editor
    industry.setCurrentIndex(industry.findData("pump_valve"))
    grab("2-new-assessment")
    page.ask_discard = lambda: True    # leaving the typed form asks first: discard it
    window.go_home()
    textile = [r for r in window.ctx.store.assessments()
               if r.company_name.startswith("绍兴") and not r.previous_id][0]
    window.open_assessment(textile.id, tab=1)
    settle()
    window.page.tabs.setCurrentIndex(1)
    window.page.questions.dim_list.setCurrentRow(2)
    grab("3-questionnaire")
    window.page.tabs.setCurrentIndex(2)
    grab("4-results")
    window.page.results.verticalScrollBar().setValue(
        window.page.results.verticalScrollBar().maximum())
    grab("5-results-gaps")
    window.page.tabs.setCurrentIndex(0)
    grab("6-profile")
    auto = [r for r in window.ctx.store.assessments() if r.company_name.startswith("玉环")][0]
    window.go_home()
    window.open_assessment(auto.id, tab=4)
    settle()
    window.page.tabs.setCurrentWidget(window.page.plan)
    grab("9-plan")
    window.page.plan.verticalScrollBar().setValue(window.page.plan.verticalScrollBar().maximum())
    grab("10-plan-project")
    window.page.tabs.setCurrentWidget(window.page.supports)
    grab("11-supports")
    window.page.tabs.setCurrentWidget(window.page.financing)
    grab("12-financing")
    bar = window.page.financing.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    grab("13-financing-options")
    bar.setValue(bar.maximum())
    grab("14-financing-schedule")
    grab_dialog("15-export-dialog", window.page.export_pdf())
    follow = [r for r in window.ctx.store.assessments() if r.previous_id][0]
    window.go_home()
    window.open_assessment(follow.id, tab=2)
    settle()
    window.page.tabs.setCurrentIndex(2)
    grab("7-follow-up-results")
    window.page.tabs.setCurrentIndex(1)
    window.page.questions.dim_list.setCurrentRow(5)
    grab("8-follow-up-questionnaire")
    shoot_official(window, grab, settle)
    window.show_portfolio()
    settle(600)
    window.page.table.selectRow(1)
    grab("16-portfolio")
    window.go_home()
    from PySide6.QtCore import QCoreApplication

    from zhigai.gui.help_dialogs import AboutDialog, WelcomeDialog
    from zhigai.gui.settings_dialog import SettingsDialog
    from zhigai.gui.supports_view import catalogue_name

    now = QCoreApplication.translate("MainWindow", "now")
    catalogues = [(c.id, catalogue_name(c, lang, now))
                  for c in window.ctx.advice_data().catalogues.values()]
    grab_dialog("17-settings", SettingsDialog(catalogues, window))
    grab_dialog("18-welcome", WelcomeDialog(True, window))
    window.add_sample()
    settle(300)
    grab("20-sample")
    window.go_home()
    grab_dialog("19-about", AboutDialog(lang, window.ctx.catalog(), window.ctx.advice_data(),
                                        window.ctx.store.url, window))
    window.close()
    app.processEvents()
    return saved


def out_lang() -> str:
    return os.environ.get("SHOT_LANG", "")


def shoot_reference(window: object, grab: object, settle: object) -> None:
    """The financing tab of a reference firm, top to bottom, and its bank file, empty and then
    filled in through the tables."""
    store = window.ctx.store  # type: ignore[attr-defined]
    firm = [r for r in store.assessments() if r.company_name.startswith("湖州")][0]
    window.open_assessment(firm.id, tab=6)  # type: ignore[attr-defined]
    page = window.page  # type: ignore[attr-defined]
    page.tabs.setCurrentWidget(page.financing)
    bar = page.financing.verticalScrollBar()
    step = max(1, page.financing.viewport().height() - 40)
    n = 0
    while True:
        grab(f"21-reference-financing-{n}")  # type: ignore[operator]
        if bar.value() >= bar.maximum() or n > 12:
            break
        bar.setValue(bar.value() + step)
        n += 1
    page.tabs.setCurrentWidget(page.bank_file)
    grab("22-reference-bank-file")  # type: ignore[operator]
    view = page.bank_file
    original = page.controller.project()
    view.add_subsidy.click()                  # a row added, typed into, and a refused value
    subsidies = view.subsidies
    subsidies.setData(subsidies.index(0, 0), "技改补助" if out_lang() == "zh" else
                      "Technology upgrade grant")
    subsidies.setData(subsidies.index(0, 1), "12")
    view.years.setData(view.years.index(0, 1), "abc")
    grab("23-reference-bank-file-refused")  # type: ignore[operator]
    settle()  # type: ignore[operator]
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    grab("24-reference-bank-file-end")  # type: ignore[operator]
    page.controller.set_project(original)   # the next language starts from the same firm
    view.show_problem("years", "")
    page.tabs.setCurrentWidget(page.plan)
    settle(300)  # type: ignore[operator]
    bar = page.plan.verticalScrollBar()
    bar.setValue(bar.maximum())
    grab("25-reference-plan-assumptions")  # type: ignore[operator]


def shoot_safe(window: Any, grab: Any, settle: Any, out: Path, prefix: str,
               saved: list[Path]) -> None:
    """The questions asked before typed work is lost, each grabbed while it is open, then
    answered No / Keep editing (nothing changes)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def grab_question(name: str, ask: Any) -> None:
        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(50, answer)
                return
            settle()
            path = out / f"{prefix}{name}.png"
            box.grab().save(str(path))
            saved.append(path)
            box.reject()                      # No / Keep editing

        QTimer.singleShot(50, answer)
        ask()
        settle()

    textile = [r for r in window.ctx.store.assessments()
               if r.company_name.startswith("绍兴") and not r.previous_id][0]
    window.open_assessment(textile.id, tab=0)
    settle()
    industry = window.page.profile.editors["industry"].editor
    pump = industry.findData("pump_valve")

    def change_industry() -> None:
        industry.setCurrentIndex(pump)
        industry.activated.emit(pump)

    grab_question("30-industry-change", change_industry)
    card = window.page.questions
    window.page.tabs.setCurrentWidget(card)
    settle()
    session = window.page.session
    first = next(q for q in card.panels if session.instrument.by_id[q].options
                 and q in session.assessment.answers)
    controller = window.page.controller
    old = session.assessment.answers[first].value
    other = next(o.id for o in session.instrument.by_id[first].options if o.id != old)
    controller.answer(first, other)                      # two recorded changes: there, back
    controller.answer(first, old)
    history = card.panels[first].show_history()
    settle()
    path = out / f"{prefix}31-history.png"
    history.grab().save(str(path))
    saved.append(path)
    history.reject()
    window.go_home()
    window.new_assessment()
    settle()
    page = window.page
    page.form.editors["company_name"].editor.setText("宁波华泰阀门有限公司")
    date = page.form.editors["assessment_date"].editor
    popup = date.open_calendar()
    settle()
    path = out / f"{prefix}32-date-calendar.png"
    popup.grab().save(str(path))
    saved.append(path)
    popup.close()
    grab_question("33-leave-new-assessment", window.go_home)
    page.ask_discard = lambda: True
    window.go_home()


def shoot_portfolio(window: object, grab: object, settle: object) -> None:
    """The portfolio with what it leaves out (the samples, the superseded textile assessment),
    then with the samples included."""
    window.show_portfolio()  # type: ignore[attr-defined]
    settle(600)  # type: ignore[operator]
    page = window.page  # type: ignore[attr-defined]
    page.table.selectRow(1)
    grab("16-portfolio")  # type: ignore[operator]
    page.include_samples.click()
    settle()  # type: ignore[operator]
    grab("16-portfolio-with-samples")  # type: ignore[operator]
    window.go_home()  # type: ignore[attr-defined]


def shoot_official(window: object, grab: object, settle: object) -> None:
    """The official-level tab top to bottom: the sample firm, a firm with a support paid only
    at 二级, a firm on questionnaire 1.1 (the questions the estimate lacks), and the evidence
    checklist of an expert verification with a few materials ticked and a note."""
    import json

    from zhigai.core.assessment.model import Assessor

    ids = json.loads((Path(os.environ["SHOT_DATA"]) / OFFICIAL_IDS).read_text())

    def pages(name: str, limit: int) -> None:
        view = window.page.official  # type: ignore[attr-defined]
        window.page.tabs.setCurrentWidget(view)  # type: ignore[attr-defined]
        settle(300)  # type: ignore[operator]
        bar = view.verticalScrollBar()
        step = max(1, view.viewport().height() - 40)
        bar.setValue(0)
        for n in range(limit):
            grab(f"{name}-{n}")  # type: ignore[operator]
            if bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + step)

    for key, name, limit in (("sample", "26-official", 8), ("gated", "27-official-gated", 3),
                             ("older", "29-official-older", 1)):
        window.go_home()  # type: ignore[attr-defined]
        window.open_assessment(ids[key], tab=3)  # type: ignore[attr-defined]
        settle()  # type: ignore[operator]
        pages(name, limit)
    window.go_home()  # type: ignore[attr-defined]
    window.open_assessment(ids["verified"], tab=3)  # type: ignore[attr-defined]
    settle()  # type: ignore[operator]
    page = window.page  # type: ignore[attr-defined]
    if not page.session.verifying:
        page.ask_assessor = lambda: Assessor(name="王工", organisation="杭州智造服务有限公司")
        page.start_verification()
    page.tabs.setCurrentWidget(page.official)
    settle(300)  # type: ignore[operator]
    checklist = page.official.checklist
    ticks = (("network", ("topology", "site_photos")), ("device_digital", ("register",)),
             ("planning", ("plan_screens",)))
    for indicator, materials in ticks:
        for material in materials:
            if not checklist.cards[indicator].checks[material].isChecked():
                checklist.cards[indicator].checks[material].click()
    page.controller.set_note("miit-2024:network", "车间交换机和无线 AP 已现场查看"
                             if out_lang() == "zh" else "Saw the shop-floor switches and APs")
    checklist.refresh(page.official.official.today)
    view = page.official
    from PySide6.QtCore import QPoint

    view.verticalScrollBar().setValue(checklist.mapTo(view.widget(), QPoint(0, 0)).y() - 120)
    grab("28-official-expert-0")  # type: ignore[operator]
    view.verticalScrollBar().setValue(view.verticalScrollBar().value()
                                      + view.viewport().height() - 40)
    grab("28-official-expert-1")  # type: ignore[operator]
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    grab("28-official-expert-2")  # type: ignore[operator]
    page.tabs.setCurrentWidget(page.questions)         # the questionnaire while verifying
    grab("28-verification-questionnaire")  # type: ignore[operator]
    window.go_home()  # type: ignore[attr-defined]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    lang = os.environ.get("SHOT_LANG")
    data_dir = Path(os.environ.get("SHOT_DATA") or tempfile.mkdtemp(prefix="zhigai-shots-"))
    os.environ["SHOT_DATA"] = str(data_dir)
    os.environ["ZHIGAI_DATA_DIR"] = str(data_dir)
    os.environ["ZHIGAI_CONFIG_DIR"] = str(data_dir / "config")
    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(os.environ.get("QT_SCALE_FACTOR", "1"))
    if lang is None:  # one process per language keeps each run clean
        import subprocess

        seed(data_dir)
        (data_dir / "config").mkdir(exist_ok=True)  # a returning user: no first-run welcome
        (data_dir / "config" / "settings.json").write_text('{"state": {"welcomed": true}}')
        for one in ("zh", "en"):
            subprocess.run([sys.executable, __file__, str(out)], check=True,
                           env={**os.environ, "SHOT_LANG": one,
                                "QT_SCALE_FACTOR": os.environ.get("SHOT_SCALE", "1")})
        return
    for path in shoot(lang, out, data_dir):
        print(path)


if __name__ == "__main__":
    main()
