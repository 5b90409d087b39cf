"""An assessment's earlier one (``previous_id``), read from the store only when it is of the
same firm: an id naming another firm's assessment (a forged or mixed-up file) must never put
that firm's results into this one's report as "previous"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..assessment.summary import identity_of
from .errors import StoreError
from .rows import firm_key, same_firm

if TYPE_CHECKING:
    from ..assessment.model import Assessment
    from ..questionnaire.instrument import Instrument
    from .store import Store


def previous_of(store: Store, assessment: Assessment, instrument: Instrument
                ) -> Assessment | None:
    """The stored earlier assessment of the same firm, else None."""
    if not assessment.previous_id:
        return None
    try:
        row = store.row(assessment.previous_id)
    except StoreError:
        return None
    who = identity_of(instrument, assessment)
    key = firm_key(who.get("credit_code"), who.get("company_name"))
    if not same_firm(key, who.get("company_name"), row.firm_key, row.company_name):
        return None
    try:
        return store.load(assessment.previous_id)
    except StoreError:
        return None
