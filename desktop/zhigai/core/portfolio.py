"""The portfolio: every stored assessment as one table (pandas), filters, the summary tables a
programme officer reads (stage distribution, dimension averages by industry, a firm's progress),
the peer benchmark, and export to Excel and CSV.

pandas (and openpyxl) are imported inside the functions: the core must stay light to import.
"""

from __future__ import annotations

import os
import re
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
STAGES = (0, 1, 2, 3, 4)
BASE_COLUMNS = ("id", "firm_key", "company_name", "industry", "city", "kind", "status", "date",
                "updated_at", "index", "stage_index", "stage_weakest", "completeness",
                "size_band", "industry_label_zh", "industry_label_en")
# the scalar keys read from each stored summary (session.summary_of)
_SUMMARY_KEYS = ("index", "stage_index", "stage_weakest", "completeness", "date", "size_band")


class PortfolioError(RuntimeError):
    """An export that cannot be written; the message names the file."""


# ---------------------------------------------------------------------------- the frame

def frame(rows: Iterable[AssessmentRow], dimensions: Sequence[str] | None = None
          ) -> pd.DataFrame:
    """One row per assessment: the columns of :data:`BASE_COLUMNS` and one float column per
    dimension level (``dim.<dimension id>``, NaN when not scored).

    Built column by column from the stored summaries (pandas reads the summary dicts in C), so
    100,000 assessments take a fraction of a second. ``dimensions`` orders the level columns
    (e.g. as the questionnaire does); ids found in the summaries but not listed come after,
    sorted. Summaries of older or damaged rows (missing keys, odd values) give NaN, not errors.
    """
    import pandas as pd

    rows = rows if isinstance(rows, list) else list(rows)
    summaries = [r.summary if isinstance(r.summary, dict) else {} for r in rows]
    scalars = pd.DataFrame(summaries, columns=list(_SUMMARY_KEYS))
    levels = [d if isinstance(d := s.get("dimensions"), dict) else {} for s in summaries]
    listed = list(dict.fromkeys(dimensions or ()))
    found: set[str] = set().union(*levels) if levels else set()
    dims = listed + sorted(str(d) for d in found - set(listed))

    def number(values: Any) -> Any:
        return pd.to_numeric(values, errors="coerce").astype(float).to_numpy()

    def stage(values: Any) -> Any:
        raw = pd.Series(number(values))
        return (raw.where(raw.between(0, 4)) // 1).astype("Int64").array

    created = [r.created_at[:10] for r in rows]
    dates = [d if isinstance(d, str) and d else c
             for d, c in zip(scalars["date"].tolist(), created, strict=True)]
    bands = scalars["size_band"].where(scalars["size_band"].isin(list(SIZE_LABELS)), None)
    industries = [r.industry or None for r in rows]
    names = _summary_industry_names(rows, summaries)
    data: dict[str, Any] = {
        "id": [r.id for r in rows],
        "firm_key": [r.firm_key for r in rows],
        "company_name": [r.company_name for r in rows],
        "industry": industries,
        "city": [r.city or None for r in rows],
        "kind": [r.kind for r in rows],
        "status": [r.status for r in rows],
        "date": dates,
        "updated_at": [r.updated_at for r in rows],
        "index": number(scalars["index"]),
        "stage_index": stage(scalars["stage_index"]),
        "stage_weakest": stage(scalars["stage_weakest"]),
        "completeness": number(scalars["completeness"]),
        "size_band": bands.tolist(),
    }
    if dims:
        matrix = pd.DataFrame(levels, columns=dims)
        for dim in dims:
            data[DIM + dim] = number(matrix[dim])
    df = pd.DataFrame(data)
    for lang in ("zh", "en"):  # through the few distinct industries, not row by row
        by_id = {i: n[lang] for i, n in names.items() if i is not None and lang in n}
        df["industry_label_" + lang] = df["industry"].map(by_id).astype(object)
    return df[[*BASE_COLUMNS, *(DIM + d for d in dims)]]


def _summary_industry_names(rows: Sequence[AssessmentRow], summaries: Sequence[dict[str, Any]]
                            ) -> dict[str | None, dict[str, str]]:
    """The industry names stored in the summaries, once per industry id (the summary labels
    name industries of questionnaires the catalog may no longer have)."""
    names: dict[str | None, dict[str, str]] = {}
    for r, s in zip(rows, summaries, strict=True):
        key = r.industry or None
        if key in names:
            continue
        labels = s.get("labels")
        raw = labels.get("industry") if isinstance(labels, dict) else None
        names[key] = {lang: raw[lang] for lang in ("zh", "en")
                      if isinstance(raw.get(lang), str)} if isinstance(raw, dict) else {}
    return names


def dimension_columns(df: pd.DataFrame) -> list[str]:
    """The dimension-level columns of a frame, in order."""
    return [str(c) for c in df.columns if str(c).startswith(DIM)]


@dataclass
class Filter:
    """Which assessments to keep. Empty fields do not filter; several values in a field mean
    any of them. Dates are ISO (YYYY-MM-DD), both ends inclusive."""

    industries: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    stages: list[int] = field(default_factory=list)      # stage by index, 0-4
    kinds: list[str] = field(default_factory=list)       # "self", "expert"
    date_from: str | None = None
    date_to: str | None = None

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``df`` that pass (the frame itself when nothing filters)."""
        masks = []
        if self.industries:
            masks.append(df["industry"].isin(self.industries))
        if self.cities:
            masks.append(df["city"].isin(self.cities))
        if self.stages:
            masks.append(df["stage_index"].isin([int(s) for s in self.stages]).fillna(False))
        if self.kinds:
            masks.append(df["kind"].isin(self.kinds))
        if self.date_from:
            masks.append(df["date"] >= self.date_from)
        if self.date_to:
            masks.append(df["date"] <= self.date_to)
        if not masks:
            return df
        mask = masks[0]
        for more in masks[1:]:
            mask = mask & more
        return df[mask.astype(bool).to_numpy()]


# ---------------------------------------------------------------------------- summaries

def stage_distribution(df: pd.DataFrame) -> pd.DataFrame:
    """Assessments per stage (by index): columns ``stage`` (0-4, then <NA> for "not scored")
    and ``count``; every stage has a row, also when nobody is there."""
    import pandas as pd

    counts = df["stage_index"].value_counts()
    values = [int(counts.get(s, 0)) for s in STAGES] + [int(df["stage_index"].isna().sum())]
    return pd.DataFrame({"stage": pd.array([*STAGES, None], dtype="Int64"), "count": values})


def stage_by_industry(df: pd.DataFrame) -> pd.DataFrame:
    """Assessments per industry (rows, industry id; "" when unknown) and stage 0-4
    (columns); scored assessments only."""
    import pandas as pd

    scored = df[df["stage_index"].notna().to_numpy()]
    if scored.empty:
        return pd.DataFrame(columns=list(STAGES), dtype="int64")
    table = pd.crosstab(scored["industry"].fillna(""), scored["stage_index"].astype(int))
    table = table.reindex(columns=list(STAGES), fill_value=0)
    table.columns.name = None
    return table


def dimension_averages(df: pd.DataFrame) -> pd.DataFrame:
    """Mean level of every dimension by industry (index: industry id, "" when unknown) with
    the number of assessments ``n`` first."""
    dims = dimension_columns(df)
    grouped = df.assign(industry=df["industry"].fillna("")).groupby("industry", sort=True)
    means = grouped[dims].mean()
    means.insert(0, "n", grouped.size())
    return means


def firm_progress(df: pd.DataFrame, firm_key: str) -> pd.DataFrame:
    """One firm's assessments over time, oldest first: id, date, kind, status, index, both
    stages and the dimension levels."""
    columns = ["id", "date", "kind", "status", "index", "stage_index", "stage_weakest",
               *dimension_columns(df)]
    if not firm_key:
        return df.iloc[0:0][columns]
    mine = df[(df["firm_key"] == firm_key).to_numpy()]
    return mine.sort_values(["date", "updated_at", "id"])[columns]


# ---------------------------------------------------------------------------- peers

@dataclass(frozen=True)
class PeerRow:
    """One dimension: the firm's level and its peers' mean, median and quartiles."""

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
    has fewer than ``min_peers`` (``peers`` says how many): nothing is compared then, which
    also keeps the figures of a small group from identifying its firms."""

    assessment_id: str
    industry: str | None
    size_band: str | None
    peers: int
    min_peers: int
    enough: bool
    rows: tuple[PeerRow, ...] = ()

    def group(self, lang: str, industry_label: str | None = None) -> str:
        """The peer group in words: "纺织·小型企业", "Textiles, small firms"."""
        industry = industry_label or self.industry or "—"
        band = SIZE_LABELS.get(self.size_band or "", {}).get(lang, "")
        if lang == "zh":
            return industry + (f"·{band}企业" if band else "")
        return f"{industry}, {band.lower()} firms" if band else industry

    def text(self, lang: str, industry_label: str | None = None) -> str:
        """One sentence for a report: which group was compared, or why none was."""
        if not self.enough:
            return (f"同行业可比企业只有 {self.peers} 家（至少需要 {self.min_peers} 家），"
                    "暂不做同行对比。" if lang == "zh" else
                    f"Only {self.peers} comparable firm(s) in the industry (at least "
                    f"{self.min_peers} needed); no peer comparison yet.")
        group = self.group(lang, industry_label)
        if lang == "zh":
            return f"对比对象：{group}，共 {self.peers} 家（每家取最近一次完整评估）。"
        return (f"Compared with {self.peers} peer firms ({group}; each firm's latest complete "
                "assessment).")


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN


def latest_complete(df: pd.DataFrame) -> pd.DataFrame:
    """Each identified firm's latest complete assessment (by assessment date, then last
    change): the pool peers are drawn from."""
    done = df[((df["status"] == "complete") & (df["firm_key"] != "")).to_numpy()]
    return done.sort_values(["date", "updated_at", "id"]).drop_duplicates("firm_key",
                                                                          keep="last")


def peer_benchmark(df: pd.DataFrame, assessment_id: str,
                   min_peers: int = DEFAULT_MIN_PEERS,
                   pool: pd.DataFrame | None = None) -> PeerBenchmark:
    """The benchmark of one assessment of the frame (see :class:`PeerBenchmark`); raises
    KeyError when it is not there. ``pool`` is :func:`latest_complete` of the same frame
    when already computed (a screen benchmarking row after row reuses it)."""
    found = df[(df["id"] == assessment_id).to_numpy()]
    if found.empty:
        raise KeyError(f"assessment {assessment_id} is not in the portfolio")
    me = found.iloc[0]
    industry = me["industry"] if isinstance(me["industry"], str) and me["industry"] else None
    band = me["size_band"] if isinstance(me["size_band"], str) else None
    min_peers = max(int(min_peers), 1)
    if industry is None:
        return PeerBenchmark(assessment_id, None, None, 0, min_peers, False)
    if pool is None:  # only the firms ever assessed in the industry need sorting
        firms = df.loc[(df["industry"] == industry).to_numpy(), "firm_key"].unique()
        pool = latest_complete(df[df["firm_key"].isin(firms).to_numpy()])
    group = pool[((pool["industry"] == industry)
                  & (pool["firm_key"] != me["firm_key"])).to_numpy()]
    used_band = None
    if band is not None:
        same_band = group[(group["size_band"] == band).to_numpy()]
        if len(same_band) >= min_peers:
            group, used_band = same_band, band
    if len(group) < min_peers:
        return PeerBenchmark(assessment_id, industry, None, len(group), min_peers, False)
    rows = []
    for column in dimension_columns(df):
        values = group[column].dropna().astype(float)
        if len(values):
            q1, median, q3 = (float(v) for v in values.quantile([0.25, 0.5, 0.75]))
            rows.append(PeerRow(column[len(DIM):], _float(me[column]), float(values.mean()),
                                median, q1, q3))
        else:
            rows.append(PeerRow(column[len(DIM):], _float(me[column]), None, None, None, None))
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
        """The names of the default questionnaire (dimensions in its order)."""
        from .catalog import DEFAULT_QUESTIONNAIRE

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
        from .catalog import default_catalog

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
    import pandas as pd

    labels = (labels or Labels.default()).including(df)
    dims = dimension_columns(df)

    def mapped(column: str, fn: Callable[[Any, str], str]) -> Any:
        """Label a column through its distinct values (a few), not row by row."""
        series = df[column].astype(object)
        series = series.where(series.notna(), None)
        distinct = {v: fn(v, lang) for v in set(series)}
        return series.map(distinct)

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


# ---------------------------------------------------------------------------- export

# characters an .xlsx cannot hold (openpyxl refuses them)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# a cell starting with one of these is run as a formula by spreadsheet programs
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file in the target's folder, then rename it into place: a
    failure leaves no half-written file (and an existing file untouched)."""
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
        hint = " (is it open in another program?)" \
            if isinstance(exc, PermissionError) and target.exists() else ""
        raise PortfolioError(f"{target}: cannot be written: {exc.strerror or exc}{hint}"
                             ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\, not blank."""
    clean = "".join("_" if c in '[]:*?/\\' else c for c in name).strip("'")[:31].strip()
    clean = clean or "Sheet"
    candidate, n = clean, 2
    while candidate.casefold() in {u.casefold() for u in used}:
        suffix = f" ({n})"
        candidate, n = clean[:31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _text_columns(table: pd.DataFrame) -> list[Any]:
    import pandas as pd

    return [c for c in table.columns
            if pd.api.types.is_object_dtype(table[c]) or pd.api.types.is_string_dtype(table[c])]


def _starts_formula(series: pd.Series) -> Any:
    text = series.where(series.map(lambda v: isinstance(v, str)), "").astype(str)
    return text.str.startswith(_FORMULA_START).to_numpy()


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def export_excel(sheets: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """One sheet per table (sheet names made valid and unique), a bold and frozen header
    row, columns sized to their contents, numbers as numbers (with the table's
    ``attrs["number_formats"]``) and text as text, also text that looks like a formula.
    Written atomically; raises :class:`PortfolioError` naming the file when it cannot be."""
    import pandas as pd
    from openpyxl.styles import Font

    def write(tmp: Path) -> None:
        used: set[str] = set()
        bold = Font(bold=True)
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, table in sheets.items():
                sheet_name = _sheet_name(str(name), used)
                texts = _text_columns(table)
                clean = table.copy()
                for column in texts:
                    values = clean[column]
                    strings = values.map(lambda v: isinstance(v, str))
                    clean[column] = values.where(~strings, values.astype(str).str.replace(
                        _ILLEGAL, "", regex=True))
                clean.to_excel(writer, sheet_name=sheet_name, index=False)
                sheet = writer.sheets[sheet_name]
                sheet.freeze_panes = "A2"
                for cell in sheet[1]:
                    cell.font = bold
                formats = table.attrs.get(NUMBER_FORMATS, {})
                for i, column in enumerate(clean.columns, start=1):
                    letter = sheet.cell(row=1, column=i).column_letter
                    if column in texts:  # a value like "=1+2" stays text
                        for r in _starts_formula(clean[column]).nonzero()[0]:
                            sheet.cell(row=int(r) + 2, column=i).data_type = "s"
                    fmt = formats.get(column)
                    if fmt:
                        for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                            cell.number_format = fmt
                    sample = [str(column), *map(str, clean[column].head(200))]
                    widest = max(_width(text) for text in sample)
                    sheet.column_dimensions[letter].width = min(max(widest + 2, 8), 60)

    return _atomic(path, write)


def export_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads it right. Text that
    a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
    Written atomically; raises :class:`PortfolioError` naming the file when it cannot be."""
    safe = table.copy()
    for column in _text_columns(safe):
        starts = _starts_formula(safe[column])
        if starts.any():
            values = safe[column].astype(object)
            values[starts] = "'" + values[starts].astype(str)
            safe[column] = values
    return _atomic(path, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig"))


def load(store: Any, catalog: Catalog) -> tuple[pd.DataFrame, Labels]:
    """Every stored assessment as a frame (dimensions in questionnaire order) and the labels
    to show it."""
    labels = Labels.from_catalog(catalog)
    df = frame(store.assessments(), list(labels.dimensions))
    return df, labels.including(df)
