"""The sample assessment added on first start (``templates/samples/``), marked as sample data
in its company name and note, and remembered in the settings so the interface can flag it."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from ..assessment.model import load_assessment
from ..base.clock import now_iso
from ..base.resources import templates_dir

if TYPE_CHECKING:
    from ..questionnaire.catalog import Catalog
    from ..session.session import Session
    from ..store.store import Store

SAMPLE_FILE = "sample-auto-parts.json"


def add_sample(store: Store, catalog: Catalog) -> Session:
    """Put a fresh copy of the sample into ``store`` (a new id each time) and remember its id
    in the settings. Raises DataFileError or StoreError as loading or saving would."""
    from ..base import settings as prefs
    from ..session.session import Session

    assessment = load_assessment(templates_dir() / "samples" / SAMPLE_FILE)
    assessment.id = str(uuid.uuid4())
    assessment.created_at = assessment.updated_at = now_iso()
    session = Session.import_assessment(store, catalog, assessment)
    file = prefs.current()
    file.set_state(sample_ids=[*file.settings.state.sample_ids, session.id][-20:])
    return session


def is_sample(assessment_id: str) -> bool:
    from ..base import settings as prefs

    return assessment_id in prefs.settings().state.sample_ids
