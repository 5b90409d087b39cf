"""The change since the firm's previous assessment: index, both stages and every dimension."""

from __future__ import annotations

from dataclasses import dataclass

from .summary import label  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class DimensionChange:
    dimension: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """The change since the firm's previous assessment."""

    previous_id: str
    previous_date: str
    index_before: float | None
    index_after: float | None
    stage_index_before: int | None
    stage_index_after: int | None
    stage_weakest_before: int | None
    stage_weakest_after: int | None
    dimensions: tuple[DimensionChange, ...]

    @property
    def index_delta(self) -> float | None:
        if self.index_before is None or self.index_after is None:
            return None
        return self.index_after - self.index_before
