"""Importing a bundle into a store: new assessments are added, and an assessment that is already
there (the same id, edited on two machines) is recognised and merged without losing anything.

Each copy's audit trail holds the ids of every change made to it, so comparing the two sets of
ids tells what happened (the revision numbers are shown alongside):

* ``new``: the store does not have the assessment; it is added whole.
* ``same``: both copies hold the same content; nothing to do.
* ``older``: the store's own later changes account for every difference; nothing to do.
* ``newer``: the bundle's later changes account for every difference and it holds every
  stored change; the stored copy is brought up to date (no local change is lost).
* ``diverged``: anything else. Every field that differs is listed side by side (answers, the
  owner's answers, evidence, profile values, project, assessor, type), for every status. A
  field changed on one side only defaults to that side; a field changed on both, one the
  trails do not explain (a file edited outside Zhigai: a hand edit, a file with no trail), one
  whose bundle value is not what the bundle's own trail last set, a change of the firm or the
  end of an expert verification is a conflict the user must decide. Nothing is overwritten
  silently: :func:`apply_import` refuses while a conflict has no choice. A bundle whose trail
  holds a stored entry with different content (a rewritten history) is refused.

The merged copy keeps both audit trails and records the merge itself, so a later import of
either copy is recognised as ``older``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ..assessment.model import Assessment, AuditEntry, answer_key
from ..base.clock import now_iso
from ..store.errors import StoreError
from .bundle import Bundle, BundleError

if TYPE_CHECKING:
    from ..questionnaire.catalog import Catalog
    from ..store.store import Store

Status = Literal["new", "same", "older", "newer", "diverged"]
Side = Literal["local", "incoming"]

STATUS_TEXT: dict[str, dict[str, str]] = {
    "new": {"en": "new assessment, added", "zh": "新评估，已导入"},
    "same": {"en": "already in the store with the same content; nothing changed",
             "zh": "数据库中已有相同内容，未做改动"},
    "older": {"en": "the store already has these changes and later ones; nothing changed",
              "zh": "数据库中的版本更新（已包含这些修改），未做改动"},
    "newer": {"en": "a newer copy of a stored assessment; brought up to date",
              "zh": "较新的版本，已更新数据库中的评估"},
    "diverged": {"en": "edited on both machines; merged as chosen",
                 "zh": "两台电脑上都有修改，已按选择合并"},
}


@dataclass(frozen=True)
class Difference:
    """One field whose value differs between the stored and the incoming copy.

    ``outside``: the incoming copy's own audit trail does not account for its value (the file
    was changed outside Zhigai, by hand or by a tool); ``guarded``: a change a person must
    always confirm (whose assessment it is, or the end of an expert verification)."""

    field: str
    local: Any
    incoming: Any
    changed_local: bool
    changed_incoming: bool
    outside: bool = False
    guarded: bool = False

    @property
    def conflict(self) -> bool:
        """Changed on both sides, or on neither as far as the audit trails tell, or changed
        outside Zhigai, or guarded: a person decides."""
        return (self.changed_local == self.changed_incoming or self.outside
                or self.guarded)

    @property
    def default(self) -> Side | None:
        if self.conflict:
            return None
        return "incoming" if self.changed_incoming else "local"

    @property
    def question(self) -> str | None:
        kind, _, rest = self.field.partition(".")
        return rest if kind in ("answer", "owner", "evidence") else None


@dataclass
class ImportPlan:
    bundle: Bundle
    status: Status
    local_revision: int | None = None
    differences: list[Difference] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Difference]:
        return [d for d in self.differences if d.conflict]


@dataclass(frozen=True)
class ImportResult:
    assessment_id: str
    status: Status
    revision: int | None
    taken_incoming: int = 0
    kept_local: int = 0
    #: (English, Chinese) said beside the result, e.g. an earlier assessment not linked
    warning: tuple[str, str] | None = None

    def text(self, lang: str) -> str:
        said = STATUS_TEXT[self.status]["zh" if lang == "zh" else "en"]
        if self.warning is not None:
            said += ("；" + self.warning[1]) if lang == "zh" else ("; " + self.warning[0])
        return said


class MergeNeeded(BundleError):
    """Conflicting fields without a choice; ``conflicts`` lists them."""

    def __init__(self, conflicts: list[Difference]):
        self.conflicts = conflicts
        names = ", ".join(d.field for d in conflicts[:5]) + (" …" if len(conflicts) > 5 else "")
        if all(d.outside for d in conflicts):
            why, why_zh = "changed outside Zhigai", "在智改之外被改动过"
        elif any(d.outside or d.guarded for d in conflicts):
            why, why_zh = ("edited on both machines, outside Zhigai or in whose assessment it "
                           "is", "两边都修改过、在智改之外改动过或改变了所属企业")
        else:
            why, why_zh = "edited on both machines", "两台电脑上都修改过"
        super().__init__(f"{why}: {len(conflicts)} field(s) differ and need a "
                         f"choice ({names}); nothing was changed",
                         f"{why_zh}：有 {len(conflicts)} 处需要选择保留哪一边"
                         f"（{names}），未做任何改动")


# ---------------------------------------------------------------------------- fields

def fields(a: Assessment) -> dict[str, Any]:
    """Every mergeable field of an assessment, as comparable JSON values."""
    out: dict[str, Any] = {"kind": a.kind,
                           "assessor": a.assessor.model_dump() if a.assessor else None,
                           "project": a.project.model_dump(mode="json") if a.project else None,
                           "notes": a.notes or None}
    for qid, answer in a.answers.items():
        out[f"answer.{qid}"] = answer_key(answer)
    for qid, answer in a.owner_answers.items():
        out[f"owner.{qid}"] = answer_key(answer)
    for qid, evidence in a.evidence.items():
        out[f"evidence.{qid}"] = {"note": evidence.note,
                                  "photos": [{"sha256": p.sha256, "name": p.name}
                                             for p in evidence.photos]}
        if evidence.checked:
            out[f"evidence.{qid}"]["checked"] = sorted(evidence.checked)
        if evidence.confirmed:
            out[f"evidence.{qid}"]["confirmed"] = True
    for fid, value in a.profile.items():
        out[f"profile.{fid}"] = value
    return {k: v for k, v in out.items() if v is not None}


def _touched(entries: Iterable[AuditEntry]) -> set[str]:
    """The merge fields the given audit entries changed (``owner.*`` for all owner answers)."""
    out: set[str] = set()
    for e in entries:
        kind, _, rest = e.field.partition(".")
        if kind in ("note", "photo", "checked", "confirmed"):
            out.add(f"evidence.{rest}")
        elif e.field == "kind":
            out.update(("kind", "assessor", "owner.*"))
        elif e.field == "merge":  # a merge decided these fields, whichever side it took
            out.update(_merged_fields(e))
        else:
            out.add(e.field)
    return out


def _merged_fields(entry: AuditEntry) -> list[str]:
    decided = entry.new if isinstance(entry.new, dict) else {}
    return [str(name) for side in ("taken_incoming", "kept_local")
            for name in decided.get(side) or [] if isinstance(name, str)]


def _changed(name: str, touched: set[str]) -> bool:
    return name in touched or (name.startswith("owner.") and "owner.*" in touched)


#: the fields that say whose assessment it is: a bundle never changes them unasked
IDENTITY = ("profile.company_name", "profile.credit_code")


def _last_values(entries: Iterable[AuditEntry]) -> dict[str, Any]:
    """The value each field was last given by ``entries``, in the form :func:`fields`
    compares; the entries that do not carry a whole value (photos, materials seen) are left
    out. Evidence notes are keyed ``evidence.<id>#note``."""
    out: dict[str, Any] = {}
    for e in entries:
        kind, _, rest = e.field.partition(".")
        if kind in ("answer", "profile") or e.field == "project":
            out[e.field] = e.new
        elif kind == "note":
            out[f"evidence.{rest}#note"] = e.new
        elif e.field == "merge":  # the merged value is not in the entry: nothing to compare
            for name in _merged_fields(e):
                out.pop(name, None)
                out.pop(f"{name}#note", None)
    return out


def _accounted(name: str, value: Any, last: Mapping[str, Any]) -> bool:
    """Whether the incoming trail's last entry for ``name`` leaves it at ``value``."""
    if name.startswith("evidence.") and f"{name}#note" in last:
        note: Any = (value or {}).get("note", "")
        return bool(note == (last[f"{name}#note"] or ""))
    return name not in last or bool(last[name] == value)


def _guarded(name: str, local: Assessment, incoming: Assessment) -> bool:
    if name in IDENTITY:
        return True
    if name == "kind":
        return local.kind == "expert" and incoming.kind != "expert"
    return name == "assessor" and local.assessor is not None


def _rewritten(local: Assessment, incoming: Assessment) -> str | None:
    """The id of an audit entry both copies hold with different content, if any."""
    stored = {e.id: e for e in local.audit}
    for entry in incoming.audit:
        mine = stored.get(entry.id)
        if mine is not None and mine.model_dump(mode="json") != entry.model_dump(mode="json"):
            return entry.id
    return None


def plan_import(store: Store, bundle: Bundle) -> ImportPlan:
    """What importing ``bundle`` into ``store`` would do (nothing is changed).

    Every field that differs is listed, whatever the status, so a dry run tells the truth:
    ``older`` when the stored copy's own later changes account for every difference,
    ``newer`` when the bundle's do (and it holds every stored change), else ``diverged``.
    A difference neither trail accounts for (a file edited outside Zhigai), or one the
    bundle's trail does not leave at the bundle's value, is a conflict; so is a change of
    the firm or the end of an expert verification. A bundle whose trail rewrites an entry
    the store holds is refused."""
    incoming = bundle.assessment
    try:
        row = store.row(incoming.id)
    except StoreError as exc:
        if exc.kind != "missing":
            raise
        return ImportPlan(bundle, "new")
    local = store.load(incoming.id)
    mine, theirs = fields(local), fields(incoming)
    if mine == theirs:  # the same content (possibly reached on both sides): nothing to do
        return ImportPlan(bundle, "same", row.revision)
    rewritten = _rewritten(local, incoming)
    if rewritten is not None:
        raise BundleError(f"{bundle.path}: its audit trail changes the stored entry {rewritten} "
                          "(the history was rewritten); nothing was changed",
                          f"{bundle.path}：其修改记录改动了数据库中已有的记录 {rewritten}"
                          "（历史被改写），未做任何改动")
    local_ids = {e.id for e in local.audit}
    incoming_ids = {e.id for e in incoming.audit}
    only_local = [e for e in local.audit if e.id not in incoming_ids]
    only_incoming = [e for e in incoming.audit if e.id not in local_ids]
    touched_local, touched_incoming = _touched(only_local), _touched(only_incoming)
    last = _last_values(incoming.audit)
    differences = []
    for name in _ordered(set(mine) | set(theirs)):
        if mine.get(name) == theirs.get(name):
            continue
        by_local, by_incoming = _changed(name, touched_local), _changed(name, touched_incoming)
        outside = (not by_local and not by_incoming) or (
            by_incoming and not _accounted(name, theirs.get(name), last))
        guarded = (by_incoming or outside) and _guarded(name, local, incoming)
        differences.append(Difference(name, mine.get(name), theirs.get(name), by_local,
                                      by_incoming, outside, guarded))
    if all(d.default == "local" for d in differences):
        status: Status = "older"
    elif all(d.default == "incoming" for d in differences) and local_ids <= incoming_ids:
        status = "newer"
    else:
        status = "diverged"
    return ImportPlan(bundle, status, row.revision, differences)


def plan_merge(store: Store, mine: Assessment, photos: Mapping[str, bytes]) -> ImportPlan:
    """A save refused because someone else saved since (``StoreError.mine``, the writer's
    copy with the refused edit): the same plan as an import of that copy, so the stored
    copy (``local``: theirs) and the writer's (``incoming``) are merged field by field. The
    fields only they changed default to theirs, the refused edit to the writer's, and one
    both changed is a conflict to decide."""
    return plan_import(store, Bundle("", {}, mine, dict(photos)))


def _ordered(names: set[str]) -> list[str]:
    rank = {"kind": 0, "assessor": 1, "profile": 2, "answer": 3, "owner": 4, "evidence": 5,
            "project": 6, "notes": 7}
    return sorted(names, key=lambda n: (rank.get(n.partition(".")[0], 9), n))


# ---------------------------------------------------------------------------- applying

def _copy_field(target: Assessment, source: Assessment, name: str) -> None:
    kind, _, key = name.partition(".")
    if name == "kind":
        target.kind = source.kind
    elif name == "assessor":
        target.assessor = source.assessor
    elif name == "project":
        target.project = source.project
    elif name == "notes":
        target.notes = source.notes
    else:
        attr = {"answer": "answers", "owner": "owner_answers", "evidence": "evidence",
                "profile": "profile"}[kind]
        mapping_to, mapping_from = getattr(target, attr), getattr(source, attr)
        if key in mapping_from:
            mapping_to[key] = mapping_from[key]
        else:
            mapping_to.pop(key, None)


def merged(local: Assessment, incoming: Assessment, differences: list[Difference],
           choices: Mapping[str, Side], who: str, machine: str = "") -> Assessment:
    """The local copy with the chosen incoming fields, both audit trails and a merge entry."""
    result = local.model_copy(deep=True)
    taken: list[str] = []
    for d in differences:
        side = choices.get(d.field) or d.default
        if side == "incoming":
            _copy_field(result, incoming, d.field)
            taken.append(d.field)
    if result.kind == "self":
        result.owner_answers, result.assessor = {}, None
    trail = {e.id: e for e in [*local.audit, *incoming.audit]}
    entries = sorted(trail.values(), key=lambda e: (e.at, e.id))
    entries.append(AuditEntry(who=who, machine=machine, field="merge", old=None,
                              new={"taken_incoming": taken,
                                   "kept_local": [d.field for d in differences
                                                  if d.field not in taken]}))
    result.audit = entries
    result.updated_at = now_iso()
    return result


def apply_import(store: Store, catalog: Catalog, plan: ImportPlan,
                 choices: Mapping[str, Side] | None = None, who: str = "",
                 machine: str = "") -> ImportResult:
    """Carry out an import plan in one transaction (or do nothing). Raises MergeNeeded when a
    conflict has no choice, StoreError when the store changed since the plan was made."""
    bundle = plan.bundle
    incoming = bundle.assessment
    if plan.status in ("same", "older"):
        return ImportResult(incoming.id, plan.status, plan.local_revision,
                            kept_local=len(plan.differences))
    if plan.status == "new":
        copy = incoming.model_copy(deep=True)
        warning = _unlinked_previous(store, catalog, copy)
        revision = _save(store, catalog, copy, bundle.photos, None)
        return ImportResult(incoming.id, "new", revision, warning=warning)
    assert plan.local_revision is not None
    if plan.status == "newer":
        copy = incoming.model_copy(deep=True)
        warning = _unlinked_previous(store, catalog, copy)
        revision = _save(store, catalog, copy, bundle.photos, plan.local_revision)
        return ImportResult(incoming.id, "newer", revision, taken_incoming=len(plan.differences),
                            warning=warning)
    choices = dict(choices or {})
    unknown = sorted(set(choices) - {d.field for d in plan.differences})
    if unknown:
        raise BundleError(f"no differing field {unknown[0]!r} to choose for",
                          f"没有名为 {unknown[0]!r} 的差异项")
    missing = [d for d in plan.conflicts if d.field not in choices]
    if missing:
        raise MergeNeeded(missing)
    local = store.load(incoming.id)
    result = merged(local, incoming, plan.differences, choices, who, machine)
    warning = _unlinked_previous(store, catalog, result)
    photos = {**store.attachments(incoming.id), **bundle.photos}
    needed = {p.sha256 for e in result.evidence.values() for p in e.photos}
    revision = _save(store, catalog, result, {k: v for k, v in photos.items() if k in needed},
                     plan.local_revision)
    taken = sum(1 for d in plan.differences
                if (choices.get(d.field) or d.default) == "incoming")
    return ImportResult(incoming.id, "diverged", revision, taken,
                        len(plan.differences) - taken, warning)


def _unlinked_previous(store: Store, catalog: Catalog,
                       assessment: Assessment) -> tuple[str, str] | None:
    """Drop ``previous_id`` when it names a stored assessment of another firm (else this
    firm's report would print that firm's results as "previous"); the warning saying so."""
    from ..assessment.summary import identity_of
    from ..store.rows import firm_key, same_firm

    previous = assessment.previous_id
    if not previous:
        return None
    try:
        before = store.row(previous)
    except StoreError as exc:
        if exc.kind != "missing":
            raise
        return None  # not here (yet): whoever reads it checks the firm then
    instrument, _warnings = catalog.instrument_for(assessment)
    who = identity_of(instrument, assessment)
    key = firm_key(who.get("credit_code"), who.get("company_name"))
    if same_firm(key, who.get("company_name"), before.firm_key, before.company_name):
        return None
    assessment.previous_id = None
    return (f"the earlier assessment it names ({previous[:8]}) is of another firm "
            f"({before.company_name[:40]}); not linked",
            f"其指向的上次评估（{previous[:8]}）属于另一家企业（{before.company_name[:40]}），未关联")


def _save(store: Store, catalog: Catalog, assessment: Assessment, photos: dict[str, bytes],
          expected_revision: int | None) -> int:
    from ..assessment.model import DocRef
    from ..assessment.scoring import score
    from ..assessment.summary import identity_of, summary_of

    instrument, _warnings = catalog.instrument_for(assessment)
    assessment.modules = [DocRef(id=m.id, version=m.version, hash=m.hash)
                          for m in instrument.module_refs]
    result = score(instrument, assessment.answers, assessment.profile)
    summary = summary_of(instrument, assessment, result)
    status = "complete" if result.complete else "draft"
    identity = identity_of(instrument, assessment)
    if expected_revision is None:
        store.create(assessment, summary, status, identity, photos)
        return 0
    return store.replace(assessment, expected_revision, summary, status, identity, photos)


def import_bundle(store: Store, catalog: Catalog, path: str,
                  choices: Mapping[str, Side] | None = None,
                  prefer: Side | None = None, who: str = "",
                  machine: str = "") -> ImportResult:
    """Read, check and import one bundle (or assessment JSON) file.
    ``prefer`` decides every conflict without a choice of its own."""
    from .bundle import read_import_file

    plan = plan_import(store, read_import_file(path, catalog))
    decided: dict[str, Side] = dict(choices or {})
    if prefer is not None:
        for d in plan.conflicts:
            decided.setdefault(d.field, prefer)
    return apply_import(store, catalog, plan, decided, who, machine)
