"""The tables of the bank file: the firm's financial years, its existing loans and the
subsidies it has received. Editing a cell checks the value (a message names the field and
the value when it is refused, and nothing is saved) and saves the whole plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..core.assessment.bank_file import BankFile, ExistingLoan, FinancialYear, SubsidyReceived
from ..core.assessment.money import yuan
from ..core.assessment.plan import ProjectPlan
from ..core.base.numbers import NumberProblem, read_within, scaled_text
from ..core.questionnaire.values import ValueProblem
from .controller import SessionController
from .plan_view import wan

Index = QModelIndex | QPersistentModelIndex
MAX_YEARS = 5          # BankFile.years holds at most five


@dataclass(frozen=True)
class Column:
    key: str           # the attribute of the row
    kind: str          # "wan", "signed_wan", "percent", "year", "text" or "label" (read-only)
    header: str        # in the interface's language
    optional: bool = True
    empty: Any = None  # stored when the cell is emptied (optional columns)
    max_length: int = 200


class BankRows(QAbstractTableModel):
    """One table of the bank file. Subclasses say which rows it shows, where a row is (for
    messages) and how a value is stored."""

    problem = Signal(str)      # "" when the last edit was saved

    def __init__(self, controller: SessionController, lang: str, columns: list[Column]):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.columns = columns
        self.rows: list[Any] = []
        self.reload()

    # ------------------------------------------------------------------ for subclasses

    def items(self, bank: BankFile) -> list[Any]:
        """The bank file's list this table edits."""
        raise NotImplementedError

    def rows_of(self, bank: BankFile) -> list[Any]:
        return list(self.items(bank))

    def where(self, row: int, item: Any) -> str:
        """The row named in a message, e.g. "Financial year 2025"."""
        raise NotImplementedError

    def put(self, bank: BankFile, row: int, key: str, value: Any) -> str | None:
        """Store ``value``; a message when it cannot be stored."""
        setattr(self.items(bank)[row], key, value)
        return None

    # ------------------------------------------------------------------ the model

    def reload(self) -> None:
        rows = self.rows_of(self.controller.project().bank)
        if len(rows) == len(self.rows) and rows:
            self.rows = rows    # same shape: keep the current cell (and Tab moving on)
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind != "label":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.shown(getattr(self.rows[index.row()], column.key), column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def shown(value: Any, kind: str) -> str:
        if value in (None, ""):
            return ""
        if kind in ("wan", "signed_wan"):
            return wan(str(value))
        if kind == "percent":
            return scaled_text(value, 100)
        return str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        text = str(value).strip()
        if text == self.data(index):
            return True
        field = f"{self.where(index.row(), self.rows[index.row()])}, {column.header}"
        try:
            parsed = self.parse(column, text, field)
        except ValueProblem as problem:
            self.problem.emit(problem.text(self.lang))
            return False
        plan = self.controller.project()
        refused = self.put(plan.bank, index.row(), column.key, parsed)
        if refused is None:
            refused = save(self.controller, plan, self.tr(
                "Bank file: the value at %1 is not accepted (%2)"))
        self.problem.emit(refused or "")
        if refused:
            return False
        self.reload()
        return True

    def parse(self, column: Column, text: str, field: str) -> Any:
        """The value to store for ``text`` typed in ``column``; raises ValueProblem (in the
        interface's language) naming ``field`` and the value."""
        if not text and column.optional:
            return column.empty
        if column.kind in ("wan", "signed_wan"):
            return str(yuan(text, field, unit="wan", allow_negative=column.kind == "signed_wan"))
        if column.kind == "percent":
            try:
                number = read_within(text, field, 0, 36, unit="%")
            except NumberProblem:
                raise self._problem(self.tr("%1: '%2' is not a rate; enter a percentage from 0 "
                                            "to 36"), field, text) from None
            return f"{(number / 100).normalize():f}"
        if column.kind == "year":
            if not (text.isdigit() and 1990 <= int(text) <= 2100):
                raise self._problem(self.tr("%1: '%2' is not a year; enter a year such as 2025"),
                                    field, text)
            return int(text)
        if not text:
            raise self._problem(self.tr("%1: this cannot be empty"), field, text)
        return text[:column.max_length]

    def _problem(self, template: str, field: str, text: str) -> ValueProblem:
        message = template.replace("%1", field).replace("%2", text)
        return ValueProblem(message, message)


def save(controller: SessionController, plan: ProjectPlan, refused: str) -> str | None:
    """Check the bank file as the file format does (lengths, ranges: the session checks the
    values, not the shape), then save the plan; the message when refused (``refused``: "%1"
    where, "%2" why)."""
    try:
        BankFile.model_validate(plan.bank.model_dump())
    except ValidationError as error:
        first = error.errors()[0]
        where = " / ".join(str(part) for part in first["loc"])
        return refused.replace("%1", where).replace("%2", str(first["msg"]))
    return controller.set_project(plan)


def has_content(item: BaseModel, blank: BaseModel) -> bool:
    """Whether a row holds anything beyond what a new row starts with."""
    return item.model_dump() != blank.model_dump()


class YearsModel(BankRows):
    """The firm's accounts for the years a bank asks for (the three before the assessment
    year, and any other year already saved)."""

    def __init__(self, controller: SessionController, lang: str, columns: list[Column],
                 years: list[int]):
        self.years = years
        super().__init__(controller, lang, columns)

    def set_years(self, years: list[int]) -> None:
        if years != self.years:
            self.years = years
            self.reload()

    def items(self, bank: BankFile) -> list[Any]:
        return bank.years

    def rows_of(self, bank: BankFile) -> list[Any]:
        saved = {y.year: y for y in bank.years}
        return [saved.get(year) or FinancialYear(year=year)
                for year in sorted(set(self.years) | set(saved))]

    def where(self, row: int, item: Any) -> str:
        return self.tr("Financial year %1").replace("%1", str(item.year))

    def put(self, bank: BankFile, row: int, key: str, value: Any) -> str | None:
        year = self.rows[row].year
        entry = next((y for y in bank.years if y.year == year), None)
        if entry is None:
            if value is None:
                return None
            if len(bank.years) >= MAX_YEARS:
                return self.tr("At most five financial years can be kept: clear a year that "
                               "is no longer needed first")
            entry = FinancialYear(year=year)
            bank.years.append(entry)
            bank.years.sort(key=lambda y: y.year)
        setattr(entry, key, value)
        if not any(getattr(entry, k) is not None for k in FinancialYear.model_fields
                   if k != "year"):
            bank.years.remove(entry)      # an empty year is not kept
        return None


class LoansModel(BankRows):
    def items(self, bank: BankFile) -> list[Any]:
        return bank.loans

    def where(self, row: int, item: Any) -> str:
        return self.tr("Existing loan %1").replace("%1", str(row + 1))

    @staticmethod
    def blank() -> ExistingLoan:
        return ExistingLoan()


class SubsidiesModel(BankRows):
    def items(self, bank: BankFile) -> list[Any]:
        return bank.subsidies

    def where(self, row: int, item: Any) -> str:
        return self.tr("Subsidy received %1").replace("%1", str(row + 1))

    def blank(self, year: int) -> SubsidyReceived:
        return SubsidyReceived(programme=self.tr("New subsidy"), amount="0", year=year)
