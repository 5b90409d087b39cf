"""Hostile assessments for the fuzz tests: real assessments (the examples and the reference
firms) with one or a few values replaced by what a fuzzer, a hand edit or a forger writes.

Every case is (category, label, JSON text). The generator is seeded, so a failure names a case
that can be made again: ``cases(seed)`` in the same order every time.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def bases() -> list[dict[str, Any]]:
    """The assessments the cases start from (each with a project, most with answers)."""
    files = sorted((ROOT / "examples").glob("*.json"))
    files += sorted((ROOT / "examples" / "reference").glob("*/assessment.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


#: what a number field may be given; the text ones as a person or a forger types them
NUMBERS: tuple[Any, ...] = (
    "", " ", "abc", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e999999999", "1E5", "5e2",
    "-0", "-0.00", "٣", "１２", "12,5", "1,234", "1 234", "0x10", "+5", "1_000", "−3", "五",
    "12.5.1", ".", "-", "9" * 40, "0.0000001", "-1", "-90", "700", "1e-7", "00012",
    0, -1, -0.0, 0.5, 1.5, 7, 100, 101, 1000000, 10 ** 15, 10 ** 29, -10 ** 20, 1e308, -1e308,
    5e-324, True, False, None, [], {}, [1], {"a": 1},
)
#: what a text field may be given
TEXTS: tuple[Any, ...] = (
    "", "\ud800", "a\udfffb", "a\x00b", "x" * 30000, "../../etc/passwd", "C:\\Windows",
    "<script>", "中国人民银行杭州中心支行", "\u202eevil", 12, True, None, [], {"x": "y"},
    "2026-13-45", "yesterday", "9999-12-31T23:59:59", "0000-00-00",
)
#: whole subtrees
STRUCTURES: tuple[Any, ...] = (nested(40), nested(500), [[]] * 50, {"k" * 300: 1},
                               {"\ud800": 1}, list(range(2000)))


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into ``node`` (the empty one first), depth first."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))


def _put(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    parent: Any = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value


def _text(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=True)  # lone surrogates as \\ud800 escapes


def _values(doc: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value below the top with its path."""
    for path in paths(doc):
        if path:
            parent: Any = doc
            for key in path[:-1]:
                parent = parent[key]
            yield path, parent[path[-1]]


def _numbers(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Paths of the values meant as numbers: money, rates, counts, numeric profile values and
    answers."""
    return [path for path, value in _values(doc)
            if not isinstance(value, (bool, dict, list)) and value is not None and (
                isinstance(value, (int, float)) or (isinstance(value, str) and value.replace(
                    ".", "", 1).lstrip("-").isdigit()))]


def _strings(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [path for path, value in _values(doc) if isinstance(value, str)]


def cases(seed: int = 19, per_kind: int = 1000) -> Iterator[tuple[str, str, str]]:
    """``per_kind`` cases of each category, cycling through the bases."""
    rng = random.Random(seed)
    docs = bases()
    number_paths = [_numbers(d) for d in docs]
    string_paths = [_strings(d) for d in docs]
    all_paths = [[p for p in paths(d) if p] for d in docs]
    for n in range(per_kind):
        i = n % len(docs)
        # numbers: every number-like value given every hostile number, in turn
        doc = copy.deepcopy(docs[i])
        path = number_paths[i][n // len(docs) % len(number_paths[i])]
        value = NUMBERS[n * 13 % len(NUMBERS)]   # 13: every value within any 55 cases
        _put(doc, path, value)
        yield "number", f"{'.'.join(map(str, path))}={value!r:.40}", _text(doc)
        # texts
        doc = copy.deepcopy(docs[i])
        path = string_paths[i][rng.randrange(len(string_paths[i]))]
        value = TEXTS[n % len(TEXTS)]
        _put(doc, path, value)
        yield "text", f"{'.'.join(map(str, path))}={value!r:.40}", _text(doc)
        # structure: any value replaced by a number, a text or a whole subtree
        doc = copy.deepcopy(docs[i])
        path = all_paths[i][rng.randrange(len(all_paths[i]))]
        pool = (NUMBERS, TEXTS, STRUCTURES)[n % 3]
        value = pool[rng.randrange(len(pool))]
        _put(doc, path, value)
        yield "structure", f"{'.'.join(map(str, path))}={str(value)[:40]!r}", _text(doc)
        # semantic: the project and the profile, where the meaning is
        doc = copy.deepcopy(docs[i])
        yield "semantic", *_semantic(doc, rng, n)
        # collisions: the same ids twice, ids that name something else
        doc = copy.deepcopy(docs[i])
        yield "collision", *_collision(doc, docs[(i + 1) % len(docs)], rng, n)


def _semantic(doc: dict[str, Any], rng: random.Random, n: int) -> tuple[str, str]:
    project = doc.get("project") or {}
    doc["project"] = project
    targets: list[tuple[Any, ...]] = [("profile", k) for k in doc.get("profile", {})]
    for section in ("effects", "finance"):
        targets += [("project", section, k) for k in project.get(section, {})]
    for j, _item in enumerate(project.get("items", [])):
        targets += [("project", "items", j, k) for k in ("quantity", "unit_price", "category",
                                                         "measure", "description")]
    targets += [("project", "finance", "overrides"), ("project", "measures"),
                ("project", "catalogues"), ("project", "finance", "chosen")]
    path = targets[rng.randrange(len(targets))]
    special: tuple[Any, ...] = (
        {"bank_loan": {"rate": "abc"}}, {"bank_loan": {"years": "0"}},
        {"bank_loan": {"nonsense": "1"}}, {"x": {"rate": "0.05"}}, ["no_such_measure"],
        ["no_such_catalogue"], "no_such_option", "-0.9", "-2", "7", "0.51", "1.01")
    pool = NUMBERS + TEXTS + special
    value = pool[rng.randrange(len(pool))]
    parent: Any = doc
    for key in path[:-1]:
        parent = parent.setdefault(key, {}) if isinstance(parent, dict) else parent[key]
    parent[path[-1]] = value
    return f"{'.'.join(map(str, path))}={str(value)[:40]!r}", _text(doc)


def _collision(doc: dict[str, Any], other: dict[str, Any], rng: random.Random,
               n: int) -> tuple[str, str]:
    kind = n % 6
    audit = doc.setdefault("audit", [])
    entry = {"id": "0f0e7c1a-7d1d-4f55-9c3e-5f3d1e2a9b10", "at": "2026-11-20T10:00:00+08:00",
             "who": "x", "machine": "", "field": "answer.q1", "old": None, "new": None}
    if kind == 0:
        audit += [dict(entry), dict(entry)]
        label = "the same audit id twice"
    elif kind == 1:
        doc["previous_id"] = doc["id"]
        label = "previous_id names itself"
    elif kind == 2:
        doc["previous_id"] = other["id"]
        label = "previous_id names another firm's assessment"
    elif kind == 3:
        doc["id"] = rng.choice(["", "../x", "a" * 100, "a b", "\ud800"])
        label = f"id {doc['id']!r:.20}"
    elif kind == 4:
        audit.append({**entry, "at": rng.choice(["", "soon", "2026-02-30", "9" * 40])})
        label = "an audit time that is not a time"
    else:
        doc["evidence"] = {"q" * 300: {"note": "x"}, **doc.get("evidence", {})}
        label = "an evidence key of 300 characters"
    return label, _text(doc)
