"""The subcommands of ``zhigai``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import Any

from ..core.base.diagnostics import DataFileError, Problem


def _lang(args: argparse.Namespace) -> str:
    from ..core.base.i18n import normalize_lang

    chosen = getattr(args, "lang", None) or os.environ.get("ZHIGAI_LANG") or os.environ.get(
        "LANG", "")
    return normalize_lang(chosen if chosen and not chosen.startswith(("C", "POSIX")) else "en")


def _err(message: str) -> None:
    print(f"zhigai: {message}", file=sys.stderr)


def _print_problems(problems: list[Problem]) -> None:
    for p in problems:
        print(p.format(), file=sys.stderr)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


# ---------------------------------------------------------------------------- validate

def cmd_validate(args: argparse.Namespace) -> int:
    from ..core.assessment.checking import check_against
    from ..core.assessment.model import load_assessment
    from ..core.questionnaire.catalog import (
        DEFAULT_QUESTIONNAIRE,
        Catalog,
        CatalogError,
        data_files,
        default_catalog,
    )

    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"{p}: (file): does not exist")
    yaml_paths = [p for p in data_files([p for p in paths if p.exists()])
                  if p.suffix in (".yaml", ".yml")]
    json_paths = [p for p in paths if p.exists() and p.is_file() and p.suffix == ".json"]
    json_paths += [x for p in paths if p.is_dir() for x in sorted(p.rglob("*.json"))]

    catalog = Catalog.load(yaml_paths)
    bundled: Catalog | None = None
    for doc, module in catalog.raw_modules:
        if not catalog.versions(module.questionnaire):
            bundled = bundled or default_catalog()
            found = bundled.versions(module.questionnaire)
            for version in found:
                catalog.questionnaires[(module.questionnaire, version)] = bundled.get(
                    module.questionnaire, version)
            if found:  # its questionnaire is bundled: not a problem after all
                catalog.problems = [p for p in catalog.problems
                                    if not (p.file == doc.path and p.field == "questionnaire")]
    for qid in catalog.ids():
        for version in catalog.versions(qid):
            before = len(catalog.problems)
            catalog.modules_for(qid, version)
            if version != catalog.versions(qid)[-1]:
                del catalog.problems[before:]
    template_dirs = [p for p in paths if p.is_dir() and any(
        (p / sub).is_dir() for sub in ("measures", "policies", "financing"))]
    advice_files = {str(x) for d in template_dirs for x in data_files([d])}
    yaml_paths = [p for p in yaml_paths if str(p) not in advice_files]
    catalog = Catalog.load(yaml_paths) if advice_files else catalog
    problems = list(dict.fromkeys(catalog.problems))
    checked = len(yaml_paths) + len(advice_files)
    for folder in template_dirs:
        from ..core.advice.data import full_instrument, load_advice_data
        from ..core.assessment.lens_data import load_lens

        source = catalog if catalog.versions(DEFAULT_QUESTIONNAIRE) else default_catalog()
        full = full_instrument(source, DEFAULT_QUESTIONNAIRE)
        try:
            load_advice_data(folder, full)
        except DataFileError as exc:
            problems.extend(exc.problems)
        for lens_path in sorted((folder / "lenses").glob("*.yaml")):
            try:
                load_lens(lens_path, full)
            except DataFileError as exc:
                problems.extend(exc.problems)

    for path in json_paths:
        checked += 1
        try:
            assessment = load_assessment(path)
            source = catalog if catalog.versions(assessment.questionnaire.id) else \
                default_catalog()
            instrument, warnings = source.instrument_for(assessment)
            problems.extend(check_against(assessment, instrument, str(path)))
            problems.extend(Problem(str(path), None, "questionnaire", w, "warning")
                            for w in warnings)
        except DataFileError as exc:
            problems.extend(exc.problems)
        except CatalogError as exc:
            problems.append(Problem(str(path), None, "questionnaire", str(exc)))

    for p in problems:
        print(p.format())
    errors = sum(1 for p in problems if p.severity == "error") + len(missing)
    warnings_n = sum(1 for p in problems if p.severity == "warning")
    if not args.quiet:
        status = "OK" if not errors and not warnings_n else "FAILED"
        print(f"{status}: {checked} file(s) checked, {errors} error(s), {warnings_n} warning(s)")
    return 1 if errors or warnings_n else 0


# ---------------------------------------------------------------------------- new / set

def _catalog() -> Any:
    from ..core.questionnaire.catalog import default_catalog

    catalog = default_catalog()
    return catalog


def cmd_new(args: argparse.Namespace) -> int:
    from ..core.assessment.model import Assessment, DocRef
    from ..core.questionnaire.catalog import CatalogError
    from ..core.questionnaire.values import ValueProblem

    out = Path(args.output)
    if out.exists() and not args.force:
        _err(f"{out} already exists; use --force to replace it")
        return 1
    catalog = _catalog()
    try:
        base = catalog.get(args.questionnaire, args.version)
    except CatalogError as exc:
        _err(str(exc))
        return 1
    instrument = catalog.instrument(base.model.id, base.model.version)
    assessment = Assessment(questionnaire=DocRef(id=base.model.id, version=base.model.version,
                                                 hash=base.hash))
    for item in args.profile or []:
        key, _, value = item.partition("=")
        try:
            assessment.set_profile(instrument, key.strip(), value)
        except ValueProblem as exc:
            _err(f"--profile {item}: {exc}")
            return 1
    _sync_modules(assessment, catalog)
    try:
        assessment.save(out)
    except OSError as exc:
        _err(f"cannot write {out}: {exc.strerror or exc}")
        return 1
    print(f"created {out} ({base.model.id} {base.model.version})")
    return 0


def _sync_modules(assessment: Any, catalog: Any) -> Any:
    from ..core.assessment.model import DocRef

    ref = assessment.questionnaire
    plain = catalog.instrument(ref.id, ref.version)
    instrument = catalog.instrument(ref.id, ref.version, assessment.industry(plain))
    assessment.modules = [DocRef(id=m.id, version=m.version, hash=m.hash)
                          for m in instrument.module_refs]
    return instrument


def _load(path: str) -> tuple[Any, Any, list[str]]:
    from ..core.assessment.model import load_assessment

    assessment = load_assessment(path)
    instrument, warnings = _catalog().instrument_for(assessment)
    return assessment, instrument, warnings


def cmd_set(args: argparse.Namespace) -> int:
    from ..core.assessment.checking import check_against
    from ..core.assessment.history import record_edits
    from ..core.base.settings import settings
    from ..core.questionnaire.catalog import CatalogError
    from ..core.questionnaire.values import ValueProblem

    try:
        assessment, instrument, _warnings = _load(args.file)
    except (DataFileError, CatalogError) as exc:
        _err(str(exc))
        return 1
    catalog = _catalog()
    before = assessment.model_copy(deep=True)
    known = {(p.field, p.message) for p in check_against(assessment, instrument, args.file)}
    key = ""
    try:
        for item in args.assignments:
            key, sep, value = item.partition("=")
            if not sep:
                key = ""
                raise ValueProblem(f"'{item}': write ID=VALUE")
            key = key.strip()
            if key.startswith("profile."):
                assessment.set_profile(instrument, key.removeprefix("profile."), value)
                instrument = _sync_modules(assessment, catalog)
                continue
            q = instrument.by_id.get(key)
            if q is None:
                raise ValueProblem(f"'{key}' is not a question id (profile fields are written "
                                   "profile.<id>); see `zhigai questions`")
            if value.strip() == "":
                assessment.clear_answer(key)
            elif q.type == "multi":
                assessment.set_answer(instrument, key, [v for v in value.split(",") if v])
            else:
                assessment.set_answer(instrument, key, value)
        for key in args.na or []:
            assessment.set_not_applicable(instrument, key)
    except ValueProblem as exc:
        named = f"{key}: " if key and not str(exc).startswith(key) else ""
        _err(f"{args.file}: nothing changed: {named}{exc}")
        return 1
    instrument = _sync_modules(assessment, catalog)
    errors = [p for p in check_against(assessment, instrument, args.file)
              if p.severity == "error" and (p.field, p.message) not in known]
    if errors:
        _print_problems(errors)
        _err(f"{args.file}: nothing changed: the file would not be usable")
        return 1
    record_edits(before, assessment, settings().user_name)
    assessment.save(args.file)
    print(f"saved {args.file}")
    return 0


# ---------------------------------------------------------------------------- score

def cmd_score(args: argparse.Namespace) -> int:
    from ..core.assessment.checking import check_against
    from ..core.assessment.scoring import score
    from ..core.questionnaire.catalog import CatalogError

    try:
        assessment, instrument, warnings = _load(args.file)
    except (DataFileError, CatalogError) as exc:
        _err(str(exc))
        return 1
    problems = check_against(assessment, instrument, args.file)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        _print_problems(errors)
        _err(f"{args.file}: {len(errors)} answer(s) do not fit the questionnaire; fix them "
             "first")
        return 1
    for w in warnings + [p.format() for p in problems]:
        print(f"warning: {w}", file=sys.stderr)
    result = score(instrument, assessment.answers, assessment.profile)
    lang = _lang(args)
    if args.json:
        data = result.to_dict()
        data["assessment"] = assessment.id
        data["modules"] = [m.id for m in instrument.modules]
        if not args.with_questions:
            data.pop("questions")
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(render_score(result, instrument, assessment, lang, top=args.top,
                       explain_all=args.explain))
    return 0


def render_score(result: Any, instrument: Any, assessment: Any, lang: str, top: int = 3,
                 explain_all: bool = False) -> str:
    from ..core.assessment import explain, verdict
    from ..core.base.prose import labelled, tidy

    zh = lang == "zh"
    lines: list[str] = []
    name = assessment.profile_by_role(instrument, "company_name") or "—"
    industry_field = instrument.field_for_role("industry")
    industry = assessment.industry(instrument)
    industry_label = next((o.label.get(lang) for o in industry_field.options or []
                           if o.id == industry), "—") if industry_field else "—"
    city = assessment.profile_by_role(instrument, "city") or "—"
    lines.append(f"企业：{name}（{industry_label}，{city}）" if zh else
                 f"Firm: {name} ({industry_label}, {city})")
    mods = ", ".join(f"{m.id} {m.version}" for m in instrument.modules)
    lines.append(f"{'问卷' if zh else 'Questionnaire'}: {instrument.id} {instrument.version}"
                 + (f" + {mods}" if mods else ""))
    lines.append(f"{'完整度' if zh else 'Completeness'}: {result.answered}/{result.required} "
                 f"({result.completeness * 100:.0f}%)")
    if result.missing:
        lines.append("  " + explain.t("incomplete", lang, n=len(result.missing)) + ": "
                     + ", ".join(result.missing[:8]) + (" …" if len(result.missing) > 8 else ""))
    lines.append("")
    rows = [explain.dimension_line(d, instrument, lang) for d in result.dimensions]
    header = ("维度", "水平", "阶段") if zh else ("Dimension", "Level", "Stage")
    w0 = max(width(r[0]) for r in rows + [header]) + 2
    lines.append(pad(header[0], w0) + pad(header[1], 7) + header[2])
    for d, row in zip(result.dimensions, rows, strict=False):
        mark = "" if d.core else (" (非核心)" if zh else " (not core)")
        lines.append(pad(row[0], w0) + pad(row[1], 7) + row[2] + mark)
    lines.append("")
    index = "—" if result.index is None else f"{result.index:.1f} / 100"
    lines.append(f"{'指数' if zh else 'Index'}: {index}")
    lines.append(verdict.headline(result, instrument, lang))
    lines.extend("  " + line for line in verdict.rule_lines(result, instrument, lang))
    if result.missing:
        lines.append(("  尚未回答：" if zh else "  Still unanswered: ")
                     + explain.t("separator", lang).join(
                         verdict.missing_lines(result, instrument, lang)))
    lines.append("")
    lines.append("现在的情况" if zh else "Where each dimension stands now")
    for d in result.dimensions:
        lines.append(f"  {instrument.dimension_by_id[d.id].name.get(lang)}: "
                     + verdict.dimension_now(d, result, instrument, assessment.answers, lang))
    if explain_all:
        lines.append("")
        lines.append("逐题说明" if zh else "Question by question")
        lines.extend("  " + line for line in verdict.explain_lines(
            result, instrument, assessment.answers, lang))
    priorities = result.priorities[:top]
    if priorities:
        lines.append("")
        target = explain.stage_label(instrument, result.target, lang)
        lines.append(f"优先改进（目标阶段 {target}）:" if zh else
                      f"Top gaps (target stage {target}):")
        pains = explain.pain_labels(instrument, lang)
        for n, gap in enumerate(priorities, start=1):
            dim = instrument.dimension_by_id[gap.dimension]
            lines.append(f" {n}. {dim.name.get(lang)} — "
                         + ("优先级：" if zh else "priority: ")
                         + verdict.priority_word(gap, result.priorities, lang))
            lines.append("    " + explain.t("separator", lang).join(
                explain.gap_reasons(gap, instrument, pains, lang)))
            if gap.next_level is not None:
                lines.append("    " + labelled(("下一级 " if zh else "next level ")
                                             + str(gap.next_level),
                                             dim.levels[gap.next_level].get(lang), lang))
            for step in gap.holding_back[:3]:
                lines.append("    - " + explain.next_step_text(step, instrument, lang))
    return tidy("\n".join(lines), lang)


# ---------------------------------------------------------------------------- advise

def _load_for_advice(path: str) -> tuple[Any, Any, list[str], Any] | None:
    """The assessment, its instrument, warnings and the advice data; None (reported) when
    the file cannot be read or does not fit its questionnaire."""
    from ..core.advice.data import default_advice_data
    from ..core.assessment.checking import check_against
    from ..core.questionnaire.catalog import CatalogError

    try:
        assessment, instrument, warnings = _load(path)
        data = default_advice_data()
    except (DataFileError, CatalogError) as exc:
        _err(str(exc))
        return None
    errors = [p for p in check_against(assessment, instrument, path) if p.severity == "error"]
    if errors:
        _print_problems(errors)
        return None
    return assessment, instrument, warnings, data


def _advice_of(args: argparse.Namespace,
               catalogues: list[str] | None = None) -> tuple[Any, Any, Any] | None:
    """Load ``args.file``, print its warnings, score and advise it: (assessment, instrument,
    advice); None (reported) when the file cannot be read."""
    from ..core.advice.advise import advise
    from ..core.assessment.scoring import score

    loaded = _load_for_advice(args.file)
    if loaded is None:
        return None
    assessment, instrument, warnings, data = loaded
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    result = score(instrument, assessment.answers, assessment.profile)
    return assessment, instrument, advise(data, instrument, assessment, result,
                                          assessment.project, _lang(args), catalogues)


def cmd_advise(args: argparse.Namespace) -> int:
    from ..core.advice.advise import advise, to_dict
    from ..core.assessment.scoring import score

    loaded = _load_for_advice(args.file)
    if loaded is None:
        return 1
    assessment, instrument, warnings, data = loaded
    unknown = [c for c in args.catalogue or [] if c not in data.catalogues]
    if unknown:
        _err(f"no policy catalogue '{unknown[0]}'; installed: "
             + ", ".join(sorted(data.catalogues)))
        return 1
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    lang = _lang(args)
    result = score(instrument, assessment.answers, assessment.profile)
    advice = advise(data, instrument, assessment, result, assessment.project, lang,
                    args.catalogue)
    if args.json:
        print(json.dumps(to_dict(advice, instrument, lang), ensure_ascii=False, indent=2))
        return 0
    print(render_advice(advice, instrument, lang))
    return 0


def _step_lines(step: Any, lang: str, zh: bool) -> list[str]:
    m = step.measure
    out = [f"  * {m.name.get(lang)}  ({m.cost.min:g}-{m.cost.max:g} "
           + ("万元，参考价" if zh else "10k yuan, indicative") + ")"]
    out += [f"      - {reason.get(lang)}" for reason in step.reasons]
    return out


def supports_lines(advice: Any, lang: str) -> list[str]:
    """Every support of the chosen catalogues with its status, source and date."""
    from ..core.assessment.money import fmt

    zh = lang == "zh"
    out = [("政策按评估日判断是否有效：" if zh else "Policies judged on the assessment date: ")
           + advice.day.isoformat()]
    empty = {c.id for c in advice.without_current()}
    for cat in advice.catalogues:
        out.append(("目录：" if zh else "Catalogue: ") + f"{cat.title.get(lang)} "
                   f"({cat.source.date}; {cat.source.basis.get(lang)})")
        if cat.id in empty:
            out.append("!! " + ("该目录在评估日没有仍然有效的条目，仅供参考" if zh else
                                "no entry of this catalogue is in force on that date; "
                                "for reference only"))
        if cat.verify:
            out.append("!! " + ("请核实现行条款" if zh else "verify current terms"))
    if not advice.catalogues:
        out.append("!! " + ("没有选用任何政策目录" if zh else "no policy catalogue is chosen"))
    labels = {"eligible": ("符合", "eligible"), "near_miss": ("差一点", "near miss"),
              "information": ("信息", "information"), "not_eligible": ("不符合", "not eligible"),
              "expired": ("已过期，仅供参考", "expired, for reference")}
    for m in advice.supports:
        p = m.policy
        status = labels[m.status][0 if zh else 1]
        line = f"  [{status}] {p.name.get(lang)}: {p.gives.text.get(lang)}"
        if m.estimate_high:
            line += ("，估计 " if zh else "; estimate ") + (
                fmt(m.estimate_low, lang) + " - " + fmt(m.estimate_high, lang))
        out.append(line)
        for reason in m.met:
            out.append(f"      + {reason}")
        for reason in m.unmet:
            out.append(f"      - {reason}")
        for item in m.to_confirm:
            out.append(("      ? 需自行确认：" if zh else "      ? to confirm: ") + item)
        if m.status == "expired" and p.recurring:
            out.append("      ! " + ("按年度分批开展：请向主管部门询问是否有新一轮申报" if zh else
                                     "run in yearly rounds: ask whether a new round is open"))
        period = f"{p.period.start} – {p.period.end or ('至今' if zh else 'ongoing')}"
        out.append(f"      ({p.issuer.get(lang)}; {p.source.get(lang)}; {p.date}; {period})")
    return out


def render_advice(advice: Any, instrument: Any, lang: str) -> str:
    from ..core.advice.finance_summary import option_lines, verdict
    from ..core.advice.financing import percent
    from ..core.advice.project_step import step_lines
    from ..core.advice.roadmap import HORIZONS
    from ..core.assessment.money import fmt

    zh = lang == "zh"
    out: list[str] = []

    def head(zh_text: str, en_text: str) -> None:
        out.append("")
        out.append(zh_text if zh else en_text)
        out.append("=" * width(out[-1]))

    head("改造路线图", "Roadmap")
    own = advice.roadmap.project
    by_id = {m.id: m for m in advice.roadmap.fitting}
    for index, label in enumerate(HORIZONS):
        steps = advice.roadmap.horizon(index)
        out.append(f"[{label.get(lang)}]")
        mine = own is not None and own.horizon == index
        if not steps and not mine:
            out.append("  —")
        if mine:
            first = [s for s in steps if s.measure.id in own.after]
            steps = [s for s in steps if s.measure.id not in own.after]
            for step in first:
                out += _step_lines(step, lang, zh)
            out.append("  >> " + ("企业自己的项目：" if zh else "The firm's own project: ")
                       + (own.name or ("（未命名）" if zh else "(unnamed)"))
                       + (f"  ({fmt(own.cost, lang)})" if own.cost else ""))
            for line in step_lines(own, instrument, by_id):
                out.append(f"      - {line.get(lang)}")
        for step in steps:
            out += _step_lines(step, lang, zh)
    if advice.official is not None:
        from ..core.advice.official import milestone_line

        out += [f"  ** {milestone_line(advice.official, g, lang)}" for g in advice.gates]
    head("公共支持政策", "Public supports")
    out += supports_lines(advice, lang)
    a = advice.appraisal
    head("投资测算", "Investment calculator")
    if a is None:
        out.append("  " + ("尚无项目：请在项目中列出投资明细，或在企业信息中填写项目投资。"
                           if zh else "No project yet: list the project items, or enter the "
                                      "project investment in the profile."))
        return "\n".join(out)
    rows = [("投资", "Investment", fmt(a.investment, lang)),
            ("补贴（计入，取低值）", "Subsidies (counted, low end)", fmt(a.subsidies, lang)),
            ("净投资", "Net investment", fmt(a.net_investment, lang)),
            ("年净收益", "Annual net benefit", fmt(a.annual_net_benefit, lang)),
            ("静态回收期（税前）", "Simple payback (pre-tax)", years_text(a.payback_years, zh)),
            ("税后回收期", "Payback after tax", years_text(a.payback_after_tax, zh)),
            ("投资回报率", "ROI", percent(a.roi)),
            (f"税后净现值（{percent(a.discount_rate)}，{a.life_years} 年）",
             f"NPV after tax ({percent(a.discount_rate)}, {a.life_years} years)",
             fmt(a.npv, lang)),
            ("税前净现值", "NPV before tax", fmt(a.npv_pre_tax, lang)),
            ("税后内部收益率", "IRR after tax", percent(a.irr)),
            ("税前内部收益率", "IRR before tax", percent(a.irr_pre_tax)),
            ("所得税率", "Income tax rate", percent(a.tax_rate)),
            ("期末残值", "Residual value at the end", fmt(a.residual_value, lang)),
            ("盈亏平衡年收益（税后净现值为零）", "Break-even annual benefit (after-tax NPV 0)",
             fmt(a.breakeven_benefit, lang)),
            ("安全边际", "Safety margin", percent(a.safety_margin))]
    w0 = max(width(r[0] if zh else r[1]) for r in rows) + 2
    for r in rows:
        out.append("  " + pad(r[0] if zh else r[1], w0) + r[2])
    dscr = dict(advice.dscr_sensitivity())
    out.append("  " + ("敏感性分析（税后；最低 DSCR 为排名第一的融资结构）：" if zh else
                       "Sensitivity (after tax; lowest DSCR of the first-ranked structure):"))
    for sc in a.sensitivity:
        low = dscr.get(sc.name)
        out.append(f"    {pad(SCENARIOS[sc.name][0 if zh else 1], 14)} NPV {fmt(sc.npv, lang)}, "
                   f"IRR {percent(sc.irr)}, " + ("回收期 " if zh else "payback ")
                   + years_text(sc.payback_years, zh) + ", DSCR "
                   + ("—" if low is None else str(low)))
    head("融资方式比较", "Financing options")
    for line in verdict(advice):
        out.append("  " + line.get(lang))
    for n, o in enumerate(advice.options, start=1):
        mark = ("通过银行检验" if zh else "passes the bank's tests") if o.acceptable else \
            ("未通过银行检验" if zh else "fails the bank's tests")
        out.append(f" {n}. {o.label.get(lang)}  [{mark}]")
        out.append(f"      {o.option.plain.get(lang)}")
        for r in option_lines(o):
            out.append(f"      {r.get(lang)}")
        for r in o.reasons_for:
            out.append(f"      + {r.get(lang)}")
        for r in o.reasons_against:
            out.append(f"      - {r.get(lang)}")
    best = advice.recommended or advice.best
    if best is not None and best.plan.financed > 0 and not advice.withheld:
        out.append("")
        out.append(("还款计划：" if zh else "Repayment schedule: ") + best.label.get(lang))
        heads = ("年", "还款", "利息/成本", "本金", "余额", "DSCR", "ICR") if zh else \
            ("Year", "Payment", "Cost", "Principal", "Balance", "DSCR", "ICR")
        out.append("  " + "  ".join(pad(h, 16) for h in heads))
        for r in best.plan.rows:
            cells = (str(r.year), fmt(r.payment, lang), fmt(r.interest, lang),
                     fmt(r.principal, lang), fmt(r.balance, lang),
                     "—" if r.dscr is None else str(r.dscr), "—" if r.icr is None else str(r.icr))
            out.append("  " + "  ".join(pad(c, 16) for c in cells))
    return "\n".join(out)


SCENARIOS = {"base": ("基准", "base"), "benefits_minus_20": ("收益 -20%", "benefits -20%"),
             "costs_plus_20": ("投资 +20%", "investment +20%"), "both": ("两者同时", "both")}


def years_text(value: Any, zh: bool) -> str:
    return "—" if value is None else f"{value} " + ("年" if zh else "years")


def cmd_cashflow(args: argparse.Namespace) -> int:
    """The appraisal's cash flows as an .xlsx of formulas, to check in a spreadsheet."""
    from ..core.advice.workbook import write_cashflow_workbook

    out = Path(args.xlsx)
    if out.is_dir():
        _err(f"{out} is a folder; give a file name")
        return 1
    if out.exists() and not args.force:
        _err(f"{out} already exists; use --force to replace it")
        return 1
    got = _advice_of(args)
    if got is None:
        return 1
    assessment, instrument, advice = got
    lang = _lang(args)
    appraisal = advice.appraisal
    if appraisal is None:
        _err(f"{args.file}: no project yet: list the project items, or enter the project "
             "investment in the profile")
        return 1
    option = advice.recommended or advice.best
    if option is None or option.plan.financed <= 0 or advice.withheld:
        option = None
    try:
        write_cashflow_workbook(appraisal, out, lang, option)
    except (OSError, ValueError) as exc:
        _err(f"cannot write {out}: {getattr(exc, 'strerror', None) or exc}")
        return 1
    print(f"wrote {out}: the cash flows of {len(appraisal.years)} years before and after tax "
          "as formulas, with the NPV and IRR beside Zhigai's"
          + (f"; the repayment schedule of {option.label.get(lang)}" if option else ""))
    return 0


# ---------------------------------------------------------------------------- info

def cmd_questions(args: argparse.Namespace) -> int:
    from ..core.questionnaire.catalog import CatalogError

    catalog = _catalog()
    try:
        instrument = catalog.instrument(args.questionnaire, args.version, args.industry)
    except CatalogError as exc:
        _err(str(exc))
        return 1
    lang = _lang(args)
    for d in instrument.dimensions:
        print(f"# {d.id}: {d.name.get(lang)}")
        for q in instrument.by_dimension[d.id]:
            extra = []
            if q.show_if:
                extra.append(f"show_if: {q.show_if}")
            if q.allow_na:
                extra.append("n/a allowed")
            print(f"{q.id} [{q.type}] {q.text.get(lang)}" + (f"  ({'; '.join(extra)})"
                                                               if extra else ""))
            for o in q.options or []:
                print(f"    {o.id} = {o.label.get(lang)}" + (f" (level {o.level})"
                                                              if o.level is not None else ""))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    catalog = _catalog()
    lang = _lang(args)
    for qid in catalog.ids():
        for version in catalog.versions(qid):
            doc = catalog.get(qid, version)
            print(f"{qid} {version}  {doc.model.title.get(lang)}  ({doc.path})")
            for mod in catalog.modules_for(qid, version):
                m = mod.model
                print(f"    module {m.id} {m.version}: {m.title.get(lang)}  industries: "
                      + ", ".join(m.industries))
    for p in catalog.problems:
        print(p.format(), file=sys.stderr)
    return 0


def cmd_about(args: argparse.Namespace) -> int:
    """The program's version and every data file's title, version and source."""
    from ..core.advice.data import default_advice_data
    from ..core.app.about import data_versions, kind_name, program_versions

    lang = _lang(args)
    catalog = _catalog()
    try:
        advice = default_advice_data()
    except DataFileError as error:
        _print_problems(error.problems)
        advice = None
    versions = data_versions(catalog, advice, lang)
    if args.json:
        print(json.dumps({"program": program_versions(),
                          "data": [dataclasses.asdict(v) for v in versions]},
                         ensure_ascii=False, indent=2))
        return 0
    for name, version in program_versions().items():
        print(f"{name} {version}")
    for v in versions:
        print(f"\n{kind_name(v.kind, lang)}: {v.title} ({v.id} {v.version})\n"
              f"    {v.basis} ({v.date})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from ..core.app.schemas import write_schemas

    written = write_schemas(Path(args.directory))
    for path in written:
        print(f"wrote {path}")
    return 0


# ---------------------------------------------------------------------------- wiring

def register(sub: Any) -> None:
    p = sub.add_parser("validate", help="check questionnaire/module YAML and assessment JSON "
                                        "files")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("new", help="create an empty assessment file")
    p.add_argument("--questionnaire", default="zhigai-readiness", metavar="ID")
    p.add_argument("--version", metavar="VERSION", help="default: the newest installed")
    p.add_argument("--profile", action="append", metavar="FIELD=VALUE",
                   help="set a profile field (repeatable), e.g. --profile industry=textile")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("set", help="answer questions or fill profile fields in an assessment")
    p.add_argument("file", metavar="FILE")
    p.add_argument("assignments", nargs="*", metavar="ID=VALUE",
                   help="question_id=value (multi: a,b) or profile.field=value; "
                        "an empty value clears")
    p.add_argument("--na", action="append", metavar="ID", help="answer 'not applicable'")
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("score", help="score an assessment: levels, index, both stages, gaps")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--with-questions", action="store_true",
                   help="with --json: include every question's state and level")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the text output")
    p.add_argument("--top", type=int, default=3, help="how many gaps to show (default 3)")
    p.add_argument("--explain", action="store_true",
                   help="list every question of every dimension: the answer, its level and "
                        "weight, and why it counts or not")
    p.add_argument("--lens", metavar="ID", choices=["miit-2024"],
                   help="the official level through a lens instead: miit-2024 (the MIIT "
                        "2024 SME digital level, indicative)")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("advise", help="roadmap, public supports, investment calculator and "
                                      "financing options for an assessment")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the output")
    p.add_argument("--catalogue", metavar="ID", action="append",
                   help="a policy catalogue to match (repeat for several; default: the "
                        "project's choice, else those of the firm's region)")
    p.set_defaults(func=cmd_advise)

    p = sub.add_parser("cashflow", help="the investment appraisal's cash flows as an Excel "
                                        "workbook of formulas, to check in a spreadsheet")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="the workbook to write")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the headers")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_cashflow)

    p = sub.add_parser("questions", help="list a questionnaire's questions and option ids")
    p.add_argument("questionnaire", nargs="?", default="zhigai-readiness", metavar="ID")
    p.add_argument("--version")
    p.add_argument("--industry", help="add the industry module(s) for this industry id")
    p.add_argument("--lang", choices=["zh", "en"])
    p.set_defaults(func=cmd_questions)

    p = sub.add_parser("list", help="installed questionnaires, versions and modules")
    p.add_argument("--lang", choices=["zh", "en"])
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("about", help="the version and every data file's version and source")
    p.add_argument("--lang", choices=["zh", "en"])
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.set_defaults(func=cmd_about)

    p = sub.add_parser("schema", help="write the JSON Schemas of the file formats")
    p.add_argument("directory", nargs="?", default="docs")
    p.set_defaults(func=cmd_schema)
