"""The verdict in words: the headline sentence, the two rules and why they differ, what each
dimension has now (from the firm's own answers), and the line-by-line account behind a score.
The GUI results, the command line and the report all take their texts from here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..base.i18n import normalize_lang
from ..base.prose import bare, labelled
from ..questionnaire.instrument import Instrument
from ..questionnaire.models import Question
from .answer_text import describe_answer
from .model import Answer
from .scoring import DimensionScore, Gap, QuestionScore, Score, gates_of

_T: dict[str, dict[str, str]] = {
    "none": {"zh": "尚无可计分的回答。", "en": "No scored answers yet."},
    "at": {"zh": "您的工厂处于第 {s} 阶段（{name}）",
           "en": "Your factory is at stage {s} ({name})"},
    "top": {"zh": "：所有门槛方面都已达到。", "en": ": every gate dimension has reached it."},
    "ahead_held": {"zh": "：{ahead}已经领先，{held}拖住了迈向第 {n} 阶段（{next}）的一步。",
                   "en": ": {ahead} {are} ahead; {held} {hold} it back from stage {n} ({next})."},
    "held": {"zh": "：要迈向第 {n} 阶段（{next}），{held}需要先补上来。",
             "en": ": to reach stage {n} ({next}), {held} must come up first."},
    "held_all": {"zh": "：要迈向第 {n} 阶段（{next}），各门槛方面都还要提高，差得最多的是{worst}。",
                 "en": ": to reach stage {n} ({next}) every gate dimension still has to come "
                       "up; furthest behind: {worst}."},
    "provisional": {"zh": "暂定：", "en": "Provisional: "},
    "at_least": {"zh": "暂定：您的工厂至少处于第 {s} 阶段（{name}）"
                       "；回答完{dims}方面的问题后才能确定阶段。",
                 "en": "Provisional: your factory is at least at stage {s} ({name}); answer the "
                       "questions on {dims} to settle the stage."},
    "undetermined": {"zh": "阶段尚未确定：请先回答{dims}方面的问题。",
                     "en": "Stage not yet determined: answer the questions on {dims} first."},
    "index": {"zh": "加权指数 {index:.0f}/100（各方面加权平均水平 {mean:.2f}）"
                    "：按指数为第 {s} 阶段（{name}）。",
              "en": "Weighted index {index:.0f}/100 (weighted average level {mean:.2f}): stage "
                    "{s} ({name}) by the index."},
    "gates_top": {"zh": "按阶段门槛为第 4 阶段（{name}）：所有门槛方面都已达到。",
                  "en": "Stage 4 ({name}) by the gates: every gate dimension reaches it."},
    "gates": {"zh": "按阶段门槛为第 {s} 阶段（{name}）：第 {n} 阶段要求{gates}都达到，"
                    "目前{held}还没有达到。",
              "en": "Stage {s} ({name}) by the gates: stage {n} needs {gates} to reach it; "
                    "{held} {do} not yet."},
    "gates_open": {"zh": "按阶段门槛：尚未确定（至少第 {s} 阶段）；"
                         "第 {n} 阶段的门槛方面{dims}还有题目没有回答。",
                   "en": "By the gates: not yet determined (at least stage {s}); the gate "
                         "dimensions of stage {n} still have unanswered questions: {dims}."},
    "threshold": {"zh": "一个方面的水平走完到某阶段的 {pct}% 即算达到该阶段"
                        "（例如水平 {ex} 算达到第 2 阶段）。",
                  "en": "A dimension counts as reaching a stage once it is {pct}% of the way "
                        "there (level {ex} reaches stage 2)."},
    "not_assessed": {"zh": "{dims}：适用的题目不足一半，不评估，不计入指数和阶段门槛。",
                     "en": "{dims}: fewer than half of the questions apply, so {it} {is} not "
                           "assessed and left out of the index and the stage gates."},
    "differ_up": {"zh": "两种算法结果不同：指数把各方面平均，{ahead}较强，"
                        "把指数抬到第 {i} 阶段；门槛法要求{held}也达到第 {n} 阶段。",
                  "en": "The two rules differ: the index averages every dimension, and strong "
                        "{ahead} lift it to stage {i}; the gates ask that {held} reach stage "
                        "{n} as well."},
    "differ_down": {"zh": "两种算法结果不同：{low}这些支撑方面落后，"
                          "把指数拉到第 {i} 阶段；它们计入指数，但不设阶段门槛。",
                    "en": "The two rules differ: enabling dimensions ({low}) lag and pull the "
                          "index down to stage {i}; they count in the index but gate no stage."},
    "office_ahead": {"zh": "这是一种不均衡的改造：办公室一侧（{a}）跑在车间（{b}）前面。",
                     "en": "The transformation is lopsided: the office side ({a}) is ahead of "
                           "the shop floor ({b})."},
    "shop_ahead": {"zh": "这是一种不均衡的改造：车间（{a}）跑在办公室一侧（{b}）前面。",
                   "en": "The transformation is lopsided: the shop floor ({a}) is ahead of the "
                         "office side ({b})."},
    "best_worst": {"zh": "最好：{best}；最弱：{worst}", "en": "Best: {best}; weakest: {worst}"},
    "only": {"zh": "{one}", "en": "{one}"},
    "answer": {"zh": "{label}「{answer}」", "en": "{label}: {answer}"},
    "dim_not_assessed": {"zh": "不评估：{n}/{total} 道题适用，不足一半",
                         "en": "Not assessed: {n} of {total} questions apply, fewer than half"},
    "dim_unanswered": {"zh": "尚未回答", "en": "Not answered yet"},
    "dim_missing": {"zh": "（暂定：还有 {n} 道题未答）", "en": " (provisional: {n} unanswered)"},
    "priority_high": {"zh": "优先", "en": "first"},
    "priority_mid": {"zh": "其次", "en": "next"},
    "priority_low": {"zh": "随后", "en": "later"},
    "missing_line": {"zh": "{dim}：{n} 道题", "en": "{dim}: {n} question(s)"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "na": {"zh": "不适用", "en": "not applicable"},
    "sep": {"zh": "、", "en": ", "},
    "and": {"zh": "、", "en": " and "},
    # --explain
    "x_dim": {"zh": "{name}：水平 {level}，{stage}{note}",
              "en": "{name}: level {level}, {stage}{note}"},
    "x_stage": {"zh": "第 {s} 阶段", "en": "stage {s}"},
    "x_not_assessed": {"zh": "不评估（{n}/{total} 道题适用，不足 {pct}%）",
                       "en": "not assessed ({n} of {total} questions apply, under {pct}%)"},
    "x_gate": {"zh": "，门槛维度", "en": ", gates stages"},
    "x_counted": {"zh": "计入：已回答，第 {level} 级 × 权重 {weight:g}",
                  "en": "counts: answered, level {level} x weight {weight:g}"},
    "x_raised": {"zh": "计入：已回答，第 {level} 级（由追问 {by} 提高）× 权重 {weight:g}",
                 "en": "counts: answered, level {level} (raised by follow-up {by}) x weight "
                       "{weight:g}"},
    "x_refines": {"zh": "不单独计：补充 {parent}，最多把它提高一级",
                  "en": "not counted on its own: "
                  "refines {parent}, raising it by one level at most"},
    "x_skipped_level": {"zh": "计入：未出现，按第 {level} 级 × 权重 {weight:g}（{reason}）",
                        "en": "counts: skipped, as level {level} x weight {weight:g} ({reason})"},
    "x_skipped": {"zh": "不计：未出现（{reason}）", "en": "does not count: skipped ({reason})"},
    "x_no_reason": {"zh": "条件不成立", "en": "its condition is false"},
    "x_na": {"zh": "不计：不适用", "en": "does not count: not applicable"},
    "x_missing": {"zh": "不计：未回答（不按 0 分计）", "en": "does not count: unanswered (never "
                                                      "scored as zero)"},
    "x_optional": {"zh": "不计：选答题，未回答", "en": "does not count: optional, unanswered"},
    "x_pending": {"zh": "不计：要看前面题目的回答", "en": "does not count: depends on an earlier "
                                                 "answer not given yet"},
    "x_unscored": {"zh": "不计分", "en": "not scored"},
    "x_no_level": {"zh": "不计：该回答没有级别", "en": "does not count: the answer has no level"},
}


def t(key: str, lang: str, **params: object) -> str:
    return _T[key][normalize_lang(lang)].format(**params)


def names(instrument: Instrument, ids: Sequence[str], lang: str, *, short: bool = False) -> str:
    """Dimension names joined as a list ("装备与自动化、生产与质量" / "a, b and c")."""
    labels = []
    for i in ids:
        d = instrument.dimension_by_id.get(i)
        if d is None:
            labels.append(i)
            continue
        labels.append((d.short or d.name).get(lang) if short else d.name.get(lang))
    if normalize_lang(lang) == "en" and len(labels) > 1:
        return ", ".join(labels[:-1]) + " and " + labels[-1]
    return t("sep", lang).join(labels)


def _stage(instrument: Instrument, s: int, lang: str) -> str:
    return instrument.stage_name(s).get(lang)


def _plural(ids: Sequence[str], one: str, many: str) -> str:
    return one if len(ids) == 1 else many


def ahead_of_gates(score: Score, instrument: Instrument) -> tuple[str, ...]:
    """Gate dimensions of the next stage that already reach it."""
    s = score.stage_weakest_link
    if s is None or s >= 4:
        return ()
    return tuple(d.id for d in score.dimensions
                 if d.id in score.next_gates and d.stage is not None and d.stage >= s + 1)


def headline(score: Score, instrument: Instrument, lang: str) -> str:
    """One sentence an owner understands: the stage, what is ahead, what holds it back."""
    if score.index is None:
        return t("none", lang)
    s = score.stage_weakest_link
    if s is None:
        dims = names(instrument, score.weakest_pending, lang)
        if score.weakest_at_least == 0:
            return t("undetermined", lang, dims=dims)
        return t("at_least", lang, s=score.weakest_at_least,
                 name=_stage(instrument, score.weakest_at_least, lang), dims=dims)
    text = t("at", lang, s=s, name=_stage(instrument, s, lang))
    if s >= 4 or not score.limiting:
        text += t("top", lang)
    else:
        ahead = ahead_of_gates(score, instrument)
        held = names(instrument, score.limiting, lang)
        params: dict[str, object] = {"held": held, "n": s + 1,
                                     "next": _stage(instrument, s + 1, lang)}
        if len(score.limiting) > 2 and set(score.limiting) == set(score.next_gates):
            level = {d.id: d.level or 0.0 for d in score.dimensions}
            worst = sorted(score.limiting, key=lambda x: level[x])[:2]
            text += t("held_all", lang, worst=names(instrument, worst, lang), **params)
        elif ahead:
            text += t("ahead_held", lang, ahead=names(instrument, ahead, lang),
                      are=_plural(ahead, "is", "are"),
                      hold=_plural(score.limiting, "holds", "hold"), **params)
        else:
            text += t("held", lang, **params)
    if score.complete:
        return text
    if normalize_lang(lang) == "en":
        text = text[0].lower() + text[1:]
    return t("provisional", lang) + text


def index_line(score: Score, instrument: Instrument, lang: str) -> str:
    if score.index is None or score.stage_by_index is None:
        return t("none", lang)
    return t("index", lang, index=score.index, mean=score.index / 25.0, s=score.stage_by_index,
             name=_stage(instrument, score.stage_by_index, lang))


def gates_line(score: Score, instrument: Instrument, lang: str) -> str:
    s = score.stage_weakest_link
    if score.index is None:
        return t("none", lang)
    if s is None:
        n = score.weakest_at_least + 1
        return t("gates_open", lang, s=score.weakest_at_least, n=n,
                 dims=names(instrument, score.weakest_pending, lang))
    if s >= 4 or not score.limiting:
        return t("gates_top", lang, name=_stage(instrument, 4, lang)) if s >= 4 else \
            t("at", lang, s=s, name=_stage(instrument, s, lang)) + t("top", lang)
    return t("gates", lang, s=s, name=_stage(instrument, s, lang), n=s + 1,
             gates=names(instrument, score.next_gates, lang),
             held=names(instrument, score.limiting, lang),
             do=_plural(score.limiting, "does", "do"))


def gates_summary(instrument: Instrument, lang: str) -> str:
    """Which dimensions gate each stage, for the report's method section."""
    parts = []
    for s in range(1, 5):
        label = f"第 {s} 阶段：" if normalize_lang(lang) == "zh" else f"stage {s}: "
        parts.append(label + names(instrument, gates_of(instrument, s), lang, short=True))
    return ("；" if normalize_lang(lang) == "zh" else "; ").join(parts)


def threshold_line(instrument: Instrument, lang: str) -> str:
    th = instrument.questionnaire.scoring.stage_threshold
    return t("threshold", lang, pct=f"{th * 100:g}", ex=f"{1 + th:g}")


def not_assessed_line(score: Score, instrument: Instrument, lang: str) -> str | None:
    if not score.not_assessed:
        return None
    ids = score.not_assessed
    return t("not_assessed", lang, dims=names(instrument, ids, lang),
             it=_plural(ids, "it", "they"), **{"is": _plural(ids, "is", "are")})


def difference(score: Score, instrument: Instrument, lang: str) -> str | None:
    """Why the index stage and the gate stage differ (the strongest three dimensions named)."""
    i, s = score.stage_by_index, score.stage_weakest_link
    if i is None or s is None or i == s:
        return None
    by_id = {d.id: d for d in score.dimensions}
    if i > s:
        ahead = sorted((d for d in score.dimensions if d.stage is not None and d.stage > s),
                       key=lambda d: -(d.level or 0.0))[:3]
        return t("differ_up", lang, ahead=names(instrument, [d.id for d in ahead], lang), i=i,
                 held=names(instrument, score.limiting, lang), n=s + 1)
    low = [x.id for x in instrument.dimensions if not x.core
           and by_id[x.id].stage is not None and (by_id[x.id].stage or 0) < s]
    return t("differ_down", lang, low=names(instrument, low, lang), i=i)


def lopsided(score: Score, instrument: Instrument, lang: str) -> str | None:
    """The office side ahead of the shop floor, or the reverse: some dimension of one side is
    past the stage by the gates while a gate dimension of the other side holds it, and the
    sides' average levels differ by at least half a level."""
    s = score.stage_weakest_link
    if s is None or s >= 4 or not score.limiting:
        return None
    by_id = {d.id: d for d in score.dimensions}
    area = {d.id: d.area for d in instrument.dimensions}

    def side(name: str) -> list[DimensionScore]:
        return [by_id[x] for x in by_id if area.get(x) == name and by_id[x].level is not None
                and by_id[x].core]

    def mean(dims: list[DimensionScore]) -> float:
        return sum(d.level or 0.0 for d in dims) / len(dims) if dims else 0.0

    office, shop = side("office"), side("shop_floor")
    for ahead_side, behind_side, key in ((office, shop, "office_ahead"),
                                         (shop, office, "shop_ahead")):
        ahead = [d.id for d in ahead_side if (d.stage or 0) > s]
        held = [d.id for d in behind_side if d.id in score.limiting]
        if ahead and held and mean(ahead_side) - mean(behind_side) >= 0.5:
            return t(key, lang, a=names(instrument, ahead, lang), b=names(instrument, held, lang))
    return None


def rule_lines(score: Score, instrument: Instrument, lang: str) -> list[str]:
    """The lines under the headline: index, gates, their difference, not assessed, the 80%
    rule."""
    out = [index_line(score, instrument, lang), gates_line(score, instrument, lang)]
    for extra in (difference(score, instrument, lang), lopsided(score, instrument, lang),
                  not_assessed_line(score, instrument, lang)):
        if extra:
            out.append(extra)
    out.append(threshold_line(instrument, lang))
    return out


def question_label(q: Question, lang: str) -> str:
    return (q.short or q.text).get(lang)


def answer_words(q: Question, answer: Answer | None, lang: str) -> str:
    return describe_answer(q, answer, lang, t("yes", lang), t("no", lang), t("na", lang),
                           limit=60, separator_en="; ") or "—"


def dimension_now(d: DimensionScore, score: Score, instrument: Instrument,
                  answers: Mapping[str, Answer], lang: str) -> str:
    """What the dimension has now, from the firm's strongest and weakest counted answers."""
    if not d.assessed:
        return t("dim_not_assessed", lang, n=d.applicable, total=d.total)
    counted = [(n, q, score.questions[q.id]) for n, q in enumerate(instrument.by_dimension[d.id])
               if score.questions[q.id].counted and score.questions[q.id].state == "answered"]
    if not counted:
        return t("dim_unanswered", lang)

    def words(q: Question) -> str:
        label = question_label(q, lang)  # a question before 「」, a label before a colon
        return t("answer", lang, label=label if lang == "zh" else bare(label),
                 answer=answer_words(q, answers.get(q.id), lang))

    best = max(counted, key=lambda c: (c[2].level or 0, c[2].weight, -c[0]))
    worst = min(counted, key=lambda c: (c[2].level or 0, -c[2].weight, c[0]))
    if best[1].id == worst[1].id:
        text = t("only", lang, one=words(best[1]))
    else:
        text = t("best_worst", lang, best=words(best[1]), worst=words(worst[1]))
    if d.missing:
        text += t("dim_missing", lang, n=len(d.missing))
    return text


def dimension_next(d: DimensionScore, instrument: Instrument, lang: str) -> str:
    if d.stage is None or d.stage >= 4:
        return ""
    dim = instrument.dimension_by_id[d.id]
    return f"{d.stage + 1}  {dim.levels[d.stage + 1].get(lang)}"


def priority_word(gap: Gap, gaps: Sequence[Gap], lang: str) -> str:
    """Priority in words, relative to the firm's highest: first, next, later."""
    top = max((g.priority for g in gaps), default=0.0)
    if top <= 0 or gap.priority >= 0.75 * top:
        return t("priority_high", lang)
    return t("priority_mid" if gap.priority >= 0.4 * top else "priority_low", lang)


def missing_lines(score: Score, instrument: Instrument, lang: str) -> list[str]:
    """The unanswered required questions, counted by dimension."""
    return [t("missing_line", lang, dim=instrument.dimension_by_id[d.id].name.get(lang),
              n=len(d.missing)) for d in score.dimensions if d.missing]


def _question_reason(q: Question, qs: QuestionScore, instrument: Instrument,
                     lang: str) -> str:
    if not instrument.scored(q):
        return t("x_unscored", lang)
    if q.refines is not None and qs.state == "answered":
        return t("x_refines", lang, parent=q.refines)
    if qs.state == "answered":
        if not qs.counted:
            return t("x_no_level", lang)
        if qs.raised_by:
            return t("x_raised", lang, level=qs.level, by=qs.raised_by, weight=qs.weight)
        return t("x_counted", lang, level=qs.level, weight=qs.weight)
    if qs.state == "skipped":
        reason = q.skip_reason.get(lang) if q.skip_reason else t("x_no_reason", lang)
        if qs.counted:
            return t("x_skipped_level", lang, level=qs.level, weight=qs.weight, reason=reason)
        return t("x_skipped", lang, reason=reason)
    return t({"na": "x_na", "missing": "x_missing", "optional": "x_optional",
              "pending": "x_pending"}[qs.state], lang)


def explain_lines(score: Score, instrument: Instrument, answers: Mapping[str, Answer],
                  lang: str) -> list[str]:
    """Each dimension, then each of its questions: the answer, its level and weight, and why
    it counts or not — so an expert can check a verdict line by line."""
    gate_dims = set(gates_of(instrument, 4))
    pct = instrument.questionnaire.scoring.min_applicable_share or 0.0
    out: list[str] = []
    for d in score.dimensions:
        dim = instrument.dimension_by_id[d.id]
        if not d.assessed:
            status = t("x_not_assessed", lang, n=d.applicable, total=d.total,
                       pct=f"{pct * 100:g}")
            out.append(f"{dim.name.get(lang)}: {status}" if normalize_lang(lang) == "en"
                       else f"{dim.name.get(lang)}：{status}")
        else:
            level = "—" if d.level is None else f"{d.level:.2f}"
            stage = "—" if d.stage is None else t("x_stage", lang, s=d.stage)
            out.append(t("x_dim", lang, name=dim.name.get(lang), level=level, stage=stage,
                         note=t("x_gate", lang) if d.id in gate_dims else ""))
        for q in instrument.by_dimension[d.id]:
            qs = score.questions[q.id]
            answer = answers.get(q.id) if qs.state in ("answered", "na") else None
            shown = answer_words(q, answer, lang) if answer is not None else "—"
            out.append(f"  {q.id}  {labelled(question_label(q, lang), shown, lang)}  — "
                       + _question_reason(q, qs, instrument, lang))
    return out


def summary_texts(score: Score, instrument: Instrument, answers: Mapping[str, Answer],
                  lang: str) -> dict[str, Any]:
    """Every verdict text of a score (for the tests that check the three outputs agree)."""
    return {"headline": headline(score, instrument, lang),
            "rules": rule_lines(score, instrument, lang),
            "now": {d.id: dimension_now(d, score, instrument, answers, lang)
                    for d in score.dimensions}}
