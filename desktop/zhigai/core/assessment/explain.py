"""Plain-language explanations of a score, in Chinese or English, shared by the command line,
the GUI and the report."""

from __future__ import annotations

from ..base.i18n import normalize_lang
from ..questionnaire.instrument import Instrument
from .scoring import DimensionScore, Gap, NextStep, Score

_T: dict[str, dict[str, str]] = {
    "index_rule": {
        "zh": "加权指数 {index:.1f}：各维度加权平均水平 {mean:.2f}，达到第 {stage} 级（{name}）",
        "en": "Weighted index {index:.1f}: the weighted average level {mean:.2f} reaches "
              "stage {stage} ({name})",
    },
    "weakest_rule": {
        "zh": "短板法：所有核心维度都达到的最高阶段为第 {stage} 级（{name}）",
        "en": "Weakest link: the highest stage every core dimension reaches is {stage} ({name})",
    },
    "weakest_held": {"zh": "，受制于：{dims}", "en": "; held down by: {dims}"},
    "no_score": {"zh": "尚无可计分的回答", "en": "no scored answers yet"},
    "threshold": {
        "zh": "某一级算作达到：水平值不低于该级减 1 再加 {t}（即完成该级的 {pct}%）",
        "en": "A stage counts as reached when the level is at least the stage minus 1 plus {t} "
              "({pct}% of the way)",
    },
    "gap_size": {
        "zh": "当前水平 {level:.2f}，距目标第 {target} 级（{name}）差 {size:.2f} 级",
        "en": "level {level:.2f}, {size:.2f} below the target stage {target} ({name})",
    },
    "gap_ahead": {
        "zh": "当前水平 {level:.2f}，已达到目标第 {target} 级",
        "en": "level {level:.2f}, already at the target stage {target}",
    },
    "gap_pain": {"zh": "关系到您关注的问题：{pains}", "en": "addresses your pain points: {pains}"},
    "gap_industry": {"zh": "本行业重点（×{factor:g}）", "en": "an emphasis for your industry "
                                                          "(×{factor:g})"},
    "gap_limiting": {"zh": "是拉低整体阶段的短板", "en": "it holds the weakest-link stage down"},
    "gap_weight": {"zh": "权重较高（×{factor:.2f}）", "en": "a heavier-weighted area "
                                                       "(×{factor:.2f})"},
    "step_option": {"zh": "{question}：现为第 {level} 级，选择「{option}」可到第 {target} 级",
                    "en": "{question}: now level {level}; \"{option}\" would reach level "
                          "{target}"},
    "step_at_least": {"zh": "{question}：现为第 {level} 级，达到 {value}{unit} 可到第 {target} 级",
                      "en": "{question}: now level {level}; {value}{unit} or more would reach "
                            "level {target}"},
    "step_below": {"zh": "{question}：现为第 {level} 级，降到 {value}{unit} 以下可到第 {target} 级",
                   "en": "{question}: now level {level}; below {value}{unit} would reach level "
                         "{target}"},
    "step_count": {"zh": "{question}：现为第 {level} 级，至少选 {value} 项可到第 {target} 级",
                   "en": "{question}: now level {level}; selecting at least {value} would reach "
                         "level {target}"},
    "step_yes": {"zh": "是", "en": "yes"},
    "step_no": {"zh": "否", "en": "no"},
    "incomplete": {"zh": "尚有 {n} 道必答题未回答，结果为暂定", "en": "{n} required questions are "
                                                                "unanswered; results are "
                                                                "provisional"},
    "separator": {"zh": "；", "en": "; "},
    "list_sep": {"zh": "、", "en": ", "},
}


def t(key: str, lang: str, **params: object) -> str:
    return _T[key][normalize_lang(lang)].format(**params)


def join(items: list[str], lang: str) -> str:
    return t("list_sep", lang).join(items)


def dimension_name(instrument: Instrument, dim_id: str, lang: str) -> str:
    d = instrument.dimension_by_id.get(dim_id)
    return d.name.get(lang) if d else dim_id


def stage_label(instrument: Instrument, stage: int | None, lang: str) -> str:
    if stage is None:
        return "—"
    return f"{stage} {instrument.stage_name(stage).get(lang)}"


def index_rule(score: Score, instrument: Instrument, lang: str) -> str:
    if score.index is None or score.stage_by_index is None:
        return t("no_score", lang)
    return t("index_rule", lang, index=score.index, mean=score.index / 25.0,
             stage=score.stage_by_index,
             name=instrument.stage_name(score.stage_by_index).get(lang))


def weakest_rule(score: Score, instrument: Instrument, lang: str) -> str:
    if score.stage_weakest_link is None:
        return t("no_score", lang)
    text = t("weakest_rule", lang, stage=score.stage_weakest_link,
             name=instrument.stage_name(score.stage_weakest_link).get(lang))
    core_count = len([d for d in score.dimensions if d.core and d.stage is not None])
    if score.limiting and len(score.limiting) < core_count:
        text += t("weakest_held", lang, dims=join(
            [dimension_name(instrument, d, lang) for d in score.limiting], lang))
    return text


def threshold_rule(instrument: Instrument, lang: str) -> str:
    th = instrument.questionnaire.scoring.stage_threshold
    return t("threshold", lang, t=f"{th:g}", pct=f"{th * 100:g}")


def gap_reasons(gap: Gap, instrument: Instrument, profile_pains: dict[str, str] | None,
                lang: str) -> list[str]:
    """Why this gap ranks where it does, one phrase per factor."""
    name = instrument.stage_name(gap.target).get(lang)
    out = [t("gap_size", lang, level=gap.level, target=gap.target, name=name, size=gap.size)
           if gap.size > 0 else t("gap_ahead", lang, level=gap.level, target=gap.target)]
    if gap.pain_points:
        labels = [(profile_pains or {}).get(p, p) for p in gap.pain_points]
        out.append(t("gap_pain", lang, pains=join(labels, lang)))
    if gap.industry_factor != 1.0:
        out.append(t("gap_industry", lang, factor=gap.industry_factor))
    if gap.limiting:
        out.append(t("gap_limiting", lang))
    if gap.weight_factor > 1.05:
        out.append(t("gap_weight", lang, factor=gap.weight_factor))
    return out


def pain_labels(instrument: Instrument, lang: str) -> dict[str, str]:
    f = instrument.field_for_role("pain_points")
    return {o.id: o.label.get(lang) for o in (f.options or [])} if f else {}


def _number(value: float) -> str:
    return f"{value:g}"


def next_step_text(step: NextStep, instrument: Instrument, lang: str) -> str:
    q = instrument.by_id[step.question]
    question = q.text.get(lang)
    if step.option is not None:
        if q.type == "yesno":
            option = t("step_yes" if step.option == "yes" else "step_no", lang)
        else:
            o = instrument.option(q, step.option)
            option = o.label.get(lang) if o else step.option
        return t("step_option", lang, question=question, level=step.level, option=option,
                 target=step.target_level)
    if q.type == "multi":
        return t("step_count", lang, question=question, level=step.level,
                 value=_number(step.value or 0.0), target=step.target_level)
    unit = ""
    if q.type == "percent":
        unit = "%"
    elif q.unit:
        unit = " " + q.unit.get(lang) if lang == "en" else q.unit.get(lang)
    key = "step_below" if step.below else "step_at_least"
    return t(key, lang, question=question, level=step.level,
             value=_number(step.value or 0.0), unit=unit, target=step.target_level)


def dimension_line(d: DimensionScore, instrument: Instrument, lang: str) -> tuple[str, str, str]:
    level = "—" if d.level is None else f"{d.level:.2f}"
    return dimension_name(instrument, d.id, lang), level, stage_label(instrument, d.stage, lang)
