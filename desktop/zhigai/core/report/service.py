"""Making reports: from an assessment file or a stored assessment to a PDF on disk, written
atomically (a failed build never leaves half a file or replaces a good one)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..advice.data import AdviceData, default_advice_data
from ..assessment.checking import check_against
from ..assessment.model import Assessment, load_assessment
from ..base.diagnostics import DataFileError
from ..base.private import set_mode
from ..questionnaire.catalog import Catalog, CatalogError, default_catalog

Progress = Callable[[int, int], None]


class ReportError(ValueError):
    """The report cannot be made; the message says why and where."""


@dataclass(frozen=True)
class Made:
    path: Path
    pages: int
    report_id: str
    code: str
    company: str


def find_in_store(key: str, store_url: str | None = None) -> Assessment:
    """A stored assessment by its id or an unambiguous beginning of it (6+ characters)."""
    from ..store.errors import StoreError
    from ..store.listing import prefix_count
    from ..store.store import Store

    try:
        store = Store.open(store_url)
    except StoreError as error:
        raise ReportError(str(error)) from None
    try:
        try:
            # the id or an unambiguous beginning of it, found in SQL (not among every row)
            return store.load(store.resolve(key))
        except StoreError as error:
            if error.kind != "missing":
                raise ReportError(str(error)) from None
            found = prefix_count(store, key) if len(key) >= 6 else 0
            if found > 1:
                raise ReportError(f"'{key}' matches {found} stored assessments; give more "
                                  "of the id") from None
        from ..store.url import display_url

        raise ReportError(f"'{key}' is neither a file nor an assessment id in the store "
                          f"({display_url(store.url)})")
    finally:
        store.close()


def photos_from_store(assessment: Assessment, store_url: str | None = None) -> dict[str, bytes]:
    """The evidence photos of an assessment kept in the store (none for other files)."""
    from ..store.errors import StoreError
    from ..store.store import Store

    if not any(e.photos for e in assessment.evidence.values()):
        return {}
    try:
        store = Store.open(store_url)
    except StoreError:
        return {}
    try:
        return store.attachments(assessment.id)
    except StoreError:
        return {}
    finally:
        store.close()


def peers_from_store(assessment: Assessment, store_url: str | None = None,
                     min_peers: int | None = None) -> Any:
    """The peer benchmark of a stored assessment against the rest of the store (None when it
    is not in the store)."""
    from ..portfolio.peers import DEFAULT_MIN_PEERS, peer_benchmark
    from ..portfolio.stored import stored_frame
    from ..store.errors import StoreError
    from ..store.store import Store

    try:
        store = Store.open(store_url)
    except StoreError:
        return None
    try:
        df = stored_frame(store)
        if not (df["id"] == assessment.id).any():
            return None
        return peer_benchmark(df, assessment.id,
                                        min_peers or DEFAULT_MIN_PEERS)
    except StoreError:
        return None
    finally:
        store.close()


def previous_from_store(assessment: Assessment, store_url: str | None = None
                        ) -> Assessment | None:
    """The firm's earlier assessment when it is in the store (for the progress section)."""
    if not assessment.previous_id:
        return None
    from ..store.errors import StoreError
    from ..store.previous import previous_of
    from ..store.store import Store

    try:
        store = Store.open(store_url)
    except StoreError:
        return None
    try:
        instrument, _warnings = default_catalog().instrument_for(assessment)
        return previous_of(store, assessment, instrument)
    except (StoreError, LookupError):
        return None
    finally:
        store.close()


def load_source(source: str, store_url: str | None = None) -> Assessment:
    """An assessment from a JSON file, or from the store by id when no such file exists."""
    path = Path(source)
    if path.exists() or path.suffix.lower() == ".json" or os.sep in source:
        try:
            return load_assessment(path)
        except DataFileError as error:
            raise ReportError(str(error)) from None
    return find_in_store(source, store_url)


def check(assessment: Assessment, catalog: Catalog, where: str) -> list[str]:
    """Raise ReportError when the answers do not fit the questionnaire; return warnings."""
    try:
        instrument, warnings = catalog.instrument_for(assessment)
    except CatalogError as error:
        raise ReportError(f"{where}: questionnaire: {error}") from None
    problems = check_against(assessment, instrument, where)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ReportError("\n".join(p.format() for p in errors)
                          + f"\n{where}: {len(errors)} answer(s) do not fit the questionnaire; "
                            "fix them before making a report")
    return warnings + [p.format() for p in problems]


def make_report(assessment: Assessment, output: str | Path, lang: str = "zh", *,
                where: str = "<assessment>", catalog: Catalog | None = None,
                data: AdviceData | None = None, previous: Assessment | None = None,
                include_appendix: bool = True, assessor: str | None = None,
                organisation: str | None = None, progress: Progress | None = None,
                photos: dict[str, bytes] | None = None, peers: Any = None,
                board: bool = False) -> Made:
    """Score, advise, fingerprint and print ``assessment`` to ``output`` (``board``: the
    one- or two-page summary for the board and officials instead of the full report)."""
    from .build import build_bytes
    from .model import prepare

    catalog = catalog or default_catalog()
    data = data or default_advice_data()
    check(assessment, catalog, where)
    inp = prepare(assessment, catalog, data, lang, previous, include_appendix,
                  assessor=assessor or None, organisation=organisation or None,
                  photos=photos, peers=peers)
    inp.board = board
    pages, pdf = build_bytes(inp, progress)
    out = Path(output)
    write_atomically(out, pdf)
    company = inp.assessment.profile_by_role(inp.instrument, "company_name")
    date_field = inp.instrument.field_for_role("assessment_date")
    date = assessment.profile.get(date_field.id) if date_field else None
    date = date if isinstance(date, str) and date else assessment.created_at[:10]
    return Made(out, pages, inp.fingerprint.report_id(date), inp.fingerprint.code,
                str(company or ""))


def write_atomically(out: Path, content: bytes, shared: bool | None = None) -> None:
    """Write ``out`` through a temporary file; readable by the user only unless ``shared``
    (None: the setting ``report.shared``)."""
    if shared is None:
        from ..base.settings import settings

        shared = settings().report.shared
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as error:
        raise ReportError(f"{out}: cannot write here: {error.strerror or error}") from None
    try:
        set_mode(tmp, shared=shared)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, PermissionError):
            hint = " (is it open in a PDF viewer?)"
        else:
            hint = ""
        raise ReportError(f"{out}: cannot write the report: {error.strerror or error}{hint}"
                          ) from None


def default_name(made_company: str, report_id: str, suffix: str = "") -> str:
    """A file name for a report: the company (safe characters only), the report id and a
    suffix (``-board`` for the board summary)."""
    safe = "".join(ch for ch in made_company if ch.isalnum() or ch in " -_（）()")
    safe = "_".join(safe.split())[:40]
    return f"{safe}-{report_id}{suffix}.pdf" if safe else f"{report_id}{suffix}.pdf"
