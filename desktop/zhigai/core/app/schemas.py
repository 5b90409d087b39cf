"""JSON Schemas of the file formats, generated from the models (``zhigai schema``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..assessment.model import Assessment
from ..questionnaire.models import Module, Questionnaire

SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "questionnaire.schema.json": (Questionnaire, "Zhigai questionnaire",
                                  "A questionnaire file (questionnaires/*.yaml)"),
    "module.schema.json": (Module, "Zhigai industry module",
                           "An industry module file (questionnaires/modules/*.yaml)"),
    "assessment.schema.json": (Assessment, "Zhigai assessment",
                               "An assessment saved as JSON"),
}


def schema_of(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
            "description": description, **{k: v for k, v in schema.items()
                                             if k not in ("title", "description")}}


def render(name: str) -> str:
    model, title, description = SCHEMAS[name]
    return json.dumps(schema_of(model, title, description), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = directory / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written
