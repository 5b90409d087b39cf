"""An official-level estimate in words and as JSON, the same for the command line, the
screen and the report: level names, the path to the next level in plain sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..base.prose import bare
from ..questionnaire.instrument import Instrument
from .lens import LensResult
from .lens_model import Lens
from .lens_path import ItemStep, LevelPath

MeasureNames = Callable[[str], list[str]]
#: score steps named in a sentence; the rest are counted
MAX_STEPS_SHOWN = 4


def level_name(lens: Lens, level: int, lang: str) -> str:
    rule = next((r for r in lens.levels if r.level == level), None)
    if rule is None:
        return "未达一级" if lang == "zh" else "below level 1"
    return rule.name.get(lang)


def unanswered(result: LensResult, instrument: Instrument) -> list[str]:
    """The questions the estimate still needs that this questionnaire version asks."""
    return [q for q in result.unknown if q in instrument.by_id]


def unanswered_names(result: LensResult, instrument: Instrument, lang: str) -> str:
    """Their short labels, joined in the language ("" when none)."""
    names = [bare((instrument.by_id[q].short or instrument.by_id[q].text).get(lang))
             for q in unanswered(result, instrument)]
    return ("、" if lang == "zh" else ", ").join(names)


def scenario_level_name(level: int, lang: str) -> str:
    if lang == "zh":
        return "—" if level == 0 else "一二三四"[level - 1] + "级"
    return "—" if level == 0 else f"L{level}"


def points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def estimate_line(result: LensResult, lang: str) -> str:
    """预估等级：一级 — with what unknown answers could still change, and the caveat."""
    lens = result.lens
    name = level_name(lens, result.level, lang)
    unknown = len(result.unknown)
    if lang == "zh":
        line = f"预估等级：{name}（三部分得分 {points(result.score)} / 100）"
        if result.level_possible > result.level:
            line += (f"；还有相关题目没有回答或没有问到（{unknown} 道会影响结果），答完后最高可能为"
                     f"{level_name(lens, result.level_possible, lang)}")
        return line + f"。{lens.label.get(lang)}。"
    line = f"Estimated level: {name} (score of the three parts {points(result.score)} / 100)"
    if result.level_possible > result.level:
        line += (f"; related questions are unanswered or not asked ({unknown} of them matter), "
                 f"and answered they could give up to "
                 f"{level_name(lens, result.level_possible, lang)}")
    return line + f". {lens.label.get(lang)}."


def step_text(step: ItemStep, lang: str) -> str:
    item = step.item
    if step.option is None:
        what = (f"{item.name.get(lang)}超过 {points(step.above or 0)}%" if lang == "zh"
                else f"{item.name.get(lang)} above {points(step.above or 0)}%")
    else:
        option = next(o for o in item.options if o.id == step.option)
        what = f"{item.name.get(lang)}：{option.label.get(lang)}" if lang == "zh" \
            else f"{item.name.get(lang)}: {option.label.get(lang)}"
    return f"{what}（+{points(step.points)} 分）" if lang == "zh" \
        else f"{what} (+{points(step.points)} points)"


def path_sentences(result: LensResult, path: LevelPath | None, lang: str,
                   measures: MeasureNames | None = None) -> list[str]:
    """The shortest path to the next level, one sentence per condition still missing."""
    lens = result.lens
    zh = lang == "zh"
    if path is None:
        return ["已是最高一级。" if zh else "This is the top level."]
    target = level_name(lens, path.target.level, lang)
    if path.reached:
        return [f"达到{target}的条件都已满足。" if zh else f"Every condition of {target} is met."]
    out: list[str] = []
    if path.score_gap > 0:
        shown = [step_text(s, lang) for s in path.item_steps[:MAX_STEPS_SHOWN]]
        more = len(path.item_steps) - len(shown)
        if more > 0:
            shown.append(f"另 {more} 项" if zh else f"{more} more")
        steps = "；".join(shown) if zh else "; ".join(shown)
        short = sum(s.points for s in path.item_steps) + 1e-9 < path.score_gap
        if zh:
            out.append(f"三部分得分还差 {points(path.score_gap)} 分（现在 {points(result.score)}，"
                       f"{target}需要 {points(path.target.min_score)}）"
                       + (f"，最快的做法：{steps}" if steps else "")
                       + ("；其余取决于还没有回答的题目" if short and result.unknown else "")
                       + "。")
        else:
            out.append(f"{points(path.score_gap)} more points are needed (now "
                       f"{points(result.score)}, {target} needs "
                       f"{points(path.target.min_score)})"
                       + (f"; the quickest way: {steps}" if steps else "")
                       + ("; the rest depends on questions not yet answered"
                          if short and result.unknown else "") + ".")
    if path.scenario_steps:
        need = path.target.scenarios
        names = []
        for s in path.scenario_steps:
            name = s.result.scenario.name.get(lang) + (("★" if zh else "*")
                                                        if s.result.scenario.constraint else "")
            now = scenario_level_name(s.result.level, lang)
            found = measures(f"scenario:{s.result.scenario.id}") if measures else []
            via = ("，可通过" + "、".join(found) if zh else ", through " + " or ".join(found)) \
                if found else ""
            names.append(f"{name}（现在{now}{via}）" if zh else f"{name} (now {now}{via})")
        level = scenario_level_name(need.level, lang)
        if zh:
            head = f"还需要 {len(path.scenario_steps)} 个场景达到{level}"
            if path.constraint_short:
                head += f"，其中约束性场景（★）{path.constraint_short} 个"
            out.append(head + "：" + "；".join(names) + "。")
        else:
            head = f"{len(path.scenario_steps)} more scenarios must reach {level}"
            if path.constraint_short:
                head += f", {path.constraint_short} of them constraint scenarios (*)"
            out.append(head + ": " + "; ".join(names) + ".")
    return out


def as_dict(result: LensResult, path: LevelPath | None, instrument: Instrument
            ) -> dict[str, Any]:
    """The estimate as JSON (``zhigai score --lens … --json``)."""
    lens = result.lens
    return {
        "lens": {"id": lens.id, "version": lens.version, "name": lens.name.zh,
                 "label": lens.label.zh, "source": lens.source.document.zh,
                 "url": lens.source.url},
        "score": result.score, "score_possible": result.score_possible,
        "level": result.level, "level_possible": result.level_possible,
        "complete": result.complete,
        "parts": [{"id": p.part.id, "points": p.points, "of": p.part.points,
                   "possible": p.possible} for p in result.parts],
        "items": [{"id": r.item.id, "part": r.item.part, "points": r.points,
                   "of": r.item.points, "met": [m for m in r.met if m], "rate": r.rate,
                   "from_counts": r.from_counts, "unknown": list(r.unknown)}
                  for r in result.items],
        "scenarios": [{"id": s.scenario.id, "constraint": s.scenario.constraint,
                       "level": s.level, "possible": s.possible}
                      for s in result.scenarios],
        "counts": {str(level): dict(zip(("scenarios", "constraint"), result.counts(level),
                                        strict=True)) for level in (1, 2, 3, 4)},
        "unanswered": [q for q in result.unknown if q in instrument.by_id],
        "not_asked": list(result.not_asked),
        "next": None if path is None else {
            "level": path.target.level, "score_gap": path.score_gap,
            "item_steps": [{"item": s.item.id, "option": s.option, "points": s.points}
                           for s in path.item_steps],
            "scenarios_short": path.scenarios_short,
            "constraint_short": path.constraint_short,
            "scenario_steps": [{"scenario": s.result.scenario.id, "from": s.result.level,
                                "to": s.target} for s in path.scenario_steps]},
    }
