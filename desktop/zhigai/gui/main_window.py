"""The main window: home, new assessment and open assessment pages in a stack, a menu, and a
status bar that shows background work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from ..core.base import settings as prefs
from ..core.store.errors import StoreError
from ..core.store.rows import quick_page
from ..core.store.url import display_url, mask_secrets
from .context import AppContext
from .home import HomePage
from .off_thread import notifier, off_thread
from .screen_fit import ElidedLabel, fit_window, keep_on_screen
from .store_dialog import ask_for_store, store_message
from .worker import run_in_background

if TYPE_CHECKING:  # pages and the core models load when first needed, not at start-up
    from ..core.questionnaire.catalog import Catalog
    from ..core.session.session import Session
    from ..core.store.store import Store
    from .assessment_page import AssessmentPage
    from .new_page import NewAssessmentPage


class MainWindow(QMainWindow):
    ready = Signal()   # the home screen shows the store's assessments

    def __init__(self, ctx: AppContext, store_url: str | None = None):
        super().__init__()
        self.ctx = ctx
        self.store_url = store_url
        self.welcome_on_first_run = True  # off for smoke runs (--quit-when-ready)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomePage(ctx)
        self.stack.addWidget(self.home)
        self.page: AssessmentPage | NewAssessmentPage | None = None
        self.home.newRequested.connect(self.new_assessment)
        self.home.openRequested.connect(self.open_assessment)
        self.home.followUpRequested.connect(self.follow_up)
        self.home.importRequested.connect(lambda: self.import_bundles())
        self.home.portfolioRequested.connect(self.show_portfolio)
        self.home.ready.connect(self._home_ready)
        self._ready_sent = False

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        # a long message or data path ends in … (whole in the tool tip): never widens the window
        self.busy_label = ElidedLabel()
        self.store_label = ElidedLabel()
        self.store_label.setObjectName("muted")
        self.statusBar().addWidget(self.busy_label)
        self.statusBar().addWidget(self.busy)
        self.statusBar().addPermanentWidget(self.store_label)
        notifier().busyChanged.connect(self._store_busy)
        self._build_menu()
        self.retranslate()
        fit_window(self, 1180, 780)    # a small laptop at 125% is a 1093x614 desktop
        geometry = prefs.settings().state.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
            keep_on_screen(self)        # remembered on a larger screen, or off this one
        ctx.languageChanged.connect(lambda _lang: self._language_changed())

    def _home_ready(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()

    # ------------------------------------------------------------------ menus

    def _build_menu(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_assessment)
        self.store_action = QAction(self)
        self.store_action.triggered.connect(lambda: self.choose_store(None))
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        # triggered(bool) would fill the paths with False: ask for the files instead
        self.import_action.triggered.connect(lambda _checked=False: self.import_bundles())
        self.assessor_action = QAction(self)
        self.assessor_action.triggered.connect(self.edit_assessor)
        self.settings_action = QAction(self)
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,"),
                                           *QKeySequence.keyBindings(
                                               QKeySequence.StandardKey.Preferences)])
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.edit_settings)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.assessor_action)
        self.file_menu.addAction(self.store_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.portfolio_action = QAction(self)
        self.portfolio_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.portfolio_action.triggered.connect(self.show_portfolio)
        self.view_menu.addAction(self.portfolio_action)
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in (("zh", "中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(lang == self.ctx.lang)
            action.triggered.connect(lambda _c=False, lg=lang: self.ctx.set_language(lg))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action
        self.help_menu = bar.addMenu("")
        self.welcome_action = QAction(self)
        self.welcome_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.welcome_action.triggered.connect(lambda: self.show_welcome())
        self.sample_action = QAction(self)
        self.sample_action.triggered.connect(lambda: self.add_sample())
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)
        self.help_menu.addAction(self.welcome_action)
        self.help_menu.addAction(self.sample_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhigai · Intelligent-transformation readiness"))
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New assessment"))
        self.store_action.setText(self.tr("Choose data &store…"))
        self.import_action.setText(self.tr("&Import bundles…"))
        self.assessor_action.setText(self.tr("Assessor &profile…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.welcome_action.setText(self.tr("&Welcome and first steps"))
        self.sample_action.setText(self.tr("Add the &sample assessment"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.portfolio_action.setText(self.tr("&Portfolio and benchmarks"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Zhigai"))
        self._update_store_label()

    def _language_changed(self) -> None:
        self.retranslate()
        for lang, action in self.language_actions.items():
            action.setChecked(lang == self.ctx.lang)
        # pages are views over saved data: rebuild the open one in the new language
        if _is_assessment(self.page):
            page = self.page
            page.flush()
            tab = page.tabs.currentIndex()
            self._show_session(page.session, tab)
        elif _is_new(self.page):
            self.new_assessment()
        elif type(self.page).__name__ == "PortfolioPage":
            self.show_portfolio()

    def about(self) -> None:
        from ..core.base.diagnostics import DataFileError
        from .help_dialogs import AboutDialog

        catalog = self.ctx.catalog()
        try:
            advice = self.ctx.advice_data()
        except DataFileError:
            advice = None
        store = self.ctx.store
        where = display_url(store.url) if store is not None else None  # never the password
        dialog = AboutDialog(self.ctx.lang, catalog, advice, where, self)
        self.about_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ settings, first run

    def edit_settings(self) -> None:
        from PySide6.QtWidgets import QDialog

        from ..core.base.diagnostics import DataFileError
        from ..core.base.paths import default_db_url
        from .settings_dialog import SettingsDialog
        from .supports_view import catalogue_name

        try:
            catalogues = [(c.id, catalogue_name(c, self.ctx.lang, self.tr("now")))
                          for c in self.ctx.advice_data().catalogues.values()]
        except DataFileError:
            catalogues = []
        before = default_db_url()
        dialog = SettingsDialog(catalogues, self, store_overridden=self.store_url is not None)
        self.settings_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        settings = prefs.settings()
        if settings.language is not None:
            self.ctx.set_language(settings.language)
        if self.store_url is None and default_db_url() != before:
            # another data folder: save the open page, then open (or create) the store there
            if self.page is not None:
                self.go_home()
            self.ctx.set_store(None)
            self.home.refresh()
            self.start()

    def report_settings_problems(self) -> None:
        """Say what was wrong in settings.json (the program goes on with the defaults)."""
        problems = prefs.current().problems
        if not problems:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Settings"),
                          self.tr("Some settings could not be read and were reset to their "
                                  "defaults. Check them in File → Settings."), parent=self)
        box.setDetailedText("\n".join(problems))
        self.settings_problems_box = box
        box.open()

    def first_run(self) -> None:
        """On the very first start: add the sample to an empty store, then welcome."""
        file = prefs.current()
        if file.settings.state.welcomed or self.ctx.store is None:
            return
        file.set_state(welcomed=True)
        store = self.ctx.store

        def go(catalog: Catalog) -> None:
            if not store.count():
                self.add_sample(open_it=False)
            self.show_welcome()

        self._with_catalog(go)

    def show_welcome(self, has_sample: bool | None = None) -> None:
        from .help_dialogs import WelcomeDialog

        if has_sample is None:
            has_sample = self._latest_sample() is not None
        dialog = WelcomeDialog(has_sample, self)
        dialog.sampleRequested.connect(self._open_sample)
        dialog.newRequested.connect(self.new_assessment)
        self.welcome = dialog
        dialog.open()

    def _latest_sample(self) -> str | None:
        store = self.ctx.store
        if store is None:
            return None
        for sample_id in reversed(prefs.settings().state.sample_ids):
            try:
                store.row(sample_id)   # one row, not every row of a large store
            except StoreError:
                continue
            return sample_id
        return None

    def _open_sample(self) -> None:
        sample = self._latest_sample()
        if sample is not None:
            self.open_assessment(sample)

    def add_sample(self, open_it: bool = True) -> str | None:
        """Add a fresh copy of the sample assessment (Help menu; first start)."""
        store = self.ctx.store
        if store is None:
            self.choose_store(None)
            return None
        from ..core.app.sample import add_sample
        from ..core.base.diagnostics import DataFileError

        try:
            session = add_sample(store, self.ctx.catalog())
        except (DataFileError, StoreError, LookupError) as error:
            QMessageBox.warning(self, self.tr("Sample assessment"), str(error))
            return None
        self.home.refresh()
        self.home.select(session.id)
        if open_it:
            self.open_assessment(session.id)
        return session.id

    # ------------------------------------------------------------------ background work

    def run(self, label: str, fn: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[BaseException, str], None] | None = None) -> None:
        self.busy_label.setText(label)
        self.busy.show()

        def finish(result: Any) -> None:
            self.busy.hide()
            self.busy_label.setText("")
            done(result)

        def fail(error: BaseException, trace: str) -> None:
            self.busy.hide()
            self.busy_label.setText("")
            if failed is not None:
                failed(error, trace)
            else:
                QMessageBox.critical(self, self.tr("Error"), mask_secrets(str(error)))

        run_in_background(fn, finish, fail)

    def _store_busy(self, busy: bool) -> None:
        """A store call is slow (see off_thread): the busy bar says so until it returns."""
        if busy and not self.busy.isVisible():
            self.busy_label.setText(self.tr("Waiting for the data store…"))
            self.busy.show()
        elif not busy and self.busy_label.text() == self.tr("Waiting for the data store…"):
            self.busy.hide()
            self.busy_label.setText("")

    def start(self) -> None:
        """Show the assessments at once (read-only fast path), open the store off the GUI
        thread, then load the questionnaires in the background."""
        url = self.store_url

        def open_store() -> Store:
            from ..core.store.store import Store

            return Store.open(url)

        def open_in_background() -> None:
            self.run(self.tr("Opening the data store…"), open_store, self._store_opened,
                     self._store_failed)

        quick = quick_page(url)   # the first page of the list; the rest once the store is open
        if quick is None:
            open_in_background()
            return
        self.home.show_rows(*quick)
        # the list is on screen; open the full store once the window has been painted, so
        # the background work does not compete with the first paint
        QTimer.singleShot(0, self, self._home_ready)
        QTimer.singleShot(0, open_in_background)

    def _store_opened(self, store: Store) -> None:
        self.ctx.set_store(store)
        self._update_store_label()
        QTimer.singleShot(0, self, lambda: self.ctx.with_catalog(lambda _c: None))
        if self.welcome_on_first_run:
            QTimer.singleShot(0, self, self.first_run)

    def _store_failed(self, error: BaseException, trace: str) -> None:
        if not isinstance(error, StoreError):
            from ..core.base.paths import default_db_url

            QMessageBox.critical(self, self.tr("Data store"),
                                 mask_secrets(str(error), self.store_url or default_db_url()))
            self.ctx.set_store(None)
            return
        self.choose_store(error)

    def choose_store(self, error: StoreError | None) -> None:
        url = ask_for_store(self, error)
        if url is None:
            if error is not None:
                self.ctx.set_store(None)
                self._update_store_label()
                self.home.refresh()
                self._home_ready()
            return
        self.store_url = url
        self.start()

    def _update_store_label(self) -> None:
        store = self.ctx.store
        if store is None:
            self.store_label.setText(self.tr("No data store open (File → Choose data store)"))
        else:
            where = display_url(store.url)  # the file, or the URL without its password
            text = self.tr("Data: %1").replace("%1", where)
            if getattr(store, "read_only", None):   # a newer release's store: read, never written
                text = self.tr("Data (read-only, update Zhigai to change it): %1").replace(
                    "%1", where)
            self.store_label.setText(text)
            self.store_label.setToolTip(getattr(store, "read_only", None) or "")

    # ------------------------------------------------------------------ pages

    def _set_page(self, page: QWidget | None) -> None:
        old = self.page
        if (_is_new(old) or _is_assessment(old)) and page is not old \
                and not old.confirm_leave():  # type: ignore[union-attr]
            if page is not None:  # typed and kept: stay on the new assessment
                page.deleteLater()
            return
        self.page = page
        if page is not None:
            self.stack.addWidget(page)
            self.stack.setCurrentWidget(page)
        else:
            self.stack.setCurrentWidget(self.home)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        # a page that needs more room than the last one grows the window: keep it on screen
        QTimer.singleShot(0, self, lambda: keep_on_screen(self))

    def go_home(self) -> None:
        if (_is_new(self.page) or _is_assessment(self.page)) \
                and not self.page.confirm_leave():  # type: ignore[union-attr]
            return  # "keep editing", or edits waiting for a lost connection
        if _is_assessment(self.page):
            self.page.flush()
            current = self.page.session.id
        else:
            current = None
        self._set_page(None)
        self.home.refresh()
        if current:
            self.home.select(current)
        self.home.table.setFocus()

    def _with_catalog(self, then: Callable[[Catalog], None]) -> None:
        if self.ctx.catalog_ready:
            then(self.ctx.catalog())
            return
        self.busy_label.setText(self.tr("Loading the questionnaires…"))
        self.busy.show()

        def loaded(catalog: Catalog) -> None:
            self.busy.hide()
            self.busy_label.setText("")
            then(catalog)

        self.ctx.with_catalog(loaded)

    def new_assessment(self) -> None:
        if self.ctx.store is None:
            self.choose_store(None)
            return

        def show(catalog: Catalog) -> None:
            from .new_page import NewAssessmentPage

            if _is_new(self.page):  # rebuilt (another language): what is typed comes along
                self.page.keep_as_draft()  # type: ignore[union-attr]
            page = NewAssessmentPage(self.ctx, catalog)
            page.cancelled.connect(self.go_home)
            page.created.connect(lambda session: self._show_session(session, 1))
            self._set_page(page)

        self._with_catalog(show)

    def open_assessment(self, assessment_id: str, tab: int = 2) -> None:
        store = self.ctx.store
        if store is None:
            return

        def show(catalog: Catalog) -> None:
            from ..core.session.session import Session

            try:
                editor = self.ctx.editor()
                session = off_thread(lambda: Session.open(store, catalog, assessment_id, editor))
            except StoreError as error:
                QMessageBox.warning(self, self.tr("Open assessment"), store_message(error))
                return
            except LookupError as error:
                QMessageBox.warning(self, self.tr("Open assessment"), str(error))
                return
            self._show_session(session, tab if session.score.complete else 1)

        self._with_catalog(show)

    def follow_up(self, assessment_id: str) -> None:
        store = self.ctx.store
        if store is None:
            return

        def start(catalog: Catalog) -> None:
            from ..core.session.session import Session

            try:
                editor = self.ctx.editor()
                session = off_thread(lambda: Session.follow_up(
                    store, catalog, assessment_id, editor=editor))
            except (StoreError, LookupError) as error:
                QMessageBox.warning(self, self.tr("Re-assess"), str(error))
                return
            self._show_session(session, 1)

        self._with_catalog(start)

    def _show_session(self, session: Session, tab: int) -> None:
        from .assessment_page import AssessmentPage

        page = AssessmentPage(session, self.ctx.lang, self.ctx.advice_data)
        page.backRequested.connect(self.go_home)
        page.reloadRequested.connect(lambda tab: self._show_session(session, tab))
        self._set_page(page)
        where = page.last_position()  # read before the tab change focuses a question
        page.tabs.setCurrentIndex(tab)
        if tab == 1:
            page.questions.resume(where)

    # ------------------------------------------------------------------ exchange

    def show_portfolio(self) -> None:
        """Every assessment with filters, charts, peer benchmarks and export."""
        if self.ctx.store is None:
            return

        def show(_catalog: Catalog) -> None:
            from .portfolio_page import PortfolioPage

            if _is_assessment(self.page):
                self.page.flush()
            page = PortfolioPage(self.ctx)
            page.backRequested.connect(self.go_home)
            page.openRequested.connect(lambda aid: self.open_assessment(aid))
            self._set_page(page)

        self._with_catalog(show)

    def edit_assessor(self) -> None:
        from .assessor_dialog import AssessorDialog

        AssessorDialog(self).exec()

    def ask_import_paths(self) -> list[str]:
        """The bundles to import (tests replace this to skip the dialog)."""
        from PySide6.QtWidgets import QFileDialog

        folder = prefs.current().folder("bundle")
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), folder,
            self.tr("Zhigai bundles (*.zhigai);;Assessment files (*.json)"))
        return list(paths)

    def ask_merge(self, plan: Any, catalog: Catalog) -> dict[str, Any] | None:
        """The user's choice per differing field, or None to skip this bundle."""
        from PySide6.QtWidgets import QDialog

        from .merge_dialog import MergeDialog

        instrument, _warnings = catalog.instrument_for(plan.bundle.assessment)
        dialog = MergeDialog(plan, instrument, self.ctx.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()

    def show_import_report(self, lines: list[str], failed: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information,
                          self.tr("Import bundles"), "\n\n".join(lines), parent=self)
        box.exec()

    def import_bundles(self, paths: list[str] | None = None) -> list[str]:
        """Check and import bundles one by one; a refused bundle changes nothing. Returns the
        lines of the report shown to the user."""
        from pathlib import Path

        from ..core.exchange.bundle import BundleError, read_import_file
        from ..core.exchange.merge import apply_import, plan_import

        store = self.ctx.store
        if store is None:
            return []
        chosen = paths if paths is not None else self.ask_import_paths()
        if not chosen:
            return []
        if _is_assessment(self.page):  # the open assessment may be the one updated
            self.go_home()
        catalog = self.ctx.catalog()
        lang = self.ctx.lang
        editor = self.ctx.editor()
        lines: list[str] = []
        failed = False
        for path in chosen:
            name = Path(path).name
            try:
                plan = plan_import(store, read_import_file(path, catalog))
                choices: dict[str, Any] = {}
                if plan.status == "diverged":
                    decided = self.ask_merge(plan, catalog)
                    if decided is None:
                        lines.append(self.tr("%1: skipped; nothing changed").replace("%1", name))
                        continue
                    choices = decided
                result = apply_import(store, catalog, plan, choices, editor.name,
                                      editor.machine)
            except BundleError as error:
                failed = True
                lines.append(error.text(lang))
                continue
            except StoreError as error:
                failed = True
                lines.append(f"{name}: {store_message(error)}")
                continue
            company = plan.bundle.assessment.profile_by_role(
                catalog.instrument_for(plan.bundle.assessment)[0], "company_name")
            lines.append(f"{name} ({company or result.assessment_id[:8]}): {result.text(lang)}")
        if chosen:
            prefs.current().set_folder("bundle", Path(chosen[-1]).parent)
        self.home.refresh()
        self.show_import_report(lines, failed)
        return lines

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if (_is_new(self.page) or _is_assessment(self.page)) \
                and not self.page.confirm_leave():  # type: ignore[union-attr]
            event.ignore()  # "keep editing"
            return
        if _is_assessment(self.page):
            self.page.flush()
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        prefs.current().set_state(window_geometry=geometry)
        if self.ctx.store is not None:
            self.ctx.store.close()
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_F5 and self.page is None:
            self.home.refresh()
            return
        super().keyPressEvent(event)


def _is_assessment(page: object) -> bool:
    return type(page).__name__ == "AssessmentPage"


def _is_new(page: object) -> bool:
    return type(page).__name__ == "NewAssessmentPage"


def active_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None
