"""A firm's financial data and photos stay the user's own: the data folder 0700, the store, bundles,
portfolio exports and reports 0600 under the usual umask 022 and under 077; a report readable
by others only when the setting says so (issue 19). POSIX modes: not on Windows."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from zhigai.core.assessment.model import load_assessment
from zhigai.core.base import settings as prefs
from zhigai.core.exchange.bundle import export_bundle
from zhigai.core.portfolio.export import export_csv
from zhigai.core.questionnaire.catalog import default_catalog
from zhigai.core.report.service import write_atomically
from zhigai.core.session.session import Session
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o077], ids=["umask022", "umask077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    before = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(before)


def test_what_zhigai_keeps_is_the_users_own(tmp_path: Path, umask: int,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHIGAI_CONFIG_DIR", str(tmp_path / "config"))
    prefs.forget()
    folder = tmp_path / "data" / "Zhigai"
    store = Store.open(f"sqlite:///{folder / 'zhigai.sqlite3'}")
    try:
        session = Session.import_assessment(store, default_catalog(), load_assessment(
            ROOT / "examples" / "textile-early.json"))
        bundle = export_bundle(store, session.id, tmp_path / "firm.zhigai")
    finally:
        store.close()
    assert mode(folder) == 0o700
    for name in ("zhigai.sqlite3", "zhigai.sqlite3-wal"):
        if (folder / name).exists():
            assert mode(folder / name) == 0o600, name
    assert mode(bundle) == 0o600
    csv = export_csv(pd.DataFrame({"a": [1]}), tmp_path / "table.csv")
    assert mode(csv) == 0o600
    write_atomically(tmp_path / "r.pdf", b"%PDF-1.4\n")
    assert mode(tmp_path / "r.pdf") == 0o600
    write_atomically(tmp_path / "shared.pdf", b"%PDF-1.4\n", shared=True)
    assert mode(tmp_path / "shared.pdf") == 0o666 & ~umask
    prefs.forget()


def test_an_existing_open_store_is_made_private(tmp_path: Path, umask: int) -> None:
    folder = tmp_path / "old"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    Store.open(f"sqlite:///{folder / 's.sqlite3'}").close()
    os.chmod(folder / "s.sqlite3", 0o644)      # as an earlier release left it
    Store.open(f"sqlite:///{folder / 's.sqlite3'}").close()
    assert mode(folder / "s.sqlite3") == 0o600
    assert mode(folder) == 0o755    # a folder that was there (perhaps the user's) keeps its mode


def _photo(kind: str) -> bytes:
    import io

    from PIL import Image

    img = Image.new("RGB", (80, 40), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6                                   # orientation: turn 90° to show
    exif[0x013B] = "Wang Gong"                         # artist
    exif[0x8825] = {1: "N", 2: (30.0, 15.0, 0.0), 3: "E", 4: (120.0, 10.0, 0.0)}  # GPS
    out = io.BytesIO()
    if kind == "JPEG":
        img.save(out, "JPEG", exif=exif.tobytes())
    else:
        from PIL import PngImagePlugin

        text = PngImagePlugin.PngInfo()
        text.add_text("Author", "Wang Gong")
        img.save(out, "PNG", exif=exif.tobytes(), pnginfo=text)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_photo_loses_its_position_and_author_on_intake(tmp_path: Path, kind: str) -> None:
    import io

    from PIL import Image

    raw = _photo(kind)
    with Image.open(io.BytesIO(raw)) as before:
        assert before.getexif().get(0x013B) == "Wang Gong"
    store = Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        session = Session.import_assessment(store, default_catalog(), load_assessment(
            ROOT / "examples" / "textile-early.json"))
        question = next(iter(session.assessment.answers))
        photo = session.add_photo(question, raw, f"site.{kind.lower()}")
        kept = session.photo_data(photo.sha256)
    finally:
        store.close()
    assert kept is not None and kept != raw and b"Wang Gong" not in kept
    with Image.open(io.BytesIO(kept)) as after:
        assert not len(after.getexif()) and "Author" not in after.info
        assert after.size == (40, 80)                  # upright, as the orientation said
        assert after.format == kind
    plain = Image.new("RGB", (8, 8))
    out = io.BytesIO()
    plain.save(out, "PNG")
    from zhigai.core.assessment.photos import without_metadata

    assert without_metadata(out.getvalue()) == out.getvalue()   # nothing to take out: same
