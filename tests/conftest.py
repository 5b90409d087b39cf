"""Shared test set-up. Most tests never touch Qt; GUI tests use pytest-qt's qtbot."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))  # also works without an editable install

import pytest  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def mini_catalog():
    from zhigai.core.catalog import Catalog

    catalog = Catalog.load([FIXTURES / "valid"])
    assert not catalog.problems, [p.format() for p in catalog.problems]
    return catalog


@pytest.fixture(scope="session")
def catalog():
    from zhigai.core.catalog import default_catalog

    return default_catalog()
