"""The company-profile form, built from the questionnaire's profile fields. It validates as
you type (messages from the core, in the interface language) and, when bound to an open
assessment, saves each valid change at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.questionnaire.instrument import Instrument
from ..core.questionnaire.models import ProfileField
from ..core.questionnaire.values import ValueProblem, coerce_profile_value

LONG_TEXT = 200


class FieldEditor(QWidget):
    """One profile field: its editor, unit and the message under it."""

    edited = Signal()      # every change (validate as you type)
    committed = Signal()   # the user finished (focus out, Enter, a choice made)

    def __init__(self, field: ProfileField, lang: str):
        super().__init__()
        self.field = field
        self.lang = lang
        self.touched = False
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.editor = self._build(field)
        compact = field.type in ("integer", "decimal", "percent", "date")
        row.addWidget(self.editor, 0 if compact else 1)
        if field.unit and field.type != "percent":
            row.addWidget(QLabel(field.unit.get(lang)))
        elif field.type == "percent":
            row.addWidget(QLabel("%"))
        if compact:
            row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.error)
        if field.help:
            self.editor.setToolTip(field.help.get(lang))

    def _build(self, f: ProfileField) -> QWidget:
        t = f.type
        if t == "text" and (f.max_length or 0) > LONG_TEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
            edit.textChanged.connect(self._changed)
            self._focus_out(edit)
            return edit
        if t in ("text", "uscc", "integer", "decimal", "percent"):
            line = QLineEdit()
            if t == "uscc":
                line.setMaxLength(20)
                line.setPlaceholderText("91330100MA2XXXXXXX")
            elif t in ("integer", "decimal", "percent"):
                line.setAlignment(Qt.AlignmentFlag.AlignRight)
                line.setMaximumWidth(180)
            elif f.max_length:
                line.setMaxLength(f.max_length + 20)  # longer input gets a clear message
            line.textChanged.connect(self._changed)
            line.editingFinished.connect(self.committed)
            return line
        if t == "date":
            date = QDateEdit()
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            date.setDate(QDate.currentDate())
            date.setMaximumWidth(180)
            date.dateChanged.connect(self._changed)
            date.editingFinished.connect(self.committed)
            return date
        if t in ("choice", "yesno"):
            combo = QComboBox()
            combo.addItem("—", None)
            if t == "yesno":
                combo.addItem(self.tr("Yes"), True)
                combo.addItem(self.tr("No"), False)
            else:
                for o in f.options or []:
                    combo.addItem(o.label.get(self.lang), o.id)
            combo.currentIndexChanged.connect(self._changed)
            combo.activated.connect(lambda _i: self.committed.emit())
            return combo
        # multi: check boxes in two columns
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for n, o in enumerate(f.options or []):
            box = QCheckBox(o.label.get(self.lang))
            box.toggled.connect(self._changed)
            box.clicked.connect(lambda _c: self.committed.emit())
            grid.addWidget(box, n // 2, n % 2)
            self.boxes[o.id] = box
        return holder

    def _focus_out(self, edit: QPlainTextEdit) -> None:
        original = edit.focusOutEvent

        def focus_out(event: Any) -> None:
            original(event)
            self.committed.emit()

        edit.focusOutEvent = focus_out  # type: ignore[method-assign]

    def _changed(self, *_args: Any) -> None:
        self.touched = True
        self.edited.emit()

    # ------------------------------------------------------------------ values

    def raw(self) -> Any:
        e = self.editor
        if isinstance(e, QLineEdit):
            return e.text()
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText()
        if isinstance(e, QDateEdit):
            return e.date().toString("yyyy-MM-dd")
        if isinstance(e, QComboBox):
            return e.currentData()
        return [oid for oid, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        e = self.editor
        blockers = [e] + list(getattr(self, "boxes", {}).values())
        for w in blockers:
            w.blockSignals(True)
        try:
            if isinstance(e, QLineEdit):
                e.setText("" if value is None else str(value))
            elif isinstance(e, QPlainTextEdit):
                e.setPlainText("" if value is None else str(value))
            elif isinstance(e, QDateEdit):
                date = QDate.fromString(str(value or ""), "yyyy-MM-dd")
                e.setDate(date if date.isValid() else QDate.currentDate())
            elif isinstance(e, QComboBox):
                index = e.findData(value) if value is not None else 0
                e.setCurrentIndex(max(0, index))
            else:
                chosen = set(value or [])
                for oid, box in self.boxes.items():
                    box.setChecked(oid in chosen)
        finally:
            for w in blockers:
                w.blockSignals(False)

    def check(self, force: bool = False) -> tuple[bool, Any]:
        """Validate; shows the message when the user has touched the field (or ``force``)."""
        raw = self.raw()
        try:
            value = coerce_profile_value(self.field, raw)
        except ValueProblem as problem:
            self.show_error(problem.text(self.lang), force)
            return False, None
        if value is None and self.field.required:
            self.show_error(self.tr("Required"), force)
            return False, None
        self.show_error("", force)
        return True, value

    def show_error(self, message: str, force: bool = False) -> None:
        visible = bool(message) and (self.touched or force)
        self.error.setText(message if visible else "")
        self.error.setVisible(visible)


class ProfileForm(QWidget):
    """All profile fields of an instrument, grouped by the questionnaire's profile groups."""

    validityChanged = Signal(bool)

    def __init__(self, instrument: Instrument, lang: str,
                 save: Callable[[str, Any], str | None] | None = None):
        """``save(field_id, raw)`` (bound mode) returns None or a message; without it the form
        only collects values (new assessment)."""
        super().__init__()
        self.instrument = instrument
        self.lang = lang
        self.save = save
        self.editors: dict[str, FieldEditor] = {}
        self._timers: dict[str, QTimer] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        q = instrument.questionnaire
        groups = [(g.id, g.name.get(lang)) for g in q.profile_groups] or [(None, "")]
        known = {g for g, _ in groups}
        for group_id, group_name in groups:
            fields = [f for f in q.profile
                      if f.group == group_id or (group_id == groups[0][0] and f.group not in known)]
            if not fields:
                continue
            box = QGroupBox(group_name) if group_name else QWidget()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            for f in fields:
                editor = FieldEditor(f, lang)
                self.editors[f.id] = editor
                text = f.label.get(lang) + (" *" if f.required else "")
                label = QLabel(text)
                label.setBuddy(editor.editor)
                if f.help:
                    label.setToolTip(f.help.get(lang))
                form.addRow(label, editor)
                editor.edited.connect(lambda fid=f.id: self._edited(fid))
                editor.committed.connect(lambda fid=f.id: self._commit(fid))
            layout.addWidget(box)
        layout.addStretch(1)

    def set_values(self, profile: dict[str, Any]) -> None:
        for fid, editor in self.editors.items():
            editor.set_value(profile.get(fid))
        self.validityChanged.emit(self.is_valid())

    def _edited(self, field_id: str) -> None:
        ok, _value = self.editors[field_id].check()
        self.validityChanged.emit(self.is_valid())
        if self.save is not None and ok:
            timer = self._timers.get(field_id)
            if timer is None:
                timer = QTimer(self, singleShot=True, interval=600)
                timer.timeout.connect(lambda fid=field_id: self._commit(fid))
                self._timers[field_id] = timer
            timer.start()

    def _commit(self, field_id: str) -> None:
        timer = self._timers.get(field_id)
        if timer is not None:
            timer.stop()
        if self.save is None:
            return
        editor = self.editors[field_id]
        ok, _value = editor.check()
        if not ok:
            return
        message = self.save(field_id, editor.raw())
        if message:
            editor.show_error(message, force=True)

    def flush(self) -> None:
        """Save every pending edit now (before leaving the page)."""
        for fid, timer in list(self._timers.items()):
            if timer.isActive():
                self._commit(fid)

    def is_valid(self) -> bool:
        return all(e.check()[0] for e in self.editors.values())

    def values(self, force: bool = True) -> tuple[dict[str, Any], list[str]]:
        """Raw values of every field and the ids of the invalid ones (messages shown)."""
        raws: dict[str, Any] = {}
        invalid: list[str] = []
        for fid, editor in self.editors.items():
            ok, value = editor.check(force)
            if not ok:
                invalid.append(fid)
            elif value is not None:
                raws[fid] = editor.raw()
        return raws, invalid

    def show_saved(self, field_id: str, value: Any) -> None:
        """A value saved elsewhere, shown unless the user is editing this very field."""
        editor = self.editors.get(field_id)
        if editor is None or editor.editor.hasFocus() or field_id in self._pending():
            return
        if editor.raw() != value:
            editor.set_value(value)

    def _pending(self) -> set[str]:
        return {fid for fid, timer in self._timers.items() if timer.isActive()}

    def show_plan_total(self, field_id: str, total: str | None, items: int) -> None:
        """The project's investment is typed once: while the plan lists items, the profile
        shows their total (read-only) instead of the estimate typed before."""
        editor = self.editors.get(field_id)
        if editor is None:
            return
        editor.editor.setEnabled(total is None)
        if total is not None:
            editor.set_value(total)
            editor.editor.setToolTip(self.tr("The total of the %1 items of the plan; change "
                                             "them on the Plan tab.").replace("%1", str(items)))
        else:
            editor.editor.setToolTip("")

    def focus_field(self, field_id: str) -> None:
        editor = self.editors.get(field_id)
        if editor is not None:
            editor.editor.setFocus()
