"""A save refused because someone else saved the assessment since it was opened: say who
changed what, then reload it (their changes shown) and, if the user wants, do the refused
edit again on top of theirs, or compare the two field by field (the merge of bundles)."""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.session.session import Session


class ConflictDialog(QObject):
    """The question after a refused save (a QObject so that tr() has a context)."""

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang

    def describe(self, entry: Any) -> str:
        """``王工 (LAPTOP-3), 2026-12-02 10:42 — answer: 是否有 MES？``"""
        kind, _dot, key = entry.field.partition(".")
        names = {"answer": self.tr("answer"), "profile": self.tr("company profile"),
                 "note": self.tr("evidence note"), "photo": self.tr("photo"),
                 "confirmed": self.tr("checked on site"), "checked": self.tr("material seen"),
                 "project": self.tr("project plan"), "kind": self.tr("expert verification"),
                 "assessor": self.tr("assessor")}
        what = names.get(kind, entry.field)
        instrument = self.session.instrument
        q, field = instrument.by_id.get(key), instrument.profile_fields.get(key)
        if q is not None:
            what += ": " + q.text.get(self.lang)
        elif field is not None:
            what += ": " + field.label.get(self.lang)
        who = entry.who + (f" ({entry.machine})" if entry.machine else "")
        return f"{who}, {entry.at[:16].replace('T', ' ')} — {what}"

    def ask(self, parent: QWidget, error: Any) -> Choice:
        """Explain the conflict; what to do: reload, redo the edit after it, or merge."""
        changes = list(getattr(error, "changes", []))
        lines = [self.describe(e) for e in changes[-8:]]
        if len(changes) > 8:
            lines.insert(0, self.tr("(%1 earlier changes not listed)").replace(
                "%1", str(len(changes) - 8)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Saved on another computer"),
                          self.tr("Your last change was not saved: this assessment was saved "
                                  "by someone else after you opened it."), parent=parent)
        box.setInformativeText(self.tr("Their changes:") + "\n" + "\n".join(lines) if lines
                               else self.tr("Reload it to see the stored version."))
        reload = box.addButton(self.tr("&Reload (show their changes)"),
                               QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton(self.tr("Reload and save &my change again"),
                              QMessageBox.ButtonRole.ActionRole)
        merge = box.addButton(self.tr("&Compare field by field…"),
                              QMessageBox.ButtonRole.ActionRole) \
            if getattr(error, "mine", None) is not None else None
        box.setDefaultButton(reload)
        box.setEscapeButton(reload)
        box.exec()
        choices: dict[Any, Choice] = {again: "again"}
        if merge is not None:
            choices[merge] = "merge"
        return choices.get(box.clickedButton(), "reload")


Choice = Literal["reload", "again", "merge"]


def ask_after_conflict(parent: QWidget, session: Session, error: Any, lang: str) -> Choice:
    """What to do after a refused save: "reload", "again" (the edit after the reload) or
    "merge" (field by field)."""
    return ConflictDialog(session, lang).ask(parent, error)
