"""The portfolio: every stored assessment as one table (pandas), filters, the summary tables a
programme officer reads (stage distribution, dimension averages by industry, a firm's progress),
the peer benchmark, and export to Excel and CSV.

pandas is imported inside the functions: the core must stay light to import.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .firm_size import LABELS as SIZE_LABELS

if TYPE_CHECKING:
    import pandas as pd

    from .catalog import Catalog
    from .store import AssessmentRow

DIM = "dim."          # prefix of the dimension-level columns
DEFAULT_MIN_PEERS = 5
BASE_COLUMNS = ("id", "firm_key", "company_name", "industry", "city", "kind", "status", "date",
                "index", "stage_index", "stage_weakest", "completeness", "size_band",
                "industry_label_zh", "industry_label_en")


class PortfolioError(RuntimeError):
    """An export that cannot be written; the message names the file."""


# ---------------------------------------------------------------------------- the frame

def frame(rows: Iterable[AssessmentRow], dimensions: Sequence[str] | None = None
          ) -> pd.DataFrame:
    """One row per assessment. Built column by column (100,000 rows in a fraction of a
    second). ``dimensions`` orders the level columns (e.g. as the questionnaire does); ids
    found in the summaries but not listed come after, sorted."""
    import pandas as pd

    rows = list(rows)
    summaries = [r.summary for r in rows]
    found = {k for s in summaries for k in (s.get("dimensions") or {})}
    dims = list(dimensions or []) + sorted(found - set(dimensions or []))

    def labels(lang: str) -> list[Any]:
        out = []
        for s in summaries:
            raw = (s.get("labels") or {}).get("industry")
            out.append(raw.get(lang) if isinstance(raw, dict) else None)
        return out

    import numpy as np

    nan = float("nan")

    def floats(values: Iterable[Any]) -> Any:
        return np.fromiter((nan if v is None else v for v in values), dtype=float,
                           count=len(rows))

    def stages(key: str) -> Any:
        return pd.Series(floats(s.get(key) for s in summaries)).astype("Int64").array

    data: dict[str, Any] = {
        "id": [r.id for r in rows],
        "firm_key": [r.firm_key for r in rows],
        "company_name": [r.company_name for r in rows],
        "industry": [r.industry or None for r in rows],
        "city": [r.city or None for r in rows],
        "kind": [r.kind for r in rows],
        "status": [r.status for r in rows],
        "date": [s.get("date") or r.created_at[:10] for s, r in zip(summaries, rows,
                                                                   strict=True)],
        "index": floats(s.get("index") for s in summaries),
        "stage_index": stages("stage_index"),
        "stage_weakest": stages("stage_weakest"),
        "completeness": floats(s.get("completeness") for s in summaries),
        "size_band": [s.get("size_band") for s in summaries],
        "industry_label_zh": labels("zh"),
        "industry_label_en": labels("en"),
    }
    levels = [s.get("dimensions") or {} for s in summaries]
    for dim in dims:
        data[DIM + dim] = floats(d.get(dim) for d in levels)
    return pd.DataFrame(data)


def dimension_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if str(c).startswith(DIM)]


@dataclass
class Filter:
    """Empty fields do not filter. Dates are ISO (YYYY-MM-DD), inclusive."""

    industries: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    stages: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        mask = None

        def both(current: Any, new: Any) -> Any:
            return new if current is None else current & new

        if self.industries:
            mask = both(mask, df["industry"].isin(self.industries))
        if self.cities:
            mask = both(mask, df["city"].isin(self.cities))
        if self.stages:
            mask = both(mask, df["stage_index"].isin(self.stages).fillna(False))
        if self.kinds:
            mask = both(mask, df["kind"].isin(self.kinds))
        if self.date_from:
            mask = both(mask, df["date"] >= self.date_from)
        if self.date_to:
            mask = both(mask, df["date"] <= self.date_to)
        return df if mask is None else df[mask.astype(bool)]


# ---------------------------------------------------------------------------- summaries

def stage_distribution(df: pd.DataFrame) -> pd.DataFrame:
    """Assessments per stage (by index): one row per stage 0-4 and one for "not scored"."""
    import pandas as pd

    counts = df["stage_index"].value_counts(dropna=False)
    index = [0, 1, 2, 3, 4, None]
    values = [int(counts.get(s, 0)) if s is not None else int(df["stage_index"].isna().sum())
              for s in index]
    return pd.DataFrame({"stage": pd.array(index, dtype="Int64"), "count": values})


def stage_by_industry(df: pd.DataFrame) -> pd.DataFrame:
    """Assessments per industry (rows) and stage 0-4 (columns)."""
    import pandas as pd

    scored = df.dropna(subset=["stage_index"])
    if scored.empty:
        return pd.DataFrame(columns=[0, 1, 2, 3, 4])
    table = pd.crosstab(scored["industry"].fillna(""), scored["stage_index"].astype(int))
    return table.reindex(columns=[0, 1, 2, 3, 4], fill_value=0)


def dimension_averages(df: pd.DataFrame) -> pd.DataFrame:
    """Mean level of every dimension by industry, with the number of assessments (n)."""
    dims = dimension_columns(df)
    grouped = df.assign(industry=df["industry"].fillna("")).groupby("industry", sort=True)
    means = grouped[dims].mean()
    means.insert(0, "n", grouped.size())
    return means


def firm_progress(df: pd.DataFrame, firm_key: str) -> pd.DataFrame:
    """One firm's assessments over time, oldest first."""
    if not firm_key:
        return df.iloc[0:0]
    mine = df[df["firm_key"] == firm_key]
    return mine.sort_values(["date", "id"])[
        ["id", "date", "kind", "index", "stage_index", "stage_weakest",
         *dimension_columns(df)]]


# ---------------------------------------------------------------------------- peers

@dataclass(frozen=True)
class PeerRow:
    dimension: str
    firm: float | None
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None


@dataclass(frozen=True)
class PeerBenchmark:
    """A firm's dimension levels against its peers': the latest complete assessment of each
    other firm of the same industry and size band, or of the industry alone when the band
    has too few (``size_band`` is then None). ``enough`` is False when even the industry
    has fewer than ``min_peers``: nothing is compared then, to protect small groups."""

    assessment_id: str
    industry: str | None
    size_band: str | None
    peers: int
    min_peers: int
    enough: bool
    rows: tuple[PeerRow, ...] = ()

    def text(self, lang: str, industry_label: str | None = None) -> str:
        industry = industry_label or self.industry or "—"
        band = SIZE_LABELS.get(self.size_band or "", {}).get(lang, "")
        if not self.enough:
            return (f"同行业可比企业只有 {self.peers} 家（至少需要 {self.min_peers} 家），"
                    "暂不做同行对比。" if lang == "zh" else
                    f"Only {self.peers} comparable firm(s) in the industry (at least "
                    f"{self.min_peers} needed); no peer comparison yet.")
        if lang == "zh":
            group = industry + (f"·{band}企业" if band else "")
            return f"对比对象：{group}，共 {self.peers} 家（每家取最近一次完整评估）。"
        group = f"{industry}, {band.lower()} firms" if band else industry
        return (f"Compared with {self.peers} peer firms ({group}; each firm's latest complete "
                "assessment).")


def _float(value: Any) -> float | None:
    try:
        import pandas as pd

        return None if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return None


def peer_benchmark(df: pd.DataFrame, assessment_id: str,
                   min_peers: int = DEFAULT_MIN_PEERS) -> PeerBenchmark:
    """The benchmark of one assessment in the frame (see :class:`PeerBenchmark`)."""
    found = df[df["id"] == assessment_id]
    if found.empty:
        raise KeyError(f"assessment {assessment_id} is not in the portfolio")
    me = found.iloc[0]
    industry = me["industry"] if isinstance(me["industry"], str) else None
    band = me["size_band"] if isinstance(me["size_band"], str) else None
    candidates = df[(df["status"] == "complete") & (df["firm_key"] != me["firm_key"])
                    & (df["firm_key"] != "")]
    if industry is None:
        return PeerBenchmark(assessment_id, None, None, 0, min_peers, False)
    candidates = candidates[candidates["industry"] == industry]
    latest = candidates.sort_values(["date", "id"]).drop_duplicates("firm_key", keep="last")
    group, used_band = latest, None
    if band is not None:
        same_band = latest[latest["size_band"] == band]
        if len(same_band) >= min_peers:
            group, used_band = same_band, band
    if len(group) < min_peers:
        return PeerBenchmark(assessment_id, industry, None, len(group), min_peers, False)
    rows = []
    for column in dimension_columns(df):
        values = group[column].dropna().astype(float)
        rows.append(PeerRow(column[len(DIM):], _float(me[column]),
                            _float(values.mean()) if len(values) else None,
                            _float(values.median()) if len(values) else None,
                            _float(values.quantile(0.25)) if len(values) else None,
                            _float(values.quantile(0.75)) if len(values) else None))
    return PeerBenchmark(assessment_id, industry, used_band, len(group), min_peers, True,
                         tuple(rows))


# ---------------------------------------------------------------------------- readable tables

@dataclass(frozen=True)
class Labels:
    """Readable names (both languages) of dimensions, industries and stages."""

    dimensions: dict[str, dict[str, str]]
    industries: dict[str, dict[str, str]]
    stages: dict[int, dict[str, str]]

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Labels:
        from .catalog import DEFAULT_QUESTIONNAIRE

        instrument = catalog.instrument(DEFAULT_QUESTIONNAIRE)
        dims = {d.id: d.name.model_dump() for d in instrument.dimensions}
        field_ = instrument.field_for_role("industry")
        industries = {o.id: o.label.model_dump() for o in (field_.options or [])} \
            if field_ else {}
        stages = {s: instrument.stage_name(s).model_dump() for s in range(5)}
        return cls(dims, industries, stages)

    def dimension(self, dim: str, lang: str) -> str:
        return self.dimensions.get(dim, {}).get(lang) or dim

    def industry(self, industry: str | None, lang: str) -> str:
        if not industry:
            return "—"
        return self.industries.get(industry, {}).get(lang) or industry

    def stage(self, stage: Any, lang: str) -> str:
        number = _int(stage)
        if number is None:
            return "未评分" if lang == "zh" else "not scored"
        return f"{number} {self.stages.get(number, {}).get(lang, '')}".strip()


def _int(value: Any) -> int | None:
    f = _float(value)
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


def header(key: str, lang: str) -> str:
    return HEADERS.get(key, {}).get(lang, key)


def kind_label(kind: str, lang: str) -> str:
    return KINDS.get(kind, {}).get(lang, kind)


def status_label(status: str, lang: str) -> str:
    return STATUSES.get(status, {}).get(lang, status)


def size_label(band: Any, lang: str) -> str:
    return SIZE_LABELS.get(band, {}).get(lang, "—") if isinstance(band, str) else "—"


def tables(df: pd.DataFrame, labels: Labels, lang: str) -> dict[str, pd.DataFrame]:
    """The tables of an export, keyed by sheet name, with headers and labels in ``lang``;
    numbers stay numbers."""
    import pandas as pd

    dims = dimension_columns(df)

    def mapped(column: str, fn: Callable[[Any, str], str]) -> Any:
        """Label a column through its distinct values (a few), not row by row."""
        series = df[column].astype(object)
        series = series.where(series.notna(), None)
        distinct = {v: fn(v, lang) for v in set(series)}
        return series.map(distinct)

    listing = pd.DataFrame({
        header("company_name", lang): df["company_name"],
        header("industry", lang): mapped("industry", labels.industry),
        header("city", lang): df["city"].fillna(""),
        header("size_band", lang): mapped("size_band", size_label),
        header("kind", lang): mapped("kind", kind_label),
        header("status", lang): mapped("status", status_label),
        header("date", lang): df["date"],
        header("index", lang): df["index"].astype(float).round(1),
        header("stage_index", lang): mapped("stage_index", labels.stage),
        header("stage_weakest", lang): mapped("stage_weakest", labels.stage),
        header("completeness", lang): df["completeness"].astype(float).round(3),
        **{labels.dimension(c[len(DIM):], lang): df[c].astype(float).round(2) for c in dims},
        header("id", lang): df["id"],
    })
    distribution = stage_distribution(df)
    total = max(int(distribution["count"].sum()), 1)
    stages = pd.DataFrame({
        header("stage", lang): [labels.stage(s, lang) for s in distribution["stage"]],
        header("count", lang): distribution["count"],
        header("share", lang): (distribution["count"] / total).round(4),
    })
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
    return {SHEETS["assessments"][lang]: listing, SHEETS["stages"][lang]: stages,
            SHEETS["stages_by_industry"][lang]: by_industry_table,
            SHEETS["dimensions"][lang]: averages_table}


# ---------------------------------------------------------------------------- export

def _atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    target = Path(path)
    if target.is_dir():
        raise PortfolioError(f"{target} is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                   dir=target.parent)
    except OSError as exc:
        raise PortfolioError(f"{target}: cannot write in {target.parent}: "
                             f"{exc.strerror or exc}") from None
    os.close(fd)
    try:
        write(Path(tmp))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        raise PortfolioError(f"{target}: cannot be written: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join("_" if c in '[]:*?/\\' else c for c in name)[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate in used:
        suffix = f" ({n})"
        candidate, n = clean[:31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def export_excel(sheets: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """One sheet per table; a bold, frozen header row; columns sized to their contents."""
    import pandas as pd
    from openpyxl.styles import Font

    def write(tmp: Path) -> None:
        used: set[str] = set()
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, table in sheets.items():
                sheet_name = _sheet_name(name, used)
                table.to_excel(writer, sheet_name=sheet_name, index=False)
                sheet = writer.sheets[sheet_name]
                sheet.freeze_panes = "A2"
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
                for i, column in enumerate(table.columns, start=1):
                    sample = [str(column), *map(str, table[column].head(200))]
                    widest = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
                                 for text in sample)
                    letter = sheet.cell(row=1, column=i).column_letter
                    sheet.column_dimensions[letter].width = min(max(widest + 2, 8), 60)

    return _atomic(path, write)


def export_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads it right."""
    return _atomic(path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8-sig"))


def load(store: Any, catalog: Catalog) -> tuple[pd.DataFrame, Labels]:
    """Every stored assessment as a frame (dimensions in questionnaire order) and the labels
    to show it."""
    labels = Labels.from_catalog(catalog)
    return frame(store.assessments(), list(labels.dimensions)), labels
