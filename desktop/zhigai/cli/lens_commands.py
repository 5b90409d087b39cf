"""``zhigai score FILE --lens miit-2024``: the official level estimated from the same answers,
each part and scenario, the counts the level rule asks for, and the path to the next level."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .commands import _advice_of, _err, _lang, width


def cmd_lens(args: argparse.Namespace) -> int:
    from ..core.assessment.lens_text import as_dict

    got = _advice_of(args)
    if got is None:
        return 1
    assessment, instrument, advice = got
    lang = _lang(args)
    official = advice.official
    if official is None or official.today.lens.id != args.lens:
        _err(f"no lens '{args.lens}' fits questionnaire {instrument.questionnaire.id}; "
             "installed: miit-2024")
        return 1
    if args.json:
        out = as_dict(official.today, official.path, instrument)
        out["assessment"] = assessment.id
        out["after_project"] = None if official.after is None else {
            "level": official.after.level, "score": official.after.score}
        out["gates"] = [{"policy": g.policy.id, "level": g.level, "before": g.before,
                         "after": g.after, "status": g.status} for g in advice.gates]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(render_lens(advice, instrument, lang))
    return 0


def _pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


def render_lens(advice: Any, instrument: Any, lang: str) -> str:
    from ..core.assessment.lens_text import (
        estimate_line,
        level_name,
        path_sentences,
        points,
        scenario_level_name,
        unanswered_names,
    )

    zh = lang == "zh"
    official = advice.official
    r = official.today
    lens = r.lens
    lines = [lens.name.get(lang), lens.source.document.get(lang), ""]
    lines.append("各部分得分" if zh else "Parts")
    for p in r.parts:
        lines.append(f"  {_pad(p.part.name.get(lang), 14)} {points(p.points):>6} / "
                     f"{points(p.part.points)}")
    lines.append(f"  {_pad('合计' if zh else 'Total', 14)} {points(r.score):>6} / 100")
    lines += ["", "数字化经营场景（★ 约束性场景）" if zh else "Scenarios (* constraint)"]
    for s in r.scenarios:
        mark = ("★" if zh else "*") if s.scenario.constraint else " "
        more = ""
        if s.possible > s.level:
            more = f"  (未答完，最高{scenario_level_name(s.possible, lang)})" if zh else \
                f"  (unanswered, up to {scenario_level_name(s.possible, lang)})"
        lines.append(f"  {mark} {_pad(s.scenario.name.get(lang), 14)} "
                     f"{scenario_level_name(s.level, lang)}{more}")
    lines.append("")
    def ln(level: int) -> str:
        return level_name(lens, level, lang)

    for rule in lens.levels:
        need = rule.scenarios
        count, constraint = r.counts(need.level)
        at = scenario_level_name(need.level, lang)
        lines.append(
            (f"  {rule.name.get(lang)}：得分 ≥{points(rule.min_score)}，≥{need.count} 个场景"
             f"达到{at}（其中约束性 ≥{need.constraint}）；"
             f"现在 {count} 个（约束性 {constraint} 个）")
            if zh else
            (f"  {rule.name.get(lang)}: score >= {points(rule.min_score)}, >= {need.count} "
             f"scenarios at {at} (>= {need.constraint} constraint); now {count} "
             f"({constraint} constraint)"))
    lines += ["", estimate_line(r, lang)]
    if r.not_asked:
        lines.append("本评估用的问卷版本没有问到工信部评测需要的部分题目（1.2 版才有），"
                     "这些指标按未知处理。" if zh else
                     "The questionnaire version of this assessment does not ask some of the "
                     "questions the MIIT rating needs (added in 1.2); those indicators count "
                     "as unknown.")
    names = unanswered_names(r, instrument, lang)
    if names:
        lines.append(("未回答：" if zh else "Unanswered: ") + names)
    if official.after is not None:
        after = official.after
        lines.append(f"项目完成后预估：{ln(after.level)}（得分 {points(after.score)}）" if zh else
                     f"After the project (estimate): {ln(after.level)} "
                     f"(score {points(after.score)})")
    lines += ["", "到下一级的最短路径" if zh else "Shortest path to the next level"]

    def measure_names(key: str) -> list[str]:
        return [m.name.get(lang) for m in official.measures_for(key)]

    lines += [f"  - {s}" for s in path_sentences(r, official.path, lang, measure_names)]
    for g in advice.gates:
        name = g.policy.name.get(lang)
        lines.append((f"里程碑：{name}要求{ln(g.level)}，现在{ln(g.before)}，项目后{ln(g.after)}"
                      + ("（可达到）" if g.reached else "（还达不到）")) if zh else
                     (f"Milestone: {name} needs {ln(g.level)}; now {ln(g.before)}, after the "
                      f"project {ln(g.after)}" + (" (reached)" if g.reached else " (not yet)")))
        if not g.reached:
            start = official.after or r
            lines += [f"    {s}" for s in path_sentences(start, official.still_missing(g.level),
                                                          lang)]
    return "\n".join(lines)


def register(sub: Any) -> None:
    """``score --lens`` runs the lens instead of the readiness score."""
    score = sub.choices["score"]
    plain = score.get_default("func")

    def dispatch(args: argparse.Namespace) -> int:
        return cmd_lens(args) if args.lens else int(plain(args))

    score.set_defaults(func=dispatch)
