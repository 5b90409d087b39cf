"""Plan: the roadmap in three horizons with measures to tick into the project, the project's
items, its expected effects and the firm's financial assumptions. Every valid change is saved
at once and flows into supports, financing and the calculator."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.advice.advise import Advice
from ..core.advice.models import Measure
from ..core.advice.official import milestone_line
from ..core.advice.project_step import ProjectStep, describe, step_lines, ties
from ..core.advice.roadmap import HORIZONS
from ..core.assessment.money import WAN
from ..core.assessment.plan import CATEGORY_NAMES, ITEM_CATEGORIES, ProjectItem, ProjectPlan
from ..core.assessment.plan_input import parse_money_input, parse_plan_input, parse_quantity
from ..core.base.numbers import NumberProblem, read_decimal, scaled_text
from ..core.questionnaire.values import ValueProblem
from .controller import SessionController
from .lazy import LazyRefresh
from .pages import scroll_page

Index = QModelIndex | QPersistentModelIndex


def _bundled_advice_data() -> Any:
    from ..core.advice.data import default_advice_data

    return default_advice_data()


def wan(yuan_text: str | None) -> str:
    """Yuan text shown as 万元 without trailing zeros."""
    if yuan_text in (None, ""):
        return ""
    try:
        value = read_decimal(yuan_text) / WAN
    except NumberProblem:
        return str(yuan_text)   # an older file's value: shown as it is, never a failing screen
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


class ItemsModel(QAbstractTableModel):
    """The project items; editing a cell validates it and saves the whole plan."""

    COLUMNS = ("description", "category", "measure", "quantity", "unit_price", "total",
               "supplier")
    problem = Signal(str)

    def __init__(self, controller: SessionController, lang: str):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.items: list[ProjectItem] = []
        self.measures: list[Measure] = []   # the measures that fit the firm's trade
        self.refused = False                # the last value typed was not taken
        self.reload()

    def suggest_label(self) -> str:
        return self.tr("(suggest from the description)")

    def set_measures(self, measures: list[Measure]) -> None:
        self.measures = list(measures)
        self.reload()

    def reload(self) -> None:
        """Show the saved items. Rows are inserted, removed or changed, never reset: a reset
        would close the editor being committed and lose the current cell (Tab would start
        over at the first column)."""
        items = list(self.controller.project().items)
        before = len(self.items)
        if len(items) > before:
            self.beginInsertRows(QModelIndex(), before, len(items) - 1)
            self.items = items
            self.endInsertRows()
        elif len(items) < before:
            self.beginRemoveRows(QModelIndex(), len(items), before - 1)
            self.items = items
            self.endRemoveRows()
        else:
            self.items = items
        if items:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(items) - 1, len(self.COLUMNS) - 1))

    def headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Category"), self.tr("Measure"), self.tr("Quantity"),
                self.tr("Unit price (10k yuan)"), self.tr("Total (10k yuan)"),
                self.tr("Supplier (optional)")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()] != "total":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "category":
                return CATEGORY_NAMES[item.category].get(self.lang) \
                    if role == Qt.ItemDataRole.DisplayRole else item.category
            if column == "measure":
                found = ties(item, {x.id: x for x in self.measures}, self.measures)
                if role == Qt.ItemDataRole.EditRole:
                    return item.measure or ""
                if not found:
                    return self.tr("(none fits: choose one)")
                names = " + ".join(m.name.get(self.lang) for m in found)
                return names + ("" if item.measure == found[0].id
                                else self.tr(" (suggested)"))
            if column == "unit_price":
                return wan(item.unit_price)
            if column == "total":
                return wan(str(item.total))
            if column == "quantity":
                return item.quantity
            return getattr(item, column) or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("quantity", "unit_price",
                                                                    "total"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.COLUMNS[index.column()]
        plan = self.controller.project()
        item = plan.items[index.row()]
        text = str(value).strip()
        self.refused = True
        try:
            if column == "description":
                if not text:
                    raise ValueProblem("the item needs a description", "请填写项目内容")
                item.description = text[:300]
            elif column == "category":
                if text not in ITEM_CATEGORIES:
                    return False
                item.category = text  # type: ignore[assignment]
            elif column == "measure":
                if text and text not in {m.id for m in self.measures}:
                    return False
                item.measure = text or None
            elif column == "quantity":
                item.quantity = parse_quantity(text)
            elif column == "unit_price":
                item.unit_price = parse_money_input("unit_price", text)
            elif column == "supplier":
                item.supplier = text[:200] or None
        except ValueProblem as problem:
            self.problem.emit(problem.text(self.lang))
            return False
        error = self.controller.set_project(plan)
        if error:
            self.problem.emit(error)
            return False
        self.refused = False
        self.reload()               # the total and the suggested measure follow at once
        self.problem.emit("")
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited by choosing from a list: (label, value) pairs from ``choices``."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def choices(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self.choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MeasureDelegate(ChoiceDelegate):
    """Choose the measure an item carries out among those that fit the firm's trade."""

    def __init__(self, lang: str, model: ItemsModel):
        super().__init__(lang)
        self.model = model

    def choices(self) -> list[tuple[str, str]]:
        return [(self.model.suggest_label(), "")] + [
            (m.name.get(self.lang), m.id)
            for m in sorted(self.model.measures, key=lambda m: m.name.get(self.lang))]


class CategoryDelegate(ChoiceDelegate):
    def choices(self) -> list[tuple[str, str]]:
        return [(CATEGORY_NAMES[c].get(self.lang), c) for c in ITEM_CATEGORIES]


class ItemsTable(QTableView):
    """The project's items, edited like a spreadsheet: Tab and Shift+Tab walk the editable
    cells row after row (the computed total is skipped; past the last cell focus leaves the
    table), Enter commits and moves down a row, and on the last row adds an item. Leaving an
    editor with Tab or Enter commits it; a value that is refused keeps its editor open, the
    message beside the table saying why."""

    addRow = Signal()

    def __init__(self, model: ItemsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.items = model
        self._refused = False

    def _step(self, forward: bool) -> QModelIndex:
        """The next (or previous) editable cell in reading order, or none at either end."""
        rows, columns = self.items.rowCount(), self.items.columnCount()
        current = self.currentIndex()
        step = 1 if forward else -1
        if current.isValid():
            position = current.row() * columns + current.column() + step
        else:
            position = 0 if forward else rows * columns - 1
        while 0 <= position < rows * columns:
            index = self.items.index(*divmod(position, columns))
            if index.flags() & Qt.ItemFlag.ItemIsEditable \
                    and not self.isColumnHidden(index.column()):
                return index
            position += step
        return QModelIndex()

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if cursorAction == QAbstractItemView.CursorAction.MoveNext:
            return self._step(True)
        if cursorAction == QAbstractItemView.CursorAction.MovePrevious:
            return self._step(False)
        return super().moveCursor(cursorAction, modifiers)

    def commitData(self, editor: QWidget) -> None:
        self.items.refused = False
        super().commitData(editor)
        self._refused = self.items.refused

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        refused, self._refused = self._refused, False
        Hint = QAbstractItemDelegate.EndEditHint
        if refused and hint in (Hint.EditNextItem, Hint.EditPreviousItem,
                                Hint.SubmitModelCache):
            editor.setFocus()      # stay to correct it: the message says what is wrong
            return
        super().closeEditor(editor, hint)
        if hint == Hint.SubmitModelCache:
            self._enter()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() != QAbstractItemView.State.EditingState:
            self._enter()
            event.accept()
            return
        super().keyPressEvent(event)

    def _enter(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        if current.row() == self.items.rowCount() - 1:
            QTimer.singleShot(0, self.addRow.emit)
        else:
            self.setCurrentIndex(current.sibling(current.row() + 1, current.column()))


# fields of the effects and finance forms: (attribute, section, kind, unit)
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("positions", "effects", "count"),
    ("cost_per_worker", "effects", "wan"),
    ("extra_output", "effects", "wan"),
    ("margin_rate", "effects", "percent"),
    ("scrap_rate_before", "effects", "plain_percent"),
    ("scrap_rate_after", "effects", "plain_percent"),
    ("material_cost", "effects", "wan"),
    ("energy_saving", "effects", "wan"),
    ("running_costs", "effects", "wan"),
    ("life_years", "finance", "count"),
    ("discount_rate", "finance", "percent"),
    ("tax_rate", "finance", "percent"),
    ("ramp_up", "finance", "percent"),
    ("own_funds", "finance", "wan"),
    ("existing_debt_service", "finance", "wan"),
)


class PlanView(LazyRefresh, QScrollArea):
    openSupports = Signal()

    def __init__(self, controller: SessionController, lang: str, advice_source: Any,
                 advice_data: Any = None):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.advice_source = advice_source      # callable returning Advice (or raising)
        self.advice_data = advice_data or _bundled_advice_data
        layout = scroll_page(self)

        title = QLabel(self.tr("Roadmap"))
        title.setObjectName("title")
        layout.addWidget(title)
        self.intro = QLabel(self.tr("Your own project (framed in blue) and the measures for the "
                                    "prioritized gaps, in the order their prerequisites allow. "
                                    "Tick a measure to add it to the project below; costs are "
                                    "indicative ranges for an SME."))
        self.intro.setObjectName("muted")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.columns = QHBoxLayout()
        self.columns.setSpacing(10)
        self.horizon_boxes: list[QVBoxLayout] = []
        for horizon in HORIZONS:
            box = QGroupBox(horizon.get(lang))
            column = QVBoxLayout(box)
            column.setSpacing(6)
            self.horizon_boxes.append(column)
            self.columns.addWidget(box, 1)
        layout.addLayout(self.columns)
        self.done = QLabel()
        self.done.setObjectName("muted")
        self.done.setWordWrap(True)
        layout.addWidget(self.done)
        self.milestones = QLabel()     # supports paid only above an official level
        self.milestones.setObjectName("banner")
        self.milestones.setWordWrap(True)
        self.milestones.hide()
        layout.addWidget(self.milestones)
        self.checks: dict[str, QCheckBox] = {}

        project_title = QLabel(self.tr("Project"))
        project_title.setObjectName("title")
        layout.addWidget(project_title)
        name_row = QHBoxLayout()
        name_label = QLabel(self.tr("Planned project:"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.editingFinished.connect(self._name_changed)
        name_label.setBuddy(self.name)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name, 1)
        layout.addLayout(name_row)
        self.items = ItemsModel(controller, lang)
        self.items.problem.connect(self._show_problem)
        self.table = ItemsTable(self.items)
        self.table.addRow.connect(self._add_item)
        self.table.setItemDelegateForColumn(1, CategoryDelegate(lang))
        self.measure_delegate = MeasureDelegate(lang, self.items)
        self.table.setItemDelegateForColumn(2, self.measure_delegate)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked
                                   | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_item = QPushButton(self.tr("Add item"))
        self.remove_item = QPushButton(self.tr("Remove item"))
        self.add_item.clicked.connect(self._add_item)
        self.remove_item.clicked.connect(self._remove_item)
        self.total = QLabel()
        self.total.setObjectName("subtitle")
        buttons.addWidget(self.add_item)
        buttons.addWidget(self.remove_item)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout.addLayout(buttons)

        forms = QHBoxLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.engineering = QCheckBox(self.tr("Delivered by an engineering-service company"))
        self.engineering.toggled.connect(self._engineering_changed)
        for section, heading in (("effects", self.tr("Expected effects per year")),
                                 ("finance", self.tr("Financial assumptions"))):
            box = QGroupBox(heading)
            form = QFormLayout(box)
            for attribute, where, kind in FIELDS:
                if where != section:
                    continue
                edit = QLineEdit()
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMaximumWidth(160)
                edit.editingFinished.connect(lambda a=attribute: self._field_changed(a))
                self.inputs[attribute] = edit
                row = QHBoxLayout()
                row.addWidget(edit)
                row.addWidget(QLabel(self._unit(kind, attribute)))
                row.addStretch(1)
                label = QLabel(self._label(attribute))
                label.setBuddy(edit)
                form.addRow(label, row)
            if section == "finance":
                form.addRow("", self.engineering)
            forms.addWidget(box, 1)
        layout.addLayout(forms)
        self.field_error = QLabel()
        self.field_error.setObjectName("error")
        self.field_error.setWordWrap(True)
        layout.addWidget(self.field_error)
        layout.addStretch(1)

        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.projectChanged.connect(self.request_refresh)
        self.refresh()

    # ------------------------------------------------------------------ texts

    def _label(self, attribute: str) -> str:
        labels = {
            "positions": self.tr("Positions redeployed"),
            "cost_per_worker": self.tr("Annual cost per worker (with social insurance)"),
            "extra_output": self.tr("Extra sales from higher output"),
            "margin_rate": self.tr("Margin on the extra sales"),
            "scrap_rate_before": self.tr("Scrap rate before"),
            "scrap_rate_after": self.tr("Scrap rate after"),
            "material_cost": self.tr("Material cost the scrap rate applies to"),
            "energy_saving": self.tr("Energy saved"),
            "running_costs": self.tr("Added running costs (maintenance, software, power)"),
            "life_years": self.tr("Project life (years)"),
            "discount_rate": self.tr("Discount rate"),
            "tax_rate": self.tr("Income tax rate"),
            "ramp_up": self.tr("Share of benefits in year 1"),
            "own_funds": self.tr("Own funds available for the project"),
            "existing_debt_service": self.tr("Existing loan repayments per year"),
        }
        return labels[attribute]

    def _unit(self, kind: str, attribute: str) -> str:
        if kind == "wan":
            return self.tr("10k yuan") + (self.tr("/year") if attribute not in ("own_funds",)
                                         else "")
        if kind in ("percent", "plain_percent"):
            return "%"
        if attribute == "positions":
            return self.tr("persons")
        return ""

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        try:
            advice: Advice = self.advice_source()
        except Exception as error:  # broken data files: say so, keep the rest usable
            self.error.setText(error.text(self.lang) if isinstance(error, ValueProblem) else
                               self.tr("The advice data could not be loaded: %1")
                               .replace("%1", str(error)))
            self.error.show()
            return
        self.error.hide()
        plan = self.controller.project()
        ticked = set(plan.measures)
        for column in self.horizon_boxes:
            while column.count():
                widget = column.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
        self.checks.clear()
        instrument = self.controller.session.instrument
        own = advice.roadmap.project
        by_id = {m.id: m for m in advice.roadmap.fitting}
        for index, column in enumerate(self.horizon_boxes):
            steps = list(advice.roadmap.horizon(index))
            mine = own is not None and own.horizon == index
            if not steps and not mine:
                empty = QLabel(self.tr("Nothing in this period."))
                empty.setObjectName("muted")
                column.addWidget(empty)
            before = [s for s in steps if mine and own is not None and s.measure.id in own.after]
            for step in before + [None] + [s for s in steps if s not in before]:  # type: ignore[list-item]
                if step is None:
                    if mine and own is not None:
                        column.addWidget(self._project_card(own, instrument, by_id))
                    continue
                column.addWidget(self._measure_card(step.measure, step.reasons,
                                                    step.measure.id in ticked, instrument))
            column.addStretch(1)
        if advice.roadmap.done:
            names = [m.name.get(self.lang) for m in advice.roadmap.done]
            sep = "、" if self.lang == "zh" else ", "
            shown = sep.join(names[:6]) + (self.tr(" and %1 more").replace(
                "%1", str(len(names) - 6)) if len(names) > 6 else "")
            self.done.setText(self.tr("Already in place: %1").replace("%1", shown))
            self.done.setToolTip("\n".join(names))
        self.done.setVisible(bool(advice.roadmap.done))
        official = advice.official
        self.milestones.setText("\n".join(milestone_line(official, g, self.lang)
                                          for g in advice.gates) if official else "")
        self.milestones.setVisible(bool(official and advice.gates))
        self.items.set_measures(list(advice.roadmap.fitting))
        if not self.name.hasFocus():
            self.name.setText(describe(plan, self._profile_description()))
        total = plan.total()
        estimate = advice.facts.get("total_investment")
        if plan.items or not estimate:
            self.total.setText(self.tr("Total investment: %1 (10k yuan)").replace(
                "%1", wan(str(total))))
        else:
            self.total.setText(self.tr("No items yet: the profile's estimate is %1 (10k yuan). "
                                       "Add the items to detail it.").replace(
                "%1", wan(str(estimate))))
        values = {**plan.effects.model_dump(), **plan.finance.model_dump()}
        values.update(self._from_bank_file(plan))
        for attribute, _section, kind in FIELDS:
            edit = self.inputs[attribute]
            if edit.hasFocus():
                continue
            raw = values.get(attribute)
            if kind == "wan":
                edit.setText(wan(raw) if raw not in (None, "") else "")
            elif kind == "percent":
                edit.setText(scaled_text(raw, 100))
            else:
                edit.setText(str(raw))
        self.inputs["tax_rate"].setToolTip(
            self.tr("Set by the firm's tax status in the Bank file tab") if plan.bank.tax_status
            else self.tr("Leave empty for the general rate of 25%, or choose the firm's tax "
                         "status in the Bank file tab"))
        self.inputs["existing_debt_service"].setToolTip(
            self.tr("The sum of the existing loans listed in the Bank file tab")
            if plan.bank.loans_service() is not None else
            self.tr("Or list the existing loans in the Bank file tab"))
        self.engineering.blockSignals(True)
        self.engineering.setChecked(plan.finance.engineering_company)
        self.engineering.blockSignals(False)

    def _from_bank_file(self, plan: ProjectPlan) -> dict[str, str]:
        """What the bank file decides: the tax rate (from the tax status; without one and
        without a rate, the general rate) and the existing debt service (from the loans).
        Those fields are then read-only."""
        from ..core.advice.project import tax_rate

        out = {"tax_rate": str(tax_rate(plan, self.advice_data().options))}
        self.inputs["tax_rate"].setReadOnly(plan.bank.tax_status is not None)
        service = plan.bank.loans_service()
        if service is not None:
            out["existing_debt_service"] = str(service)
        self.inputs["existing_debt_service"].setReadOnly(service is not None)
        return out

    def _measure_card(self, measure: Measure, reasons: tuple[Any, ...], ticked: bool,
                      instrument: Any) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        check = QCheckBox(measure.name.get(self.lang))
        check.setChecked(ticked)
        check.setStyleSheet("font-weight: bold")
        check.setToolTip(measure.description.get(self.lang))
        check.toggled.connect(lambda on, m=measure: self._tick(m, on))
        self.checks[measure.id] = check
        grid.addWidget(check, 0, 0)
        dim = instrument.dimension_by_id[measure.dimension].name.get(self.lang)
        facts = QLabel(f"{dim} · {measure.from_level}→{measure.to_level} · "
                       + self.tr("%1-%2 (10k yuan, indicative)")
                       .replace("%1", f"{measure.cost.min:g}").replace("%2",
                                                                       f"{measure.cost.max:g}"))
        facts.setObjectName("muted")
        facts.setWordWrap(True)
        grid.addWidget(facts, 1, 0)
        text = QLabel("\n".join("• " + r.get(self.lang) for r in reasons))
        text.setWordWrap(True)
        grid.addWidget(text, 2, 0)
        effects = QLabel(measure.effects.get(self.lang))
        effects.setObjectName("help")
        effects.setWordWrap(True)
        grid.addWidget(effects, 3, 0)
        return card

    def _project_card(self, step: ProjectStep, instrument: Any,
                      by_id: dict[str, Measure]) -> QFrame:
        card = QFrame()
        card.setObjectName("ownProject")
        card.setStyleSheet("QFrame#ownProject { border: 2px solid #2f6db5; border-radius: 6px;"
                           " background: #eef4fb; }")
        box = QVBoxLayout(card)
        title = QLabel("<b>" + self.tr("Your project: %1").replace(
            "%1", step.name or self.tr("(unnamed)")) + "</b>")
        title.setWordWrap(True)
        box.addWidget(title)
        if step.cost:
            cost = QLabel(self.tr("%1 (10k yuan)").replace("%1", wan(str(step.cost))))
            cost.setObjectName("muted")
            box.addWidget(cost)
        text = QLabel("\n".join("• " + t.get(self.lang)
                                for t in step_lines(step, instrument, by_id)))
        text.setWordWrap(True)
        box.addWidget(text)
        return card

    # ------------------------------------------------------------------ editing

    def _save(self, plan: ProjectPlan) -> bool:
        error = self.controller.set_project(plan)
        self._show_problem(error or "")
        return error is None

    def _show_problem(self, message: str) -> None:
        self.field_error.setText(message)

    def _tick(self, measure: Measure, on: bool) -> None:
        plan = self.controller.project()
        if on and measure.id not in plan.measures:
            plan.measures.append(measure.id)
            middle = (Decimal(repr(measure.cost.min)) + Decimal(repr(measure.cost.max))) / 2
            plan.items.append(ProjectItem(description=measure.name.get(self.lang),
                                          category=measure.category, measure=measure.id,
                                          unit_price=str((middle * WAN).quantize(Decimal(1)))))
        elif not on:
            plan.measures = [m for m in plan.measures if m != measure.id]
            plan.items = [i for i in plan.items if i.measure != measure.id]
        self._save(plan)

    def _add_item(self) -> None:
        plan = self.controller.project()
        plan.items.append(ProjectItem(description=self.tr("New item")))
        if self._save(plan):
            self.items.reload()
            index = self.items.index(len(plan.items) - 1, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def _remove_item(self) -> None:
        row = self.table.currentIndex().row()
        plan = self.controller.project()
        if 0 <= row < len(plan.items):
            removed = plan.items.pop(row)
            if removed.measure and not any(i.measure == removed.measure for i in plan.items):
                plan.measures = [m for m in plan.measures if m != removed.measure]
            self._save(plan)

    def _profile_description(self) -> str | None:
        field = self.controller.session.instrument.profile_fields.get("project_description")
        value = self.controller.session.assessment.profile.get(field.id) if field else None
        return None if value is None else str(value)

    def _name_changed(self) -> None:
        """The project's description is one value, kept in the profile (where the owner first
        typed it) and shown here."""
        text = self.name.text().strip()
        if text == describe(self.controller.project(), self._profile_description()):
            return
        if "project_description" in self.controller.session.instrument.profile_fields:
            self._show_problem(self.controller.set_profile("project_description",
                                                           text or None) or "")
            return
        plan = self.controller.project()
        plan.name = text[:200]
        self._save(plan)

    def _engineering_changed(self, on: bool) -> None:
        plan = self.controller.project()
        plan.finance.engineering_company = on
        self._save(plan)

    def _field_changed(self, attribute: str) -> None:
        plan = self.controller.project()
        kind = next(k for a, _s, k in FIELDS if a == attribute)
        section = plan.effects if hasattr(plan.effects, attribute) else plan.finance
        edit = self.inputs[attribute]
        if edit.isReadOnly():
            return
        text = edit.text().strip()
        try:
            if attribute == "tax_rate" and (not text or plan.finance.tax_rate is None and (
                    Decimal(parse_plan_input(attribute, kind, text))
                    == Decimal(self._from_bank_file(plan)["tax_rate"]))):
                value: Any = None       # the general rate (or the tax status's, once chosen)
            elif attribute == "ramp_up" and not text:
                value = "1"
            elif attribute == "own_funds" and not text:
                value = None
            else:
                value = parse_plan_input(attribute, kind, text or "0")
        except ValueProblem as problem:
            self._show_problem(problem.text(self.lang))
            return
        if getattr(section, attribute) == value:
            return
        candidate = section.model_copy(update={attribute: value})
        if section is plan.effects:
            plan.effects = candidate  # type: ignore[assignment]
        else:
            plan.finance = candidate  # type: ignore[assignment]
        self._save(plan)
