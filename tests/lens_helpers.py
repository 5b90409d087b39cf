"""Helpers the lens tests share: answers from keyword values, an item's or a scenario's
result, the bundled lens file."""

from __future__ import annotations

from typing import Any

from zhigai.core.assessment.model import Answer
from zhigai.core.base.resources import templates_dir

LENS_FILE = templates_dir() / "lenses" / "miit-2024.yaml"


def answers(**values: Any) -> dict[str, Answer]:
    return {k: Answer(value=v) for k, v in values.items()}


def item(result: Any, item_id: str) -> Any:
    return next(r for r in result.items if r.item.id == item_id)


def scenario(result: Any, scenario_id: str) -> Any:
    return next(s for s in result.scenarios if s.scenario.id == scenario_id)
