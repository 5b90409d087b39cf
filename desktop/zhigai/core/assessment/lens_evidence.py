"""The on-site evidence checklist of an official-level lens: per indicator (scored item or
scenario) the materials a rater asks for, which of them the expert saw, and the completeness
per part (the scenarios count as one more part, 数字化经营)."""

from __future__ import annotations

from dataclasses import dataclass

from ..base.i18n import Text
from .lens_model import Lens, Material
from .model import Assessment

#: the scenarios, shown as one part beside the scored ones
SCENARIO_PART = "scenarios"
SCENARIO_PART_NAME = Text(zh="数字化经营（场景）", en="Digital operations (scenarios)")


def evidence_key(lens: Lens, indicator_id: str) -> str:
    """Where an indicator's note, photos and ticks are kept in ``Assessment.evidence``."""
    return f"{lens.id}:{indicator_id}"


@dataclass(frozen=True)
class Indicator:
    id: str
    part: str                         # a part id, or SCENARIO_PART
    name: Text
    materials: tuple[Material, ...]


@dataclass(frozen=True)
class Completeness:
    part: str
    name: Text
    seen: int                         # materials ticked
    total: int                        # materials asked for
    with_photos: int                  # indicators with at least one photo

    @property
    def share(self) -> float:
        return 0.0 if self.total == 0 else self.seen / self.total


def indicators(lens: Lens) -> list[Indicator]:
    """Every indicator with materials, scored items first (in lens order), then scenarios."""
    out = [Indicator(i.id, i.part, i.name, tuple(i.evidence)) for i in lens.items]
    out += [Indicator(s.id, SCENARIO_PART, s.name, tuple(s.evidence)) for s in lens.scenarios]
    return [i for i in out if i.materials]


def seen(lens: Lens, assessment: Assessment, indicator: Indicator) -> set[str]:
    found = assessment.evidence.get(evidence_key(lens, indicator.id))
    ids = {m.id for m in indicator.materials}
    return set(found.checked) & ids if found else set()


def completeness(lens: Lens, assessment: Assessment) -> list[Completeness]:
    """Materials seen of those asked for, per part and for the scenarios."""
    names = {p.id: p.name for p in lens.parts} | {SCENARIO_PART: SCENARIO_PART_NAME}
    out = []
    every = indicators(lens)
    for part, name in names.items():
        mine = [i for i in every if i.part == part]
        photos = sum(1 for i in mine
                     if (e := assessment.evidence.get(evidence_key(lens, i.id))) and e.photos)
        out.append(Completeness(part, name, sum(len(seen(lens, assessment, i)) for i in mine),
                                sum(len(i.materials) for i in mine), photos))
    return out
