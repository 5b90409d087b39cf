"""What the windows share: the open store, the questionnaire catalog, the language. Passed in
to every panel; there is no global application object."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .translations import Translators
from .worker import run_in_background

if TYPE_CHECKING:
    from ..core.advice.data import AdviceData
    from ..core.base.identity import Editor
    from ..core.questionnaire.catalog import Catalog
    from ..core.store.store import Store


class AppContext(QObject):
    storeChanged = Signal()
    languageChanged = Signal(str)
    catalogLoaded = Signal()

    def __init__(self, translators: Translators, lang: str):
        super().__init__()
        self.translators = translators
        self.lang = lang
        self.store: Store | None = None
        self._catalog: Catalog | None = None
        self._catalog_waiters: list[Callable[[Catalog], None]] = []
        self._catalog_loading = False

    # ------------------------------------------------------------------ store

    def set_store(self, store: Store | None) -> None:
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        self.storeChanged.emit()

    # ------------------------------------------------------------------ catalog

    @property
    def catalog_ready(self) -> bool:
        return self._catalog is not None

    def catalog(self) -> Catalog:
        """The catalog, loading it on the spot if the background load has not finished."""
        if self._catalog is None:
            from ..core.questionnaire.catalog import default_catalog

            self._catalog = default_catalog()
            self.catalogLoaded.emit()
        return self._catalog

    def with_catalog(self, callback: Callable[[Catalog], None]) -> None:
        """Call back with the catalog, loading it off the GUI thread the first time."""
        if self._catalog is not None:
            callback(self._catalog)
            return
        self._catalog_waiters.append(callback)
        if self._catalog_loading:
            return
        self._catalog_loading = True

        def load() -> Catalog:
            from ..core.advice.data import default_advice_data
            from ..core.base.diagnostics import DataFileError
            from ..core.questionnaire.catalog import default_catalog

            catalog = default_catalog()
            try:  # the advice data is checked against the questionnaire; load it now too
                default_advice_data()
            except DataFileError:
                pass  # reported where advice is shown (advice_data())
            return catalog

        def loaded(catalog: Catalog) -> None:
            self._catalog = catalog
            self._catalog_loading = False
            self.catalogLoaded.emit()
            waiters, self._catalog_waiters = self._catalog_waiters, []
            for waiter in waiters:
                waiter(catalog)

        def failed(error: BaseException, trace: str) -> None:
            self._catalog_loading = False
            print(trace)

        run_in_background(load, loaded, failed)

    def advice_data(self) -> AdviceData:
        """The measures, policy catalogues and financing options (raises DataFileError with
        file:line messages when the data files are broken)."""
        from ..core.advice.data import default_advice_data

        return default_advice_data()

    # ------------------------------------------------------------------ who edits

    def editor(self) -> Editor:
        """This machine's user (the local profile, else the login name) and the machine: the
        name every change made here is recorded under."""
        from ..core.base import settings as prefs
        from ..core.base.identity import local_editor

        return local_editor(prefs.settings().user_name)

    # ------------------------------------------------------------------ language

    def set_language(self, lang: str, remember: bool = True) -> None:
        """Switch the interface language (pages rebuild; nothing typed is lost) and, unless
        ``remember`` is False, keep it for the next start."""
        if remember:
            from ..core.base import settings as prefs

            if prefs.settings().language != lang:
                prefs.settings().language = lang  # type: ignore[assignment]
                prefs.current().try_save()
        if lang == self.lang:
            return
        self.lang = lang
        self.translators.install(lang)
        self.languageChanged.emit(lang)
