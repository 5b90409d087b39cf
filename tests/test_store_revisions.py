"""Several writers never lose an update: every write names the revision it read and is refused
("conflict", nothing changed) when someone saved since, on SQLite and on PostgreSQL (the second
test pass runs this file against a real PostgreSQL: see ``db_url`` in conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zhigai.core.assessment.model import Answer
from zhigai.core.assessment.scoring import score
from zhigai.core.base.identity import Editor
from zhigai.core.session.session import Session
from zhigai.core.store.errors import StoreError
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
OFFICE = Editor(name="李会计", machine="OFFICE-PC")
VISIT = Editor(name="王工", machine="LAPTOP-3")


@pytest.fixture
def stores(db_url: str):
    """Two writers: the same database opened twice (two connections, as two computers)."""
    first, second = Store.open(db_url), Store.open(db_url)
    yield first, second
    first.close()
    second.close()


def new(store: Store, mini_catalog) -> str:
    session = Session.create(store, mini_catalog, "mini",
                             profile={"name": "杭州测试机械有限公司", "employees": "80"},
                             editor=OFFICE)
    session.answer("eq_cnc", "10")
    return session.id


def stored_score(store: Store, mini_catalog, assessment_id: str) -> float:
    a = store.load(assessment_id)
    instrument, _ = mini_catalog.instrument_for(a)
    return float(score(instrument, a.answers, a.profile).index)


def test_a_save_after_someone_else_saved_is_refused_and_says_who_changed_what(
        stores, mini_catalog) -> None:
    office, laptop = stores
    aid = new(office, mini_catalog)
    here = Session.open(office, mini_catalog, aid, OFFICE)
    there = Session.open(laptop, mini_catalog, aid, VISIT)
    there.answer("eq_robots", "cells")                 # another question, saved first
    before = office.row(aid).revision
    with pytest.raises(StoreError) as refused:
        here.answer("da_scrap", "0.5")
    error = refused.value
    assert error.kind == "conflict" and error.revision == before
    assert "王工 @ LAPTOP-3" in str(error) and "answer.eq_robots" in str(error)
    assert [e.field for e in error.changes] == ["answer.eq_robots"]
    # nothing of the refused edit was kept, in memory or stored
    assert "da_scrap" not in here.assessment.answers
    stored = office.load(aid)
    assert "da_scrap" not in stored.answers and stored.answers["eq_robots"].value == "cells"
    assert office.row(aid).revision == before
    # the stored summary is the score of the stored answers (the refused writer's summary,
    # computed without eq_robots, never reached the store)
    assert office.row(aid).summary["index"] == pytest.approx(
        stored_score(office, mini_catalog, aid), abs=0.05)
    # reloaded: their change is shown, the edit then saves
    theirs = here.reload()
    assert [e.field for e in theirs] == ["answer.eq_robots"]
    assert here.assessment.answers["eq_robots"].value == "cells"
    here.answer("da_scrap", "0.5")
    final = office.load(aid)
    assert final.answers["da_scrap"].value == 0.5 and final.answers["eq_robots"].value == "cells"
    assert office.row(aid).summary["index"] == pytest.approx(
        stored_score(office, mini_catalog, aid), abs=0.05)


def test_the_same_question_edited_twice_the_second_writer_is_told(stores, mini_catalog) -> None:
    office, laptop = stores
    aid = new(office, mini_catalog)
    here = Session.open(office, mini_catalog, aid, OFFICE)
    there = Session.open(laptop, mini_catalog, aid, VISIT)
    there.answer("eq_cnc", "40")
    with pytest.raises(StoreError, match="conflict|saved by someone else"):
        here.answer("eq_cnc", "70")
    assert office.load(aid).answers["eq_cnc"].value == 40          # the first writer's
    assert here.assessment.answers["eq_cnc"].value == 10           # as read, not 70


@pytest.mark.parametrize("edit", ["profile", "project", "note", "verification", "clear"])
def test_every_kind_of_edit_checks_the_revision(stores, mini_catalog, edit: str) -> None:
    from zhigai.core.assessment.model import Assessor
    from zhigai.core.assessment.plan import ProjectPlan

    office, laptop = stores
    aid = new(office, mini_catalog)
    here = Session.open(office, mini_catalog, aid, OFFICE)
    Session.open(laptop, mini_catalog, aid, VISIT).answer("eq_robots", "cells")
    before = office.load(aid)
    actions = {
        "profile": lambda: here.set_profile("employees", "120"),
        "project": lambda: here.set_project(ProjectPlan(name="MES")),
        "note": lambda: here.set_note("eq_cnc", "saw the machines"),
        "verification": lambda: here.start_verification(Assessor(name="王工")),
        "clear": lambda: here.clear("eq_cnc"),
    }
    with pytest.raises(StoreError) as refused:
        actions[edit]()
    assert refused.value.kind == "conflict"
    after = office.load(aid)
    assert after.model_dump() == before.model_dump()


def test_replace_checks_the_revision_it_was_given(stores, mini_catalog) -> None:
    office, laptop = stores
    aid = new(office, mini_catalog)
    copy, revision = laptop.load_with_revision(aid)
    Session.open(office, mini_catalog, aid, OFFICE).answer("eq_robots", "cells")
    with pytest.raises(StoreError) as refused:
        laptop.replace(copy, revision)
    assert refused.value.kind == "conflict"
    assert f"revision {revision + 1}, expected {revision}" in str(refused.value)
    assert office.load(aid).answers["eq_robots"].value == "cells"       # not replaced
    assert laptop.replace(copy, revision + 1) == revision + 2


def test_staggered_writers_lose_no_update_in_100_trials(stores, mini_catalog) -> None:
    """Both read the same revision; the first saves; the second must be refused, every time
    (a lost update is a second save that succeeds and overwrites)."""
    office, laptop = stores
    aid = new(office, mini_catalog)
    lost = 0
    for trial in range(100):
        a = Session.open(office, mini_catalog, aid, OFFICE)
        b = Session.open(laptop, mini_catalog, aid, VISIT)
        first, second = (a, b) if trial % 2 else (b, a)
        first.answer("eq_cnc", str(trial % 100))
        try:
            second.answer("eq_cnc", str((trial + 50) % 100))
            lost += 1
        except StoreError as error:
            assert error.kind == "conflict"
    assert lost == 0
    assert office.load(aid).answers["eq_cnc"].value == 99


def test_an_assessment_is_read_as_of_one_revision_even_while_another_writer_saves(
        stores, mini_catalog) -> None:
    """A save that lands between the reads of one load (after the assessment's head, before
    its answers) is not half seen: the answers and the revision are those of one moment."""
    from sqlalchemy import event

    reader, writer = stores
    aid = new(reader, mini_catalog)
    before = reader.row(aid).revision
    saved: list[int] = []

    def write_meanwhile(_conn, _cursor, statement, *_args) -> None:
        if not saved and "FROM zg_answer" in statement:
            writer.save_answer(aid, "eq_cnc", Answer(value=20), None, None)
            saved.append(writer.row(aid).revision)

    event.listen(reader.engine, "before_cursor_execute", write_meanwhile)
    try:
        loaded, revision = reader.load_with_revision(aid)
    finally:
        event.remove(reader.engine, "before_cursor_execute", write_meanwhile)
    assert saved and saved[0] > before
    assert (loaded.answers["eq_cnc"].value, revision) == (10, before)
    loaded, revision = reader.load_with_revision(aid)
    assert (loaded.answers["eq_cnc"].value, revision) == (20, saved[0])


WORKER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {desktop!r})
    from zhigai.core.assessment.model import Answer
    from zhigai.core.store.errors import StoreError
    from zhigai.core.store.store import Store

    store = Store.open({url!r})
    done = conflicts = 0
    while done < {count}:
        assessment, revision = store.load_with_revision({aid!r})
        value = assessment.answers["eq_cnc"].value
        try:
            store.save_answer({aid!r}, "eq_cnc", Answer(value=value + 1), None, None,
                              expected_revision=revision)
            done += 1
        except StoreError as error:
            if error.kind not in ("conflict", "unavailable"):
                raise
            conflicts += 1
    print(done, conflicts)
""")


def test_concurrent_processes_lose_no_update(db_url: str, mini_catalog, tmp_path: Path) -> None:
    """Four processes each add 1 to the same stored answer 25 times (read, then write naming
    the revision read, again on refusal): 100 increments, none lost."""
    store = Store.open(db_url)
    aid = new(store, mini_catalog)
    store.save_answer(aid, "eq_cnc", store.load(aid).answers["eq_cnc"].model_copy(
        update={"value": 0}))
    script = WORKER.format(desktop=str(ROOT / "desktop"), url=db_url, aid=aid, count=25)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    workers = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
               for _ in range(4)]
    results = [w.communicate(timeout=300) for w in workers]
    for worker, (_out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
    done = sum(int(out.split()[0]) for out, _ in results)
    conflicts = sum(int(out.split()[1]) for out, _ in results)
    assert done == 100
    assert store.load(aid).answers["eq_cnc"].value == 100, (done, conflicts)
    store.close()


def test_a_refused_edit_is_kept_and_merged_field_by_field(stores, mini_catalog) -> None:
    """The refused edit is kept with the error (``error.mine``); merged with what the other
    writer saved, the fields only they changed stay theirs, the field both changed is a
    conflict, and the merge is saved against the revision read (once: a second try with the
    same plan is refused)."""
    from zhigai.core.exchange.merge import MergeNeeded, apply_import, plan_merge

    office, laptop = stores
    aid = new(office, mini_catalog)
    here = Session.open(office, mini_catalog, aid, OFFICE)
    there = Session.open(laptop, mini_catalog, aid, VISIT)
    there.answer("eq_robots", "cells")
    there.answer("da_scrap", "0.5")
    with pytest.raises(StoreError) as refused:
        here.answer("da_scrap", "1.5")
    error = refused.value
    assert error.mine.answers["da_scrap"].value == 1.5
    assert "da_scrap" not in here.assessment.answers or \
        here.assessment.answers["da_scrap"].value != 1.5          # rolled back in memory
    plan = plan_merge(office, error.mine, error.mine_photos)
    rows = {d.field: (d.default, d.conflict) for d in plan.differences}
    assert rows == {"answer.eq_robots": ("local", False), "answer.da_scrap": (None, True)}
    with pytest.raises(MergeNeeded) as undecided:
        apply_import(office, mini_catalog, plan, {}, OFFICE.name)
    assert [d.field for d in undecided.value.conflicts] == ["answer.da_scrap"]
    assert undecided.value.text("en") == ("edited on both machines: 1 field(s) differ and "
                                          "need a choice (answer.da_scrap); nothing was changed")
    assert undecided.value.text("zh") == ("两台电脑上都修改过：有 1 处需要选择保留哪一边"
                                          "（answer.da_scrap），未做任何改动")
    apply_import(office, mini_catalog, plan, {"answer.da_scrap": "incoming"}, OFFICE.name,
                 OFFICE.machine)
    stored = laptop.load(aid)
    assert (stored.answers["eq_robots"].value, stored.answers["da_scrap"].value) \
        == ("cells", 1.5)
    assert [e.field for e in stored.audit[-2:]] == ["answer.da_scrap", "merge"]
    assert laptop.row(aid).summary["index"] == pytest.approx(
        stored_score(laptop, mini_catalog, aid), abs=0.05)          # the summary follows
    with pytest.raises(StoreError) as again:
        apply_import(office, mini_catalog, plan, {"answer.da_scrap": "incoming"}, "x")
    assert again.value.kind == "conflict"
    here.reload()
    here.answer("eq_cnc", "12")                                   # saves: up to date again
    assert laptop.load(aid).answers["eq_cnc"].value == 12


def test_a_refused_photo_or_verification_is_kept_for_the_merge(stores, mini_catalog) -> None:
    """Edits that change memory only once saved (evidence, photos, the expert verification)
    are made on the kept copy too; a refused photo keeps its bytes, and the merge saves it."""
    import io

    from PIL import Image

    from zhigai.core.assessment.model import Assessor
    from zhigai.core.exchange.merge import apply_import, plan_merge

    office, laptop = stores
    aid = new(office, mini_catalog)
    here = Session.open(office, mini_catalog, aid, OFFICE)
    Session.open(laptop, mini_catalog, aid, VISIT).answer("eq_robots", "cells")
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "PNG")
    with pytest.raises(StoreError) as refused:
        here.add_photo("eq_cnc", out.getvalue(), "cnc.png")
    error = refused.value
    photo = error.mine.evidence["eq_cnc"].photos[0]
    assert error.mine_photos == {photo.sha256: out.getvalue()}
    assert "eq_cnc" not in here.assessment.evidence
    plan = plan_merge(office, error.mine, error.mine_photos)
    assert {d.field: d.default for d in plan.differences} == {
        "answer.eq_robots": "local", "evidence.eq_cnc": "incoming"}
    apply_import(office, mini_catalog, plan, {}, OFFICE.name)
    assert laptop.attachments(aid) == {photo.sha256: out.getvalue()}
    assert laptop.load(aid).answers["eq_robots"].value == "cells"
    here.reload()
    Session.open(laptop, mini_catalog, aid, VISIT).answer("da_scrap", "0.5")
    with pytest.raises(StoreError) as refused:
        here.start_verification(Assessor(name="王工"))
    mine = refused.value.mine
    assert (mine.kind, mine.assessor.name) == ("expert", "王工")
    assert mine.owner_answers.keys() == here.assessment.answers.keys()
    assert here.assessment.kind == "self"
