"""Shared fixtures. The real knowledge base is loaded once per session (it is immutable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Knowledge, load

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load()
