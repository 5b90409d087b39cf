"""An open assessment: every edit is validated, saved at once (one committed transaction) and
rescored. The GUI is a thin layer over this class; tests and benchmarks drive it directly."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from ..advice.advise import Advice, advise
from ..advice.data import AdviceData
from ..assessment.comparison import Comparison, DimensionChange
from ..assessment.model import (
    Answer,
    Assessment,
    Assessor,
    AuditEntry,
    DocRef,
    Evidence,
    Photo,
    answer_key,
    corrected,
)
from ..assessment.plan import ProjectPlan, check_plan
from ..assessment.scoring import Score, score
from ..assessment.summary import identity_of, summary_of
from ..assessment.verification import Coverage, coverage
from ..base.clock import now_iso
from ..base.identity import Editor, local_editor
from ..questionnaire.catalog import Catalog
from ..questionnaire.instrument import AnswerProblem, coerce_answer
from ..questionnaire.values import ValueProblem, coerce_profile_value
from ..store.errors import StoreError
from ..store.previous import previous_of
from ..store.store import Store
from .conflict import describe_change
from .impact import ProfileChange, profile_change


class Session:
    """One assessment open for editing."""

    def __init__(self, store: Store, catalog: Catalog, assessment: Assessment,
                 editor: Editor | None = None, revision: int | None = None):
        """``revision``: the stored revision ``assessment`` was read at (read from the store
        when not given); every save names it and is refused when someone saved since."""
        self.store = store
        self.stored_revision = revision if revision is not None else \
            store.row(assessment.id).revision
        # who edits, on which machine (recorded in the audit trail): this machine's user,
        # never a name taken from the file
        self.editor = editor or local_editor()
        self.catalog = catalog
        self.assessment = assessment
        self.instrument, self.warnings = catalog.instrument_for(assessment)
        self._sync_modules()
        self.score = score(self.instrument, assessment.answers, assessment.profile)
        self.previous: Assessment | None = None
        self.comparison: Comparison | None = None
        self._previous_score: Score | None = None
        self._advice_cache: tuple[Any, Advice] | None = None
        self.revision = 0  # counts edits in this session (answers, profile, project)
        self.owner_score: Score | None = None
        self._score_owner()
        self._load_previous()
        from ..assessment.checking import check_against

        #: what is wrong with the assessment as stored (an earlier release let it in)
        self.problems = [p for p in check_against(assessment, self.instrument)
                         if p.severity == "error"]

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, store: Store, catalog: Catalog, assessment_id: str,
             editor: Editor | None = None) -> Session:
        assessment, revision = store.load_with_revision(assessment_id)
        return cls(store, catalog, assessment, editor, revision)

    @classmethod
    def create(cls, store: Store, catalog: Catalog, questionnaire_id: str,
               version: str | None = None, profile: dict[str, Any] | None = None,
               project: ProjectPlan | None = None, editor: Editor | None = None) -> Session:
        """A new assessment; ``profile`` values are validated (ValueProblem names the field).
        ``project``: a starting plan (e.g. the policy catalogue chosen in the settings)."""
        base = catalog.get(questionnaire_id, version)
        plain = catalog.instrument(base.model.id, base.model.version)
        assessment = Assessment(questionnaire=DocRef(id=base.model.id,
                                                     version=base.model.version,
                                                     hash=base.hash))
        for field_id, raw in (profile or {}).items():
            try:
                assessment.set_profile(plain, field_id, raw)
            except ValueProblem as exc:
                f = plain.profile_fields.get(field_id)
                name_en = f.label.get("en") if f else field_id
                name_zh = f.label.get("zh") if f else field_id
                raise ValueProblem(f"{name_en} ({field_id}): {exc.message}",
                                   f"{name_zh}：{exc.zh}") from None
        date_field = plain.field_for_role("assessment_date")
        if date_field and date_field.id not in assessment.profile:
            assessment.profile[date_field.id] = _dt.date.today().isoformat()
        if project is not None:
            problems = check_plan(project)
            if problems:
                raise problems[0]
            assessment.project = project.model_copy(deep=True)
        return cls._insert(store, catalog, assessment, editor)

    @classmethod
    def follow_up(cls, store: Store, catalog: Catalog, previous_id: str,
                  questionnaire_id: str | None = None,
                  editor: Editor | None = None) -> Session:
        """A re-assessment that starts from the firm's earlier one: the newest questionnaire
        version, the profile and every answer that still fits copied, history linked."""
        previous = store.load(previous_id)
        qid = questionnaire_id or previous.questionnaire.id
        base = catalog.get(qid)
        assessment = Assessment(questionnaire=DocRef(id=base.model.id,
                                                     version=base.model.version,
                                                     hash=base.hash),
                                previous_id=previous.id, kind="self")
        plain = catalog.instrument(base.model.id, base.model.version)
        for field_id, value in previous.profile.items():
            f = plain.profile_fields.get(field_id)
            if f is None:
                continue
            try:
                assessment.profile[field_id] = coerce_profile_value(f, value)
            except ValueProblem:
                continue
        date_field = plain.field_for_role("assessment_date")
        if date_field:
            assessment.profile[date_field.id] = _dt.date.today().isoformat()
        instrument = catalog.instrument(base.model.id, base.model.version,
                                        assessment.industry(plain))
        for question_id, answer in previous.answers.items():
            q = instrument.by_id.get(question_id)
            if q is None:
                continue
            if answer.na:
                if q.allow_na:
                    assessment.answers[question_id] = Answer(na=True, updated_at=now_iso())
                continue
            try:
                value = coerce_answer(q, answer.value)
            except AnswerProblem:
                continue
            assessment.answers[question_id] = Answer(value=value, updated_at=now_iso())
        return cls._insert(store, catalog, assessment, editor)

    @classmethod
    def import_assessment(cls, store: Store, catalog: Catalog,
                          assessment: Assessment, editor: Editor | None = None) -> Session:
        """Put an assessment read from a file into the store (same id; refused when the id is
        already there, so nothing is overwritten). Checked first as every import is
        (:func:`~zhigai.core.assessment.checking.check_against`): DataFileError names what
        is wrong."""
        from ..assessment.checking import check_against
        from ..base.diagnostics import DataFileError

        instrument, _warnings = catalog.instrument_for(assessment)
        errors = [p for p in check_against(assessment, instrument) if p.severity == "error"]
        if errors:
            raise DataFileError(errors)
        try:
            store.row(assessment.id)
        except StoreError as error:
            if error.kind != "missing":
                raise
        else:
            raise StoreError("unavailable", f"assessment {assessment.id} is already in the "
                                            "store; nothing was changed")
        return cls._insert(store, catalog, assessment.model_copy(deep=True), editor)

    @classmethod
    def _insert(cls, store: Store, catalog: Catalog, assessment: Assessment,
                editor: Editor | None = None) -> Session:
        plain = catalog.instrument(assessment.questionnaire.id, assessment.questionnaire.version)
        instrument = catalog.instrument(assessment.questionnaire.id,
                                        assessment.questionnaire.version,
                                        assessment.industry(plain))
        assessment.modules = [DocRef(id=m.id, version=m.version, hash=m.hash)
                              for m in instrument.module_refs]
        result = score(instrument, assessment.answers, assessment.profile)
        store.create(assessment, summary_of(instrument, assessment, result),
                     "complete" if result.complete else "draft",
                     identity_of(instrument, assessment))
        return cls(store, catalog, assessment, editor, 0)

    def _load_previous(self) -> None:
        if not self.assessment.previous_id:
            return
        try:
            previous = previous_of(self.store, self.assessment, self.instrument)
            if previous is None:
                return
            instrument, _ = self.catalog.instrument_for(previous)
        except (StoreError, LookupError):
            return
        self.previous = previous
        before = score(instrument, previous.answers, previous.profile)
        self._previous_score = before
        self.comparison = self._compare(before)

    def _compare(self, before: Score) -> Comparison:
        assert self.previous is not None
        levels = {d.id: d.level for d in before.dimensions}
        date_field = self.instrument.field_for_role("assessment_date")
        date = self.previous.profile.get(date_field.id) if date_field else None
        return Comparison(
            previous_id=self.previous.id,
            previous_date=date if isinstance(date, str) else self.previous.created_at[:10],
            index_before=before.index, index_after=self.score.index,
            stage_index_before=before.stage_by_index, stage_index_after=self.score.stage_by_index,
            stage_weakest_before=before.stage_weakest_link,
            stage_weakest_after=self.score.stage_weakest_link,
            dimensions=tuple(DimensionChange(d.id, levels.get(d.id), d.level)
                             for d in self.score.dimensions))

    # ------------------------------------------------------------------ state

    @property
    def id(self) -> str:
        return self.assessment.id

    @property
    def status(self) -> str:
        return "complete" if self.score.complete else "draft"

    def summary(self) -> dict[str, Any]:
        return summary_of(self.instrument, self.assessment, self.score)

    def _rescore(self) -> Score:
        self.revision += 1
        self.score = score(self.instrument, self.assessment.answers, self.assessment.profile)
        self._score_owner()
        if self._previous_score is not None:
            self.comparison = self._compare(self._previous_score)
        return self.score

    def _sync_modules(self) -> bool:
        """Rebuild the instrument when the industry (and so the modules) changed."""
        ref = self.assessment.questionnaire
        plain = self.catalog.instrument(ref.id, ref.version)
        instrument = self.catalog.instrument(ref.id, ref.version,
                                             self.assessment.industry(plain))
        refs = [DocRef(id=m.id, version=m.version, hash=m.hash)
                for m in instrument.module_refs]
        changed = instrument is not self.instrument
        self.instrument = instrument
        if refs != self.assessment.modules:
            self.assessment.modules = refs
        return changed

    # ------------------------------------------------------------------ edits

    def answer(self, question_id: str, raw: Any) -> Score:
        """Validate, save (committed on return) and rescore. Raises AnswerProblem (nothing
        changed) or StoreError (the in-memory answer is rolled back)."""
        q = self.instrument.by_id.get(question_id)
        if q is None:
            raise AnswerProblem(f"'{question_id}' is not a question of this assessment")
        new = Answer(value=coerce_answer(q, raw), updated_at=now_iso())
        return self._apply(question_id, new)

    def set_not_applicable(self, question_id: str) -> Score:
        q = self.instrument.by_id.get(question_id)
        if q is None or not q.allow_na:
            raise AnswerProblem(f"{question_id} cannot be answered 'not applicable'")
        return self._apply(question_id, Answer(na=True, updated_at=now_iso()))

    def clear(self, question_id: str) -> Score:
        return self._apply(question_id, None)

    def _apply(self, question_id: str, new: Answer | None) -> Score:
        old = self.assessment.answers.get(question_id)
        if answer_key(old) == answer_key(new):
            return self.score   # the answer it already has: nothing saved, nothing recorded
        entry = self._entry(f"answer.{question_id}", answer_key(old), answer_key(new))
        if new is None:
            self.assessment.answers.pop(question_id, None)
        else:
            self.assessment.answers[question_id] = new
        result = self._rescore()
        try:
            self.stored_revision = self.store.save_answer(
                self.id, question_id, new, self.summary(), self.status, entry,
                expected_revision=self.stored_revision)
        except StoreError as error:
            self._explain(error, entry)
            if old is None:
                self.assessment.answers.pop(question_id, None)
            else:
                self.assessment.answers[question_id] = old
            self._rescore()
            raise
        self.assessment.audit.append(entry)
        self.assessment.updated_at = new.updated_at if new and new.updated_at else now_iso()
        return result

    def profile_change(self, field_id: str, raw: Any) -> ProfileChange:
        """What :meth:`set_profile` with this value would hide (modules, questions, answers
        kept); nothing is changed. Raises ValueProblem for a value the field refuses."""
        return profile_change(self.catalog, self.instrument, self.assessment, field_id, raw)

    def set_profile(self, field_id: str, raw: Any) -> Score:
        """Validate, save and rescore a profile value (the industry may add or remove modules).
        Raises ValueProblem (nothing changed) or StoreError (rolled back)."""
        f = self.instrument.profile_fields.get(field_id)
        if f is None:
            raise ValueProblem(f"'{field_id}' is not a profile field")
        value = coerce_profile_value(f, raw)
        old = self.assessment.profile.get(field_id)
        old_modules = list(self.assessment.modules)
        old_instrument = self.instrument
        if value is None:
            self.assessment.profile.pop(field_id, None)
        else:
            self.assessment.profile[field_id] = value
        self._sync_modules()
        self._rescore()
        entry = self._entry(f"profile.{field_id}", old, value)
        try:
            self.stored_revision = self.store.save_profile(
                self.id, field_id, value, self.assessment, self.summary(), self.status,
                identity_of(self.instrument, self.assessment), entry,
                expected_revision=self.stored_revision)
        except StoreError as error:
            self._explain(error, entry)
            if old is None:
                self.assessment.profile.pop(field_id, None)
            else:
                self.assessment.profile[field_id] = old
            self.assessment.modules = old_modules
            self.instrument = old_instrument
            self._rescore()
            raise
        self.assessment.audit.append(entry)
        return self.score

    # ------------------------------------------------------------------ project & advice

    def set_project(self, plan: ProjectPlan | None) -> None:
        """Validate and save the project plan. Raises ValueProblem naming the first bad
        field (nothing saved) or StoreError (the previous plan is kept in memory)."""
        if plan is not None:
            try:  # a plan changed in place skips the model's own limits: check them again
                ProjectPlan.model_validate(plan.model_dump())
            except ValidationError as error:
                e = error.errors()[0]
                where = ".".join(str(x) for x in e["loc"])
                raise ValueProblem(f"project plan, {where}: {e['msg']}",
                                   f"项目方案 {where}：{e['msg']}") from None
            stored = self.assessment.project
            known = {p.message for p in check_plan(stored)} if stored is not None else set()
            # what was wrong before (stored by an earlier release) may be corrected one at a
            # time: only a new problem refuses the change
            problems = [p for p in check_plan(plan) if p.message not in known]
            if problems:
                first = problems[0]
                more = len(problems) - 1
                raise ValueProblem(first.message + (f" (and {more} more)" if more else ""),
                                   first.zh + (f"（另有 {more} 处）" if more else ""))
        old = self.assessment.project
        entry = self._entry("project", None if old is None else old.model_dump(mode="json"),
                            None if plan is None else plan.model_dump(mode="json"))
        self.assessment.project = plan
        try:
            self.stored_revision = self.store.save_project(
                self.id, plan, self.summary(), entry, expected_revision=self.stored_revision)
        except StoreError as error:
            self._explain(error, entry)
            self.assessment.project = old
            raise
        self.assessment.audit.append(entry)
        self.revision += 1

    def advice(self, data: AdviceData, lang: str = "zh",
               catalogue_ids: list[str] | None = None) -> Advice:
        """Roadmap, supports, calculator and financing ranking for the current state."""
        project = self.assessment.project
        if project is not None:  # a value an earlier release stored: no advice built on it
            problems = check_plan(project)
            if problems:
                first = problems[0]
                raise ValueProblem(f"The advice waits until this value is corrected: "
                                   f"{first.message}", f"改进建议需先改正这个数值：{first.zh}")
        key = (self.revision, lang, tuple(catalogue_ids) if catalogue_ids is not None
               else None)
        cached = self._advice_cache
        if cached is not None and cached[0] == key:
            return cached[1]
        result = advise(data, self.instrument, self.assessment, self.score,
                        self.assessment.project, lang, catalogue_ids)
        self._advice_cache = (key, result)
        return result

    def previous_answer(self, question_id: str) -> Answer | None:
        if self.previous is None:
            return None
        return self.previous.answers.get(question_id)

    # ------------------------------------------------------------------ expert verification

    @property
    def who(self) -> str:
        """The name recorded in the audit trail: this machine's user (the local profile, else
        the system's login name), whoever the assessor in the file is."""
        return self.editor.name

    def _entry(self, field: str, old: Any, new: Any) -> AuditEntry:
        return AuditEntry(who=self.who, machine=self.editor.machine, field=field, old=old,
                          new=new)

    def _score_owner(self) -> None:
        a = self.assessment
        self.owner_score = (score(self.instrument, a.owner_answers, a.profile)
                            if a.kind == "expert" else None)

    @property
    def verifying(self) -> bool:
        return self.assessment.kind == "expert"

    def start_verification(self, assessor: Assessor) -> None:
        """Turn a self-assessment into an expert verification: the owner's answers are kept
        as they are (shown beside each question), the expert then confirms or corrects them.
        On an assessment already under verification, changes the assessor."""
        a = self.assessment
        if a.kind == "expert":
            entry = self._entry("assessor", a.assessor.model_dump() if a.assessor else None,
                                assessor.model_dump())
            self._save_verification(assessor, a.owner_answers, entry)
            a.assessor = assessor
            a.audit.append(entry)
            return
        owner = {k: v.model_copy() for k, v in a.answers.items()}
        entry = self._entry("kind", "self", {"kind": "expert",
                                             "assessor": assessor.model_dump()})
        self._save_verification(assessor, owner, entry)
        a.kind, a.assessor, a.owner_answers = "expert", assessor, owner
        a.audit.append(entry)
        self._rescore()  # the owner's score appears; the summary (same answers) is unchanged

    def _save_verification(self, assessor: Assessor, owner: dict[str, Answer],
                           entry: AuditEntry) -> None:
        try:
            self.stored_revision = self.store.save_verification(
                self.id, "expert", assessor, owner, self.summary(), entry,
                expected_revision=self.stored_revision)
        except StoreError as error:
            def verified(a: Assessment) -> None:
                a.kind, a.assessor, a.owner_answers = "expert", assessor, dict(owner)

            self._explain(error, entry, verified)
            raise

    def owner_answer(self, question_id: str) -> Answer | None:
        return self.assessment.owner_answers.get(question_id)

    def differences(self) -> list[str]:
        """Questions where the verified answer differs from the owner's, in questionnaire
        order (empty for self-assessments)."""
        return corrected(self.assessment, self.instrument)

    def evidence(self, question_id: str) -> Evidence:
        return self.assessment.evidence.get(question_id) or Evidence()

    def set_note(self, question_id: str, note: str) -> None:
        """Save the evidence note of a question (audited). Raises ValueProblem when too
        long, StoreError when it cannot be saved (nothing changed then)."""
        from ..assessment.model import MAX_NOTE_LENGTH

        note = note.strip()
        if len(note) > MAX_NOTE_LENGTH:
            raise ValueProblem(f"the note has {len(note)} characters; at most "
                               f"{MAX_NOTE_LENGTH}", f"备注有 {len(note)} 个字，最多 "
                                                     f"{MAX_NOTE_LENGTH} 个")
        old = self.evidence(question_id)
        if old.note == note:
            return
        new = old.model_copy(update={"note": note, "updated_at": now_iso()})
        self._save_evidence(question_id, new, self._entry(f"note.{question_id}", old.note, note))

    def add_photo(self, question_id: str, data: bytes, name: str) -> Photo:
        """Attach a photo (checked: JPEG/PNG within the limits; PhotoProblem otherwise), turned
        upright and without its EXIF, XMP or text metadata."""
        from ..assessment.photos import (
            MAX_PHOTOS_PER_QUESTION,
            PhotoProblem,
            check_image,
            without_metadata,
        )

        check_image(data, name)
        data = without_metadata(data)   # no GPS position or author travels with the evidence
        checked = check_image(data, name)
        old = self.evidence(question_id)
        if any(p.sha256 == checked.sha256 for p in old.photos):
            raise PhotoProblem(f"{name} is already attached to this question",
                               f"{name} 已经附在这道题上")
        if len(old.photos) >= MAX_PHOTOS_PER_QUESTION:
            raise PhotoProblem(f"at most {MAX_PHOTOS_PER_QUESTION} photos per question",
                               f"每道题最多 {MAX_PHOTOS_PER_QUESTION} 张照片")
        photo = Photo(sha256=checked.sha256, name=name[:200] or "photo", mime=checked.mime,
                      size=checked.size, added_at=now_iso(), added_by=self.who)
        new = old.model_copy(update={"photos": [*old.photos, photo], "updated_at": now_iso()})
        self._save_evidence(question_id, new,
                            self._entry(f"photo.{question_id}", None,
                                        {"added": photo.name, "sha256": photo.sha256}),
                            (checked.sha256, checked.mime, data))
        return photo

    def set_checked(self, key: str, material: str, seen: bool) -> None:
        """Tick (or untick) a material of an indicator's evidence checklist (audited);
        ``key``: ``<lens id>:<indicator id>``."""
        old = self.evidence(key)
        if (material in old.checked) == seen:
            return
        checked = [m for m in old.checked if m != material] + ([material] if seen else [])
        new = old.model_copy(update={"checked": checked, "updated_at": now_iso()})
        self._save_evidence(key, new, self._entry(f"checked.{key}", material if not seen
                                                  else None, material if seen else None))

    def set_confirmed(self, question_id: str, confirmed: bool) -> None:
        """Under expert verification: record that the expert checked (or no longer vouches
        for) a question's answer against what they saw (audited as ``confirmed.<id>``).
        Raises ValueProblem outside a verification or for a question not in the assessment."""
        if not self.verifying:
            raise ValueProblem("answers are confirmed only during an expert verification",
                               "只有在专家核验时才能确认回答")
        if question_id not in self.instrument.by_id:
            raise ValueProblem(f"'{question_id}' is not a question of this assessment",
                               f"“{question_id}”不是本评估的题目")
        old = self.evidence(question_id)
        if old.confirmed == confirmed:
            return
        new = old.model_copy(update={"confirmed": confirmed, "updated_at": now_iso()})
        self._save_evidence(question_id, new, self._entry(f"confirmed.{question_id}",
                                                          old.confirmed, confirmed))

    def coverage(self) -> Coverage:
        """What the expert verification covered so far (see :mod:`..assessment.verification`)."""
        return coverage(self.assessment, self.instrument, self.score)

    def remove_photo(self, question_id: str, sha256: str) -> None:
        old = self.evidence(question_id)
        gone = [p for p in old.photos if p.sha256 == sha256]
        if not gone:
            return
        new = old.model_copy(update={"photos": [p for p in old.photos if p.sha256 != sha256],
                                     "updated_at": now_iso()})
        self._save_evidence(question_id, new,
                            self._entry(f"photo.{question_id}",
                                        {"removed": gone[0].name, "sha256": sha256}, None))

    def photo_data(self, sha256: str) -> bytes | None:
        return self.store.attachments(self.id, {sha256}).get(sha256)

    def _save_evidence(self, question_id: str, new: Evidence, entry: AuditEntry,
                       photo: tuple[str, str, bytes] | None = None) -> None:
        stored = None if new.empty else new
        try:
            self.stored_revision = self.store.save_evidence(
                self.id, question_id, stored, entry, photo,
                expected_revision=self.stored_revision)
        except StoreError as error:
            def edited(a: Assessment) -> None:
                if stored is None:
                    a.evidence.pop(question_id, None)
                else:
                    a.evidence[question_id] = stored

            self._explain(error, entry, edited,
                          {photo[0]: photo[2]} if photo is not None else None)
            raise
        if stored is None:
            self.assessment.evidence.pop(question_id, None)
        else:
            self.assessment.evidence[question_id] = stored
        self.assessment.audit.append(entry)
        self.revision += 1

    # ------------------------------------------------------------------ other writers

    def _explain(self, error: StoreError, entry: AuditEntry,
                 change: Callable[[Assessment], None] | None = None,
                 photos: dict[str, bytes] | None = None) -> None:
        """A refused save (someone else saved since this session read the assessment): the
        error gets what they changed (``error.changes``) and says so, and keeps this
        session's copy with the refused edit (``error.mine``, its new photos in
        ``error.mine_photos``; ``change`` makes the edit on the copy where it is not yet in
        memory) so that the two can be merged field by field."""
        if error.kind != "conflict":
            return
        mine = self.assessment.model_copy(deep=True)
        if change is not None:
            change(mine)
        mine.audit.append(entry)
        error.mine, error.mine_photos = mine, dict(photos or {})
        known = {e.id for e in self.assessment.audit}
        try:
            error.changes = self.store.changes_by_others(self.id, known)
        except StoreError:
            return
        if error.changes:
            error.args = (f"{error.args[0]}. Saved since: "
                          + "; ".join(describe_change(e) for e in error.changes[-5:]),)

    def reload(self) -> list[AuditEntry]:
        """Read the assessment again as stored (after a conflict): what others saved since
        is shown, this session's unsaved edit is gone. Returns their changes."""
        known = {e.id for e in self.assessment.audit}
        assessment, revision = self.store.load_with_revision(self.id)
        theirs = [e for e in assessment.audit if e.id not in known]
        self.assessment, self.stored_revision = assessment, revision
        self.instrument, self.warnings = self.catalog.instrument_for(assessment)
        self._sync_modules()
        self._rescore()
        return theirs

    def history(self, question_id: str | None = None) -> list[AuditEntry]:
        """The audit trail (of one question: its answer, the owner's answer, note, photos)."""
        entries = self.assessment.audit
        if question_id is None:
            return list(entries)
        fields = {f"{p}.{question_id}" for p in ("answer", "owner", "note", "photo",
                                                 "checked", "confirmed")}
        return [e for e in entries if e.field in fields]
