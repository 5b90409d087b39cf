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
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.questionnaire.instrument import Instrument
from ..core.questionnaire.models import ProfileField
from ..core.questionnaire.values import ValueProblem, coerce_profile_value
from ..core.session.impact import ProfileChange
from .date_field import DateField

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
            date = DateField()   # one Tab stop with a calendar; typing never changes it
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
        if isinstance(e, DateField):
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
            elif isinstance(e, DateField):
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
                 save: Callable[[str, Any], str | None] | None = None,
                 impact: Callable[[str, Any], ProfileChange] | None = None):
        """``save(field_id, raw)`` (bound mode) returns None or a message; without it the form
        only collects values (new assessment). ``impact(field_id, raw)``: what saving would
        hide; the form asks first when a module or answered questions would be hidden."""
        super().__init__()
        self.instrument = instrument
        self.lang = lang
        self.save = save
        self.impact = impact
        self.editors: dict[str, FieldEditor] = {}
        self._timers: dict[str, QTimer] = {}
        self._saved: dict[str, Any] = {}   # the value last saved of each field (to go back)
        self._held: set[str] = set()       # typed values that wait for the user to finish
        self._asking = False
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
            self._saved[fid] = profile.get(fid)
        self.validityChanged.emit(self.is_valid())

    def _edited(self, field_id: str) -> None:
        ok, _value = self.editors[field_id].check()
        self.validityChanged.emit(self.is_valid())
        if self.save is not None and ok:
            timer = self._timers.get(field_id)
            if timer is None:
                timer = QTimer(self, singleShot=True, interval=600)
                timer.timeout.connect(lambda fid=field_id: self._commit(fid, final=False))
                self._timers[field_id] = timer
            timer.start()

    def _commit(self, field_id: str, final: bool = True) -> None:
        """Save the field; ``final``: the user finished (not the pause after typing)."""
        timer = self._timers.get(field_id)
        if timer is not None:
            timer.stop()
        if self.save is None or self._asking:
            return
        editor = self.editors[field_id]
        ok, _value = editor.check()
        if not ok:
            return
        raw = editor.raw()
        if not self._may_hide(field_id, raw, final):
            return
        message = self.save(field_id, raw)
        if message:
            editor.show_error(message, force=True)
        else:
            self._saved[field_id] = raw

    def _may_hide(self, field_id: str, raw: Any, final: bool) -> bool:
        """True to save; when saving would hide a module or answered questions, asks first
        (a typed value: once the user finishes typing) and on No shows the saved value."""
        self._held.discard(field_id)
        if self.impact is None:
            return True
        try:
            change = self.impact(field_id, raw)
        except (ValueProblem, KeyError):
            return True   # the save says what is wrong
        if not change.hides_anything:
            return True
        editor = self.editors[field_id]
        if not final and isinstance(editor.editor, (QLineEdit, QPlainTextEdit)):
            self._held.add(field_id)
            return False
        self._asking = True
        try:
            yes = self.ask_hide(editor.field, change)
        finally:
            self._asking = False
        if not yes:
            editor.set_value(self._saved.get(field_id))
            editor.check()
            self.validityChanged.emit(self.is_valid())
        return yes

    def ask_hide(self, field: ProfileField, change: ProfileChange) -> bool:
        """Yes to save a change that hides questions (their answers are kept)."""
        lang = self.lang
        new, old = self._shown(field, change.new), self._shown(field, change.old)
        count, kept = str(len(change.hidden)), str(change.kept_answers)
        if change.removed_modules:
            names = ("、" if lang == "zh" else ", ").join(m.title.get(lang)
                                                          for m in change.removed_modules)
            if change.kept_answers:
                text = self.tr("After the change to %1, the %2 questions of the %3 will be "
                               "hidden; the %4 answers already given are kept and come back "
                               "when you change back to %5.")
            else:
                text = self.tr("After the change to %1, the %2 questions of the %3 will be "
                               "hidden (none of them is answered yet); change back to %5 to "
                               "show them again.")
            text = text.replace("%3", names)
        else:
            text = self.tr("After changing %6 to %1, %2 questions will be hidden; the %4 "
                           "answers already given are kept and come back when you change "
                           "back to %5.").replace("%6", field.label.get(lang))
        text = text.replace("%2", count).replace("%4", kept).replace("%5", old) \
            .replace("%1", new)
        title = self.tr("Change %1?").replace("%1", field.label.get(lang))
        self.hide_question = text  # what was asked (tests, the screenshot)
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _shown(self, field: ProfileField, value: Any) -> str:
        """A stored value as the form shows it (an option's label, Yes or No)."""
        if value is None or value == "" or value == []:
            return self.tr("(empty)")
        if field.type == "yesno":
            return self.tr("Yes") if value else self.tr("No")
        labels = {o.id: o.label.get(self.lang) for o in field.options or []}
        if isinstance(value, list):
            return ("、" if self.lang == "zh" else ", ").join(labels.get(v, str(v))
                                                              for v in value)
        return labels.get(value, str(value)) if isinstance(value, str) else str(value)

    def flush(self) -> None:
        """Save every pending edit now (before leaving the page)."""
        for fid, timer in list(self._timers.items()):
            if timer.isActive() or fid in self._held:
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
        if editor is None:
            return
        self._saved[field_id] = value
        if editor.editor.hasFocus() or field_id in self._pending():
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
