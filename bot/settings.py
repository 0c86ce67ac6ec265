"""Settings that differ between a laptop and production, read from the environment with safe defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def knowledge_dir() -> Path:
    """Folder of the knowledge base YAML files (``INVOLVE_KNOWLEDGE_DIR``)."""
    return Path(os.environ.get("INVOLVE_KNOWLEDGE_DIR", PROJECT_ROOT / "data" / "knowledge"))


def spacy_model_dir() -> Path:
    """Where the project's own spaCy pipeline is built (``INVOLVE_SPACY_MODEL``)."""
    return Path(os.environ.get("INVOLVE_SPACY_MODEL", PROJECT_ROOT / "build" / "spacy_involve"))


def meaning_vectors_file() -> Path:
    """Where the knowledge base's phrase vectors are saved between runs (``INVOLVE_MEANING_VECTORS``)."""
    return Path(os.environ.get("INVOLVE_MEANING_VECTORS", PROJECT_ROOT / "build" / "meaning_vectors.npz"))


def max_message_chars() -> int:
    """Longest message the bot will read; longer ones get a friendly 'please shorten' reply."""
    return int(os.environ.get("INVOLVE_MAX_MESSAGE_CHARS", "2000"))
