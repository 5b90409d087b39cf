"""The portfolio's table: every stored assessment as one pandas row, filters, and the summary
tables a programme officer reads (stage distribution, dimension averages by industry,
a firm's progress). pandas is imported inside the functions: the core stays light."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..assessment.firm_size import LABELS as SIZE_LABELS

if TYPE_CHECKING:
    import pandas as pd

    from ..store.rows import AssessmentRow

DIM = "dim."          # prefix of the dimension-level columns

STAGES = (0, 1, 2, 3, 4)
BASE_COLUMNS = ("id", "firm_key", "company_name", "industry", "city", "kind", "status", "date",
                "updated_at", "index", "stage_index", "stage_weakest", "completeness",
                "size_band", "previous_id", "sample", "industry_label_zh", "industry_label_en")

# The fictional sample (core/app/sample.py, templates/samples/) is recognised by the mark its
# company name starts with, which travels with it in bundles and other data folders, and by the
# ids the settings remember. Its credit code is the one of an example firm, so a sample's
# ``firm_key`` is set apart ("sample:" + key): it is never the same firm as a real one.
SAMPLE_NAME_MARK = "【示例】"
SAMPLE_KEY = "sample:"

# the scalar keys read from each stored summary (session.summary_of)
_SUMMARY_KEYS = ("index", "stage_index", "stage_weakest", "completeness", "date", "size_band")


class PortfolioError(RuntimeError):
    """An export that cannot be written; the message names the file."""


# ---------------------------------------------------------------------------- the frame

def frame(rows: Iterable[AssessmentRow], dimensions: Sequence[str] | None = None,
          samples: Collection[str] = ()) -> pd.DataFrame:
    """One row per assessment: the columns of :data:`BASE_COLUMNS` and one float column per
    dimension level (``dim.<dimension id>``, NaN when not scored).

    ``sample`` is True for the fictional sample: its id is in ``samples`` (the ids the settings
    remember) or its company name starts with :data:`SAMPLE_NAME_MARK` (see :func:`is_sample`).

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
    base = {"id": [r.id for r in rows], "firm_key": [r.firm_key for r in rows],
            "company_name": [r.company_name for r in rows],
            "industry": [r.industry for r in rows], "city": [r.city for r in rows],
            "kind": [r.kind for r in rows], "status": [r.status for r in rows],
            "created_at": [r.created_at for r in rows],
            "updated_at": [r.updated_at for r in rows],
            "previous_id": [r.previous_id for r in rows]}
    return assemble(base, scalars, pd.DataFrame(levels, columns=dims) if dims else None,
                    dims, _summary_industry_names(rows, summaries), samples)


def assemble(base: dict[str, list[Any]], scalars: pd.DataFrame,
             matrix: pd.DataFrame | Mapping[str, list[Any]] | None,
             dims: Sequence[str], names: dict[str | None, dict[str, str]],
             samples: Collection[str] = ()) -> pd.DataFrame:
    """The frame of :func:`frame` from its parts, whoever read them (the rows of
    :meth:`Store.assessments`, or SQL reading only what the portfolio needs): ``base``, the
    listing columns (id, firm_key, company_name, industry, city, kind, status, created_at,
    updated_at, previous_id) as lists; ``scalars``, the summary values of
    ``_SUMMARY_KEYS``; ``matrix``, the dimension levels (columns ``dims``, as a frame or
    lists by dimension); ``names``, the
    industry names by industry id."""
    import numpy as np
    import pandas as pd

    def number(values: Any) -> Any:
        if isinstance(values, pd.Series):
            values = values.to_numpy(dtype=object)
        try:   # numbers and None (NaN): NumPy converts them at once
            return np.array(values, dtype=float)
        except (TypeError, ValueError):   # a text, a list...: each one as pandas reads it
            return pd.to_numeric(pd.Series(values, dtype=object),
                                 errors="coerce").astype(float).to_numpy()

    def stage(values: Any) -> Any:
        raw = pd.Series(number(values))
        return (raw.where(raw.between(0, 4)) // 1).astype("Int64").array

    dates = [d if isinstance(d, str) and d else c[:10]
             for d, c in zip(scalars["date"].tolist(), base["created_at"], strict=True)]
    bands = scalars["size_band"].where(scalars["size_band"].isin(list(SIZE_LABELS)), None)
    marked = _marked(base["id"], base["company_name"], samples)
    data: dict[str, Any] = {
        "id": base["id"],
        "firm_key": [SAMPLE_KEY + k if m and k else k
                     for k, m in zip(base["firm_key"], marked, strict=True)],
        "company_name": base["company_name"],
        "industry": [i or None for i in base["industry"]],
        "city": [c or None for c in base["city"]],
        "kind": base["kind"],
        "status": base["status"],
        "date": dates,
        "updated_at": base["updated_at"],
        "index": number(scalars["index"]),
        "stage_index": stage(scalars["stage_index"]),
        "stage_weakest": stage(scalars["stage_weakest"]),
        "completeness": number(scalars["completeness"]),
        "size_band": bands.tolist(),
        "previous_id": [p or None for p in base["previous_id"]],
        "sample": pd.array(marked, dtype=bool),
    }
    if dims and matrix is not None:
        for dim in dims:
            data[DIM + dim] = number(matrix[dim])
    df = pd.DataFrame(data)
    for lang in ("zh", "en"):  # through the few distinct industries, not row by row
        by_id = {i: n[lang] for i, n in names.items() if i is not None and lang in n}
        df["industry_label_" + lang] = df["industry"].map(by_id).astype(object)
    return df[[*BASE_COLUMNS, *(DIM + d for d in dims)]]


def _marked(ids: list[str], names: list[str], samples: Collection[str]) -> list[bool]:
    """:func:`is_sample` for every row. Only the names the mark occurs in are looked at
    (found by searching all of them joined, in C): 100,000 names take milliseconds."""
    import numpy as np

    chosen = set(samples)
    marked = [i in chosen for i in ids]
    joined = "\n".join(names)
    at = joined.find(SAMPLE_NAME_MARK)
    if at < 0:
        return marked
    # where each name's text ends in the joined text (its "\n" included)
    ends = np.cumsum(np.fromiter(map(len, names), dtype=np.int64, count=len(names)) + 1)
    while at >= 0:
        row = int(np.searchsorted(ends, at, side="right"))
        marked[row] = marked[row] or names[row].strip().startswith(SAMPLE_NAME_MARK)
        at = joined.find(SAMPLE_NAME_MARK, int(ends[row]))   # on from the next name
    return marked


def is_sample(row: AssessmentRow, samples: Collection[str] = ()) -> bool:
    """Whether a stored assessment is the fictional sample (see :data:`SAMPLE_NAME_MARK`)."""
    return row.id in samples or row.company_name.strip().startswith(SAMPLE_NAME_MARK)


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
