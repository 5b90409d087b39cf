"""Which assessments the portfolio and the peer statistics count.

By default they leave out three kinds of assessment, each of which would distort the figures:

- **samples**: the fictional sample firm (``sample`` column of the frame, see
  :data:`.frame.SAMPLE_NAME_MARK`);
- **drafts** answered below :data:`MIN_COMPLETENESS`: too few answers for a stage or a level
  to mean much;
- **superseded** assessments: a later assessment of the same firm (same ``firm_key``, later by
  assessment date, then last change, then id) or one made as its follow-up (its
  ``previous_id``) replaces it. Only an assessment that itself counts (not a sample, not a thin
  draft) replaces another, so an 11 % follow-up just started never hides the complete
  assessment before it.

A :class:`Scope` can include each kind again (the check boxes of the portfolio screen);
:meth:`Scope.apply` says how many of each were left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: A draft with fewer than this share of its required questions answered is not counted.
MIN_COMPLETENESS = 0.5

#: The kinds of excluded assessment, in the order an assessment is attributed to one: a
#: sample that is also a draft is counted once, as a sample; an earlier draft of a firm
#: assessed again since, as superseded.
REASONS = ("sample", "superseded", "draft")


def samples(df: pd.DataFrame) -> pd.Series:
    """True for the rows of the fictional sample."""
    return df["sample"].fillna(False).astype(bool)


def thin_drafts(df: pd.DataFrame) -> pd.Series:
    """True for drafts answered below :data:`MIN_COMPLETENESS` (no completeness: 0)."""
    import pandas as pd

    done = pd.to_numeric(df["completeness"], errors="coerce").astype(float).fillna(0.0)
    return (df["status"] != "complete") & (done < MIN_COMPLETENESS)


def superseded(df: pd.DataFrame, left_out: Any = None) -> pd.Series:
    """True for assessments replaced by a later counted one of the same firm, or by a counted
    follow-up made from them (see the module's description). ``left_out``: the samples and
    thin drafts when the caller has them already (a boolean array per row)."""
    import pandas as pd

    if df.empty:
        return pd.Series(False, index=df.index, dtype=bool)
    if left_out is None:
        left_out = (samples(df) | thin_drafts(df)).to_numpy(dtype=bool)
    counts = ~left_out
    # (date, last change, id) as one string: "\0" sorts before every character, so the
    # strings order as the tuples do. Plain Python over the columns: a pandas groupby max of
    # strings goes row by row anyway, and slower (seconds for 100,000 assessments)
    ids = _texts(df["id"])
    order = [f"{d}\0{u}\0{i}" for d, u, i in zip(
        _texts(df["date"]), _texts(df["updated_at"]), ids, strict=True)]
    keyed = _texts(df["firm_key"])
    newest: dict[str, str] = {}
    for key, when, counted in zip(keyed, order, counts, strict=True):
        if counted and key and when > newest.get(key, ""):
            newest[key] = when
    by_firm = [bool(key) and newest.get(key, "") > when
               for key, when in zip(keyed, order, strict=True)]
    followed = {p for p, counted in zip(_texts(df["previous_id"]), counts, strict=True)
                if counted and p}
    by_follow_up = [i in followed for i in ids]
    return pd.Series([a or b for a, b in zip(by_firm, by_follow_up, strict=True)],
                     index=df.index, dtype=bool)


def _texts(column: pd.Series) -> list[str]:
    """A column's values as strings, "" for missing ones (None, NaN, NA)."""
    import pandas as pd

    values = column.to_numpy(dtype=object, na_value="")   # None, NaN and NA: ""
    if isinstance(column.dtype, pd.StringDtype):   # texts already: no look at each one
        return list(values.tolist())
    return [v if v.__class__ is str else str(v) for v in values]


def flags(df: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per reason of :data:`REASONS`, for every row of the frame."""
    import pandas as pd

    sample = samples(df).to_numpy(dtype=bool)
    draft = thin_drafts(df).to_numpy(dtype=bool)
    return pd.DataFrame({"sample": sample, "draft": draft,
                         "superseded": superseded(df, sample | draft).to_numpy(dtype=bool)},
                        index=df.index)


@dataclass(frozen=True)
class Counted:
    """What :meth:`Scope.apply` kept, and how many it left out."""

    frame: pd.DataFrame
    excluded: dict[str, int]   # reason: rows left out for it (each row once, see REASONS)
    flagged: dict[str, int]    # reason: rows of that kind, counted or not

    @property
    def total_excluded(self) -> int:
        return sum(self.excluded.values())


@dataclass(frozen=True)
class Scope:
    """Which kinds of assessment to count again; by default none of them (see the module)."""

    samples: bool = False
    drafts: bool = False
    superseded: bool = False

    def includes(self, reason: str) -> bool:
        return bool(getattr(self, {"sample": "samples", "draft": "drafts",
                                   "superseded": "superseded"}[reason]))

    def apply(self, df: pd.DataFrame) -> Counted:
        """The rows of ``df`` this scope counts (in their order) and the counts of the rest."""
        import numpy as np

        marks = flags(df)
        left_out = marks[[r for r in REASONS if not self.includes(r)]]
        dropped = left_out.any(axis=1).to_numpy(dtype=bool)
        excluded = dict.fromkeys(REASONS, 0)
        taken = np.zeros(len(df), dtype=bool)
        for reason in left_out.columns:
            mine = left_out[reason].to_numpy(dtype=bool) & ~taken
            excluded[str(reason)] = int(mine.sum())
            taken |= mine
        flagged = {r: int(marks[r].sum()) for r in REASONS}
        return Counted(df[~dropped], excluded, flagged)
