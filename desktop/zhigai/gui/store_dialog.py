"""Explaining store problems in the interface language, and choosing another store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.base.paths import DB_FILE, sqlite_url
from ..core.store.errors import StoreError
from ..core.store.url import display_url, mask_secrets


class StoreDialog(QObject):
    """Texts and dialogs about the data store (a QObject so that tr() has a context)."""

    def message(self, error: StoreError) -> str:
        texts = {
            "damaged": self.tr("The store %1 is damaged or is not a Zhigai store. It was not "
                               "changed."),
            "newer": self.tr("The store %1 was upgraded by a newer version of Zhigai: this "
                             "version can read it but not change it. Update Zhigai to change "
                             "it."),
            "outdated": self.tr("The shared database %1 is at an older store version. Its "
                                "administrator must run 'zhigai db upgrade' (it backs the "
                                "database up, then upgrades it). Nothing was changed."),
            "readonly": self.tr("The store %1 is read-only: Zhigai cannot save there."),
            "foreign": self.tr("The file %1 is a database of another program. Zhigai did not "
                               "touch it."),
            "missing": self.tr("This assessment is no longer in the store %1."),
            "unavailable": self.tr("The store %1 cannot be used right now."),
            "disconnected": self.tr("The connection to the database server was lost; the "
                                    "change is not saved yet."),
            "conflict": self.tr("Someone else saved this assessment after you opened it; "
                                "your change was not saved."),
        }
        # never a password: the location and the details are shown in their display form
        where = display_url(error.location)
        text = texts.get(error.kind, texts["unavailable"]).replace("%1", where)
        return text + "\n\n" + self.tr("Details: %1").replace("%1", mask_secrets(str(error)))

    def ask(self, parent: QWidget | None, error: StoreError | None) -> str | None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Data store"))
        box.setText(self.message(error) if error else self.tr("Choose the data store to use."))
        box.setInformativeText(self.tr("You can open another store file, or create a new store "
                                       "in a folder of your choice. Nothing in the old file is "
                                       "changed."))
        accept = QMessageBox.ButtonRole.AcceptRole
        open_button = box.addButton(self.tr("Open a store file…"), accept)
        new_button = box.addButton(self.tr("New store in a folder…"), accept)
        box.addButton(self.tr("Continue without a store"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button:
            path, _ = QFileDialog.getOpenFileName(
                parent, self.tr("Open a store file"), "",
                self.tr("Zhigai store (*.sqlite3 *.db);;All files (*)"))
            return sqlite_url(Path(path)) if path else None
        if clicked is new_button:
            folder = QFileDialog.getExistingDirectory(parent, self.tr("Folder for the new store"))
            return sqlite_url(Path(folder) / DB_FILE) if folder else None
        return None


def store_message(error: StoreError) -> str:
    return StoreDialog().message(error)


def ask_for_store(parent: QWidget | None, error: StoreError | None) -> str | None:
    """Explain ``error`` and let the user pick another store. Returns a URL or None (go on
    without a store; the user can choose one later from the File menu)."""
    return StoreDialog().ask(parent, error)
