"""Changes made to an assessment file outside a session (``zhigai set``) written into its audit
trail, as a session would have recorded them, so that an import elsewhere sees them as this
file's own later changes instead of an older copy."""

from __future__ import annotations

from ..base.identity import local_editor
from .model import Assessment, AuditEntry, answer_key


def record_edits(before: Assessment, after: Assessment, who: str | None = None) -> int:
    """Append an audit entry to ``after`` for every answer and profile value that differs
    from ``before``, under this machine's user; returns how many."""
    editor = local_editor(who)
    added = 0
    for qid in sorted(set(before.answers) | set(after.answers)):
        old, new = answer_key(before.answers.get(qid)), answer_key(after.answers.get(qid))
        if old != new:
            after.audit.append(AuditEntry(who=editor.name, machine=editor.machine,
                                          field=f"answer.{qid}", old=old, new=new))
            added += 1
    for fid in sorted(set(before.profile) | set(after.profile)):
        old_value, new_value = before.profile.get(fid), after.profile.get(fid)
        if old_value != new_value or type(old_value) is not type(new_value):
            after.audit.append(AuditEntry(who=editor.name, machine=editor.machine,
                                          field=f"profile.{fid}", old=old_value,
                                          new=new_value))
            added += 1
    return added
