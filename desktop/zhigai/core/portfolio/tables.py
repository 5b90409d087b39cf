"""The portfolio as readable tables in Chinese or English: labels from the questionnaires,
headers, and the sheets of an export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..assessment.firm_size import LABELS as SIZE_LABELS
from .frame import (
    DIM,
    STAGES,
    dimension_averages,
    dimension_columns,
    stage_by_industry,
    stage_distribution,
)
from .peers import as_float

if TYPE_CHECKING:
    import pandas as pd

    from ..questionnaire.catalog import Catalog


# ---------------------------------------------------------------------------- readable tables

@dataclass(frozen=True)
class Labels:
    """Readable names (both languages) of dimensions, industries and stages."""

    dimensions: dict[str, dict[str, str]]
    industries: dict[str, dict[str, str]]
    stages: dict[int, dict[str, str]]

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Labels:
        """The names of the default questionnaire (dimensions in its order)."""
        from ..questionnaire.catalog import DEFAULT_QUESTIONNAIRE

        instrument = catalog.instrument(DEFAULT_QUESTIONNAIRE)
        dims = {d.id: d.name.model_dump() for d in instrument.dimensions}
        field_ = instrument.field_for_role("industry")
        industries = {o.id: o.label.model_dump() for o in (field_.options or [])} \
            if field_ else {}
        stages = {s: instrument.stage_name(s).model_dump() for s in STAGES}
        return cls(dims, industries, stages)

    @classmethod
    def default(cls) -> Labels:
        """The names of the questionnaire bundled with the program."""
        from ..questionnaire.catalog import default_catalog

        return cls.from_catalog(default_catalog())

    def including(self, df: pd.DataFrame) -> Labels:
        """These labels plus the names the frame's summaries give industries the catalog
        does not know (an assessment made with another questionnaire)."""
        extra: dict[str, dict[str, str]] = {}
        known = df[["industry", "industry_label_zh", "industry_label_en"]].drop_duplicates(
            "industry")
        for industry, zh, en in known.itertuples(index=False):
            if isinstance(industry, str) and industry and industry not in self.industries:
                names = {k: v for k, v in (("zh", zh), ("en", en)) if isinstance(v, str)}
                if names:
                    extra[industry] = names
        if not extra:
            return self
        return Labels(self.dimensions, {**self.industries, **extra}, self.stages)

    def dimension(self, dim: str, lang: str) -> str:
        return self.dimensions.get(dim, {}).get(lang) or dim

    def industry(self, industry: Any, lang: str) -> str:
        if not isinstance(industry, str) or not industry:
            return "—"
        names = self.industries.get(industry, {})
        return names.get(lang) or names.get("zh" if lang == "en" else "en") or industry

    def stage(self, stage: Any, lang: str) -> str:
        number = _int(stage)
        if number is None:
            return "未评分" if lang == "zh" else "not scored"
        return f"{number} {self.stages.get(number, {}).get(lang, '')}".strip()


def _int(value: Any) -> int | None:
    f = as_float(value)
    return None if f is None else int(f)


HEADERS: dict[str, dict[str, str]] = {
    "company_name": {"zh": "企业名称", "en": "Company"},
    "industry": {"zh": "行业", "en": "Industry"},
    "city": {"zh": "城市", "en": "City"},
    "size_band": {"zh": "企业规模", "en": "Size"},
    "kind": {"zh": "评估方式", "en": "Type"},
    "status": {"zh": "状态", "en": "Status"},
    "date": {"zh": "评估日期", "en": "Date"},
    "index": {"zh": "指数", "en": "Index"},
    "stage_index": {"zh": "阶段（指数法）", "en": "Stage (index)"},
    "stage_weakest": {"zh": "阶段（短板法）", "en": "Stage (weakest link)"},
    "completeness": {"zh": "完成度", "en": "Completeness"},
    "id": {"zh": "评估编号", "en": "Assessment id"},
    "stage": {"zh": "阶段", "en": "Stage"},
    "count": {"zh": "企业数", "en": "Assessments"},
    "n": {"zh": "样本数", "en": "n"},
    "share": {"zh": "占比", "en": "Share"},
}
KINDS = {"self": {"zh": "企业自评", "en": "Self-assessment"},
         "expert": {"zh": "专家核验", "en": "Expert-verified"}}
STATUSES = {"complete": {"zh": "已完成", "en": "Complete"},
            "draft": {"zh": "未完成", "en": "Draft"}}
SHEETS = {"assessments": {"zh": "评估清单", "en": "Assessments"},
          "stages": {"zh": "阶段分布", "en": "Stage distribution"},
          "stages_by_industry": {"zh": "分行业阶段分布", "en": "Stages by industry"},
          "dimensions": {"zh": "分行业维度均值", "en": "Dimension means by industry"}}

# Excel number formats, set on a table as ``table.attrs["number_formats"]`` (header: format)
NUMBER_FORMATS = "number_formats"


def header(key: str, lang: str) -> str:
    return HEADERS.get(key, {}).get(lang, key)


def kind_label(kind: Any, lang: str) -> str:
    return KINDS.get(kind, {}).get(lang, str(kind)) if isinstance(kind, str) else "—"


def status_label(status: Any, lang: str) -> str:
    return STATUSES.get(status, {}).get(lang, str(status)) if isinstance(status, str) else "—"


def size_label(band: Any, lang: str) -> str:
    return SIZE_LABELS.get(band, {}).get(lang, "—") if isinstance(band, str) else "—"


def tables(df: pd.DataFrame, lang: str, labels: Labels | None = None
           ) -> dict[str, pd.DataFrame]:
    """The tables of an export, keyed by sheet name (see :data:`SHEETS`), with headers and
    labels in ``lang`` ("zh" or "en"): the assessment list, the stage distribution, stages by
    industry and dimension means by industry. Numbers stay numbers. ``labels`` default to
    the bundled questionnaire's."""
    import numpy as np
    import pandas as pd

    labels = (labels or Labels.default()).including(df)
    dims = dimension_columns(df)

    def mapped(column: str, fn: Callable[[Any, str], str]) -> Any:
        """Label a column through its distinct values (a few), not row by row."""
        codes, distinct = pd.factorize(df[column].to_numpy(dtype=object))
        # code -1: a missing value (None, NaN, NA), labelled as None is
        names = [fn(_missing_none(v), lang) for v in distinct.tolist()]
        return pd.Series(np.array([*names, fn(None, lang)], dtype=object)[codes],
                         index=df.index, dtype=object)

    listing = pd.DataFrame({
        header("company_name", lang): df["company_name"].to_numpy(),
        header("industry", lang): mapped("industry", labels.industry).to_numpy(),
        header("city", lang): df["city"].fillna("").to_numpy(),
        header("size_band", lang): mapped("size_band", size_label).to_numpy(),
        header("kind", lang): mapped("kind", kind_label).to_numpy(),
        header("status", lang): mapped("status", status_label).to_numpy(),
        header("date", lang): df["date"].to_numpy(),
        header("index", lang): df["index"].astype(float).round(1).to_numpy(),
        header("stage_index", lang): mapped("stage_index", labels.stage).to_numpy(),
        header("stage_weakest", lang): mapped("stage_weakest", labels.stage).to_numpy(),
        header("completeness", lang): df["completeness"].astype(float).round(3).to_numpy(),
        **{labels.dimension(c[len(DIM):], lang): df[c].astype(float).round(2).to_numpy()
           for c in dims},
        header("id", lang): df["id"].to_numpy(),
    })
    listing.attrs[NUMBER_FORMATS] = {
        header("index", lang): "0.0", header("completeness", lang): "0%",
        **{labels.dimension(c[len(DIM):], lang): "0.00" for c in dims}}

    distribution = stage_distribution(df)
    total = max(int(distribution["count"].sum()), 1)
    stages = pd.DataFrame({
        header("stage", lang): [labels.stage(s, lang) for s in distribution["stage"]],
        header("count", lang): distribution["count"].to_numpy(),
        header("share", lang): (distribution["count"] / total).round(4).to_numpy(),
    })
    stages.attrs[NUMBER_FORMATS] = {header("share", lang): "0.0%"}

    by_industry = stage_by_industry(df)
    by_industry_table = pd.DataFrame({header("industry", lang): [
        labels.industry(i, lang) for i in by_industry.index]})
    for s in by_industry.columns:
        by_industry_table[labels.stage(s, lang)] = by_industry[s].to_numpy()

    averages = dimension_averages(df)
    averages_table = pd.DataFrame({header("industry", lang): [
        labels.industry(i, lang) for i in averages.index],
        header("n", lang): averages["n"].to_numpy()})
    for c in dims:
        averages_table[labels.dimension(c[len(DIM):], lang)] = \
            averages[c].astype(float).round(2).to_numpy()
    averages_table.attrs[NUMBER_FORMATS] = {
        labels.dimension(c[len(DIM):], lang): "0.00" for c in dims}
    return {SHEETS["assessments"][lang]: listing, SHEETS["stages"][lang]: stages,
            SHEETS["stages_by_industry"][lang]: by_industry_table,
            SHEETS["dimensions"][lang]: averages_table}


def _missing_none(value: Any) -> Any:
    """None for NaN and NA (factorize leaves them out, but an odd float may stay)."""
    import pandas as pd

    return None if value is pd.NA or (isinstance(value, float) and value != value) else value


def load(store: Any, catalog: Catalog) -> tuple[pd.DataFrame, Labels]:
    """Every stored assessment as a frame (dimensions in questionnaire order) and the labels
    to show it."""
    labels = Labels.from_catalog(catalog)
    from .stored import stored_frame

    df = stored_frame(store, list(labels.dimensions))
    return df, labels.including(df)
