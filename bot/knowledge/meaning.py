"""How close in meaning a question is to each knowledge-base entry, for questions that share no words with it.

Word search (``search.py``) needs a shared word. "I use a wheelchair, will the venue be ok?" shares none with "Can I
take part if I have access needs?", and "will I get paid for coming to a meeting?" shares "coming" with "can someone
come with me" before it shares "paid". Here each entry's names, keywords and first summary are sentence vectors
(all-MiniLM-L6-v2, the encoder the NLU already runs), and an entry is as close to a question as its nearest phrase.

Computing the ~2,500 phrase vectors takes about ten seconds, so they are saved under ``build/``, keyed by a hash of
the phrases: a changed knowledge base gets new vectors, an unchanged one loads them in milliseconds.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from bot.knowledge.search import entry_fields

logger = logging.getLogger(__name__)

Encode = Callable[[list[str]], np.ndarray]


def entry_phrases(entry: Any) -> list[str]:
    """What an entry is called and what it is about: its names, keywords and first summary."""
    titles, keywords, summaries, _ = entry_fields(entry)
    return [text for text in (*titles, *keywords, *summaries[:1]) if text and text.strip()]


class MeaningIndex:
    """Entry id -> closeness (cosine similarity, -1 to 1) of its nearest phrase to a question."""

    def __init__(self, entries: list[Any], encode: Encode, cache: Path | None = None, model: str = ""):
        """``model`` names the encoder, so vectors saved from another model are not reused."""
        self._encode = encode
        self._ids = [str(entry.id) for entry in entries]
        owners, phrases = [], []
        for number, entry in enumerate(entries):
            for phrase in entry_phrases(entry):
                owners.append(number)
                phrases.append(phrase)
        self._owners = np.asarray(owners, dtype=np.int64)
        self._vectors = _load_or_encode([model, *phrases], phrases, encode, cache)

    def closeness(self, text: str) -> dict[str, float]:
        if not text.strip() or not len(self._owners):
            return {}
        similarities = self._vectors @ self._encode([text])[0]
        nearest = np.full(len(self._ids), -1.0, dtype=np.float32)
        np.maximum.at(nearest, self._owners, similarities)
        # Rounded: two entries sharing a phrase tie exactly, whatever batch their vectors were computed in.
        return {entry_id: round(float(value), 4) for entry_id, value in zip(self._ids, nearest, strict=True)}


def _load_or_encode(keyed_by: list[str], phrases: list[str], encode: Encode, cache: Path | None) -> np.ndarray:
    key = hashlib.sha256("\n".join(keyed_by).encode("utf-8")).hexdigest()
    if cache is not None and cache.exists():
        try:
            with np.load(cache) as saved:
                if str(saved["key"]) == key:
                    return saved["vectors"]
        except (OSError, ValueError, KeyError) as error:
            logger.info("Ignoring the saved phrase vectors in %s (%s); computing them again", cache, error)
    vectors = encode(phrases).astype(np.float32) if phrases else np.zeros((0, 1), dtype=np.float32)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_name(f"{cache.stem}.{os.getpid()}.tmp.npz")  # one per process: servers start together
            np.savez(temporary, key=np.asarray(key), vectors=vectors)
            temporary.replace(cache)  # another process reading it never sees half a file
        except OSError as error:
            logger.info("Could not save the phrase vectors to %s (%s); they will be computed again", cache, error)
    return vectors
