"""Fixtures of the document tests: a unit and a dossier with long, decomposed Vietnamese texts, and the PDF probe."""

from __future__ import annotations

import os

import pytest
from document_samples import Probe, make_dossier, make_unit

from counter_app.core.model import Dossier, UnitConfig

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def unit() -> UnitConfig:
    return make_unit()


@pytest.fixture
def dossier() -> Dossier:
    return make_dossier()


@pytest.fixture
def probe() -> Probe:
    return Probe()
