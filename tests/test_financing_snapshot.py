"""The financing advice of the reference firms, as reviewed (tests/fixtures/financing.json,
written by scripts/pin_financing.py): the after-tax figures, the verdict, every structure with
its terms, figures, bank tests, proposals, needs and reasons in both languages. A change shows
up here and must be read as a credit officer would before the file is written again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINNED = json.loads((ROOT / "tests" / "fixtures" / "financing.json").read_text(
    encoding="utf-8"))


@pytest.mark.parametrize("firm", sorted(PINNED))
def test_the_financing_is_the_one_reviewed(firm: str) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from pin_financing import financing_of

    assert financing_of(firm) == PINNED[firm]


def test_every_reference_firm_is_pinned() -> None:
    firms = {p.name for p in (ROOT / "examples" / "reference").iterdir()
             if (p / "assessment.json").exists()}
    assert set(PINNED) == firms
