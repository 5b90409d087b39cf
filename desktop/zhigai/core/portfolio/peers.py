"""The peer benchmark: a firm against the latest complete assessments of firms of its industry
and size band, only when the group is large enough. Peers are drawn from what the portfolio
counts (:mod:`.scope`): never the fictional sample, never an assessment a follow-up replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..assessment.firm_size import LABELS as SIZE_LABELS
from .frame import DIM, dimension_columns
from .scope import Scope

if TYPE_CHECKING:
    import pandas as pd


DEFAULT_MIN_PEERS = 5


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


def as_float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN


def latest_complete(df: pd.DataFrame, scope: Scope | None = None) -> pd.DataFrame:
    """Each identified firm's latest complete assessment (by assessment date, then last
    change): the pool peers are drawn from. As ``scope`` says (by default), the sample is
    left out, and so is a complete assessment whose follow-up is complete too (also when the
    firm's name or code changed in between); a newer draft replaces nothing here."""
    scope = scope or Scope()
    counted = Scope(samples=scope.samples, drafts=True, superseded=True).apply(df).frame
    done = counted[((counted["status"] == "complete") & (counted["firm_key"] != "")).to_numpy()]
    if not scope.superseded:
        followed = set(done["previous_id"].dropna().astype(str))
        done = done[~done["id"].isin(followed).to_numpy()]
    return done.sort_values(["date", "updated_at", "id"]).drop_duplicates("firm_key",
                                                                          keep="last")


def peer_benchmark(df: pd.DataFrame, assessment_id: str,
                   min_peers: int = DEFAULT_MIN_PEERS,
                   pool: pd.DataFrame | None = None,
                   scope: Scope | None = None) -> PeerBenchmark:
    """The benchmark of one assessment of the frame (see :class:`PeerBenchmark`); raises
    KeyError when it is not there. ``pool`` is :func:`latest_complete` of the same frame
    (and ``scope``) when already computed (a screen benchmarking row after row reuses it)."""
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
        pool = latest_complete(df[df["firm_key"].isin(firms).to_numpy()], scope)
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
            rows.append(PeerRow(column[len(DIM):], as_float(me[column]), float(values.mean()),
                                median, q1, q3))
        else:
            rows.append(PeerRow(column[len(DIM):], as_float(me[column]), None, None, None, None))
    return PeerBenchmark(assessment_id, industry, used_band, len(group), min_peers, True,
                         tuple(rows))
