"""Plain-language explanations of a score, in Chinese or English, shared by the command line,
the GUI and the report."""

from __future__ import annotations

from ..base.i18n import normalize_lang
from ..base.prose import bare
from ..questionnaire.instrument import Instrument
from .scoring import DimensionScore, Gap, NextStep

_T: dict[str, dict[str, str]] = {
    "no_score": {"zh": "尚无可计分的回答", "en": "no scored answers yet"},
    "gap_size": {
        "zh": "当前水平 {level:.2f}，距目标第 {target} 阶段（{name}）差 {size:.2f} 级",
        "en": "level {level:.2f}, {size:.2f} below the target stage {target} ({name})",
    },
    "gap_ahead": {
        "zh": "当前水平 {level:.2f}，已达到目标第 {target} 阶段",
        "en": "level {level:.2f}, already at the target stage {target}",
    },
    "gap_pain": {"zh": "关系到您关注的问题：{pains}", "en": "addresses your pain points: {pains}"},
    "gap_industry": {"zh": "本行业重点（×{factor:g}）", "en": "an emphasis for your industry "
                                                          "(×{factor:g})"},
    "gap_limiting": {"zh": "是下一阶段的门槛，正拖住整体阶段",
                     "en": "it gates the next stage and holds the firm back"},
    "gap_weight": {"zh": "权重较高（×{factor:.2f}）", "en": "a heavier-weighted area "
                                                       "(×{factor:.2f})"},
    "step_option": {"zh": "{question}：做到「{option}」（第 {target} 级）",
                    "en": "{question}: get to \"{option}\" (level {target})"},
    "step_template": {"zh": "{question}：{step}（第 {target} 级）",
                      "en": "{question}: {step} (level {target})"},
    "step_at_least": {"zh": "{question}：达到 {value}{unit} 或以上（第 {target} 级）",
                      "en": "{question}: reach {value}{unit} or more (level {target})"},
    "step_below": {"zh": "{question}：降到 {value}{unit} 以下（第 {target} 级）",
                   "en": "{question}: get below {value}{unit} (level {target})"},
    "step_count": {"zh": "{question}：至少做到其中 {value} 项（第 {target} 级）",
                   "en": "{question}: have at least {value} of these (level {target})"},
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
    question = bare((q.short or q.text).get(lang))  # "question？：" never
    if step.option is not None:
        if q.type == "yesno":
            option = t("step_yes" if step.option == "yes" else "step_no", lang)
        else:
            o = instrument.option(q, step.option)
            option = o.label.get(lang) if o else step.option
        return t("step_option", lang, question=question, option=option,
                 target=step.target_level)
    value = _number(step.value or 0.0)
    if q.step is not None:
        return t("step_template", lang, question=question,
                 step=q.step.get(lang).replace("{value}", value), target=step.target_level)
    if q.type == "multi":
        return t("step_count", lang, question=question, value=value, target=step.target_level)
    unit = ""
    if q.type == "percent":
        unit = "%"
    elif q.unit:
        unit = " " + q.unit.get(lang) if lang == "en" else q.unit.get(lang)
    key = "step_below" if step.below else "step_at_least"
    return t(key, lang, question=question, value=value, unit=unit, target=step.target_level)


def dimension_line(d: DimensionScore, instrument: Instrument, lang: str) -> tuple[str, str, str]:
    level = "—" if d.level is None else f"{d.level:.2f}"
    stage = stage_label(instrument, d.stage, lang) if d.assessed else \
        {"zh": "不评估", "en": "not assessed"}[normalize_lang(lang)]
    return dimension_name(instrument, d.id, lang), level, stage
